"""Every distribution the prover attaches to a refutation really violates the
statement, judged by the independent certified evaluator on the statement as
parsed (not on the prover's internal forms)."""

import pytest

from natlat_sym.finite.evaluate import check_on
from natlat_sym.shannon.parse import parse_statement
from natlat_sym.proving import prove
from natlat_sym.verdicts import Verdict

from .corpus import INVALID

# Cases where a distribution must be found: all refutations on <= 3 variables.
SMALL = [(c, h) for c, h in INVALID if len(parse_statement(c, given=h).variables()) <= 3]


@pytest.mark.parametrize("conclusion,hypotheses", INVALID)
def test_attached_distribution_violates_the_statement(conclusion, hypotheses):
    # regression: a sense-convention mismatch made the realizer return a
    # distribution SATISFYING "I(X;Y|Z) <= I(X;Y)" (X=Y=Z), shown as a counterexample
    st = parse_statement(conclusion, given=hypotheses)
    r = prove(st)
    assert r.verdict in (Verdict.REFUTED, Verdict.NOT_PROVABLE)
    # "refuted" (false) needs a distribution, or a cone point on <= 3 variables without hypotheses
    assert r.verdict == Verdict.NOT_PROVABLE or r.distribution is not None or (
        not hypotheses and len(st.conclusion.normal_form().variables()) <= 3)
    if r.distribution is not None:
        assert r.verdict == Verdict.REFUTED
        # a counterexample with parameters is a distribution plus their values
        v = check_on(st, r.distribution, parameters=dict(r.witness.parameters) or None)
        assert v.verdict == "violated" and not v.vacuous


@pytest.mark.parametrize("conclusion,hypotheses", SMALL)
def test_small_refutations_come_with_a_distribution(conclusion, hypotheses):
    r = prove(parse_statement(conclusion, given=hypotheses))
    assert r.distribution is not None, r.note


def test_textbook_example_counterexample_is_xor_like():
    st = parse_statement("I(X;Y|Z) <= I(X;Y)")
    r = prove(st)
    v = check_on(st, r.distribution)
    assert v.verdict == "violated"
    assert v.margin.hi < 0
