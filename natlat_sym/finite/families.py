"""Standard families of finite distributions used as examples and test cases.

Every builder returns a :class:`~natlat_sym.finite.distribution.Distribution`.
Parameters given exactly (``Fraction``, ``int`` or a string such as
``"1/10"``) give an **exact** distribution; a float parameter gives a float
one.

Families
--------
:func:`dsbs`
    Doubly symmetric binary source DSBS(p): ``X1`` a fair bit, ``X2 = X1``
    flipped with probability ``p``.  ``I(X1;X2) = 1 − h(p)``.
:func:`noisy_copies`
    A uniform latent ``L`` on ``k`` values and ``n`` independent noisy copies
    ``X1..Xn`` (flip noise: the copy is wrong with probability ``p``, wrong
    values uniform; uniform noise: with probability ``p`` the copy is replaced
    by a fresh uniform value).
:func:`parity` / :func:`xor`
    ``n − 1`` independent uniform digits and their sum mod ``k``;
    ``xor()`` is the classic three-bit example with ``I(X1;X2) = 0`` and
    ``I(X1;X2|X3) = 1``.
:func:`block_diagonal`
    A mixture of joint pmfs on disjoint blocks of ``X1 × X2`` — the support
    has one connected component per block (Gács–Körner common information).
:func:`binary_erasure`
    ``X`` a bit, ``Y = X`` or the erasure symbol ``"e"`` with probability ``e``.
:func:`product`, :func:`uniform`
    Independent variables with given marginals; uniform joint.

Examples
--------
>>> from fractions import Fraction
>>> dsbs(Fraction(1, 4)).pmf.tolist()
[[Fraction(3, 8), Fraction(1, 8)], [Fraction(1, 8), Fraction(3, 8)]]
>>> xor().shape
(2, 2, 2)
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from fractions import Fraction

import numpy as np

from natlat_sym.errors import DistributionError
from natlat_sym.finite.distribution import DEFAULT_TOLERANCE, Distribution, to_exact_number

__all__ = ["dsbs", "noisy_copies", "parity", "xor", "block_diagonal", "binary_erasure",
           "product", "uniform"]


def _param(x, name: str, *, lo=0, hi=1):
    """Exact Fraction for exact input, float otherwise; checked to lie in [lo, hi]."""
    if isinstance(x, (bool, np.bool_)):
        raise DistributionError(f"parameter {name} must be a number, got {x!r}")
    if isinstance(x, (float, np.floating)):
        v = float(x)
        if not np.isfinite(v):
            raise DistributionError(f"parameter {name} must be finite, got {x!r}")
    else:
        v = to_exact_number(x, f"(parameter {name})")
    if not lo <= v <= hi:
        raise DistributionError(f"parameter {name} must be in [{lo}, {hi}], got {x!r}")
    return v


def _zeros(shape, exact):
    if exact:
        a = np.empty(shape, dtype=object)
        a.fill(Fraction(0))
        return a
    return np.zeros(shape)


def _default_names(prefix: str, n: int) -> tuple[str, ...]:
    return tuple(f"{prefix}{i}" for i in range(1, n + 1))


def dsbs(p, *, names: Sequence[str] = ("X1", "X2")) -> Distribution:
    """The doubly symmetric binary source DSBS(p).

    ``P[x1, x2] = (1 − p)/2`` if ``x1 = x2`` else ``p/2``.

    >>> dsbs("1/10").pmf[0, 1]
    Fraction(1, 20)
    """
    p = _param(p, "p")
    exact = isinstance(p, Fraction)
    q = (1 - p) / 2
    r = p / 2
    return Distribution.from_array([[q, r], [r, q]], names, exact=exact)


def noisy_copies(n: int, p, *, k: int = 2, noise: str = "flip", latent: str = "L",
                 names: Sequence[str] | None = None, include_latent: bool = True) -> Distribution:
    """A uniform latent on ``k`` values and ``n`` conditionally independent noisy copies.

    Parameters
    ----------
    n : int
        Number of copies ``X1..Xn``.
    p : number in [0, 1]
        Noise level.
    k : int
        Alphabet size of the latent and of each copy.
    noise : {"flip", "uniform"}
        ``"flip"``: the copy is wrong with probability ``p`` (uniformly among
        the ``k − 1`` wrong values); ``"uniform"``: with probability ``p`` the
        copy is a fresh uniform value (possibly right by chance).
    latent : str
        Name of the latent (the last axis, marked as a latent).
    include_latent : bool
        If False, return only the marginal of the copies.

    >>> d = noisy_copies(2, "1/10")
    >>> d.names, d.latents, d.marginal(["X1", "X2"]) == dsbs("18/100")  # 2p(1-p)
    (('X1', 'X2', 'L'), ('L',), True)
    """
    if not isinstance(n, int) or n < 1:
        raise DistributionError(f"noisy_copies needs n >= 1 copies, got {n!r}")
    if not isinstance(k, int) or k < 2:
        raise DistributionError(f"noisy_copies needs alphabet size k >= 2, got {k!r}")
    if noise not in ("flip", "uniform"):
        raise DistributionError(f"noise must be 'flip' or 'uniform', got {noise!r}")
    p = _param(p, "p")
    exact = isinstance(p, Fraction)
    one = Fraction(1) if exact else 1.0
    names = _default_names("X", n) if names is None else tuple(names)
    if len(names) != n:
        raise DistributionError(f"noisy_copies: {len(names)} names given for n = {n} copies")
    if noise == "flip":
        right, wrong = one - p, p / (k - 1)
    else:
        right, wrong = one - p + p / k, p / k
    arr = _zeros((k,) * n + (k,), exact)
    for idx in itertools.product(range(k), repeat=n + 1):
        lat = idx[-1]
        prob = one / k
        for x in idx[:-1]:
            prob = prob * (right if x == lat else wrong)
        arr[idx] = prob
    d = Distribution.from_array(arr, tuple(names) + (latent,), exact=exact, latents=(latent,))
    return d if include_latent else d.marginal(names)


def parity(n: int = 3, *, k: int = 2, names: Sequence[str] | None = None) -> Distribution:
    """``n − 1`` independent uniform digits mod ``k`` and their sum mod ``k`` (exact).

    >>> parity(3).support()
    [(0, 0, 0), (0, 1, 1), (1, 0, 1), (1, 1, 0)]
    """
    if not isinstance(n, int) or n < 2:
        raise DistributionError(f"parity needs n >= 2 variables, got {n!r}")
    if not isinstance(k, int) or k < 2:
        raise DistributionError(f"parity needs modulus k >= 2, got {k!r}")
    names = _default_names("X", n) if names is None else tuple(names)
    arr = _zeros((k,) * n, True)
    mass = Fraction(1, k ** (n - 1))
    for idx in itertools.product(range(k), repeat=n - 1):
        arr[idx + (sum(idx) % k,)] = mass
    return Distribution.from_array(arr, names, exact=True)


def xor(*, names: Sequence[str] = ("X1", "X2", "X3")) -> Distribution:
    """``X3 = X1 XOR X2`` with ``X1, X2`` independent fair bits (exact)."""
    return parity(3, names=names)


def block_diagonal(blocks, weights=None, *, names: Sequence[str] = ("X1", "X2")) -> Distribution:
    """A mixture of joint pmfs on disjoint row/column blocks of ``X1 × X2``.

    Parameters
    ----------
    blocks : sequence
        Each block is a 2-D array-like joint pmf (summing to 1), or a pair
        ``(rows, cols)`` meaning the uniform pmf on that many rows and columns.
    weights : sequence, optional
        Mixture weights (sum 1); default equal weights.

    >>> d = block_diagonal([(1, 1), (2, 2)])
    >>> d.shape, d.pmf[0, 0], d.pmf[1, 2]
    ((3, 3), Fraction(1, 2), Fraction(1, 8))
    """
    blocks = list(blocks)
    if not blocks:
        raise DistributionError("block_diagonal needs at least one block")
    mats = []
    for i, b in enumerate(blocks):
        if isinstance(b, tuple) and len(b) == 2 and all(isinstance(v, int) for v in b):
            r, c = b
            if r < 1 or c < 1:
                raise DistributionError(f"block {i} has size {b}; sizes must be >= 1")
            m = np.empty((r, c), dtype=object)
            m.fill(Fraction(1, r * c))
            mats.append(Distribution.from_array(m, ("A", "B")))
        else:
            try:
                mats.append(Distribution.from_array(b, ("A", "B")))
            except DistributionError as exc:
                raise DistributionError(f"block {i}: {exc}") from None
    if weights is None:
        weights = [Fraction(1, len(mats))] * len(mats)
    weights = list(weights)
    if len(weights) != len(mats):
        raise DistributionError(f"{len(weights)} weights for {len(mats)} blocks")
    w = [_param(x, f"weights[{i}]") for i, x in enumerate(weights)]
    exact = all(isinstance(x, Fraction) for x in w) and all(m.is_exact for m in mats)
    rows = sum(m.shape[0] for m in mats)
    cols = sum(m.shape[1] for m in mats)
    arr = _zeros((rows, cols), exact)
    r0 = c0 = 0
    for m, x in zip(mats, w):
        r, c = m.shape
        block = m.pmf if exact else m.to_float().pmf
        arr[r0:r0 + r, c0:c0 + c] = block * (x if exact else float(x))
        r0, c0 = r0 + r, c0 + c
    total = sum(w, Fraction(0)) if exact else float(sum(float(x) for x in w))
    if (exact and total != 1) or (not exact and abs(total - 1) > DEFAULT_TOLERANCE):
        raise DistributionError(f"block weights sum to {total}, not 1")
    return Distribution.from_array(arr, names, exact=exact)


def binary_erasure(e, *, prior="1/2", names: Sequence[str] = ("X", "Y")) -> Distribution:
    """``X`` ~ Bernoulli(prior); ``Y = X`` with probability ``1 − e``, else ``"e"``.

    Alphabets: ``X`` in ``(0, 1)``, ``Y`` in ``(0, 1, "e")``.

    >>> binary_erasure("1/4").pmf.tolist()
    [[Fraction(3, 8), Fraction(0, 1), Fraction(1, 8)], [Fraction(0, 1), Fraction(3, 8), Fraction(1, 8)]]
    """
    e = _param(e, "e")
    q = _param(prior, "prior")
    exact = isinstance(e, Fraction) and isinstance(q, Fraction)
    if not exact:
        e, q = float(e), float(q)
    arr = _zeros((2, 3), exact)
    for x, px in ((0, 1 - q), (1, q)):
        arr[x, x] = px * (1 - e)
        arr[x, 2] = px * e
    return Distribution.from_array(arr, names, alphabets=((0, 1), (0, 1, "e")), exact=exact)


def product(*marginals, names: Sequence[str] | None = None) -> Distribution:
    """Independent variables with the given 1-D pmfs (or Distributions).

    >>> product(["1/2", "1/2"], ["1/3", "2/3"]).pmf[1, 1]
    Fraction(1, 3)
    """
    if not marginals:
        raise DistributionError("product needs at least one marginal")
    names = _default_names("X", len(marginals)) if names is None else tuple(names)
    if len(names) != len(marginals):
        raise DistributionError(f"{len(names)} names for {len(marginals)} marginals")
    out = None
    for i, (m, n) in enumerate(zip(marginals, names)):
        if isinstance(m, Distribution):
            d = m
        else:
            try:
                d = Distribution.from_array(m, (n,))
            except DistributionError as exc:
                raise DistributionError(f"marginal {i} ({n}): {exc}") from None
        out = d if out is None else out.product(d)
    return out


def uniform(sizes: Sequence[int], *, names: Sequence[str] | None = None, exact: bool = True) -> Distribution:
    """The uniform distribution on ``sizes[0] × sizes[1] × ...``.

    >>> uniform([2, 3]).pmf[1, 2]
    Fraction(1, 6)
    """
    sizes = tuple(sizes)
    if not sizes or not all(isinstance(k, int) and k >= 1 for k in sizes):
        raise DistributionError(f"uniform needs positive integer sizes, got {sizes!r}")
    names = _default_names("X", len(sizes)) if names is None else tuple(names)
    total = int(np.prod(sizes))
    if exact:
        arr = np.empty(sizes, dtype=object)
        arr.fill(Fraction(1, total))
    else:
        arr = np.full(sizes, 1.0 / total)
    return Distribution.from_array(arr, names, exact=exact)
