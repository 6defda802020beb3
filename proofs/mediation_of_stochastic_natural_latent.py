r"""Simplified fundamental theorem: two observables, stochastic latents (T3).

If $\Lambda$ mediates between $X_1, X_2$ ($\varepsilon_1 = I(X_1;X_2\mid\Lambda)$), $\Gamma$ is a stochastic redund
($\varepsilon_2 = I(\Gamma;X_1\mid X_2)$, $\varepsilon_2' = I(\Gamma;X_2\mid X_1)$) and the latents interact only through
$X$ ($\varepsilon_3 = I(\Lambda;\Gamma\mid X)$), then $\Lambda$ mediates between $\Gamma$ and $X$:
$$I(\Gamma; X_1X_2\mid\Lambda) \le \varepsilon_1 + \varepsilon_2 + \varepsilon_2' + 2\varepsilon_3.$$
The coefficients $(1,1,1,2)$ are the componentwise least of any Shannon-type proof, and the
$\varepsilon_3$-coefficient cannot go below 2 even when the others are made large.  The
third diagram cannot be dropped: with $X_1, X_2, Z$ fair bits, $\Lambda = Z$ and
$\Gamma = Z\oplus X_1\oplus X_2$ all other errors vanish but $I(\Gamma;X\mid\Lambda) = 1$.
"""
from natlat_sym.catalog import Theorem, holds_on, check_on_instances, prove_that, refute_that, tight_constants
from natlat_sym.finite import Distribution

XOR = Distribution.from_dict({(x1, x2, z, z ^ x1 ^ x2): "1/8" for x1 in (0, 1) for x2 in (0, 1) for z in (0, 1)},
                             ["X1", "X2", "Λ", "Γ"])
BOUND = "I(Γ;X1,X2|Λ) <= I(X1;X2|Λ) + I(Γ;X1|X2) + I(Γ;X2|X1) + 2*I(Λ;Γ|X1,X2)"

THEOREM = Theorem(
    id="mediation_of_stochastic_natural_latent",
    title="Simplified fundamental theorem (2 observables, stochastic latents)",
    spec_id="T3", kind="theorem",
    reference="S1 (exact version); S20 (Lean, 2·ε₃); derived",
    obligations=(
        prove_that(BOUND),
        tight_constants("I(Γ;X1,X2|Λ) <= a*I(X1;X2|Λ) + b*I(Γ;X1|X2) + c*I(Γ;X2|X1) + d*I(Λ;Γ|X1,X2)",
                        a=1, b=1, c=1, d=2),
        tight_constants("I(Γ;X1,X2|Λ) <= 1000*(I(X1;X2|Λ) + I(Γ;X1|X2) + I(Γ;X2|X1)) + d*I(Λ;Γ|X1,X2)", d=2,
                        description="ε₃-coefficient 2 stays least even with the other coefficients 1000"),
        prove_that("I(Γ;X1,X2|Λ) = 0", given=["mediation: I(X1;X2|Λ) = 0", "redundancy_1: I(Γ;X1|X2) = 0",
                                              "redundancy_2: I(Γ;X2|X1) = 0", "third: I(Λ;Γ|X1,X2) = 0"],
                   description="exact version: all four diagrams exact ⇒ Γ ⊥ X | Λ"),
        refute_that("I(Γ;X1,X2|Λ) <= I(X1;X2|Λ) + I(Γ;X1|X2) + I(Γ;X2|X1)", witness=XOR, supporting=True,
                    description="the third diagram cannot be dropped (xor: Λ = Z, Γ = Z ⊕ X1 ⊕ X2)"),
        check_on_instances(lambda: holds_on("I(Γ;X1,X2|Λ) = I(Λ;Γ|X1,X2)", [XOR]), supporting=True,
                           description="on the xor example I(Γ;X|Λ) = ε₃ = 1: coefficient ≥ 1 on real distributions"),
    ),
    uses=("mediation_error", "stochastic_redundancy", "third_diagram", "determination"),
)
