r"""Mediation error (definition D1).

$\Lambda$ *mediates* between the observables when they are independent given
$\Lambda$ (all $X_i$ are children of $\Lambda$ only).  The error is the KL divergence
of that diagram, the conditional total correlation
$\varepsilon_{med} = TC(X \mid \Lambda) = \sum_i H(X_i\mid\Lambda) - H(X\mid\Lambda)$;
for two observables $I(X_1;X_2\mid\Lambda)$.  The chain rule writes it as
$\sum_{i\ge 2} I(X_i; X_{<i}\mid\Lambda)$; the two-chunk form $I(X_A;X_B\mid\Lambda)$ and the
per-coordinate form $I(X_j;X_{-j}\mid\Lambda)$ are at most $TC(X\mid\Lambda)$.
"""
from natlat_sym.catalog import Theorem, prove_that

THEOREM = Theorem(
    id="mediation_error",
    title="Mediation error",
    spec_id="D1", kind="definition",
    reference="S16; S15; S18",
    obligations=(
        prove_that("TC(X1;X2|Λ) = I(X1;X2|Λ)"),
        prove_that("TC(X1;X2;X3|Λ) = I(X2;X1|Λ) + I(X3;X1,X2|Λ)"),
        prove_that("TC(X1;X2;X3;X4|Λ) = I(X2;X1|Λ) + I(X3;X1,X2|Λ) + I(X4;X1,X2,X3|Λ)"),
        prove_that("I(X1;X2,X3|Λ) <= TC(X1;X2;X3|Λ)", description="two-chunk error ≤ total correlation"),
        prove_that("I(X1,X2;X3,X4|Λ) <= TC(X1;X2;X3;X4|Λ)", description="two-chunk error ≤ total correlation (n = 4)"),
        prove_that("TC(X1;X2;X3|Λ) >= 0"),
    ),
)
