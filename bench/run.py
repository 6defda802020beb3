"""Run every natlat_sym benchmark, peers side by side, and print ratios.

Usage::

    python3 bench/run.py            # full run
    python3 bench/run.py --quick    # a short run (smaller n, fewer repeats)
    python3 bench/run.py prover     # one suite: prover | finite_throughput | finite_search | catalog | check
                                    #            | non_shannon | realize | open_problems | coq | decide | cli
                                    #            | budgets | docs

Each suite is a script in this folder that runs natlat_sym and its peers
(psitip, dit, a plain HiGHS LP) on identical inputs in the same process and
prints a table with times and ratios.  Peers that are not installed are
reported as missing (install them with ``pip install -e ".[bench]"``).
Performance is measured here, never asserted in tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUITES = {
    "prover": "bench_prover.py",
    "finite_throughput": "bench_finite_throughput.py",
    "finite_search": "bench_finite_search.py",
    "catalog": "bench_catalog.py",
    "check": "bench_check.py",
    "non_shannon": "bench_non_shannon.py",
    "realize": "bench_realize.py",
    "open_problems": "bench_open_problems.py",
    "coq": "bench_coq.py",
    "decide": "bench_decide.py",
    "cli": "bench_cli.py",
    "budgets": "bench_budgets.py",
    "docs": "bench_docs.py",
}


def main(argv: list[str]) -> int:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return 0
    options = [a for a in argv if a.startswith("-") and a != "--quick"]
    if options:
        print(f"bench: unknown option {options[0]!r} (only --quick and suite names; --help)", file=sys.stderr)
        return 2
    quick = "--quick" in argv
    names = [a for a in argv if not a.startswith("-")] or list(SUITES)
    unknown = [n for n in names if n not in SUITES]
    if unknown:
        print(f"bench: unknown suite {unknown[0]!r}; choose from {', '.join(SUITES)}", file=sys.stderr)
        return 2
    status = 0
    for name in names:
        script = HERE / SUITES[name]
        print(f"\n===== {name} ({script.name}) =====", flush=True)
        if not script.exists():
            print(f"(missing: {script.name})")
            status = 1
            continue
        start = time.perf_counter()
        env = dict(os.environ)  # the checkout's natlat_sym, installed or not
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE.parent), env.get("PYTHONPATH", "")]))
        proc = subprocess.run([sys.executable, str(script), *(["--quick"] if quick else [])], env=env)
        print(f"----- {name}: exit {proc.returncode}, {time.perf_counter() - start:.1f} s", flush=True)
        status = status or proc.returncode
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
