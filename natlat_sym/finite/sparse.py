"""Distributions given by their support, kept sparse.

A distribution file may list only its support (``"support"`` in
:mod:`natlat_sym.finite.io`).  Twenty-five binary variables with two
outcomes is a two-line file, but a dense :class:`~natlat_sym.finite.distribution.Distribution`
would hold 2**25 cells.  :class:`SparseDistribution` keeps the support as a
dictionary ``{index tuple: probability}``, and everything the certified
evaluator needs — marginals, entropies — is computed on the support, in time
proportional to its size.

Dense expansion (:meth:`SparseDistribution.to_dense`) is allowed only within
the cell budget :data:`MAX_DENSE_CELLS`; beyond it the answer is
:class:`~natlat_sym.errors.BudgetExceeded` *before* any large allocation.
:func:`dense_cells` estimates the size of a dense array without building it.

Examples
--------
>>> from fractions import Fraction as F
>>> names = [f"X{i}" for i in range(25)]
>>> d = SparseDistribution({(0,) * 25: F(1, 2), (1,) * 25: F(1, 2)}, names, [(0, 1)] * 25)
>>> d.dense_cells
33554432
>>> sorted(d.marginal_values(["X0", "X7"]))
[Fraction(1, 2), Fraction(1, 2)]
>>> d.entropy(names)
1.0
>>> d.to_dense()
Traceback (most recent call last):
...
natlat_sym.errors.BudgetExceeded: the distribution has 33554432 cells when expanded (25 variables); the dense budget is 4194304 cells — only evaluation on the support (natlat eval) works at this size
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction

from natlat_sym.errors import BudgetExceeded, DistributionError
from natlat_sym.finite.distribution import DEFAULT_TOLERANCE, Distribution, entropy_bits, to_exact_number
from natlat_sym.limits import MAX_DENSE_CELLS

__all__ = ["SparseDistribution", "MAX_DENSE_CELLS", "dense_cells", "marginal_values"]



def dense_cells(alphabet_sizes: Sequence[int]) -> int:
    """Cells of the dense array with these alphabet sizes (exact integer).

    >>> dense_cells([2] * 25)
    33554432
    """
    return math.prod(int(k) for k in alphabet_sizes)


class SparseDistribution:
    """A joint pmf stored on its support: ``{index tuple: probability}``.

    Attributes mirror :class:`~natlat_sym.finite.distribution.Distribution`
    (``names``, ``alphabets``, ``is_exact``, ``latents``, ``tolerance``,
    ``shape``); probabilities are positive Fractions (exact) or floats.
    """

    __slots__ = ("names", "alphabets", "support", "is_exact", "latents", "tolerance", "_index")

    def __init__(self, support: Mapping, names, alphabets, *, exact: bool = True,
                 tolerance: float = DEFAULT_TOLERANCE, latents=()):
        self.names = tuple(names)
        self.alphabets = tuple(tuple(a) for a in alphabets)
        if len(set(self.names)) != len(self.names):
            raise DistributionError("repeated variable name")
        if len(self.alphabets) != len(self.names):
            raise DistributionError(f"{len(self.alphabets)} alphabets given for {len(self.names)} variables")
        kept = {}
        for idx, p in support.items():
            if len(idx) != len(self.names) or any(not 0 <= i < len(a) for i, a in zip(idx, self.alphabets)):
                raise DistributionError(f"support index {idx!r} does not fit the alphabets")
            if exact:
                p = to_exact_number(p, f"at {idx!r}")
            else:
                p = float(p)
                if not math.isfinite(p):
                    raise DistributionError(f"probability at {idx!r} is not finite ({p})")
            if p < 0:
                raise DistributionError(f"probability at {idx!r} is negative ({p})")
            if p:
                kept[tuple(idx)] = p
        total = sum(kept.values(), Fraction(0) if exact else 0.0)
        if exact and total != 1:
            raise DistributionError(f"probabilities sum to {total}, not 1 (exact rationals must sum to exactly 1)")
        if not exact and abs(total - 1.0) > tolerance:
            raise DistributionError(f"probabilities sum to {total!r}, not 1 (tolerance {tolerance!r})")
        for lat in latents:
            if lat not in self.names:
                raise DistributionError(f"latent {lat!r} is not one of the variables ({', '.join(self.names)})")
        self.support = kept
        self.is_exact = bool(exact)
        self.latents = tuple(n for n in self.names if n in set(latents))
        self.tolerance = 0.0 if exact else float(tolerance)
        self._index = {n: i for i, n in enumerate(self.names)}

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(len(a) for a in self.alphabets)

    @property
    def dense_cells(self) -> int:
        """Cells a dense array of this distribution would have."""
        return dense_cells(self.shape)

    def axis(self, name: str) -> int:
        try:
            return self._index[name]
        except (KeyError, TypeError):
            raise DistributionError(f"unknown variable {name!r}; variables are {', '.join(self.names)}") from None

    def marginal_values(self, names) -> list:
        """The positive probabilities of the marginal over ``names`` (in no
        particular order), summed on the support."""
        axes = [self.axis(n) for n in names]
        if not axes:
            return [sum(self.support.values(), Fraction(0) if self.is_exact else 0.0)]
        acc: dict = {}
        for idx, p in self.support.items():
            key = tuple(idx[a] for a in axes)
            acc[key] = acc.get(key, 0) + p
        return [p for p in acc.values() if p]

    def entropy(self, names) -> float:
        """Joint entropy in bits (float), from the support."""
        return entropy_bits([float(p) for p in self.marginal_values(list(names))]) if names else 0.0

    def to_float(self) -> "SparseDistribution":
        if not self.is_exact:
            return self
        return SparseDistribution({k: float(p) for k, p in self.support.items()}, self.names, self.alphabets,
                                  exact=False, latents=self.latents)

    def to_exact(self) -> "SparseDistribution":
        """Exact copy: floats become their binary rationals, divided by the
        exact total (as :meth:`Distribution.to_exact`)."""
        if self.is_exact:
            return self
        ex = {k: Fraction(p) for k, p in self.support.items()}
        total = sum(ex.values(), Fraction(0))
        return SparseDistribution({k: p / total for k, p in ex.items()}, self.names, self.alphabets,
                                  exact=True, latents=self.latents)

    def to_dense(self, *, max_cells: int = MAX_DENSE_CELLS) -> Distribution:
        """The dense :class:`Distribution`, or BudgetExceeded (before any
        allocation) when it would have more than ``max_cells`` cells."""
        cells = self.dense_cells
        if cells > max_cells:
            raise BudgetExceeded(
                f"the distribution has {cells} cells when expanded ({len(self.names)} variables); the dense "
                f"budget is {max_cells} cells — only evaluation on the support (natlat eval) works at this size")
        mapping = {tuple(a[i] for a, i in zip(self.alphabets, idx)): p for idx, p in self.support.items()}
        if not mapping:  # pragma: no cover - the sum check forbids an empty support
            raise DistributionError("empty support")
        return Distribution.from_dict(mapping, self.names, alphabets=self.alphabets, exact=self.is_exact,
                                      tolerance=self.tolerance or DEFAULT_TOLERANCE, latents=self.latents)

    def __repr__(self) -> str:
        kind = "exact" if self.is_exact else "float"
        return f"<SparseDistribution {kind} P[{len(self.names)} variables], {len(self.support)} outcomes>"


def marginal_values(dist, names) -> list:
    """The positive probabilities of the marginal of ``dist`` (dense or
    sparse) over ``names``."""
    if isinstance(dist, SparseDistribution):
        return dist.marginal_values(list(names))
    return [p for p in dist.marginal(sorted(names)).pmf.flat if p]
