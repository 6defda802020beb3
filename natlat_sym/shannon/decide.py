"""Decide one certificate piece: ``target >= 0`` under hypotheses.

:func:`decide_piece` is the engine under :func:`~natlat_sym.shannon.prove.prove`
and :func:`~natlat_sym.shannon.tightest.tightest`: it builds the cone problem,
adds the equalities that functional dependences imply, and asks

* the orbit LP (:mod:`~natlat_sym.shannon.symmetry`) when the statement is
  symmetric, else HiGHS with lazy elemental rows (:func:`~natlat_sym.shannon.lp.propose`);
  the exact layer rounds the duals to a certificate piece or recovers an
  exact violating point;
* z3 (exact linear real arithmetic) when the float LP is at its tolerance,
  or when ``engine="z3"``.

The answer is a :class:`~natlat_sym.shannon.pieces.PieceOutcome`.

Examples
--------
>>> from natlat_sym.shannon.linear import LinearForm as F
>>> out = decide_piece(F.entropy({"X"}) - F.cond_entropy({"X"}, {"Y"}), ())   # H(X|Y) <= H(X)
>>> out.status, len(out.piece.basic)
('proved', 1)
"""

from __future__ import annotations

import math
import time
from fractions import Fraction

from ..errors import BudgetExceeded
from ..verdicts import Verdict
from .basic_inequalities import BasicInequality
from .certificate import CertificatePiece, LabelledForm
from .cone import ConeProblem, build_problem, implied_equalities
from .exact_recovery import find_exact_multipliers, is_exact_point
from .linear import LinearForm
from .lp import propose
from .pieces import PieceOutcome, atoms_for, piece_from, refute, violation_constraints
from .symmetry import decide_symmetric

__all__ = ["decide_piece"]


def _decide_lp(problem: ConeProblem, timeout: float) -> PieceOutcome:
    start = time.perf_counter()
    sym = decide_symmetric(problem, timeout=timeout)
    if sym is not None:
        return sym
    prop = propose(problem, timeout=timeout)
    if prop.status == "timeout":
        return PieceOutcome(Verdict.UNKNOWN, reason=f"LP time budget of {timeout:g} s exhausted")
    if prop.status == "infeasible":  # pragma: no cover - the box LP always has x = 0
        return PieceOutcome(Verdict.UNKNOWN, reason="LP reported infeasible")
    left = max(1.0, timeout - (time.perf_counter() - start))
    if prop.status == "violated":
        x = prop.point
        if problem.homogenised and x[problem.homog_col] < 1e-9:
            again = propose(problem, timeout=left, bounds={problem.homog_col: (1.0, 1.0)}, upper=1e4)
            if again.status == "violated":
                x = again.point
        return refute(problem, x, left)
    cols = [c for c, v in prop.col_duals.items() if v > 1e-10]
    rows = [r for r, v in prop.row_duals.items() if v > 1e-10]
    if time.perf_counter() - start > timeout:  # exact recovery is long on large LPs: keep the budget
        return PieceOutcome(Verdict.UNKNOWN, reason=f"time budget of {timeout:g} s exhausted after the LP")
    atoms = atoms_for(problem, rows, cols, deadline=start + timeout)
    floats = ([prop.row_duals[r] for r in rows] + list(prop.hyp_duals) + [prop.col_duals[c] for c in cols
              if c < problem.nent] + [prop.col_duals.get(c, 0.0) for c in problem.param_col.values()]
              + ([prop.col_duals.get(problem.homog_col, 0.0)] if problem.homogenised else []))
    ws = find_exact_multipliers(atoms, problem.target, floats, timeout=min(left, 10.0),
                                use_z3=len(atoms) <= 400)
    if ws is not None:
        return PieceOutcome(Verdict.PROVED, piece=piece_from(problem, atoms, ws))
    # The float LP is at its tolerance (e.g. a constant off by 1e-9): decide exactly.
    left = max(1.0, timeout - (time.perf_counter() - start))
    return _exact_cutting_planes(problem, list(prop.active_rows), left)


def _z3_constraints(problem: ConeProblem, rows):
    from .. import z3_backend  # z3 (libz3) costs ~0.05 s to import; only the exact fallback needs it

    G = problem.elemental.matrix
    cons, names = [], []
    for r in rows:
        lo, hi = G.indptr[r], G.indptr[r + 1]
        cons.append((z3_backend.linear({f"x{int(G.indices[k])}": int(G.data[k]) for k in range(lo, hi)}), ">="))
        names.append(f"r{r}")
    for j, (h, vec) in enumerate(zip(problem.hypotheses, problem.hyp_vectors)):
        cons.append((z3_backend.linear({f"x{c}": v for c, v in vec.items()}), h.sense))
        names.append(f"g{j}")
    for c in range(problem.ncols):  # h(S) >= 0 is basic; parameters are >= 0
        cons.append((z3_backend.linear({f"x{c}": 1}), ">="))
        names.append(f"c{c}")
    if problem.homogenised:
        cons.append((z3_backend.linear({f"x{problem.homog_col}": 1}, -1), "=="))
        names.append(None)
    cons.append((z3_backend.linear({f"x{c}": v for c, v in problem.target.items()}), "<"))
    names.append(None)
    return cons, names


def _exact_cutting_planes(problem: ConeProblem, rows, timeout: float, max_rounds: int = 50) -> PieceOutcome:
    """Exact lazy loop with z3: decide on the active rows, add elemental rows
    the exact model violates, repeat.  unsat gives multipliers from the core."""
    from .. import z3_backend  # z3 (libz3) costs ~0.05 s to import; only the exact fallback needs it

    start = time.perf_counter()
    G = problem.elemental.matrix
    active = sorted(set(rows))
    for _ in range(max_rounds):
        left = timeout - (time.perf_counter() - start)
        if left <= 0:
            break
        cons, names = _z3_constraints(problem, active)
        res = z3_backend.solve(cons, timeout=left, names=names, nonlinear=False,
                               variables=[f"x{c}" for c in range(problem.ncols)])
        if res.status == "unknown":
            break
        if res.status == "unsat":
            core_rows = sorted(int(n[1:]) for n in res.core if n.startswith("r"))
            core_cols = sorted(int(n[1:]) for n in res.core if n.startswith("c"))
            for rs, cs in ((core_rows, core_cols), (active, range(problem.nent))):
                atoms = atoms_for(problem, rs, cs)
                ws = find_exact_multipliers(atoms, problem.target, [0.0] * len(atoms),
                                            timeout=max(1.0, timeout - (time.perf_counter() - start)))
                if ws is not None:
                    return PieceOutcome(Verdict.PROVED, piece=piece_from(problem, atoms, ws))
            break
        pt = [res.model[f"x{c}"] for c in range(problem.ncols)]
        if is_exact_point(problem, pt, violation_constraints(problem)):
            return refute(problem, pt, max(1.0, timeout - (time.perf_counter() - start)))
        den = 1
        for v in pt[: problem.nent]:
            den = den * v.denominator // math.gcd(den, v.denominator)
        ints = [int(v * den) for v in pt[: problem.nent]]
        new = []
        for r in range(G.shape[0]):
            lo, hi = G.indptr[r], G.indptr[r + 1]
            if sum(int(G.data[k]) * ints[G.indices[k]] for k in range(lo, hi)) < 0:
                new.append(r)
        if not new:  # pragma: no cover - is_exact_point would have accepted
            break
        active = sorted(set(active) | set(new[:500]))
    return PieceOutcome(Verdict.UNKNOWN, reason="the float LP is at its tolerance and the exact re-solve did not conclude")


def _decide_z3(problem: ConeProblem, timeout: float) -> PieceOutcome:
    from .. import z3_backend  # z3 (libz3) costs ~0.05 s to import; only the exact fallback needs it

    G = problem.elemental.matrix
    cons, names = _z3_constraints(problem, range(G.shape[0]))
    res = z3_backend.solve(cons, timeout=timeout, names=names, nonlinear=False,
                           variables=[f"x{c}" for c in range(problem.ncols)])
    if res.status == "unknown":
        return PieceOutcome(Verdict.UNKNOWN, reason=f"z3 gave up ({res.reason or 'timeout'})")
    if res.status == "sat":
        pt = [res.model[f"x{c}"] for c in range(problem.ncols)]
        return refute(problem, pt, timeout)
    core_rows = sorted(int(n[1:]) for n in res.core if n.startswith("r")) or list(range(G.shape[0]))
    core_cols = sorted(int(n[1:]) for n in res.core if n.startswith("c"))
    atoms = atoms_for(problem, core_rows, core_cols)
    ws = find_exact_multipliers(atoms, problem.target, [0.0] * len(atoms), timeout=timeout)
    if ws is None:
        atoms = atoms_for(problem, range(G.shape[0]), ())
        ws = find_exact_multipliers(atoms, problem.target, [0.0] * len(atoms), timeout=timeout)
    if ws is None:
        return PieceOutcome(Verdict.UNKNOWN, reason="z3 proved it but exact multipliers were not recovered")
    return PieceOutcome(Verdict.PROVED, piece=piece_from(problem, atoms, ws))


def decide_piece(target: LinearForm, hypotheses, *, variables=None, timeout: float = 30.0,
                 engine: str = "auto", z3_max_variables: int = 6) -> PieceOutcome:
    """Decide ``target >= 0`` under ``hypotheses`` (one certificate piece)."""
    if not (target.entropies or target.parameters or target.scaled):
        if target.constant >= 0:  # an identity (or a nonnegative constant): nothing to combine
            return PieceOutcome(Verdict.PROVED, piece=CertificatePiece(target))
    start = time.perf_counter()
    hypotheses = tuple(hypotheses)
    try:
        problem = build_problem(target, hypotheses, variables)
    except BudgetExceeded as e:  # the LP would not fit the size budget: refused before building it
        return PieceOutcome(Verdict.UNKNOWN, reason=str(e))
    implied = implied_equalities(problem, limit=_MAX_IMPLIED) if engine != "z3" else []
    if implied:
        # Functional dependences H(A|B) = 0 imply H(A|S) = 0 for every S ⊇ B;
        # as extra equality rows they let presolve drop many more columns.
        # Their multipliers are folded back into basic inequalities and the
        # original hypothesis below, so the certificate cites only those.
        extra = tuple(LabelledForm(f"implied {k}", LinearForm.cond_entropy(e.targets, e.given), "==")
                      for k, e in enumerate(implied))
        problem = build_problem(target, hypotheses + extra, variables)
    timeout = timeout - (time.perf_counter() - start)
    if timeout <= 0:  # building the cone alone used the budget (large n, tiny timeout)
        return PieceOutcome(Verdict.UNKNOWN, reason="time budget exhausted while building the Shannon cone")
    if engine == "z3":
        return _decide_z3(problem, timeout)
    try:
        out = _decide_lp(problem, timeout)
    except BudgetExceeded as e:  # a long phase (certificate expansion) ran past the budget
        return PieceOutcome(Verdict.UNKNOWN, reason=str(e))
    if implied and out.status is Verdict.PROVED:
        out = PieceOutcome(Verdict.PROVED, piece=_fold_implied(out.piece, hypotheses, implied))
    if out.status is Verdict.UNKNOWN and engine == "auto" and problem.n <= z3_max_variables:
        alt = _decide_z3(problem, timeout)
        if alt.status is not Verdict.UNKNOWN:
            return alt
    return out


_MAX_IMPLIED = 512


def _fold_implied(piece: CertificatePiece, hypotheses, implied) -> CertificatePiece:
    """Rewrite multipliers on implied equalities ``H(A|S) = 0`` (from a
    hypothesis ``g = c·H(A|B) = 0``, ``S ⊇ B``) in terms of the original
    objects: ``μ·H(A|S)`` is the basic inequality ``H(A|S) >= 0`` when
    ``μ > 0``, and ``(μ/c)·g + |μ|·I(A; S∖B | B)`` when ``μ < 0`` (because
    ``H(A|S) = H(A|B) − I(A; S∖B | B)``)."""
    nh = len(hypotheses)
    mus = list(piece.hypotheses) + [Fraction(0)] * (nh + len(implied) - len(piece.hypotheses))
    new_mus = mus[:nh]
    basic: dict = {}
    for b, w in piece.basic:
        basic[b] = basic.get(b, Fraction(0)) + w
    for e, mu in zip(implied, mus[nh:]):
        if not mu:
            continue
        if mu > 0:
            b = BasicInequality.cond_entropy(e.targets, e.given)
            basic[b] = basic.get(b, Fraction(0)) + mu
        else:
            c = hypotheses[e.source].form.entropies[e.targets | e.base_given]
            new_mus[e.source] += mu / c
            b = BasicInequality.mutual_information(e.targets, e.given - e.base_given, e.base_given)
            basic[b] = basic.get(b, Fraction(0)) - mu
    while new_mus and not new_mus[-1]:
        new_mus.pop()
    return CertificatePiece(piece.target, tuple((b, w) for b, w in basic.items() if w), tuple(new_mus),
                            piece.parameters)
