r"""Stochastic redundancy error (definition D2).

$\Gamma$ is a *stochastic redund* when it can be recovered from the surviving
observables after deleting any $m$ of them (the deletion budget): the error for a
deleted set $D$ is $I(\Gamma; X_D \mid X_{-D})$, the KL error of the diagram in
which $\Gamma$'s only parents are $X_{-D}$.  $m = 1$ is the weak (drop-one) form
$I(\Gamma;X_i\mid X_{-i})$, $m = n-1$ the strong (any single observable suffices)
form $I(\Gamma; X_{-i}\mid X_i)$; for $n = 2$ they coincide.  Deleting more never
lowers the error.
"""
from natlat_sym.catalog import Theorem, prove_that

THEOREM = Theorem(
    id="stochastic_redundancy",
    title="Stochastic redundancy error",
    spec_id="D2", kind="definition",
    reference="S17; S18; S6; S4; S1; S7; S19",
    obligations=(
        prove_that("I(Γ;X1,X2|X3) = I(Γ;X2|X3) + I(Γ;X1|X2,X3)", description="chain rule over the deleted set"),
        prove_that("I(Γ;X1|X2,X3) <= I(Γ;X1,X2|X3)", description="budget monotonicity: m = 1 ≤ m = 2"),
        prove_that("I(Γ;X1|X2) >= 0"),
    ),
    uses=(),
)
