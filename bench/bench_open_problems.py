"""Benchmark: O1 candidates per second, the pre-issue-12 search vs the new inner loops.

Run: python bench/bench_open_problems.py [--quick]

A *candidate* is one distribution P scored by ``T(P)`` (exact minimum over
all partitions of the support) and an upper bound on ``τ(P)`` (the best
latent found).  Both paths score the same seeded candidates:

* **before** — ``_deterministic_score`` of the O1 entry ``proofs/deterministic_score_le_const_mul_stochastic_score.py`` (pure-Python
  partition loop) and ``_best_stochastic_score`` (3 L-BFGS-B starts with finite-difference
  gradients), i.e. exactly what ``natlat experiment o1`` did per candidate
  before issue 12;
* **after** — ``natlat_sym.openproblems.fast_scores``: all Bell(c)
  partitions scored at once from a table of ``−m·log2 m`` over the ``2^c``
  cell subsets, and ``τ`` by batched exponentiated-gradient descent on the
  channel (spec T16's mixture form) — the per-sample work of a sweep chunk.

Printed: candidates per second for each, the speed-up, and the τ bound
quality (mean of τ_after − τ_before: negative means the new search finds
better latents).  Measured on the shared 2-core machine when issue 12 was
done (before, main code, 20 s per shape): 3×3 with 6 cells 0.082/s, 3×3 full
support (9 cells) 0.039/s, 4×4 with 8 cells 0.033/s.
"""

from __future__ import annotations

import sys
import time

import numpy as np

from proofs import deterministic_score_le_const_mul_stochastic_score as before
from natlat_sym.openproblems import fast_scores as F
from natlat_sym.openproblems.sweep import _ratio

SHAPES = [((3, 3), 9), ((4, 4), 8)]


def candidates(shape, cells, count, seed=0):
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(count):
        p = np.zeros(shape[0] * shape[1])
        p[rng.choice(p.size, cells, replace=False)] = rng.dirichlet(np.ones(cells))
        out.append(p.reshape(shape))
    return out


def main(quick: bool) -> None:
    n_before, n_after = (1, 6) if quick else (3, 30)
    print(f"{'support':>14s} {'before cand/s':>14s} {'after cand/s':>13s} {'speed-up':>9s} {'mean Δτ':>9s}")
    for shape, cells in SHAPES:
        cands = candidates(shape, cells, max(n_before, n_after))
        rng = np.random.default_rng(1)
        t = time.perf_counter()
        taus_before = []
        for p in cands[:n_before]:
            before._deterministic_score(p)
            taus_before.append(before._best_stochastic_score(p, rng, 3, cells + 1))
        rate_before = n_before / (time.perf_counter() - t)
        rng = np.random.default_rng(1)
        t = time.perf_counter()
        taus_after = []
        for p in cands[:n_after]:
            taus_after.append(_ratio(F.Support.from_array(p), "o1", rng)[2])
        rate_after = n_after / (time.perf_counter() - t)
        dtau = float(np.mean(np.array(taus_after[:n_before]) - np.array(taus_before)))
        label = f"{shape[0]}×{shape[1]}, {cells} cells"
        print(f"{label:>14s} {rate_before:14.3f} {rate_after:13.2f} {rate_after / rate_before:8.0f}× {dtau:+9.2e}",
              flush=True)


if __name__ == "__main__":
    main("--quick" in sys.argv[1:])
