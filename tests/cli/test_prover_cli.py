"""The prover commands as a user runs them: verdicts, exit codes, JSON,
certificate files that re-check, and one-line errors for bad input."""

import json
import subprocess
import sys

import pytest

from cli_run import run

T4 = "H(G|L) <= I(X1;X2|L) + H(G|X1) + H(G|X2)"


def test_prove_valid_statement_exits_0_with_derivation():
    code, out, _ = run("prove", T4)
    assert code == 0
    assert "proved" in out and "re-checked in exact arithmetic" in out
    assert "H(G|L)" in out


def test_prove_false_statement_exits_1():
    code, out, _ = run("prove", "I(X;Y|Z) <= I(X;Y)")
    assert code == 1
    assert "refuted" in out


def test_prove_json_has_the_documented_keys():
    code, out, _ = run("prove", "I(X;Z) <= I(X;Y)", "--given", "markov: I(X;Z|Y) = 0", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["verdict"] == "proved"
    for key in ("certificate", "steps", "seconds"):
        assert key in data
    refuted = json.loads(run("prove", "I(X;Y|Z) <= I(X;Y)", "--json")[1])
    assert refuted["verdict"] == "refuted" and "counterexample" in refuted


def test_certificate_file_verifies_and_tampering_is_rejected(tmp_path):
    cert = tmp_path / "cert.json"
    assert run("prove", T4, "--certificate", str(cert))[0] == 0
    code, out, _ = run("verify", str(cert))
    assert code == 0 and out.startswith("valid")
    data = json.loads(cert.read_text())
    piece = data["pieces"][0]
    piece["basic"][0]["multiplier"] = str(int(piece["basic"][0]["multiplier"].split("/")[0]) + 1)
    cert.write_text(json.dumps(data))
    code, out, err = run("verify", str(cert))
    assert code == 1  # well-formed but does not prove its statement: failed, not bad input
    assert out.startswith("invalid") and "identity fails" in out


def test_certificate_for_other_statement_is_rejected(tmp_path):
    cert = tmp_path / "cert.json"
    run("prove", "H(X|Y,Z) <= H(X|Y)", "--certificate", str(cert))
    data = json.loads(cert.read_text())
    data["statement"] = "H(X|Y,Z) <= H(X|Z)"  # true too, but needs a different proof
    cert.write_text(json.dumps(data))
    assert run("verify", str(cert))[0] == 1


@pytest.mark.parametrize("args,needle", [
    (("prove", "H(X)*H(Y) <= 1"), "not linear"),
    (("prove", "H(X) <= "), "empty right-hand side"),
    (("prove", "H(X,X) >= 0"), "repeated"),
    (("prove", "H(X) <= H(Q)", "--vars", "X"), "unknown variable Q"),
    (("prove", "I(X;Y) <= c*H(X)"), "tightest"),
    (("verify", "/nonexistent/cert.json"), "does not exist"),
    (("tightest", "H(X) <= H(X,Y)"), "no free coefficient"),
])
def test_bad_input_is_one_line_exit_2(args, needle):
    code, out, err = run(*args)
    assert code == 2
    assert needle in err
    assert len(err.strip().splitlines()) == 1


def test_malformed_certificate_json_is_bad_input(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    code, _, err = run("verify", str(bad))
    assert code == 2 and "not valid JSON" in err
    bad.write_text(json.dumps({"format": "natlat_sym.certificate", "pieces": "x"}))
    assert run("verify", str(bad))[0] == 2


def test_more_variables_than_the_budget_is_bad_input_exit_2():
    code, out, err = run("prove", "H(A,B,C) <= H(A) + H(B) + H(C)", "--max-variables", "2")
    assert code == 2
    assert "3 random variables" in err and "budget is 2" in err


def test_timeout_answers_unknown_exit_3():
    # Han's inequality on 12 variables cannot finish in 10 ms
    terms = " + ".join("H(" + ",".join(f"X{j}" for j in range(1, 13) if j != i) + ")" for i in range(1, 13))
    code, out, err = run("prove", f"11*H({','.join(f'X{j}' for j in range(1, 13))}) <= {terms}",
                         "--timeout", "0.01")
    assert code == 3
    assert "unknown" in out


def test_tightest_finds_c_equal_1():
    code, out, _ = run("tightest", "I(M;X1,X2|L) <= I(X1;X2|L) + c*(I(M;X1|X2) + I(M;X2|X1))",
                       "--given", "I(L;M|X1,X2) = 0", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["values"]["c"] in ("1", 1)


def test_tightest_without_markov_is_infeasible_exit_5():
    # no value of c makes it Shannon-provable: that is "not provable" (5), not "false" (1)
    code, out, _ = run("tightest", "I(M;X1,X2|L) <= I(X1;X2|L) + c*(I(M;X1|X2) + I(M;X2|X1))")
    assert code == 5
    assert "Shannon-provable" in out and "not decided" in out


def test_installed_entry_point_runs():
    proc = subprocess.run([sys.executable, "-m", "natlat_sym.cli", "prove", "H(X|Y) <= H(X)"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "proved" in proc.stdout


def test_tightest_certificate_file_verifies(tmp_path):
    # regression: the certificate kept the statement with the free coefficient c,
    # so 'natlat verify' rejected a valid certificate for c = 1
    cert = tmp_path / "tight.json"
    code, _, _ = run("tightest", "I(M;X1,X2|L) <= I(X1;X2|L) + c*(I(M;X1|X2) + I(M;X2|X1))",
                     "--given", "I(L;M|X1,X2) = 0", "--certificate", str(cert))
    assert code == 0
    assert "c*" not in json.loads(cert.read_text())["statement"]
    code, out, _ = run("verify", str(cert))
    assert code == 0 and out.startswith("valid")


def test_tightest_with_coefficient_parts_that_cancel_exits_0():
    # regression: exited 4 with KeyError 'X' (the parts' sum cancels to 0)
    code, out, _ = run("tightest", "H(X) <= c*H(X|Y) + d*I(X;Y)")
    assert code == 0 and "c = 1" in out and "d = 1" in out


def test_prove_reads_the_statement_without_sympy_until_the_derivation():
    # the command line's claim is the parser's sympy-free one; its printed
    # statement and derivation are those of the sympy statement
    from natlat_sym.shannon.parse import parse_statement
    from natlat_sym.shannon.derivation import derive
    from natlat_sym.proving import prove

    text = "I(X1;X2,X3) <= H(X1) + 0*eps"
    code, out, _ = run("prove", text)
    r = prove(parse_statement(text))
    assert code == 0 and out.startswith(f"statement: {parse_statement(text)}\n")
    assert derive(r.certificate, r.statement).text() in out
