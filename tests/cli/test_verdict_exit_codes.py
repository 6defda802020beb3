"""Every verdict kind through the CLI: words, JSON and exit codes (issue 8)."""

import json

import natlat_sym.proving as prover
from cli_run import run

ZHANG_YEUNG = "2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)"


def test_zhang_yeung_exits_5_not_provable():
    code, out, _ = run("prove", ZHANG_YEUNG)
    assert code == 5
    assert "not provable from Shannon" in out and "true or false is not decided" in out
    assert "refuted" not in out and "false" not in out.replace("true or false", "")
    assert "polymatroid" in out


def test_false_statement_exits_1_with_a_distribution():
    code, out, _ = run("prove", "I(X;Y|Z) <= I(X;Y)", "--json")
    data = json.loads(out)
    assert code == 1 and data["verdict"] == "refuted"
    assert data["counterexample"]["distribution"]["format"]
    code, out, _ = run("prove", "I(X;Y|Z) <= I(X;Y)")
    assert code == 1 and "refuted — the statement is false" in out and "counterexample distribution" in out


def test_hypotheses_without_distribution_exit_5(monkeypatch):
    monkeypatch.setattr(prover, "realize_counterexample", lambda *a, **k: None)
    code, out, _ = run("prove", "I(X;Z) <= I(X;Y)", "--given", "I(X;Y|Z) = 0", "--json")
    data = json.loads(out)
    assert code == 5 and data["verdict"] == "not_provable" and "distribution" not in data["counterexample"]


def test_help_lists_exit_code_5():
    for args in (["--help"], ["prove", "--help"], ["tightest", "--help"]):
        code, out, _ = run(*args)
        assert code == 0 and "5 " in out and "not decided" in " ".join(out.split()), args
