r"""Third diagram: independently built latents (definition D6).

Two latents built separately from the same observables interact only through
them: the diagram $\Lambda \leftarrow X \rightarrow \Gamma$, with error
$\varepsilon_3 = I(\Lambda;\Gamma\mid X)$.  It vanishes for latents drawn independently
given $X$ and is at most $H(\Gamma\mid X)$, so it is automatic when $\Gamma$ is
(nearly) a function of $X$.
"""
from natlat_sym.catalog import Theorem, prove_that

THEOREM = Theorem(
    id="third_diagram",
    title="Third diagram (independent latents)",
    spec_id="D6", kind="definition",
    reference="S1; S9",
    obligations=(
        prove_that("I(Λ;Γ|X1,X2) = H(X1,X2) + H(Λ|X1,X2) + H(Γ|X1,X2) - H(Λ,Γ,X1,X2)",
                   description="ε₃ is the KL error of Λ ← X → Γ"),
        prove_that("I(Λ;Γ|X1,X2) <= H(Γ|X1,X2)"),
        prove_that("I(Λ;Γ|X1,X2) <= H(Λ|X1,X2)"),
    ),
)
