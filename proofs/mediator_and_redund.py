r"""Mediators and redunds (definition D5).

A *mediator* satisfies the mediation condition only; a *redund* satisfies a
redundancy condition only.  A *minimal mediator* is determined by every mediator,
a *maximal redund* determines every redund.  Every observable subset $X_{-j}$ is an
exact mediator (given all but one observable, the observables are independent),
and every constant is an exact redund; in the exact case a natural latent is both a
minimal mediator and a maximal redund (T8, T9).
"""
from natlat_sym.catalog import Theorem, prove_that

THEOREM = Theorem(
    id="mediator_and_redund",
    title="Mediators and redunds",
    spec_id="D5", kind="definition",
    reference="S9; S10; S11",
    obligations=(
        prove_that("I(X1;X2|X1) = 0", description="X1 is an exact mediator of (X1, X2)"),
        prove_that("TC(X1;X2;X3|X1,X2) = 0", description="X_{-3} is an exact mediator of (X1, X2, X3)"),
        prove_that("H(Γ|X1) <= H(Γ)", description="a constant (H(Γ) = 0) is an exact redund"),
    ),
    uses=("mediation_error", "deterministic_redundancy"),
)
