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
(format in :mod:`natlat_sym.finite.io`).  The checks of raw inputs live in
:mod:`~natlat_sym.finite.pmf_arrays`, the JSON dict form in
:mod:`~natlat_sym.finite.distribution_json`, the printed tables in
:mod:`~natlat_sym.finite.pmf_tables`.

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

import numpy as np

from natlat_sym.errors import BudgetExceeded, DistributionError
from natlat_sym.finite.distribution_json import distribution_to_json, read_distribution_json
from natlat_sym.finite.pmf_arrays import (DEFAULT_TOLERANCE, as_object_array, checked_channel, exact_array,
                                          float_array, is_exact_scalar, read_only, to_exact_number, to_float_number,
                                          validate_alphabet, validate_names)
from natlat_sym.finite.pmf_tables import support_html_table, support_latex_table, support_text_table
from natlat_sym.limits import MAX_DENSE_CELLS

__all__ = ["Distribution", "DEFAULT_TOLERANCE", "to_exact_number", "entropy_bits"]

def entropy_bits(p) -> float:
    """Shannon entropy in bits, as a float, of the masses ``p`` (any shape;
    zeros contribute nothing).  Floats only: for searches and reports.

    >>> entropy_bits([0.5, 0.25, 0.25])
    1.5
    """
    p = np.asarray(p, dtype=np.float64).ravel()
    p = p[p > 0]
    return float(-(p * np.log2(p)).sum()) + 0.0


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
        names = validate_names(names)
        arr = as_object_array(pmf, "pmf")
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
            alphabets = tuple(validate_alphabet(a, n, k) for a, n, k in zip(alphabets, names, arr.shape))
        if exact is None:
            exact = arr.dtype == object and all(is_exact_scalar(v) for v in arr.flat)
            exact = exact or arr.dtype.kind in "iu"
        if not (isinstance(tolerance, (int, float)) and 0 <= tolerance < 1):
            raise DistributionError(f"tolerance must be a number in [0, 1), got {tolerance!r}")
        if exact:
            values = exact_array(arr, "pmf")
            total = sum(values.flat, Fraction(0)) if values.size else Fraction(0)
            if total != 1:
                raise DistributionError(f"probabilities sum to {total}, not 1 (exact rationals must sum to exactly 1)")
            tolerance = 0.0
        else:
            values = float_array(arr, "pmf")
            total = float(values.sum())
            if abs(total - 1.0) > tolerance:
                raise DistributionError(f"probabilities sum to {total!r}, not 1 (tolerance {tolerance!r})")
        latents = validate_names(latents, "latents")
        for lat in latents:
            if lat not in names:
                raise DistributionError(f"latent {lat!r} is not one of the variables ({', '.join(names)})")
        self.names = names
        self.alphabets = alphabets
        self.pmf = read_only(values)
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

        Parameters
        ----------
        mapping : mapping
            ``{outcome: probability}``; an outcome is a tuple with one label
            per variable (a bare label for one variable); probabilities as
            for :meth:`from_array` (``"1/3"``, ``Fraction``, ``0.25``).
        names : sequence of str
            Variable names (identifiers), one per outcome component.
        alphabets : sequence of sequences, optional
            Outcome labels per variable (default: the labels seen).
        exact : bool, optional
            As for :meth:`from_array` (default: exact iff no probability is a float).
        tolerance : float
            Allowed ``|sum - 1|`` for float distributions.
        latents : sequence of str
            Variables to mark as latents.

        Examples
        --------
        >>> d = Distribution.from_dict({(0, "a"): "1/2", (1, "b"): "1/2"}, ["X", "Y"])
        >>> d.alphabets, d.pmf.tolist()
        (((0, 1), ('a', 'b')), [[Fraction(1, 2), Fraction(0, 1)], [Fraction(0, 1), Fraction(1, 2)]])
        """
        names = validate_names(names)
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
            alphabets = [validate_alphabet(a, n, None) for a, n in zip(alphabets, names)]
        cells = math.prod(len(a) for a in alphabets)
        if cells > MAX_DENSE_CELLS:  # refuse before allocating the dense array
            raise BudgetExceeded(f"a dense array over these alphabets has {cells} cells, beyond the budget of "
                                 f"{MAX_DENSE_CELLS} (natlat_sym.limits.MAX_DENSE_CELLS)")
        index = [{lab: i for i, lab in enumerate(a)} for a in alphabets]
        values = list(mapping.values())
        if exact is None:
            exact = all(is_exact_scalar(v) for v in values)
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
        (name,) = validate_names((name,), "latent name")
        if name in self._index:
            raise DistributionError(f"variable {name!r} already exists")
        given = self.names if given is None else self._subset(given)
        if (channel is None) == (function is None):
            raise DistributionError("with_latent needs exactly one of channel= or function=")
        parent_axes = [self._index[g] for g in given]
        parent_shape = tuple(self.shape[i] for i in parent_axes)
        ch, alphabet, exact = checked_channel(
            name, given, parent_shape, lambda idx: tuple(self.alphabets[a][i] for a, i in zip(parent_axes, idx)),
            channel=channel, function=function, alphabet=alphabet, exact_parents=self.is_exact,
            tolerance=self.tolerance)
        base = self.pmf if exact else np.asarray(self.pmf, dtype=np.float64)
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
        exact = self.is_exact and other.is_exact and is_exact_scalar(weight)
        w = to_exact_number(weight, "(mixture weight)") if exact else to_float_number(weight, "(mixture weight)")
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
        return distribution_to_json(self)

    @classmethod
    def from_json(cls, data: Mapping) -> "Distribution":
        """Inverse of :meth:`to_json`."""
        return read_distribution_json(data).build(cls)

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

    def __str__(self) -> str:
        """The pmf as a table over the support (first outcomes only when large).

        Examples
        --------
        >>> print(Distribution.from_dict({(0, 0): "1/2", (1, 1): "1/2"}, ["X", "Y"]))
        X  Y  P
        0  0  1/2
        1  1  1/2
        """
        return support_text_table(self, self.MAX_SHOWN_OUTCOMES)

    def _repr_html_(self) -> str:
        return support_html_table(self, self.MAX_SHOWN_OUTCOMES)

    def _repr_latex_(self) -> str:
        return support_latex_table(self, self.MAX_SHOWN_OUTCOMES)

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
    object.__setattr__(d, "pmf", read_only(arr))
    object.__setattr__(d, "is_exact", bool(exact))
    object.__setattr__(d, "latents", tuple(latents))
    object.__setattr__(d, "tolerance", 0.0 if exact else float(tolerance))
    object.__setattr__(d, "_index", {n: i for i, n in enumerate(names)})
    return d
