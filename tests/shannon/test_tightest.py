"""Tightest constants: exact optimum, certificate at it, witnesses below it."""

from fractions import Fraction

import pytest

from natlat_sym.errors import StatementError
from natlat_sym.shannon.certificate import check_certificate, check_witness
from natlat_sym.shannon.parse import parse_statement
from natlat_sym.shannon.tightest import tightest

MK = ["markov: I(L;M|X1,X2) = 0"]
A = "I(M;X1,X2|L) <= I(X1;X2|L) + c*(I(M;X1|X2) + I(M;X2|X1))"


def _check_optimality(s, r):
    concl = s.conclusion.normal_form()
    check_certificate(r.certificate, expected_target=concl.substitute(r.values),
                      expected_hypotheses=s.hypothesis_forms())
    for c, w in r.witnesses.items():
        for delta in (Fraction(1, 10**9), Fraction(1, 2)):
            lower = dict(r.values)
            lower[c] -= delta
            check_witness(w, s.hypothesis_forms(), concl.substitute(lower), ">=")


def test_statement_a_best_constant_is_one():
    s = parse_statement(A, given=MK)
    r = tightest(s)
    assert r.values == {"c": 1} and not r.infeasible
    assert set(r.witnesses) == {"c"}
    _check_optimality(s, r)
    assert r.to_json()["values"] == {"c": "1"}


def test_statement_a_without_markov_is_infeasible():
    r = tightest(parse_statement(A))
    assert r.infeasible and r.certificate is None


def test_statement_b_pareto_point():
    s = parse_statement("H(M|L) <= c1*I(X1;X2|L) + c2*(H(M|X1) + H(M|X2))", given=MK)
    r = tightest(s)
    assert r.values == {"c1": 1, "c2": 1}
    assert set(r.witnesses) == {"c1", "c2"}
    _check_optimality(s, r)


def test_t3_coefficients_are_1_1_1_2():
    s = parse_statement("I(G;X1,X2|L) <= a*I(X1;X2|L) + b*I(G;X1|X2) + d*I(G;X2|X1) + e*I(L;G|X1,X2)")
    r = tightest(s)
    assert r.values == {"a": 1, "b": 1, "d": 1, "e": 2}
    _check_optimality(s, r)


def test_t5_weak_redundancy_coefficient_is_n_minus_1():
    s = parse_statement("H(G|L) <= t*TC(X1;X2;X3|L) + H(G|X2,X3) + H(G|X1,X3) + H(G|X1,X2)")
    r = tightest(s)
    assert r.values == {"t": 2}
    _check_optimality(s, r)


def test_weights_select_a_pareto_point():
    s = parse_statement("I(X;Y) <= a*H(X) + b*H(Y)")
    r1 = tightest(s, weights={"a": 1, "b": 2})
    r2 = tightest(s, weights={"a": 2, "b": 1})
    assert r1.values == {"a": 1, "b": 0}
    assert r2.values == {"a": 0, "b": 1}


def test_bad_inputs():
    with pytest.raises(StatementError, match="no free coefficient"):
        tightest(parse_statement("I(X;Y) >= 0"))
    with pytest.raises(StatementError, match="not a free coefficient"):
        tightest(parse_statement("I(X;Y) <= c*H(X)"), weights={"z": 1})
    with pytest.raises(StatementError, match="positive"):
        tightest(parse_statement("I(X;Y) <= c*H(X)"), weights={"c": 0})
    with pytest.raises(StatementError, match="inequality"):
        tightest(parse_statement("I(X;Y) = c*H(X)"))
    with pytest.raises(StatementError, match="does not multiply"):
        tightest(parse_statement("I(X;Y) <= c*H(X)"), coefficients=["q"])


def test_rounding_never_settles_on_a_coarser_provable_value():
    # regression: the float optimum (1/3, 1/3) of spec T6 at n = 4 was rounded
    # to the provable but non-least (1/2, 1/2) at denominator 2
    from fractions import Fraction

    from natlat_sym.shannon.parse import parse_statement
    from natlat_sym.shannon.tightest import tightest

    r = tightest(parse_statement(
        "H(G|L) <= a*TC(X1;X2;X3;X4|L) + b*(H(G|X1) + H(G|X2) + H(G|X3) + H(G|X4))"))
    assert r.values == {"a": Fraction(1, 3), "b": Fraction(1, 3)}
    assert r.optimal and set(r.witnesses) == {"a", "b"}


def test_coefficient_parts_that_cancel_keep_their_variables():
    # regression: f0 + g_c + g_d = -H(X) + H(X|Y) + I(X;Y) = 0 lost X and Y
    # (KeyError 'X' in cone.mask_of); H(X) = H(X|Y) + I(X;Y) makes c = d = 1 least
    from natlat_sym.shannon.tightest import tightest

    r = tightest("H(X) <= c*H(X|Y) + d*I(X;Y)")
    assert r.values == {"c": 1, "d": 1} and r.optimal
