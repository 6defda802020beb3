"""Fuzzing every entry point that reads user input (issue 9).

Property, for each input kind below: natlat answers (a value, a verdict) or
raises/prints *one line* naming the problem — a ``NatLatError`` in Python,
exit 2 (bad input) or 3 (budget) with exactly one line on stderr on the
command line.  Never another exception, never a traceback, never exit 4.

Input kinds tried
-----------------
* statement text: random token soup (measures, groups, numbers with huge
  digits and exponents, relations, unicode relations, stray characters),
  deep nesting of parentheses and minus signs;
* distribution JSON: arbitrary JSON values, and a valid file with one field
  replaced by arbitrary JSON (names, alphabets, probabilities, support,
  exact, tolerance, latents, version), plus random bytes (not UTF-8);
* certificate JSON: a valid certificate with one field replaced by arbitrary
  JSON or deleted (at the top, in a hypothesis, a piece, a basic
  inequality, a multiplier), plus arbitrary JSON values;
* open-problem witness JSON (``natlat verify-bound``): a valid witness
  with one field replaced by arbitrary JSON or deleted (format, version,
  problem, claim, cells, probabilities, channel), plus arbitrary JSON values;
* command lines: every command (prove, tightest, verify, eval, search,
  decide, naturality, dist, experiment, verify-bound, check, list, show) with
  random options and hostile values (``inf``, ``nan``, negatives, 0, huge
  integers, huge and tiny exponents, empty text, missing directories and
  files, a directory where a file is expected, statements starting with
  ``-``), with and without ``--json``.

The command-line property, exactly: the exit code is 0, 1, 3 or 5 (a
verdict) or 2 (bad input) — never 4 (internal error) nor an exception; a
bad input or budget answer is exactly one line on stderr, or, under
``--json``, one ``natlat_sym.error`` document on stdout; never a traceback.
Every run has a time budget (``--timeout``/``--budget``), so no example can
hang; how far past its budget a command answers is measured in
``bench/bench_budgets.py``, never asserted here (no wall-clock assertions).

Examples are few (the suite must stay cheap); hypothesis' database and
shrinking keep whatever it finds.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natlat_sym.cli import cli
from natlat_sym.errors import NatLatError
from natlat_sym.finite.io import loads
from natlat_sym.shannon.certificate import certificate_from_json, check_certificate
from natlat_sym.shannon.parse import parse_statement

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLI = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TOKENS = ["H", "I", "TC", "(", ")", ";", "|", ",", "X", "Y", "Z1", "eps", "c", "<=", ">=", "=", "=>", "≤", "⇒",
          "+", "-", "*", "/", "0", "1", "2.5", "1e-9", "1e999999999", "9" * 1200, "1/0", "0.", ".5e+3", " ",
          ":", "h1", "!", "<", "é", "\x00", "((", "))"]

statements = st.lists(st.sampled_from(TOKENS), max_size=25).map("".join) | st.text(max_size=40)
nested = st.integers(min_value=90, max_value=3000).map(lambda k: "(" * k + "H(X)" + ")" * k + " >= 0") | \
    st.integers(min_value=90, max_value=3000).map(lambda k: "-" * k + "H(X) <= 0")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8) | st.sampled_from(["1/3", "1e999999999", "-1", "0", "nan", "1/0"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=20)


def _one_line(exc: Exception) -> None:
    text = str(exc)
    assert text and "\n" not in text, repr(text)


@FAST
@given(statements | nested)
def test_statement_parser_answers_or_raises_one_line(text):
    try:
        parse_statement(text)
    except NatLatError as e:
        _one_line(e)


VALID_DIST = {"format": "natlat-distribution", "version": 1, "names": ["X", "Y"], "alphabets": [[0, 1], ["a", "b"]],
              "probabilities": [["1/2", "0"], ["0", "1/2"]], "latents": ["Y"]}
SPARSE_DIST = {"format": "natlat-distribution", "names": ["X", "Y"], "alphabets": [[0, 1], [0, 1]],
               "support": [[[0, 0], "1/2"], [[1, 1], 0.5]]}


@FAST
@given(st.sampled_from([VALID_DIST, SPARSE_DIST]),
       st.sampled_from(["names", "alphabets", "probabilities", "support", "exact", "tolerance", "latents",
                        "version", "format"]),
       json_values, st.booleans())
def test_distribution_loader_answers_or_raises_one_line(base, key, value, sparse):
    data = dict(base)
    data[key] = value
    try:
        loads(json.dumps(data), allow_sparse=sparse)
    except NatLatError as e:
        _one_line(e)


@FAST
@given(json_values | st.binary(max_size=30).map(lambda b: b.decode("latin-1")))
def test_distribution_loader_on_arbitrary_text(value):
    text = value if isinstance(value, str) else json.dumps(value)
    try:
        loads(text)
    except NatLatError as e:
        _one_line(e)


@pytest.fixture(scope="module")
def certificate():
    from natlat_sym.proving import prove

    return prove("I(X;Z|Y) = 0 => I(X;Z) <= I(X;Y)").certificate.to_json()


def _places(cert):
    """Paths (lists of keys) to every dict/list member of the certificate."""
    out = []

    def walk(node, path):
        if isinstance(node, dict):
            for k, v in node.items():
                out.append(path + [k])
                walk(v, path + [k])
        elif isinstance(node, list):
            for i, v in enumerate(node):
                out.append(path + [i])
                walk(v, path + [i])

    walk(cert, [])
    return out


@FAST
@given(data=st.data())
def test_certificate_loader_and_checker_answer_or_raise_one_line(certificate, data):
    cert = json.loads(json.dumps(certificate))
    path = data.draw(st.sampled_from(_places(cert)))
    parent = cert
    for k in path[:-1]:
        parent = parent[k]
    if data.draw(st.booleans()) and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = data.draw(json_values)
    try:
        check_certificate(certificate_from_json(cert))
    except NatLatError as e:
        _one_line(e)


WITNESS = {"format": "natlat_sym.bound_witness", "version": 1, "problem": "o1", "claim": "1/2",
           "cells": [[0, 0], [1, 1]], "probabilities": ["1/2", "1/2"], "channel": [["1", "0"], ["0", "1"]]}


@FAST
@given(st.sampled_from(sorted(WITNESS)), json_values, st.booleans())
def test_witness_checker_answers_or_raises_one_line(key, value, delete):
    from natlat_sym.openproblems.bound_checker import check_witness

    w = dict(WITNESS)
    if delete:
        del w[key]
    else:
        w[key] = value
    try:
        check_witness(w)
    except NatLatError as e:
        _one_line(e)


@FAST
@given(json_values)
def test_witness_checker_on_arbitrary_json(value):
    from natlat_sym.openproblems.bound_checker import check_witness

    try:
        check_witness(value)
    except NatLatError as e:
        _one_line(e)


ROOT = Path(__file__).resolve().parents[2]
DSBS = str(ROOT / "docs" / "examples" / "dsbs.json")
O1 = str(ROOT / "proofs" / "data" / "bounds" / "o1.json")
HOSTILE = ["inf", "nan", "-1", "0", "1e999999999", "1e-999999999", "/no/such/dir/x.json", "-H(X) <= 0", "x",
           "10000000000", ""]
COMMANDS = {
    "prove": (["H(X|Y) <= H(X)", "-H(X) <= 0", "I(X;Y) <= 1e-20", "H(X) <= eps"],
              ["--timeout", "--given", "--vars", "--certificate", "--engine", "--max-variables", "--json"]),
    "tightest": (["I(X;Y) <= c*H(X)", "I(X;Y) <= c*H(X) + 1/10"], ["--timeout", "--weight", "--certificate"]),
    "verify": (["/no/such/cert.json", "docs"], ["--json"]),
    "eval": (["H(X1)", "I(X1;X2) <= 1"], ["--dist", "--param", "--precision", "--json"]),
    "search": (["I(X;Y) <= 1/2"], ["--alphabets", "--budget", "--starts", "--seed", "--out"]),
    "naturality": (["/no/such/file.json"], ["--latent", "--plot", "--seed"]),
    "show": (["no_such_theorem"], ["--timeout", "--latex"]),
    "list": ([], ["--json", "--status"]),
    "decide": (["I(X;Y) = 0", "I(X;Y,Z) = 0", "H(X) <= 1"], ["--given", "--alphabets", "--timeout", "--json",
                                                            "--out", "--common-part"]),
    "dist": (["dsbs", "xor", "no-such-family"], ["--param", "--names", "--out", "--json"]),
    "experiment": (["o1", "o2"], ["--budget", "--seed", "--out", "--checkpoint", "--resume", "--start",
                                  "--max-cells", "--json"]),
    "verify-bound": ([O1, DSBS, "/no/such/witness.json", "docs"], ["--precision", "--timeout", "--json"]),
    "check": (["mutual_info_le_of_markov_chain", "T4", "no_such_theorem"], ["--timeout", "--json", "--out"]),
}


@CLI
@given(data=st.data())
def test_cli_gives_a_verdict_or_one_line_exit_2_or_3(data, tmp_path_factory):
    command = data.draw(st.sampled_from(sorted(COMMANDS)))
    positionals, options = COMMANDS[command]
    args = [command] + ([data.draw(st.sampled_from(positionals))] if positionals else [])
    for _ in range(data.draw(st.integers(0, 3))):
        args.append(data.draw(st.sampled_from(options)))
        if args[-1] not in ("--json", "--latex", "--status"):
            args.append(data.draw(st.sampled_from(HOSTILE + ["1", "2", DSBS])))
    if command in ("prove", "tightest", "decide", "check", "verify-bound") and "--timeout" not in args:
        args += ["--timeout", "5"]
    if command in ("search", "experiment") and "--budget" not in args:
        args += ["--budget", "2"]
    if command == "experiment":
        args += ["--samples", "1", "--refine", "0"]  # one candidate per chunk: cheap
    runner = CliRunner()
    # relative outputs land in a fresh folder (click's isolated_filesystem is deprecated)
    with tempfile.TemporaryDirectory(dir=tmp_path_factory.getbasetemp()) as folder, contextlib.chdir(folder):
        result = runner.invoke(cli, args, catch_exceptions=True)
    err = result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    assert result.exit_code in (0, 1, 2, 3, 5), (args, result.exit_code, err)
    assert "Traceback" not in err and "internal error" not in err, (args, err)
    # exit 3 is also an answer: "unknown"/"undecided"/"nothing found within the
    # budget", printed on stdout like any verdict (e.g. search --alphabets 1)
    answered_unknown = result.exit_code == 3 and not err.strip() and result.stdout.strip()
    if result.exit_code in (2, 3) and not answered_unknown:
        if "--json" in args and not err.strip():  # under --json the error is one JSON document on stdout
            doc = json.loads(result.stdout)
            assert doc["format"] == "natlat_sym.error" and "\n" not in doc["error"]["message"], (args, doc)
        else:
            assert len(err.strip().splitlines()) == 1, (args, err)
