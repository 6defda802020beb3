"""Machine-readable output on every command (issue 11, item 5): an error
under ``--json`` is one ``natlat_sym.error`` document on stdout with the
usual exit code — click's usage errors included — and ``--latex`` prints
only LaTeX (plain-text lines become LaTeX comments)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from natlat_sym import formats
from natlat_sym.cli import cli

BAD = {
    "prove": ["prove", "H(X) <=", "--json"],
    "tightest": ["tightest", "H(X) <=", "--json"],
    "verify": ["verify", "/no/such.json", "--json"],
    "eval": ["eval", "H(X)", "--dist", "/no/such.json", "--json"],
    "search": ["search", "H(X) <=", "--json"],
    "decide": ["decide", "H(X) <=", "--json"],
    "naturality": ["naturality", "/no/such.json", "--json"],
    "dist": ["dist", "dsbs", "--param", "q=1", "--json"],
    "experiment": ["experiment", "o1", "--start", "docs/examples/dsbs.json", "--json"],
    "verify-bound": ["verify-bound", "/no/such.json", "--json"],
    "check": ["check", "no_such_theorem", "--json"],
    "show": ["show", "no_such_theorem", "--json"],
    "export-coq": ["export-coq", "no_such_theorem", "-o", "/no/such/dir/x.v", "--json"],
    "list": ["list", "--json", "--no-such-option"],
}


def test_every_command_with_json_is_tested():
    with_json = {name for name, c in cli.commands.items() if any("--json" in getattr(p, "opts", ()) for p in c.params)}
    assert with_json == set(cli.commands)  # --json on every command
    assert with_json == set(BAD)


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_under_json_is_a_json_error_on_stdout(name):
    result = CliRunner().invoke(cli, BAD[name], catch_exceptions=False)
    assert result.exit_code == 2, result.output
    assert result.stderr == ""
    doc = json.loads(result.stdout)
    assert formats.validate(doc) == "error"
    assert doc["error"]["code"] == 2 and doc["error"]["kind"] == "bad_input" and "\n" not in doc["error"]["message"]


@pytest.mark.parametrize("args, needle", [
    (["prove", "H(X) >= 0", "--json", "--timeout", "nan"], "--timeout"),
    (["prove", "--json"], "missing argument"),
    (["prov", "H(X) >= 0", "--json"], "no such command"),
    (["experiment", "o1", "--budget", "inf", "--json"], "--budget"),
])
def test_usage_errors_under_json_are_json_too(args, needle):
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 2 and result.stderr == ""
    doc = json.loads(result.stdout)
    assert formats.validate(doc) == "error" and needle in doc["error"]["message"]


def test_usage_errors_without_json_stay_one_line_on_stderr():
    result = CliRunner().invoke(cli, ["prove", "H(X) >= 0", "--timeout", "nan"], catch_exceptions=False)
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("natlat: error:")


def test_show_latex_prints_only_latex():
    result = CliRunner().invoke(cli, ["show", "mutual_info_le_of_markov_chain", "--latex"], catch_exceptions=False)
    assert result.exit_code == 0
    in_block = False
    kinds = set()
    for line in result.stdout.splitlines():
        if line == r"\[":  # a displayed derivation: \[ \begin{aligned} ... \end{aligned} \]
            in_block = True
        if in_block or line.startswith(r"\["):
            kinds.add("math")
            assert not line.startswith("%") and "statement:" not in line and "[ok" not in line, line
        else:
            kinds.add("comment")
            assert line.startswith("%"), line  # every plain-text line is a LaTeX comment
        if line == r"\]":
            in_block = False
    assert kinds == {"math", "comment"} and not in_block
    # every aligned block is inside displayed math, so the output compiles as it is
    assert result.stdout.count("\\[\n\\begin{aligned}") == result.stdout.count("\\begin{aligned}") > 0
