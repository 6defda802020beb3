"""The float baseline of the prover benchmark: one plain HiGHS LP.

``highs_full`` solves the box-normalised primal "min f over the Shannon cone
∩ hypotheses ∩ [0, 1]^n" with every elemental row at once, through scipy's
``linprog``: the textbook float LP that ITIP/psitip-style tools run, with no
lazy rows, no exact recovery and no certificate.  Its answer is a float
comparison — "proved" means "the LP optimum was ≥ −1e-9", which a statement
off by 1e-12 also passes — so it lives in ``bench/``, not in the library: it
is only ever a point of comparison.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from natlat_sym.shannon.cone import ConeProblem  # noqa: E402
from natlat_sym.shannon.lp import hypothesis_matrix  # noqa: E402


def highs_full(problem: ConeProblem, *, timeout: float = 600.0) -> tuple[str, float]:
    """Baseline for the benchmark: one scipy ``linprog`` over all elemental
    rows (box-normalised primal), float verdict only: ``("proved"|"not", value)``."""
    from scipy.optimize import linprog

    obj = problem.dense(problem.target)
    G = problem.elemental.matrix.to_scipy()
    if G.shape[1] < problem.ncols:
        G = sp.hstack([G, sp.csr_matrix((G.shape[0], problem.ncols - G.shape[1]))], format="csr")
    hyp, lo, up = hypothesis_matrix(problem)
    hyp = hyp.to_scipy()
    eq = [k for k in range(hyp.shape[0]) if up[k] == 0]
    ineq = [k for k in range(hyp.shape[0]) if up[k] != 0]
    A_ub = sp.vstack([-G, -hyp[ineq]], format="csr") if ineq else -G
    res = linprog(obj, A_ub=A_ub, b_ub=np.zeros(A_ub.shape[0]),
                  A_eq=hyp[eq] if eq else None, b_eq=np.zeros(len(eq)) if eq else None,
                  bounds=(0, 1), method="highs", options={"time_limit": timeout})
    if res.status != 0:
        return "unknown", float("nan")
    return ("proved" if res.fun >= -1e-9 else "not"), float(res.fun)
