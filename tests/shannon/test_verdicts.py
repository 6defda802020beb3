"""Regression tests of the verdict vocabulary (issue 8): the prover says
*false* (``refuted``) only with a distribution, or with a cone point where
that alone proves falsity (at most 3 variables, no hypotheses); a violating
polymatroid otherwise gives ``not_provable``, never ``refuted``."""

from hypothesis import HealthCheck, given, settings, strategies as st

import natlat_sym.proving as prover
from natlat_sym.finite.evaluate import check_on
from natlat_sym.shannon.certificate import check_witness
from natlat_sym.shannon.parse import parse_statement
from natlat_sym.proving import prove
from natlat_sym.shannon.prove import NOT_REALIZED, REALIZED, SMALL_CONE_IS_ENTROPIC
from natlat_sym.verdicts import Truth, Verdict

ZHANG_YEUNG = "2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)"


def test_zhang_yeung_is_not_provable_not_refuted():
    # regression: this TRUE inequality was reported "refuted" (exit 1).  The
    # default path (with the realisation attempt) is tested through the CLI.
    r = prove(ZHANG_YEUNG, realize=False)
    assert r.verdict == Verdict.NOT_PROVABLE and r.verdict.exit_code == 5
    assert not r.is_false and r.distribution is None and r.note == NOT_REALIZED
    st_ = parse_statement(ZHANG_YEUNG)
    check_witness(r.witness, (), st_.conclusion.normal_form(), st_.conclusion.rel)
    out = r.to_json()
    assert out["verdict"] == "not_provable" and type(out["verdict"]) is str
    assert "polymatroid" in out["counterexample"] and "distribution" not in out["counterexample"]


def test_false_statement_is_refuted_with_a_distribution():
    st_ = parse_statement("I(X;Y|Z) <= I(X;Y)")
    r = prove(st_)
    assert r.verdict == Verdict.REFUTED and r.verdict.exit_code == 1 and r.note == REALIZED
    v = check_on(st_, r.distribution)
    assert v.verdict == Truth.VIOLATED and not v.vacuous
    assert set(r.to_json()["counterexample"]) == {"polymatroid", "distribution"}


def test_small_statement_without_hypotheses_is_refuted_by_the_cone_point_alone():
    r = prove("I(X;Y|Z) <= I(X;Y)", realize=False)
    assert r.verdict == Verdict.REFUTED and r.distribution is None
    assert r.note == SMALL_CONE_IS_ENTROPIC and "at most 3 random variables" in r.note


def test_hypotheses_at_three_variables_without_distribution_are_not_provable(monkeypatch):
    # with hypotheses the entropic points near the cone point need not satisfy
    # them: an unrealised witness never makes "refuted", even at n <= 3
    text, given = "I(X;Z) <= I(X;Y)", ["I(X;Y|Z) = 0"]
    assert prove(parse_statement(text, given=given), realize=False).verdict == Verdict.NOT_PROVABLE
    monkeypatch.setattr(prover, "realize_counterexample", lambda *a, **k: None)
    r = prove(parse_statement(text, given=given))
    assert r.verdict == Verdict.NOT_PROVABLE and r.witness is not None and r.distribution is None


def test_four_variables_without_distribution_are_not_provable(monkeypatch):
    monkeypatch.setattr(prover, "realize_counterexample", lambda *a, **k: None)
    r = prove("H(G|L) <= I(X1;X2|L) + H(G|X1)")
    assert r.verdict == Verdict.NOT_PROVABLE and r.note == NOT_REALIZED


def test_budget_gives_unknown():
    r = prove("I(A;B) <= I(A;B|C) + I(C;D) + H(E)", max_variables=2)
    assert r.verdict == Verdict.UNKNOWN and r.verdict.exit_code == 3 and "max_variables=2" in r.reason
    assert r.to_json()["verdict"] == "unknown"


def test_verdict_is_the_enum():
    assert isinstance(prove("H(X|Y) <= H(X)").verdict, Verdict)
    assert prove("H(X|Y) <= H(X)").to_json()["verdict"] == "proved"


# ----------------------------------------------------------------------------- property test
_VARS = ("A", "B", "C", "D")
_TERMS = ["H({a})", "H({a}|{b})", "I({a};{b})", "I({a};{b}|{c})", "H({a},{b})"]
_HYPS = ["I({a};{b}) = 0", "I({a};{b}|{c}) = 0", "H({a}|{b}) = 0"]


@st.composite
def _statements(draw):
    def term(pool):
        a, b, c = draw(st.permutations(_VARS))[:3]
        return draw(st.sampled_from(pool)).format(a=a, b=b, c=c)

    def side():
        k = draw(st.integers(1, 2))
        return " + ".join(f"{draw(st.integers(1, 2))}*{term(_TERMS)}" for _ in range(k))

    hyps = [term(_HYPS) for _ in range(draw(st.integers(0, 1)))]
    return parse_statement(f"{side()} <= {side()}", given=hyps)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_statements(), st.booleans())
def test_every_refutation_carries_its_evidence(statement, realize):
    # realize=False exercises the cone-point-only path (not_provable, or
    # refuted at <= 3 variables without hypotheses)
    r = prove(statement, timeout=20, realize=realize)
    if r.verdict in (Verdict.REFUTED, Verdict.NOT_PROVABLE):
        check_witness(r.witness, statement.hypothesis_forms(), statement.conclusion.normal_form(),
                      statement.conclusion.rel)
    if r.verdict == Verdict.REFUTED:
        # "<= 3 variables" counts those the normal form mentions: H(B|D) + I(D;B) = H(B)
        small = not statement.hypotheses and len(statement.conclusion.normal_form().variables()) <= 3
        assert r.distribution is not None or small, statement
        if r.distribution is not None:
            # independently: the statement as parsed, on the attached distribution
            v = check_on(statement, r.distribution)
            assert v.verdict == Truth.VIOLATED and not v.vacuous, statement
    elif r.verdict == Verdict.NOT_PROVABLE:
        assert r.distribution is None and r.witness is not None
    else:
        assert r.verdict in (Verdict.PROVED, Verdict.UNKNOWN)
