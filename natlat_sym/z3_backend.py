"""The one module that imports z3.

natlat_sym uses z3 as an *exact* decision procedure for real arithmetic:
linear real arithmetic for Shannon-cone questions and nonlinear real
arithmetic for finite-alphabet questions.  Nothing z3-specific leaves this
module: constraints come in as plain Python data (dicts of
:class:`fractions.Fraction` coefficients) and models go out as Fractions
(or, for irrational algebraic values of nonlinear problems, decimal
approximations flagged as inexact).  Every timeout maps to ``"unknown"``.

Time: :func:`solve` never runs past the caller's budget.  Its ``timeout``
is cut to what is left of the innermost :func:`natlat_sym.limits.time_budget`
(so a ``timeout=`` given to ``prove``, ``decide_exact`` ... bounds every z3
call inside, whatever timeout the inner code asked for), and a spent budget
answers ``"unknown"`` without calling z3.  z3's nonlinear solver (nlsat)
checks its timeout only between steps and may overshoot it; callers that
must stop on time run it in a worker process
(:func:`natlat_sym.finite.decide.decide_exact` does).

z3's answers are still only proposals: callers re-check models and
certificates in exact arithmetic before reporting a verdict.

Constraint format
-----------------
A *polynomial* is a dict mapping a *monomial* to a coefficient; a monomial
is a tuple of ``(variable, power)`` pairs (``()`` is the constant monomial).
A *linear* constraint is the special case of monomials of degree <= 1; the
helper :func:`linear` builds one from ``{var: coeff}`` and a constant.

A constraint is ``(polynomial, relation)`` with relation one of ``">="``,
``">"``, ``"=="``, ``"<="``, ``"<"``, ``"!="`` against zero.

Examples
--------
>>> from fractions import Fraction
>>> x_ge_1 = (linear({"x": 1}, -1), ">=")
>>> x_lt_1 = (linear({"x": 1}, -1), "<")
>>> solve([x_ge_1, x_lt_1]).status
'unsat'
>>> r = solve([(linear({"x": 2}, -1), "==")])
>>> r.status, r.model["x"]
('sat', Fraction(1, 2))
>>> sq = {(("x", 2),): Fraction(1), (): Fraction(-2)}   # x^2 - 2 == 0, x > 0
>>> r = solve([(sq, "=="), (linear({"x": 1}), ">")])
>>> r.status, r.exact
('sat', False)
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

import z3

from .limits import time_left

__all__ = ["SolveResult", "solve", "linear", "z3_version"]

Monomial = tuple  # tuple[tuple[str, int], ...]
Polynomial = Mapping  # Mapping[Monomial, Fraction]


def z3_version() -> str:
    return z3.get_version_string()


def linear(coefficients: Mapping[str, Fraction | int], constant: Fraction | int = 0) -> dict:
    """``Σ c_v·v + constant`` as a polynomial dict."""
    poly = {((v, 1),): Fraction(c) for v, c in coefficients.items() if c}
    if constant:
        poly[()] = Fraction(constant)
    return poly


@dataclass(frozen=True)
class SolveResult:
    """Outcome of :func:`solve`.

    Attributes
    ----------
    status : str
        ``"sat"``, ``"unsat"`` or ``"unknown"``.
    model : dict of str to Fraction
        Values of the variables when ``status == "sat"`` (variables z3 left
        unconstrained are reported as 0).
    exact : bool
        False when some model value is an irrational algebraic number, given
        here as a close rational approximation (not to be trusted as exact).
    core : tuple of str
        Names of tracked constraints in the unsat core (``status == "unsat"``
        and names were given).
    reason : str
        Why the answer is unknown (z3's reason string), else "".
    """

    status: str
    model: dict = field(default_factory=dict)
    exact: bool = True
    core: tuple = ()
    reason: str = ""


def _rat(c: Fraction):
    c = Fraction(c)
    return z3.RealVal(f"{c.numerator}/{c.denominator}") if c.denominator != 1 else z3.RealVal(c.numerator)


def _product(factors: tuple, vars_, products: dict):
    """``x1 * x2 * ... * xk`` built left to right, each prefix built once per
    :func:`solve` call and kept in ``products``.  z3 shares equal terms, so
    this is the very expression built without the cache; building it is
    most of the Python-side cost of a polynomial problem (thousands of
    monomials share their prefixes)."""
    prod = products.get(factors)
    if prod is None:
        prod = vars_[factors[0]] if len(factors) == 1 else _product(factors[:-1], vars_, products) * vars_[factors[-1]]
        products[factors] = prod
    return prod


def _term(monomial, coeff, vars_, products: dict):
    factors = tuple(v for v, k in monomial for _ in range(int(k)))
    if not factors:
        return _rat(coeff)
    prod = _product(factors, vars_, products)
    return prod if coeff == 1 else _rat(coeff) * prod


def _expr(poly, vars_, products: dict | None = None):
    products = {} if products is None else products
    terms = [_term(m, c, vars_, products) for m, c in poly.items() if c]
    if not terms:
        return z3.RealVal(0)
    return z3.Sum(terms) if len(terms) > 1 else terms[0]


def _to_fraction(val) -> tuple[Fraction, bool]:
    if z3.is_rational_value(val):
        return Fraction(val.numerator_as_long(), val.denominator_as_long()), True
    if z3.is_algebraic_value(val):
        approx = val.approx(30)
        return Fraction(approx.numerator_as_long(), approx.denominator_as_long()), False
    return Fraction(0), False


_REL = {
    ">=": lambda e: e >= 0, ">": lambda e: e > 0, "==": lambda e: e == 0,
    "<=": lambda e: e <= 0, "<": lambda e: e < 0, "!=": lambda e: e != 0,
}


def solve(constraints: Sequence[tuple], *, timeout: float = 10.0, names: Sequence[str] | None = None,
          variables: Sequence[str] | None = None, nonlinear: bool | None = None) -> SolveResult:
    """Decide satisfiability of a conjunction of polynomial constraints over
    the reals, exactly.

    Parameters
    ----------
    constraints : sequence of (polynomial, relation)
    timeout : float
        Seconds; on expiry the answer is ``"unknown"``.  Cut to the time left
        in the enclosing :func:`natlat_sym.limits.time_budget`, if any.
    names : sequence of str, optional
        One name per constraint (None to leave a constraint untracked); the
        unsat core reports the tracked names it needed.
    variables : sequence of str, optional
        Variables to report in the model (default: all that occur).
    nonlinear : bool, optional
        Force the nonlinear (``QF_NRA``) or linear (``QF_LRA``) solver; by
        default chosen from the degree of the constraints.
    """

    left = time_left()
    if left is not None:
        timeout = min(timeout, left)
    if not timeout > 0:  # also nan
        return SolveResult("unknown", reason="time budget exhausted")
    deadline = time.monotonic() + timeout
    seen: dict[str, None] = {}
    degree = 0
    for poly, rel in constraints:
        if rel not in _REL:
            raise ValueError(f"unknown relation {rel!r}")
        for m in poly:
            degree = max(degree, sum(int(k) for _, k in m))
            for v, _ in m:
                seen.setdefault(v, None)
    for v in variables or ():
        seen.setdefault(v, None)
    ctx_vars = {v: z3.Real(v) for v in seen}
    if nonlinear is None:
        nonlinear = degree > 1
    solver = z3.SolverFor("QF_NRA") if nonlinear else z3.SolverFor("QF_LRA")
    tracked = {}
    products: dict = {}
    for k, (poly, rel) in enumerate(constraints):
        c = _REL[rel](_expr(poly, ctx_vars, products))
        name = names[k] if names is not None else None
        if name:
            b = z3.Bool(f"__track_{k}")
            tracked[str(b)] = name
            solver.assert_and_track(c, b)
        else:
            solver.add(c)
    left = deadline - time.monotonic()  # building the constraints took part of the budget
    if left <= 0:
        return SolveResult("unknown", reason="time budget exhausted")
    solver.set("timeout", max(1, int(left * 1000)))
    res = solver.check()
    if res == z3.unsat:
        core = tuple(tracked[str(b)] for b in solver.unsat_core()) if tracked else ()
        return SolveResult("unsat", core=core)
    if res == z3.sat:
        m = solver.model()
        model, exact = {}, True
        for v in (variables or seen):
            val = m.eval(ctx_vars.get(v, z3.Real(v)), model_completion=True)
            fr, ok = _to_fraction(val)
            model[v] = fr
            exact = exact and ok
        return SolveResult("sat", model=model, exact=exact)
    return SolveResult("unknown", reason=str(solver.reason_unknown()))
