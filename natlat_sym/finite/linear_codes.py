"""Linear codes over small prime fields: rank functions and their distributions.

Concept
-------
Fix a prime ``q`` and give every variable ``i`` a subspace ``V_i`` of
``F_q^k``, spanned by the rows of a matrix ``G_i``.  Draw a message ``u``
uniformly from ``F_q^k`` and let ``X_i = G_i u`` (the inner products of ``u``
with the rows of ``G_i``).  For a set ``S`` of variables the map
``u -> X_S`` is linear of rank ``r(S) = dim(sum of V_i, i in S)``, so ``X_S``
is uniform on ``q^r(S)`` values and

    ``H(X_S) = r(S) * log2(q)``        exactly.

The rank function ``r`` is an integer polymatroid; one that arises this way
is *representable over GF(q)*.  An integer polymatroid that is representable
is therefore the entropy vector (in units of ``log2 q`` bits) of a real
distribution: the uniform distribution over the code
``{(G_1 u, ..., G_n u) : u in F_q^k}``.  This is how
:mod:`natlat_sym.finite.realize` turns a polymatroid counterexample of the
prover into a distribution.

Finding a representation
------------------------
:func:`find_representation` searches for subspaces with
``dim(sum_{i in S} V_i) = h(S)`` for every ``S``, exhaustively up to the
action of ``GL_k(q)`` (so "not found" before the deadline means *no
representation over GF(q) exists*).  Variables are placed one at a time.
With ``A`` the variables placed so far, their sum ``W_A`` is kept equal to
``span(e_1, ..., e_h(A))``.  A new variable ``i`` needs ``d = h(A+i) - h(A)``
directions outside ``W_A``; a change of basis fixing ``W_A`` pointwise (hence
every placed subspace) makes them ``e_{h(A)+1}, ..., e_{h(A)+d}``.  Only the
intersection ``U = V_i ∩ W_A`` (dimension ``h(i) - d``) is enumerated, and
only inside the intersection of the ``W_S`` that must contain it (those with
``h(S+i) = h(S) + d``).  Then ``dim(W_S + V_i) = dim(W_S + U) + d`` is
checked for every placed ``S``.

Glossary
--------
ranks
    A polymatroid on ``n`` variables as a sequence of ``2**n`` integers
    indexed by subset bit masks (bit ``i`` set = variable ``i`` in the
    subset; ``ranks[0] == 0``).
configuration
    A tuple of ``n`` bases, one per variable, each a tuple of vectors of
    length ``k`` with entries in ``0..q-1``.

Public functions
----------------
rank_function
    Ranks of a configuration.
find_representation
    Integer polymatroid -> configuration over GF(q), or ``None``.
code_counts, code_distribution
    Configuration -> the exact uniform-over-the-code distribution.
linear_rank_vectors
    All rank functions of ``n`` subspaces of ``F_q^k`` (with one
    configuration each).

Examples
--------
Four points in general position in a plane (the uniform matroid ``U(2,4)``:
``h(S) = min(|S|, 2)``) are representable over GF(3) but not over GF(2):

>>> u24 = [min(bin(s).count("1"), 2) for s in range(16)]
>>> find_representation(u24, 2) is None
True
>>> conf = find_representation(u24, 3)
>>> rank_function(conf, 3) == u24
True
>>> d = code_distribution(conf, 3, ("A", "B", "C", "D"))
>>> d.shape, d.pmf[0, 0, 0, 0]
((3, 3, 3, 3), Fraction(1, 9))
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Sequence
from fractions import Fraction

import numpy as np

from ..errors import BudgetExceeded, DistributionError
from .distribution import Distribution

__all__ = ["rank_function", "find_representation", "code_counts", "code_distribution",
           "linear_rank_vectors", "FIELDS"]

FIELDS = (2, 3, 5, 7)
"""The prime field sizes supported (small, so alphabets stay small)."""


# ----------------------------------------------------------------------------- linear algebra

class _Echelon:
    """An incrementally built echelon basis over GF(q): each stored row has a
    leading 1 at its pivot and zeros at the pivots of the rows before it."""

    __slots__ = ("q", "rows", "pivots")

    def __init__(self, q: int, rows=(), pivots=()):
        self.q, self.rows, self.pivots = q, list(rows), list(pivots)

    def copy(self) -> "_Echelon":
        return _Echelon(self.q, self.rows, self.pivots)

    def reduce(self, v) -> list[int]:
        q = self.q
        v = list(v)
        for row, p in zip(self.rows, self.pivots):
            c = v[p]
            if c:
                v = [(a - c * b) % q for a, b in zip(v, row)]
        return v

    def add(self, v) -> bool:
        """Add ``v``; True when it was independent of the rows so far."""
        v = self.reduce(v)
        for p, c in enumerate(v):
            if c:
                inv = pow(c, self.q - 2, self.q)
                self.rows.append([x * inv % self.q for x in v])
                self.pivots.append(p)
                return True
        return False

    @property
    def rank(self) -> int:
        return len(self.rows)


def _rank_of(vectors, q: int) -> int:
    e = _Echelon(q)
    for v in vectors:
        e.add(v)
    return e.rank


def _nullspace(rows, k: int, q: int) -> list[list[int]]:
    """Basis of ``{x in F_q^k : <r, x> = 0 for every row r}``."""
    e = _Echelon(q)
    for r in rows:
        e.add(r)
    # back-substitute to reduced row echelon form
    R, P = [list(r) for r in e.rows], list(e.pivots)
    for j in range(len(R) - 1, -1, -1):
        for i in range(j):
            c = R[i][P[j]]
            if c:
                R[i] = [(a - c * b) % q for a, b in zip(R[i], R[j])]
    free = [c for c in range(k) if c not in set(P)]
    out = []
    for f in free:
        x = [0] * k
        x[f] = 1
        for r, p in zip(R, P):
            x[p] = (-r[f]) % q
        out.append(x)
    return out


def _intersection(spaces, k: int, q: int) -> list[list[int]]:
    """Basis of the intersection of subspaces (each a list of spanning
    vectors): the annihilator of the sum of the annihilators."""
    dual = []
    for sp in spaces:
        dual += _nullspace(sp, k, q)
    return _nullspace(dual, k, q)


def _subspace_coefficients(z: int, m: int, q: int):
    """Every ``m``-dimensional subspace of ``F_q^z``, once each, as the rows
    of its reduced row echelon matrix (simplest first)."""
    if m == 0:
        yield ()
        return
    for pivots in itertools.combinations(range(z), m):
        slots = [(r, c) for r, p in enumerate(pivots) for c in range(p + 1, z) if c not in pivots]
        for values in itertools.product(range(q), repeat=len(slots)):
            rows = [[0] * z for _ in range(m)]
            for r, p in enumerate(pivots):
                rows[r][p] = 1
            for (r, c), v in zip(slots, values):
                rows[r][c] = v
            yield rows


def _combine(coeffs, basis, q: int) -> list[list[int]]:
    k = len(basis[0]) if basis else 0
    return [[sum(c * b[j] for c, b in zip(row, basis)) % q for j in range(k)] for row in coeffs]


# ----------------------------------------------------------------------------- public functions

def _check_field(q) -> int:
    if q not in FIELDS:
        raise DistributionError(f"field size must be one of the primes {FIELDS}, got {q!r}")
    return q


def _subset_count(ranks) -> int:
    size = len(ranks)
    n = size.bit_length() - 1
    if size < 1 or 1 << n != size:
        raise DistributionError(f"a rank function needs 2**n entries (one per subset), got {size}")
    return n


def rank_function(configuration, q: int) -> list[int]:
    """Ranks ``dim(sum_{i in S} V_i)`` for every subset mask ``S``.

    >>> rank_function((((1, 0),), ((0, 1),), ((1, 1),)), 2)   # XOR of two bits
    [0, 1, 1, 2, 1, 2, 2, 2]
    """
    q = _check_field(q)
    n = len(configuration)
    return [_rank_of([v for i in range(n) if s >> i & 1 for v in configuration[i]], q)
            for s in range(1 << n)]


def find_representation(ranks: Sequence[int], q: int = 2, *, deadline: float | None = None):
    """Subspaces of ``F_q^k`` (``k = ranks[-1]``) whose sums have the given
    ranks, or ``None``.

    Parameters
    ----------
    ranks : sequence of int
        ``2**n`` nonnegative integers indexed by subset bit mask.
    q : int
        A prime in :data:`FIELDS`.
    deadline : float, optional
        A :func:`time.monotonic` instant; past it the search stops and
        returns ``None`` (without a deadline the search is exhaustive, and
        ``None`` means that no representation over GF(q) exists).

    Returns
    -------
    tuple of tuple of tuple of int, or None
        One basis per variable (its ``ranks[1 << i]`` vectors of length ``k``).

    Examples
    --------
    Two independent bits and their XOR:

    >>> find_representation([0, 1, 1, 2, 1, 2, 2, 2], 2)
    (((1, 0),), ((0, 1),), ((1, 1),))

    The same rank function over GF(3): two independent trits and their sum.

    >>> find_representation([0, 1, 1, 2, 1, 2, 2, 2], 3)
    (((1, 0),), ((0, 1),), ((1, 1),))
    """
    q = _check_field(q)
    n = _subset_count(ranks)
    h = [int(r) for r in ranks]
    if any(r < 0 for r in h) or h[0] != 0 or any(h[s] != r for s, r in enumerate(ranks)):
        return None
    k = h[-1]
    order = sorted(range(n), key=lambda i: -h[1 << i])
    bases: list = [None] * n
    counter = [0]

    def out_of_time() -> bool:
        counter[0] += 1
        return deadline is not None and counter[0] % 16 == 0 and time.monotonic() > deadline

    def place(pos: int, placed: int, spans: dict) -> bool:
        if pos == n:
            return True
        i = order[pos]
        bit = 1 << i
        a = h[placed]
        d = h[placed | bit] - a
        m = h[bit] - d
        if d < 0 or m < 0 or m > a or a + d > k:
            return False
        subs = [s for s in spans]
        targets = {s: h[s | bit] - d for s in subs}
        for s in subs:  # dim(W_S + U) is between max(h(S), m) and h(S) + m
            if not max(h[s], m) <= targets[s] <= h[s] + m:
                return False
        inside = [spans[s].rows for s in subs if targets[s] == h[s] and s]
        if m:
            zb = _intersection(inside, k, q) if inside else [[int(j == t) for j in range(k)] for t in range(a)]
            if len(zb) < m:
                return False
        else:
            zb = []
        new = [[int(j == a + t) for j in range(k)] for t in range(d)]
        checks = sorted((s for s in subs if s), key=lambda s: bin(s).count("1"))
        for coeffs in _subspace_coefficients(len(zb), m, q):
            if out_of_time():
                raise _OutOfTime
            U = _combine(coeffs, zb, q) if m else []
            ok = True
            for s in checks:
                e = spans[s].copy()
                if sum(e.add(u) for u in U) + h[s] != targets[s]:
                    ok = False
                    break
            if not ok:
                continue
            V = U + new
            bases[i] = tuple(tuple(v) for v in V)
            grown = dict(spans)
            for s in subs:
                e = spans[s].copy()
                for v in V:
                    e.add(v)
                grown[s | bit] = e
            if place(pos + 1, placed | bit, grown):
                return True
        return False

    if deadline is not None and time.monotonic() > deadline:
        return None
    try:
        found = place(0, 0, {0: _Echelon(q)})
    except _OutOfTime:
        return None
    if not found:
        return None
    conf = tuple(bases)
    return conf if rank_function(conf, q) == h else None  # pragma: no branch - belt and braces


class _OutOfTime(Exception):
    pass


def _alphabet_sizes(configuration, q: int) -> list[int]:
    return [q ** len(b) for b in configuration]


def code_counts(configuration, q: int, *, max_cells: int = 1 << 16):
    """Integer counts (one numpy axis per variable) and their total ``q**k``
    of the uniform-over-the-code distribution; ``BudgetExceeded`` when the
    dense array would exceed ``max_cells``.

    >>> counts, total = code_counts((((1, 0),), ((0, 1),), ((1, 1),)), 2)
    >>> counts[0, 0, 0], counts[0, 0, 1], total
    (np.int64(1), np.int64(0), 4)
    """
    q = _check_field(q)
    sizes = _alphabet_sizes(configuration, q)
    cells = 1
    for s in sizes:
        cells *= s
    if cells > max_cells:
        raise BudgetExceeded(f"the code's joint alphabet has {cells} cells, more than max_cells={max_cells}")
    k = max((len(v) for b in configuration for v in b), default=0)
    messages = np.array(list(itertools.product(range(q), repeat=k)), dtype=np.int64).reshape(q ** k, k)
    index = []
    for basis in configuration:
        if not basis:
            index.append(np.zeros(q ** k, dtype=np.int64))
            continue
        G = np.array(basis, dtype=np.int64)               # rows: functionals
        values = messages @ G.T % q                       # one column per row of G
        weights = q ** np.arange(len(basis) - 1, -1, -1, dtype=np.int64)
        index.append(values @ weights)
    counts = np.zeros(sizes, dtype=np.int64)
    np.add.at(counts, tuple(index), 1)
    return counts, q ** k


def code_distribution(configuration, q: int, names, *, max_cells: int = 1 << 16):
    """The exact distribution of ``X_i = G_i u``, ``u`` uniform on ``F_q^k``.

    Variable ``i`` takes ``q**dim(V_i)`` values (the digits of ``G_i u`` in
    base ``q``); ``H(X_S) = rank(S) * log2(q)`` exactly.

    >>> from natlat_sym.finite.evaluate import exact_entropy
    >>> d = code_distribution((((1, 0),), ((0, 1),), ((1, 1),)), 2, ("X", "Y", "Z"))
    >>> str(exact_entropy(d, ["X", "Y", "Z"])), str(exact_entropy(d, ["X"]))
    ('2', '1')
    """
    names = tuple(names)
    if len(names) != len(configuration):
        raise DistributionError(f"{len(names)} names given for {len(configuration)} variables")
    counts, total = code_counts(configuration, q, max_cells=max_cells)
    pmf = np.empty(counts.shape, dtype=object)
    for idx, c in np.ndenumerate(counts):
        pmf[idx] = Fraction(int(c), total)
    return Distribution.from_array(pmf, names, exact=True)


def linear_rank_vectors(n: int, k: int, q: int = 2, *, deadline: float | None = None):
    """Every distinct rank function of ``n`` subspaces of ``F_q^k``, each with
    one configuration realising it: a dict ``ranks tuple -> configuration``
    (``None`` when the deadline passed first).

    Enumerated up to ``GL_k(q)`` as in :func:`find_representation`, so it is
    far smaller than all ``n``-tuples of subspaces.

    >>> sorted(linear_rank_vectors(2, 1))          # [h(), h(X1), h(X2), h(X1,X2)]
    [(0, 0, 0, 0), (0, 0, 1, 1), (0, 1, 0, 1), (0, 1, 1, 1)]
    >>> len(linear_rank_vectors(2, 2))
    10
    """
    q = _check_field(q)
    out: dict = {}
    counter = [0]

    def rec(i: int, h: list, spans: list, bases: list) -> None:
        counter[0] += 1
        if deadline is not None and counter[0] % 64 == 0 and time.monotonic() > deadline:
            raise _OutOfTime
        a = h[(1 << i) - 1]
        if i == n:
            out.setdefault(tuple(h), tuple(bases))
            return
        for d in range(0, k - a + 1):
            new = [tuple(int(j == a + t) for j in range(k)) for t in range(d)]
            for m in range(0, a + 1):
                for coeffs in _subspace_coefficients(a, m, q):
                    U = [tuple(r) + (0,) * (k - a) for r in coeffs]
                    h2 = h + [0] * (1 << i)
                    grown = spans + [None] * (1 << i)
                    for s in range(1 << i):
                        e = spans[s].copy()
                        for u in U:
                            e.add(u)
                        for v in new:  # new directions are independent of W_A
                            e.rows.append(list(v))
                            e.pivots.append(v.index(1))
                        h2[s | 1 << i] = e.rank
                        grown[s | 1 << i] = e
                    rec(i + 1, h2, grown, bases + [tuple(U) + tuple(new)])

    if deadline is not None and time.monotonic() > deadline:
        return None
    try:
        rec(0, [0], [_Echelon(q)], [])
    except _OutOfTime:
        return None
    return out
