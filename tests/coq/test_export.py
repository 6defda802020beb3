"""The exporter without coqc: what the Coq theorem states, names, bad input."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from click.testing import CliRunner

from natlat_sym.cli import cli
from natlat_sym.coq.export import CoqNames, coq_proposition, export_certificate, theory_text, to_coq
from natlat_sym.errors import CertificateError, StatementError
from natlat_sym.shannon.certificate import PolymatroidWitness
from natlat_sym.shannon.parse import parse_statement
from natlat_sym.proving import prove

T4_MAX_FORM = parse_statement("H(Γ|Λ) <= eps + 2*delta", given=[
    "mediation: I(X1;X2|Λ) <= eps", "redundancy_1: H(Γ|X1) <= delta", "redundancy_2: H(Γ|X2) <= delta"])


def test_statement_is_printed_from_the_statement_with_parameters_and_named_hypotheses():
    names = CoqNames.of(T4_MAX_FORM)
    assert names.variables == {"X1": ("X1", 0), "X2": ("X2", 1), "Γ": ("Γ", 2), "Λ": ("Λ", 3)}
    assert coq_proposition(T4_MAX_FORM, names) == (
        "forall h : set -> R, polymatroid h ->\n"
        "  forall delta eps : R, 0 <= delta -> 0 <= eps ->\n"
        "  forall mediation : Ic h X1 X2 Λ <= eps,\n"
        "  forall redundancy_1 : Hc h Γ X1 <= delta,\n"
        "  forall redundancy_2 : Hc h Γ X2 <= delta,\n"
        "  Hc h Γ Λ <= eps + 2 * delta")


def test_groups_multi_measures_and_fractions():
    st = parse_statement("TC(X1;X2|L) + 1/2*I(X1,X2;M) >= H(L) - 3*I(X1;X2;M|L)")
    text = coq_proposition(st, CoqNames.of(st))
    assert text.splitlines()[-1] == (
        "  (Hc h X1 L + Hc h X2 L - Hc h (X1 ∪ X2) L) + (1/2) * I h (X1 ∪ X2) M >= "
        "H h L - 3 * (Hc h X1 L + Hc h X2 L + Hc h M L - Hc h (X1 ∪ X2) L - Hc h (M ∪ X1) L "
        "- Hc h (M ∪ X2) L + Hc h (M ∪ X1 ∪ X2) L)")


def test_names_that_clash_with_coq_get_a_variant():
    st = parse_statement("H(R|N) <= H(R)", given=["h: I(R;N) >= 0"])
    names = CoqNames.of(st)
    idents = {v: i for v, (i, _) in names.variables.items()}
    assert idents == {"N": "N_", "R": "R_"}
    assert names.hypotheses == ("h_",)


def test_the_theory_proves_the_basic_inequalities_rather_than_assuming_them():
    text = theory_text()
    assert "Lemma Ic_nonneg" in text and "Lemma Hc_nonneg" in text
    import re

    assert not re.search(r"^\s*(Axiom|Parameter|Conjecture|Admitted)\b", text, re.M)
    assert "Admitted" not in text


def test_multipliers_are_written_out_in_the_proof():
    r = prove(T4_MAX_FORM)
    body = export_certificate(r.certificate, T4_MAX_FORM, name="t4")
    assert "Ic_nonneg h poly X1 X2 (Γ ∪ Λ)" in body
    assert "refine (le_of_certificate _ _ 1 (" in body
    assert "((eps) - (Ic h X1 X2 Λ))" in body


def test_the_statement_comes_from_the_certificate_text_not_its_multipliers():
    r = prove(parse_statement("H(X|Y) <= H(X)"))
    text = to_coq(r.certificate, name="c")
    assert "Hc h X Y <= H h X." in text


def test_an_invalid_certificate_is_refused_before_coq():
    r = prove(parse_statement("H(X|Y) <= H(X)"))
    wrong = parse_statement("H(X) <= H(X|Y)")
    with pytest.raises(CertificateError):
        to_coq(r.certificate, wrong)


def test_free_coefficients_are_refused():
    st = parse_statement("H(X|Y) <= c*H(X)")
    with pytest.raises(StatementError, match="free coefficients"):
        coq_proposition(st, CoqNames.of(st))


def test_a_witness_needs_its_statement_and_must_refute_it():
    w = PolymatroidWitness(("X",), {frozenset({"X"}): Fraction(1)})
    with pytest.raises(StatementError):
        to_coq(w)
    with pytest.raises(CertificateError):
        to_coq(w, "H(X) >= 0")


def test_export_coq_cli_rejects_a_tampered_certificate_without_writing(tmp_path):
    runner = CliRunner()
    cert = tmp_path / "c.json"
    out = tmp_path / "c.v"
    res = runner.invoke(cli, ["prove", "H(X|Y) <= H(X)", "--certificate", str(cert)])
    assert res.exit_code == 0
    data = json.loads(cert.read_text())
    data["pieces"][0]["basic"][0]["multiplier"] = "2"
    cert.write_text(json.dumps(data))
    res = runner.invoke(cli, ["export-coq", str(cert), "-o", str(out)])
    assert res.exit_code == 2
    assert "identity fails" in res.output
    assert not out.exists()


def test_prove_coq_writes_the_file(tmp_path):
    out = tmp_path / "m.v"
    res = CliRunner().invoke(cli, ["prove", "I(X;Z) <= I(X;Y)", "-g", "markov: I(X;Z|Y) = 0", "--coq", str(out)])
    assert res.exit_code == 0, res.output
    text = out.read_text()
    assert "forall markov : Ic h X Z Y = 0," in text and "Theorem natlat_theorem" in text


ZHANG_YEUNG = "2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)"


def _zhang_yeung():
    from natlat_sym.shannon.copy_lemma import CopySpec

    st = parse_statement(ZHANG_YEUNG)
    r = prove(st, copies=(CopySpec.parse("A | C,D"),))
    assert r.verdict == "proved" and r.certificate.copies
    return st, r.certificate


def test_copy_lemma_certificates_export_as_theorems_about_entropic_functions():
    import re

    st, cert = _zhang_yeung()
    text = to_coq(cert, st, name="zhang_yeung")
    # the statement is printed from the user's statement, over entropic h of the original variables
    assert ("Theorem zhang_yeung :\nforall h : set -> R, entropic h ->\n"
            "  2 * I h C D <= I h A B + I h A (C ∪ D) + 3 * Ic h C D A + Ic h C D B.") in text
    # the copy construction is one general axiom of the theory, applied (not restated) per instance
    assert text.count("Axiom copy_lemma") == 1 and text.count("Axiom ") == 2
    assert "destruct (copy_lemma h 15%N 1%N 12%N 4%N ent eq_refl eq_refl eq_refl eq_refl)" in text
    # the copy A_1 of A (bit 0) sits at bit 0 + 4, past the four original variables
    assert "Definition A_1 : set := 16%N." in text
    # a Shannon-type file does not load the entropic theory (no axiom at all)
    shannon = to_coq(prove(parse_statement("H(X|Y) <= H(X)")).certificate, name="c")
    assert not re.search(r"^(Axiom|Parameter) ", shannon, re.M) and "entropic h" not in shannon


def test_the_entropic_theory_states_its_axioms_once_and_the_polymatroid_theory_has_none():
    import re

    from natlat_sym.coq.export import ENTROPIC_AXIOMS, entropic_theory_text

    assert re.findall(r"^Axiom (\w+)", entropic_theory_text(), re.M) == list(ENTROPIC_AXIOMS)
    assert re.findall(r"^Parameter (\w+)", entropic_theory_text(), re.M) == ["entropic"]
    assert not re.search(r"^\s*(Axiom|Parameter)\b", theory_text(), re.M)


def test_a_copy_fact_citing_a_missing_step_is_refused():
    from dataclasses import replace

    from natlat_sym.shannon.copy_lemma import CopyFact

    st, cert = _zhang_yeung()
    piece = cert.pieces[0]
    bad = replace(cert, pieces=(replace(piece, copy_facts=piece.copy_facts + ((CopyFact(2, "independent"), 1),)),))
    with pytest.raises(CertificateError, match="step 2"):
        to_coq(bad, st, check=False)


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0.5", "abc"])
def test_export_coq_timeout_is_a_finite_number_of_seconds(tmp_path, value):
    """--timeout uses the project's Seconds type: nan/inf/negative are one-line usage errors (exit 2)."""
    cert = tmp_path / "c.json"
    res = CliRunner().invoke(cli, ["prove", "H(X|Y) <= H(X)", "--certificate", str(cert)])
    assert res.exit_code == 0
    out = tmp_path / "c.v"
    res = CliRunner().invoke(cli, ["export-coq", str(cert), "-o", str(out), "--timeout", value])
    assert res.exit_code == 2
    err = res.stderr.strip().splitlines()
    assert len(err) == 1 and "--timeout" in err[0] and "Traceback" not in res.stderr, res.stderr
    assert not out.exists()
