"""Everyday ``natlat`` commands, timed end to end (process start, imports, work), vs psitip.

Usage::

    python bench/bench_cli.py                      # this checkout, 10 runs per command
    python bench/bench_cli.py --quick              # 3 runs, no whole-catalog check
    python bench/bench_cli.py --baseline /path/to/other/checkout   # before/after

Each command runs in a fresh ``python -m natlat_sym.cli`` process (as a user
types it), ``--repeat`` times; the table shows the median wall time and the
median CPU time (user + system of the child).  natlat, psitip and the
baseline take turns (one run each per round), so that the machine's load
changing during the benchmark affects all of them alike.  On a shared machine the wall
time includes waiting for a core, so CPU time is the steadier number.

``psitip`` is the same statement proved by psitip (its default backend) in a
fresh ``python -c`` process, also import included; the ratio is psitip wall
/ natlat wall (above 1: natlat is faster).  With ``--baseline`` the same
commands also run against another checkout (for instance main before a
change) and the ratio baseline wall / this wall is printed.

Statements: T4 (the spec's redund-determination bound, 4 variables), Han's
inequality on 4, 5 and 6 variables, and Han's plus one conditional mutual
information.  The issue-11 targets: ``prove`` at ``n <= 6`` under 1 s wall,
the Python API's first call (``from natlat_sym import prove; prove(...)`` in
a fresh process) no slower than psitip's, ``check`` (whole catalog) under
8 s wall.  The in-process rows time the
pieces of ``natlat prove``: import, proof, derivation.
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


def psitip_han(n: int) -> str:
    return (f"import psitip as ps\nX = ps.rv(*[f'X{{i}}' for i in range(1, {n} + 1)])\n"
            f"def joint(vs):\n    out = vs[0]\n    for v in vs[1:]:\n        out = out + v\n    return out\n"
            f"lhs = sum((ps.H(joint([v for j, v in enumerate(X) if j != i])) for i in range({n})), ps.H(X[0]) * 0)\n"
            f"assert bool(lhs >= {n - 1} * ps.H(joint(list(X))))\n")


PSITIP_T4 = ("import psitip as ps\nG, L, X1, X2 = ps.rv('G', 'L', 'X1', 'X2')\n"
             "assert bool(ps.H(G | L) <= ps.I(X1 & X2 | L) + ps.H(G | X1) + ps.H(G | X2))\n")

# (name, natlat arguments, psitip program or None)
COMMANDS = [
    ("natlat --help", ["--help"], None),
    ("prove T4", ["prove", T4], PSITIP_T4),
    ("prove Han n=4", ["prove", han(4)], psitip_han(4)),
    ("prove Han n=5", ["prove", han(5)], psitip_han(5)),
    ("prove Han n=6", ["prove", han(6)], psitip_han(6)),
    ("prove I(X1;X2,...,X6) <= H(X1)", ["prove", "I(X1;X2,X3,X4,X5,X6) <= H(X1)"], None),
    ("prove Han n=6 + I(X1;X2|X3)", ["prove", han(6, " + I(X1;X2|X3)")], None),
    ("prove T4 --json", ["prove", T4, "--json"], None),
]
# The Python API's first call in a fresh process (import included), as a
# notebook meets it: natlat_sym.prove on the text, against psitip's bool(...).
API = [
    ("API: prove(T4), first call", f"from natlat_sym import prove\nassert prove({T4!r}).verdict.value == 'proved'\n",
     PSITIP_T4),
    ("API: prove(Han n=6), first call",
     f"from natlat_sym import prove\nassert prove({han(6)!r}).verdict.value == 'proved'\n", psitip_han(6)),
]
SLOW = [("check (whole catalog)", ["check", "--no-progress"], None)]


def has_psitip() -> bool:
    return subprocess.run([sys.executable, "-c", "import psitip"], capture_output=True).returncode == 0


def run_once(argv, env, cwd=None) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.returncode


def natlat_argv(checkout: Path, args, *, pycache: bool = False):
    """``(argv, env, cwd)`` running ``natlat args`` from ``checkout`` (also the
    working directory: ``python -m`` puts it before PYTHONPATH); ``args`` a
    string: that Python program instead."""
    env = dict(os.environ, PYTHONPATH=str(checkout))
    if isinstance(args, str):
        if pycache:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            run_once([sys.executable, "-c", args], env, checkout)
        return [sys.executable, "-c", args], env, checkout
    if pycache:  # as an installed package runs: bytecode cached in __pycache__ (warmed by one run)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        run_once([sys.executable, "-m", "natlat_sym.cli", *args], env, checkout)
    return [sys.executable, "-m", "natlat_sym.cli", *args], env, checkout


def interleaved(programs, repeats):
    """Median (wall, cpu, first exit code) of each ``(argv, env, cwd)`` program,
    run in turns (one run of each per round, ``repeats[i]`` runs of program
    ``i``) so that a change in the machine's load hits all of them alike."""
    runs = [[] for _ in programs]
    for rnd in range(max(repeats)):
        for i, (argv, env, cwd) in enumerate(programs):
            if rnd < repeats[i]:
                runs[i].append(run_once(argv, env, cwd))
    return [(statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs), rs[0][2]) for rs in runs]


def in_process() -> list[tuple[str, float]]:
    """CPU seconds of import, proof and derivation inside one process (this checkout)."""
    sys.path.insert(0, str(HERE.parent))
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
    ap.add_argument("--quick", action="store_true", help="skip the whole-catalog check; 3 repeats")
    ap.add_argument("--repeat", type=int, default=None, help="runs per command (default 10, quick 3)")
    ap.add_argument("--check-repeat", type=int, default=3, help="runs of the whole-catalog check (default 3)")
    ap.add_argument("--psitip-repeat", type=int, default=3,
                    help="runs per psitip statement (default 3: psitip's import alone takes seconds)")
    ap.add_argument("--baseline", type=Path, default=None, help="another checkout to compare with")
    ap.add_argument("--no-psitip", action="store_true", help="skip the psitip column")
    ap.add_argument("--pycache", action="store_true",
                    help="let natlat write and use __pycache__ bytecode even when PYTHONDONTWRITEBYTECODE is set "
                         "(as a pip-installed package runs; psitip in site-packages has its bytecode already)")
    args = ap.parse_args(argv)
    repeat = args.repeat or (3 if args.quick else 10)
    here = HERE.parent
    psitip = not args.no_psitip and has_psitip()
    commands = COMMANDS + API + ([] if args.quick else SLOW)
    head = f"{'command':<34} {'wall s':>7} {'cpu s':>6} {'exit':>4}"
    if psitip:
        head += f" {'psitip wall':>11} {'psitip/natlat':>13}"
    if args.baseline:
        head += f" {'base wall':>9} {'base cpu':>8} {'base/this':>9}"
    print(f"median of {repeat} runs (check: {args.check_repeat}, psitip: {args.psitip_repeat}); "
          "wall = elapsed, cpu = user + system")
    nocache = bool(os.environ.get("PYTHONDONTWRITEBYTECODE")) and not args.pycache
    print("natlat bytecode: " + ("compiled from source on every run (PYTHONDONTWRITEBYTECODE is set; "
                                 "--pycache to cache it)" if nocache else "cached in __pycache__"))
    print(head)
    for name, cmd, ps_code in commands:
        reps = args.check_repeat if cmd[0] == "check" and not isinstance(cmd, str) else repeat
        programs, counts = [natlat_argv(here, cmd, pycache=args.pycache)], [reps]
        if psitip and ps_code is not None:
            programs.append(([sys.executable, "-c", ps_code], dict(os.environ), None))
            counts.append(min(reps, args.psitip_repeat))
        if args.baseline:
            programs.append(natlat_argv(args.baseline, cmd, pycache=args.pycache))
            counts.append(reps)
        results = interleaved(programs, counts)
        wall, cpu, code = results[0]
        line = f"{name:<34} {wall:>7.2f} {cpu:>6.2f} {code:>4}"
        if psitip:
            if ps_code is None:
                line += f" {'':>11} {'':>13}"
            else:
                pw, _, pcode = results[1]
                line += f" {pw:>11.2f} {pw / wall:>12.1f}x" + ("" if pcode == 0 else f" (exit {pcode})")
        if args.baseline:
            bw, bc, _ = results[-1]
            line += f" {bw:>9.2f} {bc:>8.2f} {bw / wall:>8.1f}x"
        print(line, flush=True)
    print("\nin process (CPU s):")
    for name, secs in in_process():
        print(f"  {name:<40} {secs:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
