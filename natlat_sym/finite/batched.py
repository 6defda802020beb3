"""Many distributions at once: vectorised marginals, entropies and information values.

Searches and property tests evaluate the same expression on thousands of
distributions over the same variables.  A :class:`DistributionBatch` holds
``B`` float pmfs as one array of shape ``(B, k1, ..., kn)``; every joint
entropy an expression needs is computed once for the whole batch, each
marginal summed from the smallest marginal already computed that contains
it.  Values are floats (bits) — for search and screening only; decide
anything with :func:`natlat_sym.finite.evaluate.check_on`.

Public API
----------
:class:`DistributionBatch` — ``from_distributions``, ``random``,
``marginal``, ``entropies``, ``evaluate``, ``evaluate_many``, ``[i]``.
:func:`evaluate_batch` — one-call form on a raw array.

Examples
--------
>>> import numpy as np
>>> from natlat_sym.finite.families import dsbs, xor
>>> batch = DistributionBatch.from_distributions([dsbs(0.1), dsbs(0.5)])
>>> np.round(batch.evaluate("I(X1;X2)"), 6).tolist()
[0.531004, 0.0]
>>> b = DistributionBatch.random([3, 3, 3, 3], 1000, seed=0, names=["X0", "X1", "X2", "X3"])
>>> b.evaluate("I(X0;X1|X2)").shape
(1000,)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from scipy.special import entr

from natlat_sym.errors import DistributionError
from natlat_sym.finite.distribution import DEFAULT_TOLERANCE, Distribution
from natlat_sym.finite.pmf_arrays import validate_alphabet, validate_names
from natlat_sym.limits import check_time
from natlat_sym.finite.evaluate import _parameter_values, as_linear_form

__all__ = ["DistributionBatch", "evaluate_batch"]

_LN2 = float(np.log(2.0))


class DistributionBatch:
    """``B`` float joint pmfs over the same named variables.

    Parameters
    ----------
    pmfs : array-like of shape ``(B, k1, ..., kn)``
    names : sequence of str
        One name per variable axis (``n`` names).
    alphabets : sequence of sequences, optional
    tolerance : float
        Allowed ``|sum - 1|`` per distribution.
    validate : bool
        Check entries and sums (default True); pass False only for arrays you
        built yourself and already checked.

    Examples
    --------
    >>> DistributionBatch([[0.5, 0.5], [0.9, 0.2]], ["X"])
    Traceback (most recent call last):
    ...
    natlat_sym.errors.DistributionError: distribution 1 of the batch sums to 1.1, not 1 (tolerance 1e-09)
    """

    __slots__ = ("names", "alphabets", "pmfs", "_cache", "_index")

    def __init__(self, pmfs, names, *, alphabets=None, tolerance: float = DEFAULT_TOLERANCE,
                 validate: bool = True):
        names = validate_names(names)
        try:
            arr = np.asarray(pmfs, dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise DistributionError(f"batch pmfs are not a numeric array: {exc}") from None
        if arr.ndim != len(names) + 1:
            raise DistributionError(
                f"batch array has {arr.ndim} axes; expected 1 + {len(names)} (batch axis + one per variable)")
        for axis, k in enumerate(arr.shape[1:]):
            if k == 0:
                raise DistributionError(f"alphabet of {names[axis]!r} is empty (axis {axis + 1} has size 0)")
        if alphabets is None:
            alphabets = tuple(tuple(range(k)) for k in arr.shape[1:])
        else:
            if len(alphabets) != len(names):
                raise DistributionError(f"{len(alphabets)} alphabets given for {len(names)} variables")
            alphabets = tuple(validate_alphabet(a, n, k) for a, n, k in zip(alphabets, names, arr.shape[1:]))
        if validate and arr.size:
            flat = arr.reshape(arr.shape[0], -1)
            bad = ~np.isfinite(flat)
            if bad.any():
                b, j = np.argwhere(bad)[0]
                idx = np.unravel_index(j, arr.shape[1:])
                raise DistributionError(f"distribution {b} of the batch has a non-finite entry at index "
                                        f"{tuple(int(i) for i in idx)} ({flat[b, j]})")
            neg = flat < 0
            if neg.any():
                b, j = np.argwhere(neg)[0]
                idx = np.unravel_index(j, arr.shape[1:])
                raise DistributionError(f"distribution {b} of the batch has a negative entry at index "
                                        f"{tuple(int(i) for i in idx)} ({flat[b, j]})")
            sums = flat.sum(axis=1)
            off = np.abs(sums - 1.0) > tolerance
            if off.any():
                b = int(np.argmax(off))
                raise DistributionError(
                    f"distribution {b} of the batch sums to {float(sums[b])!r}, not 1 (tolerance {tolerance!r})")
        arr = np.array(arr, copy=True)
        arr.setflags(write=False)
        self.names = names
        self.alphabets = alphabets
        self.pmfs = arr
        self._index = {n: i for i, n in enumerate(names)}
        self._cache: dict[frozenset, np.ndarray] = {frozenset(names): arr}

    # ----------------------------------------------------------------- builders
    @classmethod
    def from_distributions(cls, dists: Sequence[Distribution]) -> "DistributionBatch":
        """Stack distributions with identical names and alphabets."""
        dists = list(dists)
        if not dists:
            raise DistributionError("from_distributions needs at least one distribution")
        first = dists[0]
        for i, d in enumerate(dists):
            if d.names != first.names or d.alphabets != first.alphabets:
                raise DistributionError(f"distribution {i} has different names or alphabets than distribution 0")
        arr = np.stack([d.to_float().pmf for d in dists])
        return cls(arr, first.names, alphabets=first.alphabets)

    @classmethod
    def random(cls, sizes: Sequence[int], count: int, *, seed=None, names: Sequence[str] | None = None,
               concentration: float = 1.0) -> "DistributionBatch":
        """``count`` pmfs drawn from a symmetric Dirichlet(``concentration``), reproducible by ``seed``.

        >>> a = DistributionBatch.random([2, 2], 3, seed=7); b = DistributionBatch.random([2, 2], 3, seed=7)
        >>> bool((a.pmfs == b.pmfs).all())
        True
        """
        sizes = tuple(sizes)
        if not sizes or not all(isinstance(k, (int, np.integer)) and k >= 1 for k in sizes):
            raise DistributionError(f"sizes must be positive integers, got {sizes!r}")
        if not isinstance(count, (int, np.integer)) or count < 1:
            raise DistributionError(f"count must be a positive integer, got {count!r}")
        if not concentration > 0:
            raise DistributionError(f"concentration must be > 0, got {concentration!r}")
        rng = np.random.default_rng(seed)
        flat = rng.dirichlet(np.full(int(np.prod(sizes)), float(concentration)), size=int(count))
        names = tuple(f"X{i}" for i in range(len(sizes))) if names is None else names
        return cls(flat.reshape((int(count),) + sizes), names, validate=False)

    # ----------------------------------------------------------------- access
    def __len__(self) -> int:
        return self.pmfs.shape[0]

    def __getitem__(self, i: int) -> Distribution:
        return Distribution.from_array(self.pmfs[i], self.names, alphabets=self.alphabets, exact=False)

    def __repr__(self) -> str:
        vars_ = ", ".join(f"{n}:{len(a)}" for n, a in zip(self.names, self.alphabets))
        return f"<DistributionBatch of {len(self)} P[{vars_}]>"

    def _subset(self, names) -> frozenset:
        s = frozenset((names,) if isinstance(names, str) else names)
        unknown = sorted(s - set(self.names))
        if unknown:
            raise DistributionError(f"unknown variable(s) {', '.join(unknown)}; variables are {', '.join(self.names)}")
        return s

    def marginal(self, names) -> np.ndarray:
        """Batch of marginal pmfs over ``names`` (axes in the batch's variable order)."""
        s = self._subset(names)
        got = self._cache.get(s)
        if got is not None:
            return got
        # the smallest cached superset
        sup = min((c for c in self._cache if s <= c), key=len)
        src = self._cache[sup]
        sup_order = [n for n in self.names if n in sup]
        axes = tuple(1 + i for i, n in enumerate(sup_order) if n not in s)
        out = src.sum(axis=axes)
        self._cache[s] = out
        return out

    def entropies(self, subsets: Iterable) -> dict[frozenset, np.ndarray]:
        """``{frozenset: H}`` (bits, shape ``(B,)``), each marginal computed once."""
        want = sorted({self._subset(s) for s in subsets}, key=len, reverse=True)
        out = {}
        for s in want:
            check_time("batched entropies")  # one marginal per subset: a caller's time budget holds between them
            if not s:
                out[s] = np.zeros(len(self))
                continue
            m = self.marginal(s)
            out[s] = entr(m.reshape(m.shape[0], -1)).sum(axis=1) / _LN2
        return out

    def entropy(self, names) -> np.ndarray:
        """``H(names)`` for every distribution of the batch (bits)."""
        s = self._subset(names)
        return self.entropies([s])[s]

    def evaluate(self, expr, *, parameters: Mapping | None = None) -> np.ndarray:
        """Float value of a linear information expression on each distribution."""
        return self.evaluate_many([expr], parameters=parameters)[0]

    def evaluate_many(self, exprs: Sequence, *, parameters: Mapping | None = None) -> np.ndarray:
        """Values of several expressions, shape ``(len(exprs), B)``; shared
        entropies are computed once."""
        forms = [as_linear_form(e) for e in exprs]
        needed: set[frozenset] = set()
        for f in forms:
            unknown = sorted(f.variables() - set(self.names))
            if unknown:
                raise DistributionError(f"expression mentions {', '.join(unknown)}, not variables of the batch "
                                        f"({', '.join(self.names)})")
            needed |= set(f.entropies) | {s for _, s in f.scaled}
        ent = self.entropies(needed)
        out = np.empty((len(forms), len(self)))
        for i, f in enumerate(forms):
            params = _parameter_values(f, parameters, exact=False)
            total = np.full(len(self), float(f.constant))
            for s, c in f.entropies.items():
                total += float(c) * ent[s]
            for p, c in f.parameters.items():
                total += float(c) * params[p]
            for (p, s), c in f.scaled.items():
                total += float(c) * params[p] * ent[s]
            out[i] = total
        return out


def evaluate_batch(expr, pmfs, names, *, parameters: Mapping | None = None, validate: bool = True) -> np.ndarray:
    """Float values of ``expr`` on a raw ``(B, k1, ..., kn)`` array of pmfs.

    >>> import numpy as np
    >>> evaluate_batch("H(X)", np.array([[0.5, 0.5], [1.0, 0.0]]), ["X"]).tolist()
    [1.0, 0.0]
    """
    return DistributionBatch(pmfs, names, validate=validate).evaluate(expr, parameters=parameters)
