r"""Stitching along a shared Markov blanket (R5).

Variables split as $(A, M, B)$. If $G_A$ on $(A, M)$ and $G_B$ on $(B, M)$ give $M$ the same internal
structure $G_M$ and the blanket diagram $A \leftarrow M \rightarrow B$ holds within
$\varepsilon_M = I(A;B\mid M)$, the stitched DAG ($M$ first, $A$-nodes with $G_A$ parents, $B$-nodes with
$G_B$ parents) satisfies exactly
$\varepsilon = \varepsilon_{G_A} + \varepsilon_{G_B} - \varepsilon_{G_M} + I(A;B\mid M)
\le \varepsilon_{G_A} + \varepsilon_{G_B} + \varepsilon_M$.
Checked on every split of at most 4 variables and every $G_M$, $G_A$, $G_B$.
"""
import time
from itertools import product

import networkx as nx

from natlat_sym.catalog import Theorem, prove_that
from natlat_sym.catalog.diagram_claims import certify_sum, diagram_statement, instance_outcome
from natlat_sym.catalog.theorem import FiniteOutcome, check_on_instances
from natlat_sym.dags import all_dags, bits, to_digraph
from natlat_sym.diagrams import diagram_error, node_error_terms
from natlat_sym.errors import CertificateError
from natlat_sym.shannon.basic_inequalities import BasicInequality
from natlat_sym.shannon.linear import LinearForm


def stitching_instances_hold(*, max_nodes: int = 4) -> FiniteOutcome:
    """R5 on every split of ``k <= max_nodes`` variables into nonempty
    ``(A, M, B)``, every ``G_M``, every extension ``G_A`` (``A``-nodes with
    parents in ``A ∪ M``) and ``G_B``: the exact identity
    ``ε_st = ε_{G_A} + ε_{G_B} − ε_{G_M} + I(A;B|M)`` and a certificate of
    ``ε_st <= ε_{G_A} + ε_{G_B} + I(A;B|M)`` (the difference is ``ε_{G_M}``,
    a sum of node terms).

    >>> stitching_instances_hold(max_nodes=3).verdict
    'holds'
    """
    start = time.perf_counter()
    count = 0
    for k in range(3, max_nodes + 1):
        for a in range(1, k - 1):
            for mm in range(1, k - a):
                b = k - a - mm
                A = [f"A{i}" for i in range(1, a + 1)]
                M = [f"M{i}" for i in range(1, mm + 1)]
                B = [f"B{i}" for i in range(1, b + 1)]
                for gm in all_dags(mm):
                    gM = to_digraph(gm, M)
                    eM = diagram_error(gM)
                    order = list(nx.topological_sort(gM))
                    cert_terms = []
                    for n, f in node_error_terms(gM, order).items():
                        if not f.is_zero():
                            earlier = set(order[:order.index(n)])
                            pa = set(gM.predecessors(n))
                            cert_terms.append(BasicInequality.mutual_information({n}, earlier - pa, pa))
                    for side_a in _extensions(A, M, gM):
                        eA = diagram_error(side_a)
                        for side_b in _extensions(B, M, gM):
                            eB = diagram_error(side_b)
                            st = nx.compose(side_a, side_b)
                            est = diagram_error(st)
                            cmi = LinearForm.mutual_information(set(A), set(B), set(M))
                            if est != eA + eB - eM + cmi:
                                return instance_outcome(False, f"identity fails for {sorted(st.edges())}", f"k={k}",
                                                time.perf_counter() - start)
                            try:
                                certify_sum(eA + eB + cmi - est, cert_terms, A + M + B, "eps_st <= eps_A + eps_B + eps_M")
                            except CertificateError as e:
                                return instance_outcome(False, f"certificate failed: {e}", f"k={k}",
                                                time.perf_counter() - start)
                            count += 1
    return instance_outcome(True, f"{count} stitchings: exact identity and certified inequality",
                    f"all splits (A, M, B) of k = 3..{max_nodes} variables, all G_M, G_A, G_B",
                    time.perf_counter() - start)


def _extensions(side: list[str], M: list[str], gM: nx.DiGraph):
    """Every DAG on side ∪ M that restricts to gM on M, with no arrows side -> M."""
    s = len(side)
    for inner in all_dags(s):
        for extra in product(range(1 << len(M)), repeat=s):
            g = gM.copy()
            for n in side:
                g.add_node(n, variable=n)
            for i in range(s):
                g.add_edges_from((side[j], side[i]) for j in bits(inner[i]))
                g.add_edges_from((M[j], side[i]) for j in bits(extra[i]))
            yield g


def for_every_stitching(*, max_nodes: int = 4):
    return check_on_instances(lambda: stitching_instances_hold(max_nodes=max_nodes),
                              f"for every split (A, M, B) of <= {max_nodes} variables and diagrams G_A, G_B "
                              "sharing G_M: eps_st = eps_A + eps_B - eps_M + I(A;B|M) <= eps_A + eps_B + I(A;B|M)")


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
