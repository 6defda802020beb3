r"""Frankenstein rule without a shared topological order is false (R3, negative).

The shared topological order in the Frankenstein rule is necessary: $G_1 = Y_1 \to Y_2$ and
$G_2 = Y_2 \to Y_1$ are satisfied by every distribution ($\varepsilon_1 = \varepsilon_2 = 0$), and picking
each node's empty parent set would "prove" that $Y_1$ and $Y_2$ are independent:
$I(Y_1;Y_2) \le 0$. Refuted by $Y_1 = Y_2$ a fair bit.
"""
from natlat_sym.catalog import Theorem, refute_that
from natlat_sym.catalog.diagram_claims import diagram_statement
from natlat_sym.finite.distribution import Distribution

THEOREM = Theorem(
    id="not_frankenstein_error_le_sum_of_unordered_diagrams",
    title="Frankenstein rule fails without a shared order",
    spec_id="R3b", kind="negative", reference="S2 (the order condition); counterexample derived",
    obligations=(
        refute_that(diagram_statement("Y1; Y2", "<=", ["Y1 -> Y2", "Y2 -> Y1"]),
                    witness=Distribution.from_array([["1/2", "0"], ["0", "1/2"]], ["Y1", "Y2"]),
                    description="G* = (Y1; Y2) from G1 = Y1 → Y2, G2 = Y2 → Y1: "
                                "ε(G*) ≤ ε(G1) + ε(G2) fails on Y1 = Y2 = fair bit"),
    ),
    uses=("frankenstein_error_le_sum",),
)
