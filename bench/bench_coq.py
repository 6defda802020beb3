"""Benchmark: Coq kernel checking of natlat_sym's exported proofs.

Run from the repository root::

    python bench/bench_coq.py            # whole catalog, Han n = 3..11
    python bench/bench_coq.py --quick    # five catalog entries, Han n = 3..7

Columns:

* catalog — for each certified or tight entry, the ``coqc`` seconds (wall
  clock and the process's own CPU time, which does not depend on what else
  the machine runs; the theory included: each file is self-contained) of its
  exported file, the whole catalog that way (two ``coqc`` processes at once,
  the machine's core count), and as ``natlat check --coq`` runs it: every
  entry's theorems in one ``coqc`` run per kind of file (Shannon-type /
  copy lemma), the theory loaded once;
* Han — ``(n−1)·H(X1..Xn) <= Σ_i H(X without Xi)``: certificate rows, the
  proof style (``lemmas``: one cited lemma per row and ``lra`` on the whole
  identity; ``reflective``: the rows as data, their linear form computed by
  the kernel — the default above 120 rows), the ``.v`` size and ``coqc``
  seconds, as n grows, with the largest n kernel-checked in under 60 s of
  ``coqc`` CPU.  Up to n = 8 both styles are timed (``lemmas`` at n = 9,
  4608 rows, had not finished after 3 CPU minutes).  ``--max-n 12`` adds
  n = 12 (67 584 rows: about 30 s of coqc CPU, plus a minute of proving
  and exporting).

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

from natlat_sym.coq.run import coq_version, run_coqc  # noqa: E402


def bench_catalog(quick: bool) -> None:
    from natlat_sym.catalog import check_theorem, load_catalog
    from natlat_sym.coq.catalog import check_entries, is_exported

    catalog = load_catalog()
    reports = []
    for t in catalog.theorems:
        r = check_theorem(t)
        if is_exported(r):
            reports.append(r)
        if quick and len(reports) >= 5:
            break
    start = time.perf_counter()
    checks = check_entries(reports, jobs=2, timeout=600, batch=False)
    total = time.perf_counter() - start
    print(f"{'entry':50s} {'theorems':>8s} {'wall s':>8s} {'cpu s':>7s}  result")
    for c in checks:
        print(f"{c.id:50s} {c.theorems:8d} {c.result.seconds:8.2f} {c.result.cpu_seconds:7.2f}  {c.mark}")
    ok = sum(c.result.ok for c in checks)
    cpu = sum(c.result.cpu_seconds for c in checks)
    print(f"whole catalog, one coqc per entry: {ok}/{len(checks)} entries kernel-checked in {total:.1f} s wall, "
          f"2 coqc at once ({cpu:.1f} s of coqc CPU: {cpu / 2:.1f} s on 2 idle cores; target: under 120 s)")
    start = time.perf_counter()
    batched = check_entries(reports, jobs=2, timeout=600)  # what natlat check --coq does (no cache here)
    total = time.perf_counter() - start
    ok = sum(c.result.ok for c in batched)
    cpu = sum(c.result.cpu_seconds for c in batched)
    print(f"whole catalog, entries checked together (natlat check --coq): {ok}/{len(batched)} kernel-checked in "
          f"{total:.1f} s wall ({cpu:.1f} s of coqc CPU); one coqc per entry / together, CPU: "
          f"{sum(c.result.cpu_seconds for c in checks) / max(cpu, 1e-9):.1f}x")


def han_statement(n: int) -> str:
    xs = [f"X{i}" for i in range(1, n + 1)]
    return f"{n - 1}*H({','.join(xs)}) <= " + " + ".join(
        "H(" + ",".join(x for x in xs if x != v) + ")" for v in xs)


def bench_han(max_n: int) -> None:
    from natlat_sym.coq.export import REFLECTIVE_ROWS, to_coq
    from natlat_sym.shannon.parse import parse_statement
    from natlat_sym.proving import prove

    print(f"{'Han n':>6s} {'rows':>6s} {'style':>10s} {'.v bytes':>9s} {'prove s':>8s} {'wall s':>8s} "
          f"{'cpu s':>7s}  result")
    best = None
    for n in range(3, max_n + 1):
        st = parse_statement(han_statement(n))
        t0 = time.perf_counter()
        r = prove(st, timeout=900, max_variables=max(14, n))
        seconds = time.perf_counter() - t0
        if r.certificate is None:
            print(f"{n:6d} {'-':>6s} {'-':>10s} {'-':>9s} {seconds:8.2f} {'-':>8s}  prover: {r.verdict}")
            break
        rows = sum(1 for _, lam in r.certificate.pieces[0].basic if lam)
        styles = [rows > REFLECTIVE_ROWS] + ([rows <= REFLECTIVE_ROWS] if n <= 8 else [])
        cpu = {}
        for reflective in styles:
            text = to_coq(r.certificate, st, name=f"han_{n}", reflective=reflective)
            res = run_coqc(text, timeout=900)
            style = "reflective" if reflective else "lemmas"
            cpu[style] = res.cpu_seconds
            print(f"{n:6d} {rows:6d} {style:>10s} {len(text):9d} {seconds:8.2f} {res.seconds:8.2f} "
                  f"{res.cpu_seconds:7.2f}  {res.mark}")
            if reflective == (rows > REFLECTIVE_ROWS) and res.ok and res.cpu_seconds < 60:
                best = (n, rows, res.cpu_seconds)
        if len(cpu) == 2:
            print(f"{'':6s} {'':6s} {'ratio':>10s}  lemmas / reflective CPU = {cpu['lemmas'] / cpu['reflective']:.2f}")
        if best is None or best[0] != n:
            break
    if best:
        print(f"largest Han certificate kernel-checked in under 60 s of coqc CPU: n = {best[0]} "
              f"({best[1]} rows, {best[2]:.1f} s)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a few entries, small Han n")
    ap.add_argument("--max-n", type=int, default=None, help="largest Han n (default 11; 7 with --quick)")
    args = ap.parse_args(argv)
    version = coq_version()
    if version is None:
        print("coqc is not installed (Debian: apt-get install coq); nothing to measure")
        return 1
    print(f"Coq {version}")
    print("\n-- catalog --")
    bench_catalog(args.quick)
    print("\n-- Han's inequality --")
    bench_han(args.max_n or (7 if args.quick else 11))
    return 0


if __name__ == "__main__":
    sys.exit(main())
