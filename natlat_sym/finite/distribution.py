"""Joint probability mass functions over named finite random variables.

A :class:`Distribution` is an immutable joint pmf ``P[X1, ..., Xn]``: one
numpy array axis per variable, one index per outcome.  It is either

* **exact** — every entry a :class:`fractions.Fraction` (a numpy array of
  ``dtype=object``) summing to exactly 1; verdicts computed from it can be
  certified; or
* **float** — a ``float64`` array summing to 1 within a stated tolerance,
  for fast searches.  Certified evaluation treats each float as the exact
  binary rational it is (see :meth:`Distribution.to_exact`).

Glossary
--------
names
    Variable names, one per axis; Python identifiers (``X1``, ``L``, ``M``).
alphabet
    The outcome labels of one variable, in axis order (default ``0..k-1``).
latent
    A variable marked as a latent (``Λ`` in the natural-latent papers); added
    by :meth:`Distribution.with_latent`, kept in :attr:`Distribution.latents`.
channel
    A conditional pmf ``P[L | parents]``: an array with one axis per parent
    and a last axis over the latent's alphabet, each row summing to 1.

Public API
----------
``Distribution.from_array(pmf, names, ...)``, ``Distribution.from_dict(...)``,
``marginal``, ``entropy``, ``with_latent``, ``condition``, ``mix``,
``product``, ``to_float``, ``to_exact``, ``to_json``/``from_json``
(format in :mod:`natlat_sym.finite.io`).

Examples
--------
>>> from fractions import Fraction as F
>>> d = Distribution.from_array([[F(1, 2), 0], [0, F(1, 2)]], ("X", "Y"))
>>> d.is_exact, d.shape
(True, (2, 2))
>>> d.entropy(["X", "Y"])
1.0
>>> d.with_latent("L", function=lambda x, y: x).marginal(["L"]).pmf.tolist()
[Fraction(1, 2), Fraction(1, 2)]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from fractions import Fraction
from numbers import Rational

import numpy as np

from natlat_sym.errors import BudgetExceeded, DistributionError
from natlat_sym.limits import MAX_DENSE_CELLS, exact_number

__all__ = ["Distribution", "DEFAULT_TOLERANCE", "to_exact_number", "entropy_bits"]

DEFAULT_TOLERANCE = 1e-9
"""Allowed ``|sum - 1|`` (and channel row-sum error) for float distributions."""


def entropy_bits(p) -> float:
    """Shannon entropy in bits, as a float, of the masses ``p`` (any shape;
    zeros contribute nothing).  Floats only: for searches and reports.

    >>> entropy_bits([0.5, 0.25, 0.25])
    1.5
    """
    p = np.asarray(p, dtype=np.float64).ravel()
    p = p[p > 0]
    return float(-(p * np.log2(p)).sum()) + 0.0


# --------------------------------------------------------------------- numbers
def _is_exact_scalar(x) -> bool:
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


def _to_float(x, where: str = "") -> float:
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


def _as_object_array(data, what: str) -> np.ndarray:
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


def _exact_array(arr: np.ndarray, what: str) -> np.ndarray:
    out = np.empty(arr.shape, dtype=object)
    for idx in np.ndindex(arr.shape):
        v = to_exact_number(arr[idx], f"of {what} at index {_fmt_index(idx)}")
        if v < 0:
            raise DistributionError(f"{what} entry at index {_fmt_index(idx)} is negative ({v})")
        out[idx] = v
    return out


def _float_array(arr: np.ndarray, what: str) -> np.ndarray:
    if arr.dtype == object:
        out = np.empty(arr.shape, dtype=np.float64)
        for idx in np.ndindex(arr.shape):
            out[idx] = _to_float(arr[idx], f"of {what} at index {_fmt_index(idx)}")
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


def _frozen(arr: np.ndarray) -> np.ndarray:
    arr.setflags(write=False)
    return arr


def _validate_names(names, what="names") -> tuple[str, ...]:
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


def _validate_alphabet(labels, name: str, size: int | None) -> tuple:
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


# --------------------------------------------------------------------- class
class Distribution:
    """An immutable joint pmf over named finite random variables.

    Build one with :meth:`from_array` or :meth:`from_dict` (the constructor
    takes the same arguments as :meth:`from_array`).

    Attributes
    ----------
    names : tuple of str
        Variable names, one per array axis.
    alphabets : tuple of tuple
        Outcome labels per variable.
    pmf : numpy.ndarray
        Read-only array of shape ``tuple(len(a) for a in alphabets)``;
        ``float64``, or ``dtype=object`` holding Fractions when exact.
    is_exact : bool
    latents : tuple of str
        Names of the variables marked as latents.
    tolerance : float
        Tolerance used to validate float sums (0 for exact distributions).

    Examples
    --------
    >>> d = Distribution.from_array([[0.25, 0.25], [0.25, 0.25]], ["A", "B"])
    >>> d.entropy(["A"]), d.entropy(["A", "B"])
    (1.0, 2.0)
    >>> Distribution.from_array([0.5, 0.6], ["A"])
    Traceback (most recent call last):
    ...
    natlat_sym.errors.DistributionError: probabilities sum to 1.1, not 1 (tolerance 1e-09)
    """

    __slots__ = ("names", "alphabets", "pmf", "is_exact", "latents", "tolerance", "_index")

    def __init__(self, pmf, names, *, alphabets=None, exact=None, tolerance=DEFAULT_TOLERANCE,
                 latents=()):
        names = _validate_names(names)
        arr = _as_object_array(pmf, "pmf")
        if arr.ndim != len(names):
            raise DistributionError(
                f"pmf has {arr.ndim} axes but {len(names)} names were given ({', '.join(names) or 'none'})")
        for axis, k in enumerate(arr.shape):
            if k == 0:
                raise DistributionError(f"alphabet of {names[axis]!r} is empty (axis {axis} has size 0)")
        if alphabets is None:
            alphabets = tuple(tuple(range(k)) for k in arr.shape)
        else:
            alphabets = tuple(alphabets)
            if len(alphabets) != len(names):
                raise DistributionError(f"{len(alphabets)} alphabets given for {len(names)} variables")
            alphabets = tuple(_validate_alphabet(a, n, k) for a, n, k in zip(alphabets, names, arr.shape))
        if exact is None:
            exact = arr.dtype == object and all(_is_exact_scalar(v) for v in arr.flat)
            exact = exact or arr.dtype.kind in "iu"
        if not (isinstance(tolerance, (int, float)) and 0 <= tolerance < 1):
            raise DistributionError(f"tolerance must be a number in [0, 1), got {tolerance!r}")
        if exact:
            values = _exact_array(arr, "pmf")
            total = sum(values.flat, Fraction(0)) if values.size else Fraction(0)
            if total != 1:
                raise DistributionError(f"probabilities sum to {total}, not 1 (exact rationals must sum to exactly 1)")
            tolerance = 0.0
        else:
            values = _float_array(arr, "pmf")
            total = float(values.sum())
            if abs(total - 1.0) > tolerance:
                raise DistributionError(f"probabilities sum to {total!r}, not 1 (tolerance {tolerance!r})")
        latents = _validate_names(latents, "latents")
        for lat in latents:
            if lat not in names:
                raise DistributionError(f"latent {lat!r} is not one of the variables ({', '.join(names)})")
        self.names = names
        self.alphabets = alphabets
        self.pmf = _frozen(values)
        self.is_exact = bool(exact)
        self.latents = tuple(n for n in names if n in set(latents))
        self.tolerance = float(tolerance)
        self._index = {n: i for i, n in enumerate(names)}

    def __setattr__(self, key, value):
        if hasattr(self, "_index") and key in Distribution.__slots__:
            raise AttributeError("Distribution is immutable")
        object.__setattr__(self, key, value)

    # ----------------------------------------------------------------- builders
    @classmethod
    def from_array(cls, pmf, names, *, alphabets=None, exact=None, tolerance=DEFAULT_TOLERANCE,
                   latents=()) -> "Distribution":
        """A distribution from an array-like of probabilities.

        Parameters
        ----------
        pmf : array-like
            Nested lists or a numpy array, one axis per variable.
        names : sequence of str
            Variable names (identifiers), one per axis, no duplicates.
        alphabets : sequence of sequences, optional
            Outcome labels per variable (default ``range(k)``).
        exact : bool, optional
            ``True``: store Fractions (floats become their exact binary
            value, so the sum must still be exactly 1); ``False``: store
            float64; default: exact iff no entry is a float.
        tolerance : float
            Allowed ``|sum - 1|`` for float distributions.
        latents : sequence of str
            Variables to mark as latents.

        Raises
        ------
        DistributionError
            Negative, NaN/inf or non-numeric entries, wrong sum, shape or
            alphabet mismatch, duplicate or invalid names, empty alphabets.

        Examples
        --------
        >>> Distribution.from_array([["1/3", "2/3"]], ("A", "B")).pmf[0, 1]
        Fraction(2, 3)
        >>> Distribution.from_array([[0.5, -0.1], [0.6, 0.0]], ("A", "B"))
        Traceback (most recent call last):
        ...
        natlat_sym.errors.DistributionError: pmf entry at index (0, 1) is negative (-0.1)
        """
        return cls(pmf, names, alphabets=alphabets, exact=exact, tolerance=tolerance, latents=latents)

    @classmethod
    def from_dict(cls, mapping: Mapping, names, *, alphabets=None, exact=None,
                  tolerance=DEFAULT_TOLERANCE, latents=()) -> "Distribution":
        """A distribution from ``{outcome tuple: probability}``; missing
        outcomes have probability 0.

        Without ``alphabets`` each variable's alphabet is the sorted set of
        labels seen in the outcomes (insertion order if labels do not sort).

        Examples
        --------
        >>> d = Distribution.from_dict({(0, "a"): "1/2", (1, "b"): "1/2"}, ["X", "Y"])
        >>> d.alphabets, d.pmf.tolist()
        (((0, 1), ('a', 'b')), [[Fraction(1, 2), Fraction(0, 1)], [Fraction(0, 1), Fraction(1, 2)]])
        """
        names = _validate_names(names)
        if not isinstance(mapping, Mapping) or not mapping:
            raise DistributionError("from_dict needs a nonempty mapping {outcome tuple: probability}")
        outcomes = []
        for key in mapping:
            out = key if isinstance(key, tuple) else (key,)
            if len(out) != len(names):
                raise DistributionError(
                    f"outcome {key!r} has {len(out)} components but there are {len(names)} variables")
            outcomes.append(out)
        if alphabets is None:
            alphabets = []
            for axis in range(len(names)):
                seen = list(dict.fromkeys(o[axis] for o in outcomes))
                try:
                    seen = sorted(seen)
                except TypeError:
                    pass
                alphabets.append(tuple(seen))
        else:
            if len(alphabets) != len(names):
                raise DistributionError(f"{len(alphabets)} alphabets given for {len(names)} variables")
            alphabets = [_validate_alphabet(a, n, None) for a, n in zip(alphabets, names)]
        cells = math.prod(len(a) for a in alphabets)
        if cells > MAX_DENSE_CELLS:  # refuse before allocating the dense array
            raise BudgetExceeded(f"a dense array over these alphabets has {cells} cells, beyond the budget of "
                                 f"{MAX_DENSE_CELLS} (natlat_sym.limits.MAX_DENSE_CELLS)")
        index = [{lab: i for i, lab in enumerate(a)} for a in alphabets]
        values = list(mapping.values())
        if exact is None:
            exact = all(_is_exact_scalar(v) for v in values)
        arr = np.empty(tuple(len(a) for a in alphabets), dtype=object)
        arr.fill(Fraction(0) if exact else 0.0)
        for out, v in zip(outcomes, values):
            try:
                idx = tuple(index[axis][lab] for axis, lab in enumerate(out))
            except KeyError as exc:
                raise DistributionError(f"outcome {out!r}: label {exc.args[0]!r} is not in its alphabet") from None
            arr[idx] = v
        return cls(arr, names, alphabets=alphabets, exact=exact, tolerance=tolerance, latents=latents)

    # ----------------------------------------------------------------- access
    @property
    def shape(self) -> tuple[int, ...]:
        return self.pmf.shape

    @property
    def observables(self) -> tuple[str, ...]:
        """Names of the variables not marked as latents."""
        return tuple(n for n in self.names if n not in self.latents)

    def axis(self, name: str) -> int:
        """Axis of variable ``name``; DistributionError if unknown."""
        try:
            return self._index[name]
        except (KeyError, TypeError):
            raise DistributionError(f"unknown variable {name!r}; variables are {', '.join(self.names)}") from None

    def alphabet(self, name: str) -> tuple:
        return self.alphabets[self.axis(name)]

    def probability(self, **outcome):
        """``P[X=x, ...]`` for some of the variables, by label.

        >>> Distribution.from_array([[0.5, 0], [0, 0.5]], ["X", "Y"]).probability(X=1)
        0.5
        """
        return _scalar(self.marginal(tuple(outcome)).pmf[self._labels_to_index(outcome)])

    def support(self) -> list[tuple]:
        """Outcomes (label tuples) with positive probability, in array order."""
        return [tuple(a[i] for a, i in zip(self.alphabets, idx))
                for idx in np.ndindex(self.shape) if self.pmf[idx] > 0]

    def items(self):
        """``(outcome labels, probability)`` pairs over the support."""
        for idx in np.ndindex(self.shape):
            p = self.pmf[idx]
            if p > 0:
                yield tuple(a[i] for a, i in zip(self.alphabets, idx)), _scalar(p)

    def _labels_to_index(self, outcome: Mapping) -> tuple:
        idx = []
        for n, lab in outcome.items():
            a = self.alphabet(n)
            try:
                idx.append(a.index(lab))
            except ValueError:
                raise DistributionError(f"{lab!r} is not in the alphabet of {n!r} {a!r}") from None
        return tuple(idx)

    def _subset(self, names) -> tuple[str, ...]:
        names = (names,) if isinstance(names, str) else tuple(names)
        if len(set(names)) != len(names):
            raise DistributionError(f"repeated variable in {names!r}")
        for n in names:
            self.axis(n)
        return names

    # ----------------------------------------------------------------- operations
    def marginal(self, names) -> "Distribution":
        """The marginal over ``names``, axes in the order given.

        >>> d = Distribution.from_array([[0.1, 0.2], [0.3, 0.4]], ["A", "B"])
        >>> d.marginal(["B"]).pmf.round(12).tolist()
        [0.4, 0.6]
        """
        names = self._subset(names)
        keep = [self._index[n] for n in names]
        drop = tuple(i for i in range(len(self.names)) if i not in keep)
        if not keep:
            total = sum(self.pmf.flat, Fraction(0)) if self.is_exact else float(self.pmf.sum())
            return _make(np.array(total, dtype=object if self.is_exact else np.float64), (), (),
                         self.is_exact, self.tolerance, ())
        arr = self.pmf.sum(axis=drop) if drop else self.pmf
        order = sorted(range(len(keep)), key=lambda j: keep[j])  # kept axes appear in original order
        arr = np.transpose(arr, [order.index(j) for j in range(len(keep))]) if keep else np.asarray(arr)
        return _make(arr, names, tuple(self.alphabets[i] for i in keep), self.is_exact,
                     self.tolerance, tuple(n for n in self.latents if n in names))

    def entropy(self, names) -> float:
        """Joint entropy ``H(names)`` in bits, as a float (exact values:
        :mod:`natlat_sym.finite.evaluate`).  ``H(∅) = 0``.

        >>> Distribution.from_array([0.5, 0.25, 0.25], ["X"]).entropy(["X"])
        1.5
        """
        names = self._subset(names)
        if not names:
            return 0.0
        return entropy_bits(self.marginal(names).pmf)

    def with_latent(self, name: str, channel=None, function: Callable | None = None,
                    alphabet=None, *, given=None, latent: bool = True) -> "Distribution":
        """Add a variable ``name`` drawn from ``P[name | given]`` or as ``f(given)``.

        Parameters
        ----------
        name : str
            New variable name.
        channel : array-like, optional
            ``channel[i1, ..., im, l] = P[name = alphabet[l] | given = (i1..im)]``;
            shape ``(sizes of given..., size of new alphabet)``; every row sums to 1.
        function : callable, optional
            ``function(*labels of given) -> label``: a deterministic latent.
        alphabet : sequence, optional
            Labels of the new variable (default ``range(k)`` for a channel,
            the sorted values of ``function`` for a function).
        given : sequence of str, optional
            Parent variables (default: all current variables).
        latent : bool
            Mark the new variable as a latent (default True).

        The new variable is the last axis.  The result is exact when both
        the distribution and the channel are exact.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> d = Distribution.from_array([F(1, 2), F(1, 2)], ["X"])
        >>> flip = [[F(9, 10), F(1, 10)], [F(1, 10), F(9, 10)]]
        >>> d.with_latent("L", flip).pmf.tolist()
        [[Fraction(9, 20), Fraction(1, 20)], [Fraction(1, 20), Fraction(9, 20)]]
        >>> d.with_latent("L", [[0.5, 0.4], [1, 0]])
        Traceback (most recent call last):
        ...
        natlat_sym.errors.DistributionError: channel row at index (0,) sums to 0.9, not 1 (tolerance 1e-09)
        """
        (name,) = _validate_names((name,), "latent name")
        if name in self._index:
            raise DistributionError(f"variable {name!r} already exists")
        given = self.names if given is None else self._subset(given)
        if (channel is None) == (function is None):
            raise DistributionError("with_latent needs exactly one of channel= or function=")
        parent_axes = [self._index[g] for g in given]
        parent_shape = tuple(self.shape[i] for i in parent_axes)
        if function is not None:
            values = {}
            for idx in np.ndindex(parent_shape):
                labels = tuple(self.alphabets[a][i] for a, i in zip(parent_axes, idx))
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
            alphabet = _validate_alphabet(alphabet, name, None)
            pos = {lab: i for i, lab in enumerate(alphabet)}
            ch = np.empty(parent_shape + (len(alphabet),), dtype=object)
            ch.fill(0)
            for idx, v in values.items():
                if v not in pos:
                    raise DistributionError(f"function value {v!r} is not in the alphabet of {name!r}")
                ch[idx + (pos[v],)] = 1
            exact = self.is_exact
        else:
            ch = _as_object_array(channel, "channel")
            if ch.shape[:-1] != parent_shape or ch.ndim != len(parent_shape) + 1:
                raise DistributionError(
                    f"channel has shape {ch.shape}; expected {parent_shape + ('k',)} for P[{name}|{','.join(given)}]")
            if ch.shape[-1] == 0:
                raise DistributionError(f"alphabet of {name!r} is empty (channel's last axis has size 0)")
            alphabet = _validate_alphabet(range(ch.shape[-1]) if alphabet is None else alphabet,
                                          name, ch.shape[-1])
            exact = self.is_exact and (
                ch.dtype.kind in "iu" or (ch.dtype == object and all(_is_exact_scalar(v) for v in ch.flat)))
        if exact:
            ch = _exact_array(ch, "channel")
            for idx in np.ndindex(parent_shape):
                s = sum(ch[idx], Fraction(0))
                if s != 1:
                    raise DistributionError(f"channel row at index {_fmt_index(idx)} sums to {s}, not 1")
            base = self.pmf
        else:
            ch = _float_array(ch, "channel")
            sums = ch.sum(axis=-1)
            bad = np.abs(sums - 1.0) > self.tolerance if self.tolerance else np.abs(sums - 1.0) > DEFAULT_TOLERANCE
            if bad.any():
                idx = tuple(np.argwhere(bad)[0]) if bad.ndim else ()
                tol = self.tolerance or DEFAULT_TOLERANCE
                raise DistributionError(
                    f"channel row at index {_fmt_index(idx)} sums to {float(sums[idx])!r}, not 1 (tolerance {tol!r})")
            base = np.asarray(self.pmf, dtype=np.float64)
        # broadcast channel over all axes of the joint
        shape = [1] * len(self.names) + [ch.shape[-1]]
        for a, k in zip(parent_axes, parent_shape):
            shape[a] = k
        order = sorted(range(len(parent_axes)), key=lambda j: parent_axes[j])
        ch_sorted = np.transpose(ch, order + [len(parent_axes)]) if parent_axes else ch
        joint = base[..., None] * ch_sorted.reshape(shape)
        lat = self.latents + ((name,) if latent else ())
        return _make(joint, self.names + (name,), self.alphabets + (alphabet,), exact,
                     self.tolerance or DEFAULT_TOLERANCE, lat)

    def condition(self, **values) -> "Distribution":
        """``P[rest | X=x, ...]`` over the remaining variables, given labels.

        Raises DistributionError if the conditioning event has probability 0.

        >>> d = Distribution.from_array([[0.5, 0.0], [0.25, 0.25]], ["X", "Y"])
        >>> d.condition(X=1).pmf.tolist()
        [0.5, 0.5]
        """
        if not values:
            return self
        idx = self._labels_to_index(values)
        axes = [self._index[n] for n in values]
        sl = [slice(None)] * len(self.names)
        for a, i in zip(axes, idx):
            sl[a] = i
        sub = self.pmf[tuple(sl)]
        rest = tuple(n for n in self.names if n not in values)
        total = sum(np.ravel(sub), Fraction(0)) if self.is_exact else float(np.sum(sub))
        if total == 0:
            raise DistributionError(f"cannot condition on {values!r}: that event has probability 0")
        arr = np.asarray(sub / total, dtype=object if self.is_exact else np.float64)
        return _make(arr, rest, tuple(self.alphabets[self._index[n]] for n in rest), self.is_exact,
                     self.tolerance, tuple(n for n in self.latents if n in rest))

    def mix(self, other: "Distribution", weight) -> "Distribution":
        """The mixture ``(1 - weight)·self + weight·other`` (same names and
        alphabets).  Exact when both are exact and ``weight`` is exact.

        >>> a = Distribution.from_array([1, 0], ["X"]); b = Distribution.from_array([0, 1], ["X"])
        >>> a.mix(b, "1/4").pmf.tolist()
        [Fraction(3, 4), Fraction(1, 4)]
        """
        if not isinstance(other, Distribution):
            raise DistributionError(f"can only mix with a Distribution, got {type(other).__name__}")
        if other.names != self.names or other.alphabets != self.alphabets:
            raise DistributionError("mixed distributions must have the same names and alphabets in the same order")
        exact = self.is_exact and other.is_exact and _is_exact_scalar(weight)
        w = to_exact_number(weight, "(mixture weight)") if exact else _to_float(weight, "(mixture weight)")
        if not 0 <= w <= 1:
            raise DistributionError(f"mixture weight must be in [0, 1], got {weight!r}")
        if exact:
            arr = self.pmf * (1 - w) + other.pmf * w
        else:
            arr = self.to_float().pmf * (1 - w) + other.to_float().pmf * w
        return _make(np.asarray(arr), self.names, self.alphabets, exact,
                     max(self.tolerance, other.tolerance) or DEFAULT_TOLERANCE,
                     tuple(dict.fromkeys(self.latents + other.latents)))

    def product(self, other: "Distribution") -> "Distribution":
        """The independent joint ``P[self]·P[other]`` (disjoint names).

        >>> a = Distribution.from_array(["1/2", "1/2"], ["X"]); b = Distribution.from_array(["1/3", "2/3"], ["Y"])
        >>> a.product(b).pmf[1, 1]
        Fraction(1, 3)
        """
        if set(self.names) & set(other.names):
            raise DistributionError(f"product needs disjoint names; shared: {sorted(set(self.names) & set(other.names))}")
        exact = self.is_exact and other.is_exact
        a = self.pmf if exact else self.to_float().pmf
        b = other.pmf if exact else other.to_float().pmf
        arr = np.multiply.outer(a, b)
        return _make(arr, self.names + other.names, self.alphabets + other.alphabets, exact,
                     max(self.tolerance, other.tolerance) or DEFAULT_TOLERANCE, self.latents + other.latents)

    def rename(self, mapping: Mapping[str, str]) -> "Distribution":
        """Rename variables (``{"old": "new"}``)."""
        for old in mapping:
            self.axis(old)
        names = tuple(mapping.get(n, n) for n in self.names)
        return Distribution(self.pmf, names, alphabets=self.alphabets, exact=self.is_exact,
                            tolerance=self.tolerance or DEFAULT_TOLERANCE,
                            latents=tuple(mapping.get(n, n) for n in self.latents))

    def reorder(self, names) -> "Distribution":
        """The same distribution with axes in the order ``names`` (a permutation)."""
        names = self._subset(names)
        if set(names) != set(self.names):
            raise DistributionError(f"reorder needs a permutation of {self.names}, got {names}")
        return self.marginal(names)

    def mark_latents(self, names) -> "Distribution":
        """A copy with exactly ``names`` marked as latents."""
        names = self._subset(names)
        return _make(self.pmf, self.names, self.alphabets, self.is_exact, self.tolerance, names)

    def to_float(self) -> "Distribution":
        """A float64 copy (unchanged if already float)."""
        if not self.is_exact:
            return self
        arr = np.vectorize(float, otypes=[np.float64])(self.pmf) if self.pmf.size else np.zeros(self.shape)
        return _make(arr, self.names, self.alphabets, False, DEFAULT_TOLERANCE, self.latents)

    def to_exact(self, *, max_denominator: int | None = None) -> "Distribution":
        """An exact copy.  Float entries become their exact binary rationals
        (or the nearest rational with denominator at most
        ``max_denominator``), then everything is divided by the exact total
        so the result sums to exactly 1.  Zeros stay zeros.

        >>> d = Distribution.from_array([0.1, 0.9], ["X"]).to_exact(max_denominator=100)
        >>> d.pmf.tolist()
        [Fraction(1, 10), Fraction(9, 10)]
        """
        if self.is_exact:
            return self
        arr = np.empty(self.shape, dtype=object)
        for idx in np.ndindex(self.shape):
            v = Fraction(float(self.pmf[idx]))
            if max_denominator is not None and v:
                v = v.limit_denominator(max_denominator)
            arr[idx] = v
        total = sum(arr.flat, Fraction(0))
        if total == 0:
            raise DistributionError("cannot rationalize: every entry rounded to 0")
        return _make(arr / total, self.names, self.alphabets, True, 0.0, self.latents)

    def is_close(self, other: "Distribution", *, atol: float = 1e-12) -> bool:
        """Same names/alphabets and entries within ``atol`` (float comparison; not a proof)."""
        return (self.names == other.names and self.alphabets == other.alphabets
                and bool(np.allclose(self.to_float().pmf, other.to_float().pmf, rtol=0, atol=atol)))

    # ----------------------------------------------------------------- json
    def to_json(self) -> dict:
        """JSON-ready dict in the format of :mod:`natlat_sym.finite.io`."""
        from natlat_sym.finite.io import distribution_to_json
        return distribution_to_json(self)

    @classmethod
    def from_json(cls, data: Mapping) -> "Distribution":
        """Inverse of :meth:`to_json`."""
        from natlat_sym.finite.io import distribution_from_json
        return distribution_from_json(data)

    # ----------------------------------------------------------------- identity
    def __eq__(self, other) -> bool:
        if not isinstance(other, Distribution):
            return NotImplemented
        return (self.names == other.names and self.alphabets == other.alphabets
                and self.is_exact == other.is_exact and self.latents == other.latents
                and bool(np.array_equal(self.pmf, other.pmf)))

    def __hash__(self) -> int:
        return hash((self.names, self.alphabets, self.is_exact, tuple(self.pmf.flat)))

    # ----------------------------------------------------------------- display
    #: At most this many outcomes are listed by ``str`` and the notebook table.
    MAX_SHOWN_OUTCOMES = 32

    def _shown_rows(self):
        """(rows of (labels, probability text), number of support outcomes)."""
        mask = self.pmf > 0
        idx = np.argwhere(np.asarray(mask, dtype=bool))
        rows = []
        for k in idx[: self.MAX_SHOWN_OUTCOMES]:
            k = tuple(int(i) for i in k)
            p = self.pmf[k]
            text = str(p) if isinstance(p, Fraction) else f"{float(p):.6g}"
            rows.append((tuple(str(a[i]) for a, i in zip(self.alphabets, k)), text))
        return rows, len(idx)

    def __str__(self) -> str:
        """The pmf as a table over the support (first outcomes only when large).

        Examples
        --------
        >>> print(Distribution.from_dict({(0, 0): "1/2", (1, 1): "1/2"}, ["X", "Y"]))
        X  Y  P
        0  0  1/2
        1  1  1/2
        """
        rows, total = self._shown_rows()
        header = (*self.names, "P")
        table = [header] + [(*labels, p) for labels, p in rows]
        widths = [max(len(str(r[c])) for r in table) for c in range(len(header))]
        lines = ["  ".join(str(v).ljust(w) for v, w in zip(r, widths)).rstrip() for r in table]
        if total > len(rows):
            lines.append(f"... {total - len(rows)} more outcomes with positive probability")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from html import escape

        rows, total = self._shown_rows()
        kind = "exact" if self.is_exact else "float"
        head = "".join(f"<th>{escape(n)}{' (latent)' if n in self.latents else ''}</th>" for n in self.names)
        body = "".join("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in labels) + f"<td>{escape(p)}</td></tr>"
                       for labels, p in rows)
        more = (f"<tr><td colspan='{len(self.names) + 1}'>… {total - len(rows)} more outcomes</td></tr>"
                if total > len(rows) else "")
        return (f'<table class="natlat-table"><caption>{kind} distribution, shape {self.shape}</caption>'
                f"<thead><tr>{head}<th>P</th></tr></thead><tbody>{body}{more}</tbody></table>")

    def __repr__(self) -> str:
        kind = "exact" if self.is_exact else "float"
        vars_ = ", ".join(f"{n}:{len(a)}" for n, a in zip(self.names, self.alphabets))
        lat = f", latents={list(self.latents)}" if self.latents else ""
        return f"<Distribution {kind} P[{vars_}]{lat}>"


def _scalar(p):
    return p if isinstance(p, Fraction) else (Fraction(int(p)) if isinstance(p, (int, np.integer)) else float(p))


def _make(arr, names, alphabets, exact, tolerance, latents) -> Distribution:
    """Internal constructor for already-valid data (skips re-validation of entries)."""
    d = object.__new__(Distribution)
    if exact:
        arr = np.asarray(arr, dtype=object)
        if arr.size and not all(isinstance(v, Fraction) for v in arr.flat):
            arr = np.vectorize(Fraction, otypes=[object])(arr)
    else:
        arr = np.array(arr, dtype=np.float64)
    arr = np.array(arr, dtype=arr.dtype, copy=True)
    object.__setattr__(d, "names", tuple(names))
    object.__setattr__(d, "alphabets", tuple(alphabets))
    object.__setattr__(d, "pmf", _frozen(arr))
    object.__setattr__(d, "is_exact", bool(exact))
    object.__setattr__(d, "latents", tuple(latents))
    object.__setattr__(d, "tolerance", 0.0 if exact else float(tolerance))
    object.__setattr__(d, "_index", {n: i for i, n in enumerate(names)})
    return d
