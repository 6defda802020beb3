"""``natlat prove --copy/--non-shannon`` and ``natlat verify`` on copy-lemma
certificates, as a user runs them."""

import json

from cli_run import run

ZY = "2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)"


def test_zhang_yeung_non_shannon_exits_0_and_its_certificate_verifies(tmp_path):
    path = tmp_path / "zy.json"
    code, out, _ = run("prove", ZY, "--non-shannon", "--certificate", str(path))
    assert code == 0
    assert "proved" in out and "with the copy lemma: A_1 is a copy of A over C,D" in out
    code, out, _ = run("verify", str(path))
    assert code == 0 and out.startswith("valid: the certificate proves")


def test_explicit_copy_json_shows_the_copies():
    code, out, _ = run("prove", ZY, "--copy", "A | C,D", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["verdict"] == "proved"
    assert data["copies"] == [{"copy": ["A"], "over": ["C", "D"], "names": ["A_1"], "text": "A | C,D"}]
    assert data["certificate"]["copies"] == [{"copy": ["A"], "over": ["C", "D"], "names": ["A_1"]}]
    assert "copy lemma" in data["derivation"]["text"]


def test_tampered_copy_certificate_fails_verify_with_exit_1(tmp_path):
    path = tmp_path / "zy.json"
    assert run("prove", ZY, "--copy", "A | C,D", "--certificate", str(path))[0] == 0
    data = json.loads(path.read_text())
    data["copies"][0]["over"] = ["C", "B"]
    path.write_text(json.dumps(data))
    code, out, err = run("verify", str(path))
    assert code == 1  # well-formed but does not prove its statement (issue 9): failed, with the reason
    assert out.startswith("invalid") and "copy step 1 is over" in out


def test_bad_copy_spec_is_a_one_line_error():
    code, _, err = run("prove", ZY, "--copy", "A | A")
    assert code == 2
    assert err.strip() == "natlat: error: --copy 1: copy spec 'A | A': A is both copied and conditioned on"
