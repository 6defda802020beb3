"""Finite-distribution commands as a user runs them: eval, search,
naturality (with pictures), experiment; exit codes and bad input."""

import json
from pathlib import Path

import pytest

from cli_run import run

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def test_eval_expression_three_ways_exact_closed_form():
    code, out, _ = run("eval", "I(X1;X2)", "--dist", str(EXAMPLES / "dsbs.json"), "--json", "--exact")
    assert code == 0
    data = json.loads(out)
    assert data["exact_text"] == "9/5*log2(3) - log2(5)"   # 1 - h(1/10), exactly
    from fractions import Fraction

    lo, hi = (Fraction(data["enclosure"][k]) for k in ("lo", "hi"))  # exact rational endpoints
    assert lo < hi and hi - lo < Fraction(1, 10**12)
    assert abs(float(lo) - data["float"]) < 1e-12


def test_eval_default_is_float_and_enclosure_without_closed_form():
    # regression (issue 11): eval always built the exact closed form first, which
    # took minutes on large float tables; it is now opt-in with --exact
    from fractions import Fraction

    code, out, _ = run("eval", "I(X1;X2)", "--dist", str(EXAMPLES / "dsbs.json"), "--json")
    data = json.loads(out)
    assert code == 0 and data["exact"] is None and data["exact_text"] is None
    lo, hi = (Fraction(data["enclosure"][k]) for k in ("lo", "hi"))
    assert lo <= Fraction(data["float"]) + Fraction(1, 10**12) and hi >= Fraction(data["float"]) - Fraction(1, 10**12)
    code, out, _ = run("eval", "I(X1;X2)", "--dist", str(EXAMPLES / "dsbs.json"))
    assert code == 0 and "certified:" in out and "exact:" not in out


def test_enclosure_budget_is_honoured():
    import numpy as np

    from natlat_sym.errors import BudgetExceeded
    from natlat_sym.finite.distribution import Distribution
    from natlat_sym.finite.evaluate import enclosure

    a = np.random.default_rng(0).random((300, 300))
    d = Distribution.from_array(a / a.sum(), ["X1", "X2"])
    with pytest.raises(BudgetExceeded):
        enclosure("H(X1,X2)", d, budget=0.0)


def test_eval_statement_gives_certified_verdict_and_exit_code():
    assert run("eval", "I(X1;X2|L) <= 0", "--dist", str(EXAMPLES / "noisy_copies.json"))[0] == 0
    code, out, _ = run("eval", "I(X1;X2) <= 1/2", "--dist", str(EXAMPLES / "dsbs.json"))
    assert code == 1 and out.startswith("violated")


@pytest.mark.parametrize("args,needle", [
    (("eval", "I(X1;Q)", "--dist", str(EXAMPLES / "dsbs.json")), "unknown variable Q"),
    (("eval", "I(X1;X2)", "--dist", "/nonexistent.json"), "nonexistent"),
    (("eval", "I(X1;X2) <= eps", "--dist", str(EXAMPLES / "dsbs.json"), "--param", "eps=-1"), ">= 0"),
    (("search", "I(X;Y) <= 0", "--alphabets", "2,x"), "--alphabets"),
    (("search", "I(X;Y) <= 0", "--alphabets", "2,2,2"), "2 variables"),
])
def test_bad_input_exit_2(args, needle):
    code, _, err = run(*args)
    assert code == 2
    assert needle in err and len(err.strip().splitlines()) == 1


def test_invalid_distribution_file_is_bad_input(tmp_path):
    data = json.loads((EXAMPLES / "dsbs.json").read_text())
    data["probabilities"][0][0] = "-1/2"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    code, _, err = run("eval", "H(X1)", "--dist", str(bad))
    assert code == 2 and "negative" in err


def test_search_finds_the_xor_counterexample_and_writes_it(tmp_path):
    out_file = tmp_path / "cex.json"
    code, out, _ = run("search", "I(G;X1,X2|L) <= I(X1;X2|L) + I(G;X1|X2) + I(G;X2|X1)",
                       "--seed", "0", "--out", str(out_file), "--no-progress")
    assert code == 1 and "counterexample found" in out
    code, out, _ = run("eval", "I(G;X1,X2|L) <= I(X1;X2|L) + I(G;X1|X2) + I(G;X2|X1)",
                       "--dist", str(out_file))
    assert code == 1  # the written file really violates the statement


def test_search_reproduces_with_the_same_seed():
    args = ("search", "I(M;X1,X2|L) <= I(X1;X2|L) + 1/2*(I(M;X1|X2) + I(M;X2|X1))",
            "--given", "I(L;M|X1,X2) = 0", "--seed", "3", "--json", "--no-progress")
    a, b = json.loads(run(*args)[1]), json.loads(run(*args)[1])
    assert a["found"] and a["distribution"] == b["distribution"]


def test_naturality_report_and_pictures(tmp_path):
    png, svg = tmp_path / "frontier.png", tmp_path / "venn.svg"
    code, out, _ = run("naturality", str(EXAMPLES / "noisy_copies.json"), "--plot", str(png),
                       "--venn", str(svg), "--venn-vars", "X1,X2,L")
    assert code == 0 and "best deterministic natural latent" in out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert svg.read_text().lstrip().startswith(("<?xml", "<svg"))
    data = json.loads(run("naturality", str(EXAMPLES / "noisy_copies.json"), "--json")[1])
    assert data


def test_experiment_exports_a_witness_the_checker_certifies(tmp_path):
    out_file = tmp_path / "o2.json"
    code, out, _ = run("experiment", "o2", "--seed", "1", "--chunks", "1", "--samples", "1", "--refine", "0",
                       "--out", str(out_file))
    assert code == 0 and "certified" in out
    code, out, _ = run("verify-bound", str(out_file))
    assert code == 0 and out.startswith("holds")


def test_search_finding_nothing_is_undecided_exit_3():
    code, out, _ = run("search", "I(X;Y) <= 1", "--starts", "2", "--budget", "1", "--no-progress")
    assert code == 3 and out.splitlines()[-1].startswith("undecided: no counterexample found")
    assert "not a proof" in out


def test_naturality_reports_common_information_bracket():
    # issue 11: the help promised Gács–Körner and Wyner; now C_GK <= I <= C_W <= G is printed
    code, out, _ = run("naturality", str(EXAMPLES / "dsbs.json"))
    assert code == 0
    for needle in ("C_GK(X1,X2) = 0 bits (exact)", "Wyner C_W(X1,X2) <=", "exact common information G(X1,X2) <="):
        assert needle in out
    data = json.loads(run("naturality", str(EXAMPLES / "dsbs.json"), "--json")[1])
    ci = data["common_information"]
    assert ci["gacs_korner"]["certified"] and ci["gacs_korner"]["enclosure"] == ["0", "0"]
    mi = data["mutual_information"]
    assert abs(mi - 0.5310044064107187) < 1e-12          # 1 - h(1/10)
    assert ci["gacs_korner"]["value"] <= mi <= ci["wyner"]["value"] + 1e-6 <= ci["exact"]["value"] + 2e-6


def test_dist_writes_exact_family_files(tmp_path):
    from fractions import Fraction

    from natlat_sym.finite.families import dsbs
    from natlat_sym.finite.io import load

    out = tmp_path / "d.json"
    code, text, _ = run("dist", "dsbs", "--param", "p=0.1", "-o", str(out))
    assert code == 0 and "written to" in text
    assert load(str(out)) == dsbs(Fraction(1, 10))
    code, _, _ = run("dist", "noisy-copies", "--param", "n=3", "--param", "p=1/10", "-o", str(out))
    d = load(str(out))
    assert code == 0 and d.names == ("X1", "X2", "X3", "L") and d.latents == ("L",) and d.is_exact
    code, text, _ = run("dist", "xor", "--names", "A,B,C")
    assert code == 0 and json.loads(text)["names"] == ["A", "B", "C"]


@pytest.mark.parametrize("args,needle", [
    (("dist", "dsbs"), "needs --param p"),
    (("dist", "dsbs", "--param", "q=1"), "no parameter 'q'"),
    (("dist", "dsbs", "--param", "p=2"), "[0, 1]"),
    (("dist", "parity", "--param", "n=x"), "integer"),
])
def test_dist_bad_parameters_exit_2(args, needle):
    code, _, err = run(*args)
    assert code == 2 and needle in err and len(err.strip().splitlines()) == 1
