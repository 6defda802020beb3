"""Everyday ``natlat`` commands, timed end to end (process start, imports, work).

Usage::

    python bench/bench_cli.py                      # this checkout
    python bench/bench_cli.py --quick              # skip the whole-catalog check
    python bench/bench_cli.py --baseline /path/to/other/checkout   # before/after

Each command runs in a fresh ``python -m natlat_sym.cli`` process (as a user
types it), ``--repeat`` times; the table shows the median wall time and the
median CPU time (user + system of the child).  On a shared machine the wall
time includes waiting for a core, so CPU time is the steadier number.  With
``--baseline`` the same commands also run against another checkout (for
instance the main branch before a change) and the ratio baseline/this is
printed.  The in-process rows time the pieces of ``natlat prove``: import,
proof, derivation.

Statements: T4 (the spec's redund-determination bound, 4 variables), Han's
inequality on 6 variables, and Han's plus one conditional mutual information
on the larger side.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

T4 = "H(G|L) <= I(X1;X2|L) + H(G|X1) + H(G|X2)"


def han(n: int, extra: str = "") -> str:
    names = [f"X{i}" for i in range(1, n + 1)]
    lhs = " + ".join("H(" + ",".join(v for v in names if v != x) + ")" for x in names)
    return f"{lhs}{extra} >= {n - 1}*H({','.join(names)})"


COMMANDS = [
    ("natlat --help", ["--help"]),
    ("prove T4", ["prove", T4]),
    ("prove I(X1;X2,...,X6) <= H(X1)", ["prove", "I(X1;X2,X3,X4,X5,X6) <= H(X1)"]),
    ("prove Han n=6", ["prove", han(6)]),
    ("prove Han n=6 + I(X1;X2|X3)", ["prove", han(6, " + I(X1;X2|X3)")]),
    ("prove T4 --json", ["prove", T4, "--json"]),
]
SLOW = [("check (whole catalog)", ["check"])]


def run_once(checkout: Path, args) -> tuple[float, float, int]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(checkout)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "natlat_sym.cli", *args], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.returncode


def measure(checkout: Path, args, repeat: int):
    runs = [run_once(checkout, args) for _ in range(repeat)]
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), runs[0][2])


def in_process() -> list[tuple[str, float]]:
    """CPU seconds of import, proof and derivation inside one process."""
    t = time.process_time()
    from natlat_sym.shannon.derivation import derive
    from natlat_sym.shannon.parse import parse_statement
    from natlat_sym.proving import prove
    rows = [("import (parse, prove, derivation)", time.process_time() - t)]
    for name, text in (("T4", T4), ("Han n=6", han(6)), ("Han n=6 + I", han(6, " + I(X1;X2|X3)"))):
        st = parse_statement(text)
        t = time.process_time()
        r = prove(st)
        rows.append((f"prove {name}", time.process_time() - t))
        t = time.process_time()
        d = derive(r.certificate, st)
        rows.append((f"derive {name} ({len(d.steps)} steps)", time.process_time() - t))
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="skip the whole-catalog check; one repeat")
    ap.add_argument("--repeat", type=int, default=None, help="runs per command (default 3, quick 1)")
    ap.add_argument("--baseline", type=Path, default=None, help="another checkout to compare with")
    args = ap.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 3)
    here = HERE.parent
    commands = COMMANDS + ([] if args.quick else SLOW)
    print(f"{'command':<32} {'wall s':>8} {'cpu s':>8} {'exit':>5}"
          + (f" {'base wall':>10} {'base cpu':>9} {'cpu ratio':>10}" if args.baseline else ""))
    for name, cmd in commands:
        wall, cpu, code = measure(here, cmd, 1 if cmd == ["check"] else repeat)
        line = f"{name:<32} {wall:>8.2f} {cpu:>8.2f} {code:>5}"
        if args.baseline:
            bw, bc, _ = measure(args.baseline, cmd, 1 if cmd == ["check"] else repeat)
            line += f" {bw:>10.2f} {bc:>9.2f} {bc / cpu if cpu else float('nan'):>9.1f}x"
        print(line, flush=True)
    print("\nin process (CPU s):")
    for name, secs in in_process():
        print(f"  {name:<40} {secs:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
