r"""Directed acyclic graphs as parent bitmasks: enumeration, error forms,
d-separation and certificates of factorisation implication.

The graphical rules of the spec (R1–R9) quantify over *all* diagrams on a
few nodes; checking them instance by instance needs a DAG representation
that is cheap to enumerate, hash and compare.  Here a DAG on ``k`` nodes is a
tuple of parent bitmasks — node ``i`` has parent ``j`` when bit ``j`` of
``parents[i]`` is set — and a diagram's error
``ε_G = Σ_i H(Y_i | pa_i) − H(Y)`` is an integer vector indexed by subset
bitmasks.  Everything is exact integer arithmetic.

* :func:`all_dags` enumerates every labelled DAG (1, 3, 25, 543 on 1..4
  nodes); :func:`dags_with_order`, :func:`labelled_trees` enumerate the
  special families the rules need.
* :func:`error_vector` and :func:`vector_form` give ``ε_G`` as a vector and
  as a :class:`~natlat_sym.shannon.linear.LinearForm`.
* :func:`is_d_separated` decides d-separation via the moral graph of the
  ancestral set — the same question ``networkx.is_d_separator`` answers
  (:mod:`natlat_sym.diagrams` uses that one on named diagrams), specialised
  to bitmasks because the rule checks ask it hundreds of thousands of times.
* :func:`elementary_independences` and :func:`implication_classes` group DAGs
  by model; ``G1 ⇒ G2`` (every distribution factoring over ``G1`` factors
  over ``G2``) iff ``G2``'s elementary independences are among ``G1``'s.
* :func:`implication_certificate` turns ``G1 ⇒ G2`` into a certificate.
  Chickering (2002): ``G1`` turns into ``G2`` by *covered-arrow reversals*
  (which leave ``ε`` unchanged as a linear form) and *arrow additions*
  (adding ``u → v`` lowers ``ε`` by exactly ``I(v; u | pa(v))``), so
  ``ε_{G1} − ε_{G2} = Σ I(v; u | pa(v))`` over the additions — a direct sum
  of conditional mutual informations, found by a breadth-first search.

Examples
--------
>>> [len(all_dags(k)) for k in (1, 2, 3, 4)]
[1, 3, 25, 543]
>>> is_d_separated((0, 0b001, 0b010), 0b001, 0b100, 0b010)   # chain Y1 -> Y2 -> Y3, given Y2
True
>>> # Y1 -> Y2, Y1 -> Y3  versus the complete DAG: one arrow between Y2 and Y3
>>> implication_certificate((0, 0b01, 0b01), (0, 0b01, 0b11))   # (v, u, pa): I(Y2;Y3|Y1)
[(1, 2, 1)]
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from functools import lru_cache
from itertools import combinations, permutations, product

import networkx as nx

from .errors import CertificateError
from .shannon.linear import LinearForm

__all__ = ["bits", "all_dags", "dags_with_order", "labelled_trees", "error_vector", "vector_form", "to_digraph",
           "ancestors_mask", "descendants_mask", "is_d_separated", "elementary_independences", "has_directed_path",
           "implication_classes", "implication_certificate", "drop_bit", "elementary_triples"]

def bits(m: int):
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
    return LinearForm({frozenset(names[i] for i in bits(m)): c for m, c in enumerate(vec) if m and c})


def to_digraph(parents: Sequence[int], names: Sequence[str]) -> nx.DiGraph:
    """The networkx diagram of a parent-bitmask DAG."""
    g = nx.DiGraph()
    g.add_nodes_from((n, {"variable": n}) for n in names)
    g.add_edges_from((names[j], names[i]) for i, pa in enumerate(parents) for j in bits(pa))
    return g


def ancestors_mask(parents: Sequence[int], mask: int) -> int:
    out = mask
    frontier = mask
    while frontier:
        new = 0
        for i in bits(frontier):
            new |= parents[i]
        frontier = new & ~out
        out |= new
    return out


def is_d_separated(parents: Sequence[int], x: int, y: int, z: int) -> bool:
    """Whether node sets (bitmasks) ``x`` and ``y`` are d-separated by ``z``,
    via the moral graph of the ancestral set.

    >>> is_d_separated((0, 0b001, 0b010), 0b001, 0b100, 0b010)   # chain Y1 -> Y2 -> Y3
    True
    >>> is_d_separated((0, 0, 0b011), 0b001, 0b010, 0b100)       # collider given Y3
    False
    """
    anc = ancestors_mask(parents, x | y | z)
    k = len(parents)
    adj = [0] * k
    for i in bits(anc):
        pa = parents[i]
        adj[i] |= pa
        for j in bits(pa):
            adj[j] |= 1 << i | (pa & ~(1 << j))
    allowed = anc & ~z
    seen = x & allowed
    frontier = seen
    while frontier:
        new = 0
        for i in bits(frontier):
            new |= adj[i]
        new &= allowed & ~seen
        if new & y:
            return False
        seen |= new
        frontier = new
    return not (seen & y)


@lru_cache(maxsize=None)
def elementary_triples(k: int) -> tuple[tuple[int, int, int], ...]:
    out = []
    for i, j in combinations(range(k), 2):
        rest = [r for r in range(k) if r not in (i, j)]
        for r in range(len(rest) + 1):
            for ks in combinations(rest, r):
                out.append((i, j, sum(1 << q for q in ks)))
    return tuple(out)


def elementary_independences(parents: Sequence[int]) -> int:
    """Bitmask over the elementary triples ``(i, j | K)`` (in the order of
    :func:`elementary_triples`) that are d-separations.  ``G1 ⇒ G2`` (factorisation
    implication) iff the set of ``G2`` is contained in that of ``G1``
    (d-separation is a semi-graphoid, determined by its elementary triples).
    """
    out = 0
    for t, (i, j, ks) in enumerate(elementary_triples(len(parents))):
        if is_d_separated(parents, 1 << i, 1 << j, ks):
            out |= 1 << t
    return out


def has_directed_path(parents: Sequence[int], a: int, b: int) -> bool:
    """Is there a directed path a ~> b?"""
    return bool(ancestors_mask(parents, 1 << b) >> a & 1)


def implication_certificate(start: Sequence[int], goal: Sequence[int], *, max_states: int = 20000):
    """Arrow additions turning ``start`` into a DAG with ``goal``'s error
    form, by covered reversals and additions (Chickering); a list of
    ``(v, u, pa_v)`` meaning the term ``I(v; u | pa_v)`` (bitmask ``pa_v``),
    or None if no sequence was found (then ``start ⇏ goal``, or the search
    budget ran out).
    """
    k = len(start)
    target = error_vector(goal)
    skeleton = {frozenset((i, j)) for i in range(k) for j in bits(goal[i])}
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
                elif not s[u] >> v & 1 and frozenset((u, v)) in skeleton and not has_directed_path(s, v, u):
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



@lru_cache(maxsize=None)
def implication_classes(k: int):
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
        remap = [sum(1 << perm[i] for i in bits(m)) for m in range(1 << k)]
        row = []
        for v in vecs:
            w = [0] * (1 << k)
            for m, c in enumerate(v):
                w[remap[m]] = c
            row.append(forms[tuple(w)])
        action.append(row)
    return vecs, ci, members, action


def dags_with_order(k: int):
    """DAGs for which 0, 1, ..., k-1 is a topological order."""
    return list(product(*[range(1 << i) for i in range(k)]))


def labelled_trees(k: int):
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


def drop_bit(mask: int, v: int) -> int:
    """Re-index a bitmask after deleting node ``v`` (``v = -1``: identity)."""
    if v < 0:
        return mask
    low = mask & ((1 << v) - 1)
    high = mask >> (v + 1)
    return low | high << v


def descendants_mask(parents: Sequence[int], node: int) -> int:
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
