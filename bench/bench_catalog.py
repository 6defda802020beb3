"""Time per catalog entry, and the whole check serial vs parallel.

Usage: ``python3 bench/bench_catalog.py [--quick] [--jobs N]``.  Prints each
entry's computed status and seconds (CPU-bound work, so on a shared machine
the seconds include waiting for a core), sorted slowest first, the sum of the
entries' seconds, and the wall time of :func:`~natlat_sym.catalog.check_catalog`
with ``--jobs`` worker processes (default: the number of CPUs; issue 11's
target for ``natlat check`` is under 8 s wall on 2 cores).  ``--quick`` runs
only the parallel check.  Without ``--quick`` the serial run (``jobs=1``)
is timed too, and the ratio is printed.
"""

from __future__ import annotations

import argparse
import sys
import time


def main(argv: list[str]) -> int:
    from natlat_sym.catalog import check_catalog, load_catalog
    from natlat_sym.catalog.run import default_jobs

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="parallel run only")
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: the number of CPUs)")
    args = ap.parse_args(argv)
    jobs = args.jobs or default_jobs()
    t = time.perf_counter()
    catalog = load_catalog()
    load = time.perf_counter() - t
    report = check_catalog(catalog, timeout=30.0, jobs=jobs)
    rows = sorted(report.reports, key=lambda r: -r.seconds)
    print(f"{'id':60s} {'status':10s} {'ok':3s} {'seconds':>8s}")
    for r in rows:
        status = str(getattr(r.status, "value", r.status))
        print(f"{r.id:60s} {status:10s} {'yes' if r.ok else 'NO':3s} {r.seconds:8.3f}")
    total = sum(r.seconds for r in rows)
    print(f"\n{len(rows)} entries, {sum(1 for r in rows if not r.ok)} failing; catalog load {load:.2f} s; "
          f"sum of entry seconds {total:.2f} s; jobs={jobs}: {report.seconds:.2f} s wall")
    if not args.quick:
        serial = check_catalog(catalog, timeout=30.0, jobs=1)
        print(f"jobs=1: {serial.seconds:.2f} s wall; parallel speedup {serial.seconds / report.seconds:.2f}x")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
