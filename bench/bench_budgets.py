"""How far past its time budget each ``natlat`` command and each Python API
call answers (issue 9: "for each budget the worst overshoot measured").

Every budget (``--timeout``/``--budget`` on the command line, ``timeout=``
/ ``budget_seconds=`` / ``budget=`` in Python) bounds every phase of the
work: each phase checks :func:`natlat_sym.limits.check_time`, z3 gets the
time left as its own timeout, HiGHS gets it as ``time_limit``.  A native
call cannot be interrupted from Python, so a command answers within the
budget plus the length of the longest uninterruptible step; the ``natlat``
program adds a hard backstop at ``budget + 2 s + 10 %`` (see
``natlat_sym.cli._common.hard_deadline``).

This script runs every budget on inputs that cannot finish in time (hard
inputs: a 14-variable false statement, Han's inequality on 12-16 variables,
a 10-variable counterexample search, ternary-alphabet exact decisions, a
1001x1001 float distribution, a 10-cell support whose 115,975 partitions are
scored, an open-problem sweep, the whole catalog),
each as a separate process, and prints the wall-clock time, the budget and
the overshoot, then the worst overshoot per budget.

* Command-line rows: wall time of the whole process, interpreter start and
  imports included (printed once at the top).
* Python rows: time of the call alone, measured inside the process.
* ``check`` bounds each proof obligation (``--timeout`` is per item): its
  row reports the slowest entry's seconds minus the per-item budget.

Run:  python bench/bench_budgets.py [--quick] [--only NAME]
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
KILL_AFTER = 120.0  # seconds past the budget: the row then says "killed"


def han(n: int) -> str:
    xs = [f"X{i}" for i in range(1, n + 1)]
    rhs = " + ".join("H(" + ",".join(x for x in xs if x != y) + ")" for y in xs)
    return f"{n - 1}*H({','.join(xs)}) <= {rhs}"


def false14() -> str:
    """False (X14 independent of the rest makes the left side larger): a
    refutation at 14 variables, then the realisation of a distribution."""
    xs = [f"X{i}" for i in range(1, 15)]
    return f"H({','.join(xs)}) <= H({','.join(xs[:13])})"


SEARCH10 = "I(X1;X2) <= I(X1;X2|X3) + I(X4;X5|X6) + I(X7;X8|X9,X10)"  # 10! Bayesian-network orders
DECIDE = ("I(X;Y,W|Z) = 0", ["I(X;Y|Z,W) = 0", "I(X;W|Z,Y) = 0"])  # intersection, ternary alphabets


def inputs(folder: Path) -> dict:
    """The files the hard inputs need (a 1001x1001 float distribution, a
    random one on 10 cells of a 4x4x4 grid)."""
    rng = np.random.default_rng(0)
    big = rng.random((1001, 1001))
    big /= big.sum()
    files = {"big": folder / "big.json", "cube": folder / "cube.json"}
    files["big"].write_text(json.dumps({"format": "natlat_sym.distribution", "version": 1, "names": ["X", "Y"],
                                        "probabilities": big.tolist()}))
    cube = np.zeros((4, 4, 4))  # 10 support cells: every partition of the support is scored
    cube.flat[rng.choice(64, 10, replace=False)] = rng.random(10)
    cube /= cube.sum()
    files["cube"].write_text(json.dumps({"format": "natlat_sym.distribution", "version": 1,
                                         "names": ["X1", "X2", "X3"], "probabilities": cube.tolist()}))
    return files


def cli_cases(t: float, files: dict):
    s = str(t)
    return [
        ("prove", "Han 13 variables", ["prove", han(13), "--timeout", s]),
        ("prove", "false, 14 variables", ["prove", false14(), "--timeout", s]),
        ("prove", "Han 15 variables", ["prove", han(15), "--timeout", s, "--max-variables", "15"]),
        ("prove", "Han 16 variables (size budget)", ["prove", han(16), "--timeout", s, "--max-variables", "16"]),
        ("tightest", "Han 12 variables", ["tightest", han(12).replace("<=", "<= c*H(X1) +"), "--timeout", s]),
        ("search", "10 variables", ["search", SEARCH10, "--budget", s]),
        ("search", "4 variables, ternary", ["search", "I(X1;X2) <= I(X1;X2|X3) + I(X1;X2|X4) + I(X3;X4)",
                                            "--budget", s, "--alphabets", "3"]),
        ("decide", "intersection, ternary", ["decide", DECIDE[0], *sum((["--given", g] for g in DECIDE[1]), []),
                                             "--alphabets", "3", "--timeout", s]),
        ("eval", "1001x1001 floats, --exact", ["eval", "I(X;Y)", "--dist", str(files["big"]), "--exact",
                                               "--budget", s]),
        ("naturality", "10-cell support", ["naturality", str(files["cube"]), "--timeout", s]),
        ("experiment", "o1 sweep", ["experiment", "o1", "--budget", s]),
        ("verify-bound", "o1 witness", ["verify-bound", str(ROOT / "proofs/data/bounds/o1.json"),
                                        "--timeout", s, "--precision", "4096"]),
    ]


PY_PRELUDE = "import time, json, sys\nfrom natlat_sym.limits import time_budget\n"


def python_cases(t: float, files: dict):
    return [
        ("prove", "Han 13 variables",
         f"from natlat_sym import prove\nt0=time.perf_counter(); prove({han(13)!r}, timeout={t})"),
        ("prove", "false, 14 variables",
         f"from natlat_sym import prove\nt0=time.perf_counter(); prove({false14()!r}, timeout={t})"),
        ("tightest", "Han 12 variables",
         f"from natlat_sym.shannon.tightest import tightest\nt0=time.perf_counter(); "
         f"tightest({han(12).replace('<=', '<= c*H(X1) +')!r}, timeout={t})"),
        ("search", "10 variables",
         f"from natlat_sym.finite.search import find_counterexample\nt0=time.perf_counter(); "
         f"find_counterexample({SEARCH10!r}, budget_seconds={t})"),
        ("decide", "intersection, ternary",
         f"from natlat_sym.finite.decide import decide_exact\nt0=time.perf_counter(); "
         f"decide_exact({DECIDE[0]!r}, 3, given={DECIDE[1]!r}, timeout={t})"),
        ("eval", "1001x1001 floats",
         f"from natlat_sym.finite.io import load\nfrom natlat_sym.finite.evaluate import enclosure\n"
         f"from natlat_sym.shannon.parse import parse_expression\nd=load({str(files['big'])!r})\n"
         f"t0=time.perf_counter()\ntry: enclosure(parse_expression('I(X;Y)'), d, budget={t})\n"
         f"except Exception as e: print(type(e).__name__, file=sys.stderr)"),
        ("naturality", "10-cell support (time_budget)",
         f"from natlat_sym.finite.io import load\nfrom natlat_sym.finite.natural import naturality_report\n"
         f"d=load({str(files['cube'])!r})\nt0=time.perf_counter()\n"
         f"try:\n    with time_budget({t}): naturality_report(d)\n"
         f"except Exception as e: print(type(e).__name__, file=sys.stderr)"),
        ("experiment", "o1 sweep",
         f"from natlat_sym.openproblems.sweep import SweepConfig, run_sweep\nt0=time.perf_counter(); "
         f"run_sweep(SweepConfig('o1', budget={t}))"),
    ]


def _children_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def run_cli(args, budget, env):
    start = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "natlat_sym.cli", *args], env=env, capture_output=True,
                              text=True, timeout=budget + KILL_AFTER)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, "-", "killed"
    wall = time.perf_counter() - start
    answer = (proc.stderr.strip().splitlines() or proc.stdout.strip().splitlines() or [""])[-1][:50]
    return wall, proc.returncode, answer


def run_python(code, budget, env):
    script = PY_PRELUDE + code + "\nprint(json.dumps(time.perf_counter() - t0))\n"
    try:
        proc = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                              timeout=budget + KILL_AFTER)
    except subprocess.TimeoutExpired:
        return budget + KILL_AFTER, "-", "killed"
    try:
        seconds = float(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return float("nan"), proc.returncode, (proc.stderr.strip().splitlines() or ["?"])[-1][:60]
    return seconds, proc.returncode, (proc.stderr.strip().splitlines() or ["returned"])[-1][:60]


def catalog_row(per_item: float, env):
    """``natlat check --timeout per_item --json``: the slowest proof
    obligation's time (the budget is per obligation)."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "natlat_sym.cli", "check", "--json", "--no-progress",
                           "--timeout", str(per_item)], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    try:
        entries = json.loads(proc.stdout)["entries"]
        slowest = max(o["seconds"] for e in entries for o in e["obligations"])
    except (ValueError, KeyError, TypeError):
        slowest = float("nan")
    return wall, slowest, proc.returncode


def main(argv) -> int:
    quick = "--quick" in argv
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    t = 5.0 if quick else 20.0
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "natlat_sym.cli", "--version"], env=env, capture_output=True)
    print(f"interpreter start + CLI import: {time.perf_counter() - start:.2f} s; hard backstop of the "
          f"program: budget + 2 s + 10 %")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall time includes waiting for a "
          f"core; 'cpu' is the process's own CPU time)")
    worst: dict[tuple[str, str], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        files = inputs(Path(tmp))
        print(f"\n{'natlat (CLI)':12} {'input':32} {'budget':>6} {'wall':>7} {'cpu':>6} {'over':>7}  exit  answer")
        for budget_name, name, args in cli_cases(t, files):
            if only and only != budget_name:
                continue
            cpu0 = _children_cpu()
            wall, code, answer = run_cli(args, t, env)
            cpu = _children_cpu() - cpu0
            worst[("CLI", budget_name)] = max(worst.get(("CLI", budget_name), -1e9), wall - t)
            print(f"{budget_name:12} {name:32} {t:6.1f} {wall:7.2f} {cpu:6.2f} {wall - t:+7.2f}  {code!s:>4}  "
                  f"{answer}", flush=True)
        print(f"\n{'Python API':12} {'input':32} {'budget':>6} {'call':>7} {'over':>7}  exit  answer")
        for budget_name, name, code in python_cases(t, files):
            if only and only != budget_name:
                continue
            seconds, rc, answer = run_python(code, t, env)
            worst[("Python", budget_name)] = max(worst.get(("Python", budget_name), -1e9), seconds - t)
            print(f"{budget_name:12} {name:32} {t:6.1f} {seconds:7.2f} {seconds - t:+7.2f}  {rc!s:>4}  {answer}",
                  flush=True)
    if not only or only == "check":
        per_item = 1.0 if quick else 5.0
        wall, slowest, code = catalog_row(per_item, env)
        worst[("CLI", "check (per item)")] = slowest - per_item
        print(f"\ncheck --timeout {per_item:g} (per obligation): whole catalog {wall:.2f} s, slowest obligation "
              f"{slowest:.2f} s ({slowest - per_item:+.2f} s past its budget), exit {code}")
    print("\nworst overshoot per budget (seconds past the budget):")
    for (surface, budget_name), over in sorted(worst.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        print(f"  {budget_name:18} {surface:7} {over:+7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
