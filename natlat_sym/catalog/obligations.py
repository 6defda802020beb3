"""Proof obligations and how each kind is run.

An :class:`Obligation` is one claim a machine can check (see the glossary of
:mod:`natlat_sym.catalog.theorem`); :meth:`Obligation.run` dispatches on its
kind to a runner here — ``prove`` and ``refute`` ask the prover (and check a
given witness distribution exactly), ``tight`` asks ``tightest`` and then
confirms minimality, ``finite`` and ``experiment`` call the obligation's own
callable — and turns what comes back into an
:class:`~natlat_sym.catalog.outcomes.ObligationResult`.  A runner never
raises for a failing claim: errors and timeouts become a failed result.

Build obligations with the builders of :mod:`natlat_sym.catalog.theorem`
(:func:`~natlat_sym.catalog.theorem.prove_that`, ...) rather than directly.

Examples
--------
>>> from natlat_sym.shannon.parse import parse_statement
>>> ob = Obligation("prove", "I(X;Y) >= 0", parse_statement("I(X;Y) >= 0"))
>>> str(ob.run().outcome)
'proved'
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction

from ..errors import CatalogError, NatLatError
from ..finite.evaluate import check_on, enclosure
from ..proving import prove
from ..shannon.tightest import split_coefficients, tightest
from ..verdicts import Truth, Verdict
from .outcomes import FiniteOutcome, ObligationResult

__all__ = ["Obligation", "OBLIGATION_KINDS"]

#: Kinds of obligations.
OBLIGATION_KINDS = ("prove", "refute", "tight", "finite", "experiment")


@dataclass(frozen=True)
class Obligation:
    """One machine-checkable claim backing a catalog entry.

    Build obligations with :func:`prove_that`, :func:`refute_that`,
    :func:`tight_constants`, :func:`check_on_instances` and
    :func:`experiment` rather than directly.

    Attributes
    ----------
    kind : {"prove", "refute", "tight", "finite", "experiment"}
    description : str
        One line in textbook notation.
    statement : Statement or None
    expect : str
    claimed : mapping of str to Fraction
        For "tight": the claimed least value of each free coefficient.
    weights : mapping of str to Fraction, optional
        For "tight": objective weights passed to ``tightest``.
    check : callable or None
        For "finite"/"experiment": zero-argument callable returning a
        :class:`FiniteOutcome` (or an ``InstanceVerdict``, or a bool).
    witness : Distribution or None
        For "refute": a finite distribution checked exactly to violate the statement.
    attained_by : tuple of Distribution
        For "tight": distributions that may certify minimality of a
        coefficient when the prover gives no witness for it.
    supporting : bool
        See the module glossary.
    copies : tuple of str
        For "prove": copy-lemma steps (``"A | C,D"``) the proof may use.
    non_shannon : bool
        For "prove": let the prover search single copy steps itself.
    expected_cost : int or None
        For scheduling only (parallel ``natlat check`` starts the costliest
        entries first; it never changes a report): the obligation's rough
        cost in the units of ``natlat_sym.catalog.run``'s table (a Shannon
        proof is 1, a typical finite check 20), or None for its kind's default.
    """

    kind: str
    description: str
    statement: object = None
    expect: str = Verdict.PROVED
    claimed: Mapping = field(default_factory=dict)
    weights: Mapping | None = None
    check: Callable | None = None
    witness: object = None
    supporting: bool = False
    attained_by: tuple = ()
    copies: tuple = ()
    non_shannon: bool = False
    expected_cost: int | None = None

    def __post_init__(self):
        if self.kind not in OBLIGATION_KINDS:
            raise CatalogError(f"obligation kind must be one of {', '.join(OBLIGATION_KINDS)}; got {self.kind!r}")
        if self.kind in ("finite", "experiment") and not callable(self.check):
            raise CatalogError(f"{self.kind} obligation {self.description!r} needs a callable")
        if self.kind in ("prove", "refute", "tight") and self.statement is None:
            raise CatalogError(f"{self.kind} obligation {self.description!r} needs a statement")

    def run(self, *, timeout: float = 30.0) -> ObligationResult:
        """Run the obligation; never raises for a failing claim (the
        result says FAILING with the reason)."""
        start = time.perf_counter()
        try:
            res = _RUNNERS[self.kind](self, timeout)
        except NatLatError as e:
            res = self._result("error", False, detail=f"{type(e).__name__}: {e}")
        except Exception as e:  # an obligation crash must not crash the catalog run
            res = self._result("error", False, detail=f"unexpected {type(e).__name__}: {e}")
        seconds = time.perf_counter() - start
        if res.ok and seconds > timeout:
            res = _replace(res, outcome="timeout", ok=False,
                           detail=f"took {seconds:.1f} s, over the {timeout:g} s budget; " + res.detail)
        return _replace(res, seconds=seconds)

    def _result(self, outcome: str, ok: bool, **kw) -> ObligationResult:
        st = self.statement
        kw.setdefault("statement", st.text() if st is not None else "")
        kw.setdefault("statement_latex", st.latex() if st is not None else "")
        return ObligationResult(kind=self.kind, description=self.description, expect=self.expect,
                                outcome=outcome, ok=ok, supporting=self.supporting,
                                claimed=dict(self.claimed), **kw)


def _replace(res: ObligationResult, **kw) -> ObligationResult:
    return replace(res, **kw)


def _uses(certificate) -> tuple[str, ...]:
    if certificate is None or not hasattr(certificate, "uses"):
        return ()
    return tuple(certificate.uses())


def _run_prove(ob: Obligation, timeout: float) -> ObligationResult:
    kw = {}
    if ob.copies:
        kw["copies"] = tuple(ob.copies)
    if ob.non_shannon:
        kw["non_shannon"] = True
    if ob.expect == Verdict.NOT_PROVABLE:
        kw["realize"] = False  # an exact cone point settles "not provable"; no distribution is needed
    r = prove(ob.statement, timeout=timeout, **kw)
    verdict = r.verdict
    if (ob.expect == Verdict.NOT_PROVABLE and verdict == Verdict.REFUTED and r.distribution is None
            and r.witness is not None):
        # (<= 3 variables, no hypotheses) the evidence is a checked polymatroid, not a distribution
        verdict = Verdict.NOT_PROVABLE
    ok = verdict == ob.expect
    detail = getattr(r, "note", "") or getattr(r, "reason", "") or ""
    if not ok:
        detail = f"expected {ob.expect}, prover says {verdict}" + (f" ({detail})" if detail else "")
    return ob._result(verdict, ok, certificate=r.certificate, proved_statement=ob.statement, witness=r.witness,
                      distribution=getattr(r, "distribution", None), detail=detail,
                      uses=_uses(r.certificate))


def _run_refute(ob: Obligation, timeout: float) -> ObligationResult:
    """``refuted`` needs a distribution: the obligation's own witness
    (checked exactly here) or the prover's ``refuted`` (a re-checked
    distribution, or a cone point on <= 3 variables without hypotheses).
    A polymatroid alone gives ``not_provable``.

    When the obligation's own distribution violates the statement (checked
    exactly, every run), that distribution is the evidence; the prover then
    only has to confirm that no Shannon-type proof exists (a proof would
    contradict the distribution and fail the obligation), so it is not asked
    to realise a second distribution: that search (linear codes, integer
    points, local search) cost over a second on the four-variable
    counterexamples of O2b.  The realiser itself is tested on those
    statements in ``tests/catalog/test_refute_evidence.py``."""
    detail = []
    dist_ok = None
    if ob.witness is not None:
        v = check_on(ob.statement, ob.witness)
        dist_ok = v.verdict == Truth.VIOLATED and not v.vacuous
        detail.append(f"distribution: {v.summary()} (margin in {v.margin})")
    r = prove(ob.statement, timeout=timeout, realize=not dist_ok)
    verdict, witness, dist = r.verdict, r.witness, getattr(r, "distribution", None)
    note = getattr(r, "note", "")
    if dist_ok and verdict == Verdict.NOT_PROVABLE:
        note = "no Shannon-type proof: an exactly checked polymatroid violates it; the distribution shows it false"
    detail.append(f"prover: {verdict}" + (f" ({note})" if note else ""))
    if verdict == Verdict.PROVED:
        return ob._result(Verdict.PROVED, False,
                          detail=f"expected {ob.expect}, but the prover PROVED it; " + "; ".join(detail))
    if dist_ok is not None:
        outcome = Verdict.REFUTED if dist_ok else Truth.HOLDS
    elif verdict in (Verdict.REFUTED, Verdict.NOT_PROVABLE):
        outcome = verdict
    else:
        outcome = Verdict.UNKNOWN
    return ob._result(outcome, outcome == ob.expect, witness=witness,
                      distribution=ob.witness if ob.witness is not None else dist, detail="; ".join(detail))


def _attained(statement, claimed: Mapping, coefficient: str, distributions) -> object:
    """A distribution on which the statement at the claimed values holds with
    equality (hypotheses certified) while the coefficient's term is certified
    positive: lowering that coefficient alone then breaks the statement."""
    at = statement.substitute(dict(claimed))
    others = statement.substitute({k: v for k, v in claimed.items() if k != coefficient})
    _, parts = split_coefficients(others.conclusion.normal_form(), [coefficient])
    g = parts.get(coefficient)
    if g is None:
        return None
    for d in distributions:
        v = check_on(at, d)
        if v.verdict != Truth.HOLDS or v.vacuous or not v.exact.is_zero():
            continue
        if enclosure(g, d).is_positive():
            return d
    return None


def _run_tight(ob: Obligation, timeout: float) -> ObligationResult:
    kw = {"coefficients": sorted(ob.claimed) or None}
    if ob.weights is not None:
        kw["weights"] = dict(ob.weights)
    r = tightest(ob.statement, timeout=timeout, **kw)
    if getattr(r, "infeasible", False):
        return ob._result(Verdict.NOT_PROVABLE, False,
                          detail="no values of the coefficients make it Shannon-provable")
    values = {k: Fraction(v) for k, v in r.values.items()}
    claimed = {k: Fraction(v) for k, v in ob.claimed.items()}
    cert = getattr(r, "certificate", None)
    witnesses = dict(getattr(r, "witnesses", None) or {})
    note = f" (tightest: {r.reason})" if getattr(r, "reason", "") else ""
    least = cert is not None and all(k in witnesses for k, v in values.items() if v > 0)
    dominated = cert is not None and all(k in values and values[k] <= v for k, v in claimed.items())
    if all(values.get(k) == v for k, v in claimed.items()) and cert is not None:
        proof, proved_at = cert, ob.statement.substitute(values)
    elif dominated:
        # a certified point below the claim exists: the claimed values are not least.
        corr = ", ".join(f"{k}: claimed {claimed[k]}, least is {values.get(k)}"
                         for k in sorted(claimed) if values.get(k) != claimed[k])
        how = "certificate and optimality witnesses checked" if least else "certificate checked"
        return ob._result("corrected", False, values=values, certificate=cert, witness=witnesses or None,
                          detail=f"correction — {corr} ({how})", uses=_uses(cert),
                          proved_statement=ob.statement.substitute(values))
    else:
        # tightest disagrees with the claim (or has no certificate): decide the claim itself.
        at = ob.statement.substitute(claimed)
        pr = prove(at, timeout=timeout)
        if pr.verdict in (Verdict.REFUTED, Verdict.NOT_PROVABLE):
            wrong = {k: values.get(k) for k in claimed if values.get(k) != claimed[k]}
            corr = ", ".join(f"{k}: claimed {claimed[k]}, least is {wrong[k]}" for k in sorted(wrong))
            return ob._result("corrected", False, values=values, certificate=cert, witness=pr.witness,
                              detail=f"correction — the claimed values are not Shannon-provable; {corr}{note}",
                              uses=_uses(cert), proved_statement=ob.statement.substitute(values))
        if pr.verdict != Verdict.PROVED:
            return ob._result(Verdict.UNKNOWN, False, values=values, detail=f"claimed values undecided: {pr.reason}{note}")
        proof, proved_at = pr.certificate, at
        witnesses = {k: w for k, w in witnesses.items() if values.get(k) == claimed.get(k)}
    missing = [k for k, v in sorted(claimed.items()) if v > 0 and k not in witnesses]
    attained = {}
    for k in missing:
        d = _attained(ob.statement, claimed, k, ob.attained_by)
        if d is not None:
            attained[k] = d
    unconfirmed = [k for k in missing if k not in attained]
    shown = ", ".join(f"{k} = {v}" for k, v in sorted(claimed.items()))
    if unconfirmed:
        return ob._result(Verdict.UNKNOWN, False, values=values, certificate=proof, witness=witnesses or None,
                          uses=_uses(proof), proved_statement=proved_at,
                          detail=f"claimed values {shown} are proved, but minimality of "
                                 f"{', '.join(unconfirmed)} is unconfirmed (tightest found {_show(values)}){note}")
    from_witness = [k for k in sorted(claimed) if k in witnesses and k not in attained]
    how = "; ".join(filter(None, [f"polymatroid witnesses for {', '.join(from_witness)}" if from_witness else "",
                                  f"attained on distributions for {', '.join(attained)}" if attained else ""]))
    return ob._result("tight", ob.expect == "tight", values=claimed, certificate=proof, witness=witnesses or None,
                      distribution=next(iter(attained.values()), None),
                      detail=f"least Shannon-type values confirmed: {shown} ({how})", uses=_uses(proof),
                      proved_statement=proved_at)


def _show(values: Mapping) -> str:
    return ", ".join(f"{k} = {v}" for k, v in sorted(values.items())) or "nothing"


def _as_finite_outcome(x) -> FiniteOutcome:
    if isinstance(x, FiniteOutcome):
        return x
    if isinstance(x, bool):
        return FiniteOutcome(Truth.HOLDS if x else Truth.VIOLATED)
    if hasattr(x, "verdict") and hasattr(x, "summary"):  # an InstanceVerdict
        return FiniteOutcome(x.verdict, detail=str(x))
    raise CatalogError(f"a finite check returned {type(x).__name__}; return a FiniteOutcome")


def _run_finite(ob: Obligation, timeout: float) -> ObligationResult:
    out = _as_finite_outcome(ob.check())
    return ob._result(out.verdict, out.verdict == ob.expect, detail=out.detail, sizes=out.sizes,
                      distribution=out.distribution,
                      values={"value": out.value} if out.value is not None else {})


def _run_experiment(ob: Obligation, timeout: float) -> ObligationResult:
    out = _as_finite_outcome(ob.check())
    return ob._result(out.verdict, True, detail=out.detail, sizes=out.sizes, distribution=out.distribution,
                      values={"value": out.value} if out.value is not None else {})


_RUNNERS = {"prove": _run_prove, "refute": _run_refute, "tight": _run_tight,
            "finite": _run_finite, "experiment": _run_experiment}

