"""Prove or refute a linear information inequality, with a checked answer.

``prove(statement)`` returns a :class:`ProofResult` whose ``verdict`` is a
:class:`~natlat_sym.verdicts.Verdict`:

================  ====  =====================================================
verdict           exit  evidence attached
================  ====  =====================================================
``proved``        0     a :class:`~natlat_sym.shannon.certificate.Certificate`
                        (exact rational multipliers) that
                        :func:`~natlat_sym.shannon.certificate.check_certificate`
                        accepted against the statement's normal form computed
                        independently: true for every distribution.
``refuted``       1     **false**.  A finite ``distribution`` violating it,
                        re-checked by the independent certified evaluator
                        :func:`natlat_sym.finite.evaluate.check_on`; or, only
                        for statements on at most 3 random variables with no
                        hypotheses, the violating cone point alone (the
                        closure of the entropic region *is* the Shannon cone
                        for ``n <= 3`` and the violation is strict, so some
                        distribution violates it; ``note`` says so).
``not_provable``  5     no Shannon-type proof exists: an exact
                        :class:`PolymatroidWitness` (a point of the Shannon
                        cone satisfying the hypotheses, violating the
                        conclusion) that
                        :func:`~natlat_sym.shannon.certificate.check_witness`
                        accepted.  True or false is **not decided**: a
                        polymatroid need not be entropic (Zhang–Yeung is
                        true and not Shannon-provable).
``unknown``       3     a time or size budget ran out, or the exact layer
                        could not turn a float proposal into a checked
                        object; ``reason`` says which.
================  ====  =====================================================

Engines
-------
``"lp"``
    HiGHS proposes (lazy elemental rows; the orbit LP when the statement is
    symmetric in three or more variables), the exact layer rounds or re-solves
    exactly, the checker decides.
``"z3"``
    z3 decides the linear real arithmetic problem "cone ∩ hypotheses ∩
    {f < 0}" exactly; on ``unsat`` the multipliers come from a second exact
    solve over the unsat core, on ``sat`` the model is the witness.
``"auto"``
    LP first; z3 when the exact layer cannot conclude and ``n`` is small.

Parameters (``eps``) are reals ``>= 0`` and become extra nonnegative
coordinates.  A parameter multiplying an entropy (``c*I(X;Y)``) is a free
coefficient: use :func:`natlat_sym.shannon.tightest.tightest`.

Examples
--------
>>> from natlat_sym.shannon.linear import LinearForm as F
>>> f = F.entropy({"X"}) - F.cond_entropy({"X"}, {"Y"})     # H(X|Y) <= H(X)
>>> r = prove_forms(f, "<=", (), statement_text="H(X|Y) <= H(X)")
>>> r.verdict, r.certificate.steps()
('proved', 1)
>>> r = prove_forms(-f, "<=", ())            # H(X) <= H(X|Y): false, 2 variables
>>> r.verdict, r.distribution is not None or "n <= 3" in r.note
('refuted', True)
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field, replace
from fractions import Fraction

from ..errors import BudgetExceeded, CertificateError, NonlinearError, StatementError
from .certificate import (Certificate, CertificatePiece, HypothesisForm, PolymatroidWitness,
                          check_certificate, check_witness)
from .basic import BasicInequality
from .copy_lemma import describe_fact, extended_variables, fact_form, granted_facts, name_copies
from .cone import ConeProblem, build_problem, implied_equalities, names_of
from .exact import Atom, find_exact_multipliers, find_exact_point
from .linear import LinearForm
from .lp import propose
from ..verdicts import Verdict

__all__ = ["ProofResult", "prove", "prove_forms", "decide_piece"]

#: Note of a ``not_provable`` result: a polymatroid, not a distribution, violates it.
NOT_REALIZED = Verdict.NOT_PROVABLE.describe()
#: Note of a ``refuted`` result backed by a re-checked distribution.
REALIZED = "false: a finite distribution violates it (re-checked by the certified evaluator)"
#: Note of a ``refuted`` result on <= 3 variables without hypotheses and without a distribution.
SMALL_CONE_IS_ENTROPIC = ("false: on at most 3 random variables the closure of the entropic region is the "
                          "Shannon cone and this point violates the statement strictly, so some finite "
                          "distribution near it violates it too (none was constructed)")

#: Largest number of variables at which a cone point alone proves falsity.
MAX_VARIABLES_CONE_IS_ENTROPIC = 3


@dataclass(frozen=True)
class ProofResult:
    """Outcome of :func:`prove`.

    ``verdict`` is a :class:`~natlat_sym.verdicts.Verdict`:

    * ``proved`` (exit 0): ``certificate`` re-checked exactly;
    * ``refuted`` (exit 1): false; ``distribution`` violates it (re-checked),
      or — only on at most 3 variables without hypotheses — ``witness`` alone
      proves it (``note`` says which);
    * ``not_provable`` (exit 5): ``witness`` is a checked polymatroid violating
      it; true or false is not decided;
    * ``unknown`` (exit 3): ``reason`` says which budget ran out.

    ``to_json()`` writes the verdict's plain string; a ``refuted`` or
    ``not_provable`` result has ``counterexample.polymatroid`` and, when one
    is known, ``counterexample.distribution``.
    """

    verdict: Verdict
    certificate: Certificate | None = None
    witness: PolymatroidWitness | None = None
    distribution: object | None = None
    note: str = ""
    reason: str = ""
    seconds: float = 0.0
    engine: str = ""
    steps: int = 0
    #: The statement as the user gave it (set by :func:`prove`), for display.
    statement: object | None = field(default=None, compare=False, repr=False)

    @property
    def proved(self) -> bool:
        return self.verdict is Verdict.PROVED

    @property
    def is_false(self) -> bool:
        """True only when the statement is shown false (``refuted``)."""
        return self.verdict is Verdict.REFUTED

    def derivation(self, *, minimise: bool = True):
        """The certificate as a readable chain (:func:`~natlat_sym.shannon.derivation.derive`),
        or None when there is no certificate."""
        if self.certificate is None:
            return None
        from .derivation import derive

        return derive(self.certificate, self.statement, minimise=minimise)

    def __str__(self) -> str:
        from .display import proof_result_text

        return proof_result_text(self)

    def _repr_html_(self) -> str:
        from .display import proof_result_html

        return proof_result_html(self)

    def to_json(self) -> dict:
        out = {"verdict": Verdict(self.verdict).value, "steps": self.steps, "seconds": round(self.seconds, 6),
               "engine": self.engine}
        if self.certificate is not None:
            out["certificate"] = self.certificate.to_json()
        if self.witness is not None:
            cex = {"polymatroid": self.witness.to_json()}
            if self.distribution is not None:
                to_json = getattr(self.distribution, "to_json", None)
                cex["distribution"] = to_json() if callable(to_json) else str(self.distribution)
            out["counterexample"] = cex
        if self.note:
            out["note"] = self.note
        if self.reason:
            out["reason"] = self.reason
        return out


# ----------------------------------------------------------------------------- one piece

@dataclass(frozen=True)
class _PieceOutcome:
    #: PROVED (``piece``), NOT_PROVABLE (``witness``: a checked cone point
    #: violating the piece; whether it is *false* is decided by the caller)
    #: or UNKNOWN (``reason``).
    status: Verdict
    piece: CertificatePiece | None = None
    witness: PolymatroidWitness | None = None
    reason: str = ""


def _atoms_for(problem: ConeProblem, rows, cols, *, deadline: float | None = None) -> list[Atom]:
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


def _piece_from(problem: ConeProblem, atoms, weights) -> CertificatePiece:
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


def _witness_from(problem: ConeProblem, point) -> PolymatroidWitness:
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


def _violation_constraints(problem: ConeProblem):
    cons = [(vec, "==" if h.sense == "==" else ">=") for h, vec in zip(problem.hypotheses, problem.hyp_vectors)]
    cons.append((problem.target, "<"))
    if problem.homogenised:
        cons.append(({problem.homog_col: Fraction(1)}, ">"))
    return cons


def _refute(problem: ConeProblem, x, timeout: float) -> _PieceOutcome:
    pt = find_exact_point(problem, x, _violation_constraints(problem), timeout=timeout)
    if pt is None:
        return _PieceOutcome(Verdict.UNKNOWN, reason="the LP found a violating point but no exact one was recovered")
    w = _witness_from(problem, pt)
    try:
        check_witness(w, problem.hypotheses, problem.target_form, ">=")
    except CertificateError as e:  # pragma: no cover - exact layer pre-checks
        return _PieceOutcome(Verdict.UNKNOWN, reason=f"witness rejected by the checker: {e}")
    return _PieceOutcome(Verdict.NOT_PROVABLE, witness=w)


def _decide_lp(problem: ConeProblem, timeout: float) -> _PieceOutcome:
    from .symmetry import decide_symmetric

    start = time.perf_counter()
    sym = decide_symmetric(problem, timeout=timeout)
    if sym is not None:
        return sym
    prop = propose(problem, timeout=timeout)
    if prop.status == "timeout":
        return _PieceOutcome(Verdict.UNKNOWN, reason=f"LP time budget of {timeout:g} s exhausted")
    if prop.status == "infeasible":  # pragma: no cover - the box LP always has x = 0
        return _PieceOutcome(Verdict.UNKNOWN, reason="LP reported infeasible")
    left = max(1.0, timeout - (time.perf_counter() - start))
    if prop.status == "violated":
        x = prop.point
        if problem.homogenised and x[problem.homog_col] < 1e-9:
            again = propose(problem, timeout=left, bounds={problem.homog_col: (1.0, 1.0)}, upper=1e4)
            if again.status == "violated":
                x = again.point
        return _refute(problem, x, left)
    cols = [c for c, v in prop.col_duals.items() if v > 1e-10]
    rows = [r for r, v in prop.row_duals.items() if v > 1e-10]
    if time.perf_counter() - start > timeout:  # exact recovery is long on large LPs: keep the budget
        return _PieceOutcome(Verdict.UNKNOWN, reason=f"time budget of {timeout:g} s exhausted after the LP")
    atoms = _atoms_for(problem, rows, cols, deadline=start + timeout)
    floats = ([prop.row_duals[r] for r in rows] + list(prop.hyp_duals) + [prop.col_duals[c] for c in cols
              if c < problem.nent] + [prop.col_duals.get(c, 0.0) for c in problem.param_col.values()]
              + ([prop.col_duals.get(problem.homog_col, 0.0)] if problem.homogenised else []))
    ws = find_exact_multipliers(atoms, problem.target, floats, timeout=min(left, 10.0),
                                use_z3=len(atoms) <= 400)
    if ws is not None:
        return _PieceOutcome(Verdict.PROVED, piece=_piece_from(problem, atoms, ws))
    # The float LP is at its tolerance (e.g. a constant off by 1e-9): decide exactly.
    left = max(1.0, timeout - (time.perf_counter() - start))
    return _exact_cutting_planes(problem, list(prop.active_rows), left)


def _z3_constraints(problem: ConeProblem, rows):
    from .. import z3_backend

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


def _exact_cutting_planes(problem: ConeProblem, rows, timeout: float, max_rounds: int = 50) -> _PieceOutcome:
    """Exact lazy loop with z3: decide on the active rows, add elemental rows
    the exact model violates, repeat.  unsat gives multipliers from the core."""
    from .. import z3_backend
    from .exact import is_exact_point

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
                atoms = _atoms_for(problem, rs, cs)
                ws = find_exact_multipliers(atoms, problem.target, [0.0] * len(atoms),
                                            timeout=max(1.0, timeout - (time.perf_counter() - start)))
                if ws is not None:
                    return _PieceOutcome(Verdict.PROVED, piece=_piece_from(problem, atoms, ws))
            break
        pt = [res.model[f"x{c}"] for c in range(problem.ncols)]
        if is_exact_point(problem, pt, _violation_constraints(problem)):
            return _refute(problem, pt, max(1.0, timeout - (time.perf_counter() - start)))
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
    return _PieceOutcome(Verdict.UNKNOWN, reason="the float LP is at its tolerance and the exact re-solve did not conclude")


def _decide_z3(problem: ConeProblem, timeout: float) -> _PieceOutcome:
    from .. import z3_backend

    G = problem.elemental.matrix
    cons, names = _z3_constraints(problem, range(G.shape[0]))
    res = z3_backend.solve(cons, timeout=timeout, names=names, nonlinear=False,
                           variables=[f"x{c}" for c in range(problem.ncols)])
    if res.status == "unknown":
        return _PieceOutcome(Verdict.UNKNOWN, reason=f"z3 gave up ({res.reason or 'timeout'})")
    if res.status == "sat":
        pt = [res.model[f"x{c}"] for c in range(problem.ncols)]
        return _refute(problem, pt, timeout)
    core_rows = sorted(int(n[1:]) for n in res.core if n.startswith("r")) or list(range(G.shape[0]))
    core_cols = sorted(int(n[1:]) for n in res.core if n.startswith("c"))
    atoms = _atoms_for(problem, core_rows, core_cols)
    ws = find_exact_multipliers(atoms, problem.target, [0.0] * len(atoms), timeout=timeout)
    if ws is None:
        atoms = _atoms_for(problem, range(G.shape[0]), ())
        ws = find_exact_multipliers(atoms, problem.target, [0.0] * len(atoms), timeout=timeout)
    if ws is None:
        return _PieceOutcome(Verdict.UNKNOWN, reason="z3 proved it but exact multipliers were not recovered")
    return _PieceOutcome(Verdict.PROVED, piece=_piece_from(problem, atoms, ws))


def decide_piece(target: LinearForm, hypotheses, *, variables=None, timeout: float = 30.0,
                 engine: str = "auto", z3_max_variables: int = 6) -> _PieceOutcome:
    """Decide ``target >= 0`` under ``hypotheses`` (one certificate piece)."""
    if not (target.entropies or target.parameters or target.scaled):
        if target.constant >= 0:  # an identity (or a nonnegative constant): nothing to combine
            return _PieceOutcome(Verdict.PROVED, piece=CertificatePiece(target))
    start = time.perf_counter()
    hypotheses = tuple(hypotheses)
    try:
        problem = build_problem(target, hypotheses, variables)
    except BudgetExceeded as e:  # the LP would not fit the size budget: refused before building it
        return _PieceOutcome(Verdict.UNKNOWN, reason=str(e))
    implied = implied_equalities(problem, limit=_MAX_IMPLIED) if engine != "z3" else []
    if implied:
        # Functional dependences H(A|B) = 0 imply H(A|S) = 0 for every S ⊇ B;
        # as extra equality rows they let presolve drop many more columns.
        # Their multipliers are folded back into basic inequalities and the
        # original hypothesis below, so the certificate cites only those.
        extra = tuple(HypothesisForm(f"implied {k}", LinearForm.cond_entropy(e.targets, e.given), "==")
                      for k, e in enumerate(implied))
        problem = build_problem(target, hypotheses + extra, variables)
    timeout = timeout - (time.perf_counter() - start)
    if timeout <= 0:  # building the cone alone used the budget (large n, tiny timeout)
        return _PieceOutcome(Verdict.UNKNOWN, reason="time budget exhausted while building the Shannon cone")
    if engine == "z3":
        return _decide_z3(problem, timeout)
    try:
        out = _decide_lp(problem, timeout)
    except BudgetExceeded as e:  # a long phase (certificate expansion) ran past the budget
        return _PieceOutcome(Verdict.UNKNOWN, reason=str(e))
    if implied and out.status is Verdict.PROVED:
        out = _PieceOutcome(Verdict.PROVED, piece=_fold_implied(out.piece, hypotheses, implied))
    if out.status is Verdict.UNKNOWN and engine == "auto" and problem.n <= z3_max_variables:
        alt = _decide_z3(problem, timeout)
        if alt.status is not Verdict.UNKNOWN:
            return alt
    return out


# ----------------------------------------------------------------------------- public API

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


def _sense_targets(target: LinearForm, sense: str):
    if sense in ("<=", ">="):
        return [target]
    if sense == "==":
        return [target, -target]
    raise StatementError(f"conclusion sense must be '<=', '>=' or '==', got {sense!r}")


def prove_forms(target: LinearForm, sense: str, hypotheses=(), *, variables=None, statement_text: str = "",
                timeout: float = 30.0, max_variables: int = 14, engine: str = "auto",
                realize: bool = True, copies=()) -> ProofResult:
    """Prove ``target >= 0`` (``== 0`` when ``sense == "=="``) under the hypotheses.

    Parameters
    ----------
    target : LinearForm
        The conclusion's normal form (``rhs - lhs`` for ``<=``).
    sense : {"<=", ">=", "=="}
        The conclusion's relation (recorded in the certificate).
    hypotheses : sequence of HypothesisForm
    variables : sequence of str, optional
        Declared variable order; only mentioned ones get coordinates.
    statement_text : str
        Textbook text stored in the certificate.
    timeout : float
        Seconds for the whole call.
    max_variables : int
        Size budget; more mentioned variables give verdict ``"unknown"``.
    engine : {"auto", "lp", "z3"}
    realize : bool
        Try to turn a polymatroid counterexample into a distribution.
    copies : sequence of CopySpec or str
        Copy steps (:mod:`~natlat_sym.shannon.copy_lemma`): the LP runs over
        the statement's variables and the copies, with the equalities the copy
        lemma grants as extra equality rows; the certificate records the specs.
        A counterexample is then a point of that extended cone.
    """
    start = time.perf_counter()
    if engine not in ("auto", "lp", "z3"):
        raise StatementError(f"engine must be 'auto', 'lp' or 'z3', got {engine!r}")
    hyps = tuple(hypotheses)
    for k, h in enumerate(hyps, start=1):
        if not isinstance(h, HypothesisForm):
            raise StatementError(f"hypothesis {k} is not a HypothesisForm: {h!r}")
    for form, where in [(target, "the conclusion")] + [(h.form, f"hypothesis {h.name!r}") for h in hyps]:
        if form.scaled:
            p = sorted(p for p, _ in form.scaled)[0]
            raise NonlinearError(f"in {where}, parameter {p!r} multiplies an entropy; "
                                 f"use tightest() to find the least such coefficient")
    mentioned = set(target.variables())
    for h in hyps:
        mentioned |= h.form.variables()
    if len(mentioned) > max_variables:
        err = BudgetExceeded(f"{len(mentioned)} variables exceed the budget max_variables={max_variables}")
        return ProofResult(Verdict.UNKNOWN, reason=str(err), seconds=time.perf_counter() - start, engine=engine)
    names = tuple(variables) if variables is not None else None
    steps, copy_facts, lp_hyps, lp_names = (), [], hyps, names
    if copies:
        from .linear import _natural_key
        originals = tuple(names) if names is not None else tuple(sorted(mentioned, key=_natural_key))
        steps = name_copies(copies, originals)
        copy_facts = granted_facts(steps)
        lp_hyps = hyps + tuple(HypothesisForm(f"copy lemma: {describe_fact(steps, originals, f)}",
                                              fact_form(steps, originals, f), "==") for f in copy_facts)
        lp_names = extended_variables(steps, originals)
        mentioned |= set(lp_names) - set(originals)
        if len(mentioned) > max_variables:
            err = BudgetExceeded(f"{len(mentioned)} variables with the copies exceed the budget "
                                 f"max_variables={max_variables}")
            return ProofResult(Verdict.UNKNOWN, reason=str(err), seconds=time.perf_counter() - start, engine=engine)
    pieces = []
    for t in _sense_targets(target, sense):
        left = timeout - (time.perf_counter() - start)
        if left <= 0:
            return ProofResult(Verdict.UNKNOWN, reason=f"time budget of {timeout:g} s exhausted",
                               seconds=time.perf_counter() - start, engine=engine)
        out = decide_piece(t, lp_hyps, variables=lp_names, timeout=left, engine=engine)
        if out.status is Verdict.PROVED and steps:
            out = _PieceOutcome(Verdict.PROVED, piece=_split_copy_multipliers(out.piece, len(hyps), copy_facts))
        if out.status is Verdict.NOT_PROVABLE:
            w = out.witness
            check_witness(w, lp_hyps, target, sense)  # the whole conclusion is violated
            verdict, note = _falsity_of(w, lp_hyps, len(mentioned))
            if steps and verdict is Verdict.NOT_PROVABLE:
                note = Verdict.NOT_PROVABLE.describe(
                    "Shannon-type inequalities and the copy lemma (" + "; ".join(str(c) for c in copies) + ")")
            dist = None
            if realize:
                dist = _try_realize(w, hyps, target, sense, timeout=timeout - (time.perf_counter() - start))
            if dist is not None:
                verdict, note = Verdict.REFUTED, REALIZED
            return ProofResult(verdict, witness=w, distribution=dist, note=note,
                               seconds=time.perf_counter() - start, engine=engine)
        if out.status is Verdict.UNKNOWN:
            return ProofResult(Verdict.UNKNOWN, reason=out.reason, seconds=time.perf_counter() - start, engine=engine)
        pieces.append(out.piece)
    mentioned -= {n for s in steps for n in s.names}
    variables_out = tuple(sorted(mentioned, key=lambda v: (names.index(v) if names and v in names else 0, v)))
    if names is None:
        from .linear import _natural_key
        variables_out = tuple(sorted(mentioned, key=_natural_key))
    if steps:  # the copy facts were derived over exactly these variables; the checker re-derives them
        variables_out = originals
    cert = Certificate(statement_text, variables_out, hyps, sense, tuple(pieces), steps)
    try:
        check_certificate(cert, expected_target=target, expected_hypotheses=hyps)
    except CertificateError as e:  # pragma: no cover - the exact layer pre-checks identities
        return ProofResult(Verdict.UNKNOWN, reason=f"certificate rejected by the checker: {e}",
                           seconds=time.perf_counter() - start, engine=engine)
    return ProofResult(Verdict.PROVED, certificate=cert, seconds=time.perf_counter() - start, engine=engine,
                       steps=cert.steps())


def _split_copy_multipliers(piece: CertificatePiece, nh: int, facts) -> CertificatePiece:
    """Move the multipliers of the copy-lemma rows (hypotheses ``nh`` onwards
    in the LP) to the piece's ``copy_facts``, citing each by its spec."""
    mus = list(piece.hypotheses)
    cited = tuple((f, mu) for f, mu in zip(facts, mus[nh:]) if mu)
    own = mus[:nh]
    while own and not own[-1]:
        own.pop()
    return CertificatePiece(piece.target, piece.basic, tuple(own), piece.parameters, cited)


def _falsity_of(witness, hyps, n_variables: int) -> tuple[Verdict, str]:
    """What a checked violating cone point alone says about the statement.

    It proves falsity only with no hypotheses on at most 3 variables: there
    the closure of the entropic region is the Shannon cone (Zhang–Yeung 1997
    for n = 3), and a strict violation at a cone point persists at entropic
    points close to it.  With hypotheses the nearby entropic points need not
    satisfy them, and from 4 variables on polymatroids need not be
    (limits of) entropic, so the answer is only ``not_provable``.
    """
    if not hyps and n_variables <= MAX_VARIABLES_CONE_IS_ENTROPIC:
        return Verdict.REFUTED, SMALL_CONE_IS_ENTROPIC
    return Verdict.NOT_PROVABLE, NOT_REALIZED


def _try_realize(witness, hyps, target, sense, *, timeout: float = 10.0):
    """A distribution violating the statement, or None, searched for at most
    ``timeout`` seconds (what is left of the command's budget; the re-check
    below adds at most one exact evaluation of a small distribution).  Whatever the
    realizer returns is re-verified here through the independent certified
    evaluator (natlat_sym.finite.evaluate): every hypothesis must hold and the
    conclusion must be certainly violated, or the distribution is dropped."""
    try:
        from ..finite.evaluate import check_on
        from ..finite.realize import realize_witness
        from ..verdicts import Truth
    except ImportError:
        return None
    try:
        if timeout <= 0:
            return None
        dist = realize_witness(witness, hyps, target, sense, seed=0, timeout=timeout)
        if dist is None:
            return None
        conclusion = HypothesisForm("conclusion", target, "==" if sense == "==" else ">=")
        verdict = check_on((conclusion, list(hyps)), dist, parameters=dict(witness.parameters) or None)
    except Exception:  # noqa: BLE001 - a failed realization only loses the bonus
        return None
    if verdict.verdict != Truth.VIOLATED or verdict.vacuous:
        return None
    return dist


def prove(statement, *, timeout: float = 30.0, max_variables: int = 14, engine: str = "auto",
          realize: bool = True, copies=(), non_shannon: bool = False, progress=None) -> ProofResult:
    """Prove or refute a linear information inequality, with a checked answer.

    Parameters
    ----------
    statement : Statement, Relation, sympy relational or str
        What to prove.  A sympy relation built from the measures
        (``I(X1, X2, given=L) <= H(X1)``, ``sympy.Eq(I(X, Z, given=Y), 0)``),
        a :class:`~natlat_sym.shannon.statement.Relation`, a
        :class:`~natlat_sym.shannon.statement.Statement` with hypotheses, or
        textbook text such as ``"markov: I(X;Z|Y) = 0 => I(X;Z) <= I(X;Y)"``
        (read by :func:`~natlat_sym.shannon.parse.parse_statement`).
    timeout : float, default 30.0
        Seconds for the whole call; when it runs out the verdict is
        ``"unknown"`` (never a guess).
    max_variables : int, default 14
        Size budget: a statement mentioning more random variables gets
        verdict ``"unknown"`` without any work.
    engine : {"auto", "lp", "z3"}, default "auto"
        ``"lp"``: HiGHS proposes, exact rational arithmetic confirms;
        ``"z3"``: z3 decides exactly (small ``n`` only); ``"auto"``: LP
        first, z3 when the exact layer cannot conclude and ``n <= 6``.
    realize : bool, default True
        On a refutation, try to turn the violating polymatroid into a finite
        distribution (checked exactly) stored in ``result.distribution``.
    copies : sequence of CopySpec or str, optional
        Copy steps (:class:`~natlat_sym.shannon.copy_lemma.CopySpec` or
        texts like ``"C,D | A,B"``) that extend the cone beyond Shannon.
    non_shannon : bool, default False
        Search the single-step copies itself
        (:func:`~natlat_sym.shannon.non_shannon.prove_non_shannon`).
    progress : callable, optional
        Per-candidate callback of that search.

    Returns
    -------
    ProofResult
        ``verdict`` plus the evidence; in a notebook it renders as a table
        with the derivation.  The verdict is one of

        ================  ====  ================================================
        ``proved``        0     exact certificate, re-checked: true
        ``refuted``       1     false: a distribution violates it (re-checked),
                                or a cone point alone at <= 3 variables without
                                hypotheses
        ``not_provable``  5     a checked polymatroid violates it: no Shannon
                                proof exists, true or false is not decided
        ``unknown``       3     a budget ran out (``reason`` says which)
        ================  ====  ================================================

    Raises
    ------
    StatementError, ParseError, NonlinearError
        For input that is not a linear information statement.

    Examples
    --------
    >>> from natlat_sym import H, I, random_variables
    >>> X1, X2, L = random_variables("X1 X2 L")
    >>> prove(I(X1, X2, given=L) <= H(X1)).verdict
    'proved'
    >>> prove("I(X;Y|Z) <= I(X;Y)").verdict        # false: XOR is a counterexample
    'refuted'
    >>> zy = "2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)"   # Zhang–Yeung: true
    >>> r = prove(zy, realize=False)       # (realisation can only fail on a true statement)
    >>> r.verdict, r.verdict.exit_code     # but not Shannon-provable
    ('not_provable', 5)
    >>> prove(zy, copies=["A | C,D"]).verdict        # the copy lemma proves it
    'proved'
    """
    from .statement import as_statement

    statement = as_statement(statement)
    concl = statement.conclusion
    hyps = statement.hypothesis_forms()
    if non_shannon:
        from .non_shannon import prove_non_shannon

        result = prove_non_shannon(statement, timeout=timeout, max_variables=max_variables, engine=engine,
                                   realize=realize, copies=copies, progress=progress)
    else:
        result = prove_forms(concl.normal_form(), concl.rel, hyps, variables=statement.variables(),
                             statement_text=str(statement), timeout=timeout, max_variables=max_variables,
                             engine=engine, realize=realize, copies=copies)
    return replace(result, statement=statement) if hasattr(result, "statement") else result
