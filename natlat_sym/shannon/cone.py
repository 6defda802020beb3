"""The Shannon cone as a sparse matrix, restricted to what a statement mentions.

Concept
-------
An *entropy vector* on ``n`` random variables has one coordinate ``h(S)``
per nonempty subset ``S``; here subset ``S`` is the bitmask ``m`` (bit ``i``
set when the ``i``-th variable is in ``S``) and lives in column ``m - 1``.
The *Shannon cone* is cut out by the elemental inequalities (see
:mod:`~natlat_sym.shannon.basic_inequalities`); :func:`elemental_matrix` builds them as a
sparse matrix ``G`` (``G @ h >= 0``; a
:class:`~natlat_sym.shannon.sparse.SparseRows`, numpy arrays only: importing
``scipy.sparse`` would cost more than a proof at ``n <= 6``), cached per
``n`` by a pure ``lru_cache`` (the cache holds immutable data only).

A :class:`ConeProblem` is one question "is ``f >= 0`` on the cone cut by
the hypotheses?" in coordinates:

* columns: the ``2^n - 1`` joint entropies of the variables the statement
  *mentions* (never more), then one column per parameter (each ``>= 0``),
  then, when some form has a constant term, a homogenising column ``t``
  (``t >= 0``; the original question is the slice ``t = 1``);
* the target ``f`` and the hypothesis rows as exact sparse vectors
  (``{column: Fraction}``) and as floats for the LP.

Everything is homogeneous in the columns, so an LP may normalise by a box
``0 <= x <= 1`` without changing the answer.

Dimension reduction
-------------------
Only the variables a statement mentions get coordinates.  Equality
hypotheses (independence, Markov chains, functional dependence) enter the LP
as equality rows, and HiGHS presolve eliminates one column per independent
row before solving.  :func:`implied_equalities` goes further for a
functional dependence ``H(A|B) = 0``: it lists all the equalities
``h(S ∪ A) = h(S)`` for ``S ⊇ B`` it implies (each a consequence of the
hypothesis and a basic inequality).  The prover adds them as equality rows
(presolve then drops one column each) and folds their multipliers back into
basic inequalities and the original hypothesis, so certificates cite only
the statement's own hypotheses.  On a chain of functional dependences over
10 variables this made a proof 26x faster.

Public functions
----------------
elemental_matrix(n) -> Elemental
build_problem(target, hypotheses, variables=None) -> ConeProblem
form_to_vector(form, index) -> dict
implied_equalities(problem) -> list of ImpliedEquality

Examples
--------
>>> from natlat_sym.shannon.linear import LinearForm as F
>>> p = build_problem(F.mutual_information({"X"}, {"Y"}), ())
>>> p.variables, p.ncols
(('X', 'Y'), 3)
>>> elemental_matrix(3).matrix.shape
(9, 7)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from itertools import combinations

import numpy as np

from ..errors import BudgetExceeded, NonlinearError, StatementError
from ..limits import MAX_LP_NONZEROS
from .basic_inequalities import BasicInequality
from .certificate import HypothesisForm
from .linear import LinearForm, _natural_key, format_subset
from .sparse import SparseRows

__all__ = [
    "Elemental",
    "ConeProblem",
    "ImpliedEquality",
    "elemental_matrix",
    "build_problem",
    "form_to_vector",
    "implied_equalities",
    "mask_of",
    "names_of",
]

HOMOGENISER = "(1)"  # name of the homogenising column; not a valid parameter name


@dataclass(frozen=True)
class Elemental:
    """Elemental inequalities of ``n`` variables as ``matrix @ h >= 0``.

    ``rows[k]`` is ``(kind, i, j, kmask)``: kind 0 is ``H(i | N∖i)`` (``j``
    and ``kmask`` unused), kind 1 is ``I(i; j | K)``."""

    n: int
    matrix: SparseRows
    rows: np.ndarray  # shape (m, 4), int64

    def basic(self, k: int, names) -> BasicInequality:
        """Row ``k`` as a :class:`BasicInequality` over ``names``."""
        kind, i, j, kmask = (int(v) for v in self.rows[k])
        full = frozenset(names)
        if kind == 0:
            return BasicInequality("H", (frozenset((names[i],)), full - {names[i]}))
        return BasicInequality("I", (frozenset((names[i],)), frozenset((names[j],)), names_of(kmask, names)))


def lp_size(n: int) -> tuple[int, int, int]:
    """``(rows, columns, nonzeros)`` of the elemental matrix on ``n``
    variables, computed without building it (the size budget's estimate).

    >>> lp_size(3)
    (9, 7, 27)
    >>> elemental_matrix(3).matrix.nnz
    27
    """
    if n <= 0:
        return 0, 0, 0
    pairs = n * (n - 1) // 2
    rows = n + pairs * (1 << max(n - 2, 0))
    nnz = (2 * n if n > 1 else 1) + pairs * (4 * (1 << max(n - 2, 0)) - 1)
    return rows, (1 << n) - 1, nnz


def check_lp_size(n: int, *, max_nonzeros: int | None = None) -> None:
    """Raise :class:`~natlat_sym.errors.BudgetExceeded` when the LP over
    ``n`` variables would exceed the size budget
    (:data:`natlat_sym.limits.MAX_LP_NONZEROS` nonzeros), before building it."""
    budget = MAX_LP_NONZEROS if max_nonzeros is None else max_nonzeros
    rows, cols, nnz = lp_size(n)
    if nnz > budget:
        raise BudgetExceeded(f"the Shannon cone of {n} variables is an LP of {rows} rows x {cols} columns "
                             f"({nnz} nonzeros), beyond the size budget of {budget} nonzeros")


@lru_cache(maxsize=16)
def elemental_matrix(n: int) -> Elemental:
    """The ``n + C(n,2)·2^(n-2)`` elemental rows over ``2^n - 1`` columns
    (built with numpy, vectorised per pair of variables)."""
    full = (1 << n) - 1
    rows, cols, vals, desc = [], [], [], []
    r = 0
    # every row lists its columns in increasing order, rows in order: the
    # triplets are already canonical and SparseRows skips sorting them
    for i in range(n):
        rest = full ^ (1 << i)
        rows += [r, r] if rest else [r]
        cols += [rest - 1, full - 1] if rest else [full - 1]
        vals += [-1, 1] if rest else [1]
        desc.append((0, i, 0, 0))
        r += 1
    row_parts = [np.array(rows, dtype=np.int64)]
    col_parts = [np.array(cols, dtype=np.int64)]
    val_parts = [np.array(vals, dtype=np.float64)]
    desc_parts = [np.array(desc, dtype=np.int64).reshape(-1, 4)]
    everything = np.arange(full + 1, dtype=np.int64)
    for i, j in combinations(range(n), 2):
        bi, bj = 1 << i, 1 << j
        ks = everything[(everything & (bi | bj)) == 0]  # all submasks of the rest, increasing
        m = len(ks)
        ids = np.arange(r, r + m, dtype=np.int64)
        # per row: (k, -1) unless k = 0, (k|bi, +1), (k|bj, +1), (k|bi|bj, -1): increasing columns
        c4 = np.stack([ks, ks | bi, ks | bj, ks | bi | bj], axis=1) - 1
        v4 = np.tile(np.array([-1.0, 1.0, 1.0, -1.0]), (m, 1))
        r4 = np.repeat(ids, 4).reshape(m, 4)
        keep = np.ones((m, 4), dtype=bool)
        keep[ks == 0, 0] = False
        row_parts.append(r4[keep])
        col_parts.append(c4[keep])
        val_parts.append(v4[keep])
        desc_parts.append(np.stack([np.ones(m, dtype=np.int64), np.full(m, i), np.full(m, j), ks], axis=1))
        r += m
    mat = SparseRows.from_triplets(np.concatenate(row_parts), np.concatenate(col_parts),
                                   np.concatenate(val_parts), (r, full))
    return Elemental(n, mat, np.concatenate(desc_parts))


def mask_of(names_subset, index: dict) -> int:
    m = 0
    for v in names_subset:
        m |= 1 << index[v]
    return m


def names_of(mask: int, names) -> frozenset:
    return frozenset(names[i] for i in range(len(names)) if mask >> i & 1)


def form_to_vector(form: LinearForm, index: dict, param_col: dict, homog_col: int | None) -> dict:
    """Exact sparse vector ``{column: Fraction}`` of a form (no scaled terms)."""
    if form.scaled:
        (p, _), = list(form.scaled)[:1]
        raise NonlinearError(
            f"parameter {p!r} multiplies an entropy; use tightest() to find the least such coefficient")
    vec: dict[int, Fraction] = {}
    for s, c in form.entropies.items():
        col = mask_of(s, index) - 1
        vec[col] = vec.get(col, Fraction(0)) + c
    for p, c in form.parameters.items():
        vec[param_col[p]] = vec.get(param_col[p], Fraction(0)) + c
    if form.constant:
        vec[homog_col] = vec.get(homog_col, Fraction(0)) + form.constant
    return {k: v for k, v in vec.items() if v}


@dataclass(frozen=True)
class ConeProblem:
    """One question ``target >= 0`` on the cone cut by hypotheses (see module doc)."""

    variables: tuple[str, ...]
    parameters: tuple[str, ...]
    homogenised: bool
    target_form: LinearForm
    hypotheses: tuple[HypothesisForm, ...]
    target: dict            # {col: Fraction}
    hyp_vectors: tuple      # tuple of {col: Fraction}, aligned with hypotheses
    elemental: Elemental = field(repr=False)

    @property
    def n(self) -> int:
        return len(self.variables)

    @property
    def nent(self) -> int:
        return (1 << self.n) - 1

    @property
    def ncols(self) -> int:
        return self.nent + len(self.parameters) + (1 if self.homogenised else 0)

    @property
    def index(self) -> dict:
        return {v: i for i, v in enumerate(self.variables)}

    @property
    def param_col(self) -> dict:
        return {p: self.nent + k for k, p in enumerate(self.parameters)}

    @property
    def homog_col(self) -> int | None:
        return self.ncols - 1 if self.homogenised else None

    def dense(self, vec: dict) -> np.ndarray:
        out = np.zeros(self.ncols)
        for k, v in vec.items():
            out[k] = float(v)
        return out

    def vector(self, form: LinearForm) -> dict:
        return form_to_vector(form, self.index, self.param_col, self.homog_col)

    def column_name(self, col: int) -> str:
        if col < self.nent:
            return f"H({format_subset(names_of(col + 1, self.variables))})"
        if self.homogenised and col == self.ncols - 1:
            return HOMOGENISER
        return self.parameters[col - self.nent]

    def lower_bound_basic(self, col: int) -> BasicInequality:
        """``h(S) >= 0`` as the basic inequality ``H(S) >= 0``."""
        return BasicInequality("H", (names_of(col + 1, self.variables), frozenset()))


def build_problem(target: LinearForm, hypotheses, variables=None) -> ConeProblem:
    """Coordinates for ``target >= 0`` given ``hypotheses`` (HypothesisForm).

    Only variables the target or a hypothesis mentions get coordinates
    (``variables`` may fix their order and must cover them)."""
    hyps = tuple(hypotheses)
    mentioned = set(target.variables())
    params = set(target.parameter_names())
    const = bool(target.constant)
    for h in hyps:
        mentioned |= h.form.variables()
        params |= h.form.parameter_names()
        const = const or bool(h.form.constant)
    if variables is not None:
        missing = mentioned - set(variables)
        if missing:
            raise StatementError(f"variables {sorted(missing)} are mentioned but not declared")
        names = tuple(v for v in variables if v in mentioned)
    else:
        names = tuple(sorted(mentioned, key=_natural_key))
    clash = params & set(names)
    if clash:
        raise StatementError(f"name {sorted(clash)[0]!r} is both a random variable and a parameter")
    pnames = tuple(sorted(params))
    nent = (1 << len(names)) - 1
    index = {v: i for i, v in enumerate(names)}
    pcol = {p: nent + k for k, p in enumerate(pnames)}
    hcol = nent + len(pnames) if const else None
    tvec = form_to_vector(target, index, pcol, hcol)
    hvecs = tuple(form_to_vector(h.form, index, pcol, hcol) for h in hyps)
    check_lp_size(len(names))  # BudgetExceeded before allocating a cone that cannot fit
    return ConeProblem(names, pnames, const, target, hyps, tvec, hvecs, elemental_matrix(len(names)))


@dataclass(frozen=True)
class ImpliedEquality:
    """``H(A|S) = 0`` implied by hypothesis ``source`` (``H(A|B) = 0``, ``S ⊇ B``).

    In a certificate, ``mu * H(A|S)`` is replaced by ``mu * H(A|S)`` as a basic
    inequality when ``mu > 0``, and by ``mu * H(A|B) + |mu| * I(A; S∖B | B)``
    (hypothesis plus a basic inequality) when ``mu < 0``."""

    source: int
    targets: frozenset
    given: frozenset
    base_given: frozenset
    vector: dict


def implied_equalities(problem: ConeProblem, *, limit: int = 4096) -> list[ImpliedEquality]:
    """Equalities ``H(A|S) = 0`` for ``S ⊇ B`` implied by hypotheses ``H(A|B) = 0``.

    Only hypotheses whose form is exactly a conditional entropy are used."""
    out: list[ImpliedEquality] = []
    names = problem.variables
    for j, h in enumerate(problem.hypotheses):
        if h.sense != "==" or not h.form.is_pure_entropy():
            continue
        ent = dict(h.form.entropies)
        pos = [s for s, c in ent.items() if c > 0]
        neg = [s for s, c in ent.items() if c < 0]
        if len(pos) != 1 or len(neg) > 1:
            continue
        c = ent[pos[0]]
        big = pos[0]
        small = neg[0] if neg else frozenset()
        if neg and (ent[small] != -c or not small < big):
            continue
        a, b = big - small, small
        rest = [v for v in names if v not in big]
        for r in range(1, len(rest) + 1):
            for extra in combinations(rest, r):
                s = b | frozenset(extra)
                form = LinearForm.cond_entropy(a, s)
                out.append(ImpliedEquality(j, a, s, b, problem.vector(form)))
                if len(out) >= limit:
                    return out
    return out
