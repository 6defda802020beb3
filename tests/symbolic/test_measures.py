"""Symbolic measures: builders, canonical forms, printing and LaTeX."""

from fractions import Fraction

import pytest
import sympy

from natlat_sym.errors import NonlinearError, StatementError
from natlat_sym.shannon.linear import LinearForm as F
from natlat_sym.shannon.measures import (DTC, TC, H, I, from_linear_form, parameter, random_variables,
                                         to_latex, to_linear_form, to_text)
from natlat_sym.shannon.printing import latex_name


def test_builders_print_in_textbook_notation():
    X1, X2, L = random_variables("X1 X2 L")
    assert to_text(H(X1, X2, given=L)) == "H(X1,X2|L)"
    assert to_text(I(X1, X2, given=L)) == "I(X1;X2|L)"
    assert to_text(I([X1, X2], "M")) == "I(X1,X2;M)"
    assert to_text(TC(X1, X2, "X3", given=L)) == "TC(X1;X2;X3|L)"


def test_latex_rendering_uses_subscripts_and_greek():
    assert to_latex(H("Gamma", given="Lambda")) == r"H(\Gamma \mid \Lambda)"
    assert to_latex(I("X1", "X2", given="L")) == r"I(X_{1} ; X_{2} \mid L)"
    assert latex_name("Λ") == r"\Lambda"
    assert latex_name("X_A") == "X_{A}"
    assert latex_name("foo") == r"\mathrm{foo}"


def test_mutual_information_equals_sum_of_conditional_entropies():
    lhs = to_linear_form(I("X", "Y", given="Z"))
    rhs = to_linear_form(H("X", given="Z") - H("X", given=["Y", "Z"]))
    assert lhs == rhs


def test_dtc_le_relation_identity_two_variables():
    assert to_linear_form(DTC("A", "B")) == to_linear_form(TC("A", "B"))


def test_sympy_arithmetic_then_canonical_form_is_exact():
    e = sympy.Rational(1, 3) * H("X") + sympy.Rational(2, 3) * H("X")
    assert to_linear_form(e) == F.entropy({"X"})


def test_parameter_times_entropy_and_parameter_alone():
    c, eps = parameter("c"), parameter("eps")
    f = to_linear_form(c * H("X") + eps)
    assert f.scaled == {("c", frozenset({"X"})): 1}
    assert f.parameters == {"eps": 1}


@pytest.mark.parametrize("expr", [
    lambda: H("X") * H("Y"),
    lambda: H("X") ** 2,
    lambda: parameter("c") * parameter("d") * H("X"),
    lambda: H("X") / parameter("c"),
])
def test_nonlinear_expressions_raise(expr):
    with pytest.raises(NonlinearError):
        to_linear_form(expr())


def test_floats_and_variables_as_numbers_are_rejected():
    with pytest.raises(StatementError, match="inexact"):
        to_linear_form(0.5 * H("X"))
    X, = random_variables("X")
    with pytest.raises(StatementError, match="used as a number"):
        to_linear_form(H(X) + X)


@pytest.mark.parametrize("bad", ["H", "1X", "a b", ""])
def test_invalid_names_rejected(bad):
    with pytest.raises(StatementError):
        random_variables([bad])


def test_repeated_and_empty_groups_rejected():
    with pytest.raises(StatementError, match="repeated"):
        H("X", "X")
    with pytest.raises(StatementError):
        H()
    with pytest.raises(StatementError, match="at least 2 groups"):
        I("X")


def test_from_linear_form_round_trips():
    f = F.mutual_information({"X"}, {"Y"}, {"Z"}) * Fraction(3, 2) + F.parameter("eps")
    assert to_linear_form(from_linear_form(f)) == f
