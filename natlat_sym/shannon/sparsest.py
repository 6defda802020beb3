"""Sparsest combinations of set basic inequalities (the search behind short derivations).

:mod:`~natlat_sym.shannon.derivation` prints a certificate as a chain of
textbook steps; to keep the chain short it needs, for a target vector ``b``
of joint-entropy coefficients, the combination ``A w = b`` with the fewest
nonzero weights over a *dictionary* of quantities ``A``:

* the dictionary (:func:`dictionary`) holds every *set* basic inequality
  ``I(A;B|C) >= 0`` and ``H(A|B) >= 0`` over disjoint sets of the variables
  (2016 of them at ``n = 6``), built from bit masks as one sparse matrix
  whose *rows* are the inequalities' vectors (``A`` transposed, which is
  what HiGHS takes column by column);
* :func:`sparsest` finds a sparse ``w``: reweighted L1 minimisation (a few
  LPs) collects candidate columns, and an exact MILP picks the fewest among
  them;
* :func:`exact_on_support` turns the float ``w`` into exact rationals (and
  the derivation re-checks the result with the trusted checker).

HiGHS is called through highspy directly, and the matrices are numpy arrays
(:class:`~natlat_sym.shannon.sparse.SparseRows`): importing
``scipy.optimize`` or ``scipy.sparse`` costs more than the whole search at
``n <= 6``.  Every solve gets the time left as its HiGHS time limit.

Examples
--------
>>> d = dictionary(["X", "Y"])
>>> [str(d.basic(j)) for j in range(len(d))]
['I(X;Y) >= 0', 'H(Y) >= 0', 'H(X) >= 0', 'H(X,Y) >= 0', 'H(X|Y) >= 0', 'H(Y|X) >= 0']
>>> cols = columns(d.names)
>>> w = sparsest(d.rows, dense({cols[frozenset("X")]: 1}, len(cols)), [False] * len(d), 1.0, d.sizes)
>>> exact_on_support(d.vector, {cols[frozenset("X")]: 1}, list(w), [False] * len(d))
{2: Fraction(1, 1)}
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations, product

import highspy
import numpy as np

from ..errors import BudgetExceeded
from .basic_inequalities import BasicInequality
from .exact_recovery import Atom, find_exact_multipliers
from .linear import LinearForm, _natural_key
from .lp import MIN_TIME_LIMIT, new_highs
from .sparse import SparseRows

__all__ = ["Dictionary", "dictionary", "columns", "vector_of", "dense", "sparsest", "sparsest_lp",
           "exact_on_support"]


@dataclass(frozen=True)
class Dictionary:
    """Every set basic inequality over ``names``: row ``j`` of ``rows`` is
    inequality ``j``'s vector over the joint entropies of :func:`columns`.

    Built with bit masks, never with :class:`LinearForm` arithmetic: at
    ``n = 6`` there are 2016 inequalities, and building their forms one by
    one cost seconds per derivation."""

    names: tuple
    kinds: tuple           # "I" or "H" per inequality
    masks: tuple           # (a, b, c) bit masks per inequality (c = 0 for H)
    rows: SparseRows       # shape (k, 2^n - 1): the dictionary matrix A, transposed
    sizes: np.ndarray      # |A| + |B| (+ |C|): prefer short quantities on ties

    def __len__(self) -> int:
        return len(self.kinds)

    def basic(self, j: int) -> BasicInequality:
        sets = tuple(frozenset(self.names[i] for i in range(len(self.names)) if m >> i & 1)
                     for m in self.masks[j][: 3 if self.kinds[j] == "I" else 2])
        return BasicInequality(self.kinds[j], sets)

    def vector(self, j: int) -> dict:
        """Inequality ``j`` as an exact sparse vector ``{column: Fraction}``."""
        return {c: Fraction(int(v)) for c, v in self.rows.row(j).items()}


def _mask_rows(n: int) -> np.ndarray:
    """Coordinate of each subset bit mask in the order of :func:`columns` (-1 for ∅)."""
    rows = np.full(1 << n, -1, dtype=np.int64)
    k = 0
    for r in range(1, n + 1):
        for s in combinations(range(n), r):
            rows[sum(1 << i for i in s)] = k
            k += 1
    return rows


def dictionary(variables) -> Dictionary:
    """The :class:`Dictionary` of all set basic inequalities over ``variables``
    (mutual informations first, then conditional entropies; no duplicates)."""
    names = tuple(sorted(variables, key=_natural_key))
    n = len(names)
    coord = _mask_rows(n)
    kinds, masks, sizes = [], [], []
    r_idx, c_idx, vals = [], [], []

    def add(mask, j, v):
        if mask:
            r_idx.append(j)
            c_idx.append(coord[mask])
            vals.append(v)

    for labels in product(range(4), repeat=n):  # 0 none, 1 A, 2 B, 3 C
        a = b = c = 0
        ia, ib = [], []
        for i, l in enumerate(labels):
            if l == 1:
                a |= 1 << i
                ia.append(i)
            elif l == 2:
                b |= 1 << i
                ib.append(i)
            elif l == 3:
                c |= 1 << i
        if a and b and ia < ib:
            j = len(kinds)
            kinds.append("I")
            masks.append((a, b, c))
            sizes.append(len(ia) + len(ib) + bin(c).count("1"))
            add(a | c, j, 1)
            add(b | c, j, 1)
            add(a | b | c, j, -1)
            add(c, j, -1)
    for labels in product(range(3), repeat=n):
        a = sum(1 << i for i, l in enumerate(labels) if l == 1)
        b = sum(1 << i for i, l in enumerate(labels) if l == 2)
        if a:
            j = len(kinds)
            kinds.append("H")
            masks.append((a, b, 0))
            sizes.append(bin(a).count("1") + bin(b).count("1"))
            add(a | b, j, 1)
            add(b, j, -1)
    rows = SparseRows.from_triplets(r_idx, c_idx, vals, (len(kinds), (1 << n) - 1))
    return Dictionary(names, tuple(kinds), tuple(masks), rows, np.asarray(sizes, dtype=float))


def columns(variables) -> dict:
    """``{frozenset of names: coordinate}`` for every nonempty subset, by size then order."""
    names = sorted(variables, key=_natural_key)
    cols = {}
    for r in range(1, len(names) + 1):
        for s in combinations(names, r):
            cols[frozenset(s)] = len(cols)
    return cols


def vector_of(form: LinearForm, cols: dict) -> dict:
    """The entropy part of ``form`` as ``{coordinate: Fraction}``."""
    return {cols[s]: c for s, c in form.entropies.items()}


def dense(vec: dict, ncoord: int) -> np.ndarray:
    b = np.zeros(ncoord)
    for c, x in vec.items():
        b[c] = float(x)
    return b


def _left(deadline: float) -> float:
    return deadline - time.perf_counter()


def _highs_solve(cost, At: SparseRows, b, lo, hi, *, rows=None, integer=None, time_limit: float = 2.0):
    """Minimise ``cost·x`` subject to ``A x = b`` (``At`` is ``A`` transposed:
    one row per variable), ``lo <= x <= hi``, optional extra rows
    ``(R, r_lo, r_hi)`` over ``x`` and integrality of the columns in
    ``integer``, within ``time_limit`` seconds.  Returns ``x``, or None
    without a feasible solution."""
    k, nrow = At.shape
    h = new_highs(time_limit)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.addRows(nrow, b, b, 0, np.zeros(nrow + 1, dtype=np.int32), np.zeros(0, dtype=np.int32), np.zeros(0))
    h.addCols(k, np.asarray(cost, dtype=np.float64), np.asarray(lo, dtype=np.float64),
              np.asarray(hi, dtype=np.float64), At.nnz, *At.highs_arrays())
    if rows is not None:
        R, r_lo, r_hi = rows
        h.addRows(R.shape[0], np.asarray(r_lo, dtype=np.float64), np.asarray(r_hi, dtype=np.float64), R.nnz,
                  *R.highs_arrays())
    if integer is not None and len(integer):
        idx = np.asarray(integer, dtype=np.int32)
        h.changeColsIntegrality(len(idx), idx, np.full(len(idx), highspy.HighsVarType.kInteger))
    h.run()
    status = h.modelStatusToString(h.getModelStatus())
    x = np.asarray(h.getSolution().col_value)
    if status == "Optimal" or (x.size == k and status in ("Time limit reached", "Interrupted by user")
                               and np.allclose(At.rmatvec(x), b, atol=1e-6)):
        return x if x.size == k else None
    return None


def sparsest_lp(At: SparseRows, b: np.ndarray, signs, time_limit: float, sizes=None, weight=None):
    """``A w = b`` minimising the weighted L1 norm (an LP, far faster than a
    MILP; its vertex solutions are sparse).  ``At`` is ``A`` transposed."""
    k = At.shape[0]
    if k == 0 or time_limit <= 0:
        return None
    if weight is None:
        weight = 1.0 + 0.03 * np.asarray(sizes if sizes is not None else np.zeros(k), dtype=float)
    signs = np.asarray(signs, dtype=bool)
    free = np.flatnonzero(~signs)
    if free.size:  # w = p - m for atoms of either sign
        At = SparseRows.stack([At, -At.take(free)])
        weight = np.concatenate([weight, weight[free]])
    m = At.shape[0]
    x = _highs_solve(weight, At, b, np.zeros(m), np.full(m, np.inf), time_limit=time_limit)
    if x is None:
        return None
    w = x[:k].copy()
    if free.size:
        w[free] -= x[k:]
    return w


def _sparsest_milp(At: SparseRows, b: np.ndarray, signs, time_limit: float, sizes):
    """Fewest nonzero weights ``w`` with ``A w = b`` (one binary ``z`` per
    column, ties broken towards short quantities); ``signs[k]`` True means ``w_k >= 0``."""
    k, ncoord = At.shape
    big = 4.0 * max(1.0, float(np.abs(b).sum()))
    signs = np.asarray(signs, dtype=bool)
    cost = np.concatenate([np.where(signs, 1e-4, 0.0), 1.0 + 0.03 * np.asarray(sizes, dtype=float)])
    free = np.flatnonzero(~signs)
    # rows over (w, z):  w_j - big z_j <= 0 for every j, then -w_j - big z_j <= 0 for free j
    nrow = k + free.size
    r = np.concatenate([np.arange(nrow), np.arange(nrow)])
    c = np.concatenate([np.arange(k), free, k + np.arange(k), k + free])
    v = np.concatenate([np.ones(k), -np.ones(free.size), np.full(nrow, -big)])
    R = SparseRows.from_triplets(r, c, v, (nrow, 2 * k))
    lo = np.concatenate([np.where(signs, 0.0, -big), np.zeros(k)])
    hi = np.concatenate([np.full(k, big), np.ones(k)])
    x = _highs_solve(cost, SparseRows.stack([At, SparseRows.empty(k, ncoord)]), b, lo, hi,
                     rows=(R, np.full(nrow, -np.inf), np.zeros(nrow)),
                     integer=np.arange(k, 2 * k), time_limit=time_limit)
    return None if x is None else x[:k]


#: Reweighting rounds of the L1 search that collects candidate inequalities
#: for the exact sparsest-combination MILP.
_REWEIGHT_ROUNDS = 6


def sparsest(At: SparseRows, b: np.ndarray, signs, time_limit: float, sizes=None, seed_support=()):
    """Fewest nonzero weights ``w`` with ``A w = b``; ``signs[k]`` True means
    ``w_k >= 0``; ``At`` is ``A`` transposed (one row per candidate).

    The MILP over every column (2016 set inequalities at ``n = 6``) took
    seconds; instead, reweighted L1 minimisation (each round an LP with
    weights ``1/(|w_k| + ε)``, which drives weights to zero) collects a few
    dozen candidate columns, together with ``seed_support`` (e.g. the
    multipliers of the certificate being shortened), and the exact MILP runs
    over those candidates only.  Deterministic when not cut short by
    ``time_limit``, and never worse than the best solution seen on the way."""
    k = At.shape[0]
    if k == 0:
        return None
    deadline = time.perf_counter() + time_limit
    sizes = np.zeros(k) if sizes is None else np.asarray(sizes, dtype=float)
    base = 1.0 + 0.03 * sizes
    candidates = set(int(j) for j in seed_support)
    best = None
    weight = base
    for _ in range(_REWEIGHT_ROUNDS):
        if _left(deadline) <= MIN_TIME_LIMIT:
            break
        w = sparsest_lp(At, b, signs, _left(deadline), weight=weight)
        if w is None:
            break
        support = np.flatnonzero(np.abs(w) > 1e-7)
        candidates.update(int(j) for j in support)
        if best is None or support.size < np.count_nonzero(np.abs(best) > 1e-7):
            best = w
        weight = base / (np.abs(w) + 1e-3)
    if not candidates or _left(deadline) <= MIN_TIME_LIMIT:
        return best
    cand = np.array(sorted(candidates))
    sub = _sparsest_milp(At.take(cand), b, np.asarray(signs, dtype=bool)[cand], _left(deadline), sizes[cand])
    if sub is None:
        return best
    w = np.zeros(k)
    w[cand] = sub
    if best is not None and np.count_nonzero(np.abs(best) > 1e-7) < np.count_nonzero(np.abs(w) > 1e-7):
        return best
    return w


def exact_on_support(vector_of_column, target: dict, floats, signs, *, timeout: float = 2.0):
    """Exact weights ``{j: Fraction}`` on the support of ``floats``
    (``vector_of_column(j)``: column ``j`` as a dict), or None when none is
    found within ``timeout`` seconds."""
    support = [j for j, x in enumerate(floats) if abs(x) > 1e-7]
    atoms = [Atom("x", j, vector_of_column(j), bool(signs[j])) for j in support]
    try:
        ws = find_exact_multipliers(atoms, target, [floats[j] for j in support], timeout=timeout)
    except BudgetExceeded:
        return None
    if ws is None:
        return None
    return {j: w for j, w in zip(support, ws) if w}
