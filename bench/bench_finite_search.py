"""Benchmark: counterexample search and Wyner common information (vs dit).

Run: python bench/bench_finite_search.py
Prints the time to find the two counterexamples of issue 3 and the time and
value of Wyner common information for DSBS(p) next to dit's (when dit is
installed), with ratios.
"""

from __future__ import annotations

import math
import time

import numpy as np

from natlat_sym.finite.common_information import wyner_common_information
from natlat_sym.finite.distribution import Distribution
from natlat_sym.finite.search import find_counterexample
from natlat_sym.shannon.parse import parse_statement


def h(p):
    return -p * math.log2(p) - (1 - p) * math.log2(1 - p)


def main() -> None:
    print("counterexample search (seeds 0-4, 40 starts max)")
    cases = [
        ("T3 without third diagram", parse_statement("I(G;X1,X2|L) <= I(X1;X2|L) + I(G;X1|X2) + I(G;X2|X1)"), {}),
        ("statement (a), c = 1/2", parse_statement(
            "I(M;X1,X2|L) <= I(X1;X2|L) + 1/2*(I(M;X1|X2)+I(M;X2|X1))", given=["I(L;M|X1,X2) = 0"]), {}),
    ]
    for name, s, params in cases:
        times = []
        for seed in range(5):
            t = time.perf_counter()
            r = find_counterexample(s, seed=seed, starts=40, parameters=params)
            times.append(time.perf_counter() - t)
            assert r.found, name
        print(f"  {name:28s} found on 5/5 seeds; median {np.median(times) * 1e3:7.1f} ms, "
              f"margin {float(r.margin[1]):+.4f} bits, {r.evaluations} evaluations")

    print("Wyner common information of DSBS(p)")
    try:
        import dit
        from dit.multivariate import wyner_common_information as dit_wyner
    except ImportError:  # pragma: no cover
        dit = None
        print("  (dit not installed: natlat_sym only)")
    for p in (0.05, 0.1, 0.25):
        a = (1 - math.sqrt(1 - 2 * p)) / 2
        exact = 1 + h(p) - 2 * h(a)
        d = Distribution.from_array(np.array([[(1 - p) / 2, p / 2], [p / 2, (1 - p) / 2]]), ["X1", "X2"])
        t = time.perf_counter()
        ours = wyner_common_information(d, starts=4).value
        t_ours = time.perf_counter() - t
        line = f"  p={p:<5} closed form {exact:.8f}  natlat_sym {ours:.8f} ({t_ours * 1e3:7.1f} ms)"
        if dit is not None:
            dd = dit.Distribution(["00", "01", "10", "11"], [(1 - p) / 2, p / 2, p / 2, (1 - p) / 2])
            t = time.perf_counter()
            theirs = dit_wyner(dd)
            t_dit = time.perf_counter() - t
            line += f"  dit {theirs:.8f} ({t_dit * 1e3:7.1f} ms)  speed ratio dit/ours {t_dit / t_ours:5.2f}x"
        print(line)


if __name__ == "__main__":
    main()
