"""Benchmark: non-Shannon inequalities with the copy lemma (natlat_sym vs psitip).

Run from the repository root::

    python bench/bench_non_shannon.py            # 3 repeats, best time
    python bench/bench_non_shannon.py --quick    # 1 repeat

Statements: the Zhang–Yeung inequality (catalog ``zhang_yeung_inequality``)
and inequality 1 of Dougherty–Freiling–Zeger (catalog
``dougherty_freiling_zeger_first_inequality``).

Rows (all in one process after a warm-up; the whole call, certificate re-checked):

* ``--non-shannon``: the single-step copy search (what ``natlat prove --non-shannon`` runs);
* ``--copy S``: the given copy steps only;
* ``--copy S --non-shannon``: the given steps, then the single-step search.

``psitip`` runs ``bool(statement)`` under ``copylem().assumed()`` (its copy lemma),
when ``import psitip`` works; it gives a float yes/no, no certificate.  Ratios are
psitip / natlat.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from natlat_sym.proving import prove  # noqa: E402

from psitip_peer import best_time, format_seconds, import_psitip, psitip_runner  # noqa: E402

ZY = "2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)"
DFZ_1 = "2*I(A;B) <= 4*I(A;B|C) + 2*I(A;C|B) + I(B;C|A) + 3*I(A;B|D) + I(A;D|B) + 2*I(C;D)"

CASES = [
    ("Zhang–Yeung", ZY, (), True),
    ("Zhang–Yeung", ZY, ("A | C,D",), False),
    ("DFZ 1", DFZ_1, (), True),
    ("DFZ 1", DFZ_1, ("C | A,B",), True),
    ("DFZ 1", DFZ_1, ("C | A,B", "C_1 | A,D"), False),
]


def _psitip_on_text():
    """psitip on the statements of CASES (written with its I terms), under its copy lemma."""
    ps, run = import_psitip(), psitip_runner(copy_lemma=True)
    if ps is None:
        return None
    A, B, C, D = ps.rv("A", "B", "C", "D")
    I = ps.I
    claims = {
        ZY: lambda: 2 * I(C & D) <= I(A & B) + I(A & C + D) + 3 * I(C & D | A) + I(C & D | B),
        DFZ_1: lambda: 2 * I(A & B) <= (4 * I(A & B | C) + 2 * I(A & C | B) + I(B & C | A) + 3 * I(A & B | D)
                                        + I(A & D | B) + 2 * I(C & D)),
    }
    return lambda text: run(claims[text])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="one repeat")
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args(argv)
    repeat = 1 if args.quick else 3
    prove("H(X|Y) <= H(X)")  # warm-up: imports and caches
    psitip = _psitip_on_text()
    if psitip is None:
        print("note: psitip is not installed (pip install -e '.[bench]'); its column is skipped")
    head = ["statement", "copies", "search", "natlat", "verdict", "copy steps found"]
    if psitip:
        head += ["psitip (copylem)", "psitip/natlat"]
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for name, text, copies, search in CASES:
        t, r = best_time(lambda: prove(text, copies=copies, non_shannon=search, realize=False, timeout=args.timeout),
                     repeat)
        found = "; ".join(str(c) for c in r.certificate.copies) if r.certificate is not None else "–"
        row = [name, "; ".join(copies) or "–", "--non-shannon" if search else "–", format_seconds(t), str(r.verdict), found]
        if psitip:
            if copies or not search:
                row += ["–", "–"]
            else:
                try:
                    tp, ok = best_time(lambda: psitip(text), repeat)
                    row += [format_seconds(tp) + ("" if ok else " (False)"), f"{tp / t:.2f}"]
                except Exception as e:  # noqa: BLE001
                    row += [f"error: {type(e).__name__}", "–"]
        print(" | ".join(row), flush=True)


if __name__ == "__main__":
    main()
