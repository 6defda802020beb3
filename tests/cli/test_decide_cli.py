"""``natlat decide`` as a user runs it: the three answers, their exit codes, bad input."""

import json

import pytest

from cli_run import run


def test_contraction_holds_by_a_certificate_exit_0():
    code, out, _ = run("decide", "I(X;Y,Z) = 0", "--given", "I(X;Y|Z) = 0", "--given", "I(X;Z) = 0",
                       "--alphabets", "3,3,3", "--no-progress")
    assert code == 0
    assert "holds on every alphabet size" in out and "exact certificate" in out


def test_intersection_without_positivity_is_violated_exit_1(tmp_path):
    out_file = tmp_path / "cex.json"
    code, out, _ = run("decide", "I(X;Y,Z) = 0", "-g", "I(X;Y|Z) = 0", "-g", "I(X;Z|Y) = 0",
                       "--alphabets", "2", "--out", str(out_file), "--no-progress")
    assert code == 1 and "violated" in out and "re-checked exactly" in out
    # the written file violates the statement according to the independent evaluator
    code, out, _ = run("eval", "I(X;Y|Z) = 0, I(X;Z|Y) = 0 => I(X;Y,Z) = 0", "--dist", str(out_file))
    assert code == 1 and out.startswith("violated")


def test_z3_holds_says_what_it_rests_on_json():
    code, out, _ = run("decide", "I(X1;X2|K) = 0", "-g", "I(X1;X2|L) = 0", "-g", "I(L;X1|X2) = 0",
                       "-g", "I(L;X2|X1) = 0", "--common-part", "K=X1;X2", "--alphabets", "2", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["truth"] == "holds" and data["method"] == "z3-nlsat"
    assert data["basis"].startswith(f"decided by z3 nlsat over {data['cases']} support cases")
    assert data["z3_version"] and data["cases"] > 0


def test_budget_exhausted_is_undecided_exit_3():
    code, out, _ = run("decide", "I(X1;X2|K) = 0", "-g", "I(X1;X2|L) = 0", "-g", "I(L;X1|X2) = 0",
                       "-g", "I(L;X2|X1) = 0", "--common-part", "K=X1;X2", "--alphabets", "3",
                       "--timeout", "0.05", "--no-shannon", "--no-progress")
    assert code == 3 and "undecided" in out


@pytest.mark.parametrize("args, needle", [
    (("decide", "I(X;Y) >= 0"), "holds for every distribution"),
    (("decide", "H(X) = H(Y)"), "not an exact independence"),
    (("decide", "I(X;Y) = 0", "--alphabets", "2,2,2"), "2 variables"),
    (("decide", "I(X;Y) = 0", "--common-part", "K=X"), "--common-part"),
    (("decide", "I(X;Y = 0"), ""),
])
def test_bad_input_exit_2(args, needle):
    code, _, err = run(*args)
    assert code == 2
    assert needle in err and len(err.strip().splitlines()) == 1
