"""Time per catalog entry (the catalog must check in under 30 s on 2 cores).

Usage: ``python3 bench/bench_catalog.py [--quick]``.  Prints each entry's
computed status and seconds, sorted slowest first, and the total.
"""

from __future__ import annotations

import sys
import time


def main(argv: list[str]) -> int:
    from natlat_sym.catalog import check_catalog, load_catalog

    catalog = load_catalog()
    start = time.perf_counter()
    report = check_catalog(catalog, timeout=30.0)
    total = time.perf_counter() - start
    rows = sorted(report.reports, key=lambda r: -r.seconds)
    print(f"{'id':60s} {'status':10s} {'ok':3s} {'seconds':>8s}")
    for r in rows:
        status = str(getattr(r.status, "value", r.status))
        print(f"{r.id:60s} {status:10s} {'yes' if r.ok else 'NO':3s} {r.seconds:8.3f}")
    print(f"\n{len(rows)} entries, total {total:.2f} s (target < 30 s), "
          f"{sum(1 for r in rows if not r.ok)} failing")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
