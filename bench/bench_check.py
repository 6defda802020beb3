"""``natlat check`` on the whole catalog, end to end: serial and parallel, before/after.

Usage::

    python bench/bench_check.py                          # this checkout, 3 runs per mode
    python bench/bench_check.py --quick                  # 1 run per mode
    python bench/bench_check.py --baseline /path/to/other/checkout   # before/after, runs interleaved

Each run is a fresh ``python -m natlat_sym.cli check --no-progress`` process
(import of the catalog's layers included, bytecode cached in ``__pycache__``
as for an installed package), once with ``--jobs 1`` (serial) and once with
the default worker count (parallel).  The table shows the median wall time
and the median CPU time (user + system of the process and its children: the
parallel workers and the z3 worker of T14).  With ``--baseline`` the same
commands run against another checkout in turns with this one (one run each
per round), so that a change in the machine's load hits both alike, and
the ratio baseline / this is printed.  The load average is printed before
and after: on a shared machine the wall time includes waiting for a core,
the CPU time does not.

Then one serial ``check --json`` of each checkout gives every entry's own
seconds; the slowest entries are listed side by side.  Issue 11's target:
``natlat check`` (whole catalog, default workers) under 8 s wall on the
2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_cli import interleaved, natlat_argv  # noqa: E402 - a sibling script, not a package

TARGET_SECONDS = 8.0
MODES = [("serial (--jobs 1)", ["check", "--no-progress", "--jobs", "1"]),
         ("parallel (default jobs)", ["check", "--no-progress"])]


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def entry_seconds(checkout: Path) -> dict[str, tuple[str, float]]:
    """``{id: (status, seconds)}`` from one serial ``check --json`` of ``checkout``."""
    argv, env, cwd = natlat_argv(checkout, ["check", "--jobs", "1", "--json"], pycache=True)
    out = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True)
    data = json.loads(out.stdout)
    return {e["id"]: (e["status"], float(e["seconds"])) for e in data["entries"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="1 run per mode")
    ap.add_argument("--repeat", type=int, default=None, help="runs per mode (default 3, quick 1)")
    ap.add_argument("--baseline", type=Path, default=None, help="another checkout to compare with")
    ap.add_argument("--top", type=int, default=10, help="slowest entries listed (default 10)")
    args = ap.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 3)
    here = HERE.parent
    print(f"median of {repeat} run(s); wall = elapsed, cpu = user + system (children included); {load()}")
    head = f"{'natlat check':<26} {'wall s':>7} {'cpu s':>6} {'exit':>4}"
    if args.baseline:
        head += f" {'base wall':>9} {'base cpu':>8} {'wall base/this':>14} {'cpu base/this':>13}"
    print(head)
    parallel_wall = None
    for name, cmd in MODES:
        programs = [natlat_argv(here, cmd, pycache=True)]
        if args.baseline:
            programs.append(natlat_argv(args.baseline, cmd, pycache=True))
        results = interleaved(programs, [repeat] * len(programs))
        wall, cpu, code = results[0]
        line = f"{name:<26} {wall:>7.2f} {cpu:>6.2f} {code:>4}"
        if args.baseline:
            bw, bc, _ = results[1]
            line += f" {bw:>9.2f} {bc:>8.2f} {bw / wall:>13.2f}x {bc / cpu:>12.2f}x"
        print(line, flush=True)
        if cmd == MODES[-1][1]:
            parallel_wall = wall
    print(f"{load()}; target: parallel wall < {TARGET_SECONDS:g} s: "
          f"{'met' if parallel_wall is not None and parallel_wall < TARGET_SECONDS else 'NOT met'}")
    if args.quick:
        return 0
    mine = entry_seconds(here)
    base = entry_seconds(args.baseline) if args.baseline else {}
    print(f"\nslowest entries (seconds in one serial run; {load()}):")
    row = f"  {'entry':<72} {'status':<9} {'this':>6}"
    print(row + (f" {'base':>6}" if base else ""))
    for eid, (status, secs) in sorted(mine.items(), key=lambda kv: -kv[1][1])[:args.top]:
        line = f"  {eid:<72} {status:<9} {secs:>6.2f}"
        if base:
            b = base.get(eid)
            line += f" {b[1]:>6.2f}" + ("" if b is None or b[0] == status else f" (was {b[0]})") if b else "      -"
        print(line)
    total = sum(s for _, s in mine.values())
    print(f"  {'sum of all ' + str(len(mine)) + ' entries':<82} {total:>6.2f}"
          + (f" {sum(s for _, s in base.values()):>6.2f}" if base else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
