"""Information values on a finite distribution, three ways, and certified verdicts.

Any linear information expression — a :class:`~natlat_sym.shannon.linear.LinearForm`,
a sympy expression built from ``H``/``I`` (:mod:`natlat_sym.shannon.measures`),
or text such as ``"I(X1;X2|L)"`` — has a value on a concrete distribution.
This module computes it

(a) **as a float** (:func:`float_value`, numpy, bits) — fast, for searches;
(b) **exactly** (:func:`exact_value`) — on a rational distribution every
    joint entropy is ``Σ p·log2(1/p)`` with rational ``p``, so the value is
    ``q0 + Σ_b q_b·log2(b)`` with rationals ``q`` and integers ``b``.  We put
    the integers in a *coprime base* (pairwise coprime, found with gcds, no
    factoring) containing 2, so ``log2(2) = 1`` folds into ``q0`` and the
    remaining ``log2(b)`` are linearly independent over the rationals (unique
    factorisation).  This **canonical closed form** is unique, so a value is
    exactly zero iff every ``q`` is 0 — exact zero detection, which decides
    equality hypotheses such as independence ``I(X;Y) = 0``.
    :meth:`ExactValue.to_sympy` gives the sympy expression (the number
    type, :class:`ExactValue`, with :class:`Interval` and
    :func:`decide_sign`, lives in :mod:`natlat_sym.finite.exact_values`
    and is re-exported here);
(c) **as a certified enclosure** (:func:`enclosure`): the closed form
    evaluated with python-flint ``arb`` ball arithmetic gives an
    :class:`Interval` ``[lo, hi]`` with exact dyadic endpoints that is
    guaranteed to contain the true value.

:func:`check_on` turns enclosures into a verdict for a statement
(hypotheses ⇒ conclusion) on one distribution, a
:class:`~natlat_sym.verdicts.Truth`: ``holds``, ``violated`` (with a certified
margin) or ``undecided`` at the precision allowed.  A
nonzero canonical form is never zero, so raising the precision always
decides eventually; ``max_precision`` bounds the work.  No float comparison
ever produces a verdict.

Float distributions are evaluated exactly as the rational distribution their
binary entries denote, divided by its exact total (see
:meth:`~natlat_sym.finite.distribution.Distribution.to_exact`); the verdict
is about that exact distribution.

Glossary
--------
normal form
    A relation ``lhs <= rhs`` is checked as ``rhs - lhs >= 0``; its value on
    the distribution is the *margin* (slack) — negative means violated.
vacuous
    A hypothesis fails on the distribution, so the statement says nothing
    about it: the verdict is ``"holds"`` with ``vacuous=True``.

Examples
--------
>>> from natlat_sym.finite.families import dsbs, xor
>>> from fractions import Fraction
>>> v = exact_value("I(X1;X2)", dsbs(Fraction(1, 10)))
>>> print(v)
9/5*log2(3) - log2(5)
>>> box = enclosure("I(X1;X2)", dsbs(Fraction(1, 10)), precision=64)
>>> box.contains(Fraction(5310044064, 10**10)), float(box.width) < 1e-15
(False, True)
>>> box.lo > Fraction(5310044064, 10**10)
True
>>> exact_value("I(X1;X2)", xor()).is_zero(), str(exact_value("I(X1;X2|X3)", xor()))
(True, '1')
>>> print(check_on("I(X1;X2) >= 1/2", dsbs(Fraction(1, 10))))
holds: I(X1;X2) >= 1/2  (margin in [0.031004406410, 0.031004406411])
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

import flint
import numpy as np

from natlat_sym.errors import BudgetExceeded, DistributionError, StatementError
from natlat_sym.finite.distribution import Distribution, to_exact_number
from natlat_sym.finite.exact_values import (ExactValue, Interval, arb_midpoint_fraction, decide_sign,
                                            exact_from_log_weights)
from natlat_sym.finite.sparse import SparseDistribution, marginal_values
from natlat_sym.shannon.certificate import HypothesisForm
from natlat_sym.shannon.linear import LinearForm
from natlat_sym.verdicts import Truth

__all__ = [
    "Interval",
    "ExactValue",
    "HypothesisStatus",
    "InstanceVerdict",
    "as_linear_form",
    "float_value",
    "float_entropies",
    "exact_entropy",
    "exact_value",
    "closed_form",
    "enclosure",
    "decide_sign",
    "check_on",
]


# --------------------------------------------------------------------- coercion
def as_linear_form(expr) -> LinearForm:
    """A LinearForm from a LinearForm, a sympy information expression, or text.

    >>> print(as_linear_form("I(X;Y)"))
    H(X) + H(Y) - H(X,Y)
    """
    if isinstance(expr, LinearForm):
        return expr
    if isinstance(expr, HypothesisForm):
        return expr.form
    if isinstance(expr, str):  # the sympy-free grammar: same form as parse_expression + to_linear_form
        from natlat_sym.shannon.grammar import read_expression
        from natlat_sym.shannon.written import form_of

        return form_of(read_expression(expr))
    from natlat_sym.shannon.measures import to_linear_form

    if hasattr(expr, "normal_form") and hasattr(expr, "rel"):
        raise StatementError(f"{expr} is a relation, not an expression; use check_on to decide it")
    return to_linear_form(expr)


def _parameter_values(form: LinearForm, parameters, *, exact: bool) -> dict:
    params = dict(parameters or {})
    missing = sorted(form.parameter_names() - set(params))
    if missing:
        raise StatementError(f"missing value for parameter(s) {', '.join(missing)}; pass parameters={{...}}")
    out = {}
    for p in form.parameter_names():
        v = params[p]
        try:
            v = to_exact_number(v, f"(parameter {p})") if exact else float(v)
        except (DistributionError, TypeError, ValueError):
            raise StatementError(f"parameter {p} must be a real number, got {params[p]!r}") from None
        if v < 0:
            raise StatementError(f"parameter {p} must be >= 0, got {params[p]!r}")
        out[p] = v
    return out


def _check_variables(form: LinearForm, dist: Distribution) -> None:
    unknown = sorted(form.variables() - set(dist.names))
    if unknown:
        raise DistributionError(
            f"expression mentions {', '.join(unknown)}, not variables of the distribution ({', '.join(dist.names)})")


# --------------------------------------------------------------------- float
def float_entropies(dist: Distribution, subsets: Iterable[Iterable[str]]) -> dict[frozenset, float]:
    """Float joint entropies (bits) for each subset, as ``{frozenset: H}``."""
    p = dist.to_float()
    return {frozenset(s): p.entropy(sorted(s)) for s in subsets}


def float_value(expr, dist: Distribution, *, parameters: Mapping | None = None) -> float:
    """The value in bits as a float (not a proof of anything).

    >>> from natlat_sym.finite.families import dsbs
    >>> round(float_value("I(X1;X2)", dsbs(0.1)), 10)
    0.5310044064
    """
    form = as_linear_form(expr)
    _check_variables(form, dist)
    params = _parameter_values(form, parameters, exact=False)
    ent = float_entropies(dist, set(form.entropies) | {s for _, s in form.scaled})
    return float(form.evaluate(lambda s: ent[s], params))


# --------------------------------------------------------------------- exact
def _exact_pmf(dist: Distribution) -> Distribution:
    return dist if dist.is_exact else dist.to_exact()


def _entropy_weights(dist: Distribution, names, coefficient: Fraction, weights: dict[int, Fraction]) -> None:
    """Add ``coefficient·H(names)`` as ``Σ w_n·log2(n)`` into ``weights``."""
    for p in marginal_values(dist, names):  # dense or sparse: only the support matters
        if p:
            w = coefficient * p
            weights[p.denominator] = weights.get(p.denominator, Fraction(0)) + w
            weights[p.numerator] = weights.get(p.numerator, Fraction(0)) - w


def exact_entropy(dist: Distribution, names) -> ExactValue:
    """The joint entropy ``H(names)`` in canonical exact form.

    >>> from natlat_sym.finite.families import uniform
    >>> print(exact_entropy(uniform([3, 2], names=["A", "B"]), ["A", "B"]))
    log2(3) + 1
    """
    w: dict[int, Fraction] = {}
    _entropy_weights(_exact_pmf(dist), names, Fraction(1), w)
    return exact_from_log_weights(w, Fraction(0))


def exact_value(expr, dist: Distribution, *, parameters: Mapping | None = None) -> ExactValue:
    """The exact value as ``q0 + Σ q_b·log2(b)`` in canonical form.

    Parameter values must be exact (ints, Fractions, strings; floats are
    taken as their exact binary value)."""
    form = as_linear_form(expr)
    _check_variables(form, dist)
    params = _parameter_values(form, parameters, exact=True)
    form = form.substitute(params) if params else form
    d = _exact_pmf(dist)
    w: dict[int, Fraction] = {}
    for s, c in form.entropies.items():
        _entropy_weights(d, s, c, w)
    return exact_from_log_weights(w, form.constant)


def closed_form(expr, dist: Distribution, *, parameters: Mapping | None = None):
    """The exact value as a sympy expression (rationals and ``log`` of integers).

    >>> from natlat_sym.finite.families import dsbs
    >>> closed_form("H(X1)", dsbs(Fraction(1, 3)))
    1
    """
    return exact_value(expr, dist, parameters=parameters).to_sympy()


def _direct_enclosure(form: LinearForm, dist: Distribution, precision: int,
                      deadline: float | None = None) -> Interval | None:
    """Fast path: ``Σ c_S Σ -p·log2(p)`` directly in arb balls, marginals summed
    in ball arithmetic from the exact entries (float entries are exact
    dyadics, divided by their ball-summed total).  ``form`` has no
    parameters left.  None if a ball degenerates (then use the closed form)."""
    if isinstance(dist, SparseDistribution):
        return _sparse_enclosure(form, dist.to_exact(), precision)
    with flint.ctx.workprec(int(precision)):
        if dist.is_exact:
            balls = [flint.arb(flint.fmpq(p.numerator, p.denominator)) for p in dist.pmf.flat]
            positive = np.array([p > 0 for p in dist.pmf.flat], dtype=bool).reshape(dist.shape)
            arr = np.empty(len(balls), dtype=object)
            arr[:] = balls
            arr = arr.reshape(dist.shape)
        else:
            flat = np.asarray(dist.pmf, dtype=np.float64).ravel()
            arr = np.empty(flat.size, dtype=object)
            arr[:] = [flint.arb(float(x)) for x in flat]
            total = sum(arr, flint.arb(0))
            arr = (arr / total).reshape(dist.shape)
            positive = np.asarray(dist.pmf) > 0
        ln2 = flint.arb(2).log()
        value = flint.arb(0)
        for s, c in form.entropies.items():
            drop = tuple(i for i, n in enumerate(dist.names) if n not in s)
            marg = arr.sum(axis=drop) if drop else arr
            mask = positive.any(axis=drop) if drop else positive
            h = flint.arb(0)
            for k, (p, pos) in enumerate(zip(np.ravel(marg), np.ravel(mask))):
                if pos:
                    h -= p * p.log()
                if deadline is not None and not k % 65536 and time.perf_counter() > deadline:
                    raise BudgetExceeded("the certified enclosure did not finish within the time budget")
            value += flint.arb(flint.fmpq(c.numerator, c.denominator)) * h
        value = value / ln2 + flint.arb(flint.fmpq(form.constant.numerator, form.constant.denominator))
        if not value.is_finite():
            return None
        return Interval(arb_midpoint_fraction(value.lower()), arb_midpoint_fraction(value.upper()))


def _sparse_enclosure(form: LinearForm, dist, precision: int) -> Interval | None:
    """:func:`_direct_enclosure` on a SparseDistribution: marginals summed
    exactly on the support, then ``-p·log2(p)`` in arb balls."""
    with flint.ctx.workprec(int(precision)):
        value = flint.arb(0)
        for s, c in form.entropies.items():
            h = flint.arb(0)
            for p in dist.marginal_values(sorted(s)):
                b = flint.arb(flint.fmpq(p.numerator, p.denominator))
                h -= b * b.log()
            value += flint.arb(flint.fmpq(c.numerator, c.denominator)) * h
        value = value / flint.arb(2).log() + flint.arb(flint.fmpq(form.constant.numerator,
                                                                   form.constant.denominator))
        if not value.is_finite():
            return None
        return Interval(arb_midpoint_fraction(value.lower()), arb_midpoint_fraction(value.upper()))


def enclosure(expr, dist: Distribution, *, parameters: Mapping | None = None, precision: int = 64,
              budget: float | None = None) -> Interval:
    """A certified interval containing the exact value.

    Computed directly in ball arithmetic; when that ball contains 0 the
    canonical closed form is used instead, so exact zeros give the point
    interval ``[0, 0]``.

    Parameters
    ----------
    expr : sympy expression, str or LinearForm
    dist : Distribution
    parameters : mapping, optional
        Exact values of the expression's parameters.
    precision : int, default 64
        Working precision of the ball arithmetic, in bits.
    budget : float, optional
        Seconds; past it :class:`~natlat_sym.errors.BudgetExceeded` is raised
        instead of a (late) answer.  The closed-form fallback for a ball
        containing 0 is skipped on large supports under a budget: the ball
        is returned as it is (still certified, just not a point).
    """
    deadline = None if budget is None else time.perf_counter() + budget
    form = as_linear_form(expr)
    _check_variables(form, dist)
    params = _parameter_values(form, parameters, exact=True)
    form = form.substitute(params) if params else form
    box = _direct_enclosure(form, dist, precision, deadline)
    if isinstance(dist, SparseDistribution):  # no dense table: the sparse ball is the answer
        if box is not None and box.excludes_zero():
            return box
        return exact_value(form, dist.to_exact()).enclosure(precision)
    if box is not None and (box.excludes_zero() or (deadline is not None and dist.pmf.size > _CLOSED_FORM_CELLS)):
        return box
    return exact_value(form, dist).enclosure(precision)


#: Under a time budget, supports larger than this skip the closed form
#: (computing it for a 10^6-cell float table takes minutes).
_CLOSED_FORM_CELLS = 4096


# --------------------------------------------------------------------- verdicts
@dataclass(frozen=True)
class HypothesisStatus:
    """Whether one hypothesis holds on the distribution (certified)."""

    name: str
    text: str
    sense: str
    #: ``Truth.HOLDS`` (certified), ``Truth.VIOLATED`` (certified) or ``Truth.UNDECIDED``.
    status: Truth
    value: Interval
    exact: ExactValue | None = None

    def to_json(self) -> dict:
        return {"name": self.name, "text": self.text, "sense": self.sense, "status": Truth(self.status).value,
                "value": self.value.to_json(), "exact": None if self.exact is None else self.exact.to_json()}


@dataclass(frozen=True)
class InstanceVerdict:
    """The certified verdict of a statement on one distribution.

    Attributes
    ----------
    verdict : Truth
        ``holds``, ``violated`` or ``undecided`` (a :class:`~natlat_sym.verdicts.Truth`).
    margin : Interval
        Enclosure of the conclusion's normal form (``rhs - lhs`` for ``<=``);
        negative means violated.
    hypotheses : tuple of HypothesisStatus
    vacuous : bool
        True when the verdict is "holds" only because a hypothesis fails.
    conclusion : str
        Text of the conclusion.
    exact : ExactValue or None
        Canonical closed form of the margin (None when the fast ball
        evaluation decided without it; see :func:`exact_value`).
    precision : int
        Bits of arb precision the decision needed (0: decided exactly).
    """

    verdict: Truth
    margin: Interval
    hypotheses: tuple[HypothesisStatus, ...] = ()
    vacuous: bool = False
    conclusion: str = ""
    exact: ExactValue | None = None
    precision: int = 0

    @property
    def holds(self) -> bool:
        return self.verdict == Truth.HOLDS

    @property
    def violated(self) -> bool:
        return self.verdict == Truth.VIOLATED

    def summary(self) -> str:
        if self.verdict == Truth.HOLDS and self.vacuous:
            failed = ", ".join(h.name or h.text for h in self.hypotheses if h.status == Truth.VIOLATED)
            return f"holds vacuously (hypothesis {failed} fails)"
        return Truth(self.verdict).value

    def __str__(self) -> str:
        return f"{self.summary()}: {self.conclusion}  (margin in {self.margin})"

    def to_json(self) -> dict:
        return {"verdict": Truth(self.verdict).value, "vacuous": self.vacuous, "summary": self.summary(),
                "conclusion": self.conclusion, "margin": self.margin.to_json(),
                "exact_margin": None if self.exact is None else self.exact.to_json(),
                "precision": self.precision,
                "hypotheses": [h.to_json() for h in self.hypotheses]}


def _relation_parts(statement):
    """``(conclusion (text, form, sense), [hypotheses (name, text, form, sense)])``,
    read by the one normaliser :func:`~natlat_sym.shannon.claim.as_claim`."""
    from natlat_sym.shannon.claim import as_claim

    try:
        claim = as_claim(statement)
    except StatementError as e:
        if not str(e).startswith("not a statement"):
            raise
        raise StatementError(f"cannot check {type(statement).__name__}: pass a Statement, Relation, text, "
                             "LinearForm (meaning >= 0) or (conclusion, hypotheses)") from None
    hyps = [(h.name, text, h.form, h.sense) for h, text in zip(claim.hypotheses, claim.hypothesis_texts)]
    return (claim.conclusion_text, claim.target, claim.sense), hyps


def check_on(statement, dist: Distribution, *, parameters: Mapping | None = None,
             precision: int = 64, max_precision: int = 4096, exact_margin: bool = False) -> InstanceVerdict:
    """Decide a statement on one distribution with certified arithmetic.

    Parameters
    ----------
    statement : Statement, Relation, str, LinearForm or (conclusion, hypotheses)
        A LinearForm (or HypothesisForm) means ``form >= 0`` (or its sense).
    dist : Distribution
        The joint distribution (exact or float) over the statement's variables.
    parameters : mapping, optional
        Exact values of the statement's parameters (``{"eps": "1/100"}``).
    precision, max_precision : int, default 64 and 4096
        Starting and largest ``arb`` working precision in bits.
    exact_margin : bool
        Always compute the canonical closed form of every value (so rational
        margins come out as point intervals and ``.exact`` is filled in).
        By default a value whose fast ball enclosure already excludes 0 is
        decided from that ball alone.

    Returns
    -------
    InstanceVerdict
        "holds" if the conclusion is certified true (or, with
        ``vacuous=True``, some hypothesis is certified false); "violated" if
        every hypothesis is certified true and the conclusion certified
        false; otherwise "undecided".

    Examples
    --------
    >>> from natlat_sym.finite.families import xor
    >>> v = check_on("I(X1;X2) == 0 => I(X1;X2|X3) <= I(X1;X2)", xor(), exact_margin=True)
    >>> v.verdict, v.margin, [h.status for h in v.hypotheses]
    ('violated', Interval(lo=Fraction(-1, 1), hi=Fraction(-1, 1)), ['holds'])
    >>> print(check_on("I(X1;X3) == 1 => H(X1) <= 0", xor()))
    holds vacuously (hypothesis h1 fails): H(X1) <= 0  (margin in [-1.000000000001, -0.999999999999])
    """
    (ctext, cform, csense), hyps = _relation_parts(statement)

    def status(form, sense):
        form = as_linear_form(form)
        _check_variables(form, dist)
        params = _parameter_values(form, parameters, exact=True)
        form = form.substitute(params) if params else form
        fast = None if exact_margin else _direct_enclosure(form, dist, precision)
        if fast is not None and fast.excludes_zero():  # decided without the closed form
            sign = 1 if fast.is_positive() else -1
            ok = sign > 0 if sense == ">=" else False
            return ok, fast, None, precision
        value = exact_value(form, dist)
        sign, box, bits = decide_sign(value, precision=precision, max_precision=max_precision)
        if sense == "==":
            ok = None if sign is None else sign == 0
        else:
            ok = (True if box.is_nonnegative() else None) if sign is None else sign >= 0
        return ok, box, value, bits

    statuses = []
    used = 0
    for name, text, form, sense in hyps:
        ok, box, value, bits = status(form, sense)
        used = max(used, bits)
        label = Truth.UNDECIDED if ok is None else (Truth.HOLDS if ok else Truth.VIOLATED)
        statuses.append(HypothesisStatus(name, text, sense, label, box, value))
    ok, margin, value, bits = status(cform, csense)
    used = max(used, bits)
    vacuous = False
    if ok:
        verdict = Truth.HOLDS
    elif any(h.status == Truth.VIOLATED for h in statuses):
        verdict, vacuous = Truth.HOLDS, True
    elif ok is False and all(h.status == Truth.HOLDS for h in statuses):
        verdict = Truth.VIOLATED
    else:
        verdict = Truth.UNDECIDED
    return InstanceVerdict(verdict, margin, tuple(statuses), vacuous, ctext, value, used)
