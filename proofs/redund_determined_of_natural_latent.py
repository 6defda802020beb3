r"""Naturality implies maximality among redunds (T9).

If $\Lambda$ is a natural latent (mediation error $\varepsilon_{med}$) and $\Gamma$ is any redund
($\varepsilon'_{red}$), then $\Gamma$ is (nearly) determined by $\Lambda$: $H(\Gamma\mid\Lambda)\le\varepsilon_{med} + 2\varepsilon'_{red}$
(deterministic); the stochastic analogue follows from T3.
"""
from natlat_sym.catalog import Theorem, prove_that

THEOREM = Theorem(
    id="redund_determined_of_natural_latent",
    title="Naturality implies maximality among redunds",
    spec_id="T9", kind="theorem",
    reference="S1; S5; S9 Corollary 1.2",
    obligations=(
        prove_that("H(Γ|Λ) <= eps + 2*delta", given=["mediation: I(X1;X2|Λ) <= eps", "redund_1: H(Γ|X1) <= delta",
                                                     "redund_2: H(Γ|X2) <= delta"],
                   description="deterministic, max-form"),
        prove_that("I(Γ;X1,X2|Λ) <= eps + 2*delta + 2*eps3",
                   given=["mediation: I(X1;X2|Λ) <= eps", "redund_1: I(Γ;X1|X2) <= delta",
                          "redund_2: I(Γ;X2|X1) <= delta", "third: I(Λ;Γ|X1,X2) <= eps3"],
                   description="stochastic analogue (via T3)"),
    ),
    uses=("natural_latent", "mediator_and_redund", "determination"),
    proof_uses=("redund_determined_of_mediator", "mediation_of_stochastic_natural_latent"),
)
