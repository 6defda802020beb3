"""Every reproducer of issue 9 ("never crash, never hang"), kept as a
regression test: each input gets a verdict, or exit 2 (bad input) / 3
(budget) with exactly one line on stderr — never exit 4, never a traceback.

No test here measures time; the budgets' overshoots are measured by hand
and in bench/."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner

from natlat_sym.cli import cli
from natlat_sym.errors import BudgetExceeded, FileError, ParseError
from natlat_sym.files import read_json, write_file
from natlat_sym.limits import MAX_DIGITS, MAX_EXPONENT, exact_number

ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def one_line_error(code, err, expected_code=2, needle=""):
    assert code == expected_code, err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err and "internal error" not in err
    assert needle in err, err


def dist_file(tmp_path, **fields):
    data = {"format": "natlat-distribution", "names": ["X", "Y"], "probabilities": [["1/2", "0"], ["0", "1/2"]]}
    data.update(fields)
    p = tmp_path / "d.json"
    p.write_text(json.dumps(data))
    return p


# ------------------------------------------------------------------ exit 4 before
def test_tiny_constants_do_not_overflow_exact_arithmetic():
    # np.gcd overflowed past 64 bits on denominators like 10**20
    code, out, err = run("prove", "I(X;Y) <= 1e-20", "--given", "H(X) <= 2e-20")
    assert code in (1, 5), err  # false (I = H(X) = 2e-20 > 1e-20); never exit 4
    assert "1/100000000000000000000" in out


def test_tightest_with_a_constant_term():
    code, out, err = run("tightest", "I(X;Y) <= c*H(X) + 1/10", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["values"] == {"c": "1"}


def test_parentheses_nested_1000_deep_is_one_line():
    text = "(" * 1000 + "H(X)" + ")" * 1000 + " >= 0"
    code, _, err = run("prove", text)
    one_line_error(code, err, needle="nested more than 100 levels")
    with pytest.raises(ParseError, match="nested"):
        from natlat_sym.shannon.parse import parse_statement
        parse_statement("-" * 1000 + "H(X) >= 0")


@pytest.mark.parametrize("command", ["verify", "eval"])
@pytest.mark.parametrize("content, needle", [
    (b"[" * 100_000 + b"]" * 100_000, "nested more than"),
    (b'{"format": "natlat-distribution", "names": ["X"], "probabilities": [' + b"1" * 100_000 + b", 0]}",
     "more than 1000 digits"),
    (b'{"names": ["\xe9"]}', "not UTF-8"),
    (b'{"format": "natlat-distribution", "names": ["X"], "probabilities": [NaN, 1]}', "NaN"),
    (b'{"format": "natlat-distribution", "names": ["X"], "probabilities": [1e999, 0]}', "too large"),
])
def test_hostile_json_files_are_one_line_errors(tmp_path, command, content, needle):
    p = tmp_path / "f.json"
    p.write_bytes(content)
    args = ("verify", p) if command == "verify" else ("eval", "H(X)", "--dist", p)
    code, _, err = run(*args)
    one_line_error(code, err, needle=needle)


def test_missing_output_directories_are_one_line_errors(tmp_path):
    missing = tmp_path / "no" / "such"
    code, _, err = run("prove", "H(X) >= 0", "--certificate", missing / "c.json")
    one_line_error(code, err, needle="does not exist")
    d = dist_file(tmp_path)
    code, _, err = run("naturality", d, "--latent", "Y", "--plot", missing / "p.png")
    one_line_error(code, err, needle="does not exist")


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "0", "1e400", "abc"])
def test_timeout_must_be_a_finite_positive_number(value):
    code, _, err = run("prove", "H(X) >= 0", "--timeout", value)
    one_line_error(code, err, needle="--timeout")


# ------------------------------------------------------------------ hangs before
def test_huge_exponents_are_refused_not_expanded(tmp_path):
    code, _, err = run("prove", "1e999999999*H(X) >= 0")
    one_line_error(code, err, needle="exponent")
    code, _, err = run("eval", "eps*H(X)", "--dist", dist_file(tmp_path), "--param", "eps=1e-999999999")
    one_line_error(code, err, needle="exponent")
    code, _, err = run("eval", "H(X)", "--dist",
                       dist_file(tmp_path, probabilities=[["1e-999999999", "0"], ["0", "1/2"]]))
    one_line_error(code, err, needle="exponent")


def test_numbers_at_the_documented_limits_are_accepted_exactly():
    assert exact_number(f"1e-{MAX_EXPONENT}") == Fraction(1, 10**MAX_EXPONENT)
    assert exact_number("9" * MAX_DIGITS) == 10**MAX_DIGITS - 1
    with pytest.raises(ValueError, match="exponent"):
        exact_number(f"1e-{MAX_EXPONENT + 1}")
    with pytest.raises(ValueError, match="digits"):
        exact_number("9" * (MAX_DIGITS + 1))


def test_certificate_multiplier_with_a_huge_exponent_is_bad_input(tmp_path):
    cert = tmp_path / "c.json"
    assert run("prove", "H(X|Y) <= H(X)", "--certificate", cert)[0] == 0
    data = json.loads(cert.read_text())
    data["pieces"][0]["basic"][0]["multiplier"] = "1e999999999"
    cert.write_text(json.dumps(data))
    code, _, err = run("verify", cert)
    one_line_error(code, err, needle="exponent")


def test_precision_has_an_upper_limit(tmp_path):
    code, _, err = run("eval", "H(X)", "--dist", dist_file(tmp_path), "--precision", "100000000")
    one_line_error(code, err, needle="--precision")


def _sparse_25_variable_file(tmp_path, names):
    """25 binary variables, two outcomes (all 0, all 1), given as a sparse "support"."""
    p = dist_file(tmp_path, names=names, alphabets=[[0, 1]] * 25, probabilities=None,
                  support=[[[0] * 25, "1/2"], [[1] * 25, "1/2"]])
    data = json.loads(p.read_text())
    del data["probabilities"]
    p.write_text(json.dumps(data))
    return p


def test_sparse_25_variable_file_is_evaluated_on_its_support(tmp_path):
    from natlat_sym.finite.sparse import SparseDistribution

    names = [f"X{i}" for i in range(25)]
    p = _sparse_25_variable_file(tmp_path, names)
    code, out, err = run("eval", f"H({','.join(names)}) - I(X0;X24|X3)", "--dist", p, "--json", "--exact")
    assert code == 0, err
    assert json.loads(out)["exact_text"] == "1"
    from natlat_sym.finite.io import load

    assert isinstance(load(p, allow_sparse=True), SparseDistribution)
    with pytest.raises(BudgetExceeded, match="cells"):  # dense expansion refused before allocation
        load(p)
    code, _, err = run("naturality", p, "--latent", "X0")
    one_line_error(code, err, expected_code=3, needle="cells")


# ------------------------------------------------------------------ budgets
def test_sixteen_variables_are_refused_by_the_size_budget_before_building():
    xs = [f"X{i}" for i in range(1, 17)]
    rhs = " + ".join("H(" + ",".join(x for x in xs if x != y) + ")" for y in xs)
    code, out, err = run("prove", f"15*H({','.join(xs)}) <= {rhs}", "--timeout", "20", "--max-variables", "16")
    assert code == 3, err
    assert "size budget" in out and "nonzeros" in out


def test_the_hard_deadline_ends_a_stuck_command_with_exit_3():
    code = ("import time\nfrom natlat_sym.cli._common import hard_deadline\n"
            "with hard_deadline(0.1):\n    time.sleep(60)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 3
    assert proc.stderr.strip().splitlines() == ["natlat: unknown: time budget of 0.1 s exhausted "
                                                "(stopped after 2.11 s)"]


# ------------------------------------------------------------------ CLI manners
@pytest.mark.parametrize("args, needle", [
    (("prove", "H(X) >= 0", "--jsn"), "no such option"),
    (("prov", "H(X) >= 0"), "no such command"),
    (("eval", "H(X)"), "--dist"),
    (("prove",), "missing argument"),
])
def test_click_usage_errors_are_one_line(args, needle):
    code, _, err = run(*args)
    one_line_error(code, err, needle=needle)


def test_a_statement_may_start_with_a_minus_sign():
    code, out, err = run("prove", "-H(X) <= 0", "--json")
    assert code == 0, err
    assert json.loads(out)["verdict"] == "proved"
    code, out, _ = run("prove", "-I(X;Y) <= -I(X;Y|Z)", "-g", "-I(X;Z) >= 0")
    assert code != 2 and "statement:" in out


# ------------------------------------------------------------------ files
def test_writer_respects_the_umask_and_keeps_an_existing_mode(tmp_path):
    old = os.umask(0o027)
    try:
        p = write_file(tmp_path / "a.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    os.chmod(p, 0o604)
    write_file(p, "y")
    assert stat.S_IMODE(p.stat().st_mode) == 0o604 and p.read_text() == "y"


def test_writer_never_replaces_a_device_or_a_directory(tmp_path):
    write_file(os.devnull, "written in place")  # the user asked for it: no rename over the device
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    with pytest.raises(FileError, match="is a directory"):
        write_file(tmp_path, "x")
    target = tmp_path / "real.txt"
    target.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_file(link, "new")
    assert link.is_symlink() and target.read_text() == "new"
    assert sorted(os.listdir(tmp_path)) == ["link.txt", "real.txt"]  # no temporary file left


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_device_is_a_one_line_error_and_stays_a_device():
    code, _, err = run("prove", "H(X) >= 0", "--certificate", "/dev/full")
    one_line_error(code, err, needle="No space left")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


# ------------------------------------------------------------------ certificates
def _certificate(tmp_path):
    cert = tmp_path / "c.json"
    assert run("prove", "I(X;Z) <= I(X;Y)", "--given", "I(X;Z|Y) = 0", "--certificate", cert)[0] == 0
    return cert, json.loads(cert.read_text())


@pytest.mark.parametrize("change, needle", [
    (lambda d: d.update(version=3), "version 3 is not supported"),
    (lambda d: d.update(version="1"), "version must be an integer"),
    (lambda d: d.pop("version"), "has no 'version'"),
    (lambda d: d.pop("pieces"), "has no 'pieces'"),
    (lambda d: d["pieces"][0].pop("target"), "pieces[1] has no 'target'"),
    (lambda d: d.update(variables=["X", "X", "Y"]), "distinct"),
    (lambda d: d.update(variables=["X", "Y"]), "also uses Z"),
    (lambda d: d["pieces"][0]["basic"][0].update(multiplier=[1]), "multiplier must be"),
    (lambda d: d.update(statement="H(X) <= "), "does not parse"),
])
def test_malformed_certificates_are_bad_input_with_a_readable_reason(tmp_path, change, needle):
    cert, data = _certificate(tmp_path)
    change(data)
    cert.write_text(json.dumps(data))
    code, _, err = run("verify", cert)
    one_line_error(code, err, needle=needle)
    assert "KeyError" not in err


def test_a_certificate_that_does_not_prove_its_statement_fails_with_exit_1(tmp_path):
    cert, data = _certificate(tmp_path)
    data["statement"] = "h1: I(X;Z|Y) = 0 => I(X;Z) <= I(Y;Z)"  # well-formed, another statement
    cert.write_text(json.dumps(data))
    code, out, _ = run("verify", cert, "--json")
    assert code == 1
    result = json.loads(out)
    assert result["valid"] is False and "needs" in result["reason"]
    data["statement"] = "h1: I(X;Z|Y) = 0 => I(X;Z) <= I(X;Y) + H(W)"  # a variable the certificate lacks
    cert.write_text(json.dumps(data))
    code, out, _ = run("verify", cert)
    assert code == 1 and "lists variables X, Y, Z" in out


def test_json_reader_limits(tmp_path):
    p = tmp_path / "x.json"
    p.write_text('{"a": Infinity}')
    with pytest.raises(FileError, match="Infinity"):
        read_json(p)


def test_a_dense_file_beyond_the_cell_budget_is_refused_before_conversion():
    from natlat_sym.finite.io import distribution_from_json
    from natlat_sym.limits import MAX_DENSE_CELLS

    data = {"format": "natlat-distribution", "names": ["X"], "probabilities": [0] * (MAX_DENSE_CELLS + 1)}
    with pytest.raises(BudgetExceeded, match="support"):
        distribution_from_json(data)


def test_sparse_file_with_a_zero_value_gets_a_point_enclosure(tmp_path):
    """Regression (merge of the sparse and budgeted-enclosure paths): a value
    that is exactly 0 on a sparse file fell through to the dense closed form."""
    names = [f"X{i}" for i in range(25)]
    p = _sparse_25_variable_file(tmp_path, names)
    code, out, err = run("eval", "I(X0;X24|X3)", "--dist", p, "--json")
    assert code == 0, err
    assert json.loads(out)["enclosure"]["lo"] == json.loads(out)["enclosure"]["hi"] == "0"
