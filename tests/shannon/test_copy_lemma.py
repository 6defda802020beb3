"""Non-Shannon proofs with the copy lemma: the prover, the certificate format
(version 2, ``copies``), the trusted checker's re-derivation of the granted
equalities, and the single-step ``non_shannon`` search."""

import copy
import json
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from natlat_sym.errors import CertificateError, StatementError
from natlat_sym.shannon.basic_inequalities import BasicInequality
from natlat_sym.shannon.certificate import certificate_from_json, check_certificate
from natlat_sym.shannon.copy_lemma import CopyFact, CopySpec, fact_form, granted_facts, name_copies
from natlat_sym.shannon.derivation import derive
from natlat_sym.shannon.linear import LinearForm
from natlat_sym.shannon.parse import parse_statement
from natlat_sym.proving import prove
from natlat_sym.shannon.prove import prove_forms
from natlat_sym.verdicts import Verdict

ZY = "2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)"
INGLETON = "I(A;B) <= I(A;B|C) + I(A;B|D) + I(C;D)"
V = ("A", "B", "C", "D")


@pytest.fixture(scope="module")
def zy_result():
    return prove(ZY, copies=["A | C,D"], realize=False)


def recheck(data):
    """What ``natlat verify`` does: parse the statement afresh and check against it."""
    cert = certificate_from_json(data)
    s = parse_statement(cert.statement)
    check_certificate(cert, expected_target=s.conclusion.normal_form(), expected_hypotheses=s.hypothesis_forms())
    return cert


# ----------------------------------------------------------------------------- copy specs

def test_copy_spec_text_round_trip_and_default_names():
    spec = CopySpec.parse(" C , D | A,B ")
    assert (spec.copied, spec.over, str(spec)) == (("C", "D"), ("A", "B"), "C,D | A,B")
    steps = name_copies([spec, "C_1 | A"], V)
    assert steps[0].names == ("C_1", "D_1")
    assert steps[1].names == ("C_1_2",)  # the copy of C_1 made by step 2


def test_copy_names_avoid_statement_variables():
    steps = name_copies(["A | B"], ("A", "B", "A_1"))
    assert steps[0].names == ("A_copy1",)


@pytest.mark.parametrize("text, message", [
    ("| A", "nothing to copy"),
    ("A | A,B", "A is both copied and conditioned on"),
    ("A,A | B", "A is copied twice"),
    ("A | B | C", "more than one '|'"),
    ("A+ | B", "is not a variable name"),
])
def test_bad_copy_specs_are_one_line_statement_errors(text, message):
    with pytest.raises(StatementError, match=message):
        CopySpec.parse(text)


def test_copy_of_an_unknown_variable_is_bad_input():
    with pytest.raises(StatementError, match="Z is not a variable of the statement"):
        prove(ZY, copies=["A,Z | C"])


def test_granted_facts_are_exactly_the_copy_lemma_equalities():
    steps = name_copies(["A | C,D"], V)
    forms = {f: fact_form(steps, V, f) for f in granted_facts(steps)}
    # nonempty S ⊆ {A} times T ⊆ {C,D}: 4 "same" facts, plus one independence
    assert len(forms) == 5
    same = CopyFact(1, "same", frozenset({"A"}), frozenset({"C"}))
    assert forms[same] == LinearForm.entropy({"A_1", "C"}) - LinearForm.entropy({"A", "C"})
    assert forms[CopyFact(1, "independent")] == LinearForm.mutual_information({"A_1"}, {"A", "B"}, {"C", "D"})


# ----------------------------------------------------------------------------- Zhang–Yeung

def test_zhang_yeung_is_not_proved_from_shannon_inequalities_alone():
    r = prove(ZY, realize=False)
    assert r.verdict != Verdict.PROVED
    assert r.certificate is None and r.witness is not None


def test_zhang_yeung_proved_with_an_explicit_copy(zy_result):
    r = zy_result
    assert r.verdict == Verdict.PROVED
    cert = r.certificate
    assert [str(c) for c in cert.copies] == ["A | C,D"]
    assert cert.copies[0].names == ("A_1",)
    assert cert.variables == V  # the copy is recorded as a copy, not as a statement variable
    assert any(f.kind == "independent" for p in cert.pieces for f, _ in p.copy_facts)
    recheck(cert.to_json())


def test_another_copy_does_not_prove_zhang_yeung():
    r = prove(ZY, copies=["B | A"], realize=False)
    assert r.verdict != Verdict.PROVED
    # the witness is a point of the extended cone: it has coordinates for the copy
    assert "B_1" in r.witness.variables


def test_non_shannon_search_proves_zhang_yeung():
    r = prove(ZY, non_shannon=True, realize=False)
    assert r.verdict == Verdict.PROVED
    assert r.certificate.copies and "copy lemma" in r.note
    recheck(json.loads(json.dumps(r.certificate.to_json())))


def test_copy_certificate_json_round_trip(zy_result):
    data = zy_result.certificate.to_json()
    assert data["version"] == 2
    assert data["copies"] == [{"copy": ["A"], "over": ["C", "D"], "names": ["A_1"]}]
    back = certificate_from_json(json.loads(json.dumps(data)))
    assert back == zy_result.certificate
    assert back.digest() == zy_result.certificate.digest()


def test_shannon_certificates_keep_format_version_1():
    data = prove("H(X|Y) <= H(X)").certificate.to_json()
    assert data["version"] == 1 and "copies" not in data
    assert all("copy_facts" not in p for p in data["pieces"])
    recheck(data)


def test_derivation_of_a_copy_certificate_cites_the_copy_lemma(zy_result):
    d = derive(zy_result.certificate, parse_statement(ZY))
    text = d.text()
    assert "copy lemma: I(A_1;A,B|C,D) = 0" in text
    assert text.splitlines()[0] == "2*I(C;D)"


# ----------------------------------------------------------------------------- tampering

def _tampered(zy_result, edit):
    data = copy.deepcopy(zy_result.certificate.to_json())
    edit(data)
    return data


@pytest.mark.parametrize("edit, message", [
    # a conditioning group that no longer covers the cited H(A_1,C,D) = H(A,C,D)
    (lambda d: d["copies"][0].update(over=["C"]), "copy step 1 is over C, not over"),
    # a larger conditioning group covers every cited fact, but grants a different independence
    (lambda d: d["copies"][0].update(over=["B", "C", "D"]), "the identity fails"),
    (lambda d: d["copies"][0].update(copy=["B"]), "copies B, not A"),
    (lambda d: d["copies"][0].update(names=["B"]), "the copy name B is already a variable"),
    (lambda d: d.pop("copies"), "makes no copies"),
    (lambda d: d.update(version=1), "'copies' needs version 2"),
    (lambda d: d["pieces"][0]["copy_facts"][0].update(step=2), "cites step 2"),
    (lambda d: d["pieces"][0]["copy_facts"][0].update(fact="ingleton"), "unknown fact kind"),
    (lambda d: d["pieces"][0]["copy_facts"][0].update(copied="A"), "must be a list"),
])
def test_tampered_copy_spec_is_rejected(zy_result, edit, message):
    data = _tampered(zy_result, edit)
    with pytest.raises(CertificateError, match=message):
        recheck(data)


def test_checker_trusts_no_equality_from_the_file(zy_result):
    # a fact's multiplier changed: the re-derived equalities no longer sum to the target
    data = _tampered(zy_result, lambda d: d["pieces"][0]["copy_facts"][-1].update(multiplier="-2"))
    with pytest.raises(CertificateError, match="the identity fails"):
        recheck(data)


# ----------------------------------------------------------------------------- soundness of the search

@pytest.mark.parametrize("statement", ["I(X;Y|Z) <= I(X;Y)", "I(A;B) <= I(A;B|C) + I(C;D)"])
def test_false_statements_are_refuted_with_a_distribution_under_non_shannon(statement):
    r = prove(statement, non_shannon=True, timeout=60)
    assert r.verdict == Verdict.REFUTED
    assert r.distribution is not None


def test_exhausted_search_says_not_provable_never_refuted():
    r = prove(INGLETON, non_shannon=True, realize=False, timeout=120)
    assert r.verdict == Verdict.NOT_PROVABLE
    assert "Shannon-type inequalities and the copy lemma" in r.note
    assert "all 50 single-step copies" in r.note


def test_search_cut_short_by_the_budget_is_unknown_never_refuted():
    r = prove(INGLETON, non_shannon=True, realize=False, timeout=1.0)
    assert r.verdict in (Verdict.UNKNOWN, Verdict.NOT_PROVABLE)
    if r.verdict == Verdict.UNKNOWN:
        assert "copy search covered" in r.reason or "budget" in r.reason


def _random_shannon_form(draw):
    """A nonnegative combination of random basic inequalities on A..D: Shannon-valid."""
    names = list(V)
    form = LinearForm()
    for _ in range(draw(st.integers(1, 3))):
        labels = draw(st.lists(st.integers(0, 3), min_size=4, max_size=4))
        a = frozenset(n for n, l in zip(names, labels) if l == 1)
        b = frozenset(n for n, l in zip(names, labels) if l == 2)
        c = frozenset(n for n, l in zip(names, labels) if l == 3)
        if a and b:
            ineq = BasicInequality.mutual_information(a, b, c)
        elif a:
            ineq = BasicInequality.cond_entropy(a, b | c)
        else:
            continue
        form = form + ineq.form() * Fraction(draw(st.integers(1, 3)))
    return form


@st.composite
def shannon_statements_with_a_copy(draw):
    form = _random_shannon_form(draw)
    copied = draw(st.lists(st.sampled_from(V), min_size=1, max_size=2, unique=True))
    over = draw(st.lists(st.sampled_from([v for v in V if v not in copied]), max_size=2, unique=True))
    return form, CopySpec(tuple(copied), tuple(over))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shannon_statements_with_a_copy())
def test_shannon_valid_statements_still_prove_with_a_copy(case):
    form, spec = case
    r = prove_forms(form, ">=", (), variables=V, copies=[spec], realize=False, timeout=60)
    assert r.verdict == Verdict.PROVED
    check_certificate(r.certificate, expected_target=form, expected_hypotheses=())
    again = certificate_from_json(json.loads(json.dumps(r.certificate.to_json())))
    check_certificate(again, expected_target=form, expected_hypotheses=())


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(("X", "Y", "Z")), min_size=1, max_size=2, unique=True), st.data())
def test_a_false_statement_is_never_proved_with_any_copy(copied, data):
    over = data.draw(st.lists(st.sampled_from([v for v in ("X", "Y", "Z") if v not in copied]), unique=True))
    r = prove("I(X;Y|Z) <= I(X;Y)", copies=[CopySpec(tuple(copied), tuple(over))], realize=False)
    assert r.verdict != Verdict.PROVED
