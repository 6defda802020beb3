"""The JSON dict form of a distribution, read and written field by field.

The file format itself (the keys, exact numbers as strings, dense
``"probabilities"`` or sparse ``"support"``) is described in
:mod:`natlat_sym.finite.io`.  This module sits below
:class:`~natlat_sym.finite.distribution.Distribution`: it turns a
distribution into the dict (:func:`distribution_to_json`, which only reads
its attributes) and a dict into checked fields
(:func:`read_distribution_json`), which
:meth:`Distribution.from_json <natlat_sym.finite.distribution.Distribution.from_json>`
and :func:`natlat_sym.finite.io.distribution_from_json` build from.  So the
class and the file module need not import each other.

Examples
--------
>>> fields = read_distribution_json({"format": "natlat_sym.distribution", "names": ["X"],
...                                  "probabilities": ["1/3", "2/3"]})
>>> fields.names, fields.probabilities.tolist()
(['X'], [Fraction(1, 3), Fraction(2, 3)])
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from natlat_sym.errors import BudgetExceeded, DistributionError
from natlat_sym.finite.pmf_arrays import DEFAULT_TOLERANCE
from natlat_sym.limits import MAX_DENSE_CELLS, exact_number

__all__ = ["FORMAT", "LEGACY_FORMAT", "VERSION", "DistributionFields", "distribution_to_json",
           "read_distribution_json"]

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


def distribution_to_json(dist) -> dict:
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


@dataclass(frozen=True)
class DistributionFields:
    """The checked fields of a distribution's JSON dict: exactly one of
    ``probabilities`` (a dense object array of exact numbers or floats) and
    ``support`` (``{outcome labels: probability}``) is set."""

    names: list
    alphabets: list | None
    exact: bool | None
    tolerance: float
    latents: list
    probabilities: np.ndarray | None = None
    support: dict | None = None

    def build(self, cls):
        """A dense distribution of class ``cls`` (``Distribution``) from these fields."""
        kw = {"alphabets": self.alphabets, "exact": self.exact, "tolerance": self.tolerance,
              "latents": self.latents}
        if self.support is None:
            return cls.from_array(self.probabilities, self.names, **kw)
        return cls.from_dict(self.support, self.names, **kw)


def read_distribution_json(data: Mapping) -> DistributionFields:
    """Check the dict form; DistributionError naming the bad key on malformed
    data, BudgetExceeded for a dense array beyond
    :data:`~natlat_sym.limits.MAX_DENSE_CELLS` (before converting its cells)."""
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
            raise BudgetExceeded(f'distribution JSON: "probabilities" has {raw.size} cells, beyond the dense budget '
                                 f'of {MAX_DENSE_CELLS}; give the "support" instead')
        if raw.size and any(isinstance(v, (list, dict)) for v in raw.flat):
            raise DistributionError('distribution JSON: "probabilities" is not a rectangular nested list')
        arr = np.empty(raw.shape, dtype=object)
        for idx in np.ndindex(raw.shape):
            arr[idx] = _number_in(raw[idx], f"at index {list(idx)}")
        return DistributionFields(names, alphabets, exact, tolerance, latents, probabilities=arr)
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
        return DistributionFields(names, alphabets, exact, tolerance, latents, support=mapping)
    raise DistributionError('distribution JSON needs "probabilities" or "support"')


