"""Counterexample search: the two bars of issue 3, reproducibility, bad input."""

import pytest

from natlat_sym.errors import StatementError
from natlat_sym.finite._exact_logs import log_combination
from natlat_sym.finite.search import find_counterexample
from natlat_sym.shannon.linear import LinearForm as F
from natlat_sym.shannon.parse import parse_statement

T3_NO_THIRD = "I(G;X1,X2|L) <= I(X1;X2|L) + I(G;X1|X2) + I(G;X2|X1)"
MARKOV = "I(L;M|X1,X2) = 0"


def test_finds_xor_counterexample_to_t3_without_third_diagram():
    r = find_counterexample(T3_NO_THIRD, seed=0, starts=20)
    assert r.found and r.distribution.is_exact
    lo, hi = r.margin
    assert lo <= hi < 0
    # independent exact re-check of the violation
    target = parse_statement(T3_NO_THIRD).conclusion.normal_form()
    assert log_combination(r.distribution.pmf, r.distribution.names, target).sign() < 0


def test_statement_a_half_is_refuted_with_exact_markov_hypothesis():
    s = parse_statement("I(M;X1,X2|L) <= I(X1;X2|L) + c*(I(M;X1|X2)+I(M;X2|X1))", given=[MARKOV])
    r = find_counterexample(s, seed=1, starts=20, parameters={"c": "1/2"})
    assert r.found and r.margin[1] < 0
    assert "I(L;M|X1,X2) = 0" in r.structure
    d = r.distribution
    markov = F.mutual_information({"L"}, {"M"}, {"X1", "X2"})
    assert log_combination(d.pmf, d.names, markov).is_zero()


def test_true_statement_is_not_refuted():
    s = parse_statement("I(M;X1,X2|L) <= I(X1;X2|L) + I(M;X1|X2)+I(M;X2|X1)", given=[MARKOV])
    r = find_counterexample(s, seed=0, starts=4)
    assert not r.found and r.distribution is None and r.margin is None


def test_seed_reproduces_exactly():
    a = find_counterexample(T3_NO_THIRD, seed=3, starts=10)
    b = find_counterexample(T3_NO_THIRD, seed=3, starts=10)
    assert a.found == b.found and a.margin == b.margin and a.evaluations == b.evaluations
    assert a.distribution == b.distribution


def test_progress_callback_and_json():
    calls = []
    r = find_counterexample(T3_NO_THIRD, seed=0, starts=5, progress=lambda k, n: calls.append((k, n)))
    assert calls and calls[-1][1] == 5
    j = r.to_json()
    assert j["found"] is True and j["margin"] is not None


@pytest.mark.parametrize("kwargs, msg", [
    ({"alphabets": (2, 2)}, "alphabet sizes given"),
    ({"alphabets": (2, 0, 2, 2)}, "positive integer"),
    ({"starts": 0}, "starts"),
])
def test_bad_input(kwargs, msg):
    with pytest.raises(StatementError, match=msg):
        find_counterexample(T3_NO_THIRD, **kwargs)


def test_missing_parameter_value():
    with pytest.raises(StatementError, match="parameter"):
        find_counterexample("I(X;Y) <= eps")


def test_not_a_statement():
    with pytest.raises(StatementError):
        find_counterexample(42)
