r"""Naturality implies minimality among mediators (T8).

If $\Lambda$ is a natural latent and $M$ is any mediator (error $\varepsilon^*_{med} = I(X_1;X_2\mid M)$), then
$\Lambda$ is (nearly) determined by $M$.  Deterministic:
$H(\Lambda\mid M) \le I(X_1;X_2\mid M) + H(\Lambda\mid X_1) + H(\Lambda\mid X_2)$.  Stochastic:
$I(\Lambda;X\mid M) \le I(X_1;X_2\mid M) + I(\Lambda;X_1\mid X_2) + I(\Lambda;X_2\mid X_1) + 2I(\Lambda;M\mid X)$.
Proof: T4 / T3 with $M$ in the mediator role and $\Lambda$ in the redund role.
"""
from natlat_sym.catalog import Theorem, prove_that

THEOREM = Theorem(
    id="determined_by_mediator_of_natural_latent",
    title="Naturality implies minimality among mediators",
    spec_id="T8", kind="theorem",
    reference="S1; S5; S9 Corollary 1.1",
    obligations=(
        prove_that("H(Λ|M) <= I(X1;X2|M) + H(Λ|X1) + H(Λ|X2)", description="deterministic"),
        prove_that("H(Λ|M) <= eps + 2*delta", given=["mediator: I(X1;X2|M) <= eps", "redundancy_1: H(Λ|X1) <= delta",
                                                     "redundancy_2: H(Λ|X2) <= delta"],
                   description="deterministic, max-form: H(Λ|M) ≤ ε*_med + 2ε_red"),
        prove_that("I(Λ;X1,X2|M) <= I(X1;X2|M) + I(Λ;X1|X2) + I(Λ;X2|X1) + 2*I(Λ;M|X1,X2)", description="stochastic"),
    ),
    uses=("natural_latent", "mediator_and_redund", "determination"),
    proof_uses=("redund_determined_of_mediator", "mediation_of_stochastic_natural_latent"),
)
