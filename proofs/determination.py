r"""Determination and stochastic determination (definition D7).

$\Gamma$ is determined by $\Lambda$ to within $\delta$ when $H(\Gamma\mid\Lambda)\le\delta$ (the
diagram $\Gamma\leftarrow\Lambda\rightarrow\Gamma$).  The stochastic form asks $\Lambda$ to mediate
between $\Gamma$ and $X$: $I(\Gamma;X\mid\Lambda)\le\delta$ — $\Gamma$ is a function of $\Lambda$ up to
noise independent of $X$.  The stochastic error never exceeds the deterministic one.
"""
from natlat_sym.catalog import Theorem, prove_that, tight_constants

THEOREM = Theorem(
    id="determination",
    title="Determination (deterministic and stochastic)",
    spec_id="D7", kind="definition",
    reference="S6; S9",
    obligations=(
        prove_that("I(Γ;X1,X2|Λ) <= H(Γ|Λ)"),
        tight_constants("I(Γ;X1,X2|Λ) <= a*H(Γ|Λ)", a=1),
    ),
)
