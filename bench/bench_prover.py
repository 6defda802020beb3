"""Benchmark: natlat_sym's prover (exact, checked certificate) vs a plain HiGHS LP.

Run from the repository root::

    python bench/bench_prover.py            # Han n = 4..12, random n = 4..11, statement (a)
    python bench/bench_prover.py --quick    # small n only (seconds)
    python bench/bench_prover.py --max-n 10

Statements (as in peers.md §3):

* ``a``    — I(M;X1,X2|L) <= I(X1;X2|L) + I(M;X1|X2) + I(M;X2|X1) given I(L;M|X1,X2) = 0;
* ``han``  — (n−1)·H(X1..Xn) <= Σ_i H(X without Xi);
* ``rand`` — a seeded random valid inequality: Σ of 2n random I(A;B|C) (weights 1–3) >= 0.

Columns: ``natlat`` = :func:`natlat_sym.shannon.prove.prove_forms` (LP proposes,
exact layer decides, certificate re-checked by the trusted checker — the
whole call); ``highs`` = one scipy/HiGHS LP over all elemental rows, float
verdict only (no certificate); ``psitip`` = psitip with its default GLOP
backend, when ``import psitip`` works.  Ratios are column / natlat.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from natlat_sym.shannon.certificate import HypothesisForm  # noqa: E402
from natlat_sym.shannon.cone import build_problem  # noqa: E402
from natlat_sym.shannon.linear import LinearForm as F  # noqa: E402
from natlat_sym.shannon.prove import prove_forms  # noqa: E402

from highs_baseline import highs_full  # noqa: E402
from psitip_peer import best_time, format_seconds, psitip_runner  # noqa: E402

I = F.mutual_information


def statement_a():
    f = I({"X1"}, {"X2"}, {"L"}) + I({"M"}, {"X1"}, {"X2"}) + I({"M"}, {"X2"}, {"X1"}) - I({"M"}, {"X1", "X2"}, {"L"})
    return f, (HypothesisForm("markov", I({"L"}, {"M"}, {"X1", "X2"}), "=="),)


def statement_han(n):
    names = [f"X{i}" for i in range(1, n + 1)]
    full = frozenset(names)
    return sum((F.entropy(full - {v}) for v in names), F()) - (n - 1) * F.entropy(full), ()


def statement_rand(n, seed=None):
    rng = random.Random(n if seed is None else seed)
    names = [f"X{i}" for i in range(1, n + 1)]
    f = F()
    for _ in range(2 * n):
        a, b = rng.sample(names, 2)
        rest = [v for v in names if v not in (a, b)]
        c = {v for v in rest if rng.random() < 0.5}
        f = f + rng.randint(1, 3) * I({a}, {b}, c)
    return f, ()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-n", type=int, default=12, help="largest number of variables (default 12)")
    ap.add_argument("--quick", action="store_true", help="n <= 8 and one repeat")
    ap.add_argument("--no-highs", action="store_true", help="skip the plain HiGHS column")
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args(argv)
    max_n = min(args.max_n, 8) if args.quick else args.max_n
    psitip = psitip_runner()
    cases = [("a", 4, statement_a())]
    cases += [("han", n, statement_han(n)) for n in range(4, max_n + 1)]
    cases += [("rand", n, statement_rand(n)) for n in range(4, min(max_n, 11) + 1)]
    head = ["statement", "n", "natlat", "verdict", "steps", "highs", "highs/natlat"]
    if psitip:
        head += ["psitip", "psitip/natlat"]
    f_a, h_a = statement_a()
    prove_forms(f_a, ">=", h_a, realize=False)  # warm-up: imports and caches
    if psitip:
        psitip(f_a, h_a)
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for name, n, (f, hyps) in cases:
        repeat = 1 if (args.quick or n >= 10) else 3
        t_nat, r = best_time(lambda: prove_forms(f, ">=", hyps, timeout=args.timeout, realize=False), repeat)
        row = [name, str(n), format_seconds(t_nat), r.verdict, str(r.steps)]
        if args.no_highs or n >= 12 and args.quick:
            row += ["–", "–"]
        else:
            t_h, (v, _) = best_time(lambda: highs_full(build_problem(f, hyps), timeout=args.timeout), 1 if n >= 10 else repeat)
            row += [format_seconds(t_h) + ("" if v == "proved" else f" ({v})"), f"{t_h / t_nat:.2f}"]
        if psitip:
            try:
                t_p, ok = best_time(lambda: psitip(f, hyps), 1 if n >= 10 else repeat)
                row += [format_seconds(t_p) + ("" if ok else " (F)"), f"{t_p / t_nat:.2f}"]
            except Exception as e:  # noqa: BLE001
                row += [f"error: {type(e).__name__}", "–"]
        print(" | ".join(row), flush=True)


if __name__ == "__main__":
    main()
