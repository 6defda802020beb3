"""From float proposals to exact objects (that the trusted checker then re-verifies).

Two jobs:

* :func:`find_exact_multipliers` — given candidate *atoms* (basic
  inequalities, hypotheses, parameter bounds, the constant) and float weights
  from an LP, find exact rationals ``u`` with ``Σ u_a v_a = f`` and the sign
  constraints.  Tries, in order: rounding each weight with
  ``Fraction.limit_denominator``; an exact linear solve on the support
  (python-flint ``fmpq_mat.rref``); an exact feasibility problem for z3.
* :func:`find_exact_point` — given a float point from an LP, find an exact
  rational point of the cone satisfying given exact constraints: rounding
  at growing denominators, then the exact vertex through the tight
  constraints, then z3 (small ``n``).

Neither function decides anything: callers pass the result to
:func:`~natlat_sym.shannon.certificate.check_certificate` or
:func:`~natlat_sym.shannon.certificate.check_witness`.

Budget: both take ``timeout`` seconds for the whole recovery.  The loops
(rounding at each denominator, combining thousands of atoms, collecting the
tight rows of a vertex) check the deadline as they go and raise
:class:`~natlat_sym.errors.BudgetExceeded` once it has passed; z3 gets what
is left.  An exact linear solve (flint) cannot be interrupted, so it runs
only while time is left and on matrices below a size cap.

Glossary
--------
atom : :class:`Atom`, one thing a certificate may multiply: ``kind`` is
    ``"basic"`` (payload a BasicInequality, weight >= 0), ``"hyp"``
    (payload the hypothesis index; weight free for ``==``, >= 0 for ``>=``),
    ``"param"`` (payload a parameter name, weight >= 0) or ``"const"`` (the
    nonnegative constant left over, weight >= 0).

Examples
--------
>>> from fractions import Fraction
>>> a = Atom("basic", None, {0: Fraction(1), 1: Fraction(-1)}, True)
>>> find_exact_multipliers([a], {0: Fraction(2), 1: Fraction(-2)}, [1.9999999])
[Fraction(2, 1)]
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ..errors import BudgetExceeded
from .cone import ConeProblem

__all__ = ["Atom", "find_exact_multipliers", "find_exact_point", "is_exact_point", "combine"]

_DENOMINATORS = (1, 2, 3, 4, 6, 8, 12, 24, 60, 120, 840, 2520, 10_000, 1_000_000)


@dataclass(frozen=True)
class Atom:
    kind: str
    payload: object
    vector: dict          # {column: Fraction}
    nonnegative: bool


class _Deadline:
    """``time.perf_counter()`` value past which recovery raises BudgetExceeded."""

    __slots__ = ("at",)

    def __init__(self, seconds: float | None):
        self.at = None if seconds is None else time.perf_counter() + max(0.0, float(seconds))

    def left(self) -> float:
        return float("inf") if self.at is None else self.at - time.perf_counter()

    def check(self, doing: str) -> None:
        if self.at is not None and time.perf_counter() > self.at:
            raise BudgetExceeded(f"time budget exhausted while {doing}")


_NO_DEADLINE = _Deadline(None)


def combine(atoms, weights, *, _deadline: _Deadline = _NO_DEADLINE) -> dict:
    """``Σ w_a v_a`` as an exact sparse vector."""
    out: dict[int, Fraction] = {}
    for k, (a, w) in enumerate(zip(atoms, weights)):
        if k % 1024 == 1023:
            _deadline.check("recovering exact multipliers")
        if w:
            for c, v in a.vector.items():
                out[c] = out.get(c, Fraction(0)) + w * v
    return {c: v for c, v in out.items() if v}


def _is_solution(atoms, weights, target, deadline: _Deadline = _NO_DEADLINE) -> bool:
    if any(a.nonnegative and w < 0 for a, w in zip(atoms, weights)):
        return False
    return combine(atoms, weights, _deadline=deadline) == {c: v for c, v in target.items() if v}


def _by_rounding(atoms, target, floats, deadline: _Deadline):
    for d in _DENOMINATORS:
        deadline.check("rounding multipliers")
        ws = [Fraction(float(x)).limit_denominator(d) for x in floats]
        ws = [max(w, Fraction(0)) if a.nonnegative else w for a, w in zip(atoms, ws)]
        if _is_solution(atoms, ws, target, deadline):
            return ws
    return None


def _by_linear_solve(atoms, target, floats, deadline: _Deadline, max_cells: int = 4_000_000):
    import flint  # lazy: 40 ms of import, and most proofs are recovered by rounding

    deadline.check("solving for exact multipliers")
    order = sorted(range(len(atoms)), key=lambda k: -abs(floats[k]))
    coords = sorted({c for a in atoms for c in a.vector} | set(target))
    pos = {c: r for r, c in enumerate(coords)}
    k = len(atoms)
    if len(coords) * (k + 1) > max_cells:
        return None
    m = flint.fmpq_mat(len(coords), k + 1)
    for j, a_idx in enumerate(order):
        for c, v in atoms[a_idx].vector.items():
            m[pos[c], j] = flint.fmpq(v.numerator, v.denominator)
    for c, v in target.items():
        m[pos[c], k] = flint.fmpq(v.numerator, v.denominator)
    r, rank = m.rref()
    ws = [Fraction(0)] * k
    for i in range(rank):
        lead = next(j for j in range(k + 1) if r[i, j] != 0)
        if lead == k:
            return None  # inconsistent
        v = r[i, k]
        ws[order[lead]] = Fraction(int(v.p), int(v.q))
    return ws if _is_solution(atoms, ws, target, deadline) else None


def _by_z3(atoms, target, deadline: _Deadline):
    from .. import z3_backend  # lazy: 60 ms of import (z3), a fallback path

    deadline.check("solving for exact multipliers")
    coords = sorted({c for a in atoms for c in a.vector} | set(target))
    cons = []
    for c in coords:
        coeffs = {f"u{j}": a.vector[c] for j, a in enumerate(atoms) if c in a.vector}
        cons.append((z3_backend.linear(coeffs, -target.get(c, Fraction(0))), "=="))
    for j, a in enumerate(atoms):
        if a.nonnegative:
            cons.append((z3_backend.linear({f"u{j}": 1}), ">="))
    res = z3_backend.solve(cons, timeout=deadline.left(), variables=[f"u{j}" for j in range(len(atoms))],
                           nonlinear=False)
    if res.status != "sat" or not res.exact:
        return None
    ws = [res.model[f"u{j}"] for j in range(len(atoms))]
    return ws if _is_solution(atoms, ws, target, deadline) else None


def find_exact_multipliers(atoms, target: dict, floats, *, timeout: float = 10.0, use_z3: bool = True):
    """Exact weights ``u`` (list of Fraction) with ``Σ u_a v_a = target`` and
    ``u_a >= 0`` where required, or None if none was found.

    Raises
    ------
    BudgetExceeded
        When ``timeout`` seconds pass before a method concludes.
    """
    deadline = _Deadline(timeout)
    atoms = list(atoms)
    floats = list(floats)
    for method in (_by_rounding, _by_linear_solve):
        ws = method(atoms, target, floats, deadline)
        if ws is not None:
            return ws
    if use_z3:
        return _by_z3(atoms, target, deadline)
    return None


# ----------------------------------------------------------------------------- points

def _int_check(problem: ConeProblem, num: np.ndarray) -> bool:
    """Exact check that an integer vector satisfies every elemental row
    (int64 while the sums cannot overflow, Python integers beyond)."""
    G = problem.elemental.matrix
    ent = num[: problem.nent]
    if ent.dtype != object and np.abs(ent).max(initial=0) < 2**40:
        return bool((G @ ent.astype(np.int64) >= 0).all())
    return bool((G @ np.array([int(v) for v in ent], dtype=object) >= 0).all())


def _dot(vec: dict, point) -> Fraction:
    return sum((v * point[c] for c, v in vec.items()), Fraction(0))


def is_exact_point(problem: ConeProblem, point, constraints) -> bool:
    """``point`` (list of Fraction, one per column) lies in the cone, has
    nonnegative parameters/homogeniser, and meets ``constraints`` — a list of
    ``(vector, rel)`` with rel in ``">=", "==", "<", ">"`` against 0."""
    if any(v < 0 for v in point[problem.nent:]):
        return False
    for vec, rel in constraints:
        v = _dot(vec, point)
        if not {">=": v >= 0, "==": v == 0, "<": v < 0, ">": v > 0}[rel]:
            return False
    den = math.lcm(1, *(v.denominator for v in point[: problem.nent]))  # exact Python ints, any size
    num = np.array([int(v * den) for v in point[: problem.nent]], dtype=object)
    if den < 2**20 and all(abs(int(v)) < 2**40 for v in num):
        num = num.astype(np.int64)
    return _int_check(problem, np.concatenate([num, np.zeros(problem.ncols - problem.nent, dtype=num.dtype)]))


def _vertex(problem: ConeProblem, x: np.ndarray, constraints, deadline: _Deadline, tol=1e-7):
    import flint  # lazy: 40 ms of import, and most points are recovered by rounding

    G = problem.elemental.matrix
    slack = G @ x[: problem.nent]
    eqs: list[dict] = []
    rhs: list[Fraction] = []
    for count, r in enumerate(np.flatnonzero(np.abs(slack) < tol)):
        if count % 4096 == 4095:
            deadline.check("recovering an exact point")
        lo, hi = G.indptr[r], G.indptr[r + 1]
        eqs.append({int(G.indices[k]): Fraction(int(G.data[k])) for k in range(lo, hi)})
        rhs.append(Fraction(0))
    for vec, rel in constraints:
        if rel == "==" or abs(float(sum(float(v) * x[c] for c, v in vec.items()))) < tol:
            eqs.append(vec)
            rhs.append(Fraction(0))
    for c in range(problem.ncols):
        if abs(x[c]) < tol:
            eqs.append({c: Fraction(1)})
            rhs.append(Fraction(0))
        elif abs(x[c] - 1) < tol:
            eqs.append({c: Fraction(1)})
            rhs.append(Fraction(1))
    n = problem.ncols
    if len(eqs) * (n + 1) > 30_000_000:
        return None
    deadline.check("recovering an exact point")
    m = flint.fmpq_mat(len(eqs), n + 1)
    for i, (e, b) in enumerate(zip(eqs, rhs)):
        for c, v in e.items():
            m[i, c] = flint.fmpq(v.numerator, v.denominator)
        m[i, n] = flint.fmpq(b.numerator, b.denominator)
    r, rank = m.rref()
    if rank < n:
        return None
    out = [Fraction(0)] * n
    for i in range(rank):
        lead = next(j for j in range(n + 1) if r[i, j] != 0)
        if lead == n:
            return None
        v = r[i, n]
        out[lead] = Fraction(int(v.p), int(v.q))
    return out


def _point_by_z3(problem: ConeProblem, constraints, deadline: _Deadline):
    from .. import z3_backend  # lazy: 60 ms of import (z3), a fallback path

    G = problem.elemental.matrix
    cons = []
    for r in range(G.shape[0]):
        lo, hi = G.indptr[r], G.indptr[r + 1]
        cons.append((z3_backend.linear({f"x{int(G.indices[k])}": int(G.data[k]) for k in range(lo, hi)}), ">="))
    for c in range(problem.nent, problem.ncols):
        cons.append((z3_backend.linear({f"x{c}": 1}), ">="))
    for vec, rel in constraints:
        cons.append((z3_backend.linear({f"x{c}": v for c, v in vec.items()}), rel))
    deadline.check("recovering an exact point")
    res = z3_backend.solve(cons, timeout=deadline.left(), variables=[f"x{c}" for c in range(problem.ncols)],
                           nonlinear=False)
    if res.status != "sat" or not res.exact:
        return None
    return [res.model[f"x{c}"] for c in range(problem.ncols)]


def find_exact_point(problem: ConeProblem, x, constraints, *, timeout: float = 10.0, z3_max_n: int = 7):
    """An exact point (list of Fraction per column) near ``x`` meeting
    ``constraints`` (see :func:`is_exact_point`), or None.

    Raises
    ------
    BudgetExceeded
        When ``timeout`` seconds pass before a method concludes.
    """
    deadline = _Deadline(timeout)
    if x is not None:
        x = np.asarray(x, dtype=float)
        scale = float(np.abs(x).max(initial=0)) or 1.0
        exact = [Fraction(float(v) / scale) for v in x]  # the floats exactly, converted once
        for d in _DENOMINATORS:
            deadline.check("rounding a point")
            pt = [v.limit_denominator(d) for v in exact]
            if is_exact_point(problem, pt, constraints):
                return pt
        pt = _vertex(problem, x, constraints, deadline)
        if pt is not None and is_exact_point(problem, pt, constraints):
            return pt
    if problem.n <= z3_max_n:
        pt = _point_by_z3(problem, constraints, deadline)
        if pt is not None and is_exact_point(problem, pt, constraints):
            return pt
    return None
