"""Benchmark: how many polymatroid counterexamples on n >= 4 variables become real distributions.

Run from the repository root::

    python bench/bench_realize.py            # corpus + extra statements, per-method breakdown
    python bench/bench_realize.py --quick    # the project's corpus only, end to end

The prover refutes a statement that is not Shannon-provable with a point of
the Shannon cone (a polymatroid).  At n <= 3 variables without hypotheses
that alone proves the statement false; at n >= 4 a *distribution* is needed,
and :func:`natlat_sym.finite.realize.realize_witness` looks for one (linear
codes over GF(2)/GF(3) realising the witness, sums of small GF(2)-linear
rays, integer points of the cone tried as codes, a local search over
distributions on the witness's support).

Statements:

* ``corpus`` — every statement of ``tests/shannon/corpus.py::INVALID`` with
  four or more variables (the project's own invalid statements);
* ``extra``  — false statements on 4 to 10 variables chosen to need more than
  sums of small rays (MDS-like codes over GF(3)/GF(4), wide parities), plus
  Ingleton's inequality, which is false but holds for every linear code, so
  only the local search can refute it; and Zhang–Yeung's inequality, which
  is *true* (a control: it must never be realised; not counted).

Printed: for each statement, n, whether ``prove`` attached a distribution
(re-checked by the independent certified evaluator), its shape and the time
of the whole ``prove`` call; then the fraction realised.  Without
``--quick`` also the fraction each method alone realises (the witness as a
code / sums of rays / integer points / local search), with the realisation time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "shannon"))

from corpus import INVALID  # noqa: E402

from natlat_sym.finite import realize as R  # noqa: E402
from natlat_sym.shannon.parse import parse_statement  # noqa: E402
from natlat_sym.proving import prove  # noqa: E402

PAIRWISE4 = ["I(A;B) = 0", "I(A;C) = 0", "I(A;D) = 0", "I(B;C) = 0", "I(B;D) = 0", "I(C;D) = 0"]
PAIRWISE5 = PAIRWISE4 + ["I(A;E) = 0", "I(B;E) = 0", "I(C;E) = 0", "I(D;E) = 0"]
X = [f"X{i}" for i in range(1, 11)]

EXTRA = [
    # U(2,4): four pairwise independent variables, any two determine the rest (GF(3))
    ("H(A) <= 0", PAIRWISE4 + ["H(C,D|A,B) = 0", "H(A,B|C,D) = 0"]),
    # U(2,5): five of them (GF(4), built over GF(2) at twice the scale)
    ("H(E) <= 0", PAIRWISE5 + ["H(C,D,E|A,B) = 0", "H(A,B,E|C,D) = 0", "H(A,B|D,E) = 0"]),
    ("H(A,B,C,D) >= 3*H(A)", PAIRWISE4 + ["H(C,D|A,B) = 0"]),
    ("I(A;B) <= I(A;B|C) + I(A;B|D)", []),
    ("I(X1;X2,X3,X4,X5) <= I(X1;X2) + I(X1;X3) + I(X1;X4) + I(X1;X5)", []),
    (f"I(X1;{','.join(X[1:9])}) <= 0", [f"I(X1;{x}) = 0" for x in X[1:9]]),
    (f"H(X1) <= H(X1|{','.join(X[1:10])})", []),
    ("I(A;B) <= I(A;B|C) + I(A;B|D) + I(C;D)", []),   # Ingleton: false, but not for linear codes
]

TRUE_CONTROL = [("2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)", [])]   # Zhang–Yeung

METHODS = {
    "witness as a code": (R._by_codes_of_the_witness,),
    "sums of rays": (R._by_sums_of_rays,),
    "integer points": (R._by_integer_points,),
    "local search": (R._by_search_from_the_witness,),
}


def _cases(quick: bool):
    out = []
    for text, given in INVALID:
        st = parse_statement(text, given=given)
        if len(st.variables()) >= 4:
            out.append(("corpus", st))
    if not quick:
        out += [("extra", parse_statement(t, given=g)) for t, g in EXTRA]
        out += [("true", parse_statement(t, given=g)) for t, g in TRUE_CONTROL]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--timeout", type=float, default=60.0, help="prove's budget per statement (s)")
    args = ap.parse_args()
    rows = []
    print(f"{'set':7} {'n':>2} {'realised':9} {'shape':22} {'prove s':>8}  statement")
    for which, st in _cases(args.quick):
        t = time.perf_counter()
        r = prove(st, timeout=args.timeout)
        dt = time.perf_counter() - t
        if r.witness is None:  # proved or unknown: not a refutation, not counted
            print(f"{which:7} {len(st.variables()):>2} {'-':9} {'':22} {dt:8.2f}  {st}  ({r.verdict})")
            continue
        got = r.distribution is not None
        shape = "x".join(map(str, r.distribution.shape)) if got else ""
        print(f"{which:7} {len(st.variables()):>2} {'yes' if got else 'no':9} {shape[:22]:22} {dt:8.2f}  {st}",
              flush=True)
        if which == "true":
            assert not got, "a distribution violated a true inequality"
            continue
        rows.append((which, st, r, got))
    for which in ("corpus", "extra"):
        part = [g for w, _, _, g in rows if w == which]
        if part:
            print(f"{which}: {sum(part)}/{len(part)} refutations on n >= 4 variables end with a distribution "
                  f"({100 * sum(part) / len(part):.0f}%)")
    total = [g for *_, g in rows]
    print(f"all: {sum(total)}/{len(total)} ({100 * sum(total) / max(1, len(total)):.0f}%)")
    if args.quick:
        return
    print("\nper method (each alone, 30 s budget; realisation time only):")
    for name, strategies in METHODS.items():
        hits, seconds = 0, 0.0
        for _, st, r, _ in rows:
            c = st.conclusion
            claim = R._claim(r.witness, st.hypothesis_forms(), c.normal_form(), c.rel)
            t = time.monotonic()
            d = R._realize(claim, r.witness, t + 30.0, 0, strategies)
            seconds += time.monotonic() - t
            hits += d is not None
        print(f"  {name:18} {hits}/{len(rows)} realised, {seconds:6.2f} s in total")


if __name__ == "__main__":
    main()
