"""Checked inputs of a distribution: exact numbers, probability arrays,
variable names, alphabets and channels.

Every way into a :class:`~natlat_sym.finite.distribution.Distribution`
(arrays, dicts, JSON files, sparse supports, batches) passes its raw parts
through these checks, so every bad entry is reported the same way: a
:class:`~natlat_sym.errors.DistributionError` naming the entry and its
index.

Examples
--------
>>> to_exact_number("1/3")
Fraction(1, 3)
>>> validate_names(["X1", "X1"])
Traceback (most recent call last):
...
natlat_sym.errors.DistributionError: duplicate variable name 'X1' in names
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from numbers import Rational

import numpy as np

from natlat_sym.errors import DistributionError
from natlat_sym.limits import exact_number

__all__ = ["DEFAULT_TOLERANCE", "to_exact_number", "to_float_number", "is_exact_scalar", "as_object_array",
           "exact_array", "float_array", "read_only", "validate_names", "validate_alphabet", "checked_channel"]

DEFAULT_TOLERANCE = 1e-9
"""Allowed ``|sum - 1|`` (and channel row-sum error) for float distributions."""


def is_exact_scalar(x) -> bool:
    if isinstance(x, (bool, np.bool_)):
        return False
    if isinstance(x, (int, np.integer, Fraction, str)):
        return True
    if isinstance(x, Rational):
        return True
    p, q = getattr(x, "p", None), getattr(x, "q", None)  # sympy Rational
    return isinstance(p, int) and isinstance(q, int)


def to_exact_number(x, where: str = "") -> Fraction:
    """Convert one entry to a Fraction: ints, Fractions, sympy Rationals and
    strings such as ``"1/3"`` or ``"0.25"`` exactly; floats as the exact
    binary rational they denote (``0.1`` becomes ``3602879701896397/2**55``).

    >>> to_exact_number("1/3")
    Fraction(1, 3)
    >>> to_exact_number(0.5)
    Fraction(1, 2)
    """
    at = f" {where}" if where else ""
    if isinstance(x, (bool, np.bool_)):
        raise DistributionError(f"entry{at} is a bool ({x!r}), not a probability")
    if isinstance(x, Fraction):
        return x
    if isinstance(x, (int, np.integer)):
        return Fraction(int(x))
    if isinstance(x, str):
        try:
            return exact_number(x.strip())  # bounded digits and exponent
        except ValueError as e:
            raise DistributionError(f"entry{at}: {e}") from None
    if isinstance(x, (float, np.floating)):
        if not math.isfinite(float(x)):
            raise DistributionError(f"entry{at} is not finite ({x!r})")
        return Fraction(float(x))
    if isinstance(x, Rational):
        return Fraction(int(x.numerator), int(x.denominator))
    p, q = getattr(x, "p", None), getattr(x, "q", None)
    if isinstance(p, int) and isinstance(q, int):
        return Fraction(p, q)
    raise DistributionError(f"entry{at} is not a real number: {x!r}")


def to_float_number(x, where: str = "") -> float:
    if isinstance(x, (bool, np.bool_)):
        raise DistributionError(f"entry{where and ' ' + where} is a bool ({x!r}), not a probability")
    if isinstance(x, str):
        return float(to_exact_number(x, where))
    try:
        return float(x)
    except (TypeError, ValueError):
        raise DistributionError(f"entry{where and ' ' + where} is not a real number: {x!r}") from None


def _fmt_index(idx) -> str:
    return "(" + ", ".join(str(int(i)) for i in idx) + (",)" if len(idx) == 1 else ")")


def as_object_array(data, what: str) -> np.ndarray:
    """Nested lists / arrays to a numpy array without losing exact entries."""
    if isinstance(data, np.ndarray):
        return data
    try:
        arr = np.array(data, dtype=object)
    except (ValueError, TypeError) as exc:
        raise DistributionError(f"{what} is not a rectangular array: {exc}") from None
    # np.array(dtype=object) on ragged input builds an array of lists
    if arr.size and any(isinstance(v, (list, tuple, np.ndarray)) for v in arr.flat):
        raise DistributionError(f"{what} is not a rectangular array (ragged nesting)")
    return arr


def exact_array(arr: np.ndarray, what: str) -> np.ndarray:
    out = np.empty(arr.shape, dtype=object)
    for idx in np.ndindex(arr.shape):
        v = to_exact_number(arr[idx], f"of {what} at index {_fmt_index(idx)}")
        if v < 0:
            raise DistributionError(f"{what} entry at index {_fmt_index(idx)} is negative ({v})")
        out[idx] = v
    return out


def float_array(arr: np.ndarray, what: str) -> np.ndarray:
    if arr.dtype == object:
        out = np.empty(arr.shape, dtype=np.float64)
        for idx in np.ndindex(arr.shape):
            out[idx] = to_float_number(arr[idx], f"of {what} at index {_fmt_index(idx)}")
    else:
        if arr.dtype.kind not in "iuf":
            raise DistributionError(f"{what} has non-numeric dtype {arr.dtype}")
        out = np.asarray(arr, dtype=np.float64)
    bad = ~np.isfinite(out)
    if bad.any():
        idx = tuple(np.argwhere(bad)[0])
        raise DistributionError(f"{what} entry at index {_fmt_index(idx)} is not finite ({out[idx]})")
    neg = out < 0
    if neg.any():
        idx = tuple(np.argwhere(neg)[0])
        raise DistributionError(f"{what} entry at index {_fmt_index(idx)} is negative ({out[idx]})")
    return out


def read_only(arr: np.ndarray) -> np.ndarray:
    arr.setflags(write=False)
    return arr


def validate_names(names, what="names") -> tuple[str, ...]:
    if isinstance(names, str):
        names = (names,)
    try:
        names = tuple(names)
    except TypeError:
        raise DistributionError(f"{what} must be a sequence of strings, got {names!r}") from None
    seen = set()
    for n in names:
        if not isinstance(n, str) or not n.isidentifier():
            raise DistributionError(f"invalid variable name {n!r} in {what}: names must be identifiers like 'X1'")
        if n in seen:
            raise DistributionError(f"duplicate variable name {n!r} in {what}")
        seen.add(n)
    return names


def validate_alphabet(labels, name: str, size: int | None) -> tuple:
    if isinstance(labels, int) and not isinstance(labels, bool):
        labels = range(labels)
    try:
        labels = tuple(labels)
    except TypeError:
        raise DistributionError(f"alphabet of {name!r} must be a sequence of labels, got {labels!r}") from None
    if not labels:
        raise DistributionError(f"alphabet of {name!r} is empty")
    try:
        if len(set(labels)) != len(labels):
            raise DistributionError(f"alphabet of {name!r} has repeated labels: {labels!r}")
    except TypeError:
        raise DistributionError(f"alphabet of {name!r} has unhashable labels: {labels!r}") from None
    if size is not None and len(labels) != size:
        raise DistributionError(
            f"alphabet of {name!r} has {len(labels)} labels but the array axis has size {size}")
    return labels


def checked_channel(name: str, given, parent_shape: tuple, labels_at: Callable, *, channel=None,
                    function: Callable | None = None, alphabet=None, exact_parents: bool,
                    tolerance: float) -> tuple[np.ndarray, tuple, bool]:
    """The checked channel array ``P[name | given]`` of a new variable.

    Exactly one of ``channel`` (an array with one axis per parent and a last
    axis over the new alphabet) or ``function`` (``function(*labels)`` gives
    the label: a deterministic variable) is given; ``labels_at(idx)`` names
    the parents' labels at parent index ``idx``.  Returns the array (exact
    Fractions when ``exact_parents`` and the channel is exact, else float64),
    the new alphabet, and whether it is exact.  Every row must sum to 1
    (exactly, or within ``tolerance`` for floats).

    >>> ch, alphabet, exact = checked_channel("L", ("X",), (2,), lambda idx: idx, function=lambda x: 1 - x,
    ...                                       exact_parents=True, tolerance=0.0)
    >>> ch.tolist(), alphabet, exact
    ([[Fraction(0, 1), Fraction(1, 1)], [Fraction(1, 1), Fraction(0, 1)]], (0, 1), True)
    """
    if function is not None:
        values = {}
        for idx in np.ndindex(parent_shape):
            labels = tuple(labels_at(idx))
            try:
                values[idx] = function(*labels)
            except Exception as exc:  # user code: report where it failed
                raise DistributionError(f"function failed on {dict(zip(given, labels))!r}: {exc}") from None
        if alphabet is None:
            seen = list(dict.fromkeys(values.values()))
            try:
                seen = sorted(seen)
            except TypeError:
                pass
            alphabet = tuple(seen)
        alphabet = validate_alphabet(alphabet, name, None)
        pos = {lab: i for i, lab in enumerate(alphabet)}
        ch = np.empty(parent_shape + (len(alphabet),), dtype=object)
        ch.fill(0)
        for idx, v in values.items():
            if v not in pos:
                raise DistributionError(f"function value {v!r} is not in the alphabet of {name!r}")
            ch[idx + (pos[v],)] = 1
        exact = exact_parents
    else:
        ch = as_object_array(channel, "channel")
        if ch.shape[:-1] != parent_shape or ch.ndim != len(parent_shape) + 1:
            raise DistributionError(
                f"channel has shape {ch.shape}; expected {parent_shape + ('k',)} for P[{name}|{','.join(given)}]")
        if ch.shape[-1] == 0:
            raise DistributionError(f"alphabet of {name!r} is empty (channel's last axis has size 0)")
        alphabet = validate_alphabet(range(ch.shape[-1]) if alphabet is None else alphabet,
                                      name, ch.shape[-1])
        exact = exact_parents and (
            ch.dtype.kind in "iu" or (ch.dtype == object and all(is_exact_scalar(v) for v in ch.flat)))
    if exact:
        ch = exact_array(ch, "channel")
        for idx in np.ndindex(parent_shape):
            s = sum(ch[idx], Fraction(0))
            if s != 1:
                raise DistributionError(f"channel row at index {_fmt_index(idx)} sums to {s}, not 1")
    else:
        ch = float_array(ch, "channel")
        sums = ch.sum(axis=-1)
        bad = np.abs(sums - 1.0) > tolerance if tolerance else np.abs(sums - 1.0) > DEFAULT_TOLERANCE
        if bad.any():
            idx = tuple(np.argwhere(bad)[0]) if bad.ndim else ()
            tol = tolerance or DEFAULT_TOLERANCE
            raise DistributionError(
                f"channel row at index {_fmt_index(idx)} sums to {float(sums[idx])!r}, not 1 (tolerance {tol!r})")
    return ch, alphabet, exact
