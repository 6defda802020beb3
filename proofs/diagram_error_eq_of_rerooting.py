r"""Re-rooting a Markov chain or tree does not change its error (R1).

A chain $Y_1 \to Y_2 \to \dots \to Y_k$ and every re-rooted version (arrows pointing away from a
chosen root) define the same factorised distribution, so the diagram error is the same linear form
$\sum_{i<k} H(Y_iY_{i+1}) - \sum_{1<i<k} H(Y_i) - H(Y)$; for a tree,
$\sum_{\text{edges}} H(Y_uY_v) - \sum_v (\deg v - 1) H(Y_v) - H(Y)$.
Checked on every labelled tree with at most 5 nodes and every root.
"""
from natlat_sym.catalog import Theorem
from natlat_sym.catalog.schemas import diagram_statement, for_every_rerooting
from natlat_sym.catalog.theorem import prove_that

THEOREM = Theorem(
    id="diagram_error_eq_of_rerooting",
    title="Re-rooting a chain or tree keeps its error",
    spec_id="R1", kind="rule", reference="S2",
    obligations=(
        prove_that(diagram_statement("Y1 -> Y2 -> Y3 -> Y4", "==", "Y1 <- Y2 <- Y3 <- Y4"),
                   description="chain Y1 → Y2 → Y3 → Y4 and its reversal have the same error"),
        prove_that(diagram_statement("Y1 -> Y2 -> Y3 -> Y4", "==", "Y1 <- Y2 -> Y3 -> Y4"),
                   description="re-rooting the chain at Y2"),
        for_every_rerooting(max_nodes=5),
    ),
    uses=("diagram_error_eq_entropy_form",),
)
