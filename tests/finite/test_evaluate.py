"""Tests for natlat_sym.finite.evaluate: float, exact closed form, certified enclosure, verdicts."""

import json
import math
from fractions import Fraction as F

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from natlat_sym.errors import DistributionError, StatementError
from natlat_sym.finite.distribution import Distribution
from natlat_sym.finite.evaluate import (
    ExactValue, Interval, as_linear_form, check_on, closed_form, decide_sign, enclosure, exact_entropy,
    exact_value, float_value,
)
from natlat_sym.finite.families import dsbs, product, uniform, xor
from natlat_sym.shannon.linear import LinearForm
from natlat_sym.strategies import distributions, markov_chains

dit = pytest.importorskip("dit")


def h_sympy(p):
    p = sp.Rational(p.numerator, p.denominator)
    return -(p * sp.log(p, 2) + (1 - p) * sp.log(1 - p, 2))


def sym_equal(a, b) -> bool:
    return sp.simplify(sp.expand_log(a - b, force=True)) == 0


# ----------------------------------------------------------------- closed forms
@pytest.mark.parametrize("p", [F(1, 10), F(1, 3), F(2, 7), F(1, 2), F(0), F(1)])
def test_dsbs_mutual_information_is_one_minus_h(p):
    d = dsbs(p)
    expected = 1 - h_sympy(p) if 0 < p < 1 else sp.Integer(1)
    assert sym_equal(closed_form("I(X1;X2)", d), expected)
    box = enclosure("I(X1;X2)", d, precision=128)
    assert box.width < F(1, 2**100)
    assert box.contains(F(sp.Rational(sp.N(expected, 60)).limit_denominator(10**40))) or box.width == 0


def test_dsbs_one_tenth_closed_form_text():
    v = exact_value("I(X1;X2)", dsbs(F(1, 10)))
    assert str(v) == "9/5*log2(3) - log2(5)"
    assert abs(float(v) - (1 - (-(0.1 * math.log2(0.1) + 0.9 * math.log2(0.9))))) < 1e-15


def test_xor_exact_values():
    d = xor()
    assert exact_value("I(X1;X2)", d).is_zero()
    assert exact_value("I(X1;X2|X3)", d) == 1
    assert closed_form("I(X1;X2|X3)", d) == 1
    assert enclosure("I(X1;X2)", d) == Interval.point(0)


def test_exact_zero_detection_on_products():
    d = product(["1/3", "2/3"], ["1/7", "2/7", "4/7"], names=["A", "B"])
    assert exact_value("I(A;B)", d).is_zero()
    # floats that are exactly independent as binary rationals
    f = product([0.25, 0.75], [0.5, 0.125, 0.375], names=["A", "B"])
    assert not f.is_exact and exact_value("I(A;B)", f).is_zero()
    assert check_on("I(A;B) == 0", f).verdict == "holds"


def test_exact_entropy_and_exact_value_arithmetic():
    assert str(exact_entropy(uniform([3, 2], names=["A", "B"]), ["A", "B"])) == "log2(3) + 1"
    v = ExactValue.log2(15)
    assert v == ExactValue.log2(3) + ExactValue.log2(5)
    assert v != ExactValue.log2(3)
    assert (2 * ExactValue.log2(3)) == ExactValue.log2(9)
    assert ExactValue.log2(F(1, 8)) == -3
    with pytest.raises(ValueError):
        ExactValue.log2(0)


# ----------------------------------------------------------------- dit agreement
def dit_of(d: Distribution):
    return dit.Distribution.from_ndarray(np.asarray(d.to_float().pmf))


@settings(max_examples=30, deadline=None)
@given(distributions(st.sampled_from([(2, 2, 2), (3, 2, 3), (2, 3, 2, 2)]), exact=False))
def test_agrees_with_dit(d):
    dd = dit_of(d)
    n = len(d.names)
    names = d.names
    cmi = float_value(f"I({names[0]};{names[1]}|{names[2]})", d)
    assert abs(cmi - dit.multivariate.coinformation(dd, [[0], [1]], [2])) < 1e-12
    hj = float_value("H(" + ",".join(names) + ")", d)
    assert abs(hj - dit.multivariate.entropy(dd, list(range(n)))) < 1e-12
    exact = exact_value(f"I({names[0]};{names[1]}|{names[2]})", d)
    assert abs(float(exact) - cmi) < 1e-12


# ----------------------------------------------------------------- enclosures
def exact_sign_of_entropy_minus(d: Distribution, name: str, q: F) -> int:
    """Independent exact oracle: sign(H(name) - q) from integer arithmetic:
    H >= q  iff  prod p^(-p) >= 2^q; raise both sides to the common denominator D."""
    ps = [p for p in d.marginal([name]).pmf.flat if p]
    D = math.lcm(q.denominator, *[p.denominator for p in ps])
    lhs = F(1)
    for p in ps:
        lhs *= p ** int(-p * D)  # p^(-pD) with integer exponent -pD
    rhs = F(2) ** int(q * D)
    return (lhs > rhs) - (lhs < rhs)


@settings(max_examples=40, deadline=None)
@given(distributions(st.sampled_from([(2, 2), (3, 2)]), exact=True, max_weight=6),
       st.fractions(0, 2, max_denominator=6))
def test_certified_verdicts_never_contradict_exact_ones(d, q):
    truth = exact_sign_of_entropy_minus(d, "X1", q)
    form = LinearForm.entropy({"X1"}) - LinearForm.const(q)
    sign, box, _ = decide_sign(exact_value(form, d), precision=32)
    assert sign == truth
    assert box.contains(box.lo)
    v = check_on(form, d)
    assert v.verdict == ("violated" if truth < 0 else "holds")
    # the same claim with a too-small precision cap may be undecided, never wrong
    low = check_on(form, d, precision=16, max_precision=16)
    assert low.verdict in ("undecided", v.verdict)


@settings(max_examples=30, deadline=None)
@given(distributions((2, 3, 2), exact=True, max_weight=5))
def test_independence_decided_exactly(d):
    m = d.marginal(["X1", "X2"])
    a, b = d.marginal(["X1"]).pmf, d.marginal(["X2"]).pmf
    independent = all(m.pmf[i, j] == a[i] * b[j] for i in range(2) for j in range(3))
    v = check_on("I(X1;X2) == 0", d)
    assert v.verdict == ("holds" if independent else "violated")


@settings(max_examples=20, deadline=None)
@given(markov_chains((2, 3, 2), exact=True, max_weight=5))
def test_markov_chain_hypothesis_satisfied_and_data_processing_holds(d):
    v = check_on("I(X;Z|Y) == 0 => I(X;Z) <= I(X;Y)", d)
    assert v.hypotheses[0].status == "holds"
    assert v.verdict == "holds" and not v.vacuous
    assert v.margin.lo >= 0
    x = float_value("I(X;Y) - I(X;Z)", d)
    assert float(v.margin.lo) - 1e-12 <= x <= float(v.margin.hi) + 1e-12


def test_enclosure_contains_float_value_for_float_distribution():
    rng = np.random.default_rng(5)
    arr = rng.dirichlet(np.ones(12)).reshape(2, 3, 2)
    d = Distribution.from_array(arr, ["A", "B", "C"])
    box = enclosure("I(A;B|C)", d, precision=200)
    x = float_value("I(A;B|C)", d)
    assert float(box.lo) - 1e-14 <= x <= float(box.hi) + 1e-14
    assert box.width < F(1, 2**150)


def test_undecided_when_precision_cap_is_too_low():
    d = uniform([3], names=["X"])
    form = LinearForm.entropy({"X"}) - LinearForm.const(F(1584962500721, 10**12))  # log2 3 - 1.584962500721
    assert decide_sign(exact_value(form, d), precision=16, max_precision=16)[0] is None
    assert check_on(form, d, precision=16, max_precision=16).verdict == "undecided"
    assert decide_sign(exact_value(form, d), precision=16)[0] == 1


# ----------------------------------------------------------------- verdicts
def test_check_on_statement_objects_and_text():
    from natlat_sym.shannon.parse import parse_statement

    s = parse_statement("I(X1;X2|X3) <= I(X1;X2)", given=["indep: I(X1;X2) = 0"])
    v = check_on(s, xor())
    assert v.verdict == "violated" and v.margin.contains(-1) and v.margin.width < F(1, 2**50)
    v = check_on(s, xor(), exact_margin=True)
    assert v.verdict == "violated" and v.margin == Interval.point(-1) and v.exact == -1
    assert v.hypotheses[0].name == "indep" and v.hypotheses[0].status == "holds"
    assert "violated" in str(v)
    json.dumps(v.to_json())
    assert check_on("I(X1;X2) <= I(X1;X2|X3)", xor()).verdict == "holds"


def test_vacuous_is_reported_distinctly():
    v = check_on("I(X1;X3) == 1 => H(X1) <= 0", xor())
    assert v.verdict == "holds" and v.vacuous
    assert v.hypotheses[0].status == "violated"
    assert v.summary().startswith("holds vacuously")
    assert v.to_json()["vacuous"] is True
    # a violated conclusion with a satisfied hypothesis is not vacuous
    assert not check_on("I(X1;X3) == 0 => H(X1) <= 0", xor()).vacuous


def test_equality_conclusion_and_tuple_form():
    d = dsbs(F(1, 10))
    eq = check_on("H(X1) == 1", d)
    assert eq.verdict == "holds" and eq.precision == 0
    hyp_form = LinearForm.mutual_information({"X1"}, {"X2"})
    v = check_on((LinearForm.entropy({"X1"}) - LinearForm.const(2), [hyp_form]), d)
    assert v.verdict == "violated" and v.hypotheses[0].name == "h1"


def test_parameters():
    d = dsbs(F(1, 10))
    assert check_on("I(X1;X2) <= eps", d, parameters={"eps": "1/2"}).verdict == "violated"
    assert check_on("I(X1;X2) <= eps", d, parameters={"eps": F(6, 10)}).verdict == "holds"
    assert check_on("I(X1;X2) <= c*H(X1)", d, parameters={"c": "1/2"}).verdict == "violated"
    with pytest.raises(StatementError, match="missing value for parameter"):
        check_on("I(X1;X2) <= eps", d)
    with pytest.raises(StatementError, match=">= 0"):
        exact_value("I(X1;X2) - eps", d, parameters={"eps": -1})
    assert abs(float_value("I(X1;X2) - eps", d, parameters={"eps": 0.5}) - 0.0310044064) < 1e-9


def test_bad_inputs():
    d = dsbs(F(1, 10))
    with pytest.raises(DistributionError, match="mentions Y, not variables"):
        exact_value("I(X1;Y)", d)
    with pytest.raises(DistributionError, match="mentions"):
        float_value("H(Z)", d)
    with pytest.raises(StatementError, match="relation"):
        from natlat_sym.shannon.parse import parse_relation
        as_linear_form(parse_relation("H(X1) >= 0"))
    with pytest.raises(StatementError, match="cannot check"):
        check_on(42, d)


def test_interval_basics():
    with pytest.raises(ValueError):
        Interval(F(1), F(0))
    i = Interval(F(-1, 2), F(1, 2))
    assert not i.excludes_zero() and i.width == 1 and i.midpoint == 0.0
    assert Interval(F(1, 3), F(1, 2)).is_positive() and Interval(F(-1), F(-1, 2)).is_negative()
    assert json.loads(json.dumps(i.to_json()))["lo"] == "-1/2"


@settings(max_examples=30, deadline=None)
@given(distributions((2, 2, 3), exact=True, max_weight=7),
       st.sampled_from(["I(X1;X2|X3) >= 1/10", "H(X3|X1) <= H(X2)", "I(X1;X3) == 0",
                        "I(X1;X2) <= I(X1;X2|X3)"]))
def test_fast_ball_path_agrees_with_closed_form_path(d, text):
    fast = check_on(text, d)
    slow = check_on(text, d, exact_margin=True)
    assert fast.verdict == slow.verdict
    lo, hi = max(fast.margin.lo, slow.margin.lo), min(fast.margin.hi, slow.margin.hi)
    assert lo <= hi  # the two enclosures overlap


@settings(max_examples=20, deadline=None)
@given(distributions((3, 2, 2), exact=False))
def test_enclosure_of_float_distribution_matches_closed_form(d):
    a = enclosure("I(X1;X2|X3) - H(X1)/3", d, precision=96)
    b = exact_value("I(X1;X2|X3) - H(X1)/3", d).enclosure(96)
    assert max(a.lo, b.lo) <= min(a.hi, b.hi)
