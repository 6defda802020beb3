"""Benchmark: deciding exact statements on fixed alphabets (``decide_exact``).

Run: python bench/bench_decide.py [--quick] [--workers N]

Prints

1. the targets of issue 14: the T4 exact case and contraction on ternary
   alphabets (Shannon prover first, and the z3 case split alone for
   comparison), and T14 through the generic procedure on ternary alphabets
   next to the former hand-built T14 encoding;
2. a table of classic conditional-independence implications on 3–4
   variables (semigraphoid rules, intersection, composition, the implication
   derived from Zhang–Yeung's conditional inequality) with the verdict on
   binary and ternary alphabets, how it was reached and the time; every
   ``violated`` with its exact distribution.

Times are wall clock on whatever machine runs this (the reference numbers in
the report were taken on a shared 2-core machine under load).  ``--quick``
runs binary alphabets and short budgets only.
"""

from __future__ import annotations

import sys
import time

from natlat_sym.finite.decide import decide_exact

COMMON = {"K": ("X1", "X2")}

# name, conclusion, hypotheses, common parts, expected on every alphabet ("holds"/"violated"/None)
TABLE = [
    ("symmetry", "I(Y;X|Z) = 0", ["I(X;Y|Z) = 0"], None),
    ("decomposition", "I(X;Y|Z) = 0", ["I(X;Y,W|Z) = 0"], None),
    ("weak union", "I(X;Y|Z,W) = 0", ["I(X;Y,W|Z) = 0"], None),
    ("contraction (3 vars)", "I(X;Y,Z) = 0", ["I(X;Y|Z) = 0", "I(X;Z) = 0"], None),
    ("contraction (4 vars)", "I(X;Y,W|Z) = 0", ["I(X;Y|Z) = 0", "I(X;W|Y,Z) = 0"], None),
    ("intersection (3 vars)", "I(X;Y,Z) = 0", ["I(X;Y|Z) = 0", "I(X;Z|Y) = 0"], None),
    ("intersection (4 vars)", "I(X;Y,W|Z) = 0", ["I(X;Y|Z,W) = 0", "I(X;W|Z,Y) = 0"], None),
    ("composition (3 vars)", "I(X;Y,Z) = 0", ["I(X;Y) = 0", "I(X;Z) = 0"], None),
    ("composition (4 vars)", "I(X;Y,W|Z) = 0", ["I(X;Y|Z) = 0", "I(X;W|Z) = 0"], None),
    ("ZY98 exact form", "I(C;D) = 0", ["I(A;B) = 0", "I(A;C,D) = 0", "I(C;D|A) = 0", "I(C;D|B) = 0"], None),
    ("ZY97 conditional (Matúš)", "I(C;D) = 0", ["I(A;B) = 0", "I(A;B|C) = 0", "I(C;D|A) = 0", "I(C;D|B) = 0"],
     None),
    ("T4 exact case", "H(G|L) = 0", ["I(X1;X2|L) = 0", "H(G|X1) = 0", "H(G|X2) = 0"], None),
    ("T13 (i)⇒(ii)", "I(X1;X2|K) = 0", ["I(X1;X2|M) = 0", "H(M|X1) = 0", "H(M|X2) = 0"], COMMON),
    ("T14", "I(X1;X2|K) = 0", ["I(X1;X2|L) = 0", "I(L;X1|X2) = 0", "I(L;X2|X1) = 0"], COMMON),
    ("T14 without mediation", "I(X1;X2|K) = 0", ["I(L;X1|X2) = 0", "I(L;X2|X1) = 0"], COMMON),
]


def _support(dist) -> str:
    return " ".join(f"{''.join(map(str, o))}:{p}" for o, p in dist.items())


def run(name, concl, hyps, common, k, timeout, workers, shannon=True):
    t = time.perf_counter()
    r = decide_exact(concl, k, given=hyps, common_parts=common, timeout=timeout, workers=workers, shannon=shannon)
    return r, time.perf_counter() - t


def targets(quick: bool, workers: int) -> None:
    print("targets (issue 14): ternary alphabets")
    rows = [("T4 exact case", TABLE[11]), ("contraction", TABLE[3])]
    for label, (_, concl, hyps, common) in rows:
        for shannon in (True, False):
            if quick and not shannon:
                continue
            r, s = run(label, concl, hyps, common, 3, 60.0, workers, shannon=shannon)
            how = "Shannon first" if shannon else "z3 case split only"
            print(f"  {label:16s} 3×3×… {how:20s} {str(r.truth):9s} {s:8.2f} s  target < 60 s  "
                  f"({r.method or r.reason}; {r.cases} cases)")
    if quick:
        return
    _, concl, hyps, common = TABLE[13]
    r, s = run("T14", concl, hyps, common, 3, 300.0, workers)
    print(f"  T14 generic      3×3×3 {'':20s} {str(r.truth):9s} {s:8.2f} s  target < 300 s  "
          f"({r.cases} support cases, {r.z3_calls} z3 calls, z3 {r.z3_version})")


def table(quick: bool, workers: int) -> None:
    sizes = (2,) if quick else (2, 3)
    timeout = 30.0 if quick else 180.0
    print()
    print(f"classic exact implications (budget {timeout:g} s each; method: shannon = certificate, every alphabet; "
          "z3 = nlsat over support cases)")
    head = f"  {'implication':26s}" + "".join(f" {'|alphabet| = ' + str(k):>34s}" for k in sizes)
    print(head)
    witnesses = []
    for name, concl, hyps, common in TABLE:
        if quick and name.startswith("ZY97"):
            continue
        cells = []
        for k in sizes:
            r, s = run(name, concl, hyps, common, k, timeout, workers)
            how = {"shannon": "shannon", "z3-nlsat": f"z3, {r.cases} cases"}.get(r.method, "budget")
            cells.append(f"{str(r.truth):9s} {how:14s} {s:8.2f} s")
            if r.distribution is not None:
                witnesses.append((name, k, r.distribution))
        print(f"  {name:26s}" + "".join(f" {c:>34s}" for c in cells), flush=True)
    print("  every violated comes with an exact distribution (re-checked by check_on):")
    for name, k, d in witnesses:
        print(f"    {name} (|alphabet| = {k}), variables {','.join(d.names)}: {_support(d)}")


def main() -> None:
    quick = "--quick" in sys.argv
    workers = 1
    if "--workers" in sys.argv:
        workers = int(sys.argv[sys.argv.index("--workers") + 1])
    targets(quick, workers)
    table(quick, workers)


if __name__ == "__main__":
    main()
