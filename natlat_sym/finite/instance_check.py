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
    functional dependences.
check_exact_mediator_determines_redund
    Spec T4/T10 exact case with the mediation hypothesis built into the
    parametrisation (fast enough for ternary alphabets).
check_exact_stochastic_gives_deterministic
    Spec T14: an exact stochastic natural latent ``L`` of ``(X1, X2)``
    forces the Gács–Körner label to be an exact deterministic natural
    latent (case split over the support pattern of ``P[X1,X2]``).

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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from .. import z3_backend
from ..errors import StatementError
from ..shannon.certificate import HypothesisForm
from ..shannon.linear import LinearForm, _natural_key
from ..verdicts import Truth
from ._exact_logs import log_combination
from .common_information import component_labels
from ._structure import Determination, Independence, recognize

__all__ = ["InstanceResult", "check_exact_on_alphabets", "check_exact_stochastic_gives_deterministic",
           "check_exact_mediator_determines_redund"]


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
        from ..shannon.parse import parse_relation
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


def _sizes(alphabets, names) -> dict:
    if isinstance(alphabets, int) and not isinstance(alphabets, bool):
        sizes = {n: alphabets for n in names}
    elif isinstance(alphabets, Mapping):
        sizes = dict(alphabets)
    else:
        seq = tuple(alphabets)
        if len(seq) != len(names):
            raise StatementError(f"{len(seq)} alphabet sizes for {len(names)} variables ({', '.join(names)})")
        sizes = dict(zip(names, seq))
    for n in names:
        k = sizes.get(n)
        if k is None:
            raise StatementError(f"no alphabet size given for variable {n}")
        if not isinstance(k, int) or isinstance(k, bool) or k < 1:
            raise StatementError(f"alphabet size of {n} must be a positive integer, got {k!r}")
    return {n: sizes[n] for n in names}


# ----------------------------------------------------------------------------- polynomials

def _mono(*factors) -> tuple:
    powers: dict = {}
    for v in factors:
        powers[v] = powers.get(v, 0) + 1
    return tuple(sorted(powers.items()))


def _mul(p: dict, q: dict) -> dict:
    out: dict = {}
    for m1, c1 in p.items():
        for m2, c2 in q.items():
            powers = dict(m1)
            for v, k in m2:
                powers[v] = powers.get(v, 0) + k
            m = tuple(sorted(powers.items()))
            out[m] = out.get(m, Fraction(0)) + c1 * c2
    return {m: c for m, c in out.items() if c}


def _add(p: dict, q: dict, k=1) -> dict:
    out = dict(p)
    for m, c in q.items():
        out[m] = out.get(m, Fraction(0)) + k * c
    return {m: c for m, c in out.items() if c}


def _var(v: str) -> dict:
    return {((v, 1),): Fraction(1)}


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
            idx = [self.names.index(n) for n in key]
            groups: dict = {}
            for i, cell in enumerate(self.cells):
                groups.setdefault(tuple(cell[j] for j in idx), []).append(i)
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
        from .distribution import Distribution
        arr = np.empty(tuple(self.sizes[n] for n in self.names), dtype=object)
        arr[...] = Fraction(0)
        for i, cell in enumerate(self.cells):
            arr[cell] = arr[cell] + Fraction(model.get(f"p{i}", 0))
        return Distribution.from_array(arr, self.names, exact=True)


def _functions_up_to_relabel(domain: int, codomain: int):
    """Restricted growth strings: functions range(domain) -> range(codomain)
    up to permutations of the codomain."""
    def rec(prefix, top):
        if len(prefix) == domain:
            yield tuple(prefix)
            return
        for v in range(min(top + 2, codomain)):
            yield from rec(prefix + [v], max(top, v))
    yield from rec([], -1)


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
    sizes = _sizes(alphabets, names)
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
            options.append([(v, dict(zip(domain, f))) for f in _functions_up_to_relabel(len(domain), sizes[v])])
        for choice in itertools.product(*options):
            enc = _Encoding(names, sizes, {v: (used[v], f) for v, f in choice})
            yield enc, []

    return _run_cases(cases(), remaining_hyps, concl, timeout, t0, sizes, text)


def _canonical_patterns(m: int, n: int):
    seen = set()
    for bits in range(1, 1 << (m * n)):
        pat = np.array([(bits >> i) & 1 for i in range(m * n)], dtype=np.int8).reshape(m, n)
        keys = []
        for rp in itertools.permutations(range(m)):
            for cp in itertools.permutations(range(n)):
                keys.append(pat[list(rp)][:, list(cp)].tobytes())
        key = min(keys)
        if key not in seen:
            seen.add(key)
            yield pat


def check_exact_stochastic_gives_deterministic(alphabets=(2, 2, 2), *, timeout: float = 120.0,
                                              mediation: bool = True) -> InstanceResult:
    """Spec T14 at given sizes ``(|X1|, |X2|, |L|)``: if ``L`` is an exact
    stochastic natural latent of ``(X1, X2)`` — ``I(X1;X2|L) = 0``,
    ``I(L;X1|X2) = 0``, ``I(L;X2|X1) = 0`` — then the Gács–Körner label
    ``K`` (connected component of the support of ``P[X1,X2]``) satisfies
    ``I(X1;X2|K) = 0`` (``H(K|X1) = H(K|X2) = 0`` by construction).

    Cases: one z3 problem per support pattern of ``P[X1,X2]`` up to
    row/column permutations; in each, ``K`` is a fixed function and the two
    redundancy hypotheses are built into the parametrisation (see
    :func:`_t14_case`), so ternary alphabets are decided too.
    ``mediation=False`` drops ``I(X1;X2|L) = 0`` (a false statement), which
    shows the encoding does find counterexamples.

    Examples
    --------
    >>> check_exact_stochastic_gives_deterministic((2, 2, 2), timeout=60).status
    'holds'
    """
    t0 = time.perf_counter()
    try:
        m, n, k = (int(a) for a in alphabets)
    except (TypeError, ValueError):
        raise StatementError(f"alphabets must be three sizes (|X1|, |X2|, |L|), got {alphabets!r}") from None
    if min(m, n, k) < 1:
        raise StatementError(f"alphabet sizes must be positive, got {alphabets!r}")
    sizes = {"L": k, "X1": m, "X2": n}
    text = (("I(X1;X2|L) = 0, " if mediation else "") + "I(L;X1|X2) = 0, I(L;X2|X1) = 0 => I(X1;X2|K) = 0 "
            "for the Gács–Körner label K")
    n_cases = 0
    for pat in _canonical_patterns(m, n):
        remaining = timeout - (time.perf_counter() - t0)
        if remaining <= 0:
            return InstanceResult(Truth.UNDECIDED, None, time.perf_counter() - t0, sizes, text, n_cases,
                                  f"time budget of {timeout:g} s exhausted after {n_cases} cases")
        cons, build = _t14_case(pat, k, mediation=mediation)
        res = z3_backend.solve(cons, timeout=remaining, nonlinear=True)
        n_cases += 1
        if res.status == "unsat":
            continue
        if res.status == "sat" and res.exact:
            dist = build(res.model)
            if _t14_violated(dist, pat, mediation=mediation):
                return InstanceResult(Truth.VIOLATED, dist, time.perf_counter() - t0, sizes, text, n_cases)
        reason = res.reason or ("z3 model is irrational or failed the exact re-check"
                                if res.status == "sat" else "z3 gave no answer")
        return InstanceResult(Truth.UNDECIDED, None, time.perf_counter() - t0, sizes, text, n_cases, reason)
    return InstanceResult(Truth.HOLDS, None, time.perf_counter() - t0, sizes, text, n_cases)


def _t14_case(pat: np.ndarray, k: int, *, mediation: bool = True):
    """Constraints of spec T14 on one support pattern of ``P[X1,X2]``.

    On the support, ``I(L;X1|X2) = I(L;X2|X1) = 0`` say ``P(l|x1,x2)``
    depends only on ``x2`` and only on ``x1``, hence is constant on each
    connected component ``K`` of the support graph; conversely any such
    posterior satisfies both.  So ``P(x1,x2,l) = q(x1,x2)·c_K(l)`` with
    ``q > 0`` exactly on the pattern is a complete parametrisation, and only
    the mediation ``I(X1;X2|L) = 0`` remains as polynomial identities.  The
    negated conclusion: on some component's block ``q(x1,x2)·Q_K ≠
    r(x1)·s(x2)`` (a sum of squares ``> 0``).  Returns the constraints and a
    function turning an exact model into the distribution of ``(X1, X2, L)``.
    """
    from .distribution import Distribution

    m, n = pat.shape
    labels = component_labels(pat)
    cells = [(a, b) for a in range(m) for b in range(n) if pat[a, b]]
    comp_of = {c: int(labels[c]) for c in cells}
    comps = sorted(set(comp_of.values()))
    q = {c: f"q{c[0]}_{c[1]}" for c in cells}
    cvar = {(K, l): f"c{K}_{l}" for K in comps for l in range(k)}
    cons = [(z3_backend.linear({v: 1}), ">") for v in q.values()]
    cons.append((z3_backend.linear({v: 1 for v in q.values()}, -1), "=="))
    for K in comps:
        cons += [(z3_backend.linear({cvar[K, l]: 1}), ">=") for l in range(k)]
        cons.append((z3_backend.linear({cvar[K, l]: 1 for l in range(k)}, -1), "=="))

    def joint(a, b, l):  # P(a, b, l) as a polynomial
        return {} if (a, b) not in q else {_monomial(q[(a, b)], cvar[comp_of[(a, b)], l]): Fraction(1)}

    def total(polys):
        out: dict = {}
        for p in polys:
            for mono, c in p.items():
                out[mono] = out.get(mono, Fraction(0)) + c
        return out

    def times(p1, p2, sign=1):
        out: dict = {}
        for m1, c1 in p1.items():
            for m2, c2 in p2.items():
                mono = _monomial(*[v for v, e in m1 for _ in range(e)], *[v for v, e in m2 for _ in range(e)])
                out[mono] = out.get(mono, Fraction(0)) + sign * c1 * c2
        return out

    for l in range(k) if mediation else ():
        pl = total(joint(a, b, l) for a in range(m) for b in range(n))
        row = {a: total(joint(a, b, l) for b in range(n)) for a in range(m)}
        col = {b: total(joint(a, b, l) for a in range(m)) for b in range(n)}
        for a in range(m):
            for b in range(n):
                ident = total([times(joint(a, b, l), pl), times(row[a], col[b], -1)])
                ident = {mono: c for mono, c in ident.items() if c}
                if ident:
                    cons.append((ident, "=="))
    violation: dict = {}
    for K in comps:
        rows = sorted({a for (a, b) in cells if comp_of[(a, b)] == K})
        cols = sorted({b for (a, b) in cells if comp_of[(a, b)] == K})
        qk = {_monomial(q[c]): Fraction(1) for c in cells if comp_of[c] == K}
        for a in rows:
            for b in cols:
                cell = {_monomial(q[(a, b)]): Fraction(1)} if (a, b) in q else {}
                r = {_monomial(q[(a, y)]): Fraction(1) for y in range(n) if (a, y) in q}
                s_ = {_monomial(q[(x, b)]): Fraction(1) for x in range(m) if (x, b) in q}
                diff = total([times(cell, qk), times(r, s_, -1)])
                diff = {mono: c for mono, c in diff.items() if c}
                violation = total([violation, times(diff, diff)])
    violation = {mono: c for mono, c in violation.items() if c}
    if not violation:
        cons.append(({(): Fraction(1)}, "<"))  # no way to violate on this pattern: 1 < 0
    else:
        cons.append((violation, ">"))

    def build(model):
        pmf = np.empty((m, n, k), dtype=object)
        for a, b, l in np.ndindex(m, n, k):
            pmf[a, b, l] = (model[q[(a, b)]] * model[cvar[comp_of[(a, b)], l]]) if (a, b) in q else Fraction(0)
        return Distribution.from_array(pmf, ("X1", "X2", "L"), exact=True)

    return cons, build


def _t14_violated(dist, pat: np.ndarray, *, mediation: bool = True) -> bool:
    """Exact re-check of a T14 counterexample: the three hypotheses hold and
    ``I(X1;X2|K) > 0`` for the component label ``K``."""
    from .evaluate import check_on

    labels = component_labels(pat)
    k_of_row = [max(int(k) for k in row) if row.max() >= 0 else 0 for row in labels]
    try:
        with_k = dist.with_latent("K", function=lambda x1, x2, l: k_of_row[x1])
        hyps = ("I(X1;X2|L) = 0, " if mediation else "") + "I(L;X1|X2) = 0, I(L;X2|X1) = 0"
        verdict = check_on(hyps + " => I(X1;X2|K) = 0", with_k)
    except Exception:  # noqa: BLE001 - anything odd is not a verified counterexample
        return False
    return verdict.verdict == Truth.VIOLATED and not verdict.vacuous


def _monomial(*names) -> tuple:
    counts: dict = {}
    for v in names:
        counts[v] = counts.get(v, 0) + 1
    return tuple(sorted(counts.items()))


def check_exact_mediator_determines_redund(alphabets=(2, 2, 2, 2), *, timeout: float = 60.0,
                                          redund_of_x2: bool = True) -> InstanceResult:
    """Spec T4/T10, exact case, at sizes ``(|X1|, |X2|, |L|, |G|)``: if
    ``I(X1;X2|L) = 0``, ``H(G|X1) = 0`` and ``H(G|X2) = 0`` then ``H(G|L) = 0``.

    Encoding.  Mediation is built in rather than stated as product
    identities: every distribution with ``X1 ⊥ X2 | L`` is
    ``P(x1,x2,l) = π_l · a_l(x1) · b_l(x2)`` with probability vectors ``π``,
    ``a_l``, ``b_l`` (a complete parametrisation).  ``G`` is eliminated by
    enumerating the functions ``G = f(X1)`` and ``G = g(X2)`` (with
    ``f(0) = 0``: relabelling ``G``'s values changes no entropy); the
    hypotheses become ``π_l a_l(x1) b_l(x2) = 0`` whenever ``f(x1) ≠ g(x2)``,
    and a counterexample needs ``Σ π_l a_l(x1) a_l(x1') > 0`` over pairs with
    ``f(x1) ≠ f(x1')``.  z3 answers each case; "holds" means every case is
    ``unsat``.  ``redund_of_x2=False`` drops ``H(G|X2) = 0`` (a false
    statement), which shows the encoding does find counterexamples.  A ``sat`` case is only reported as ``violated`` after its model,
    turned into a distribution, is verified exactly; otherwise ``undecided``.

    Examples
    --------
    >>> check_exact_mediator_determines_redund((2, 2, 2, 2)).status
    'holds'
    """
    from .distribution import Distribution
    from .evaluate import check_on

    t0 = time.perf_counter()
    try:
        m, n, k, q = (int(a) for a in alphabets)
    except (TypeError, ValueError):
        raise StatementError(f"alphabets must be four sizes (|X1|, |X2|, |L|, |G|), got {alphabets!r}") from None
    if min(m, n, k, q) < 1:
        raise StatementError(f"alphabet sizes must be positive, got {alphabets!r}")
    sizes = {"X1": m, "X2": n, "L": k, "G": q}
    text = ("I(X1;X2|L) = 0, H(G|X1) = 0, H(G|X2) = 0 => H(G|L) = 0" if redund_of_x2
            else "I(X1;X2|L) = 0, H(G|X1) = 0 => H(G|L) = 0")
    base = []
    for l in range(k):
        base.append((z3_backend.linear({f"pi{l}": 1}), ">="))
        for x in range(m):
            base.append((z3_backend.linear({f"a{l}_{x}": 1}), ">="))
        for y in range(n):
            base.append((z3_backend.linear({f"b{l}_{y}": 1}), ">="))
        base.append((z3_backend.linear({f"a{l}_{x}": 1 for x in range(m)}, -1), "=="))
        base.append((z3_backend.linear({f"b{l}_{y}": 1 for y in range(n)}, -1), "=="))
    base.append((z3_backend.linear({f"pi{l}": 1 for l in range(k)}, -1), "=="))
    cases = 0
    for f in itertools.product(range(q), repeat=m):
        if f[0] != 0:
            continue
        for g in itertools.product(range(q), repeat=n) if redund_of_x2 else [None]:
            violation = {_monomial(f"pi{l}", f"a{l}_{x}", f"a{l}_{y}"): Fraction(1)
                         for l in range(k) for x, y in itertools.combinations(range(m), 2) if f[x] != f[y]}
            if not violation:
                continue  # f constant: G is constant, H(G|L) = 0
            cons = list(base)
            cons += [({_monomial(f"pi{l}", f"a{l}_{x}", f"b{l}_{y}"): Fraction(1)}, "==")
                     for l in range(k) for x in range(m) for y in range(n) if g is not None and f[x] != g[y]]
            cons.append((violation, ">"))
            left = timeout - (time.perf_counter() - t0)
            if left <= 0:
                return InstanceResult(Truth.UNDECIDED, None, time.perf_counter() - t0, sizes, text, cases,
                                      f"time budget of {timeout:g} s exhausted after {cases} cases")
            res = z3_backend.solve(cons, timeout=left, nonlinear=True)
            cases += 1
            if res.status == "unsat":
                continue
            if res.status == "sat" and res.exact:
                v = res.model
                pmf = np.empty((m, n, k, q), dtype=object)
                for idx in np.ndindex(pmf.shape):
                    x, y, l, gv = idx
                    pmf[idx] = (v[f"pi{l}"] * v[f"a{l}_{x}"] * v[f"b{l}_{y}"]) if gv == f[x] else Fraction(0)
                try:
                    dist = Distribution.from_array(pmf, ("X1", "X2", "L", "G"), exact=True)
                    verdict = check_on(text, dist)
                except Exception:  # noqa: BLE001 - an invalid model is not a counterexample
                    verdict = None
                if verdict is not None and verdict.verdict == Truth.VIOLATED and not verdict.vacuous:
                    return InstanceResult(Truth.VIOLATED, dist, time.perf_counter() - t0, sizes, text, cases)
            reason = res.reason or ("z3 model is irrational or failed exact verification"
                                    if res.status == "sat" else "z3 gave no answer")
            return InstanceResult(Truth.UNDECIDED, None, time.perf_counter() - t0, sizes, text, cases, reason)
    return InstanceResult(Truth.HOLDS, None, time.perf_counter() - t0, sizes, text, cases)
