r"""Marginalization (R7).

If the marginal of every distribution factoring over $G$ factors over $G'$ on the remaining
variables (every local Markov statement of $G'$ is a d-separation of $G$), then
$D_{KL}(P_{marg} \,\|\, P_{G'}) = \varepsilon_{G'} \le \varepsilon_G$. Deleting a leaf lowers the error
by exactly that leaf's own term. Checked on every DAG $G$ on at most 4 nodes, every deleted node and
every $G'$ on the rest. The spec's second example (deleting a node with a single parent and
re-attaching its children to that parent) holds for one child but fails for two: see
`not_marginal_error_le_of_splicing_out_node`.
"""
import time

from natlat_sym.catalog import Theorem, prove_that
from natlat_sym.catalog.diagram_claims import (
    certify_sum, cmi_term, diagram_statement, instance_outcome, standard_names)
from natlat_sym.catalog.theorem import FiniteOutcome, check_on_instances
from natlat_sym.dags import (
    all_dags, bits, descendants_mask, drop_bit, error_vector, implication_certificate,
    implication_classes, is_d_separated, to_digraph, vector_form)
from natlat_sym.diagrams import diagram_error
from natlat_sym.errors import CertificateError
from natlat_sym.shannon.linear import LinearForm


def _lifted_candidates(k: int, index: dict) -> list:
    """For each deleted node ``v``: every DAG ``G'`` on the other ``k - 1``
    nodes as ``(G', G₊, class index of ε_{G₊}, questions)``, where ``G₊`` is
    ``G'`` lifted back to ``k`` nodes plus ``v`` with every other node as
    parent, and ``questions`` are the local Markov statements of ``G'``
    (``(node, non-descendants, parents)`` in ``G₊`` with ``v`` counted as a
    descendant) that must be d-separations of ``G``.  None of this depends
    on ``G``, so it is built once per ``k`` instead of once per ``G``.
    ``index`` maps an error vector to its class (of ``implication_classes(k)``)."""
    out = []
    for v in range(k):
        others = [i for i in range(k) if i != v]
        lift = {i: others[i] for i in range(k - 1)}
        per_v = []
        for q in all_dags(k - 1):
            plus = [0] * k
            for i in range(k - 1):
                plus[lift[i]] = sum(1 << lift[j] for j in bits(q[i]))
            plus[v] = ((1 << k) - 1) & ~(1 << v)
            plus = tuple(plus)
            questions = []
            for i in range(k - 1):
                node, pa = lift[i], plus[lift[i]]
                desc = descendants_mask(plus, node) | 1 << v
                nd = ((1 << k) - 1) & ~desc & ~pa & ~(1 << node)
                if nd:
                    questions.append((node, nd, pa))
            per_v.append((q, plus, index[error_vector(plus)], tuple(questions)))
        out.append(per_v)
    return out


def marginalization_instances_hold(*, max_nodes: int = 4) -> FiniteOutcome:
    """R7 on every instance with ``k <= max_nodes``: for every DAG ``G``,
    node ``v`` and DAG ``G'`` on the other nodes such that the marginal of
    every ``G``-distribution factors over ``G'`` (every local Markov statement
    of ``G'`` is a d-separation of ``G``), ``ε_{G'} <= ε_G``; and for every
    leaf ``ℓ`` the exact identity ``ε_{G∖ℓ} = ε_G − I(ℓ; rest ∖ pa | pa)``.

    The inequality is reduced to R6: ``G₊ = G'`` plus ``v`` with every other
    node as parent has ``ε_{G₊} = ε_{G'}`` (checked exactly) and ``G ⇒ G₊``;
    the R6 certificate of ``(G, G₊)`` is re-checked for every orbit.

    >>> marginalization_instances_hold(max_nodes=3).verdict
    'holds'
    """
    start = time.perf_counter()
    instances = leaves = 0
    checked: set = set()
    for k in range(2, max_nodes + 1):
        names = standard_names(k)
        vecs, ci, members, action = implication_classes(k)
        index = {v: c for c, v in enumerate(vecs)}
        lifted = _lifted_candidates(k, index)
        orbit_key: dict = {}  # (a, b) -> the orbit of the pair under relabelling
        for p in all_dags(k):
            a = index[error_vector(p)]
            sep = ci[a]
            separated: dict = {}  # d-separation in G is pure: ask each question of G once
            pform = vector_form(error_vector(p), names)
            for v in range(k):
                others = [i for i in range(k) if i != v]
                sub_names = [names[o] for o in others]
                # leaf identity
                if not any(p[i] >> v & 1 for i in range(k)):
                    rest = tuple(drop_bit(p[o], v) for o in others)
                    term = LinearForm.mutual_information(
                        {names[v]}, {names[o] for o in others if not p[v] >> o & 1},
                        {names[j] for j in bits(p[v])})
                    if vector_form(error_vector(rest), sub_names) != pform - term:
                        return instance_outcome(False, f"leaf identity fails for G={p}, leaf Y{v + 1}", f"k={k}",
                                        time.perf_counter() - start)
                    leaves += 1
                for q, plus, b, questions in lifted[v]:
                    # marginal implication: every local statement of G' is a d-separation of G
                    implied = True
                    for question in questions:
                        if question not in separated:
                            node, nd, pa = question
                            separated[question] = is_d_separated(p, 1 << node, nd, pa)
                        if not separated[question]:
                            implied = False
                            break
                    if not implied:
                        continue
                    instances += 1
                    if ci[b] & ~sep:
                        return instance_outcome(False, f"G={p} => G+={plus} not confirmed by independences", f"k={k}",
                                        time.perf_counter() - start)
                    if (a, b) not in orbit_key:
                        orbit_key[a, b] = (k, min((row[a], row[b]) for row in action))
                    key = orbit_key[a, b]
                    if key in checked:
                        continue
                    checked.add(key)
                    if diagram_error(to_digraph(plus, names)) != vector_form(
                            error_vector(q), sub_names):
                        return instance_outcome(False, f"eps(G+) != eps(G') for G'={q}", f"k={k}", time.perf_counter() - start)
                    terms = implication_certificate(p, plus)
                    if terms is None:
                        return instance_outcome(False, f"no certificate for G={p} => G+={plus}", f"k={k}",
                                        time.perf_counter() - start)
                    target = diagram_error(to_digraph(p, names)) - diagram_error(to_digraph(plus, names))
                    try:
                        certify_sum(target, [cmi_term(x, 1 << u, pa, names) for x, u, pa in terms], names,
                                 "eps(G') <= eps(G)")
                    except CertificateError as e:
                        return instance_outcome(False, f"certificate failed: {e}", f"k={k}", time.perf_counter() - start)
    return instance_outcome(True, f"{instances} (G, v, G') instances with marginal implication, {len(checked)} "
                    f"certified up to relabelling; {leaves} leaf identities exact",
                    f"all DAGs on k = 2..{max_nodes} nodes, every node, every DAG on the rest",
                    time.perf_counter() - start)


def for_every_marginalization(*, max_nodes: int = 4):
    return check_on_instances(lambda: marginalization_instances_hold(max_nodes=max_nodes),
                              f"for all DAGs G on <= {max_nodes} nodes, nodes v and G' on the rest with "
                              "marginal implication: eps(G') <= eps(G); leaves drop exactly their term")


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
