"""Exact statements on finite alphabets, decided by z3's nonlinear real arithmetic.

Concept
-------
An *exact* statement (every error is 0) such as "an exact mediator and an
exact redund ⇒ the redund is a function of the mediator" (spec T4/T10)
speaks about zero patterns and product identities, not about sizes of
entropies.  For fixed alphabet sizes it becomes a first-order question over
the reals: the joint probabilities are unknowns ``p >= 0`` with ``Σ p = 1``;

* conditional independence ``A ⊥ B | C`` is the product identities
  ``p(a,b,c)·p(c) = p(a,c)·p(b,c)`` (marginals are auxiliary unknowns tied to
  sums of cells);
* functional dependence ``H(A|B) = 0`` is the support constraints
  ``p(a,b)·p(a',b) = 0`` for ``a ≠ a'``; a single variable determined by
  others is eliminated by *enumerating the function* (up to relabelling its
  values, which no entropy sees);
* the negated conclusion is one polynomial ``> 0`` (a sum of squares of the
  product identities, or a sum of the support products).

The answer is a :class:`~natlat_sym.verdicts.Truth`: z3 answers ``unsat``
(no counterexample at these sizes: ``holds``), ``sat`` (a model, re-verified
exactly with Fractions before ``violated`` is said) or nothing within the
timeout (``undecided``).  A ``holds`` is a statement about the given alphabet
sizes only.

Public functions
----------------
check_exact_on_alphabets
    Generic: hypotheses and conclusion are exact independences /
    functional dependences, one z3 problem per enumerated function.

For ternary alphabets and beyond use :func:`natlat_sym.finite.decide.decide_exact`,
which tries the Shannon prover first and splits by support pattern up to the
statement's symmetries (the catalog's T4, T13 and T14 finite checks run
through it; the hand-built T4 and T14 encodings that used to live here were
special cases of its compiler).

Examples
--------
>>> r = check_exact_on_alphabets(
...     ["I(X1;X2|L) = 0", "H(G|X1) = 0", "H(G|X2) = 0"], "H(G|L) = 0", {"X1": 2, "X2": 2, "L": 2, "G": 2})
>>> r.status
'holds'
>>> check_exact_on_alphabets(["H(G|X1) = 0"], "H(G|L) = 0", 2).status
'violated'
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from .. import z3_backend
from ..errors import StatementError
from ..limits import time_left
from ..shannon.certificate import HypothesisForm
from ..shannon.linear import LinearForm, _natural_key
from ..shannon.parse import parse_relation
from ..verdicts import Truth
from ._exact_logs import log_combination
from ._exact_cases import alphabet_sizes, cells_by_marginal, functions_up_to_relabel  # shared with the case compiler
from ._polynomials import add as _add, mul as _mul, var as _var
from ._structure import Determination, Independence, recognize
from .distribution import Distribution

__all__ = ["InstanceResult", "check_exact_on_alphabets"]


@dataclass(frozen=True)
class InstanceResult:
    """Verdict of an exact statement at given alphabet sizes.

    Attributes
    ----------
    status : Truth
        ``holds`` (z3 proved no counterexample exists at these sizes),
        ``violated`` (a counterexample, verified exactly, is in
        ``distribution``) or ``undecided`` (timeout or an irrational model).
    distribution : Distribution or None
    seconds : float
    sizes : dict of str to int
        Alphabet size of every variable.
    statement : str
    cases : int
        Number of z3 problems solved (function / support case split).
    reason : str
        Why the answer is undecided, else "".
    """

    status: Truth
    distribution: object
    seconds: float
    sizes: Mapping
    statement: str = ""
    cases: int = 0
    reason: str = ""

    def to_json(self) -> dict:
        return {
            "status": Truth(self.status).value,
            "statement": self.statement,
            "sizes": dict(self.sizes),
            "distribution": self.distribution.to_json() if self.distribution is not None else None,
            "seconds": self.seconds,
            "cases": self.cases,
            "reason": self.reason,
        }


# ----------------------------------------------------------------------------- conditions

def _condition(item, where: str):
    if isinstance(item, (Independence, Determination)):
        return item
    form = None
    if isinstance(item, str):
        rel = parse_relation(item)
        form = rel.normal_form()
    elif isinstance(item, HypothesisForm):
        form = item.form
    elif isinstance(item, LinearForm):
        form = item
    elif hasattr(item, "normal_form"):
        form = item.normal_form()
    else:
        raise StatementError(f"{where}: not a condition: {item!r}")
    r = recognize(form) or recognize(-form)
    if r is None:
        raise StatementError(f"{where}: {form} = 0 is not an exact independence I(A;B|C) = 0 or dependence H(A|B) = 0")
    return r


def _conditions(items, where) -> list:
    if isinstance(items, (str, Independence, Determination, LinearForm, HypothesisForm)) or hasattr(items, "normal_form"):
        items = [items]
    return [_condition(x, f"{where} {k}") for k, x in enumerate(items, start=1)]


def _names_of(conds) -> tuple[str, ...]:
    out: set = set()
    for c in conds:
        out |= c.form().variables()
    return tuple(sorted(out, key=_natural_key))


# ----------------------------------------------------------------------------- polynomials

class _Encoding:
    """Cells of the joint over the free variables; derived variables are
    fixed functions of their parents; marginals are auxiliary unknowns."""

    def __init__(self, names, sizes, derived: Mapping[str, tuple]):
        self.names = tuple(names)
        self.sizes = sizes
        self.derived = dict(derived)  # v -> (given names tuple, {given values tuple: value})
        self.free = tuple(n for n in names if n not in derived)
        self.cells = []
        for vals in itertools.product(*(range(sizes[n]) for n in self.free)):
            full = dict(zip(self.free, vals))
            for v in self._derived_order():
                given, f = self.derived[v]
                full[v] = f[tuple(full[g] for g in given)]
            self.cells.append(tuple(full[n] for n in self.names))
        self.constraints = []
        for i in range(len(self.cells)):
            self.constraints.append((_var(f"p{i}"), ">="))
        self.constraints.append(({**{((f"p{i}", 1),): Fraction(1) for i in range(len(self.cells))}, (): Fraction(-1)}, "=="))
        self._marg: dict = {}

    def _derived_order(self):
        done, order = set(self.free), []
        pending = list(self.derived)
        while pending:
            for v in pending:
                if all(g in done for g in self.derived[v][0]):
                    order.append(v)
                    done.add(v)
                    pending.remove(v)
                    break
        return order

    def marginal(self, subset) -> dict:
        """{values tuple (in names order restricted to subset): aux variable name}."""
        key = tuple(n for n in self.names if n in subset)
        if key not in self._marg:
            _, groups = cells_by_marginal(self.names, self.cells, subset)
            tag = "_".join(key) if key else "all"
            out = {}
            for vals in itertools.product(*(range(self.sizes[n]) for n in key)):
                members = groups.get(vals, [])
                name = f"m_{tag}_{'_'.join(map(str, vals))}"
                out[vals] = name
                poly = {((name, 1),): Fraction(1)}
                for i in members:
                    poly[((f"p{i}", 1),)] = poly.get(((f"p{i}", 1),), Fraction(0)) - 1
                self.constraints.append((poly, "=="))
            self._marg[key] = out
        return self._marg[key]

    def _split(self, subset, vals_full, key_full):
        key = tuple(n for n in self.names if n in subset)
        return tuple(vals_full[key_full.index(n)] for n in key)

    def independence_terms(self, c: Independence) -> list[dict]:
        """Polynomials m(abc)m(c) − m(ac)m(bc), one per value tuple."""
        key = tuple(n for n in self.names if n in c.left | c.right | c.given)
        mabc, mc = self.marginal(c.left | c.right | c.given), self.marginal(c.given)
        mac, mbc = self.marginal(c.left | c.given), self.marginal(c.right | c.given)
        out = []
        for vals in itertools.product(*(range(self.sizes[n]) for n in key)):
            t1 = _mul(_var(mabc[vals]), _var(mc[self._split(c.given, vals, key)]))
            t2 = _mul(_var(mac[self._split(c.left | c.given, vals, key)]), _var(mbc[self._split(c.right | c.given, vals, key)]))
            out.append(_add(t1, t2, -1))
        return out

    def determination_terms(self, c: Determination) -> list[dict]:
        """Products m(a,b)·m(a',b) for a ≠ a'."""
        key = tuple(n for n in self.names if n in c.target | c.given)
        m = self.marginal(c.target | c.given)
        tkey = tuple(n for n in key if n in c.target)
        gkey = tuple(n for n in key if n in c.given)
        out = []
        for gvals in itertools.product(*(range(self.sizes[n]) for n in gkey)):
            tvals_all = list(itertools.product(*(range(self.sizes[n]) for n in tkey)))
            for t1, t2 in itertools.combinations(tvals_all, 2):
                def full(tv):
                    d = dict(zip(tkey, tv))
                    d.update(zip(gkey, gvals))
                    return tuple(d[n] for n in key)
                out.append(_mul(_var(m[full(t1)]), _var(m[full(t2)])))
        return out

    def holds(self, c) -> list:
        if isinstance(c, Independence):
            return [(t, "==") for t in self.independence_terms(c)]
        return [(t, "==") for t in self.determination_terms(c)]

    def violations(self, c) -> list[list]:
        """Alternatives (a disjunction) each of which violates ``c``; every
        alternative is a list of constraints.  A dependence fails when two
        values of the target share a value of the given variables (two
        positive masses; one alternative: their sum of products > 0); an independence fails when one product
        identity is positive or negative (z3 handles these small
        disjunctions faster as separate problems)."""
        alts = []
        if isinstance(c, Independence):
            for t in self.independence_terms(c):
                alts.append([(t, ">")])
                alts.append([(t, "<")])
        else:
            # relabelling the values of a free variable that no enumerated
            # function reads is a symmetry: its value in the witness pair may be 0
            parents = {g for given, _ in self.derived.values() for g in given}
            symmetric = [n for n in c.given if n in self.free and n not in parents]
            key = tuple(n for n in self.names if n in c.target | c.given)
            total: dict = {}
            for t in self.determination_terms(c):
                (m1, _), = [tuple(v for v, _ in mono) for mono in t]
                vals = dict(zip(key, (int(x) for x in m1.rsplit("_", len(key))[1:])))
                if all(vals[n] == 0 for n in symmetric):
                    total = _add(total, t)
            if total:
                alts.append([(total, ">")])
        return alts

    def distribution(self, model: Mapping[str, Fraction]):
        arr = np.empty(tuple(self.sizes[n] for n in self.names), dtype=object)
        arr[...] = Fraction(0)
        for i, cell in enumerate(self.cells):
            arr[cell] = arr[cell] + Fraction(model.get(f"p{i}", 0))
        return Distribution.from_array(arr, self.names, exact=True)


def _verify_refutation(dist, hyps, concl) -> bool:
    names = dist.names
    for c in hyps:
        if not log_combination(dist.pmf, names, c.form()).is_zero():
            return False
    return any(not log_combination(dist.pmf, names, c.form()).is_zero() for c in concl)


def _text(hyps, concl) -> str:
    h = ", ".join(str(c) for c in hyps)
    return (h + " => " if h else "") + " and ".join(str(c) for c in concl)


def _run_cases(cases, hyps, concl, timeout, t0, sizes, text):
    """cases: iterable of (_Encoding, extra constraints)."""
    n = 0
    reasons = []
    outer = time_left()  # a caller's time budget bounds these cases too
    if outer is not None:
        timeout = min(timeout, time.perf_counter() - t0 + outer)
    for enc, extra in cases:
        base = list(extra)
        for c in hyps:
            base += enc.holds(c)
        for c in concl:
            remaining = timeout - (time.perf_counter() - t0)
            if remaining <= 0:
                return InstanceResult(Truth.UNDECIDED, None, time.perf_counter() - t0, sizes, text, n, "timeout")
            for alternative in enc.violations(c):  # may add marginal definitions to enc.constraints
                remaining = timeout - (time.perf_counter() - t0)
                if remaining <= 0:
                    return InstanceResult(Truth.UNDECIDED, None, time.perf_counter() - t0, sizes, text, n, "timeout")
                cons = enc.constraints + base + alternative
                res = z3_backend.solve(cons, timeout=remaining, nonlinear=True)
                n += 1
                if res.status == "sat":
                    if res.exact:
                        dist = enc.distribution(res.model)
                        if _verify_refutation(dist, hyps, concl):
                            return InstanceResult(Truth.VIOLATED, dist, time.perf_counter() - t0, sizes, text, n)
                    reasons.append("z3 model is irrational or failed the exact re-check")
                elif res.status == "unknown":
                    reasons.append(res.reason or "timeout")
    if reasons:
        return InstanceResult(Truth.UNDECIDED, None, time.perf_counter() - t0, sizes, text, n, reasons[0])
    return InstanceResult(Truth.HOLDS, None, time.perf_counter() - t0, sizes, text, n)


def check_exact_on_alphabets(hypotheses, conclusion, alphabets, *, timeout: float = 60.0,
                             eliminate_functions: bool = True) -> InstanceResult:
    """Decide an exact statement on all distributions with given alphabet sizes.

    Parameters
    ----------
    hypotheses : sequence
        Exact conditions, each an :class:`Independence`, a
        :class:`Determination`, relation text (``"I(X1;X2|L) = 0"``), a
        LinearForm (meaning ``form == 0``) or a HypothesisForm.
    conclusion : condition or sequence of conditions
        Their conjunction is the conclusion.
    alphabets : int, sequence or mapping
        Alphabet size of every variable (sequence in natural name order).
    timeout : float
        Seconds in total; on expiry the answer is ``undecided``.
    eliminate_functions : bool
        Replace a variable determined by others (``H(G|X1) = 0``) by an
        enumerated function (faster; exact).

    Returns
    -------
    InstanceResult

    Raises
    ------
    StatementError
        A condition that is not an exact independence or dependence; bad sizes.
    """
    t0 = time.perf_counter()
    hyps = _conditions(hypotheses, "hypothesis")
    concl = _conditions(conclusion, "conclusion")
    if not concl:
        raise StatementError("the conclusion is empty")
    names = _names_of(hyps + concl)
    sizes = alphabet_sizes(alphabets, names)
    text = _text(hyps, concl)
    derived: dict = {}
    if eliminate_functions:
        for c in hyps:
            if isinstance(c, Determination) and len(c.target) == 1:
                v = next(iter(c.target))
                given = tuple(n for n in names if n in c.given)
                if v in derived or any(g in derived for g in given) or not given:
                    continue
                derived[v] = given
    used = {v: g for v, g in derived.items()}
    remaining_hyps = [c for c in hyps if not (isinstance(c, Determination) and len(c.target) == 1
                                              and next(iter(c.target)) in used
                                              and tuple(n for n in names if n in c.given) == used[next(iter(c.target))])]

    def cases():
        dvars = list(used)
        options = []
        for v in dvars:
            domain = list(itertools.product(*(range(sizes[g]) for g in used[v])))
            options.append([(v, dict(zip(domain, f))) for f in functions_up_to_relabel(len(domain), sizes[v])])
        for choice in itertools.product(*options):
            enc = _Encoding(names, sizes, {v: (used[v], f) for v, f in choice})
            yield enc, []

    return _run_cases(cases(), remaining_hyps, concl, timeout, t0, sizes, text)
