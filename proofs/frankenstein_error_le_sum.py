r"""Frankenstein rule (R3).

Let $G_1,\dots,G_m$ be DAGs on the same variables sharing a topological order, with $P$ satisfying
$G_j$ within $\varepsilon_j$. The diagram $G^*$ that gives node $i$ its parents in some $G_{\sigma(i)}$
satisfies $\varepsilon_{G^*} = \sum_i \varepsilon_{\sigma(i),i} \le \sum_j \varepsilon_j$, where
$\varepsilon_{j,i} = I(Y_i; Y_{<i}\setminus pa_j(i) \mid Y_{pa_j(i)})$ are the node terms in the shared order.
Checked on every pair of DAGs on at most 4 nodes and every triple on at most 3, with every choice
$\sigma$. Without a shared order the rule is false (see
`frankenstein_error_le_sum_of_unordered_diagrams`).
"""
from natlat_sym.catalog import Theorem, prove_that
from natlat_sym.catalog.schemas import diagram_statement, for_every_frankenstein

THEOREM = Theorem(
    id="frankenstein_error_le_sum",
    title="Frankenstein rule",
    spec_id="R3", kind="rule", reference="S2 (and a commenter's correction of the per-node term)",
    obligations=(
        prove_that(diagram_statement("Y1; Y2 -> Y3", "<=", ["Y1 -> Y2 -> Y3", "Y1 -> Y3 <- Y2"]),
                   description="G1 = Y1 → Y2 → Y3, G2 = Y1 → Y3 ← Y2; Y2 takes its parents from G2, "
                               "Y3 from G1: ε(Y1; Y2 → Y3) ≤ ε(G1) + ε(G2)"),
        for_every_frankenstein(pair_nodes=4, triple_nodes=3),
    ),
    uses=("diagram_error_eq_entropy_form",),
)
