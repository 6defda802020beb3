r"""Uniqueness of natural latents up to isomorphism (T10).

Two deterministic natural latents $\Lambda_1, \Lambda_2$ over the same observables determine each
other: $H(\Lambda_1\mid\Lambda_2) \le \varepsilon_{med}(\Lambda_2) + 2\varepsilon_{red}(\Lambda_1)$ and symmetrically.
Stochastic natural latents agree only up to independent noise:
$I(\Lambda_2;X\mid\Lambda_1)$ is small, plus twice the third-diagram error — the reason S9 moved to
deterministic latents.
"""
from natlat_sym.catalog import Theorem, prove_that

DETERMINISTIC = ["med1: I(X1;X2|Λ1) <= e1", "red1a: H(Λ1|X1) <= r1", "red1b: H(Λ1|X2) <= r1",
                 "med2: I(X1;X2|Λ2) <= e2", "red2a: H(Λ2|X1) <= r2", "red2b: H(Λ2|X2) <= r2"]

THEOREM = Theorem(
    id="isomorphic_of_natural_latents",
    title="Uniqueness / isomorphism of natural latents",
    spec_id="T10", kind="theorem",
    reference="S1; S5 (Uniqueness); S9",
    obligations=(
        prove_that("H(Λ1|Λ2) <= e2 + 2*r1", given=DETERMINISTIC),
        prove_that("H(Λ2|Λ1) <= e1 + 2*r2", given=DETERMINISTIC),
        prove_that("I(Λ2;X1,X2|Λ1) <= I(X1;X2|Λ1) + I(Λ2;X1|X2) + I(Λ2;X2|X1) + 2*I(Λ1;Λ2|X1,X2)",
                   description="stochastic: only up to independent noise"),
    ),
    uses=("natural_latent", "determination", "third_diagram"),
    proof_uses=("redund_determined_of_mediator",),
)
