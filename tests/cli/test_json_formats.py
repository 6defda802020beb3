"""Machine-readable output (issue 11, item 4): every ``--json`` output and
every file is one document tagged ``natlat_sym.<kind>`` + ``version`` and
valid against its published JSON Schema; errors under ``--json`` are JSON
on stdout with the usual exit codes; ``--latex`` prints only LaTeX."""

import json
from pathlib import Path

import jsonschema
import pytest

from natlat_sym import formats
from cli_run import run

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
DSBS = str(EXAMPLES / "dsbs.json")


def test_every_schema_is_a_valid_schema_and_names_its_kind():
    for kind in formats.KINDS:
        s = formats.schema(kind)
        jsonschema.Draft202012Validator.check_schema(s)
        fmt = s["properties"]["format"]
        assert fmt.get("const", (fmt.get("enum") or [None])[0]) == f"natlat_sym.{kind}"


@pytest.mark.parametrize("args,kind,code", [
    (("prove", "I(X;Z) <= I(X;Y)", "--given", "m: I(X;Z|Y) = 0", "--json"), "proof_result", 0),
    (("prove", "H(X) <= I(X;Y)", "--json"), "proof_result", 1),
    (("prove", "H(X) <= H(Y)", "--json", "--engine", "lp", "--timeout", "0.01"), "proof_result", None),
    (("tightest", "H(G|L) <= a*I(X1;X2|L) + H(G|X1) + H(G|X2)", "--json"), "tightest_result", 0),
    (("eval", "I(X1;X2)", "--dist", DSBS, "--json"), "evaluation", 0),
    (("eval", "I(X1;X2)", "--dist", DSBS, "--json", "--exact"), "evaluation", 0),
    (("eval", "I(X1;X2) <= 1/2", "--dist", DSBS, "--json"), "instance_verdict", 1),
    (("list", "--json"), "catalog_list", 0),
    (("check", "mutual_info_le_of_markov_chain", "--json", "--no-progress"), "catalog_report", 0),
    (("show", "mutual_info_le_of_markov_chain", "--json"), "theorem", 0),
    (("dist", "dsbs", "--param", "p=1/10"), "distribution", 0),
    (("decide", "I(X;Y,Z) = 0", "-g", "I(X;Y|Z) = 0", "-g", "I(X;Z|Y) = 0", "--json", "--no-shannon"),
     "exact_decision", 1),
    (("search", "I(X;Y) <= 0", "--json", "--starts", "2"), "search_result", 1),
    (("naturality", DSBS, "--json"), "naturality_report", 0),
])
def test_json_outputs_are_tagged_and_valid(args, kind, code):
    got, out, _ = run(*args)
    if code is not None:
        assert got == code
    doc = json.loads(out)
    assert list(doc)[:2] == ["format", "version"]
    assert formats.validate(doc) == kind


def test_certificate_and_distribution_files_are_valid(tmp_path):
    cert = tmp_path / "c.json"
    assert run("prove", "H(X|Y) <= H(X)", "--certificate", str(cert))[0] == 0
    assert formats.validate(json.loads(cert.read_text())) == "certificate"
    dist = tmp_path / "d.json"
    assert run("dist", "xor", "-o", str(dist))[0] == 0
    assert formats.validate(json.loads(dist.read_text())) == "distribution"
    out = json.loads(run("verify", str(cert), "--json")[1])
    assert formats.validate(out) == "verification" and out["valid"]


def test_legacy_distribution_files_are_still_read(tmp_path):
    legacy = json.loads(Path(DSBS).read_text())
    legacy["format"] = "natlat-distribution"
    path = tmp_path / "old.json"
    path.write_text(json.dumps(legacy))
    assert formats.validate(legacy) == "distribution"
    assert run("eval", "H(X1)", "--dist", str(path))[0] == 0


@pytest.mark.parametrize("args,code,kind", [
    (("prove", "H(X) <=", "--json"), 2, "bad_input"),
    (("eval", "I(X1;Q)", "--dist", DSBS, "--json"), 2, "bad_input"),
    (("eval", "H(X1)", "--dist", "/nonexistent.json", "--json"), 2, "bad_input"),
    (("show", "no_such_theorem", "--json"), 2, "bad_input"),
])
def test_errors_under_json_are_json_on_stdout(args, code, kind):
    got, out, err = run(*args)
    assert got == code and err == ""
    doc = json.loads(out)
    assert formats.validate(doc) == "error"
    assert doc["error"]["code"] == code and doc["error"]["kind"] == kind and doc["error"]["message"]


def test_errors_without_json_stay_one_line_on_stderr():
    code, out, err = run("prove", "H(X) <=")
    assert code == 2 and out == "" and err.startswith("natlat: error:") and len(err.strip().splitlines()) == 1


def test_latex_prints_only_latex():
    code, out, _ = run("prove", "H(G|L) <= I(X1;X2|L) + H(G|X1) + H(G|X2)", "--latex")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith("% natlat prove: proved")
    assert lines[1:3] == [r"\[", r"\begin{aligned}"] and lines[-2:] == [r"\end{aligned}", r"\]"]  # compiles as is
    assert not any(line.startswith(("statement:", "proved in")) for line in lines)
