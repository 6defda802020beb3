r"""Entropy sandwich for deterministic natural latents (T19).

For any $\Gamma$: $H(\Gamma)\le I(X_1;X_2) + H(\Gamma\mid X_1) + H(\Gamma\mid X_2)$; for any $\Lambda$:
$I(\Lambda;X)\ge I(X_1;X_2) - I(X_1;X_2\mid\Lambda)$.  Hence a deterministic $(\varepsilon_{med},\varepsilon_{red})$-natural latent
has $I(X_1;X_2) - \varepsilon_{med}\le H(\Lambda)\le I(X_1;X_2) + 2\varepsilon_{red}$: its entropy is pinned to the mutual
information.
"""
from natlat_sym.catalog import Theorem, prove_that, tight_constants

NATURAL = ["mediation: I(X1;X2|Λ) <= eps", "redundancy_1: H(Λ|X1) <= delta", "redundancy_2: H(Λ|X2) <= delta"]

THEOREM = Theorem(
    id="entropy_bounds_of_deterministic_natural_latent",
    title="Entropy sandwich for deterministic natural latents",
    spec_id="T19", kind="theorem",
    reference="derived; classical",
    obligations=(
        prove_that("H(Γ) <= I(X1;X2) + H(Γ|X1) + H(Γ|X2)"),
        tight_constants("H(Γ) <= a*I(X1;X2) + b*(H(Γ|X1) + H(Γ|X2))", a=1, b=1),
        prove_that("I(Λ;X1,X2) >= I(X1;X2) - I(X1;X2|Λ)"),
        prove_that("H(Λ) <= I(X1;X2) + 2*delta", given=NATURAL, description="upper half of the sandwich"),
        prove_that("H(Λ) >= I(X1;X2) - eps", given=NATURAL, description="lower half of the sandwich"),
    ),
    uses=("natural_latent", "deterministic_redundancy", "mediation_error"),
)
