"""Hypothesis strategies for finite distributions, shipped for property tests.

Use these in your own tests to draw random joint distributions, latents
added through channels, Markov chains and deterministic latents::

    from hypothesis import given
    from natlat_sym.strategies import distributions, markov_chains

    @given(markov_chains(exact=True))
    def test_data_processing(d):
        ...

This is the only natlat_sym module that imports :mod:`hypothesis` (a test
dependency); the package itself never imports it.

Strategies
----------
:func:`alphabet_sizes`          tuples of alphabet sizes
:func:`pmfs`                    one pmf (list) of a given length, exact or float
:func:`distributions`           joint distributions with given (or drawn) sizes
:func:`channels`                conditional pmfs ``P[L | parents]`` as arrays
:func:`distributions_with_latent`  a distribution plus a latent drawn by a channel
:func:`deterministic_latents`   a distribution plus a latent ``L = f(X...)``
:func:`markov_chains`           ``X - Y - Z``: ``P[x] P[y|x] P[z|y]``

Exact variants give Fractions with denominators bounded by
``max_weight × size``; float variants avoid subnormal numbers (every
nonzero entry is at least about ``1e-6 / size``).

Examples
--------
>>> from hypothesis import given, settings
>>> @settings(max_examples=5)
... @given(distributions((2, 3), exact=True))
... def check(d):
...     assert d.is_exact and d.shape == (2, 3)
>>> check()
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import numpy as np
from hypothesis import strategies as st

from natlat_sym.finite.distribution import Distribution

__all__ = ["alphabet_sizes", "pmfs", "distributions", "channels", "distributions_with_latent",
           "deterministic_latents", "markov_chains"]

_MIN_FLOAT_WEIGHT = 1e-6


def alphabet_sizes(*, min_variables: int = 1, max_variables: int = 3, min_size: int = 2,
                   max_size: int = 3) -> st.SearchStrategy[tuple[int, ...]]:
    """Tuples of alphabet sizes, e.g. ``(2, 3, 2)``."""
    return st.lists(st.integers(min_size, max_size), min_size=min_variables,
                    max_size=max_variables).map(tuple)


def _weights(n: int, *, exact: bool, allow_zeros: bool, max_weight: int):
    if exact:
        w = st.integers(0 if allow_zeros else 1, max_weight)
    else:
        pos = st.floats(_MIN_FLOAT_WEIGHT, 1.0, allow_nan=False, allow_infinity=False, allow_subnormal=False)
        w = st.one_of(st.just(0.0), pos) if allow_zeros else pos
    return st.lists(w, min_size=n, max_size=n).filter(lambda ws: any(ws))


def pmfs(n: int, *, exact: bool = False, allow_zeros: bool = True, max_weight: int = 20):
    """A pmf of length ``n`` as a list (Fractions when ``exact``, floats otherwise)."""
    def normalise(ws):
        if exact:
            total = sum(ws)
            return [Fraction(w, total) for w in ws]
        total = float(sum(ws))
        return [w / total for w in ws]
    return _weights(n, exact=exact, allow_zeros=allow_zeros, max_weight=max_weight).map(normalise)


def _names(n: int, prefix: str = "X") -> tuple[str, ...]:
    return tuple(f"{prefix}{i}" for i in range(1, n + 1))


@st.composite
def distributions(draw, sizes=None, *, names: Sequence[str] | None = None, exact: bool = False,
                  allow_zeros: bool = True, max_weight: int = 20):
    """Joint distributions with alphabet ``sizes`` (a tuple or a strategy;
    default :func:`alphabet_sizes`), names ``X1..Xn`` unless given."""
    if sizes is None:
        sizes = alphabet_sizes()
    if isinstance(sizes, st.SearchStrategy):
        sizes = draw(sizes)
    sizes = tuple(sizes)
    total = int(np.prod(sizes))
    flat = draw(pmfs(total, exact=exact, allow_zeros=allow_zeros, max_weight=max_weight))
    arr = np.empty(total, dtype=object if exact else np.float64)
    arr[:] = flat
    names = _names(len(sizes)) if names is None else tuple(names)
    return Distribution.from_array(arr.reshape(sizes), names, exact=exact)


@st.composite
def channels(draw, parent_shape: Sequence[int], size: int, *, exact: bool = False,
             allow_zeros: bool = True, max_weight: int = 20):
    """An array of shape ``(*parent_shape, size)`` whose rows are pmfs."""
    parent_shape = tuple(parent_shape)
    rows = int(np.prod(parent_shape)) if parent_shape else 1
    arr = np.empty((rows, size), dtype=object if exact else np.float64)
    for r in range(rows):
        arr[r, :] = draw(pmfs(size, exact=exact, allow_zeros=allow_zeros, max_weight=max_weight))
    return arr.reshape(parent_shape + (size,))


@st.composite
def distributions_with_latent(draw, sizes=None, latent_size=2, *, latent: str = "L", exact: bool = False,
                              given: Sequence[str] | None = None, max_weight: int = 20):
    """A distribution over ``X1..Xn`` plus a latent drawn from a random
    channel ``P[latent | given]`` (default: all ``Xi``)."""
    d = draw(distributions(sizes, exact=exact, max_weight=max_weight))
    if isinstance(latent_size, st.SearchStrategy):
        latent_size = draw(latent_size)
    given = d.names if given is None else tuple(given)
    shape = tuple(d.shape[d.axis(g)] for g in given)
    ch = draw(channels(shape, latent_size, exact=exact, max_weight=max_weight))
    return d.with_latent(latent, ch, given=given)


@st.composite
def deterministic_latents(draw, sizes=None, latent_size=2, *, latent: str = "L", exact: bool = False,
                          given: Sequence[str] | None = None, max_weight: int = 20):
    """A distribution plus a latent ``L = f(given)`` for a random table ``f``
    with values in ``range(latent_size)``."""
    d = draw(distributions(sizes, exact=exact, max_weight=max_weight))
    if isinstance(latent_size, st.SearchStrategy):
        latent_size = draw(latent_size)
    given = d.names if given is None else tuple(given)
    shape = tuple(d.shape[d.axis(g)] for g in given)
    cells = int(np.prod(shape))
    values = draw(st.lists(st.integers(0, latent_size - 1), min_size=cells, max_size=cells))
    table = np.array(values, dtype=np.int64).reshape(shape)
    return d.with_latent(latent, function=lambda *xs: int(table[xs]), given=given,
                         alphabet=tuple(range(latent_size)))


@st.composite
def markov_chains(draw, sizes: Sequence[int] = (2, 2, 2), *, names: Sequence[str] = ("X", "Y", "Z"),
                  exact: bool = False, max_weight: int = 20):
    """A Markov chain ``names[0] - names[1] - ... ``: each variable drawn from
    a channel given the previous one."""
    sizes, names = tuple(sizes), tuple(names)
    if len(sizes) != len(names) or len(sizes) < 2:
        raise ValueError("markov_chains needs at least two sizes and one name per size")
    d = draw(distributions((sizes[0],), names=(names[0],), exact=exact, max_weight=max_weight))
    for prev, (name, k) in zip(names, zip(names[1:], sizes[1:])):
        ch = draw(channels((d.shape[d.axis(prev)],), k, exact=exact, max_weight=max_weight))
        d = d.with_latent(name, ch, given=(prev,), latent=False)
    return d
