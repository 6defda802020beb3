r"""Determinism in diagrams (R8).

The diagram $\Gamma \leftarrow X \rightarrow \Gamma$ ($\Gamma$ drawn twice) has error exactly
$H(\Gamma \mid X)$, so it holds within $\varepsilon$ iff $H(\Gamma\mid X) \le \varepsilon$: "$\Gamma$ is
(nearly) a function of $X$".
"""
from natlat_sym.catalog import Theorem, prove_that
from natlat_sym.catalog.diagram_claims import diagram_statement

THEOREM = Theorem(
    id="determinism_iff_self_loop_diagram",
    title="Determinism as a diagram",
    spec_id="R8", kind="rule", reference="S5",
    obligations=(
        prove_that(diagram_statement("G <- X -> G", "==", "H(G|X)")),
        prove_that(diagram_statement("G <- X1 -> G; X2 -> G; X2 -> G#2; X1 -> X2", "==", "H(G|X1,X2)"),
                   description="with two parents X1, X2: error = H(G|X1,X2)"),
        prove_that(diagram_statement("G <- X -> G", "<=", "eps", given=[("H(G|X)", "<=", "eps", "det")]),
                   description="H(G|X) <= eps => the diagram G <- X -> G holds within eps"),
        prove_that(diagram_statement("H(G|X)", "<=", "eps", given=[("G <- X -> G", "<=", "eps", "diagram")]),
                   description="the diagram G <- X -> G within eps => H(G|X) <= eps"),
    ),
    uses=("diagram_error_eq_entropy_form", "deterministic_redundancy"),
)
