"""The Shannon-cone prover of one claim: certificate, or checked cone point.

:func:`prove_claim` decides a :class:`~natlat_sym.shannon.claim.Claim`
piece by piece (:func:`~natlat_sym.shannon.decide.decide_piece`; two pieces
for an equality), with optional copy-lemma steps, and returns a
:class:`ProofResult`:

* ``proved`` with a :class:`~natlat_sym.shannon.certificate.Certificate`
  re-checked by the trusted checker;
* on a checked violating cone point: ``refuted`` on at most 3 variables
  without hypotheses (the cone point alone proves falsity there), otherwise
  ``not_provable`` — unless the caller's realiser turns the point into a
  re-checked finite distribution (then ``refuted``).  This layer never
  imports :mod:`natlat_sym.finite`; :func:`natlat_sym.prove` passes the realiser;
* ``unknown`` when a budget runs out.

:func:`prove_forms` is the same on normal forms.  The public entry points
are :func:`natlat_sym.shannon.prove.prove` and :func:`natlat_sym.prove`.

Examples
--------
>>> from natlat_sym.shannon.linear import LinearForm as F
>>> f = F.entropy({"X"}) - F.cond_entropy({"X"}, {"Y"})     # H(X|Y) <= H(X)
>>> r = prove_forms(f, "<=", (), statement_text="H(X|Y) <= H(X)")
>>> r.verdict, r.certificate.steps()
('proved', 1)
>>> r = prove_forms(-f, "<=", ())            # H(X) <= H(X|Y): false, 2 variables
>>> r.verdict, "at most 3 random variables" in r.note
('refuted', True)
"""


from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import BudgetExceeded, CertificateError, NonlinearError, StatementError
from ..limits import budget_seconds, time_budget
from ..verdicts import Verdict
from .certificate import Certificate, CertificatePiece, LabelledForm, PolymatroidWitness, check_certificate, check_witness
from .claim import Claim
from .copy_lemma import describe_fact, extended_variables, fact_form, granted_facts, name_copies
from .decide import decide_piece
from .derivation import derive
from .display import proof_result_html, proof_result_latex, proof_result_text
from .linear import LinearForm, natural_key
from .pieces import PieceOutcome

if TYPE_CHECKING:  # the type only: this layer never imports natlat_sym.finite at run time
    from ..finite.distribution import Distribution

__all__ = ["ProofResult", "prove_claim", "prove_forms", "NOT_REALIZED", "REALIZED", "SMALL_CONE_IS_ENTROPIC",
           "MAX_VARIABLES_CONE_IS_ENTROPIC"]

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
    is known, ``counterexample.distribution``.  The Shannon layer never
    constructs distributions: :func:`natlat_sym.prove` asks
    :mod:`natlat_sym.finite` to realise the witness and fills ``distribution``.
    """

    verdict: Verdict
    certificate: Certificate | None = None
    witness: PolymatroidWitness | None = None
    #: A finite distribution violating the statement, re-checked exactly
    #: (a :class:`natlat_sym.finite.distribution.Distribution`), set by :func:`natlat_sym.prove`.
    distribution: Distribution | None = None
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
        return derive(self.certificate, self.statement, minimise=minimise)

    def __str__(self) -> str:
        return proof_result_text(self)

    def _repr_html_(self) -> str:
        return proof_result_html(self)

    def _repr_latex_(self) -> str:
        return proof_result_latex(self)

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


def _sense_targets(target: LinearForm, sense: str):
    if sense in ("<=", ">="):
        return [target]
    if sense == "==":
        return [target, -target]
    raise StatementError(f"conclusion sense must be '<=', '>=' or '==', got {sense!r}")


def prove_forms(target: LinearForm, sense: str, hypotheses=(), *, variables=None, statement_text: str = "",
                timeout: float = 30.0, max_variables: int = 14, engine: str = "auto",
                realize=None, copies=()) -> ProofResult:
    """Prove ``target >= 0`` (``== 0`` when ``sense == "=="``) under the hypotheses.

    Parameters
    ----------
    target : LinearForm
        The conclusion's normal form (``rhs - lhs`` for ``<=``).
    sense : {"<=", ">=", "=="}
        The conclusion's relation (recorded in the certificate).
    hypotheses : sequence of LabelledForm
    variables : sequence of str, optional
        Declared variable order; only mentioned ones get coordinates.
    statement_text : str
        Textbook text stored in the certificate.
    timeout : float
        Seconds for the whole call.
    max_variables : int
        Size budget; more mentioned variables give verdict ``"unknown"``.
    engine : {"auto", "lp", "z3"}
    realize : callable, optional
        See :func:`prove_claim`.
    copies : sequence of CopySpec or str
        Copy steps (:mod:`~natlat_sym.shannon.copy_lemma`): the LP runs over
        the statement's variables and the copies, with the equalities the copy
        lemma grants as extra equality rows; the certificate records the specs.
        A counterexample is then a point of that extended cone.
    """
    if sense not in ("<=", ">=", "=="):
        _sense_targets(target, sense)  # the one message for a bad sense
    hyps = tuple(hypotheses)
    for k, h in enumerate(hyps, start=1):
        if not isinstance(h, LabelledForm):
            raise StatementError(f"hypothesis {k} is not a LabelledForm (HypothesisForm): {h!r}")
    names = tuple(variables) if variables is not None else ()
    claim = Claim(target, sense, hyps, names, statement_text)
    return prove_claim(claim, timeout=timeout, max_variables=max_variables, engine=engine, realize=realize,
                       copies=copies, declared=variables is not None)


def prove_claim(claim: Claim, *, timeout: float = 30.0, max_variables: int = 14, engine: str = "auto",
                realize=None, copies=(), declared: bool = True) -> ProofResult:
    """Decide a :class:`~natlat_sym.shannon.claim.Claim` on the Shannon cone
    (extended by ``copies``); the engine under :func:`prove`.

    ``realize``, when given, is called as ``realize(witness, claim, timeout)``
    on a ``not_provable`` (or cone-point ``refuted``) answer and returns a
    finite distribution violating the claim, already re-checked exactly, or
    None; a distribution makes the verdict ``refuted``.  The Shannon layer
    has no realiser of its own: :func:`natlat_sym.prove` passes
    :mod:`natlat_sym.finite`'s.  ``declared`` says whether ``claim.names``
    is an order the user declared (certificates list mentioned variables in
    that order) or the natural order.
    """
    start = time.perf_counter()
    try:
        # every phase below (cone, LP, exact recovery, z3, witness check,
        # realisation) sees this deadline through natlat_sym.limits.check_time
        with time_budget(budget_seconds(timeout)):
            return _prove_claim(claim, timeout=timeout, max_variables=max_variables, engine=engine,
                                realize=realize, copies=copies, declared=declared)
    except BudgetExceeded as e:
        return ProofResult(Verdict.UNKNOWN, reason=str(e), seconds=time.perf_counter() - start, engine=engine)


def _prove_claim(claim: Claim, *, timeout: float, max_variables: int, engine: str, realize, copies,
                 declared: bool) -> ProofResult:
    start = time.perf_counter()
    if engine not in ("auto", "lp", "z3"):
        raise StatementError(f"engine must be 'auto', 'lp' or 'z3', got {engine!r}")
    if realize is True:
        raise StatementError("the Shannon layer does not build distributions: use natlat_sym.prove(..., realize=True)")
    target, sense, hyps = claim.target, claim.relation, claim.hypotheses
    for form, where in [(target, "the conclusion")] + [(h.form, f"hypothesis {h.name!r}") for h in hyps]:
        if form.scaled:
            p = sorted(p for p, _ in form.scaled)[0]
            raise NonlinearError(f"in {where}, parameter {p!r} multiplies an entropy; "
                                 f"use tightest() to find the least such coefficient")
    mentioned = set(claim.mentioned())

    def unknown(reason: str) -> ProofResult:
        return ProofResult(Verdict.UNKNOWN, reason=reason, seconds=time.perf_counter() - start, engine=engine)

    if len(mentioned) > max_variables:
        return unknown(str(BudgetExceeded(f"{len(mentioned)} variables exceed the budget max_variables={max_variables}")))
    names = claim.names if declared else None
    steps, copy_facts, lp_hyps, lp_names = (), [], hyps, names
    if copies:
        originals = tuple(names) if names is not None else tuple(sorted(mentioned, key=natural_key))
        steps = name_copies(copies, originals)
        copy_facts = granted_facts(steps)
        lp_hyps = hyps + tuple(LabelledForm(f"copy lemma: {describe_fact(steps, originals, f)}",
                                            fact_form(steps, originals, f), "==") for f in copy_facts)
        lp_names = extended_variables(steps, originals)
        mentioned |= set(lp_names) - set(originals)
        if len(mentioned) > max_variables:
            return unknown(str(BudgetExceeded(f"{len(mentioned)} variables with the copies exceed the budget "
                                              f"max_variables={max_variables}")))
    pieces = []
    for t in _sense_targets(target, sense):
        left = timeout - (time.perf_counter() - start)
        if left <= 0:
            return unknown(f"time budget of {timeout:g} s exhausted")
        out = decide_piece(t, lp_hyps, variables=lp_names, timeout=left, engine=engine)
        if out.status is Verdict.PROVED and steps:
            out = PieceOutcome(Verdict.PROVED, piece=_split_copy_multipliers(out.piece, len(hyps), copy_facts))
        if out.status is Verdict.NOT_PROVABLE:
            return _counterexample(out.witness, claim, lp_hyps, len(mentioned), steps, copies, realize, start,
                                   timeout, engine)
        if out.status is Verdict.UNKNOWN:
            return unknown(out.reason)
        pieces.append(out.piece)
    mentioned -= {n for s in steps for n in s.names}
    variables_out = tuple(sorted(mentioned, key=lambda v: (names.index(v) if names and v in names else 0, v)))
    if names is None:
        variables_out = tuple(sorted(mentioned, key=natural_key))
    if steps:  # the copy facts were derived over exactly these variables; the checker re-derives them
        variables_out = originals
    cert = Certificate(claim.text, variables_out, hyps, sense, tuple(pieces), steps)
    try:
        check_certificate(cert, expected_target=target, expected_hypotheses=hyps)
    except CertificateError as e:  # pragma: no cover - the exact layer pre-checks identities
        return unknown(f"certificate rejected by the checker: {e}")
    return ProofResult(Verdict.PROVED, certificate=cert, seconds=time.perf_counter() - start, engine=engine,
                       steps=cert.steps())


def _counterexample(w, claim: Claim, lp_hyps, n_variables: int, steps, copies, realize, start: float,
                    timeout: float, engine: str) -> ProofResult:
    """The result for a checked cone point violating a piece: what it alone
    proves, improved to ``refuted`` when ``realize`` finds a distribution."""
    check_witness(w, lp_hyps, claim.target, claim.relation)  # the whole conclusion is violated
    verdict, note = _falsity_of(w, lp_hyps, n_variables)
    if steps and verdict is Verdict.NOT_PROVABLE:
        note = Verdict.NOT_PROVABLE.describe(
            "Shannon-type inequalities and the copy lemma (" + "; ".join(str(c) for c in copies) + ")")
    dist = None
    if realize:
        left = timeout - (time.perf_counter() - start)
        dist = realize(w, claim, left) if left > 0 else None
    if dist is not None:
        verdict, note = Verdict.REFUTED, REALIZED
    return ProofResult(verdict, witness=w, distribution=dist, note=note, seconds=time.perf_counter() - start,
                       engine=engine)


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
