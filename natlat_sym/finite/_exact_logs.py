"""Exact signs of entropy expressions on rational distributions (private).

Concept
-------
On a distribution whose masses are rational, every joint entropy is a finite
sum ``−Σ p log2 p`` of logarithms of rationals, so any linear entropy form
(with rational coefficients and a rational constant) equals

    r_0 + Σ_{odd primes q} r_q · log2 q          (all r rational).

Because ``1, log2 3, log2 5, log2 7, …`` are linearly independent over the
rationals (unique prime factorisation), the value is *exactly zero* iff every
``r`` vanishes — an exact test with no floating point.  A nonzero value has
its sign certified by an arb ball (python-flint) that excludes zero; the
precision is doubled until it does (it always does eventually, since the
value is a nonzero real number).

This module is the private exact core of the finite-search helpers
(:mod:`~natlat_sym.finite.search`, :mod:`~natlat_sym.finite.realize`,
:mod:`~natlat_sym.finite.instance_check`).  It works on plain numpy arrays
(axes in the order of ``names``) so it does not depend on the
``Distribution`` class.

Glossary
--------
log combination
    The ``{prime: coefficient}`` form above (key ``1`` holds ``r_0``).
certified enclosure
    Rationals ``lo <= value <= hi`` proved by interval arithmetic.

Examples
--------
>>> import numpy as np
>>> from fractions import Fraction as Fr
>>> from natlat_sym.shannon.linear import LinearForm as F
>>> pmf = np.array([[Fr(1, 2), 0], [0, Fr(1, 2)]], dtype=object)   # X = Y = fair bit
>>> c = log_combination(pmf, ("X", "Y"), F.mutual_information({"X"}, {"Y"}))
>>> c.is_zero(), c.sign(), c.terms
(False, 1, {1: Fraction(1, 1)})
>>> log_combination(pmf, ("X", "Y"), F.cond_entropy({"X"}, {"Y"})).is_zero()
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import flint
import numpy as np

from ..errors import DistributionError
from ..shannon.linear import LinearForm

__all__ = ["LogCombination", "log_combination", "exact_violation", "exact_array", "axes_of"]


@lru_cache(maxsize=65536)
def _factor(n: int) -> tuple[tuple[int, int], ...]:
    if n <= 1:
        return ()
    return tuple((int(p), int(e)) for p, e in flint.fmpz(n).factor())


@dataclass(frozen=True)
class LogCombination:
    """``terms[1] + Σ_q terms[q]·log2(q)`` over odd primes ``q`` (exact)."""

    terms: Mapping[int, Fraction]

    def is_zero(self) -> bool:
        return all(v == 0 for v in self.terms.values())

    def _arb(self, prec: int):
        with flint.ctx.workprec(prec):  # scoped: no process-wide precision change
            ln2 = flint.arb(2).log()
            total = flint.arb(0)
            for q, r in self.terms.items():
                if r == 0:
                    continue
                rr = flint.arb(r.numerator) / flint.arb(r.denominator)
                total += rr if q == 1 else rr * (flint.arb(q).log() / ln2)
        return total

    def enclosure(self, *, prec: int = 128) -> tuple[Fraction, Fraction]:
        """Rationals ``(lo, hi)`` with ``lo <= value <= hi`` (certified);
        ``(0, 0)`` when the value is exactly zero."""
        if self.is_zero():
            return Fraction(0), Fraction(0)
        if all(q == 1 or r == 0 for q, r in self.terms.items()):
            v = self.terms.get(1, Fraction(0))
            return v, v
        a = self._arb(prec)
        m, e = a.mid().man_exp()
        rm, re = a.rad().man_exp()
        mid = Fraction(int(m)) * (Fraction(2) ** int(e))
        rad = Fraction(int(rm)) * (Fraction(2) ** int(re))
        return mid - rad, mid + rad

    def sign(self, *, max_prec: int = 1 << 16) -> int:
        """Exact sign (-1, 0, 1): zero decided exactly, nonzero by arb."""
        if self.is_zero():
            return 0
        prec = 64
        while prec <= max_prec:
            lo, hi = self.enclosure(prec=prec)
            if lo > 0:
                return 1
            if hi < 0:
                return -1
            prec *= 2
        raise ArithmeticError("could not certify the sign of a nonzero log combination")  # pragma: no cover

    def to_float(self) -> float:
        return float(sum(float(r) * (1.0 if q == 1 else math.log2(q)) for q, r in self.terms.items()))


def axes_of(names: Sequence[str], subset) -> tuple[int, ...]:
    """Axis indices of the variables in ``subset``."""
    index = {n: i for i, n in enumerate(names)}
    try:
        return tuple(sorted(index[v] for v in subset))
    except KeyError as e:
        raise DistributionError(f"variable {e.args[0]} is not in the distribution {tuple(names)}") from None


def exact_array(pmf) -> tuple[np.ndarray, int]:
    """Integer counts and their common denominator ``N`` (counts sum to N).

    Raises DistributionError unless all entries are exact, >= 0 and sum to 1."""
    arr = np.asarray(pmf, dtype=object)
    flat = []
    for v in arr.flat:
        if isinstance(v, (float, np.floating)):
            raise DistributionError("exact evaluation needs Fraction masses, got a float")
        f = Fraction(v)
        if f < 0:
            raise DistributionError(f"negative mass {f}")
        flat.append(f)
    if sum(flat) != 1:
        raise DistributionError(f"masses sum to {sum(flat)}, not exactly 1")
    den = 1
    for f in flat:
        den = den * f.denominator // math.gcd(den, f.denominator)
    counts = [f.numerator * (den // f.denominator) for f in flat]
    dtype = np.int64 if den < (1 << 62) else object
    return np.array(counts, dtype=dtype).reshape(arr.shape), den


def _marginal_counts(counts: np.ndarray, names, subset) -> np.ndarray:
    keep = axes_of(names, subset)
    drop = tuple(i for i in range(counts.ndim) if i not in keep)
    return counts.sum(axis=drop) if drop else counts


def log_combination(pmf, names: Sequence[str], form: LinearForm,
                    parameters: Mapping[str, object] | None = None) -> LogCombination:
    """Exact value of ``form`` (in bits) on the rational distribution ``pmf``."""
    form = form.substitute(parameters or {}) if form.parameter_names() else form
    if form.parameter_names():
        missing = sorted(form.parameter_names())
        raise DistributionError(f"no value given for parameter(s) {', '.join(missing)}")
    counts, den = exact_array(pmf)
    # H(S) = log2 N − (1/N) Σ m log2 m  over the marginal counts m of S
    terms: dict[int, Fraction] = {1: Fraction(form.constant)}

    def add_log(n: int, coeff: Fraction):
        for q, e in _factor(int(n)):
            key = 1 if q == 2 else q
            terms[key] = terms.get(key, Fraction(0)) + coeff * e

    for s, c in form.entropies.items():
        add_log(den, c)
        marg = _marginal_counts(counts, names, s)
        for m in np.asarray(marg).ravel():
            m = int(m)
            if m > 1:
                add_log(m, -c * Fraction(m, den))
    return LogCombination({q: r for q, r in terms.items() if r != 0})


def exact_violation(pmf, names: Sequence[str], hypotheses, target: LinearForm, sense: str) -> LogCombination | None:
    """The exact value of ``target`` when the rational distribution ``pmf``
    violates ``hypotheses ⇒ target (sense) 0``, else None.

    Every hypothesis (``.form``, ``.sense`` ``"=="`` or ``">="``) must hold
    exactly and the target fail exactly (``< 0`` for ``">="``, nonzero for
    ``"=="``).  The one exact violation check of the finite searches.

    >>> from fractions import Fraction as Fr
    >>> from natlat_sym.shannon.linear import LinearForm as F
    >>> pmf = np.array([[Fr(1, 2), 0], [0, Fr(1, 2)]], dtype=object)
    >>> exact_violation(pmf, ("X", "Y"), [], F.mutual_information({"X"}, {"Y"}), "==").terms
    {1: Fraction(1, 1)}
    >>> exact_violation(pmf, ("X", "Y"), [], F.mutual_information({"X"}, {"Y"}), ">=") is None
    True
    """
    for h in hypotheses:
        c = log_combination(pmf, names, h.form)
        if (h.sense == "==" and not c.is_zero()) or (h.sense == ">=" and c.sign() < 0):
            return None
    c = log_combination(pmf, names, target)
    violated = c.sign() < 0 if sense == ">=" else not c.is_zero()
    return c if violated else None
