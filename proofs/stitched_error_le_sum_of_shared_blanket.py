r"""Stitching along a shared Markov blanket (R5).

Variables split as $(A, M, B)$. If $G_A$ on $(A, M)$ and $G_B$ on $(B, M)$ give $M$ the same internal
structure $G_M$ and the blanket diagram $A \leftarrow M \rightarrow B$ holds within
$\varepsilon_M = I(A;B\mid M)$, the stitched DAG ($M$ first, $A$-nodes with $G_A$ parents, $B$-nodes with
$G_B$ parents) satisfies exactly
$\varepsilon = \varepsilon_{G_A} + \varepsilon_{G_B} - \varepsilon_{G_M} + I(A;B\mid M)
\le \varepsilon_{G_A} + \varepsilon_{G_B} + \varepsilon_M$.
Checked on every split of at most 4 variables and every $G_M$, $G_A$, $G_B$.
"""
from natlat_sym.catalog import Theorem, prove_that
from natlat_sym.catalog.schemas import diagram_statement, for_every_stitching

THEOREM = Theorem(
    id="stitched_error_le_sum_of_shared_blanket",
    title="Stitching along a shared Markov blanket",
    spec_id="R5", kind="rule", reference="S2 (exact constant not readable; identity derived)",
    obligations=(
        prove_that(diagram_statement("M1 -> M2; M1 -> A1; M2 -> B1", "<=", "ea + eb + em",
                                     given=[("M1 -> M2; M1 -> A1", "<=", "ea", "gA"),
                                            ("M1 -> M2; M2 -> B1", "<=", "eb", "gB"),
                                            ("I(A1;B1|M1,M2)", "<=", "em", "blanket")]),
                   description="A1 ← M1 → M2 → B1 stitched from G_A, G_B and the blanket A ← M → B"),
        for_every_stitching(max_nodes=4),
    ),
    uses=("diagram_error_eq_entropy_form",),
)
