"""The kernel shared by the engines that decide one certificate piece.

A *piece* is one question "``target >= 0`` on the Shannon cone cut by the
hypotheses" (:class:`~natlat_sym.shannon.cone.ConeProblem`).  Whatever
proposes an answer — the LP of :mod:`~natlat_sym.shannon.decide`, the orbit
LP of :mod:`~natlat_sym.shannon.symmetry`, the least-coefficient LP of
:mod:`~natlat_sym.shannon.tightest` — turns it into a checked object here:

* :func:`atoms_for` lists the inequalities a certificate may cite (elemental
  rows, hypotheses, column bounds, parameters), :func:`piece_from` turns
  exact weights on them into a :class:`~natlat_sym.shannon.certificate.CertificatePiece`;
* :func:`refute` recovers an exact violating point near a float one and
  :func:`witness_from` writes it as a
  :class:`~natlat_sym.shannon.certificate.PolymatroidWitness`, checked by
  :func:`~natlat_sym.shannon.certificate.check_witness`;
* :class:`PieceOutcome` is the answer: ``PROVED`` with a piece,
  ``NOT_PROVABLE`` with a witness, or ``UNKNOWN`` with a reason.

Examples
--------
>>> from natlat_sym.shannon.linear import LinearForm as F
>>> from natlat_sym.shannon.cone import build_problem
>>> problem = build_problem(F.entropy({"X"}), ())
>>> print(witness_from(problem, [Fraction(2)]).describe())
H(X)=1
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from fractions import Fraction

from ..errors import BudgetExceeded, CertificateError
from ..verdicts import Verdict
from .certificate import CertificatePiece, PolymatroidWitness, check_witness
from .cone import ConeProblem, names_of
from .exact_recovery import Atom, find_exact_point

__all__ = ["PieceOutcome", "atoms_for", "piece_from", "witness_from", "violation_constraints", "refute"]


# ----------------------------------------------------------------------------- one piece

@dataclass(frozen=True)
class PieceOutcome:
    """What deciding one certificate piece ``target >= 0`` gave."""

    #: PROVED (``piece``), NOT_PROVABLE (``witness``: a checked cone point
    #: violating the piece; whether it is *false* is decided by the caller)
    #: or UNKNOWN (``reason``).
    status: Verdict
    piece: CertificatePiece | None = None
    witness: PolymatroidWitness | None = None
    reason: str = ""


def atoms_for(problem: ConeProblem, rows, cols, *, deadline: float | None = None) -> list[Atom]:
    """Atoms of the given elemental rows, hypotheses and column bounds; past
    ``deadline`` (a ``time.perf_counter()`` value) BudgetExceeded, checked
    every 4096 rows (at n = 13 a certificate has 10^5 rows)."""
    atoms = []
    G = problem.elemental.matrix
    indptr, indices = G.indptr, G.indices
    values = {v: Fraction(int(v)) for v in set(G.data.tolist())}  # the entries are ±1
    data = G.data
    for count, r in enumerate(rows):
        if deadline is not None and count % 4096 == 4095 and time.perf_counter() > deadline:
            raise BudgetExceeded("time budget exhausted while writing the certificate")
        lo, hi = int(indptr[r]), int(indptr[r + 1])
        vec = dict(zip(indices[lo:hi].tolist(), (values[v] for v in data[lo:hi].tolist())))
        atoms.append(Atom("basic", problem.elemental.basic(r, problem.variables), vec, True))
    for j, (h, vec) in enumerate(zip(problem.hypotheses, problem.hyp_vectors)):
        atoms.append(Atom("hyp", j, vec, h.sense == ">="))
    for c in cols:
        if c < problem.nent:
            atoms.append(Atom("basic", problem.lower_bound_basic(c), {c: Fraction(1)}, True))
    for p, c in problem.param_col.items():
        atoms.append(Atom("param", p, {c: Fraction(1)}, True))
    if problem.homogenised:
        atoms.append(Atom("const", None, {problem.homog_col: Fraction(1)}, True))
    return atoms


def piece_from(problem: ConeProblem, atoms, weights) -> CertificatePiece:
    """The certificate piece citing ``atoms`` with the exact ``weights``."""
    basic = {}
    hyps = [Fraction(0)] * len(problem.hypotheses)
    params = {}
    for a, w in zip(atoms, weights):
        if not w:
            continue
        if a.kind == "basic":
            basic[a.payload] = basic.get(a.payload, Fraction(0)) + w
        elif a.kind == "hyp":
            hyps[a.payload] += w
        elif a.kind == "param":
            params[a.payload] = params.get(a.payload, Fraction(0)) + w
    # atoms come in elemental-row order, which is already deterministic; sorting
    # 10^4-10^5 rows by their names cost more than the LP at n = 9
    basic_items = tuple((b, w) for b, w in basic.items() if w)
    while hyps and not hyps[-1]:
        hyps.pop()
    return CertificatePiece(problem.target_form, basic_items, tuple(hyps), params)


def witness_from(problem: ConeProblem, point) -> PolymatroidWitness:
    """The polymatroid witness of an exact cone point (dehomogenised, or
    scaled to small integers)."""
    t = point[problem.homog_col] if problem.homogenised else Fraction(1)
    if problem.homogenised:
        point = [v / t for v in point]
    else:  # homogeneous: scale to small integers where possible
        den = 1
        for v in point:
            den = den * v.denominator // math.gcd(den, v.denominator)
        if den < 10**6:
            point = [v * den for v in point]
        g = 0
        for v in point:
            g = math.gcd(g, v.numerator) if v.denominator == 1 else g
        if g > 1 and all(v.denominator == 1 for v in point):
            point = [v / g for v in point]
    ent = {names_of(c + 1, problem.variables): point[c] for c in range(problem.nent)}
    params = {p: point[c] for p, c in problem.param_col.items()}
    return PolymatroidWitness(problem.variables, ent, params)


def violation_constraints(problem: ConeProblem):
    """Constraints of "the hypotheses hold and ``target < 0``" (for the exact point search)."""
    cons = [(vec, "==" if h.sense == "==" else ">=") for h, vec in zip(problem.hypotheses, problem.hyp_vectors)]
    cons.append((problem.target, "<"))
    if problem.homogenised:
        cons.append(({problem.homog_col: Fraction(1)}, ">"))
    return cons


def refute(problem: ConeProblem, x, timeout: float) -> PieceOutcome:
    """An exact, checked violating cone point near the float point ``x``
    (``NOT_PROVABLE``), or ``UNKNOWN``."""
    pt = find_exact_point(problem, x, violation_constraints(problem), timeout=timeout)
    if pt is None:
        return PieceOutcome(Verdict.UNKNOWN, reason="the LP found a violating point but no exact one was recovered")
    w = witness_from(problem, pt)
    try:
        check_witness(w, problem.hypotheses, problem.target_form, ">=")
    except CertificateError as e:  # pragma: no cover - exact layer pre-checks
        return PieceOutcome(Verdict.UNKNOWN, reason=f"witness rejected by the checker: {e}")
    return PieceOutcome(Verdict.NOT_PROVABLE, witness=w)
