r"""Schemas over diagrams: "for every instance up to a bound, prove ...".

A graphical rule of the spec (R1–R9) quantifies over diagrams.  Each
*instance* — concrete diagrams on concrete variables — is a Shannon-type
(in)equality between diagram errors (:mod:`natlat_sym.diagrams`), so it has
an exact certificate.  The builders here enumerate every instance up to a
stated bound, build each certificate *constructively* (no LP: the terms come
from the graphs), and re-check it with the trusted checker
(:func:`natlat_sym.shannon.certificate.check_certificate`) against the target
computed independently by :func:`natlat_sym.diagrams.diagram_error`.  The
result is a catalog obligation of kind ``"finite"`` (the rule is checked on
every instance up to the bound; it is not proved for all sizes).

Reductions (each sound, stated in the outcome's detail)
-------------------------------------------------------
* **Relabelling.**  Renaming variables maps a certificate to a certificate,
  so one instance per orbit of the symmetric group is certified.
* **Equal forms.**  Instances are inequalities between exact canonical linear
  forms; instances with equal forms are the same inequality, certified once.
  Implication ``G1 ⇒ G2`` depends only on the model of each diagram; labelled
  DAGs with equal error forms are checked here to have equal
  d-separation sets before they are merged.

Certificates for implication (R6)
---------------------------------
Chickering (2002): if every distribution factoring over ``G1`` factors over
``G2``, then ``G1`` turns into ``G2`` by *covered-arrow reversals* (which
leave ``ε`` unchanged as a linear form) and *arrow additions* (adding
``u → v`` lowers ``ε`` by exactly ``I(v; u | pa(v))``).  So
``ε_{G1} − ε_{G2} = Σ I(v; u | pa(v))`` over the additions — a direct sum of
conditional mutual informations, found by a breadth-first search.

Internally DAGs are tuples of parent bitmasks (node ``i`` has parent ``j``
when bit ``j`` of ``parents[i]`` is set) and error forms are integer vectors
indexed by subset bitmasks; exact integer arithmetic throughout.

Public functions
----------------
:func:`implication_instances_hold`, :func:`frankenstein_instances_hold`,
:func:`rerooting_instances_hold`, :func:`marginalization_instances_hold`,
:func:`stitching_instances_hold`, :func:`dangly_bit_instances_hold` (each
returns a :class:`~natlat_sym.catalog.theorem.FiniteOutcome`), the obligation
builders :func:`for_every_implication`, :func:`for_every_frankenstein`,
:func:`for_every_rerooting`, :func:`for_every_marginalization`,
:func:`for_every_stitching`, :func:`for_every_dangly_bit`, and
:func:`elementary_independences` / :func:`implication_certificate` for one pair.

Examples
--------
>>> out = rerooting_instances_hold(max_nodes=4)
>>> out.verdict
'holds'
>>> # Y1 -> Y2, Y1 -> Y3  versus the complete DAG: one arrow between Y2 and Y3
>>> implication_certificate((0, 0b01, 0b01), (0, 0b01, 0b11))   # (v, u, pa): I(Y2;Y3|Y1)
[(1, 2, 1)]
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence
from fractions import Fraction
from functools import lru_cache
from itertools import combinations, combinations_with_replacement, permutations, product

import networkx as nx

from ..errors import CertificateError
from ..shannon.basic import BasicInequality
from ..shannon.certificate import Certificate, CertificatePiece, HypothesisForm, check_certificate
from ..shannon.linear import LinearForm
from .theorem import FiniteOutcome, check_on_instances

__all__ = [
    "all_dags", "error_vector", "vector_form", "d_separated", "elementary_independences",
    "implication_certificate", "implication_instances_hold", "frankenstein_instances_hold",
    "rerooting_instances_hold", "marginalization_instances_hold", "stitching_instances_hold",
    "dangly_bit_instances_hold", "for_every_implication", "for_every_frankenstein", "for_every_rerooting",
    "for_every_marginalization", "for_every_stitching", "for_every_dangly_bit", "to_digraph",
]


# ----------------------------------------------------------------------------- bitmask DAGs
def _bits(m: int):
    i = 0
    while m:
        if m & 1:
            yield i
        m >>= 1
        i += 1


@lru_cache(maxsize=None)
def all_dags(k: int) -> tuple[tuple[int, ...], ...]:
    """Every labelled DAG on ``k`` nodes as a tuple of parent bitmasks.

    >>> [len(all_dags(k)) for k in (1, 2, 3, 4)]
    [1, 3, 25, 543]
    """
    out = []
    for parents in product(range(1 << k), repeat=k):
        if any(parents[i] >> i & 1 for i in range(k)):
            continue
        done, full = 0, (1 << k) - 1
        while done != full:
            ready = [i for i in range(k) if not (done >> i) & 1 and (parents[i] & ~done) == 0]
            if not ready:
                break
            for i in ready:
                done |= 1 << i
        if done == full:
            out.append(parents)
    return tuple(out)


def error_vector(parents: Sequence[int]) -> tuple[int, ...]:
    """``ε_G`` as integer coefficients of ``h(S)``, indexed by bitmask ``S``
    (index 0 unused): ``Σ_i h(i ∪ pa_i) − h(pa_i)  −  h(all)``.

    >>> error_vector((0, 0b01))      # Y1 -> Y2: H(Y1) + H(Y2|Y1) - H(Y1,Y2) = 0
    (0, 0, 0, 0)
    >>> error_vector((0, 0))         # Y1, Y2 isolated: I(Y1;Y2)
    (0, 1, 1, -1)
    """
    k = len(parents)
    v = [0] * (1 << k)
    for i, pa in enumerate(parents):
        v[pa | 1 << i] += 1
        v[pa] -= 1
    v[(1 << k) - 1] -= 1
    v[0] = 0
    return tuple(v)


def vector_form(vec: Sequence[int], names: Sequence[str]) -> LinearForm:
    """The :class:`LinearForm` of an integer vector indexed by subset bitmasks."""
    return LinearForm({frozenset(names[i] for i in _bits(m)): c for m, c in enumerate(vec) if m and c})


def to_digraph(parents: Sequence[int], names: Sequence[str]) -> nx.DiGraph:
    """The networkx diagram of a parent-bitmask DAG."""
    g = nx.DiGraph()
    g.add_nodes_from((n, {"variable": n}) for n in names)
    g.add_edges_from((names[j], names[i]) for i, pa in enumerate(parents) for j in _bits(pa))
    return g


def _ancestors(parents: Sequence[int], mask: int) -> int:
    out = mask
    frontier = mask
    while frontier:
        new = 0
        for i in _bits(frontier):
            new |= parents[i]
        frontier = new & ~out
        out |= new
    return out


def d_separated(parents: Sequence[int], x: int, y: int, z: int) -> bool:
    """Whether node sets (bitmasks) ``x`` and ``y`` are d-separated by ``z``,
    via the moral graph of the ancestral set.

    >>> d_separated((0, 0b001, 0b010), 0b001, 0b100, 0b010)   # chain Y1 -> Y2 -> Y3
    True
    >>> d_separated((0, 0, 0b011), 0b001, 0b010, 0b100)       # collider given Y3
    False
    """
    anc = _ancestors(parents, x | y | z)
    k = len(parents)
    adj = [0] * k
    for i in _bits(anc):
        pa = parents[i]
        adj[i] |= pa
        for j in _bits(pa):
            adj[j] |= 1 << i | (pa & ~(1 << j))
    allowed = anc & ~z
    seen = x & allowed
    frontier = seen
    while frontier:
        new = 0
        for i in _bits(frontier):
            new |= adj[i]
        new &= allowed & ~seen
        if new & y:
            return False
        seen |= new
        frontier = new
    return not (seen & y)


@lru_cache(maxsize=None)
def _triples(k: int) -> tuple[tuple[int, int, int], ...]:
    out = []
    for i, j in combinations(range(k), 2):
        rest = [r for r in range(k) if r not in (i, j)]
        for r in range(len(rest) + 1):
            for ks in combinations(rest, r):
                out.append((i, j, sum(1 << q for q in ks)))
    return tuple(out)


def elementary_independences(parents: Sequence[int]) -> int:
    """Bitmask over the elementary triples ``(i, j | K)`` (in the order of
    :func:`_triples`) that are d-separations.  ``G1 ⇒ G2`` (factorisation
    implication) iff the set of ``G2`` is contained in that of ``G1``
    (d-separation is a semi-graphoid, determined by its elementary triples).
    """
    out = 0
    for t, (i, j, ks) in enumerate(_triples(len(parents))):
        if d_separated(parents, 1 << i, 1 << j, ks):
            out |= 1 << t
    return out


def _reaches(parents: Sequence[int], a: int, b: int) -> bool:
    """Is there a directed path a ~> b?"""
    return bool(_ancestors(parents, 1 << b) >> a & 1)


def implication_certificate(start: Sequence[int], goal: Sequence[int], *, max_states: int = 20000):
    """Arrow additions turning ``start`` into a DAG with ``goal``'s error
    form, by covered reversals and additions (Chickering); a list of
    ``(v, u, pa_v)`` meaning the term ``I(v; u | pa_v)`` (bitmask ``pa_v``),
    or None if no sequence was found (then ``start ⇏ goal``, or the search
    budget ran out).
    """
    k = len(start)
    target = error_vector(goal)
    skeleton = {frozenset((i, j)) for i in range(k) for j in _bits(goal[i])}
    start = tuple(start)
    back = {start: None}
    queue = deque([start])
    while queue:
        s = queue.popleft()
        if error_vector(s) == target:
            terms = []
            while back[s] is not None:
                s, term = back[s]
                if term is not None:
                    terms.append(term)
            return terms[::-1]
        moves = []
        for v in range(k):
            for u in range(k):
                if u == v:
                    continue
                if s[v] >> u & 1:  # u -> v present: covered reversal?
                    if s[v] == s[u] | 1 << u:
                        t = list(s)
                        t[v] &= ~(1 << u)
                        t[u] |= 1 << v
                        moves.append((tuple(t), None))
                elif not s[u] >> v & 1 and frozenset((u, v)) in skeleton and not _reaches(s, v, u):
                    t = list(s)
                    t[v] |= 1 << u
                    moves.append((tuple(t), (v, u, s[v])))
        for t, term in moves:
            if t not in back:
                back[t] = (s, term)
                if len(back) > max_states:
                    return None
                queue.append(t)
    return None


def _certify(target: LinearForm, terms, names, text: str, hypotheses=(), hyp_multipliers=()) -> Certificate:
    """One-piece certificate ``target >= 0`` from basic inequalities, re-checked exactly."""
    cert = Certificate(text, tuple(names), tuple(hypotheses), "<=",
                       (CertificatePiece(target, tuple((b, Fraction(1)) for b in terms),
                                         tuple(Fraction(m) for m in hyp_multipliers)),))
    check_certificate(cert, expected_target=target)
    return cert


def _cmi(v: int, u: int, pa: int, names) -> BasicInequality:
    return BasicInequality.mutual_information({names[v]}, {names[j] for j in _bits(u)}, {names[j] for j in _bits(pa)})


def _names(k: int) -> tuple[str, ...]:
    return tuple(f"Y{i}" for i in range(1, k + 1))


def _outcome(ok: bool, detail: str, sizes: str, seconds: float) -> FiniteOutcome:
    return FiniteOutcome("holds" if ok else "violated", detail=f"{detail} [{seconds:.2f} s]", sizes=sizes)


# ----------------------------------------------------------------------------- R6 implication
@lru_cache(maxsize=None)
def _classes(k: int):
    """Labelled DAGs on k nodes grouped by error form: (forms, ci, members, class_of_perm)."""
    forms: dict[tuple, int] = {}
    ci: list[int] = []
    members: list[list] = []
    for p in all_dags(k):
        v = error_vector(p)
        c = forms.setdefault(v, len(forms))
        sep = elementary_independences(p)
        if c == len(ci):
            ci.append(sep)
            members.append([])
        elif ci[c] != sep:  # pragma: no cover - would contradict "same form => same model"
            raise CertificateError(f"DAGs with equal error forms have different independences: {p}")
        members[c].append(p)
    vecs = list(forms)
    perms = list(permutations(range(k)))
    action = []
    for perm in perms:
        remap = [sum(1 << perm[i] for i in _bits(m)) for m in range(1 << k)]
        row = []
        for v in vecs:
            w = [0] * (1 << k)
            for m, c in enumerate(v):
                w[remap[m]] = c
            row.append(forms[tuple(w)])
        action.append(row)
    return vecs, ci, members, action


def _implication_orbits(k: int):
    vecs, ci, members, action = _classes(k)
    n = len(vecs)
    pairs = 0
    orbits = {}
    for a in range(n):
        for b in range(n):
            if a != b and ci[b] & ~ci[a] == 0:
                pairs += 1
                key = min((row[a], row[b]) for row in action)
                orbits.setdefault(key, (a, b))
    return pairs, orbits


@lru_cache(maxsize=None)
def _implication_certificates(k: int):
    """Certify every implication orbit on k nodes; returns (pairs, orbits, failures)."""
    vecs, ci, members, _ = _classes(k)
    names = _names(k)
    pairs, orbits = _implication_orbits(k)
    failures = []
    certs = {}
    for key, (a, b) in orbits.items():
        start, goal = members[a][0], members[b][0]
        from ..diagrams import diagram_error

        target = diagram_error(to_digraph(start, names)) - diagram_error(to_digraph(goal, names))
        terms = implication_certificate(start, goal)
        if terms is None:
            failures.append((start, goal, "no covered-reversal/addition sequence found"))
            continue
        try:
            certs[key] = _certify(target, [_cmi(v, 1 << u, pa, names) for v, u, pa in terms], names,
                                  f"eps(G2) <= eps(G1) for G1 = {start}, G2 = {goal}")
        except CertificateError as e:
            failures.append((start, goal, str(e)))
    return pairs, len(orbits), len(vecs), failures


def implication_instances_hold(*, max_nodes: int = 4) -> FiniteOutcome:
    """R6 on every pair ``(G1, G2)`` of DAGs on ``k <= max_nodes`` labelled
    nodes with ``G1 ⇒ G2``: ``ε_{G2} <= ε_{G1}``, one exactly checked
    certificate per orbit under relabelling.

    >>> implication_instances_hold(max_nodes=3).verdict
    'holds'
    """
    start = time.perf_counter()
    parts, bad = [], []
    for k in range(2, max_nodes + 1):
        pairs, orbits, classes, failures = _implication_certificates(k)
        parts.append(f"k={k}: {len(all_dags(k))} DAGs, {classes} error forms, {pairs} implication pairs "
                     f"(distinct forms), {orbits} up to relabelling")
        bad += failures
    if bad:
        s, g, why = bad[0]
        return _outcome(False, f"{len(bad)} instance(s) failed; first G1={s}, G2={g}: {why}",
                        f"k <= {max_nodes}", time.perf_counter() - start)
    return _outcome(True, "every pair certified by a sum of I(v;u|pa) terms; " + "; ".join(parts),
                    f"all DAG pairs on k = 2..{max_nodes} nodes", time.perf_counter() - start)


def for_every_implication(*, max_nodes: int = 4):
    """Obligation: :func:`implication_instances_hold` up to ``max_nodes``."""
    return check_on_instances(lambda: implication_instances_hold(max_nodes=max_nodes),
                              f"for all DAGs G1 => G2 on <= {max_nodes} nodes: eps(G2) <= eps(G1)")


# ----------------------------------------------------------------------------- R3 Frankenstein
def _ordered_dags(k: int):
    """DAGs for which 0, 1, ..., k-1 is a topological order."""
    return list(product(*[range(1 << i) for i in range(k)]))


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
            names = _names(k)
            dags = _ordered_dags(k)
            vec = {p: error_vector(p) for p in dags}
            node = {(i, pa): _node_term_vector(k, i, pa) for i in range(k) for pa in range(1 << i)}
            seen: dict[tuple, tuple] = {}
            count = 0
            for gs in combinations_with_replacement(dags, m):
                for sigma in product(range(m), repeat=k):
                    star = tuple(gs[sigma[i]][i] for i in range(k))
                    fine = [0] * (1 << k)
                    for i in range(k):
                        for x, c in enumerate(node[(i, star[i])]):
                            fine[x] += c
                    if tuple(fine) != vec[star]:
                        return _outcome(False, f"finer identity fails for G*={star}", f"k={k}",
                                        time.perf_counter() - start)
                    diff = tuple(sum(vec[g][x] for g in gs) - vec[star][x] for x in range(1 << k))
                    count += 1
                    if diff not in seen:
                        unchosen = [(i, gs[j][i]) for i in range(k) for j in range(m) if j != sigma[i]]
                        seen[diff] = unchosen
            for diff, unchosen in seen.items():
                terms = [_cmi(i, ((1 << i) - 1) & ~pa, pa, names) for i, pa in unchosen if ((1 << i) - 1) & ~pa]
                try:
                    _certify(vector_form(diff, names), terms, names, "eps(G*) <= sum_j eps(G_j)")
                except CertificateError as e:
                    return _outcome(False, f"certificate failed: {e}", f"k={k}", time.perf_counter() - start)
            instances += count
            distinct += len(seen)
            notes.append(f"m={m}, k={k}: {len(dags)} DAGs per order, {count} instances, {len(seen)} distinct")
    return _outcome(True, f"{instances} instances, {distinct} distinct difference forms certified; "
                    + "; ".join(notes),
                    f"pairs on k <= {pair_nodes}, triples on k <= {triple_nodes} nodes (shared order)",
                    time.perf_counter() - start)


def for_every_frankenstein(*, pair_nodes: int = 4, triple_nodes: int = 3):
    return check_on_instances(
        lambda: frankenstein_instances_hold(pair_nodes=pair_nodes, triple_nodes=triple_nodes),
        f"for all DAGs sharing a topological order (pairs on <= {pair_nodes}, triples on <= {triple_nodes} "
        "nodes) and every node-wise choice: eps(G*) = sum_i eps(sigma(i),i) <= sum_j eps(G_j)")


# ----------------------------------------------------------------------------- R1 re-rooting
def _trees(k: int):
    """Every labelled tree on k nodes (Prüfer sequences) as a list of edges."""
    if k == 1:
        yield []
        return
    if k == 2:
        yield [(0, 1)]
        return
    for seq in product(range(k), repeat=k - 2):
        degree = [1] * k
        for x in seq:
            degree[x] += 1
        edges = []
        for x in seq:
            leaf = min(i for i in range(k) if degree[i] == 1)
            edges.append((leaf, x))
            degree[leaf] -= 1
            degree[x] -= 1
        u, v = [i for i in range(k) if degree[i] == 1]
        edges.append((u, v))
        yield edges


def rerooting_instances_hold(*, max_nodes: int = 5) -> FiniteOutcome:
    """R1 on every labelled tree on ``k <= max_nodes`` nodes and every root:
    the orientation away from the root has error exactly
    ``Σ_edges H(Y_u,Y_v) − Σ_v (deg v − 1) H(Y_v) − H(Y)``, a form that does
    not mention the root (compared as exact canonical forms).

    >>> rerooting_instances_hold(max_nodes=3).verdict
    'holds'
    """
    from ..diagrams import diagram_error

    start = time.perf_counter()
    count = 0
    for k in range(2, max_nodes + 1):
        names = _names(k)
        for edges in _trees(k):
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
                    return _outcome(False, f"tree {edges} rooted at {names[root]}: error differs from the formula",
                                    f"k={k}", time.perf_counter() - start)
    return _outcome(True, f"{count} rooted labelled trees: every re-rooting has the same exact error form",
                    f"all labelled trees on k = 2..{max_nodes} nodes, every root", time.perf_counter() - start)


def for_every_rerooting(*, max_nodes: int = 5):
    return check_on_instances(lambda: rerooting_instances_hold(max_nodes=max_nodes),
                              f"for every tree on <= {max_nodes} nodes and every root: eps is root-free")


# ----------------------------------------------------------------------------- R7 marginalization
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
    from ..diagrams import diagram_error

    start = time.perf_counter()
    instances = leaves = 0
    checked: set = set()
    for k in range(2, max_nodes + 1):
        names = _names(k)
        vecs, ci, members, action = _classes(k)
        index = {v: c for c, v in enumerate(vecs)}
        small = all_dags(k - 1)
        for p in all_dags(k):
            sep = ci[index[error_vector(p)]]
            pform = vector_form(error_vector(p), names)
            for v in range(k):
                others = [i for i in range(k) if i != v]
                lift = {i: others[i] for i in range(k - 1)}
                # leaf identity
                if not any(p[i] >> v & 1 for i in range(k)):
                    rest = tuple(_lift_mask(p[o], v) for o in others)
                    term = LinearForm.mutual_information(
                        {names[v]}, {names[o] for o in others if not p[v] >> o & 1},
                        {names[j] for j in _bits(p[v])})
                    sub_names = [names[o] for o in others]
                    if vector_form(error_vector(rest), sub_names) != pform - term:
                        return _outcome(False, f"leaf identity fails for G={p}, leaf Y{v + 1}", f"k={k}",
                                        time.perf_counter() - start)
                    leaves += 1
                for q in small:
                    plus = [0] * k
                    for i in range(k - 1):
                        plus[lift[i]] = sum(1 << lift[j] for j in _bits(q[i]))
                    plus[v] = ((1 << k) - 1) & ~(1 << v)
                    plus = tuple(plus)
                    # marginal implication: every local statement of G' is a d-separation of G
                    implied = True
                    for i in range(k - 1):
                        node, pa = lift[i], plus[lift[i]]
                        desc = _descendants(plus, node) | 1 << v
                        nd = ((1 << k) - 1) & ~desc & ~pa & ~(1 << node)
                        if nd and not d_separated(p, 1 << node, nd, pa):
                            implied = False
                            break
                    if not implied:
                        continue
                    instances += 1
                    a, b = index[error_vector(p)], index[error_vector(plus)]
                    if ci[b] & ~sep:
                        return _outcome(False, f"G={p} => G+={plus} not confirmed by independences", f"k={k}",
                                        time.perf_counter() - start)
                    sub_names = [names[o] for o in others]
                    key = (k, min((row[a], row[b]) for row in action))
                    if key in checked:
                        continue
                    checked.add(key)
                    if diagram_error(to_digraph(plus, names)) != vector_form(
                            error_vector(q), sub_names):
                        return _outcome(False, f"eps(G+) != eps(G') for G'={q}", f"k={k}", time.perf_counter() - start)
                    terms = implication_certificate(p, plus)
                    if terms is None:
                        return _outcome(False, f"no certificate for G={p} => G+={plus}", f"k={k}",
                                        time.perf_counter() - start)
                    target = diagram_error(to_digraph(p, names)) - diagram_error(to_digraph(plus, names))
                    try:
                        _certify(target, [_cmi(x, 1 << u, pa, names) for x, u, pa in terms], names,
                                 "eps(G') <= eps(G)")
                    except CertificateError as e:
                        return _outcome(False, f"certificate failed: {e}", f"k={k}", time.perf_counter() - start)
    return _outcome(True, f"{instances} (G, v, G') instances with marginal implication, {len(checked)} "
                    f"certified up to relabelling; {leaves} leaf identities exact",
                    f"all DAGs on k = 2..{max_nodes} nodes, every node, every DAG on the rest",
                    time.perf_counter() - start)


def _lift_mask(mask: int, v: int) -> int:
    """Re-index a bitmask after deleting node ``v`` (``v = -1``: identity)."""
    if v < 0:
        return mask
    low = mask & ((1 << v) - 1)
    high = mask >> (v + 1)
    return low | high << v


def _descendants(parents: Sequence[int], node: int) -> int:
    k = len(parents)
    out = 0
    frontier = 1 << node
    while frontier:
        new = 0
        for i in range(k):
            if parents[i] & frontier:
                new |= 1 << i
        frontier = new & ~out
        out |= new
    return out


def for_every_marginalization(*, max_nodes: int = 4):
    return check_on_instances(lambda: marginalization_instances_hold(max_nodes=max_nodes),
                              f"for all DAGs G on <= {max_nodes} nodes, nodes v and G' on the rest with "
                              "marginal implication: eps(G') <= eps(G); leaves drop exactly their term")


# ----------------------------------------------------------------------------- R5 stitching
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
    from ..diagrams import diagram_error, node_error_terms

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
                                return _outcome(False, f"identity fails for {sorted(st.edges())}", f"k={k}",
                                                time.perf_counter() - start)
                            try:
                                _certify(eA + eB + cmi - est, cert_terms, A + M + B, "eps_st <= eps_A + eps_B + eps_M")
                            except CertificateError as e:
                                return _outcome(False, f"certificate failed: {e}", f"k={k}",
                                                time.perf_counter() - start)
                            count += 1
    return _outcome(True, f"{count} stitchings: exact identity and certified inequality",
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
                g.add_edges_from((side[j], side[i]) for j in _bits(inner[i]))
                g.add_edges_from((M[j], side[i]) for j in _bits(extra[i]))
            yield g


def for_every_stitching(*, max_nodes: int = 4):
    return check_on_instances(lambda: stitching_instances_hold(max_nodes=max_nodes),
                              f"for every split (A, M, B) of <= {max_nodes} variables and diagrams G_A, G_B "
                              "sharing G_M: eps_st = eps_A + eps_B - eps_M + I(A;B|M) <= eps_A + eps_B + I(A;B|M)")


# ----------------------------------------------------------------------------- R9 dangly bit
def dangly_bit_instances_hold(*, max_nodes: int = 3) -> FiniteOutcome:
    """R9 on every DAG ``G`` on ``k <= max_nodes`` nodes, every nonempty
    parent set ``X`` and every ``Γ`` (a fresh variable, or a node not in
    ``X``): adding a copy of ``Γ`` as a child of ``X`` gives exactly
    ``ε_{G+} = ε_G + I(Γ; V∖X | X)``, and a certificate of
    ``H(Γ|X) <= e1, ε_G <= e2  ⇒  ε_{G+} <= e1 + e2``.

    >>> dangly_bit_instances_hold(max_nodes=2).verdict
    'holds'
    """
    from ..diagrams import diagram_error

    start = time.perf_counter()
    count = 0
    e1, e2 = LinearForm.parameter("e1"), LinearForm.parameter("e2")
    for k in range(1, max_nodes + 1):
        names = _names(k)
        for p in all_dags(k):
            g = to_digraph(p, names)
            eG = diagram_error(g)
            for xs in range(1, 1 << k):
                X = {names[i] for i in _bits(xs)}
                for gamma in ["G"] + [names[i] for i in range(k) if not xs >> i & 1]:
                    plus = g.copy()
                    node = gamma if gamma not in g else f"{gamma}#2"
                    plus.add_node(node, variable=gamma)
                    plus.add_edges_from((x, node) for x in X)
                    eplus = diagram_error(plus)
                    V = set(names) | {gamma}
                    if eplus != eG + LinearForm.mutual_information({gamma}, set(names) - X, X):
                        return _outcome(False, f"identity fails: G={p}, X={sorted(X)}, Γ={gamma}", f"k={k}",
                                        time.perf_counter() - start)
                    hyps = (HypothesisForm("det", e1 - LinearForm.entropy(X | {gamma}) + LinearForm.entropy(X), ">="),
                            HypothesisForm("diagram", e2 - eG, ">="))
                    try:
                        # H(Γ | V) >= 0; when Γ is already a node the term is 0 and left out
                        basic = [] if gamma in names else [BasicInequality.cond_entropy({gamma}, set(names))]
                        _certify(e1 + e2 - eplus, basic,
                                 sorted(V), "eps(G+) <= e1 + e2", hyps, (1, 1))
                    except CertificateError as e:
                        return _outcome(False, f"certificate failed: {e}", f"k={k}", time.perf_counter() - start)
                    count += 1
    return _outcome(True, f"{count} instances: exact identity and certified bound",
                    f"all DAGs on k = 1..{max_nodes} nodes, every parent set X, Γ fresh or an existing node",
                    time.perf_counter() - start)


def for_every_dangly_bit(*, max_nodes: int = 3):
    return check_on_instances(lambda: dangly_bit_instances_hold(max_nodes=max_nodes),
                              f"for all DAGs G on <= {max_nodes} nodes, X, Γ: H(Γ|X) <= e1, eps(G) <= e2 => "
                              "eps(G + Γ child of X) <= e1 + e2")


# ----------------------------------------------------------------------------- statements about diagrams
def _side(x):
    from ..diagrams import diagram_error_expression
    from ..shannon.parse import parse_expression

    if isinstance(x, (list, tuple)):
        from sympy import Add

        return Add(*[_side(d) for d in x], evaluate=False)
    if isinstance(x, str) and "(" not in x and any(t in x for t in ("->", "<-", "→", "←", ";")):
        return diagram_error_expression(x)
    if isinstance(x, str):
        return parse_expression(x)
    return x


def diagram_statement(lhs, rel: str, rhs, given=()):
    """A :class:`~natlat_sym.shannon.statement.Statement` between diagram errors.

    Each side is a diagram text (its error ``Σ_j H(Y_j|pa) − H(Y)``), a list of
    sides (their sum), an expression text such as ``"e1 + e2"`` or (any text
    with a parenthesis is an expression; text with an arrow or ``;`` otherwise
    is a diagram)
    ``"H(G|X)"``, or a sympy expression; ``given`` holds hypotheses as
    ``(lhs, rel, rhs)`` triples of the same kinds, optionally with a fourth
    element naming the hypothesis.

    >>> print(diagram_statement("G <- X -> G", "==", "H(G|X)"))
    H(X) + H(G|X) + H(G|X) - H(G,X) = H(G|X)
    >>> print(diagram_statement("Y1; Y2", "<=", ["Y1 -> Y2", "Y2 -> Y1"]))
    H(Y1) + H(Y2) - H(Y1,Y2) <= (H(Y1) + H(Y2|Y1) - H(Y1,Y2)) + (H(Y2) + H(Y1|Y2) - H(Y1,Y2))
    """
    from ..shannon.statement import Relation, Statement

    hyps = []
    for h in given:
        name = h[3] if len(h) > 3 else ""
        hyps.append(Relation(_side(h[0]), h[1], _side(h[2]), name))
    return Statement(Relation(_side(lhs), rel, _side(rhs)), tuple(hyps))


__all__ += ["diagram_statement"]


# ----------------------------------------------------------------------------- R2 joint independence
def joint_independence_instances_hold(*, max_n: int = 6) -> FiniteOutcome:
    """R2 for ``n = 2..max_n``: ``TC(Y) <= Σ_{i>=2} I(Y_i; Y_{-i})`` with the
    certificate ``Σ_{i>=2} I(Y_i; Y_{>i} | Y_{<i})`` (the difference, since
    ``TC(Y) = Σ_{i>=2} I(Y_i; Y_{<i})``), re-checked exactly; the target is
    the disconnected diagram's error from :func:`natlat_sym.diagrams.diagram_error`.

    >>> joint_independence_instances_hold(max_n=3).verdict
    'holds'
    """
    from ..diagrams import diagram_error

    start = time.perf_counter()
    for n in range(2, max_n + 1):
        names = _names(n)
        g = nx.DiGraph()
        g.add_nodes_from(names)
        rhs = LinearForm()
        for i in range(1, n):
            rhs = rhs + LinearForm.mutual_information({names[i]}, set(names) - {names[i]})
        terms = [BasicInequality.mutual_information({names[i]}, set(names[i + 1:]), set(names[:i]))
                 for i in range(1, n - 1)]
        try:
            _certify(rhs - diagram_error(g), terms, names, "TC(Y) <= sum_{i>=2} I(Y_i;Y_-i)")
        except CertificateError as e:
            return _outcome(False, f"n={n}: {e}", f"n={n}", time.perf_counter() - start)
    return _outcome(True, f"certified for n = 2..{max_n} by the terms I(Y_i;Y_>i|Y_<i)",
                    f"n = 2..{max_n} variables", time.perf_counter() - start)


def for_every_joint_independence(*, max_n: int = 6):
    return check_on_instances(lambda: joint_independence_instances_hold(max_n=max_n),
                              f"for n = 2..{max_n}: TC(Y) <= sum over i >= 2 of I(Y_i;Y_-i)")


__all__ += ["joint_independence_instances_hold", "for_every_joint_independence"]
