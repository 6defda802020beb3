r"""Splicing out a node with two children can increase the error (R7, negative).

The spec's example of marginalization "a node with a single parent whose children are re-attached
to that parent" is not valid when the node has two or more children: for
$G = P \to V \to C_1,\ V \to C_2$ and $G' = P \to C_1,\ P \to C_2$, the marginal of a $G$-distribution need
not satisfy $C_1 \perp C_2 \mid P$. With $P$ constant and $C_1 = C_2 = V$ a fair bit, $\varepsilon_G = 0$ but
$\varepsilon_{G'} = I(C_1;C_2\mid P) = 1$ bit. With a single child the splice is valid (see R7).
"""
from natlat_sym.catalog import Theorem, refute_that
from natlat_sym.catalog.diagram_claims import diagram_statement
from natlat_sym.finite.distribution import Distribution

_WITNESS = Distribution.from_dict({(0, 0, 0, 0): "1/2", (0, 1, 1, 1): "1/2"}, ["P", "V", "C1", "C2"],
                                  alphabets=[(0,), (0, 1), (0, 1), (0, 1)])

THEOREM = Theorem(
    id="not_marginal_error_le_of_splicing_out_node",
    title="Splicing out a node with two children is not a marginalization",
    spec_id="R7b", kind="negative", reference="spec R7 example; counterexample derived",
    obligations=(
        refute_that(diagram_statement("P -> C1; P -> C2", "<=", "P -> V -> C1; V -> C2"), witness=_WITNESS,
                    description="ε(P → C1, P → C2) ≤ ε(P → V → C1, V → C2) fails on C1 = C2 = V"),
    ),
    uses=("marginal_error_le_of_marginalization",),
)
