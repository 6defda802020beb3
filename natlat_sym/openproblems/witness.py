"""Witness files: an exact distribution (and latent) certifying a lower bound.

A witness is JSON with ``"format": "natlat_sym.bound_witness", "version": 1``
(files written before that name say ``"natlat-bound-witness"`` and are still
read; schema ``natlat_sym/data/bound_witness.schema.json``):

O1 and its variants
    ``cells`` (support coordinates), ``probabilities`` (exact rationals,
    positive, summing to 1) and ``channel`` (one row of exact rationals
    ``q(v|x)`` per cell, each summing to 1): the latent ``V`` whose score
    bounds ``τ(P)`` from above.
O2
    ``joint``: rows ``[x1, x2, l, g, probability]``.

plus ``problem``, ``claim`` (the certified lower bound, an exact rational
rounded *down* from the checker's ``ratio_lower``), ``statement`` (in words:
which constant is bounded) and free-form ``provenance`` (command, seed,
float values).  Searches work in floats; :func:`o1_witness` and
:func:`o2_witness` round the float distribution and channel to exact
rationals (denominator ``10⁶`` before normalisation) and :func:`certify`
asks the independent checker for the claim, so a witness file never states
more than the checker verified.

Examples
--------
>>> import numpy as np
>>> w = o1_witness("o1", np.array([[0, 0], [0, 1], [1, 0], [1, 1]]), np.array([.45, .05, .05, .45]),
...                np.array([[.98, .02], [.5, .5], [.5, .5], [.02, .98]]))
>>> w = certify(w)
>>> w["claim"], w["probabilities"][:2]
('1.658539605', ['9/20', '1/20'])
"""

from __future__ import annotations

import json
import math
from fractions import Fraction
from pathlib import Path

import numpy as np

from ..errors import DistributionError
from ..files import read_json, write_file
from ..finite.distribution import Distribution
from .bound_checker import WITNESS_FORMAT, check_witness
from .problems import get_problem

__all__ = ["o1_witness", "o2_witness", "certify", "save_witness", "load_witness", "statement_of", "bound_outcome",
           "o2_distribution"]

_DEN = 10**6


def _exact_weights(values, den: int = _DEN, *, positive: bool) -> list[Fraction]:
    w = np.rint(np.asarray(values, dtype=float) * den).astype(np.int64)
    if positive:
        w = np.maximum(w, 1)
    if w.sum() <= 0:
        w = np.ones_like(w)
    total = int(w.sum())
    return [Fraction(int(x), total) for x in w]


def statement_of(problem) -> str:
    """The sentence a verified witness proves, with ``{bound}`` to fill in."""
    p = get_problem(problem)
    if p.kind == "o2":
        return ("the least c such that I(Γ;X1X2|Λ) <= I(X1;X2|Λ) + I(Γ;X1|X2) + I(Γ;X2|X1) + c·I(Λ;Γ|X1X2) "
                "for every finite distribution of (X1, X2, Λ, Γ) is at least {bound}")
    if p.n == 2 and p.aggregate == "sum":
        return ("the least c such that T(P) <= c·τ(P) for every finite P[X1,X2] (sum-form scores, spec D8) "
                "is at least {bound}")
    return (f"the least c such that T_m(P) <= c·τ_m(P) for every finite P of n = {p.n} observables, deletion "
            f"budget m = {p.m} (max over |D| = m, spec D8) is at least {{bound}}")


def o1_witness(problem, cells, probabilities, channel, *, provenance: dict | None = None) -> dict:
    """An (uncertified) O1 witness from float arrays; see :func:`certify`."""
    p = get_problem(problem)
    cells = np.asarray(cells, dtype=int)
    if cells.ndim != 2 or cells.shape[1] != p.n:
        raise DistributionError(f"o1_witness: cells must be (c, {p.n}) coordinates")
    probs = _exact_weights(probabilities, positive=True)
    q = np.asarray(channel, dtype=float)
    rows = [_exact_weights(r, positive=False) for r in q]
    used = [v for v in range(q.shape[1]) if any(r[v] for r in rows)]
    rows = [[r[v] for v in used] for r in rows]
    return {"format": WITNESS_FORMAT, "version": 1, "problem": p.name, "claim": "0",
            "cells": [[int(v) for v in c] for c in cells],
            "probabilities": [str(x) for x in probs],
            "channel": [[str(x) for x in r] for r in rows],
            "provenance": dict(provenance or {})}


def o2_witness(joint, *, provenance: dict | None = None, denominator: int = 10**12) -> dict:
    """An (uncertified) O2 witness from a float joint with axes (X1, X2, Λ, Γ)."""
    joint = np.asarray(joint, dtype=float)
    if joint.ndim != 4:
        raise DistributionError("o2_witness: the joint must have 4 axes (X1, X2, Λ, Γ)")
    cells = np.argwhere(joint > 1e-9)
    probs = _exact_weights(joint[tuple(cells.T)] / joint[tuple(cells.T)].sum(), denominator, positive=True)
    return {"format": WITNESS_FORMAT, "version": 1, "problem": "o2", "claim": "0",
            "joint": [[int(v) for v in c] + [str(x)] for c, x in zip(cells, probs)],
            "provenance": dict(provenance or {})}


def certify(witness: dict, *, digits: int = 9) -> dict:
    """A copy of ``witness`` whose ``claim`` is the checker's certified
    ``ratio_lower`` rounded down to ``digits`` decimals (and the statement
    filled in).  The claim stays ``"0"`` if nothing positive is certified."""
    w = dict(witness)
    w["claim"] = "0"
    result = check_witness(w)
    lower = result.ratio_lower if result.ratio_lower is not None else Fraction(0)
    units = math.floor(lower * 10**digits) if lower > 0 else 0
    w["claim"] = f"{units // 10**digits}.{units % 10**digits:0{digits}d}"
    w["statement"] = statement_of(w["problem"]).format(bound=w["claim"])
    return w


def save_witness(witness: dict, path) -> Path:
    """Write the witness atomically (temporary file + rename)."""
    write_file(path, json.dumps(witness, indent=1, ensure_ascii=False) + "\n")
    return Path(path)


def load_witness(path) -> dict:
    """Read a witness file (JSON).

    Raises
    ------
    DistributionError
        When the file is missing or not JSON (one line naming the file;
        also for files beyond the size, depth and number limits of
        :mod:`natlat_sym.limits`).
    """

    return read_json(path, "witness", error=DistributionError)


def bound_outcome(path):
    """A catalog :class:`~natlat_sym.catalog.theorem.FiniteOutcome` for a
    committed witness file: ``"holds"`` when the independent checker
    certifies its claim (the detail says which constant is bounded)."""
    # the catalog layer sits above this one and costs ~1.2 s to import; only
    # the catalog's own open-problem entries call this
    from ..catalog.outcomes import FiniteOutcome

    w = load_witness(path)
    r = check_witness(w)
    return FiniteOutcome(str(r.truth), detail=f"{w.get('statement', '')} [{r.detail}]",
                         sizes=f"witness {Path(path).name}", value=w.get("claim"))


def o2_distribution(witness: dict):
    """The exact distribution of ``(X1, X2, L, G)`` in an O2 witness."""

    table = {tuple(row[:4]): Fraction(row[4]) for row in witness["joint"]}
    return Distribution.from_dict(table, ["X1", "X2", "L", "G"])
