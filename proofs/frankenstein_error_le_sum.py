r"""Frankenstein rule (R3).

Let $G_1,\dots,G_m$ be DAGs on the same variables sharing a topological order, with $P$ satisfying
$G_j$ within $\varepsilon_j$. The diagram $G^*$ that gives node $i$ its parents in some $G_{\sigma(i)}$
satisfies $\varepsilon_{G^*} = \sum_i \varepsilon_{\sigma(i),i} \le \sum_j \varepsilon_j$, where
$\varepsilon_{j,i} = I(Y_i; Y_{<i}\setminus pa_j(i) \mid Y_{pa_j(i)})$ are the node terms in the shared order.
Checked on every pair of DAGs on at most 4 nodes and every triple on at most 3, with every choice
$\sigma$. Without a shared order the rule is false (see
`not_frankenstein_error_le_sum_of_unordered_diagrams`).
"""
import time
from itertools import combinations_with_replacement, product

from natlat_sym.catalog import Theorem, prove_that
from natlat_sym.catalog.diagram_claims import (
    certify_sum, cmi_term, diagram_statement, instance_outcome, standard_names)
from natlat_sym.catalog.theorem import FiniteOutcome, check_on_instances
from natlat_sym.dags import dags_with_order, error_vector, vector_form
from natlat_sym.errors import CertificateError


def _node_term_vector(k: int, i: int, pa: int) -> tuple[int, ...]:
    """``I(i; {<i} ∖ pa | pa)`` as a vector."""
    before = (1 << i) - 1
    rest = before & ~pa
    v = [0] * (1 << k)
    if rest:
        for m, c in ((pa | 1 << i, 1), (before, 1), (before | 1 << i, -1), (pa, -1)):
            v[m] += c
        v[0] = 0
    return tuple(v)


def frankenstein_instances_hold(*, pair_nodes: int = 4, triple_nodes: int = 3) -> FiniteOutcome:
    """R3 on every instance: ``m`` DAGs sharing the topological order
    ``Y1, ..., Yk`` (every shared order is a relabelling of this one), every
    choice ``σ`` of a parent set per node; checks exactly the finer identity
    ``ε_{G*} = Σ_i ε_{σ(i),i}`` and certifies ``ε_{G*} <= Σ_j ε_{G_j}``
    (the difference is the sum of the unchosen node terms) once per distinct
    difference form.  Pairs (m = 2) for ``k <= pair_nodes``, triples for
    ``k <= triple_nodes``.

    >>> frankenstein_instances_hold(pair_nodes=3, triple_nodes=2).verdict
    'holds'
    """
    start = time.perf_counter()
    instances = 0
    distinct = 0
    notes = []
    for m, kmax in ((2, pair_nodes), (3, triple_nodes)):
        for k in range(2, kmax + 1):
            names = standard_names(k)
            dags = dags_with_order(k)
            vec = {p: error_vector(p) for p in dags}
            node = {(i, pa): _node_term_vector(k, i, pa) for i in range(k) for pa in range(1 << i)}
            seen: dict[tuple, tuple] = {}
            fine_holds: set = set()  # G* whose finer identity was checked (it depends on G* only)
            count = 0
            for gs in combinations_with_replacement(dags, m):
                total = [sum(col) for col in zip(*(vec[g] for g in gs))]  # Σ_j ε_{G_j} as a vector
                for sigma in product(range(m), repeat=k):
                    star = tuple(gs[sigma[i]][i] for i in range(k))
                    if star not in fine_holds:
                        fine = [0] * (1 << k)
                        for i in range(k):
                            for x, c in enumerate(node[(i, star[i])]):
                                fine[x] += c
                        if tuple(fine) != vec[star]:
                            return instance_outcome(False, f"finer identity fails for G*={star}", f"k={k}",
                                                    time.perf_counter() - start)
                        fine_holds.add(star)
                    diff = tuple(t - e for t, e in zip(total, vec[star]))
                    count += 1
                    if diff not in seen:
                        unchosen = [(i, gs[j][i]) for i in range(k) for j in range(m) if j != sigma[i]]
                        seen[diff] = unchosen
            for diff, unchosen in seen.items():
                terms = [cmi_term(i, ((1 << i) - 1) & ~pa, pa, names) for i, pa in unchosen if ((1 << i) - 1) & ~pa]
                try:
                    certify_sum(vector_form(diff, names), terms, names, "eps(G*) <= sum_j eps(G_j)")
                except CertificateError as e:
                    return instance_outcome(False, f"certificate failed: {e}", f"k={k}", time.perf_counter() - start)
            instances += count
            distinct += len(seen)
            notes.append(f"m={m}, k={k}: {len(dags)} DAGs per order, {count} instances, {len(seen)} distinct")
    return instance_outcome(True, f"{instances} instances, {distinct} distinct difference forms certified; "
                    + "; ".join(notes),
                    f"pairs on k <= {pair_nodes}, triples on k <= {triple_nodes} nodes (shared order)",
                    time.perf_counter() - start)


def for_every_frankenstein(*, pair_nodes: int = 4, triple_nodes: int = 3):
    return check_on_instances(
        lambda: frankenstein_instances_hold(pair_nodes=pair_nodes, triple_nodes=triple_nodes),
        f"for all DAGs sharing a topological order (pairs on <= {pair_nodes}, triples on <= {triple_nodes} "
        "nodes) and every node-wise choice: eps(G*) = sum_i eps(sigma(i),i) <= sum_j eps(G_j)")


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
