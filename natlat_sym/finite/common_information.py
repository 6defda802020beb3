"""Common information of the observables of a finite distribution.

Concept
-------
Three classical answers to "how much do X1 and X2 share?" bracket the
mutual information (spec §7):

    C_GK(X1;X2)  <=  I(X1;X2)  <=  C_W(X1;X2)  <=  G(X1;X2).

* **Gács–Körner** ``C_GK = max H(K)`` over ``K`` that is a function of X1
  and of X2.  The maximiser is the connected-component label of the
  support (cells linked when they share a value of some observable); it is
  computed exactly from the zero pattern (networkx components).  It is the
  *redund* side of a natural latent.
* **Wyner** ``C_W = min I(X;W)`` subject to ``X1 ⊥ X2 | W`` — the
  *mediator* side.  Computed by seeded multi-start SLSQP over
  decompositions ``P = Σ_w π_w · a_w ⊗ b_w`` (so conditional independence
  holds by construction) with ``|W| <= |X1||X2|``.
* **Exact common information** ``G = min H(W)`` subject to ``X1 ⊥ X2 | W``,
  by the same decompositions.

The optimisation values are upper bounds found by a local optimiser to its
tolerance (about 1e-6 bits on the examples in the tests), not certified.

Public functions
----------------
gacs_korner, wyner_common_information, exact_common_information

Examples
--------
>>> from natlat_sym.finite.distribution import Distribution
>>> d = Distribution.from_array([["1/2", 0], [0, "1/2"]], ["X1", "X2"])   # X1 = X2 = fair bit
>>> gacs_korner(d).value
1.0
>>> round(wyner_common_information(d, starts=2).value, 6)
1.0
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import networkx as nx
import numpy as np
from scipy.optimize import minimize

from ..errors import DistributionError
from ..shannon.linear import LinearForm
from ._exact_logs import log_combination
from .distribution import Distribution, entropy_bits

__all__ = ["CommonInformation", "gacs_korner", "wyner_common_information", "exact_common_information",
           "component_labels"]


@dataclass(frozen=True)
class CommonInformation:
    """A common-information value and the latent attaining it.

    Attributes
    ----------
    name : str
        ``"Gács–Körner"``, ``"Wyner"`` or ``"exact common information"``.
    value : float
        Bits.
    enclosure : tuple of Fraction or None
        Certified ``(lo, hi)`` when the value was computed exactly.
    distribution : Distribution
        The observables and the latent ``W`` (last axis).
    mediation : float
        ``I(X1;X2|W)`` of that latent (0 up to the optimiser's tolerance for
        Wyner / exact common information).
    seconds : float
    """

    name: str
    value: float
    enclosure: tuple | None
    distribution: object
    mediation: float
    seconds: float

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "value": self.value,
            "enclosure": [str(x) for x in self.enclosure] if self.enclosure else None,
            "mediation": self.mediation,
            "seconds": self.seconds,
            "distribution": self.distribution.to_json(),
        }


def _observables(dist, observables) -> tuple[str, ...]:
    if observables is None:
        obs = tuple(n for n in dist.names if n not in set(getattr(dist, "latents", ())))
    else:
        obs = tuple(observables)
        unknown = [n for n in obs if n not in dist.names]
        if unknown:
            raise DistributionError(f"observable {unknown[0]!r} is not a variable of the distribution {dist.names}")
    if len(obs) < 2:
        raise DistributionError(f"need at least two observables, got {obs}")
    return obs


def linked_component_labels(cells: Sequence[tuple]) -> list[int]:
    """Label of the connected component of each cell, where two cells are
    linked when they agree in some coordinate; components are numbered in
    the sorted order of their ``(coordinate, value)`` nodes.

    >>> linked_component_labels([(0, 0), (0, 1), (2, 2)])
    [0, 0, 1]
    """
    g = nx.Graph()
    for c in cells:
        nodes = [(i, v) for i, v in enumerate(c)]
        g.add_nodes_from(nodes)
        g.add_edges_from(zip(nodes, nodes[1:]))
    comps = sorted((sorted(c) for c in nx.connected_components(g)))
    where = {node: k for k, comp in enumerate(comps) for node in comp}
    return [where[(0, c[0])] for c in cells]


def component_labels(pmf: np.ndarray) -> np.ndarray:
    """Gács–Körner label of every cell of a joint pmf over n observables
    (-1 off the support): cells are linked when they share the value of
    some observable.

    >>> component_labels(np.array([[0.5, 0], [0, 0.5]])).tolist()
    [[0, -1], [-1, 1]]
    """
    cells = [tuple(int(i) for i in c) for c in zip(*np.nonzero(np.asarray(pmf != 0)))]
    out = np.full(pmf.shape, -1, dtype=int)
    for c, label in zip(cells, linked_component_labels(cells)):
        out[c] = label
    return out


def gacs_korner(dist, observables: Sequence[str] | None = None) -> CommonInformation:
    """Gács–Körner common information ``H(K)``, ``K`` the component label.

    Exact for exact distributions (``enclosure`` certified)."""
    t0 = time.perf_counter()
    obs = _observables(dist, observables)
    marg = dist.marginal(obs)
    pmf = marg.pmf
    labels = component_labels(pmf)
    k = int(labels.max()) + 1
    channel = np.zeros(pmf.shape + (k,), dtype=object if marg.is_exact else float)
    if marg.is_exact:
        channel[...] = Fraction(0)
    for idx in np.ndindex(pmf.shape):
        channel[idx + (max(labels[idx], 0),)] = Fraction(1) if marg.is_exact else 1.0
    joint = pmf[..., None] * channel
    out = Distribution.from_array(joint, obs + ("K",), exact=marg.is_exact, latents=("K",))
    form = LinearForm.entropy({"K"})
    if marg.is_exact:
        comb = log_combination(joint, out.names, form)
        enc = comb.enclosure()
        value = comb.to_float()
    else:
        enc, value = None, entropy_bits(joint.sum(axis=tuple(range(len(obs)))))
    return CommonInformation("Gács–Körner", value, enc, out, 0.0 if len(obs) == 2 else math.nan,
                             time.perf_counter() - t0)


def _decompose(P: np.ndarray, objective: str, *, seed: int, starts: int, cardinality: int | None):
    m, n = P.shape
    W = cardinality or m * n
    hx = entropy_bits(P)
    rng = np.random.default_rng(seed)

    def unpack(z):
        pi = z[:W]
        a = z[W:W + W * m].reshape(W, m)
        b = z[W + W * m:].reshape(W, n)
        return pi, a, b

    def ent_rows(x):
        x = np.clip(x, 1e-300, None)
        return -(x * np.log2(x)).sum(axis=1)

    def f(z):
        pi, a, b = unpack(z)
        if objective == "wyner":
            return hx - float(pi @ (ent_rows(a) + ent_rows(b)))
        q = np.clip(pi, 1e-300, None)
        return float(-(q * np.log2(q)).sum())

    def eq(z):
        pi, a, b = unpack(z)
        mix = np.einsum("w,wi,wj->ij", pi, a, b)
        return np.concatenate([(mix - P).ravel(), a.sum(1) - 1, b.sum(1) - 1])

    best = None
    for _ in range(starts):
        # start from a random exact decomposition of P: split each cell's mass over W
        pi0 = rng.dirichlet(np.ones(W))
        a0 = rng.dirichlet(np.ones(m), size=W)
        b0 = rng.dirichlet(np.ones(n), size=W)
        z0 = np.concatenate([pi0, a0.ravel(), b0.ravel()])
        res = minimize(f, z0, method="SLSQP", constraints=[{"type": "eq", "fun": eq}],
                       bounds=[(0.0, 1.0)] * len(z0), options={"maxiter": 500, "ftol": 1e-12})
        viol = float(np.abs(eq(res.x)).max())
        if viol > 1e-7:
            continue
        if best is None or res.fun < best[0] - 1e-12:
            best = (float(res.fun), res.x)
    return best, unpack


def _latent_from_decomposition(dist, obs, P, z, unpack):
    pi, a, b = unpack(z)
    joint_w = np.clip(np.einsum("w,wi,wj->ijw", pi, a, b), 0, None)
    s = joint_w.sum(axis=2, keepdims=True)
    channel = np.where(s > 0, joint_w / np.where(s > 0, s, 1), 1.0 / joint_w.shape[2])
    joint = P[..., None] * channel
    used = joint.sum(axis=(0, 1)) > 1e-12
    joint = joint[..., used]
    joint = joint / joint.sum()
    d = Distribution.from_array(joint, obs + ("W",), exact=False, latents=("W",))
    med = (entropy_bits(joint.sum(axis=1)) + entropy_bits(joint.sum(axis=0))
           - entropy_bits(joint) - entropy_bits(joint.sum(axis=(0, 1))))
    return d, max(med, 0.0)


def _two(dist, observables):
    obs = _observables(dist, observables)
    if len(obs) != 2:
        raise DistributionError(f"Wyner / exact common information need exactly two observables, got {obs}")
    P = np.asarray(dist.marginal(obs).pmf, dtype=float)
    return obs, P


def _optimised_common_information(kind: str, title: str, dist, observables, *, seed, starts, cardinality):
    """The optimal decomposition ``P = Σ_w P(w) P(x1|w) P(x2|w)`` for ``kind``
    ("wyner" minimises I(X1,X2;W), "exact" minimises H(W)), as a result."""
    t0 = time.perf_counter()
    obs, P = _two(dist, observables)
    best, unpack = _decompose(P, kind, seed=seed, starts=starts, cardinality=cardinality)
    if best is None:
        raise DistributionError("no feasible decomposition found; increase starts")  # pragma: no cover
    d, med = _latent_from_decomposition(dist, obs, P, best[1], unpack)
    return CommonInformation(title, best[0], None, d, med, time.perf_counter() - t0)


def wyner_common_information(dist, observables: Sequence[str] | None = None, *, seed: int = 0,
                             starts: int = 8, cardinality: int | None = None) -> CommonInformation:
    """Wyner common information ``min I(X1,X2;W)`` s.t. ``X1 ⊥ X2 | W``.

    Seeded multi-start SLSQP (same seed ⇒ same value); ``cardinality``
    defaults to ``|X1||X2|``.  An upper bound to the optimiser's tolerance."""
    return _optimised_common_information("wyner", "Wyner", dist, observables, seed=seed, starts=starts,
                                         cardinality=cardinality)


def exact_common_information(dist, observables: Sequence[str] | None = None, *, seed: int = 0,
                             starts: int = 8, cardinality: int | None = None) -> CommonInformation:
    """Exact common information ``min H(W)`` s.t. ``X1 ⊥ X2 | W`` (seeded
    multi-start SLSQP; an upper bound to the optimiser's tolerance)."""
    return _optimised_common_information("exact", "exact common information", dist, observables, seed=seed,
                                         starts=starts, cardinality=cardinality)
