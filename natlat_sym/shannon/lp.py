"""HiGHS proposes: a float LP over the Shannon cone with lazy row generation.

Nothing this module returns is trusted.  It solves

    minimise  f·x   subject to   G x >= 0 (elemental rows),
                                 hypothesis rows (>= 0 or == 0),
                                 0 <= x <= 1  (normalisation; the problem is homogeneous)

and hands back either the *dual multipliers* (a proposed certificate: which
basic inequalities and hypotheses to combine, with float weights) when the
optimum is 0, or the *primal point* (a proposed counterexample) when it is
negative.  :mod:`~natlat_sym.shannon.exact_recovery` turns either into an exact
object and the trusted checker decides.

Lazy row generation
-------------------
The cone has ``n + C(n,2)·2^(n−2)`` elemental rows (67,596 at ``n = 12``)
but a proof uses few.  We start with the ``n`` rows ``H(i|N∖i) >= 0`` and
the hypotheses, solve, evaluate all elemental rows at the LP point with one
sparse product, add the most violated ones, and re-solve from the previous
basis (HiGHS dual simplex warm start) until no row is violated.  The final
LP optimum is then the optimum over the full cone.

Glossary
--------
proposal : :class:`LPProposal`, the LP's suggestion with its status.
support : the rows/columns whose dual multiplier is not (numerically) zero.

Examples
--------
>>> from natlat_sym.shannon.linear import LinearForm as F
>>> from natlat_sym.shannon.cone import build_problem
>>> p = build_problem(F.mutual_information({"X"}, {"Y"}, {"Z"}), ())
>>> propose(p).status
'bounded'
>>> propose(build_problem(-F.mutual_information({"X"}, {"Y"}), ())).status
'violated'
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache

import highspy
import numpy as np

from .cone import ConeProblem
from .sparse import SparseRows

__all__ = ["LPProposal", "propose", "hypothesis_matrix"]


@dataclass(frozen=True)
class LPProposal:
    """What the LP suggests.

    status : "bounded" (optimum ~0: a certificate is proposed), "violated"
        (optimum < 0: ``point`` is a proposed counterexample), "infeasible"
        (the hypotheses cut the cone to nothing besides... never for
        homogeneous problems), or "timeout".
    value : float LP optimum.
    point : float primal point (length ``ncols``).
    row_duals : {elemental row index: float multiplier} (support only).
    hyp_duals : tuple of float, aligned with the hypotheses.
    col_duals : {column: float} multipliers of ``x_col >= 0``.
    active_rows : elemental rows in the final LP.
    rounds : number of LP solves.
    """

    status: str
    value: float = 0.0
    point: np.ndarray | None = None
    row_duals: dict = field(default_factory=dict)
    hyp_duals: tuple = ()
    col_duals: dict = field(default_factory=dict)
    active_rows: tuple = ()
    rounds: int = 0
    seconds: float = 0.0


@lru_cache(maxsize=1)
def _quiet_highspy() -> bool:
    """Create the process's first ``highspy.Highs`` with stdout closed: highspy
    prints a copyright banner to file descriptor 1 on first use, which would
    corrupt ``--json`` output."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    return True


#: HiGHS never gets less than this time limit (a zero limit would stop it
#: before presolve); callers check their own deadline before solving.
MIN_TIME_LIMIT = 0.01


def new_highs(timeout: float):
    """A quiet ``highspy.Highs`` with the project's tolerances and ``timeout``
    seconds as its time limit."""
    _quiet_highspy()
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", max(MIN_TIME_LIMIT, float(timeout)))
    h.setOptionValue("primal_feasibility_tolerance", 1e-9)
    h.setOptionValue("dual_feasibility_tolerance", 1e-9)
    return h


def _add_rows(h, mat: SparseRows, lower, upper) -> None:
    """Add the rows of ``mat`` with bounds ``lower <= row·x <= upper``
    (numbers or arrays)."""
    m = mat.shape[0]
    if m == 0:
        return
    h.addRows(m, np.broadcast_to(np.asarray(lower, dtype=np.float64), (m,)).copy(),
              np.broadcast_to(np.asarray(upper, dtype=np.float64), (m,)).copy(), mat.nnz, *mat.highs_arrays())


def hypothesis_matrix(problem: ConeProblem, extra_rows=()):
    """The hypothesis rows (then ``extra_rows``) as ``(matrix, lower, upper)``:
    a :class:`~natlat_sym.shannon.sparse.SparseRows` over the problem's
    columns and the row bounds (``0 <= row`` or ``row == 0``)."""
    vecs = list(problem.hyp_vectors) + [v for v, _ in extra_rows]
    senses = [h.sense for h in problem.hypotheses] + [s for _, s in extra_rows]
    mat = SparseRows.from_vectors(vecs, problem.ncols)
    lo = np.zeros(len(vecs))
    up = np.array([0.0 if sense == "==" else np.inf for sense in senses])
    return mat, lo, up


def propose(problem: ConeProblem, *, objective: dict | None = None, extra_rows=(), timeout: float = 30.0,
            lazy: bool | None = None, batch: int | None = None, tol: float = 1e-9,
            bounds: dict | None = None, upper: float = 1.0) -> LPProposal:
    """Minimise ``objective`` (default: the target) over the normalised cone.

    Parameters
    ----------
    problem : ConeProblem
    objective : dict, optional
        ``{column: Fraction}``; default ``problem.target``.
    extra_rows : sequence of (vector, sense)
        More constraints (``">="``/``"=="`` against 0), appended after the
        hypotheses; their duals follow the hypotheses' in ``hyp_duals``.
    timeout : float
        Seconds for the whole row-generation loop.
    lazy : bool, optional
        Generate elemental rows lazily or put all of them in at once; by
        default lazily when there are more than 250 elemental rows.
    bounds : dict, optional
        ``{column: (low, high)}`` overriding the box for some columns.
    upper : float
        Upper bound of the other columns (default 1).
    """
    start = time.perf_counter()
    obj = problem.dense(problem.target if objective is None else objective)
    ncols = problem.ncols
    G = problem.elemental.matrix  # over the entropy columns only; HiGHS pads the rest
    nent = problem.nent
    h = new_highs(timeout)
    lower_b = np.zeros(ncols)
    upper_b = np.full(ncols, float(upper))
    for c, (lo_c, hi_c) in (bounds or {}).items():
        lower_b[c], upper_b[c] = lo_c, hi_c
    h.addCols(ncols, obj, lower_b, upper_b, 0, np.zeros(ncols + 1, dtype=np.int32),
              np.zeros(0, dtype=np.int32), np.zeros(0))
    hyp, lo, up = hypothesis_matrix(problem, extra_rows)
    nh = hyp.shape[0]
    _add_rows(h, hyp, lo, up)
    nrows = G.shape[0]
    if lazy is None:
        lazy = nrows > 250
    if lazy:
        active = list(range(min(problem.n, nrows)))
    else:
        active = list(range(nrows))
    _add_rows(h, G.take(active), 0.0, np.inf)
    in_lp = np.zeros(nrows, dtype=bool)
    in_lp[active] = True
    batch = batch or max(64, min(2000, ncols // 2))
    rounds = 0
    while True:
        left = timeout - (time.perf_counter() - start)
        if left <= 0:
            return LPProposal("timeout", rounds=rounds, seconds=time.perf_counter() - start)
        h.setOptionValue("time_limit", max(MIN_TIME_LIMIT, left))
        h.run()
        rounds += 1
        status = h.modelStatusToString(h.getModelStatus())
        if status == "Infeasible":
            return LPProposal("infeasible", rounds=rounds, seconds=time.perf_counter() - start)
        if status != "Optimal":
            return LPProposal("timeout", rounds=rounds, seconds=time.perf_counter() - start)
        sol = h.getSolution()
        x = np.array(sol.col_value)
        slack = G @ x[:nent]
        scale = max(1.0, float(np.abs(x).max()))
        viol = np.where(~in_lp & (slack < -tol * scale))[0]
        if len(viol) == 0:
            break
        order = viol[np.argsort(slack[viol])][:batch]
        _add_rows(h, G.take(order), 0.0, np.inf)
        active.extend(int(k) for k in order)
        in_lp[order] = True
    value = float(obj @ x)
    row_dual = np.array(sol.row_dual)
    col_dual = np.array(sol.col_dual)
    hyp_duals = tuple(float(v) for v in row_dual[:nh])
    elem_duals = row_dual[nh:]
    rd = {active[k]: float(v) for k, v in enumerate(elem_duals) if abs(v) > 1e-12}
    cd = {c: float(v) for c, v in enumerate(col_dual) if abs(v) > 1e-12}
    status = "bounded" if value >= -1e-9 * max(1.0, float(np.abs(obj).max())) else "violated"
    return LPProposal(status, value, x, rd, hyp_duals, cd, tuple(active), rounds,
                      time.perf_counter() - start)
