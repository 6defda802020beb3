"""The JSON file format for finite distributions, with atomic load and save.

Format
------
A distribution file is one JSON object::

    {
      "format": "natlat_sym.distribution",  # required marker ("natlat-distribution" is read too)
      "version": 1,
      "names": ["X1", "X2", "L"],           # variable names (identifiers), one per axis
      "alphabets": [[0, 1], [0, 1], ["a", "b"]],   # optional; default 0..k-1 per axis
      "exact": true,                        # optional; default: true iff no probability is a JSON float
      "probabilities": [[["1/4", "0"], ...]],      # dense nested lists, axis order = names
      "latents": ["L"]                      # optional; which variables are latents
    }

Instead of ``"probabilities"`` a file may give a sparse ``"support"``: a list
of ``[[label, label, ...], probability]`` pairs (missing outcomes are 0);
then ``"alphabets"`` is required.

Probabilities are exact strings (``"1/3"``, ``"0.25"``, ``"0"``), JSON
integers, or JSON floats.  Exact distributions are written as strings;
float distributions as JSON floats written with ``repr`` so that reading
them back gives the same binary numbers (round trips are exact either way).
Alphabet labels must be JSON scalars (strings, integers, floats, booleans).

Public functions
----------------
``distribution_to_json(dist) -> dict``, ``distribution_from_json(data)``,
``dumps(dist)``, ``loads(text)``, ``save(dist, path)``, ``load(path)``.
:func:`save` writes with :func:`natlat_sym.files.write_file`: to a temporary
file in the same directory renamed over the target, so a reader never sees
a half-written file.

Examples
--------
>>> from natlat_sym.finite.distribution import Distribution
>>> d = Distribution.from_array([["1/2", "0"], ["0", "1/2"]], ["X1", "X2"])
>>> loads(dumps(d)) == d
True
>>> distribution_to_json(d)["probabilities"]
[['1/2', '0'], ['0', '1/2']]
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path

from natlat_sym.errors import DistributionError
from natlat_sym.files import parse_json, read_text, write_file
from natlat_sym.finite.distribution import Distribution
from natlat_sym.finite.distribution_json import (FORMAT, LEGACY_FORMAT, VERSION, DistributionFields,
                                                 distribution_to_json, read_distribution_json)
from natlat_sym.finite.pmf_arrays import is_exact_scalar, validate_alphabet, validate_names
from natlat_sym.finite.sparse import SparseDistribution
from natlat_sym.limits import MAX_DENSE_CELLS

__all__ = ["FORMAT", "LEGACY_FORMAT", "VERSION", "distribution_to_json", "distribution_from_json",
           "dumps", "loads", "save", "load"]


def distribution_from_json(data: Mapping, *, allow_sparse: bool = False) -> Distribution:
    """Parse the dict form; DistributionError naming the bad key on malformed data.

    >>> distribution_from_json({"format": "natlat-distribution", "names": ["X"],
    ...                         "probabilities": ["1/3", "2/3"]}).pmf.tolist()
    [Fraction(1, 3), Fraction(2, 3)]
    >>> distribution_from_json({"format": "natlat_sym.distribution", "names": ["X"]})
    Traceback (most recent call last):
    ...
    natlat_sym.errors.DistributionError: distribution JSON needs "probabilities" or "support"

    A ``"support"`` whose dense array would exceed
    :data:`~natlat_sym.limits.MAX_DENSE_CELLS` gives a
    :class:`~natlat_sym.finite.sparse.SparseDistribution` when
    ``allow_sparse`` (evaluation works on it), else BudgetExceeded before any
    large allocation.
    """
    fields = read_distribution_json(data)
    if (fields.support is not None and allow_sparse
            and math.prod(len(a) for a in fields.alphabets) > MAX_DENSE_CELLS):
        return _sparse(fields)
    return fields.build(Distribution)


def _sparse(fields: DistributionFields) -> SparseDistribution:
    mapping, names, alphabets = fields.support, validate_names(fields.names), fields.alphabets
    if len(alphabets) != len(names):
        raise DistributionError(f"{len(alphabets)} alphabets given for {len(names)} variables")
    alphabets = [validate_alphabet(a, n, None) for a, n in zip(alphabets, names)]
    index = [{lab: i for i, lab in enumerate(a)} for a in alphabets]
    support = {}
    for out, p in mapping.items():
        if len(out) != len(names):
            raise DistributionError(f"outcome {list(out)!r} has {len(out)} components but there are "
                                    f"{len(names)} variables")
        try:
            support[tuple(index[axis][lab] for axis, lab in enumerate(out))] = p
        except (KeyError, TypeError):
            raise DistributionError(f"outcome {list(out)!r}: a label is not in its alphabet") from None
    exact = fields.exact
    if exact is None:
        exact = all(is_exact_scalar(v) for v in support.values())
    return SparseDistribution(support, names, alphabets, exact=exact, tolerance=fields.tolerance,
                              latents=fields.latents)


def dumps(dist: Distribution, *, indent: int | None = 1) -> str:
    """The JSON text of ``dist``."""
    return json.dumps(distribution_to_json(dist), indent=indent)


def loads(text: str, *, allow_sparse: bool = False) -> Distribution:
    """Parse JSON text; DistributionError on invalid JSON (with line and column),
    JSON nested too deeply or numbers beyond :mod:`natlat_sym.limits`."""
    return distribution_from_json(parse_json(text, "distribution JSON", error=DistributionError),
                                  allow_sparse=allow_sparse)


def save(dist: Distribution, path) -> Path:
    """Write ``dist`` to ``path`` with :func:`natlat_sym.files.write_file`
    (atomic, respects the umask); returns the path."""
    return write_file(path, dumps(dist) + "\n", what="distribution file")


def load(path, *, allow_sparse: bool = False) -> Distribution:
    """Read a distribution file; DistributionError naming the file on failure
    (missing, not UTF-8, invalid JSON, malformed content)."""
    text = read_text(path, "distribution", error=DistributionError)
    try:
        return loads(text, allow_sparse=allow_sparse)
    except DistributionError as exc:
        raise DistributionError(f"{path}: {exc}") from None
