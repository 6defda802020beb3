"""Natural-latent quantities of a given finite distribution of observables.

Concept
-------
A latent ``Λ`` over observables ``X = (X1, …, Xn)`` is natural when it
*mediates* (``TC(X|Λ)`` small; ``I(X1;X2|Λ)`` for two observables) and is
*redundant* (recoverable from each drop-one sub-tuple).  Spec D8 scores
(sum form):

* stochastic ``S(V) = TC(X|V) + Σ_i I(V; X_i | X_{−i})``;  ``τ(P) = inf_V S(V)``;
* deterministic, for ``V = f(X)``: ``S(V) = TC(X|V) + Σ_i H(V | X_{−i})``;
  ``T(P) = min_f S(V)`` — a minimum over the partitions of the support of
  ``P``, enumerated exhaustively (Bell numbers; at most ``max_cells``).

For two observables these are exactly D8's ``I(X1;X2|V) + I(V;X1|X2) +
I(V;X2|X1)`` and ``I(X1;X2|V) + H(V|X2) + H(V|X1)``.  ``τ`` is found by
seeded multi-start L-BFGS-B over channels ``P[V|X]`` with ``|supp| + 1``
values (a local optimum: an upper bound on ``τ``), warm-started at the best
partition, so ``τ <= T`` always holds in the output.

Spec T20: for deterministic latents the mediation and redundancy errors
trade off as ``H(Λ)`` varies; :func:`error_frontier` returns every
partition's ``(H(Λ), mediation, redundancy)`` and the Pareto frontier.

Public functions
----------------
best_deterministic_latent, best_stochastic_latent, error_frontier,
latent_errors, naturality_report

Examples
--------
Block-diagonal source (spec E2): the block label is an exact natural latent.

>>> from natlat_sym.finite.distribution import Distribution
>>> d = Distribution.from_array([["1/8", "1/8", 0], ["1/8", "1/8", 0], [0, 0, "1/2"]], ["X1", "X2"])
>>> r = best_deterministic_latent(d)
>>> r.score, r.mediation, r.redundancy
(0.0, 0.0, (0.0, 0.0))
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import minimize

from ..errors import BudgetExceeded, DistributionError
from ..limits import check_time
from .common_information import _observables, exact_common_information, gacs_korner, wyner_common_information
from .distribution import Distribution

__all__ = ["NaturalLatent", "Frontier", "NaturalityReport", "best_deterministic_latent",
           "best_stochastic_latent", "error_frontier", "latent_errors", "naturality_report"]


@dataclass(frozen=True)
class NaturalLatent:
    """An optimal (or evaluated) latent and its error terms (bits).

    ``redundancy[i]`` is ``H(Λ|X_{−i})`` (deterministic) or
    ``I(Λ;X_i|X_{−i})`` (stochastic); ``score = mediation + Σ redundancy``."""

    kind: str
    score: float
    mediation: float
    redundancy: tuple
    distribution: object
    observables: tuple
    entropy: float = math.nan
    seconds: float = 0.0

    def to_json(self) -> dict:
        return {"kind": self.kind, "score": self.score, "mediation": self.mediation,
                "redundancy": list(self.redundancy), "entropy": self.entropy,
                "observables": list(self.observables), "seconds": self.seconds,
                "distribution": self.distribution.to_json() if self.distribution is not None else None}


def _h_rows(m: np.ndarray) -> np.ndarray:
    m = np.where(m > 1e-300, m, 1.0)
    return -(m * np.log2(m)).sum(axis=-1)


def _support(pmf: np.ndarray):
    cells = np.argwhere(pmf > 0)
    mass = pmf[tuple(cells.T)].astype(float)
    return cells, mass


def _restricted_growth_strings(c: int) -> np.ndarray:
    rgs = np.zeros((1, 1), dtype=np.int8)
    for _ in range(1, c):
        mx = rgs.max(axis=1)
        blocks = []
        for v in range(int(mx.max()) + 2):
            ok = v <= mx + 1
            blocks.append(np.hstack([rgs[ok], np.full((int(ok.sum()), 1), v, dtype=np.int8)]))
        rgs = np.vstack(blocks)
    return rgs


def _grouped_entropy(labels: np.ndarray, keys: np.ndarray, mass: np.ndarray) -> np.ndarray:
    """H(label, key) per row of ``labels`` (cells grouped by label and key)."""
    N, c = labels.shape
    nk = int(keys.max()) + 1
    width = c * nk
    out = np.empty(N)
    for s in range(0, N, 8192):
        check_time("the partitions of the support")  # the caller's time budget, if any
        lab = labels[s:s + 8192].astype(np.int64)
        n = lab.shape[0]
        idx = lab * nk + keys[None, :] + np.arange(n)[:, None] * width
        sums = np.bincount(idx.ravel(), weights=np.tile(mass, n), minlength=n * width).reshape(n, width)
        out[s:s + n] = _h_rows(sums)
    return out


def _key_of(cells: np.ndarray, axes: Sequence[int]) -> np.ndarray:
    if not axes:
        return np.zeros(len(cells), dtype=np.int64)
    _, inv = np.unique(cells[:, list(axes)], axis=0, return_inverse=True)
    return inv.ravel().astype(np.int64)


def _partition_scores(pmf: np.ndarray, labels: np.ndarray):
    """Entropy, mediation TC(X|Z) and drop-one redundancies H(Z|X_{-i})."""
    n = pmf.ndim
    cells, mass = _support(pmf)
    hz = _grouped_entropy(labels, _key_of(cells, []), mass)
    hx = float(_h_rows(mass[None, :])[0])
    med = -(hx - hz)
    for i in range(n):
        med = med + _grouped_entropy(labels, _key_of(cells, [i]), mass) - hz
    reds = []
    for i in range(n):
        rest = [j for j in range(n) if j != i]
        h_rest = float(_h_rows(np.bincount(_key_of(cells, rest), weights=mass)[None, :])[0])
        reds.append(_grouped_entropy(labels, _key_of(cells, rest), mass) - h_rest)
    return hz, np.maximum(med, 0.0), np.maximum(np.array(reds), 0.0)


def _all_partitions(pmf, max_cells):
    cells, _ = _support(pmf)
    if len(cells) > max_cells:
        raise BudgetExceeded(f"support has {len(cells)} cells; exhaustive partition search allows max_cells={max_cells}")
    return _restricted_growth_strings(len(cells))


def _obs_pmf(dist, observables):
    obs = _observables(dist, observables)
    return obs, np.asarray(dist.marginal(obs).pmf, dtype=float)


def _deterministic_distribution(obs, pmf, label_row):
    cells, _ = _support(pmf)
    k = int(label_row.max()) + 1
    joint = np.zeros(pmf.shape + (k,))
    for cell, lab in zip(cells, label_row):
        joint[tuple(cell) + (int(lab),)] = pmf[tuple(cell)]
    return Distribution.from_array(joint, tuple(obs) + ("Λ",), exact=False, latents=("Λ",))


def best_deterministic_latent(dist, observables: Sequence[str] | None = None, *,
                              max_cells: int = 10) -> NaturalLatent:
    """``T(P)``: the partition of the support minimising mediation + Σ
    drop-one deterministic redundancy (exhaustive; raises BudgetExceeded
    beyond ``max_cells`` support cells)."""
    t0 = time.perf_counter()
    obs, pmf = _obs_pmf(dist, observables)
    labels = _all_partitions(pmf, max_cells)
    hz, med, reds = _partition_scores(pmf, labels)
    score = med + reds.sum(axis=0)
    best = int(np.argmin(np.round(score, 12)))
    clean = lambda v: 0.0 if abs(v) < 1e-12 else float(v)
    return NaturalLatent("deterministic", clean(score[best]), clean(med[best]),
                         tuple(clean(r[best]) for r in reds),
                         _deterministic_distribution(obs, pmf, labels[best]), obs, clean(hz[best]),
                         time.perf_counter() - t0)


def _stochastic_terms(pmf, q):
    """Mediation TC(X|V) and I(V;X_i|X_{-i}) for joint P(x)q(v|x) (float)."""
    n = pmf.ndim
    joint = pmf[..., None] * q
    allax = tuple(range(n + 1))

    def H(keep):
        drop = tuple(a for a in allax if a not in keep)
        m = joint.sum(axis=drop) if drop else joint
        m = m[m > 1e-300]
        return float(-(m * np.log2(m)).sum())

    v = n
    hv, hx, hxv = H((v,)), H(tuple(range(n))), H(allax)
    med = sum(H((i, v)) - hv for i in range(n)) - (hxv - hv)
    reds = []
    for i in range(n):
        rest = tuple(j for j in range(n) if j != i)
        reds.append(H(rest + (v,)) + H(tuple(range(n))) - hxv - H(rest))
    return max(med, 0.0), tuple(max(r, 0.0) for r in reds), hv


def best_stochastic_latent(dist, observables: Sequence[str] | None = None, *, seed: int = 0,
                           starts: int = 2, cardinality: int | None = None,
                           max_cells: int = 10) -> NaturalLatent:
    """``τ(P)`` (upper bound): seeded multi-start L-BFGS-B over ``P[V|X]``
    with ``|supp| + 1`` values, warm-started at the best partition."""
    t0 = time.perf_counter()
    obs, pmf = _obs_pmf(dist, observables)
    cells, _ = _support(pmf)
    c = len(cells)
    k = cardinality or c + 1
    rng = np.random.default_rng(seed)

    def channel(z):
        lg = z.reshape(c, k)
        e = np.exp(lg - lg.max(axis=1, keepdims=True))
        rows = e / e.sum(axis=1, keepdims=True)
        q = np.full(pmf.shape + (k,), 1.0 / k)
        q[tuple(cells.T)] = rows
        return q

    def f_hard(q):
        med, reds, _ = _stochastic_terms(pmf, q)
        return med + sum(reds)

    def f(z):
        return f_hard(channel(z))

    x0s = []
    hard = None
    if c <= max_cells:
        det = best_deterministic_latent(dist, obs, max_cells=max_cells)
        labels = np.argmax(np.asarray(det.distribution.pmf)[tuple(cells.T)], axis=-1)
        warm = np.zeros((c, k))
        warm[np.arange(c), labels % k] = 8.0
        x0s.append(warm.ravel())
        hard = np.full(pmf.shape + (k,), 1.0 / k)
        rows = np.zeros((c, k))
        rows[np.arange(c), labels % k] = 1.0
        hard[tuple(cells.T)] = rows
    x0s += [rng.normal(0, 2.0, c * k) for _ in range(starts)]
    best = None
    for x0 in x0s:
        check_time("the search for a stochastic natural latent")
        res = minimize(f, x0, method="L-BFGS-B", options={"maxiter": 400})
        if best is None or res.fun < best[0]:
            best = (float(res.fun), res.x)
    q = channel(best[1])
    if hard is not None and f_hard(hard) <= best[0]:
        q = hard  # the best partition itself (softmax only approaches it)
    med, reds, hv = _stochastic_terms(pmf, q)
    joint = pmf[..., None] * q
    joint = joint[..., joint.sum(axis=tuple(range(pmf.ndim))) > 1e-15]
    d = Distribution.from_array(joint / joint.sum(), tuple(obs) + ("Λ",), exact=False, latents=("Λ",))
    clean = lambda v: 0.0 if abs(v) < 1e-12 else float(v)
    return NaturalLatent("stochastic", clean(med + sum(reds)), clean(med), tuple(clean(r) for r in reds), d, obs, hv,
                         time.perf_counter() - t0)


@dataclass(frozen=True)
class Frontier:
    """Every partition's ``entropy``, ``mediation`` and summed ``redundancy``
    (arrays) and the indices of the Pareto-optimal ones (``pareto``, by
    increasing mediation)."""

    entropy: np.ndarray
    mediation: np.ndarray
    redundancy: np.ndarray
    pareto: np.ndarray
    observables: tuple = ()

    def to_json(self) -> dict:
        return {"observables": list(self.observables),
                "pareto": [{"entropy": float(self.entropy[i]), "mediation": float(self.mediation[i]),
                            "redundancy": float(self.redundancy[i])} for i in self.pareto],
                "partitions": int(len(self.entropy))}


def error_frontier(dist, observables: Sequence[str] | None = None, *, max_cells: int = 10) -> Frontier:
    """Mediation–redundancy tradeoff of deterministic latents (spec T20)."""
    obs, pmf = _obs_pmf(dist, observables)
    labels = _all_partitions(pmf, max_cells)
    hz, med, reds = _partition_scores(pmf, labels)
    red = reds.sum(axis=0)
    order = np.lexsort((red, np.round(med, 12)))
    pareto, best_red = [], math.inf
    for i in order:
        if red[i] < best_red - 1e-12:
            pareto.append(int(i))
            best_red = red[i]
    return Frontier(hz, med, red, np.array(pareto, dtype=int), obs)


def latent_errors(dist, latent: str, observables: Sequence[str] | None = None) -> NaturalLatent:
    """Mediation and (stochastic and deterministic) redundancy errors of a
    latent variable already in ``dist``; ``kind`` says which redundancy
    (deterministic when ``H(latent|X) = 0``)."""
    if latent not in dist.names:
        raise DistributionError(f"latent {latent!r} is not a variable of the distribution {dist.names}")
    obs = tuple(o for o in _observables(dist, observables) if o != latent)
    m = dist.marginal(obs + (latent,))
    joint = np.asarray(m.pmf, dtype=float)
    px = joint.sum(axis=-1)
    q = np.divide(joint, px[..., None], out=np.full(joint.shape, 1.0 / joint.shape[-1]), where=px[..., None] > 0)
    med, sto, hv = _stochastic_terms(px, q)
    n = len(obs)

    def H(keep):
        drop = tuple(a for a in range(n + 1) if a not in keep)
        mm = joint.sum(axis=drop) if drop else joint
        mm = mm[mm > 1e-300]
        return float(-(mm * np.log2(mm)).sum())

    h_given_x = H(tuple(range(n + 1))) - H(tuple(range(n)))
    if h_given_x < 1e-12:
        det = tuple(max(H(tuple(j for j in range(n) if j != i) + (n,)) - H(tuple(j for j in range(n) if j != i)), 0.0)
                    for i in range(n))
        return NaturalLatent("deterministic", med + sum(det), med, det, m, obs, hv)
    return NaturalLatent("stochastic", med + sum(sto), med, sto, m, obs, hv)


#: Float errors below this many bits print as 0 (rounding noise: an exact
#: mediator's TC computed in floats comes out as 4.4e-16).
FLOAT_NOISE_BITS = 1e-12


def _bits(value: float) -> str:
    """A float number of bits for the report, six significant digits.

    >>> _bits(4.440892098500626e-16), _bits(0.2548657824288991), _bits(-1e-15)
    ('0', '0.254866', '0')
    """
    return f"{0.0 if abs(value) < FLOAT_NOISE_BITS else value:.6g}"


@dataclass(frozen=True)
class NaturalityReport:
    """Errors of the latents in a distribution and the optimal natural
    latents of its observables (``natlat naturality FILE``)."""

    observables: tuple
    latents: Mapping
    deterministic: NaturalLatent | None
    stochastic: NaturalLatent | None
    note: str = ""
    #: Common information of the observables: Gács–Körner (exact), and with
    #: two observables Wyner and exact common information (optimiser upper bounds).
    common: tuple = ()
    #: ``I(X1;X2)`` in bits when there are two observables (the bracket's middle).
    mutual_information: float | None = None

    def to_json(self) -> dict:
        return {"observables": list(self.observables),
                "latents": {k: v.to_json() for k, v in self.latents.items()},
                "best_deterministic": self.deterministic.to_json() if self.deterministic else None,
                "best_stochastic": self.stochastic.to_json() if self.stochastic else None,
                "common_information": {_COMMON_KEYS[c.name]: _common_json(c) for c in self.common},
                "mutual_information": self.mutual_information,
                "note": self.note}

    def __str__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        from html import escape

        return "<pre>" + escape(self.text()) + "</pre>"

    def text(self) -> str:
        o = ",".join(self.observables)
        lines = []
        for name, r in self.latents.items():
            reds = ", ".join(
                (f"H({name}|{','.join(x for x in self.observables if x != xi)})" if r.kind == "deterministic"
                 else f"I({name};{xi}|{','.join(x for x in self.observables if x != xi)})") + f" = {_bits(v)}"
                for xi, v in zip(self.observables, r.redundancy))
            lines.append(f"{name}: mediation TC({o}|{name}) = {_bits(r.mediation)}; {reds}")
        for r in (self.deterministic, self.stochastic):
            if r is not None:
                lines.append(f"best {r.kind} natural latent: score {_bits(r.score)} "
                             f"(mediation {_bits(r.mediation)}, redundancy {_bits(sum(r.redundancy))}, "
                             f"H = {_bits(r.entropy)})")
        by = {c.name: c for c in self.common}
        if "Gács–Körner" in by:
            gk = by["Gács–Körner"]
            exact = " (exact)" if gk.enclosure else ""
            lines.append(f"Gács–Körner common information C_GK({o}) = {_bits(gk.value)} bits{exact}")
        if self.mutual_information is not None:
            lines.append(f"mutual information I({';'.join(self.observables)}) = {_bits(self.mutual_information)} bits")
        # C_GK <= I <= C_W <= G: the mutual information is a lower bound on both (exact); the optimiser's
        # values are upper bounds only to its tolerance (its latent satisfies X1 ⊥ X2 | W up to 1e-7)
        mi = f"I({';'.join(self.observables)})"
        below = mi if self.mutual_information is None else f"{mi} = {_bits(self.mutual_information)}"
        for name, sym, chain in (("Wyner", "C_W", below), ("exact common information", "G", f"C_W >= {below}")):
            if name in by:
                lines.append(f"{name} {sym}({o}) <= {_bits(by[name].value)} bits (upper bound found by a seeded local "
                             f"optimiser, not certified); {sym} >= {chain}")
        if self.note:
            lines.append(self.note)
        return "\n".join(lines)


def naturality_report(dist, latents: Sequence[str] | None = None, observables: Sequence[str] | None = None,
                      *, seed: int = 0, starts: int = 2, max_cells: int = 10) -> NaturalityReport:
    """Errors of each latent (default: the distribution's marked latents)
    and the optimal deterministic / stochastic natural latents of the
    observables (skipped with a note when the support exceeds ``max_cells``)."""
    lat = tuple(latents) if latents is not None else tuple(getattr(dist, "latents", ()))
    obs = tuple(observables) if observables is not None else tuple(n for n in dist.names if n not in set(lat))
    obs = _observables(dist, obs)
    errs = {name: latent_errors(dist, name, obs) for name in lat}
    note = ""
    try:
        det = best_deterministic_latent(dist, obs, max_cells=max_cells)
        sto = best_stochastic_latent(dist, obs, seed=seed, starts=starts, max_cells=max_cells)
    except BudgetExceeded as e:
        det = sto = None
        note = f"optimal natural latents skipped: {e}"
    notes = [note] if note else []
    common, mi = _common_information(dist, obs, seed=seed, starts=starts, max_cells=max_cells, notes=notes)
    if len(obs) != 2:
        notes.append("Wyner and exact common information need exactly two observables")
    note = "; ".join(notes)
    return NaturalityReport(obs, errs, det, sto, note, common, mi)


_COMMON_KEYS = {"Gács–Körner": "gacs_korner", "Wyner": "wyner", "exact common information": "exact"}


def _common_json(c) -> dict:
    return {"value": c.value, "enclosure": [str(x) for x in c.enclosure] if c.enclosure else None,
            "certified": c.enclosure is not None, "seconds": round(c.seconds, 4)}


def _common_information(dist, obs, *, seed: int, starts: int, max_cells: int, notes: list):
    """(Gács–Körner [, Wyner, exact common information]), I(X1;X2) or None;
    what could not be computed is appended to ``notes``."""
    out = [gacs_korner(dist, obs)]
    mi = None
    if len(obs) == 2:
        m = dist.marginal(obs)
        mi = m.entropy([obs[0]]) + m.entropy([obs[1]]) - m.entropy(list(obs))
        if np.count_nonzero(np.asarray(m.pmf, dtype=float)) <= max_cells * max_cells:
            for find in (wyner_common_information, exact_common_information):
                try:
                    out.append(find(dist, obs, seed=seed, starts=starts))
                except DistributionError as e:  # the local optimiser found no decomposition: say so
                    notes.append(f"{find.__name__.replace('_', ' ')}: {e}")
    return tuple(out), mi
