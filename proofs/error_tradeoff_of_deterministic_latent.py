r"""Entropy-parametrized tradeoff (T20).

For a deterministic latent ($H(\Lambda\mid X) = 0$): $TC(X\mid\Lambda) = TC(X) + H(\Lambda) - \sum_i I(X_i;\Lambda)$, and
always $\sum_i H(\Lambda\mid X_i) = nH(\Lambda) - \sum_i I(X_i;\Lambda)$.  At fixed $H(\Lambda)$ both the mediation error and
the summed strong redundancy error are minimised exactly by maximising $\sum_i I(X_i;\Lambda)$; $H(\Lambda)$ is
the tradeoff knob.  Checked for $n = 2, 3$.
"""
from natlat_sym.catalog import Theorem, prove_that

THEOREM = Theorem(
    id="error_tradeoff_of_deterministic_latent",
    title="Entropy-parametrized tradeoff",
    spec_id="T20", kind="theorem",
    reference="S11",
    obligations=(
        prove_that("I(X1;X2|Λ) = I(X1;X2) + H(Λ) - I(X1;Λ) - I(X2;Λ)", given=["deterministic: H(Λ|X1,X2) = 0"]),
        prove_that("TC(X1;X2;X3|Λ) = TC(X1;X2;X3) + H(Λ) - I(X1;Λ) - I(X2;Λ) - I(X3;Λ)",
                   given=["deterministic: H(Λ|X1,X2,X3) = 0"]),
        prove_that("H(Λ|X1) + H(Λ|X2) + H(Λ|X3) = 3*H(Λ) - I(X1;Λ) - I(X2;Λ) - I(X3;Λ)"),
    ),
    uses=("mediation_error", "deterministic_redundancy"),
)
