"""Benchmark: Coq kernel checking of natlat_sym's exported proofs.

Run from the repository root::

    python bench/bench_coq.py            # whole catalog, Han n = 3..9
    python bench/bench_coq.py --quick    # five catalog entries, Han n = 3..6

Columns:

* catalog — for each certified or tight entry, the ``coqc`` seconds (wall
  clock and the process's own CPU time, which does not depend on what else
  the machine runs; the theory included: each file is self-contained) of its
  exported file, and the whole catalog as ``natlat check --coq`` runs it (two ``coqc``
  processes at once, the machine's core count);
* Han — ``(n−1)·H(X1..Xn) <= Σ_i H(X without Xi)``: certificate rows, the
  length of the ``.v`` file and ``coqc`` seconds, as n grows, with the
  largest n whose file is kernel-checked in under 60 s.

Catalog checks (the prover) are not timed here: ``bench_catalog.py`` does
that.  There is no peer: no other information-inequality prover emits
kernel-checked proofs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from natlat_sym.coq.run import coq_version, run_coqc, run_many  # noqa: E402


def bench_catalog(quick: bool) -> None:
    from natlat_sym.catalog import check_theorem, load_catalog
    from natlat_sym.coq.catalog import entry_file, is_exported

    catalog = load_catalog()
    reports = []
    for t in catalog.theorems:
        r = check_theorem(t)
        if is_exported(r):
            reports.append(r)
        if quick and len(reports) >= 5:
            break
    texts = [entry_file(r) for r in reports]
    start = time.perf_counter()
    results = run_many(texts, jobs=2, timeout=600)
    total = time.perf_counter() - start
    print(f"{'entry':58s} {'theorems':>8s} {'wall s':>8s} {'cpu s':>7s}  result")
    for r, text, res in zip(reports, texts, results):
        print(f"{r.id:58s} {text.count(chr(10) + 'Theorem '):8d} {res.seconds:8.2f} {res.cpu_seconds:7.2f}  {res.mark}")
    ok = sum(res.ok for res in results)
    cpu = sum(r.cpu_seconds for r in results)
    print(f"whole catalog: {ok}/{len(results)} entries kernel-checked in {total:.1f} s wall, 2 coqc at once "
          f"({cpu:.1f} s of coqc CPU: {cpu / 2:.1f} s on 2 idle cores)")


def han_statement(n: int) -> str:
    xs = [f"X{i}" for i in range(1, n + 1)]
    return f"{n - 1}*H({','.join(xs)}) <= " + " + ".join(
        "H(" + ",".join(x for x in xs if x != v) + ")" for v in xs)


def bench_han(max_n: int) -> None:
    from natlat_sym.coq.export import to_coq
    from natlat_sym.shannon.parse import parse_statement
    from natlat_sym.proving import prove

    print(f"{'Han n':>6s} {'rows':>6s} {'.v bytes':>9s} {'prove s':>8s} {'wall s':>8s} {'cpu s':>7s}  result")
    best = None
    for n in range(3, max_n + 1):
        st = parse_statement(han_statement(n))
        t0 = time.perf_counter()
        r = prove(st, timeout=600, max_variables=max(14, n))
        seconds = time.perf_counter() - t0
        if r.certificate is None:
            print(f"{n:6d} {'-':>6s} {'-':>9s} {seconds:8.2f} {'-':>8s}  prover: {r.verdict}")
            break
        rows = sum(1 for _, lam in r.certificate.pieces[0].basic if lam)
        text = to_coq(r.certificate, st, name=f"han_{n}")
        res = run_coqc(text, timeout=600)
        print(f"{n:6d} {rows:6d} {len(text):9d} {seconds:8.2f} {res.seconds:8.2f} {res.cpu_seconds:7.2f}  {res.mark}")
        if res.ok and res.cpu_seconds < 60:
            best = (n, rows, res.cpu_seconds)
        if not res.ok or res.cpu_seconds > 60:
            break
    if best:
        print(f"largest Han certificate kernel-checked in under 60 s of coqc CPU: n = {best[0]} "
              f"({best[1]} rows, {best[2]:.1f} s)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a few entries, small Han n")
    ap.add_argument("--max-n", type=int, default=None, help="largest Han n (default 9; 6 with --quick)")
    args = ap.parse_args(argv)
    version = coq_version()
    if version is None:
        print("coqc is not installed (Debian: apt-get install coq); nothing to measure")
        return 1
    print(f"Coq {version}")
    print("\n-- catalog --")
    bench_catalog(args.quick)
    print("\n-- Han's inequality --")
    bench_han(args.max_n or (6 if args.quick else 9))
    return 0


if __name__ == "__main__":
    sys.exit(main())
