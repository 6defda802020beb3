"""Coq's kernel re-checks what natlat_sym exports, and rejects tampering.

Every test here runs ``coqc`` (marked ``needs_coqc``): skipped without Coq
outside CI, a failure under ``CI=true``.  Files are checked in parallel
(two ``coqc`` processes) where a test needs several.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natlat_sym.catalog import load_catalog
from natlat_sym.coq.catalog import proof_obligation_modules
from natlat_sym.coq.export import coq_file, export_certificate, to_coq
from natlat_sym.coq.run import run_coqc, run_many
from natlat_sym.errors import CertificateError
from natlat_sym.shannon.certificate import PolymatroidWitness, check_certificate, check_witness
from natlat_sym.shannon.parse import parse_statement
from natlat_sym.proving import prove

pytestmark = pytest.mark.needs_coqc

HAN3 = "2*H(X1,X2,X3) <= H(X1,X2) + H(X1,X3) + H(X2,X3)"
HAN3_STRONGER = "(2 + 1/100000000)*H(X1,X2,X3) <= H(X1,X2) + H(X1,X3) + H(X2,X3)"
ZHANG_YEUNG = "2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)"


def test_every_certified_catalog_proof_is_kernel_checked(coqc):
    catalog = load_catalog()
    modules, missing = [], []
    for theorem in catalog.theorems:
        mods = proof_obligation_modules(theorem)
        proofs = [o for o in theorem.obligations if o.kind in ("prove", "tight") and o.expect != "not_provable"]
        if len(mods) != len(proofs):  # copy-lemma (non-Shannon) proofs included
            missing.append(theorem.id)
        modules += mods
    assert not missing, f"prove/tight obligations without an exported certificate: {missing}"
    assert len(modules) >= 100
    names = {name for name, _ in modules}
    # the non-Shannon entries, proved with one and with two copy steps, are in the file
    assert {"zhang_yeung_inequality_obligation_1",
            "dougherty_freiling_zeger_first_inequality_obligation_1"} <= names
    text = coq_file(modules, title="catalog")
    assert text.count("Axiom copy_lemma") == 1
    result = run_coqc(text, timeout=900)
    assert result.ok, result.message
    assert result.version.startswith("8.")


def _han3():
    statement = parse_statement(HAN3)
    cert = prove(statement).certificate
    assert cert is not None and len(cert.pieces[0].basic) >= 2
    return statement, cert


def test_tampering_is_caught_by_the_kernel(coqc):
    statement, cert = _han3()
    piece = cert.pieces[0]
    (b0, lam0), *rest = piece.basic
    changed = replace(cert, pieces=(replace(piece, basic=((b0, lam0 + 1), *rest)),))
    dropped = replace(cert, pieces=(replace(piece, basic=tuple(rest)),))
    stronger = parse_statement(HAN3_STRONGER)
    # the trusted Python checker rejects each tampered version too ...
    for bad, st_ in ((changed, statement), (dropped, statement), (cert, stronger)):
        with pytest.raises(CertificateError):
            check_certificate(bad, expected_target=st_.conclusion.normal_form())
    # ... and so does Coq's kernel, on its own (export without the Python check)
    files = [to_coq(cert, statement, name="han3"),
             to_coq(cert, stronger, name="han3_stronger", check=False),
             to_coq(changed, statement, name="han3_changed_multiplier", check=False),
             to_coq(dropped, statement, name="han3_dropped_inequality", check=False)]
    valid, strengthened, multiplier, drop = run_many(files, jobs=2)
    assert valid.ok, valid.message
    for r in (strengthened, multiplier, drop):
        assert not r.ok
        assert r.message.startswith("line ") and "Error" in r.message, r.message


ZHANG_YEUNG_STRONGER = "(2 + 1/100000000)*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)"


def test_copy_lemma_tampering_is_caught_by_the_kernel(coqc):
    """Zhang–Yeung with one copy step: the export is accepted; a strengthened
    statement, a changed copy-fact multiplier or a dropped copy fact is not."""
    from natlat_sym.shannon.copy_lemma import CopySpec

    statement = parse_statement(ZHANG_YEUNG)
    cert = prove(statement, copies=(CopySpec.parse("A | C,D"),)).certificate
    piece = cert.pieces[0]
    (f0, c0), *rest = piece.copy_facts
    changed = replace(cert, pieces=(replace(piece, copy_facts=((f0, c0 + 1), *rest)),))
    dropped = replace(cert, pieces=(replace(piece, copy_facts=tuple(rest)),))
    stronger = parse_statement(ZHANG_YEUNG_STRONGER)
    for bad, st_ in ((changed, statement), (dropped, statement), (cert, stronger)):
        with pytest.raises(CertificateError):
            check_certificate(bad, expected_target=st_.conclusion.normal_form())
    # with a hypothesis the certificate uses (and a parameter), in the same file
    with_hyp = parse_statement("2*I(C;D) <= I(A;C,D) + 3*I(C;D|A) + I(C;D|B) + eps", given=["indep: I(A;B) <= eps"])
    hyp_cert = prove(with_hyp, copies=(CopySpec.parse("A | C,D"),)).certificate
    assert hyp_cert.pieces[0].hypotheses == (1,)
    files = [coq_file([("zhang_yeung", export_certificate(cert, statement, name="zhang_yeung")),
                       ("with_hypothesis", export_certificate(hyp_cert, with_hyp, name="zy_hyp"))]),
             to_coq(cert, stronger, name="zy_stronger", check=False),
             to_coq(changed, statement, name="zy_changed_copy_multiplier", check=False),
             to_coq(dropped, statement, name="zy_dropped_copy_fact", check=False)]
    valid, strengthened, multiplier, drop = run_many(files, jobs=2)
    assert valid.ok, valid.message
    for r in (strengthened, multiplier, drop):
        assert not r.ok
        assert r.message.startswith("line ") and "Error" in r.message, r.message


def test_reflective_checking_accepts_proofs_and_rejects_tampering(coqc):
    """Rows as data (rows_nonneg + the kernel-computed form): accepted for a
    plain, a hypothesised and parametrised, an equality and a copy-lemma
    certificate; a changed row multiplier, a dropped row or a strengthened
    statement is rejected."""
    from natlat_sym.shannon.copy_lemma import CopySpec

    statement, cert = _han3()
    t4 = parse_statement("H(Γ|Λ) <= eps + 2*delta", given=[
        "mediation: I(X1;X2|Λ) <= eps", "redundancy_1: H(Γ|X1) <= delta", "redundancy_2: H(Γ|X2) <= delta"])
    chain = parse_statement("I(X;Y,Z) == I(X;Y) + I(X;Z|Y)")
    zy = parse_statement(ZHANG_YEUNG)
    zy_cert = prove(zy, copies=(CopySpec.parse("A | C,D"),)).certificate
    good = coq_file([(name, export_certificate(c, s_, name=name, reflective=True)) for name, c, s_ in (
        ("han3", cert, statement), ("t4", prove(t4).certificate, t4), ("chain_rule", prove(chain).certificate, chain),
        ("zhang_yeung", zy_cert, zy))])
    assert good.count("rows_value_collect h rows1 _ rows1_form") >= 2 and "rows_value_collect g1 rows1" in good
    piece = cert.pieces[0]
    (b0, lam0), *rest = piece.basic
    changed = replace(cert, pieces=(replace(piece, basic=((b0, lam0 + 1), *rest)),))
    dropped = replace(cert, pieces=(replace(piece, basic=tuple(rest)),))
    stronger = parse_statement(HAN3_STRONGER)
    bad = [to_coq(changed, statement, name="changed", check=False, reflective=True),
           to_coq(dropped, statement, name="dropped", check=False, reflective=True),
           to_coq(cert, stronger, name="stronger", check=False, reflective=True)]
    results = run_many([good, *bad], jobs=2)
    assert results[0].ok, results[0].message
    for r in results[1:]:
        assert not r.ok and r.message.startswith("line ") and "Error" in r.message, r.message


def test_an_equality_hypothesis_cannot_repair_a_wrong_identity(coqc):
    """The identity is checked with every fact cleared: a wrong multiplier on an
    equality hypothesis is not rescued by using the hypothesis itself."""
    statement = parse_statement("I(X;Z) <= I(X;Y)", given=["markov: I(X;Z|Y) = 0"])
    cert = prove(statement).certificate
    piece = cert.pieces[0]
    assert piece.hypotheses and piece.hypotheses[0]
    wrong = replace(cert, pieces=(replace(piece, hypotheses=(piece.hypotheses[0] * 2,)),))
    with pytest.raises(CertificateError):
        check_certificate(wrong, expected_target=statement.conclusion.normal_form())
    good, bad = run_many([to_coq(cert, statement, name="markov"),
                          to_coq(wrong, statement, name="markov_wrong", check=False)], jobs=2)
    assert good.ok, good.message
    assert not bad.ok


def _witness(text):
    statement = parse_statement(text)
    r = prove(statement)
    assert r.witness is not None, r.verdict
    return statement, r.witness


def test_not_shannon_provable_witnesses_are_kernel_checked_and_a_perturbed_one_rejected(coqc):
    from natlat_sym.coq.export import export_witness

    st1, w1 = _witness("I(X;Y|Z) <= I(X;Y)")
    st2, w2 = _witness(ZHANG_YEUNG)
    ok_file = coq_file([("conditioning_can_increase_mutual_information", export_witness(w1, st1, name="not_provable")),
                        ("zhang_yeung_not_shannon_type", export_witness(w2, st2, name="not_provable"))])
    assert "~ (forall h : set -> R, polymatroid h ->" in ok_file
    # perturb one entropy so that monotonicity fails: H(X) above H(X,Y)
    ent = dict(w1.entropies)
    ent[frozenset({"X"})] = ent[frozenset({"X", "Y"})] + 1
    bad = PolymatroidWitness(w1.variables, ent, w1.parameters)
    with pytest.raises(CertificateError, match="not a polymatroid"):
        check_witness(bad, st1.hypothesis_forms(), st1.conclusion.normal_form(), st1.conclusion.sense)
    bad_file = coq_file([("perturbed", export_witness(bad, st1, name="not_provable", check=False))])
    good, perturbed = run_many([ok_file, bad_file], jobs=2)
    assert good.ok, good.message
    assert not perturbed.ok
    assert "witness_polymatroid" in bad_file and perturbed.message


VARS = ("A", "B", "C", "D", "E")


@st.composite
def valid_statements(draw):
    """A random Shannon-type inequality on n <= 5 variables: nonnegative
    multiples of H(·|·) and I(·;·|·) terms, some moved to the left side."""
    n = draw(st.integers(2, 5))
    names = VARS[:n]
    terms = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["H", "I"]))
        perm = draw(st.permutations(names))
        cut = draw(st.integers(1, n - 1))
        a, rest = perm[:cut], perm[cut:]
        w = draw(st.integers(1, 3))
        if kind == "H":
            given = rest[:draw(st.integers(0, len(rest)))]
            q = f"H({','.join(a)}|{','.join(given)})" if given else f"H({','.join(a)})"
        else:
            b = rest[:draw(st.integers(1, len(rest)))]
            c = rest[len(b):][:draw(st.integers(0, len(rest) - len(b)))]
            q = f"I({','.join(a)};{','.join(b)}|{','.join(c)})" if c else f"I({','.join(a)};{','.join(b)})"
        terms.append((w, q, draw(st.booleans())))
    left = " + ".join(f"{w}*{q}" for w, q, moved in terms if moved) or "0"
    right_terms = [f"{w}*{q}" for w, q, moved in terms if not moved]
    # sum_{moved} w q >= - sum_{not moved} w q, i.e. all terms >= 0 together
    rhs = ("-" + " - ".join(right_terms)) if right_terms else "0"
    return f"{left} >= {rhs}"


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_statements(), st.booleans())
def test_random_valid_statements_are_proved_and_kernel_checked(text, reflective):
    """Both proof styles: one cited lemma per row, and rows checked by computation."""
    from natlat_sym.coq.run import coq_version

    assert coq_version() is not None
    statement = parse_statement(text)
    result = prove(statement)
    assert result.verdict == "proved", (text, result.reason)
    r = run_coqc(to_coq(result.certificate, statement, name="random_inequality", reflective=reflective))
    assert r.ok, (text, reflective, r.message)


def test_check_coq_reports_each_entry_kernel_checked(coqc, tmp_path):
    import json

    from click.testing import CliRunner

    from natlat_sym.cli import cli

    res = CliRunner().invoke(cli, ["check", "mutual_info_le_of_markov_chain", "--coq", "--json",
                                   "--coq-dir", str(tmp_path)])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.output)
    assert doc["format"] == "natlat_sym.catalog_report"
    [entry] = doc["entries"]
    assert entry["coq"]["kernel_checked"] is True and entry["coq"]["error"] == ""
    text = (tmp_path / "mutual_info_le_of_markov_chain.v").read_text()
    assert entry["coq"]["theorems"] == text.count("\nTheorem ") >= 2
    assert text.count("Theorem mutual_info_le_of_markov_chain :") == 2  # the prove and tight obligations


def test_results_are_cached_by_content_atomically(coqc, tmp_path, monkeypatch):
    """Two threads checking the same file write one cache entry (no temporary left);
    an unchanged file is then answered from the cache without running coqc."""
    from natlat_sym.coq import run as coq_run

    text = "Theorem t : True. Proof. exact I. Qed."
    first = run_many([text, text], jobs=2, cache_dir=tmp_path)
    assert all(r.ok for r in first)
    assert [p.suffix for p in tmp_path.iterdir()] == [".json"]

    def no_coqc(*args, **kwargs):
        raise AssertionError("coqc must not run for a cached file")

    monkeypatch.setattr(coq_run, "run_coqc", no_coqc)
    again = coq_run.run_coqc_cached(text, tmp_path)
    assert again.ok and again.version == first[0].version
    with pytest.raises(AssertionError, match="must not run"):
        coq_run.run_coqc_cached(text + "\n", tmp_path)  # a changed file is checked again
