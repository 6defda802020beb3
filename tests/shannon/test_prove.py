"""The prover on the corpus: both engines agree, every answer is checked exactly."""

from fractions import Fraction

import pytest

from corpus import INVALID, VALID
from natlat_sym.errors import NonlinearError, StatementError
from natlat_sym.shannon.certificate import (HypothesisForm, certificate_from_json, check_certificate,
                                            check_witness)
from natlat_sym.shannon.linear import LinearForm as F
from natlat_sym.shannon.parse import parse_statement
from natlat_sym.proving import prove
from natlat_sym.shannon.claim import Claim
from natlat_sym.shannon.prove import NOT_REALIZED, SMALL_CONE_IS_ENTROPIC, prove_forms
from natlat_sym.verdicts import Verdict


def _ids(items):
    return [t + (" | " + "; ".join(g) if g else "") for t, g in items]


def test_corpus_size():
    assert len(VALID) >= 40 and len(INVALID) >= 40


@pytest.mark.parametrize("engine", ["lp", "z3"])
@pytest.mark.parametrize("text,given", VALID, ids=_ids(VALID))
def test_valid_statements_are_proved(text, given, engine):
    s = parse_statement(text, given=given)
    r = prove(s, engine=engine, realize=False)
    assert r.verdict == "proved", r.reason
    # re-check independently from the statement's own normal form
    check_certificate(r.certificate, expected_target=s.conclusion.normal_form(),
                      expected_hypotheses=s.hypothesis_forms())
    assert r.steps == r.certificate.steps()
    assert r.to_json()["verdict"] == "proved" and "certificate" in r.to_json()


@pytest.mark.parametrize("engine", ["lp", "z3"])
@pytest.mark.parametrize("text,given", INVALID, ids=_ids(INVALID))
def test_invalid_statements_are_not_proved(text, given, engine):
    # Without a distribution (realize=False) a violating cone point says
    # "false" only on <= 3 variables with no hypotheses; otherwise only
    # "not provable from Shannon inequalities".
    s = parse_statement(text, given=given)
    r = prove(s, engine=engine, realize=False)
    check_witness(r.witness, s.hypothesis_forms(), s.conclusion.normal_form(), s.conclusion.sense)
    assert r.distribution is None
    if not given and len(s.conclusion.normal_form().variables()) <= 3:
        assert r.verdict == Verdict.REFUTED and r.note == SMALL_CONE_IS_ENTROPIC, r.reason
    else:
        assert r.verdict == Verdict.NOT_PROVABLE and r.note == NOT_REALIZED, r.reason
    out = r.to_json()
    assert out["verdict"] == r.verdict.value and "polymatroid" in out["counterexample"]


def test_prove_accepts_text():
    assert prove("H(X|Y) <= H(X)").verdict == "proved"


def test_equality_needs_two_pieces():
    r = prove("I(X;Y,Z) = I(X;Y) + I(X;Z|Y)")
    assert r.verdict == "proved" and len(r.certificate.pieces) == 2


def test_dpi_certificate_uses_the_markov_hypothesis():
    r = prove(parse_statement("I(X;Z) <= I(X;Y)", given=["markov: I(X;Z|Y) = 0"]))
    assert r.certificate.uses() == ("markov",)


def test_statement_a_certificate_is_small_and_integral():
    s = parse_statement("I(M;X1,X2|L) <= I(X1;X2|L) + I(M;X1|X2) + I(M;X2|X1)",
                        given=["markov: I(L;M|X1,X2) = 0"])
    r = prove(s)
    piece = r.certificate.pieces[0]
    assert r.steps <= 6
    assert all(Fraction(w).denominator == 1 for _, w in piece.basic)


def test_han_perturbed_witness_is_exact_polymatroid():
    names = ["X1", "X2", "X3", "X4", "X5"]
    full = frozenset(names)
    han = sum((F.entropy(full - {v}) for v in names), F()) - 4 * F.entropy(full)
    assert prove_forms(han, "<=", ()).verdict == "proved"
    bad = han - Fraction(1, 10**8) * F.entropy(full)
    assert prove_forms(bad, "<=", ()).verdict == "not_provable"   # the cone layer alone: a polymatroid
    r = prove(Claim(bad, "<="))                                     # the facade realises a distribution
    assert r.verdict == "refuted" and r.distribution is not None
    assert r.witness.value(bad) < 0


def test_symmetric_engine_on_han_11_gives_checked_certificate():
    names = [f"X{i}" for i in range(1, 12)]
    full = frozenset(names)
    han = sum((F.entropy(full - {v}) for v in names), F()) - 10 * F.entropy(full)
    r = prove_forms(han, "<=", (), timeout=60)
    assert r.verdict == "proved"
    check_certificate(r.certificate, expected_target=han)


def test_parameters_are_nonnegative_coordinates():
    s = parse_statement("I(X;Z) <= eps", given=["I(X;Y) <= eps", "I(X;Z|Y) = 0"])
    r = prove(s)
    assert r.verdict == "proved"


def test_constant_terms_are_homogenised():
    hyp = HypothesisForm("small", F.const(1) - F.entropy({"X"}), ">=")   # H(X) <= 1
    r = prove_forms(F.const(2) - F.cond_entropy({"X"}, {"Y"}), "<=", (hyp,))   # H(X|Y) <= 2
    assert r.verdict == "proved"
    r = prove(Claim(F.const(Fraction(1, 2)) - F.entropy({"X"}), "<=", (hyp,)))  # H(X) <= 1/2: false
    assert r.verdict == "refuted"
    assert r.witness.value(F.entropy({"X"})) > Fraction(1, 2)


def test_nonlinear_free_coefficient_is_rejected():
    s = parse_statement("I(X;Y) <= c*H(X)")
    with pytest.raises(NonlinearError, match="tightest"):
        prove(s)


def test_budget_gives_unknown():
    r = prove("H(X1,X2,X3) <= H(X1) + H(X2) + H(X3)", max_variables=2)
    assert r.verdict == "unknown" and "max_variables=2" in r.reason


def test_bad_engine_and_sense():
    with pytest.raises(StatementError, match="engine"):
        prove("I(X;Y) >= 0", engine="cplex")
    with pytest.raises(StatementError, match="sense"):
        prove_forms(F.entropy({"X"}), "<", ())
    with pytest.raises(StatementError, match="HypothesisForm"):
        prove_forms(F.entropy({"X"}), ">=", ("H(X) >= 0",))


def test_timeout_gives_unknown():
    names = [f"X{i}" for i in range(1, 11)]
    import random
    rng = random.Random(3)
    f = F()
    for _ in range(20):
        a, b = rng.sample(names, 2)
        rest = [v for v in names if v not in (a, b)]
        f = f + F.mutual_information({a}, {b}, set(rng.sample(rest, 4)))
    r = prove_forms(f, ">=", (), timeout=0.001)
    assert r.verdict == "unknown" and "budget" in r.reason


def test_certificate_json_roundtrip_rechecks():
    r = prove(parse_statement("H(G|L) <= I(X1;X2|L) + H(G|X1) + H(G|X2)"))
    again = certificate_from_json(r.certificate.to_json())
    check_certificate(again)
    assert again.digest() == r.certificate.digest()


def test_functional_dependences_reduce_the_problem_and_fold_back_into_the_certificate(monkeypatch):
    # Implied equalities H(A|S) = 0 of each H(A|B) = 0 are extra LP rows; their
    # multipliers must come back as basic inequalities plus the original
    # hypothesis, so the certificate cites nothing else and still checks.
    import natlat_sym.shannon.decide as prover
    from natlat_sym.shannon.certificate import check_certificate
    from natlat_sym.shannon.parse import parse_statement

    folded = []
    original = prover._fold_implied

    def spy(piece, hyps, implied):
        folded.append(any(list(piece.hypotheses)[len(hyps):]))
        return original(piece, hyps, implied)

    monkeypatch.setattr(prover, "_fold_implied", spy)
    xs = [f"X{i}" for i in range(1, 8)]
    hyps = [f"H({xs[i]}|{xs[i - 1]},{xs[i - 2]}) = 0" for i in range(2, len(xs))]
    st = parse_statement(f"H({','.join(xs)}) <= H(X1) + H(X2)", given=hyps)
    r = prove(st)
    assert r.verdict == "proved" and any(folded)
    assert len(r.certificate.hypotheses) == len(hyps)
    check_certificate(r.certificate, expected_target=st.conclusion.normal_form(),
                      expected_hypotheses=st.hypothesis_forms())
    assert prove(parse_statement(f"H({','.join(xs)}) <= H(X1)", given=hyps)).verdict == "refuted"
