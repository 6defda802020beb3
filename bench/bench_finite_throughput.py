"""Throughput of I(X0;X1|X2) on 4 ternary variables, and of the full natural-latent error
report of a latent over two observables: dit vs natlat_sym single vs batched.

Run:  python bench/bench_finite_throughput.py [--batch 200000] [--seed 0]

Prints distributions per second for each path and the ratios to dit
(dit is optional: without it only natlat_sym's numbers are printed).
The error report is the five numbers a natural-latent check needs for a
latent L over (X1, X2): mediation I(X1;X2|L), stochastic redundancy
I(L;X1|X2), I(L;X2|X1), deterministic redundancy H(L|X1), H(L|X2).
Target (issue 3): batched >= 1000x dit.  peers.md measured dit at
250-340 distributions/s and a batched numpy routine at 380-400k/s.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from natlat_sym.finite.batched import DistributionBatch
from natlat_sym.finite.distribution import Distribution
from natlat_sym.finite.evaluate import as_linear_form, enclosure, float_value

try:
    import dit
except ImportError:  # dit is a bench/test extra
    dit = None

NAMES = ["X0", "X1", "X2", "X3"]
EXPR = "I(X0;X1|X2)"


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", type=int, default=200_000)
    ap.add_argument("--single", type=int, default=2_000)
    ap.add_argument("--dit", type=int, default=300)
    ap.add_argument("--certified", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--quick", action="store_true", help="a short run (20k batch, fewer singles)")
    args = ap.parse_args()
    if args.quick:
        args.batch, args.single, args.dit, args.certified = 20_000, 500, 100, 50

    batch = DistributionBatch.random([3, 3, 3, 3], args.batch, seed=args.seed, names=NAMES)
    form = as_linear_form(EXPR)
    rows = []

    if dit is not None:
        n = min(args.dit, args.batch)
        t = time.perf_counter()
        dit_vals = [dit.multivariate.coinformation(dit.Distribution.from_ndarray(batch.pmfs[i]), [[0], [1]], [2])
                    for i in range(n)]
        rows.append(("dit (single)", rate(n, time.perf_counter() - t)))
    else:
        dit_vals = None

    n = min(args.single, args.batch)
    dists = [Distribution.from_array(batch.pmfs[i], NAMES) for i in range(n)]
    t = time.perf_counter()
    single_vals = [float_value(form, d) for d in dists]
    rows.append(("natlat_sym float (single)", rate(n, time.perf_counter() - t)))

    n = min(args.certified, args.batch)
    t = time.perf_counter()
    for d in dists[:n]:
        enclosure(form, d, precision=64)
    rows.append(("natlat_sym certified arb (single)", rate(n, time.perf_counter() - t)))

    t = time.perf_counter()
    fresh = DistributionBatch(batch.pmfs, NAMES)  # includes validation
    batched_vals = fresh.evaluate(form)
    rows.append(("natlat_sym batched (numpy)", rate(args.batch, time.perf_counter() - t)))

    err = max(abs(a - b) for a, b in zip(single_vals, batched_vals))
    print(f"{EXPR} on {args.batch} random distributions over 4 ternary variables (seed {args.seed})")
    base = rows[0][1] if dit is not None else None
    for name, r in rows:
        ratio = f"{r / base:10.1f}x dit" if base else ""
        print(f"  {name:38s} {r:14,.0f} /s  {ratio}")
    print(f"  max |single - batched| = {err:.2e}")
    if dit_vals is not None:
        derr = max(abs(a - b) for a, b in zip(dit_vals, batched_vals))
        print(f"  max |dit - batched|    = {derr:.2e}")
    else:
        print("  (dit not installed: no ratios)")
    print()
    error_report(args)


REPORT = ["I(X1;X2|L)", "I(L;X1|X2)", "I(L;X2|X1)", "H(L|X1)", "H(L|X2)"]
REPORT_NAMES = ["X1", "X2", "L"]


def error_report(args) -> None:
    """Throughput of the full natural-latent error report (5 quantities)."""
    from natlat_sym.finite.evaluate import float_value as value

    count = args.batch // 4
    batch = DistributionBatch.random([3, 3, 3], count, seed=args.seed, names=REPORT_NAMES)
    forms = [as_linear_form(e) for e in REPORT]
    rows = []
    if dit is not None:
        n = min(args.dit, count)
        t = time.perf_counter()
        dit_vals = []
        for i in range(n):
            d = dit.Distribution.from_ndarray(batch.pmfs[i])
            dit_vals.append([dit.multivariate.coinformation(d, [[0], [1]], [2]),
                             dit.multivariate.coinformation(d, [[2], [0]], [1]),
                             dit.multivariate.coinformation(d, [[2], [1]], [0]),
                             dit.shannon.conditional_entropy(d, [2], [0]),
                             dit.shannon.conditional_entropy(d, [2], [1])])
        rows.append(("dit (single)", rate(n, time.perf_counter() - t)))
    n = min(args.single, count)
    dists = [Distribution.from_array(batch.pmfs[i], REPORT_NAMES) for i in range(n)]
    t = time.perf_counter()
    single = [[value(f, d) for f in forms] for d in dists]
    rows.append(("natlat_sym float (single)", rate(n, time.perf_counter() - t)))
    t = time.perf_counter()
    fresh = DistributionBatch(batch.pmfs, REPORT_NAMES)
    many = fresh.evaluate_many(forms)
    rows.append(("natlat_sym batched (numpy)", rate(count, time.perf_counter() - t)))
    print(f"natural-latent error report ({', '.join(REPORT)}) on {count} random distributions "
          f"over 3 ternary variables")
    base = rows[0][1] if dit is not None else None
    for name, r in rows:
        ratio = f"{r / base:10.1f}x dit" if base else ""
        print(f"  {name:38s} {r:14,.0f} /s  {ratio}")
    err = max(abs(single[i][j] - many[j][i]) for i in range(n) for j in range(len(forms)))
    print(f"  max |single - batched| = {err:.2e}")
    if dit is not None:
        derr = max(abs(dit_vals[i][j] - many[j][i]) for i in range(len(dit_vals)) for j in range(len(forms)))
        print(f"  max |dit - batched|    = {derr:.2e}")


if __name__ == "__main__":
    main()
