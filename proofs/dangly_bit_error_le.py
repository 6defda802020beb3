r"""Dangly-Bit lemma (R9).

If $H(\Gamma\mid X) \le \varepsilon_1$ and $P$ satisfies a diagram $G$ (over variables containing $X$)
within $\varepsilon_2$, then adding a fresh copy of $\Gamma$ as a child of $X$ only gives a diagram
satisfied within $\varepsilon_2 + I(\Gamma; \text{rest} \mid X) \le \varepsilon_1 + \varepsilon_2$.
Checked on every DAG with at most 3 nodes, every parent set $X$ and every $\Gamma$ (fresh, or a
node already drawn).
"""
from natlat_sym.catalog import Theorem, prove_that
from natlat_sym.catalog.schemas import diagram_statement, for_every_dangly_bit

THEOREM = Theorem(
    id="dangly_bit_error_le",
    title="Dangly-Bit lemma",
    spec_id="R9", kind="rule", reference="S9 appendix",
    obligations=(
        prove_that(diagram_statement("X1 <- L -> X2; X1 -> G", "<=", "e1 + e2",
                                     given=[("H(G|X1)", "<=", "e1", "det"), ("X1 <- L -> X2", "<=", "e2", "med")]),
                   description="mediation diagram plus Γ hanging off X1: ε ≤ H(Γ|X1) + ε_med"),
        prove_that(diagram_statement("X1 <- L -> X2; X1 -> G", "==", ["X1 <- L -> X2", "I(G;L,X2|X1)"]),
                   description="exactly: ε(G+) = ε(G) + I(Γ; rest | X1)"),
        for_every_dangly_bit(max_nodes=3),
    ),
    uses=("diagram_error_eq_entropy_form", "deterministic_redundancy"),
)
