"""The documented size limits of natlat_sym's inputs, and reading exact
numbers with a bounded cost.

Python's :class:`fractions.Fraction` happily reads ``"1e999999999"`` — and
then spends hours building ``10**999999999``.  Every number that comes from
outside (a statement, a ``--param``, a certificate, a distribution file) is
therefore read by :func:`exact_number`, which refuses, before any big
arithmetic, numbers larger than a documented size:

* at most :data:`MAX_DIGITS` (1000) digits in the integer, the mantissa, or
  each side of ``p/q``;
* a decimal exponent of at most :data:`MAX_EXPONENT` (1000) in absolute
  value (``1e-1000`` is accepted, ``1e-1001`` is not).

The other input limits are here too: JSON files nest at most
:data:`MAX_JSON_DEPTH` levels and are at most :data:`MAX_FILE_BYTES` long
(see :mod:`natlat_sym.files`); ``natlat eval --precision`` asks for at most
:data:`MAX_PRECISION` bits.

Inside those bounds every number is exact, and later arithmetic on Python
integers never overflows.  Floats must be finite (no NaN, no infinity).

Time budgets
------------
A ``timeout=`` of the Python API (or ``--timeout``/``--budget`` of the
command line) bounds *every* phase of the work, also the phases deep inside
that know nothing of the caller's budget.  :func:`time_budget` opens a
budget for the code it encloses (nested budgets only ever shorten the
deadline); :func:`time_left` is what remains of the innermost one (``None``
outside any budget) and :func:`check_time` raises
:class:`~natlat_sym.errors.BudgetExceeded` once it is spent.  Long loops
call :func:`check_time`; z3 gets :func:`time_left` as its own timeout.  The
budget lives in a :class:`contextvars.ContextVar`, so it follows the code
that opened it (threads and asyncio tasks each see their own) and is never
left behind when the block ends.

>>> with time_budget(60):
...     0 < time_left() <= 60
True
>>> time_left() is None
True
>>> with time_budget(0):
...     check_time("the example")
Traceback (most recent call last):
...
natlat_sym.errors.BudgetExceeded: time budget exhausted during the example

This module uses only the standard library, so the trusted certificate
checker may use it.

Examples
--------
>>> exact_number("1e-20")
Fraction(1, 100000000000000000000)
>>> exact_number(" -3/6 ")
Fraction(-1, 2)
>>> exact_number("1e999999999")
Traceback (most recent call last):
...
ValueError: number '1e999999999' is out of range: exponent 999999999 is beyond the limit of ±1000
>>> exact_number(float("nan"))
Traceback (most recent call last):
...
ValueError: number nan is not finite
"""

from __future__ import annotations

import math
import re
import time
from contextlib import contextmanager
from contextvars import ContextVar
from fractions import Fraction

from .errors import BudgetExceeded, StatementError

__all__ = ["MAX_DIGITS", "MAX_EXPONENT", "MAX_JSON_DEPTH", "MAX_FILE_BYTES", "MAX_PRECISION", "MAX_DENSE_CELLS", "MAX_LP_NONZEROS",
           "exact_number", "check_integer_size", "time_budget", "time_left", "check_time"]

#: Most digits accepted in an integer, a mantissa, or either side of ``p/q``.
MAX_DIGITS = 1000
#: Largest absolute decimal exponent accepted (``1e-1000`` is fine).
MAX_EXPONENT = 1000
#: Deepest nesting of lists/objects accepted in a JSON input file.
MAX_JSON_DEPTH = 64
#: Largest input file read (bytes).
MAX_FILE_BYTES = 256 * 2**20
#: Largest dense distribution array (cells, zeros included): about 32 MB of
#: floats.  Bigger distributions given by their support stay sparse
#: (:mod:`natlat_sym.finite.sparse`).
MAX_DENSE_CELLS = 2**22
#: Size budget of one Shannon-cone LP (nonzeros of the elemental matrix):
#: 15 variables (3.4 million) fit, 16 (7.9 million) do not.
MAX_LP_NONZEROS = 4_000_000
#: Most bits of interval precision a certified evaluation may be asked for.
MAX_PRECISION = 65_536

_MAX_BITS = int(MAX_DIGITS * math.log2(10)) + 1

_DECIMAL = re.compile(r"\s*[+-]?(?P<int>\d*)(?:\.(?P<frac>\d*))?(?:[eE](?P<exp>[+-]?\d+))?\s*\Z")
_RATIO = re.compile(r"\s*[+-]?(?P<num>\d+)\s*/\s*(?P<den>\d+)\s*\Z")


def _show(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:20] + "..." + text[-10:])


def check_integer_size(value: int, where: str = "") -> int:
    """Return ``value`` if it has at most :data:`MAX_DIGITS` digits, else
    raise ValueError.

    >>> check_integer_size(10**5)
    100000
    >>> check_integer_size(10**2000)
    Traceback (most recent call last):
    ...
    ValueError: integer with more than 1000 digits is too large
    """
    if value.bit_length() > _MAX_BITS:  # about MAX_DIGITS decimal digits, without printing the number
        raise ValueError(f"integer{' ' + where if where else ''} with more than {MAX_DIGITS} digits is too large")
    return value


def exact_number(value, where: str = "") -> Fraction:
    """``value`` (text such as ``"1/3"``, ``"0.25"``, ``"1e-9"``; an int; a
    finite float; a Fraction) as an exact Fraction, refusing numbers beyond
    :data:`MAX_DIGITS` / :data:`MAX_EXPONENT` with a one-line ValueError.

    ``where`` is put in the message (e.g. ``"in pieces[1]"``).
    """
    at = f" {where}" if where else ""
    if isinstance(value, bool):
        raise ValueError(f"{value!r}{at} is not a number")
    if isinstance(value, Fraction):
        check_integer_size(value.numerator, where)
        check_integer_size(value.denominator, where)
        return value
    if isinstance(value, int):
        return Fraction(check_integer_size(value, where))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"number {value!r}{at} is not finite")
        return Fraction(value)
    if not isinstance(value, str):
        raise ValueError(f"{value!r}{at} is not a number")
    text = value
    m = _RATIO.match(text)
    if m:
        if len(m["num"]) > MAX_DIGITS or len(m["den"]) > MAX_DIGITS:
            raise ValueError(f"number {_show(text)}{at} is too large: more than {MAX_DIGITS} digits")
        if int(m["den"]) == 0:
            raise ValueError(f"number {_show(text)}{at} divides by zero")
        return Fraction(text.replace(" ", "").strip())
    m = _DECIMAL.match(text)
    if not m or not (m["int"] or m["frac"]):
        raise ValueError(f"{_show(text)}{at} is not a number (write e.g. 3, 0.25, 1/3 or 1e-9)")
    if len(m["int"]) + len(m["frac"] or "") > MAX_DIGITS:
        raise ValueError(f"number {_show(text)}{at} is too large: more than {MAX_DIGITS} digits")
    exp = m["exp"]
    if exp is not None:
        digits = exp.lstrip("+-").lstrip("0")
        if len(digits) > 6 or int(digits or "0") > MAX_EXPONENT:
            raise ValueError(f"number {_show(text)}{at} is out of range: exponent {exp.lstrip('+')} is beyond the "
                             f"limit of ±{MAX_EXPONENT}")
    return Fraction(text.strip())


def budget_seconds(timeout) -> float | None:
    """The bound a user's ``timeout=`` puts on :func:`time_budget`: None (no
    new bound) for None or +inf, 0 for a negative number.

    >>> budget_seconds(float("inf")) is None, budget_seconds(-1.0), budget_seconds(2)
    (True, 0.0, 2.0)
    >>> budget_seconds(float("nan"))
    Traceback (most recent call last):
    ...
    natlat_sym.errors.StatementError: timeout must be a number of seconds, got nan
    """
    if timeout is None:
        return None
    try:
        seconds = float(timeout)
    except (TypeError, ValueError):
        seconds = math.nan
    if math.isnan(seconds):
        raise StatementError(f"timeout must be a number of seconds, got {timeout!r}")
    return None if seconds == math.inf else max(0.0, seconds)


#: ``time.monotonic()`` value of the innermost open time budget (None: no budget).
_DEADLINE: ContextVar[float | None] = ContextVar("natlat_sym_deadline", default=None)


@contextmanager
def time_budget(seconds: float | None):
    """Bound the enclosed work by ``seconds`` (None: no new bound).  Inside an
    outer budget the earlier deadline wins.  Yields the deadline (a
    ``time.monotonic()`` value, or None)."""
    outer = _DEADLINE.get()
    deadline = outer
    if seconds is not None:
        if not (isinstance(seconds, (int, float)) and math.isfinite(seconds)):  # also rejects nan
            raise ValueError(f"a time budget must be a finite number of seconds, got {seconds!r}")
        mine = time.monotonic() + max(0.0, float(seconds))
        deadline = mine if outer is None else min(outer, mine)
    token = _DEADLINE.set(deadline)
    try:
        yield deadline
    finally:
        _DEADLINE.reset(token)


def time_left() -> float | None:
    """Seconds left in the innermost :func:`time_budget` (never negative), or
    None when no budget is open."""
    deadline = _DEADLINE.get()
    return None if deadline is None else max(0.0, deadline - time.monotonic())


def check_time(what: str = "") -> None:
    """Raise :class:`~natlat_sym.errors.BudgetExceeded` when the innermost
    time budget is spent (nothing outside a budget)."""
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() >= deadline:
        raise BudgetExceeded("time budget exhausted" + (f" during {what}" if what else ""))
