"""How far past its time budget each ``natlat`` command answers (issue 9).

Every command with ``--timeout``/``--budget`` must answer within the budget
plus a small documented overhead (the hard deadline of the ``natlat``
program is ``budget + 2 s + 10 %``, see ``natlat_sym.cli._common``).  This
script runs each command on an input that cannot finish in time, as a
separate process, and prints the wall-clock time, the budget and the
overshoot (wall time includes the interpreter start and imports).

Run:  python bench/bench_budgets.py [--quick]
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def han(n: int) -> str:
    xs = [f"X{i}" for i in range(1, n + 1)]
    rhs = " + ".join("H(" + ",".join(x for x in xs if x != y) + ")" for y in xs)
    return f"{n - 1}*H({','.join(xs)}) <= {rhs}"


def cases(quick: bool):
    t = 5.0 if quick else 20.0
    return [
        ("prove 13 vars", t, ["prove", han(13), "--timeout", str(t)]),
        ("prove 15 vars", t, ["prove", han(15), "--timeout", str(t), "--max-variables", "15"]),
        ("prove 16 vars (size budget)", t, ["prove", han(16), "--timeout", str(t), "--max-variables", "16"]),
        ("tightest 12 vars", t, ["tightest", han(12).replace("<=", "<= c*H(X1) +"), "--timeout", str(t)]),
        ("search 4 vars", t, ["search", "I(X1;X2) <= I(X1;X2|X3) + I(X1;X2|X4) + I(X3;X4)",
                              "--budget", str(t), "--alphabets", "3"]),
        ("experiment o1", t, ["experiment", "o1", "--budget", str(t)]),
    ]


def main(argv) -> int:
    quick = "--quick" in argv
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "natlat_sym.cli", "--version"], env=env, capture_output=True)
    startup = time.perf_counter() - start
    print(f"interpreter start + CLI import: {startup:.2f} s")
    print(f"{'command':32} {'budget':>7} {'wall':>7} {'overshoot':>9}  exit  answer")
    for name, budget, args in cases(quick):
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "natlat_sym.cli", *args], env=env, capture_output=True,
                              text=True)
        wall = time.perf_counter() - start
        answer = (proc.stderr.strip().splitlines() or proc.stdout.strip().splitlines() or [""])[-1][:60]
        print(f"{name:32} {budget:7.1f} {wall:7.2f} {wall - budget:+9.2f}  {proc.returncode:4}  {answer}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
