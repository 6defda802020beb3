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

import numpy as np

from natlat_sym.errors import DistributionError
from natlat_sym.finite.distribution import DEFAULT_TOLERANCE, Distribution
from natlat_sym.limits import MAX_DENSE_CELLS, exact_number

__all__ = ["FORMAT", "VERSION", "distribution_to_json", "distribution_from_json",
           "dumps", "loads", "save", "load"]

FORMAT = "natlat_sym.distribution"
#: The name files used before the one naming scheme of natlat_sym.formats; still read.
LEGACY_FORMAT = "natlat-distribution"
VERSION = 1

_SCALARS = (str, int, float, bool)


def _label(v, name):
    if isinstance(v, np.generic):
        v = v.item()
    if v is not None and not isinstance(v, _SCALARS):
        raise DistributionError(f"alphabet label {v!r} of {name!r} is not a JSON scalar; cannot save")
    return v


def _number_out(p, exact: bool):
    if exact:
        return str(p)
    return float(p)


def distribution_to_json(dist: Distribution) -> dict:
    """The JSON-ready dict of ``dist`` (see the module docstring)."""
    alphabets = [[_label(v, n) for v in a] for n, a in zip(dist.names, dist.alphabets)]
    probs = np.vectorize(lambda p: _number_out(p, dist.is_exact), otypes=[object])(dist.pmf)
    out = {
        "format": FORMAT,
        "version": VERSION,
        "names": list(dist.names),
        "alphabets": alphabets,
        "exact": dist.is_exact,
        "probabilities": probs.tolist() if dist.pmf.ndim else probs.item(),
    }
    if not dist.is_exact:
        out["tolerance"] = dist.tolerance
    if dist.latents:
        out["latents"] = list(dist.latents)
    return out


def _number_in(v, where):
    if isinstance(v, bool) or not isinstance(v, (str, int, float)):
        raise DistributionError(f"probability {where} must be a string like '1/3' or a number, got {v!r}")
    try:
        exact = exact_number(v.strip() if isinstance(v, str) else v)  # bounded digits/exponent, finite
    except ValueError as e:
        raise DistributionError(f"probability {where}: {e}") from None
    return exact if isinstance(v, str) else v


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
    if not isinstance(data, Mapping):
        raise DistributionError(f"distribution JSON must be an object, got {type(data).__name__}")
    if data.get("format") not in (FORMAT, LEGACY_FORMAT):
        raise DistributionError(f'distribution JSON: "format" must be {FORMAT!r}, got {data.get("format")!r}')
    version = data.get("version", VERSION)
    if version != VERSION:
        raise DistributionError(f'distribution JSON: unsupported "version" {version!r} (this reader knows {VERSION})')
    names = data.get("names")
    if not isinstance(names, list):
        raise DistributionError('distribution JSON: "names" must be a list of strings')
    alphabets = data.get("alphabets")
    if alphabets is not None and (not isinstance(alphabets, list) or not all(isinstance(a, list) for a in alphabets)):
        raise DistributionError('distribution JSON: "alphabets" must be a list of lists')
    latents = data.get("latents", [])
    if not isinstance(latents, list):
        raise DistributionError('distribution JSON: "latents" must be a list of names')
    exact = data.get("exact")
    if exact is not None and not isinstance(exact, bool):
        raise DistributionError('distribution JSON: "exact" must be true or false')
    tolerance = data.get("tolerance", DEFAULT_TOLERANCE)
    if "probabilities" in data:
        raw = np.array(data["probabilities"], dtype=object)
        if raw.size > MAX_DENSE_CELLS:  # refuse before converting every cell
            from natlat_sym.errors import BudgetExceeded

            raise BudgetExceeded(f'distribution JSON: "probabilities" has {raw.size} cells, beyond the dense budget '
                                 f'of {MAX_DENSE_CELLS}; give the "support" instead')
        if raw.size and any(isinstance(v, (list, dict)) for v in raw.flat):
            raise DistributionError('distribution JSON: "probabilities" is not a rectangular nested list')
        arr = np.empty(raw.shape, dtype=object)
        for idx in np.ndindex(raw.shape):
            arr[idx] = _number_in(raw[idx], f"at index {list(idx)}")
        return Distribution.from_array(arr, names, alphabets=alphabets, exact=exact,
                                       tolerance=tolerance, latents=latents)
    if "support" in data:
        if alphabets is None:
            raise DistributionError('distribution JSON: a "support" list needs "alphabets"')
        support = data["support"]
        if not isinstance(support, list):
            raise DistributionError('distribution JSON: "support" must be a list of [outcome, probability]')
        mapping = {}
        for i, entry in enumerate(support):
            if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], list)):
                raise DistributionError(f'distribution JSON: "support" entry {i} must be [[labels...], probability]')
            if not all(v is None or isinstance(v, _SCALARS) for v in entry[0]):
                raise DistributionError(f'distribution JSON: "support" entry {i} has a label that is not a JSON scalar')
            key = tuple(entry[0])
            if key in mapping:
                raise DistributionError(f'distribution JSON: "support" outcome {entry[0]!r} appears twice')
            mapping[key] = _number_in(entry[1], f"of support entry {i}")
        if math.prod(len(a) for a in alphabets) > MAX_DENSE_CELLS and allow_sparse:
            return _sparse(mapping, names, alphabets, exact, tolerance, latents)
        return Distribution.from_dict(mapping, names, alphabets=alphabets, exact=exact,
                                      tolerance=tolerance, latents=latents)
    raise DistributionError('distribution JSON needs "probabilities" or "support"')


def _sparse(mapping, names, alphabets, exact, tolerance, latents):
    from natlat_sym.finite.distribution import _is_exact_scalar, _validate_alphabet, _validate_names
    from natlat_sym.finite.sparse import SparseDistribution

    names = _validate_names(names)
    if len(alphabets) != len(names):
        raise DistributionError(f"{len(alphabets)} alphabets given for {len(names)} variables")
    alphabets = [_validate_alphabet(a, n, None) for a, n in zip(alphabets, names)]
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
    if exact is None:
        exact = all(_is_exact_scalar(v) for v in support.values())
    return SparseDistribution(support, names, alphabets, exact=exact, tolerance=tolerance, latents=latents)


def dumps(dist: Distribution, *, indent: int | None = 1) -> str:
    """The JSON text of ``dist``."""
    return json.dumps(distribution_to_json(dist), indent=indent)


def loads(text: str, *, allow_sparse: bool = False) -> Distribution:
    """Parse JSON text; DistributionError on invalid JSON (with line and column),
    JSON nested too deeply or numbers beyond :mod:`natlat_sym.limits`."""
    from natlat_sym.files import parse_json

    return distribution_from_json(parse_json(text, "distribution JSON", error=DistributionError),
                                  allow_sparse=allow_sparse)


def save(dist: Distribution, path) -> Path:
    """Write ``dist`` to ``path`` with :func:`natlat_sym.files.write_file`
    (atomic, respects the umask); returns the path."""
    from natlat_sym.files import write_file

    return write_file(path, dumps(dist) + "\n", what="distribution file")


def load(path, *, allow_sparse: bool = False) -> Distribution:
    """Read a distribution file; DistributionError naming the file on failure
    (missing, not UTF-8, invalid JSON, malformed content)."""
    from natlat_sym.files import read_text

    text = read_text(path, "distribution", error=DistributionError)
    try:
        return loads(text, allow_sparse=allow_sparse)
    except DistributionError as exc:
        raise DistributionError(f"{path}: {exc}") from None
