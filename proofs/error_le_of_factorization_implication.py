r"""Bookkeeping: implied diagrams have smaller error (R6).

If every distribution that factors over $G_1$ also factors over $G_2$ (decided by d-separation:
every local Markov statement of $G_2$ is a d-separation of $G_1$), then
$\varepsilon_{G_2} \le \varepsilon_{G_1}$. Special cases: adding an arrow; any I-map weakening;
re-rooting. Checked on every pair of DAGs on at most 4 nodes with $G_1 \Rightarrow G_2$; each
instance has a certificate that is a sum of terms $I(v; u \mid pa(v))$, one per arrow added in a
Chickering sequence of covered reversals and additions. Without the implication the inequality
fails (collider versus chain, refuted by XOR).
"""
from natlat_sym.catalog import Theorem, prove_that, refute_that
from natlat_sym.catalog.schemas import diagram_statement, for_every_implication
from natlat_sym.finite.families import xor

THEOREM = Theorem(
    id="error_le_of_factorization_implication",
    title="Bookkeeping: implied diagrams have smaller error",
    spec_id="R6", kind="rule", reference="S2 (rules; unified theorem in S2 comments)",
    obligations=(
        prove_that(diagram_statement("X1 -> X2 -> X3; X1 -> X3", "<=", "X1 -> X2 -> X3"),
                   description="adding the arrow X1 → X3 never increases the error"),
        for_every_implication(max_nodes=4),
        refute_that(diagram_statement("X1 -> X3 -> X2", "<=", "X1 -> X3 <- X2"), witness=xor(),
                    description="no implication, no bound: chain error ≤ collider error fails on XOR",
                    supporting=True),
    ),
    uses=("diagram_error_eq_entropy_form",),
)
