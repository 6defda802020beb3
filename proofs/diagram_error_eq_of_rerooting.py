r"""Re-rooting a Markov chain or tree does not change its error (R1).

A chain $Y_1 \to Y_2 \to \dots \to Y_k$ and every re-rooted version (arrows pointing away from a
chosen root) define the same factorised distribution, so the diagram error is the same linear form
$\sum_{i<k} H(Y_iY_{i+1}) - \sum_{1<i<k} H(Y_i) - H(Y)$; for a tree,
$\sum_{\text{edges}} H(Y_uY_v) - \sum_v (\deg v - 1) H(Y_v) - H(Y)$.
Checked on every labelled tree with at most 5 nodes and every root.
"""
import time

import networkx as nx

from natlat_sym.catalog import Theorem
from natlat_sym.catalog.diagram_claims import diagram_statement, instance_outcome, standard_names
from natlat_sym.catalog.theorem import FiniteOutcome, check_on_instances, prove_that
from natlat_sym.dags import labelled_trees
from natlat_sym.diagrams import diagram_error
from natlat_sym.shannon.linear import LinearForm


def rerooting_instances_hold(*, max_nodes: int = 5) -> FiniteOutcome:
    """R1 on every labelled tree on ``k <= max_nodes`` nodes and every root:
    the orientation away from the root has error exactly
    ``Σ_edges H(Y_u,Y_v) − Σ_v (deg v − 1) H(Y_v) − H(Y)``, a form that does
    not mention the root (compared as exact canonical forms).

    >>> rerooting_instances_hold(max_nodes=3).verdict
    'holds'
    """
    start = time.perf_counter()
    count = 0
    for k in range(2, max_nodes + 1):
        names = standard_names(k)
        for edges in labelled_trees(k):
            deg = [0] * k
            formula = -LinearForm.entropy(names)
            for u, v in edges:
                deg[u] += 1
                deg[v] += 1
                formula = formula + LinearForm.entropy({names[u], names[v]})
            for v in range(k):
                formula = formula - LinearForm.entropy({names[v]}) * (deg[v] - 1)
            adj = {i: set() for i in range(k)}
            for u, v in edges:
                adj[u].add(v)
                adj[v].add(u)
            for root in range(k):
                g = nx.DiGraph()
                g.add_nodes_from(names)
                g.add_edges_from((names[u], names[v]) for u, v in nx.bfs_edges(nx.Graph(
                    [(a, b) for a in adj for b in adj[a]]), root))
                count += 1
                if diagram_error(g) != formula:
                    return instance_outcome(False, f"tree {edges} rooted at {names[root]}: error differs from the formula",
                                    f"k={k}", time.perf_counter() - start)
    return instance_outcome(True, f"{count} rooted labelled trees: every re-rooting has the same exact error form",
                    f"all labelled trees on k = 2..{max_nodes} nodes, every root", time.perf_counter() - start)


def for_every_rerooting(*, max_nodes: int = 5):
    return check_on_instances(lambda: rerooting_instances_hold(max_nodes=max_nodes),
                              f"for every tree on <= {max_nodes} nodes and every root: eps is root-free")


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
