r"""Minimal motivation: necessity of weak redundancy (T12).

Suppose $\Lambda$ must be stochastically expressible through *every* latent $M$ that makes the
observables mutually independent.  $M = X_{-i}$ always works, and expressibility through it is
$I(\Lambda;X\mid X_{-i}) = I(\Lambda;X_i\mid X_{-i})$ — exactly the weak redundancy error.  Together
with mediation these are the weak natural-latent conditions, which by T7 are also sufficient.
"""
from natlat_sym.catalog import Theorem, prove_that

THEOREM = Theorem(
    id="weak_redundancy_of_minimal_motivation",
    title="Minimal motivation (necessity of weak redundancy)",
    spec_id="T12", kind="theorem",
    reference="S6",
    obligations=(
        prove_that("TC(X1;X2;X3|X2,X3) = 0", description="X_{-1} makes X mutually independent"),
        prove_that("I(Λ;X1,X2,X3|X2,X3) = I(Λ;X1|X2,X3)",
                   description="expressible through X_{-1} ⇔ weak redundancy term for X1"),
        prove_that("I(Λ;X1,X2|X2) = I(Λ;X1|X2)", description="n = 2"),
    ),
    uses=("stochastic_redundancy", "mediator_and_redund", "determination"),
    proof_uses=("latent_mediates_of_stochastic_natural_latents",),
)
