r"""Approximate stochastic implies deterministic natural latent — the bounty conjecture (T15).

Conjecture (S7): a universal $c$ exists such that a stochastic natural latent with all three
errors $\le\varepsilon$ implies a deterministic one with all errors $\le c\,\varepsilon$.  A Lean
development (S17, claimed, not re-verified here) proves $T(P)\le 96\,\tau(P)$ for the sum-form scores
of D8, hence $c = 288$.  This entry records the Shannon-type facts the statement rests on and a
small numerical experiment: on DSBS($p$) the exact deterministic optimum $T(P)$ (all partitions of
the support) against the best stochastic score found over a grid of binary latents, which bounds
$T/\tau$ from below (every latent's score is at least $\tau$).
"""
import itertools
import math

import numpy as np

from natlat_sym.catalog import FiniteOutcome, Theorem, experiment, prove_that
from natlat_sym.finite.distribution import entropy_bits


def dsbs_joint(p):
    return np.array([[(1 - p) / 2, p / 2], [p / 2, (1 - p) / 2]])


def score(joint_xv):
    """S(V) = I(X1;X2|V) + I(V;X1|X2) + I(V;X2|X1) for a pmf over (X1, X2, V)."""
    h = lambda axes: entropy_bits(joint_xv.sum(axis=tuple(a for a in range(3) if a not in axes)))
    hx1x2v, hx1v, hx2v, hv = h((0, 1, 2)), h((0, 2)), h((1, 2)), h((2,))
    hx1x2, hx1, hx2 = h((0, 1)), h((0,)), h((1,))
    return (hx1v + hx2v - hx1x2v - hv) + (hx2v + hx1x2 - hx1x2v - hx2) + (hx1v + hx1x2 - hx1x2v - hx1)


def deterministic_optimum(joint):
    cells = [c for c in itertools.product(range(2), range(2)) if joint[c] > 0]
    best = math.inf
    for labels in itertools.product(range(len(cells)), repeat=len(cells)):
        xv = np.zeros((2, 2, len(cells)))
        for c, v in zip(cells, labels):
            xv[c + (v,)] = joint[c]
        hv_x1 = entropy_bits(xv.sum(axis=1)) - entropy_bits(xv.sum(axis=(1, 2)))
        hv_x2 = entropy_bits(xv.sum(axis=0)) - entropy_bits(xv.sum(axis=(0, 2)))
        med = (entropy_bits(xv.sum(axis=1)) + entropy_bits(xv.sum(axis=0))
               - entropy_bits(xv) - entropy_bits(xv.sum(axis=(0, 1))))
        best = min(best, med + hv_x1 + hv_x2)
    return best


def stochastic_upper(joint, grid=21):
    best, arg = math.inf, None
    qs = np.linspace(0, 1, grid)
    for a, b in itertools.product(qs, qs):
        ch = {(0, 0): a, (1, 1): 1 - a, (0, 1): b, (1, 0): 1 - b}
        xv = np.zeros((2, 2, 2))
        for c, q in ch.items():
            xv[c + (0,)] = joint[c] * q
            xv[c + (1,)] = joint[c] * (1 - q)
        s = score(xv)
        if s < best:
            best, arg = s, (a, b)
    return best, arg


def ratio_experiment(p=0.1):
    joint = dsbs_joint(p)
    t = deterministic_optimum(joint)
    s, arg = stochastic_upper(joint)
    return FiniteOutcome("evidence", value=round(t / s, 4), sizes="DSBS, binary latents, 21×21 grid",
                         detail=f"DSBS({p}): T = {t:.4f} bits, best stochastic score found {s:.4f} "
                                f"(P[V=0|x] = {arg[0]:.2f} on the diagonal, {arg[1]:.2f} off it), T/τ ≥ {t / s:.3f}")


THEOREM = Theorem(
    id="deterministic_natural_latent_of_stochastic",
    title="Approximate stochastic ⇒ deterministic natural latent (bounty conjecture)",
    spec_id="T15", kind="open",
    reference="S7; S8; S9; S17 (claimed T ≤ 96τ); S18; S19",
    obligations=(
        prove_that("I(X1;X2|V) + I(V;X1|X2) + I(V;X2|X1) <= 3*eps",
                   given=["I(X1;X2|V) <= eps", "I(V;X1|X2) <= eps", "I(V;X2|X1) <= eps"],
                   description="max-form errors ≤ ε ⇒ τ ≤ 3ε", supporting=True),
        prove_that("I(X1;X2|V) + I(V;X1|X2) + I(V;X2|X1) <= I(X1;X2|V) + H(V|X1) + H(V|X2)",
                   description="τ ≤ T", supporting=True),
        experiment(ratio_experiment, "lower bound on T/τ for DSBS(0.1) (numerical)"),
    ),
    uses=("natural_latent_score", "natural_latent"),
)
