r"""Marginalization (R7).

If the marginal of every distribution factoring over $G$ factors over $G'$ on the remaining
variables (every local Markov statement of $G'$ is a d-separation of $G$), then
$D_{KL}(P_{marg} \,\|\, P_{G'}) = \varepsilon_{G'} \le \varepsilon_G$. Deleting a leaf lowers the error
by exactly that leaf's own term. Checked on every DAG $G$ on at most 4 nodes, every deleted node and
every $G'$ on the rest. The spec's second example (deleting a node with a single parent and
re-attaching its children to that parent) holds for one child but fails for two: see
`marginal_error_le_of_splicing_out_node`.
"""
from natlat_sym.catalog import Theorem, prove_that
from natlat_sym.catalog.schemas import diagram_statement, for_every_marginalization

THEOREM = Theorem(
    id="marginal_error_le_of_marginalization",
    title="Marginalization",
    spec_id="R7", kind="rule", reference="used in S9, stated in S20",
    obligations=(
        prove_that(diagram_statement("X1 <- L -> X2", "==", ["X1 <- L -> X2; L -> X3", "-I(X3;X1,X2|L)"]),
                   description="deleting the leaf X3 of Λ → X1, X2, X3 drops exactly its term I(X3;X1,X2|L)"),
        prove_that(diagram_statement("P -> C; Q -> C", "<=", "P -> V -> C; Q -> C"),
                   description="splicing out V (one parent P, one child C)"),
        for_every_marginalization(max_nodes=4),
    ),
    uses=("diagram_error_eq_entropy_form",),
)
