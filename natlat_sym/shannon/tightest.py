"""Tightest constants: the least coefficients a Shannon-type proof allows.

A statement may carry *free coefficients*: parameters that multiply
entropies, such as ``c`` in

    I(M;X1,X2|L) <= I(X1;X2|L) + c*(I(M;X1|X2) + I(M;X2|X1))

Its normal form is ``f = f0 + Σ_i c_i g_i``.  The statement is
Shannon-provable for given values iff ``f`` is a nonnegative combination of
basic inequalities and hypotheses, which is linear in ``(λ, μ, c)`` jointly;
so the least ``c`` (or, for several, the least ``Σ w_i c_i``, a Pareto point)
is **one LP**.

The answer is exact: the LP optimum is rounded to rationals, then

* a certificate *at the optimum* is found and checked
  (:func:`~natlat_sym.shannon.prove.decide_piece` on ``f`` with the values
  substituted), and
* for each coefficient ``c_i > 0`` a polymatroid witness ``h`` is found with
  ``f(h; c*) = 0`` and ``g_i(h) > 0``: then lowering ``c_i`` by any
  ``δ > 0`` (others fixed) makes ``f(h) = −δ·g_i(h) < 0``, so no smaller
  value is Shannon-provable.  Both facts are checked exactly.

The witnesses are polymatroids (points of the Shannon cone), not
distributions: below the least values the statement is *not provable from
Shannon inequalities* (:attr:`~natlat_sym.verdicts.Verdict.NOT_PROVABLE`),
which does not make it false.  ``optimal`` means "least Shannon-provable";
a smaller value is shown *false* only by a distribution on which the bound is
attained (the catalog's ``tight_constants(..., attained_by=...)``).

Public functions
----------------
``tightest(statement, *, coefficients=None, weights=None, timeout=30.0)``
    Least coefficients of a Statement.
``tightest_forms(target, hypotheses, *, coefficients=None, weights=None, ...)``
    The same on normal forms.

Examples
--------
>>> from natlat_sym.shannon.linear import LinearForm as F
>>> I = F.mutual_information
>>> g = I({"X"}, {"Y"})                       # I(X;Y) <= c*H(X)
>>> f = F.entropy({"X"}).times_parameter("c") - g
>>> r = tightest_forms(f, ())
>>> r.values["c"], r.infeasible
(Fraction(1, 1), False)
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from fractions import Fraction
from html import escape

import numpy as np

from ..errors import CertificateError, StatementError
from ..limits import budget_seconds, time_budget
from ..verdicts import Verdict
from .certificate import Certificate, PolymatroidWitness, check_certificate, check_witness
from .claim import Claim, as_claim
from .display import html_math, math_block
from .cone import build_problem
from .decide import decide_piece
from .exact_recovery import find_exact_point
from .linear import LinearForm, natural_key
from .lp import propose
from .pieces import witness_from
from .printing import latex_name

__all__ = ["TightestResult", "tightest", "tightest_forms", "split_coefficients"]

#: Relative distance from the float LP optimum within which a rational is
#: taken as "the optimum"; its optimality is then certified by witnesses.
_ROUNDING_TOLERANCE = 1e-7


@dataclass(frozen=True)
class TightestResult:
    """Least coefficients, with a certificate at the optimum and optimality witnesses.

    Attributes
    ----------
    values : dict of str to Fraction
        The coefficients' values.
    certificate : Certificate
        Proves the statement at ``values`` (checked exactly).
    witnesses : dict of str to PolymatroidWitness
        For each coefficient, a point showing that a smaller value of it
        (others fixed) is not Shannon-provable (checked exactly).
    infeasible : bool
        True when no values of the coefficients give a Shannon-provable
        statement (``not_provable`` for every value; not a claim of falsity).
    reason : str
        Why optimality is not confirmed, when it is not.
    """

    values: dict = field(default_factory=dict)
    certificate: Certificate | None = None
    witnesses: dict = field(default_factory=dict)
    infeasible: bool = False
    reason: str = ""
    seconds: float = 0.0
    weights: dict = field(default_factory=dict)

    @property
    def optimal(self) -> bool:
        """True when every positive coefficient has an exactly checked witness
        that no smaller value is Shannon-provable (zero is least anyway): the
        values are the least *Shannon-provable* ones, not necessarily the
        least *true* ones."""
        return bool(self.certificate) and all(c in self.witnesses for c, v in self.values.items() if v > 0)

    def __str__(self) -> str:
        if self.infeasible:
            return "infeasible: no values of the coefficients make the statement provable"
        vals = ", ".join(f"{k} = {v}" for k, v in sorted(self.values.items()))
        tail = "optimal (exact witnesses)" if self.optimal else f"not confirmed optimal: {self.reason}"
        return f"{vals}  [{tail}] ({self.seconds:.3g} s)"

    def _repr_latex_(self) -> str:
        vals = ",\\; ".join(f"{latex_name(k)} = {_latex_fraction(v)}" for k, v in sorted(self.values.items()))
        return f"${vals}$" if vals else None

    def _repr_html_(self) -> str:
        if self.infeasible:
            return f"<p>{escape(str(self))}</p>"
        tail = "optimal (exact witnesses)" if self.optimal else f"not confirmed optimal: {self.reason}"
        vals = self._repr_latex_() or ""
        return math_block(f"<p>{html_math(vals)} <small>[{escape(tail)}] ({self.seconds:.3g} s)</small></p>")

    def to_json(self) -> dict:
        return {
            "values": {k: str(v) for k, v in sorted(self.values.items())},
            "optimal": self.optimal,
            "weights": {k: str(v) for k, v in sorted(self.weights.items())},
            "infeasible": self.infeasible,
            "certificate": self.certificate.to_json() if self.certificate else None,
            "witnesses": {k: w.to_json() for k, w in sorted(self.witnesses.items())},
            "reason": self.reason,
            "seconds": round(self.seconds, 6),
        }


def _latex_fraction(v) -> str:
    v = Fraction(v)
    if v.denominator == 1:
        return str(v.numerator)
    return ("-" if v < 0 else "") + rf"\tfrac{{{abs(v.numerator)}}}{{{v.denominator}}}"


def split_coefficients(target: LinearForm, coefficients=None):
    """``f0`` and ``{c: g_c}`` with ``f = f0 + Σ c·g_c``."""
    names = sorted({p for p, _ in target.scaled}, key=natural_key)
    if coefficients is not None:
        unknown = set(coefficients) - set(names)
        if unknown:
            raise StatementError(f"{sorted(unknown)[0]!r} does not multiply an entropy in the conclusion")
        names = list(coefficients)
    if not names:
        raise StatementError("the conclusion has no free coefficient (a parameter multiplying an entropy)")
    alone = set(names) & set(target.parameters)
    if alone:
        raise StatementError(f"coefficient {sorted(alone)[0]!r} also appears on its own; not supported")
    parts = {c: LinearForm({s: v for (p, s), v in target.scaled.items() if p == c}) for c in names}
    rest = LinearForm(target.entropies, target.parameters,
                      {k: v for k, v in target.scaled.items() if k[0] not in names}, target.constant)
    if rest.scaled:
        raise StatementError("only the coefficients being minimised may multiply entropies")
    return rest, parts


def _min_lp(problem, parts_vecs, weights, timeout):
    # scipy costs ~0.3 s (sparse) + ~0.2 s (optimize) to import; only this LP needs it
    import scipy.sparse as sp
    from scipy.optimize import linprog

    G = problem.elemental.matrix
    nrow = G.shape[0]
    ncols = problem.ncols
    Gt = sp.csr_matrix(G.T) if G.shape[1] == ncols else sp.vstack(
        [G.T, sp.csr_matrix((ncols - G.shape[1], nrow))], format="csr")
    blocks = [Gt]
    bounds = [(0, None)] * nrow
    for h, vec in zip(problem.hypotheses, problem.hyp_vectors):
        col = np.zeros((ncols, 1))
        for c, v in vec.items():
            col[c, 0] = float(v)
        blocks.append(sp.csr_matrix(col))
        bounds.append((None, None) if h.sense == "==" else (0, None))
    for c in range(problem.nent, ncols):
        col = np.zeros((ncols, 1))
        col[c, 0] = 1.0
        blocks.append(sp.csr_matrix(col))
        bounds.append((0, None))
    cost = [0.0] * (len(bounds))
    for vec, w in zip(parts_vecs, weights):
        col = np.zeros((ncols, 1))
        for c, v in vec.items():
            col[c, 0] = -float(v)
        blocks.append(sp.csr_matrix(col))
        bounds.append((0, None))
        cost.append(float(w))
    A = sp.hstack(blocks, format="csr")
    b = problem.dense(problem.target)
    res = linprog(np.array(cost), A_eq=A, b_eq=b, bounds=bounds, method="highs",
                  options={"time_limit": max(0.1, timeout)})
    return res


def tightest_forms(target: LinearForm, hypotheses=(), *, coefficients=None, weights=None, variables=None,
                   statement_text: str = "", sense: str = "<=", timeout: float = 30.0) -> TightestResult:
    """Least free coefficients of ``target >= 0`` under ``hypotheses``; see module doc."""
    claim = Claim(target, sense, tuple(hypotheses), tuple(variables) if variables is not None else (),
                  statement_text)
    return _tightest_claim(claim, coefficients=coefficients, weights=weights, timeout=timeout,
                           declared=variables is not None)


def _tightest_claim(claim: Claim, *, coefficients=None, weights=None, timeout: float = 30.0,
                    declared: bool = True) -> TightestResult:
    # every phase (LPs, exact recovery, witness checks) sees this deadline
    with time_budget(budget_seconds(timeout)):
        return _tightest_within(claim, coefficients=coefficients, weights=weights, timeout=timeout,
                                declared=declared)


def _tightest_within(claim: Claim, *, coefficients, weights, timeout: float, declared: bool) -> TightestResult:
    start = time.perf_counter()
    target, hyps, variables = claim.target, claim.hypotheses, claim.names if declared else None
    for h in hyps:
        if h.form.scaled:
            raise StatementError(f"hypothesis {h.name!r} has a free coefficient; only the conclusion may")
    f0, parts = split_coefficients(target, coefficients)
    names = list(parts)
    w = {c: Fraction(1) for c in names}
    if weights:
        for c, v in weights.items():
            if c not in parts:
                raise StatementError(f"weight given for {c!r}, which is not a free coefficient")
            v = Fraction(str(v))
            if v <= 0:
                raise StatementError(f"weight of {c!r} must be positive, got {v}")
            w[c] = v
    # Coordinates cover f0, every part and the hypotheses; the target is f0.
    # The span has a positive coefficient on every joint entropy that any of
    # them mentions, so no variable is lost when the parts cancel in a sum
    # (H(X) <= c*H(X|Y) + d*I(X;Y): f0 + g_c + g_d = 0).
    mentioned = set(f0.entropies)
    for g in parts.values():
        mentioned |= set(g.entropies)
    span = LinearForm({s: 1 for s in mentioned}, f0.parameters, constant=f0.constant)
    problem = build_problem(span, hyps, variables)
    problem = replace(problem, target_form=f0, target=problem.vector(f0))
    pvecs = [problem.vector(parts[c]) for c in names]
    res = _min_lp(problem, pvecs, [w[c] for c in names], timeout)
    if res.status == 2:
        return TightestResult(infeasible=True, reason="no values of the coefficients make it Shannon-provable",
                              seconds=time.perf_counter() - start, weights=w)
    if res.status != 0:
        return TightestResult(reason=f"LP did not finish: {res.message}", seconds=time.perf_counter() - start,
                              weights=w)
    floats = res.x[-len(names):]
    vars_all = problem.variables
    # Round the float optimum to small-denominator rationals, but only to
    # candidates that ARE the optimum up to LP tolerance: a coarser rounding
    # upwards (1/3 -> 1/2) is provable too, but it is not the least value.
    tried = set()
    for d in (1, 2, 3, 4, 6, 12, 60, 840, 10**4, 10**6):
        vals = {c: max(Fraction(0), Fraction(float(x)).limit_denominator(d)) for c, x in zip(names, floats)}
        key = tuple(sorted(vals.items()))
        if key in tried or any(abs(float(vals[c]) - float(x)) > _ROUNDING_TOLERANCE * max(1.0, abs(float(x)))
                               for c, x in zip(names, floats)):
            continue
        tried.add(key)
        ft = target.substitute(vals)
        left = timeout - (time.perf_counter() - start)
        out = decide_piece(ft, hyps, variables=vars_all, timeout=max(1.0, left), engine="auto")
        if out.status is Verdict.PROVED:
            break
    else:
        return TightestResult(reason="no exact certificate at the rounded optimum",
                              seconds=time.perf_counter() - start, weights=w)
    cert = Certificate(claim.text, vars_all, hyps, claim.relation, (out.piece,))
    check_certificate(cert, expected_target=ft, expected_hypotheses=hyps)
    witnesses = {}
    fvec = problem.vector(ft)
    hcons = [(vec, "==" if h.sense == "==" else ">=") for h, vec in zip(problem.hypotheses, problem.hyp_vectors)]
    for c, pv in zip(names, pvecs):
        if vals[c] == 0:
            continue
        prop = propose(problem, objective={k: -v for k, v in pv.items()}, extra_rows=[(fvec, "==")],
                       timeout=max(1.0, timeout - (time.perf_counter() - start)))
        x = prop.point if prop.status == "violated" else None
        cons = hcons + [(fvec, "=="), (pv, ">")]
        pt = find_exact_point(problem, x, cons, timeout=max(0.1, min(10.0, timeout - (time.perf_counter() - start))))
        if pt is None or (problem.homogenised and pt[problem.homog_col] <= 0):
            # with a constant term the tight point is a ray (constant weight 0):
            # no single finite witness shows that every smaller value fails
            continue
        wit = witness_from(problem, pt)
        lower = dict(vals)
        lower[c] = vals[c] - 1
        try:
            if wit.value(ft) != 0 or wit.value(parts[c]) <= 0:
                raise CertificateError("witness is not tight at the optimum")
            check_witness(wit, hyps, target.substitute(lower), ">=")
        except CertificateError:
            continue
        witnesses[c] = wit
    reason = "" if len(witnesses) == sum(1 for c in names if vals[c]) else \
        "optimality witness not found for some coefficient"
    return TightestResult(vals, cert, witnesses, False, reason, time.perf_counter() - start, w)


def tightest(statement, *, coefficients=None, weights=None, timeout: float = 30.0) -> TightestResult:
    """Least free coefficients of a statement; the conclusion must be ``<=`` or ``>=``.

    Parameters
    ----------
    statement : Statement, Relation, sympy relational or str
        A statement whose conclusion has free coefficients: parameters that
        multiply an entropy, as in ``"H(G|L) <= a*I(X1;X2|L) + b*H(G|X1)"``.
    coefficients : sequence of str, optional
        Which parameters are free coefficients (default: every parameter that
        multiplies an entropy).
    weights : mapping of str to number, optional
        Objective weights when several coefficients trade off (default 1 each).
    timeout : float, default 30.0
        Seconds for the whole search.

    Returns
    -------
    TightestResult
        ``values`` (exact), a certificate proving the statement at those
        values, and per-coefficient witnesses that smaller values are not
        Shannon-provable (``optimal``).

    Examples
    --------
    >>> r = tightest("H(G|L) <= a*I(X1;X2|L) + b*H(G|X1) + H(G|X2)")
    >>> print(r)
    a = 1, b = 1  [optimal (exact witnesses)] (... s)
    """
    claim = as_claim(statement, symbolic=True)
    if claim.relation == "==":
        raise StatementError("tightest needs an inequality conclusion, not '='")
    result = _tightest_claim(claim, coefficients=coefficients, weights=weights, timeout=timeout)
    if result.certificate is None:
        return result
    # The certificate proves the statement AT the values found: record that
    # statement, so that `natlat verify` re-parses exactly what it proves.
    return replace(result, certificate=replace(result.certificate, statement=_text_at(claim, result.values)))


def _text_at(claim: Claim, values) -> str:
    """The statement text with the coefficients replaced by their values,
    printed the way sympy simplifies it (``1*H(X)`` is ``H(X)``)."""
    source = claim.source
    if not hasattr(source, "substitute"):  # normal forms, or text read without sympy
        if source is None:
            return claim.substitute(values).text
        source = as_claim(claim.text, symbolic=True).source
    return str(source.substitute(values))
