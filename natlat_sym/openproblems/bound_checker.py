r"""Independent re-check of a lower-bound witness file (``natlat verify-bound``).

This module trusts nothing the search computed: it reads the exact rational
distribution (and, for O1, the latent's exact channel) from the witness file
and recomputes both sides of the ratio with ball arithmetic (python-flint
``arb``) and exact integers.  It shares no code with the searches
(:mod:`natlat_sym.openproblems.fast_scores`); only the problem definitions
(:mod:`natlat_sym.openproblems.problems`) are common.

What a verified O1 witness proves
---------------------------------
Let ``c*`` be the least constant with ``T(P) <= c·τ(P)`` for every finite
``P`` (sum form for ``o1``; ``max_{|D|=m}`` form for the deletion-budget
variants, spec D8).  The checker computes

* ``T_lo``, a certified **lower** bound on ``T(P)``: every one of the Bell(c)
  partitions of the support is scored with outward-rounded integer tables of
  ``g(S) = −m(S)·log2 m(S)`` (one arb enclosure per subset ``S`` of cells,
  scaled by ``2^50`` and floored/ceiled), so the minimum over all partitions
  of the lower scores is ``<= T(P)``;
* ``S_hi``, a certified **upper** bound on the score ``S(V)`` of the explicit
  latent ``V`` in the file, hence on ``τ(P) <= S(V)``.

Then ``c* >= T(P)/τ(P) >= T_lo/S_hi``.  The file's ``claim`` (an exact
rational) is *certified* (:attr:`Truth.HOLDS`) when ``claim <= T_lo/S_hi``,
*violated* when even ``T_hi/S_lo < claim`` (this witness cannot support the
claim; nothing is said about ``c*``), and *undecided* otherwise.

O2: ``c*_O2 >= (I(Γ;X|Λ) − ε1 − ε2 − ε2')/ε3`` for any distribution with
``ε3 > 0``; the checker encloses every joint entropy with arb.

Examples
--------
>>> w = {"format": "natlat_sym.bound_witness", "version": 1, "problem": "o1", "claim": "3/2",
...      "cells": [[0, 0], [0, 1], [1, 0], [1, 1]], "probabilities": ["9/20", "1/20", "1/20", "9/20"],
...      "channel": [["49/50", "1/50"], ["1/2", "1/2"], ["1/2", "1/2"], ["1/50", "49/50"]]}
>>> r = check_witness(w)
>>> r.truth, float(r.ratio_lower) > 1.3
('holds', True)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations

import numpy as np

from ..errors import DistributionError
from ..formats import canonical_format, format_name
from ..limits import check_time, exact_number
from ..verdicts import Truth
from .problems import get_problem

__all__ = ["BoundCheck", "check_witness", "MAX_CHECK_CELLS", "WITNESS_FORMAT"]

WITNESS_FORMAT = format_name("bound_witness")  # legacy files: "natlat-bound-witness"
#: Largest support whose partitions the checker enumerates (Bell(11) = 678570).
MAX_CHECK_CELLS = 11
_SCALE_BITS = 50


@dataclass(frozen=True)
class BoundCheck:
    """The checker's answer: ``truth`` and the certified numbers (exact
    rationals): ``ratio_lower <= true ratio <= ratio_upper`` and, for O1,
    ``T`` in ``[t_lower, t_upper]`` and the latent's score in
    ``[s_lower, s_upper]`` (for O2: numerator and ``ε3``)."""

    truth: Truth
    problem: str
    claim: Fraction
    ratio_lower: Fraction | None
    ratio_upper: Fraction | None
    t_lower: Fraction | None = None
    t_upper: Fraction | None = None
    s_lower: Fraction | None = None
    s_upper: Fraction | None = None
    detail: str = ""

    def to_json(self) -> dict:
        f = lambda x: None if x is None else str(x)  # noqa: E731
        return {"truth": str(self.truth), "problem": self.problem, "claim": str(self.claim),
                "ratio_lower": f(self.ratio_lower), "ratio_upper": f(self.ratio_upper),
                "ratio_lower_float": None if self.ratio_lower is None else float(self.ratio_lower),
                "t_lower": f(self.t_lower), "t_upper": f(self.t_upper), "s_lower": f(self.s_lower),
                "s_upper": f(self.s_upper), "detail": self.detail}


# ----------------------------------------------------------------------------- parsing
def _decimal(units: int, digits: int) -> str:
    sign, units = ("-" if units < 0 else ""), abs(units)
    return f"{sign}{units // 10**digits}.{units % 10**digits:0{digits}d}"


def _down(x: Fraction, digits: int = 6) -> str:
    """``x`` rounded *down* to ``digits`` decimals (for lower ends).

    >>> _down(Fraction(-1, 3)), _up(Fraction(-1, 3)), _up(Fraction(19999999, 10**7))
    ('-0.333334', '-0.333333', '2.000000')
    """
    return _decimal(math.floor(Fraction(x) * 10**digits), digits)


def _up(x: Fraction, digits: int = 6) -> str:
    """``x`` rounded *up* to ``digits`` decimals (for upper ends)."""
    return _decimal(math.ceil(Fraction(x) * 10**digits), digits)


def _frac(x, where: str) -> Fraction:

    if isinstance(x, float) or not isinstance(x, (int, str)):
        raise DistributionError(f"witness: {where} is not an exact rational: {x!r}")
    try:
        return exact_number(x, where)  # bounded cost: "1e999999999" is refused, not expanded
    except ValueError as e:
        raise DistributionError(f"witness: {where}: {e}") from None


def _parse_o1(data: dict, n: int):
    cells = data.get("cells")
    probs = data.get("probabilities")
    channel = data.get("channel")
    if not isinstance(cells, list) or not isinstance(probs, list) or not isinstance(channel, list):
        raise DistributionError("witness: an O1 witness needs lists 'cells', 'probabilities' and 'channel'")
    if not (len(cells) == len(probs) == len(channel)) or not cells:
        raise DistributionError(f"witness: 'cells', 'probabilities' and 'channel' must have the same nonzero "
                                f"length, got {len(cells)}, {len(probs)}, {len(channel)}")
    tuples = []
    for i, cell in enumerate(cells):
        if not isinstance(cell, list) or len(cell) != n or not all(isinstance(v, int) and v >= 0 for v in cell):
            raise DistributionError(f"witness: cells[{i}] must be {n} nonnegative integers, got {cell!r}")
        tuples.append(tuple(cell))
    if len(set(tuples)) != len(tuples):
        raise DistributionError("witness: a cell is listed twice")
    p = [_frac(x, f"probabilities[{i}]") for i, x in enumerate(probs)]
    if any(x <= 0 for x in p) or sum(p) != 1:
        raise DistributionError(f"witness: probabilities must be positive and sum to exactly 1 (sum {sum(p)})")
    k = len(channel[0]) if isinstance(channel[0], list) else 0
    q = []
    for i, row in enumerate(channel):
        if not isinstance(row, list) or len(row) != k or k == 0:
            raise DistributionError(f"witness: channel[{i}] must be a list of {k or 'some'} rationals")
        r = [_frac(x, f"channel[{i}][{j}]") for j, x in enumerate(row)]
        if any(x < 0 for x in r) or sum(r) != 1:
            raise DistributionError(f"witness: channel[{i}] must be nonnegative and sum to exactly 1")
        q.append(r)
    return tuples, p, q


# ----------------------------------------------------------------------------- arb helpers
def _flint():
    import flint

    return flint


def _arb_to_fraction(x) -> Fraction:
    m, e = x.mid().man_exp()
    m, e = int(m), int(e)
    return Fraction(m * 2**e) if e >= 0 else Fraction(m, 2**-e)


def _neg_m_log2_m(m: Fraction):
    """``−m·log2 m`` as an arb ball (0 for m = 0)."""
    fl = _flint()
    if m == 0 or m == 1:
        return fl.arb(0)
    a = fl.arb(fl.fmpq(m.numerator, m.denominator))
    return -a * a.log() / fl.arb(2).log()


def _entropy_ball(masses):
    fl = _flint()
    total = fl.arb(0)
    for m in masses:
        total += _neg_m_log2_m(m)
    return total


def _bounds(ball) -> tuple[Fraction, Fraction]:
    return _arb_to_fraction(ball.lower()), _arb_to_fraction(ball.upper())


def _marginal(cells, weights, axes):
    out: dict = {}
    for cell, w in zip(cells, weights):
        key = tuple(cell[a] for a in axes)
        out[key] = out.get(key, Fraction(0)) + w
    return out


# ----------------------------------------------------------------------------- T by partitions
def _partitions_as_block_masks(c: int) -> np.ndarray:
    """All set partitions of ``c`` cells, each as ``c`` block bitmasks
    (zeros for unused blocks); built block by block from the partitions of
    the first ``i`` cells."""
    parts = np.zeros((1, c), dtype=np.int64)
    parts[0, 0] = 1
    nblocks = np.ones(1, dtype=np.int64)
    for i in range(1, c):
        bit = np.int64(1) << np.int64(i)
        new_parts, new_counts = [], []
        for b in range(i + 1):
            ok = nblocks >= b  # join block b (b < nblocks) or open block b (b == nblocks)
            sel = parts[ok].copy()
            sel[:, b] |= bit
            new_parts.append(sel)
            new_counts.append(np.maximum(nblocks[ok], b + 1))
        parts, nblocks = np.vstack(new_parts), np.concatenate(new_counts)
    return parts


def _deterministic_bounds(cells, p, problem, precision):
    """``(T_lo, T_hi)`` as exact rationals, certified."""
    fl = _flint()
    c, n = len(cells), problem.n
    if c > MAX_CHECK_CELLS:
        raise DistributionError(f"witness: {c} support cells; the checker enumerates partitions of at most "
                                f"{MAX_CHECK_CELLS} cells")
    scale = 1 << _SCALE_BITS
    lo_tab = np.zeros(1 << c, dtype=np.int64)
    hi_tab = np.zeros(1 << c, dtype=np.int64)
    with fl.ctx.workprec(precision):
        for mask in range(1, 1 << c):
            if mask % 64 == 0:
                check_time("the certified check of the witness")
            m = sum((p[i] for i in range(c) if (mask >> i) & 1), Fraction(0))
            lo, hi = _bounds(_neg_m_log2_m(m))
            lo_tab[mask] = math.floor(lo * scale)
            hi_tab[mask] = math.ceil(hi * scale)

        def const(axes):
            return _bounds(_entropy_ball(_marginal(cells, p, axes).values()))
        hx = const(range(n))
        rests = [[j for j in range(n) if j not in d] for d in combinations(range(n), problem.m)]
        h_rest = [const(r) for r in rests]

    def group_masks(axes):
        groups: dict = {}
        for i, cell in enumerate(cells):
            key = tuple(cell[a] for a in axes)
            groups[key] = groups.get(key, 0) | (1 << i)
        return [np.int64(v) for v in groups.values()]

    parts = _partitions_as_block_masks(c)
    # score = Σ_i H(Z,X_i) − (n−1)·H(Z) − H(X) + agg_D [H(Z, X_rest) − H(X_rest)], scaled integers
    def hz_with(axes, table):
        total = np.zeros(len(parts), dtype=np.int64)
        for gm in group_masks(axes):
            total += table[parts & gm].sum(axis=1)
        return total

    def floor_s(x):
        return math.floor(x * scale)

    def ceil_s(x):
        return math.ceil(x * scale)
    tc_lo = -(n - 1) * hz_with([], hi_tab) - ceil_s(hx[1])
    tc_hi = -(n - 1) * hz_with([], lo_tab) - floor_s(hx[0])
    for i in range(n):
        tc_lo = tc_lo + hz_with([i], lo_tab)
        tc_hi = tc_hi + hz_with([i], hi_tab)
    red_lo = [hz_with(r, lo_tab) - ceil_s(h[1]) for r, h in zip(rests, h_rest)]
    red_hi = [hz_with(r, hi_tab) - floor_s(h[0]) for r, h in zip(rests, h_rest)]
    if problem.aggregate == "sum":
        s_lo, s_hi = tc_lo + sum(red_lo), tc_hi + sum(red_hi)
    else:
        s_lo, s_hi = tc_lo + np.max(red_lo, axis=0), tc_hi + np.max(red_hi, axis=0)
    return Fraction(int(s_lo.min()), scale), Fraction(int(s_hi.min()), scale), len(parts)


# ----------------------------------------------------------------------------- S(V) of the latent
def _latent_bounds(cells, p, q, problem, precision):
    fl = _flint()
    n, k = problem.n, len(q[0])
    joint_cells = [cell + (v,) for cell in cells for v in range(k)]
    joint_w = [pi * qi[v] for pi, qi in zip(p, q) for v in range(k)]

    def H(axes):
        return _entropy_ball(_marginal(joint_cells, joint_w, tuple(axes)).values())
    with fl.ctx.workprec(precision):
        hv, hxv, hx = H([n]), H(list(range(n)) + [n]), H(range(n))
        tc = sum((H([i, n]) for i in range(n)), fl.arb(0)) - (n - 1) * hv - hxv
        reds = []
        for d in combinations(range(n), problem.m):
            rest = [j for j in range(n) if j not in d]
            reds.append(H(rest + [n]) + hx - hxv - H(rest))
        if problem.aggregate == "sum":
            total = tc + sum(reds, fl.arb(0))
            return _bounds(total)
        tcb = _bounds(tc)
        rb = [_bounds(r) for r in reds]
        return tcb[0] + max(r[0] for r in rb), tcb[1] + max(r[1] for r in rb)


# ----------------------------------------------------------------------------- O2
def _parse_o2(data):
    joint = data.get("joint")
    if not isinstance(joint, list) or not joint:
        raise DistributionError("witness: an O2 witness needs a nonempty list 'joint' of [x1, x2, l, g, p]")
    cells, w = [], []
    for i, row in enumerate(joint):
        if not isinstance(row, list) or len(row) != 5 or not all(isinstance(v, int) and v >= 0 for v in row[:4]):
            raise DistributionError(f"witness: joint[{i}] must be [x1, x2, l, g, probability], got {row!r}")
        cells.append(tuple(row[:4]))
        w.append(_frac(row[4], f"joint[{i}] probability"))
    if len(set(cells)) != len(cells):
        raise DistributionError("witness: a joint outcome is listed twice")
    if any(x <= 0 for x in w) or sum(w) != 1:
        raise DistributionError(f"witness: joint probabilities must be positive and sum to exactly 1 (sum {sum(w)})")
    return cells, w


def _o2_bounds(cells, w, precision):
    fl = _flint()
    with fl.ctx.workprec(precision):
        def H(axes):
            return _entropy_ball(_marginal(cells, w, tuple(sorted(axes))).values()) if axes else fl.arb(0)

        def I(a, b, c=()):
            return H(a + c) + H(b + c) - H(a + b + c) - H(c)
        X1, X2, L, G = (0,), (1,), (2,), (3,)
        num = I(G, X1 + X2, L) - I(X1, X2, L) - I(G, X1, X2) - I(G, X2, X1)
        den = I(L, G, X1 + X2)
        return _bounds(num), _bounds(den)


# ----------------------------------------------------------------------------- entry point
def check_witness(data: dict, *, precision: int = 128) -> BoundCheck:
    """Re-check a witness (the parsed JSON of a witness file).

    Raises
    ------
    DistributionError
        For a malformed witness (one line naming the field).
    """
    if not isinstance(data, dict) or canonical_format(data.get("format")) != WITNESS_FORMAT:
        raise DistributionError(f"witness: not a {WITNESS_FORMAT} file (missing or wrong 'format')")
    if data.get("version", 1) != 1:
        raise DistributionError(f"witness: unknown version {data.get('version')!r} (this natlat_sym reads version 1)")
    problem = get_problem(data.get("problem", "?"))
    claim = _frac(data.get("claim"), "claim")
    if problem.kind == "o2":
        cells, w = _parse_o2(data)
        (n_lo, n_hi), (d_lo, d_hi) = _o2_bounds(cells, w, precision)
        if d_lo <= 0:
            return BoundCheck(Truth.UNDECIDED, problem.name, claim, None, None, n_lo, n_hi, d_lo, d_hi,
                              "ε3 is not certified positive")
        lo = n_lo / d_hi if n_lo >= 0 else n_lo / d_lo
        hi = n_hi / d_lo if n_hi >= 0 else n_hi / d_hi
        truth = Truth.HOLDS if lo >= claim else (Truth.VIOLATED if hi < claim else Truth.UNDECIDED)
        return BoundCheck(truth, problem.name, claim, lo, hi, n_lo, n_hi, d_lo, d_hi,
                          f"(I(Γ;X|Λ) − ε1 − ε2 − ε2')/ε3 ∈ [{_down(lo, 15)}, {_up(hi, 15)}] on "
                          f"{len(cells)} outcomes; least third-diagram weight >= {_down(lo, 15)}")
    cells, p, q = _parse_o1(data, problem.n)
    t_lo, t_hi, nparts = _deterministic_bounds(cells, p, problem, precision)
    s_lo, s_hi = _latent_bounds(cells, p, q, problem, precision)
    if s_hi <= 0 or s_lo <= 0:
        return BoundCheck(Truth.UNDECIDED, problem.name, claim, None, None, t_lo, t_hi, s_lo, s_hi,
                          "the latent's score is not certified positive")
    lo, hi = t_lo / s_hi, t_hi / s_lo
    truth = Truth.HOLDS if lo >= claim else (Truth.VIOLATED if hi < claim else Truth.UNDECIDED)
    return BoundCheck(truth, problem.name, claim, lo, hi, t_lo, t_hi, s_lo, s_hi,
                      f"T ∈ [{_down(t_lo)}, {_up(t_hi)}] over all {nparts} partitions of "
                      f"{len(cells)} cells; latent with {len(q[0])} values scores S ∈ [{_down(s_lo)}, "
                      f"{_up(s_hi)}] >= τ; ratio T/τ >= {_down(lo, 9)}")
