"""Exact real numbers of the form ``q0 + Σ q_b·log2(b)`` and certified intervals.

Every information value on a rational distribution has this form
(:mod:`natlat_sym.finite.evaluate` computes it).  An :class:`ExactValue`
keeps it canonical: the integers ``b`` form a *coprime base* (pairwise
coprime, found with gcds, no factoring) without 2 and without perfect
powers, so the ``log2(b)`` are linearly independent over the rationals and
the value is exactly zero iff every coefficient is.  :meth:`ExactValue.enclosure`
evaluates it with python-flint ``arb`` ball arithmetic into an
:class:`Interval` with exact dyadic endpoints that contains the true value;
:func:`decide_sign` raises the precision until the sign is certain.

Examples
--------
>>> v = ExactValue.log2(3) - Fraction(158, 100)
>>> print(v)
log2(3) - 79/50
>>> decide_sign(v)[0]
1
>>> (ExactValue.log2(9) - ExactValue.log2(3) * 2).is_zero()
True
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from math import gcd

import flint

from natlat_sym.shannon.linear import as_fraction, signed_sum

__all__ = ["Interval", "ExactValue", "decide_sign", "exact_from_log_weights", "arb_midpoint_fraction"]


# --------------------------------------------------------------------- interval
#: Decimal places an interval prints with: at least the first, at most the last.
MIN_PLACES, MAX_PLACES = 4, 12


def _decimal(scaled: int, places: int) -> str:
    """The integer ``scaled`` / 10**places as a decimal with ``places`` places."""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    return ("-" if scaled < 0 else "") + digits[:-places] + "." + digits[-places:]


def _places(lo: Fraction, hi: Fraction) -> int:
    """Enough decimal places to show the interval's width (an exact point: to
    show it exactly, when it fits), between MIN_PLACES and MAX_PLACES."""
    width = hi - lo
    if width == 0:
        return next((d for d in range(MIN_PLACES, MAX_PLACES + 1) if (lo * 10**d).denominator == 1), MAX_PLACES)
    w = float(width)
    if w == 0.0:
        return MAX_PLACES
    return max(MIN_PLACES, min(MAX_PLACES, math.ceil(-math.log10(w)) + 1))


def outward_text(lo: Fraction, hi: Fraction) -> str:
    """``[lo, hi]`` in decimals rounded *outward* (lo down, hi up), so the
    printed interval still contains everything the exact one does.

    >>> outward_text(Fraction(1, 3), Fraction(1, 3))
    '[0.333333333333, 0.333333333334]'
    >>> outward_text(Fraction(-1), Fraction(-1)), outward_text(Fraction(531, 1000), Fraction(532, 1000))
    ('[-1.0000, -1.0000]', '[0.5310, 0.5320]')
    """
    d = _places(lo, hi)
    return f"[{_decimal(math.floor(lo * 10**d), d)}, {_decimal(math.ceil(hi * 10**d), d)}]"


@dataclass(frozen=True)
class Interval:
    """A closed interval ``[lo, hi]`` with exact rational endpoints.

    Examples
    --------
    >>> i = Interval(Fraction(-1, 4), Fraction(1, 2))
    >>> i.contains(0), i.is_positive(), i.excludes_zero()
    (True, False, False)
    >>> Interval.point(0).is_zero()
    True
    """

    lo: Fraction
    hi: Fraction

    def __post_init__(self):
        object.__setattr__(self, "lo", Fraction(self.lo))
        object.__setattr__(self, "hi", Fraction(self.hi))
        if self.lo > self.hi:
            raise ValueError(f"empty interval [{self.lo}, {self.hi}]")

    @classmethod
    def point(cls, x) -> "Interval":
        return cls(Fraction(x), Fraction(x))

    def contains(self, x) -> bool:
        x = Fraction(x) if not isinstance(x, float) else Fraction(x)
        return self.lo <= x <= self.hi

    def is_positive(self) -> bool:
        """Certainly ``> 0``."""
        return self.lo > 0

    def is_negative(self) -> bool:
        """Certainly ``< 0``."""
        return self.hi < 0

    def is_nonnegative(self) -> bool:
        """Certainly ``>= 0``."""
        return self.lo >= 0

    def is_zero(self) -> bool:
        return self.lo == 0 == self.hi

    def excludes_zero(self) -> bool:
        return self.lo > 0 or self.hi < 0

    @property
    def width(self) -> Fraction:
        return self.hi - self.lo

    @property
    def midpoint(self) -> float:
        return float((self.lo + self.hi) / 2)

    def __str__(self) -> str:
        """Decimals rounded outward (see :func:`outward_text`): the printed
        interval contains the value too, never only the exact one."""
        return outward_text(self.lo, self.hi)

    def to_json(self) -> dict:
        return {"lo": str(self.lo), "hi": str(self.hi), "lo_float": float(self.lo), "hi_float": float(self.hi)}


# --------------------------------------------------------------------- coprime base
def _coprime_base(numbers: Iterable[int]) -> list[int]:
    """Pairwise coprime integers > 1, including 2, whose products give every
    input (positive integers).  Uses only gcds (no factoring).

    >>> sorted(_coprime_base([12, 18, 35]))
    [2, 3, 35]
    >>> sorted(_coprime_base([9, 15]))
    [2, 3, 5]
    >>> sorted(_coprime_base([6, 10**20 + 39]))[:2]
    [2, 3]
    """
    base: list[int] = [2]
    for n in numbers:
        work = [n]
        while work:
            x = work.pop()
            if x == 1:
                continue
            for i, b in enumerate(base):
                g = gcd(x, b)
                if g > 1:
                    break
            else:
                base.append(x)
                continue
            if b == x:
                continue
            del base[i]
            work.extend((g, b // g, x // g))
    return base


def _perfect_root(b: int) -> tuple[int, int]:
    """``(r, k)`` with ``b = r**k`` and ``k`` maximal.

    >>> _perfect_root(81), _perfect_root(12)
    ((3, 4), (12, 1))
    """
    best = (b, 1)
    if not flint.fmpz(b).is_perfect_power():
        return best
    for k in range(2, b.bit_length() + 1):
        r = int(flint.fmpz(b).root(k))
        if r < 2:
            break
        if r**k == b:
            best = (r, k)
    return best


def _exponents(n: int, base: list[int]) -> dict[int, int]:
    out = {}
    for b in base:
        if n == 1:
            break
        e = 0
        while n % b == 0:
            n //= b
            e += 1
        if e:
            out[b] = e
    if n != 1:  # pragma: no cover - guaranteed by _coprime_base
        raise AssertionError("coprime base does not generate its inputs")
    return out


# --------------------------------------------------------------------- exact values
@dataclass(frozen=True, eq=False)
class ExactValue:
    """``constant + Σ coefficient·log2(base)``: an exact real number.

    The bases are pairwise coprime odd integers > 1 that are not perfect
    powers (2 itself is folded into ``constant``), so their logarithms are
    linearly independent over the rationals: the value is zero iff
    :meth:`is_zero` (no coefficient left).  ``==`` compares values exactly
    (by subtracting; the bases of two values may differ, e.g. ``log2(15)``
    versus ``log2(3) + log2(5)``).

    Examples
    --------
    >>> v = ExactValue.log2(Fraction(9, 4))
    >>> print(v)
    2*log2(3) - 2
    >>> v.is_zero(), round(float(v), 6)
    (False, 1.169925)
    >>> ExactValue.log2(15) == ExactValue.log2(3) + ExactValue.log2(5)
    True
    """

    constant: Fraction = Fraction(0)
    logs: tuple[tuple[int, Fraction], ...] = ()

    @classmethod
    def log2(cls, q) -> "ExactValue":
        """``log2(q)`` for a positive rational ``q``."""
        q = Fraction(q)
        if q <= 0:
            raise ValueError(f"log2 of non-positive {q}")
        return exact_from_log_weights({q.numerator: Fraction(1), q.denominator: Fraction(-1)}, Fraction(0))

    @classmethod
    def rational(cls, q) -> "ExactValue":
        return cls(Fraction(q), ())

    def is_zero(self) -> bool:
        return self.constant == 0 and not self.logs

    def is_rational(self) -> bool:
        return not self.logs

    def __eq__(self, other) -> bool:
        if isinstance(other, (int, Fraction)):
            other = ExactValue.rational(other)
        if not isinstance(other, ExactValue):
            return NotImplemented
        return (self - other).is_zero()

    __hash__ = None  # equal values may have different fields

    def __add__(self, other) -> "ExactValue":
        if not isinstance(other, ExactValue):
            other = ExactValue.rational(as_fraction(other))
        w: dict[int, Fraction] = {}
        for b, c in self.logs + other.logs:
            w[b] = w.get(b, Fraction(0)) + c
        return exact_from_log_weights(w, self.constant + other.constant)

    __radd__ = __add__

    def __neg__(self) -> "ExactValue":
        return ExactValue(-self.constant, tuple((b, -c) for b, c in self.logs))

    def __sub__(self, other) -> "ExactValue":
        if not isinstance(other, ExactValue):
            other = ExactValue.rational(as_fraction(other))
        return self + (-other)

    def __mul__(self, k) -> "ExactValue":
        k = as_fraction(k)
        if k == 0:
            return ExactValue()
        return ExactValue(self.constant * k, tuple((b, c * k) for b, c in self.logs))

    __rmul__ = __mul__

    def __float__(self) -> float:
        return float(self.constant) + sum(float(c) * math.log2(b) for b, c in self.logs)

    def to_sympy(self):
        """The sympy expression ``constant + Σ c·log(b)/log(2)``."""
        import sympy as sp

        expr = sp.Rational(self.constant.numerator, self.constant.denominator)
        for b, c in self.logs:
            expr += sp.Rational(c.numerator, c.denominator) * sp.log(sp.Integer(b)) / sp.log(2)
        return expr

    def enclosure(self, precision: int = 64) -> Interval:
        """A certified interval containing the value (``arb`` at ``precision`` bits).

        >>> ExactValue.log2(3).enclosure(30).contains(Fraction(1584962500721, 10**12))
        True
        """
        if not self.logs:
            return Interval.point(self.constant)
        with flint.ctx.workprec(int(precision)):
            ball = flint.arb(flint.fmpq(self.constant.numerator, self.constant.denominator))
            ln2 = flint.arb(2).log()
            for b, c in self.logs:
                ball += flint.arb(flint.fmpq(c.numerator, c.denominator)) * (flint.arb(b).log() / ln2)
            lo, hi = ball.lower(), ball.upper()
        return Interval(arb_midpoint_fraction(lo), arb_midpoint_fraction(hi))

    def __str__(self) -> str:
        pieces: list[tuple[Fraction, str]] = [(c, f"log2({b})") for b, c in self.logs]
        if self.constant:
            pieces.append((self.constant, ""))
        return signed_sum(pieces)

    def to_json(self) -> dict:
        return {"constant": str(self.constant), "logs": [[str(b), str(c)] for b, c in self.logs],
                "text": str(self), "float": float(self)}


def arb_midpoint_fraction(x) -> Fraction:
    """The midpoint of a flint ``arb`` ball as an exact (dyadic) Fraction."""
    m, e = x.mid().man_exp()
    m, e = int(m), int(e)
    return Fraction(m * 2**e) if e >= 0 else Fraction(m, 2**-e)


def exact_from_log_weights(weights: Mapping[int, Fraction], constant: Fraction) -> ExactValue:
    """Canonicalise ``constant + Σ w_n·log2(n)`` over positive integers ``n``."""
    weights = {n: w for n, w in weights.items() if w and n != 1}
    base = _coprime_base(sorted(weights))
    coef: dict[int, Fraction] = {}
    for n, w in weights.items():
        for b, e in _exponents(n, base).items():
            coef[b] = coef.get(b, Fraction(0)) + w * e
    constant = Fraction(constant) + coef.pop(2, Fraction(0))
    roots: dict[int, Fraction] = {}
    for b, c in coef.items():  # log2(9) -> 2*log2(3); roots of coprime bases stay coprime
        if c:
            r, k = _perfect_root(b)
            roots[r] = roots.get(r, Fraction(0)) + c * k
    return ExactValue(constant, tuple(sorted((b, c) for b, c in roots.items() if c)))


def decide_sign(value: ExactValue, *, precision: int = 64, max_precision: int = 4096) -> tuple[int | None, Interval, int]:
    """``(sign, enclosure, bits)``: sign -1/0/+1 certified, or None if the
    enclosure at ``max_precision`` bits still contains 0 (cannot happen for
    a nonzero value with enough bits; exact zeros are detected exactly).

    >>> decide_sign(ExactValue.log2(3) - Fraction(158, 100))[0]
    1
    """
    if value.is_zero():
        return 0, Interval.point(0), 0
    bits = max(int(precision), 16)
    while True:
        box = value.enclosure(bits)
        if box.is_positive():
            return 1, box, bits
        if box.is_negative():
            return -1, box, bits
        if bits >= max_precision:
            return None, box, bits
        bits = min(2 * bits, int(max_precision))
