"""Parsing and printing of textbook notation: round trips, exact numbers, and
one-line errors with columns for every kind of bad input."""

from fractions import Fraction

import pytest

from natlat_sym.errors import NatLatError, NonlinearError, ParseError, StatementError
from natlat_sym.shannon.linear import LinearForm as F
from natlat_sym.shannon.measures import to_linear_form
from natlat_sym.shannon.parse import parse_expression, parse_relation, parse_statement

ROUND_TRIP = [
    "I(X1;X2|L) + 2*H(M|X1) >= H(M|L)",
    "H(M|L) <= I(X1;X2|L) + H(M|X1) + H(M|X2)",
    "I(M;X1,X2|L) <= I(X1;X2|L) + c*(I(M;X1|X2) + I(M;X2|X1))",
    "I(X;Y) - 2*H(Z) + 1/2*H(X|Y) <= eps",
    "TC(X1;X2;X3|L) >= DTC(X1;X2;X3|L) - 3*eps",
    "-H(X) + H(X,Y) = H(Y|X)",
    "I(X;Y;Z) = I(X;Y) - I(X;Y|Z)",
    "H(Γ|Λ) <= I(X1;X2|Λ) + H(Γ|X1) + H(Γ|X2)",
]


@pytest.mark.parametrize("text", ROUND_TRIP)
def test_statement_prints_back_identically(text):
    assert str(parse_statement(text)) == text


@pytest.mark.parametrize("text", ROUND_TRIP)
def test_printed_statement_reparses_to_same_canonical_form(text):
    s = parse_statement(text)
    again = parse_statement(str(s))
    assert again.conclusion.normal_form() == s.conclusion.normal_form()


def test_hypotheses_inline_and_given_are_named_and_round_trip():
    s = parse_statement("markov: I(L;M|X1,X2) = 0 => I(M;X1,X2|L) <= I(X1;X2|L)", given=["H(M|X1) <= eps"])
    assert [h.name for h in s.hypotheses] == ["markov", "h2"]
    assert str(s) == "markov: I(L;M|X1,X2) = 0, h2: H(M|X1) <= eps => I(M;X1,X2|L) <= I(X1;X2|L)"
    assert parse_statement(str(s)).hypotheses == s.hypotheses


def test_decimal_numbers_are_exact_rationals():
    s = parse_statement("H(X) <= 2 + 1e-8 + 0.1*H(Y)")
    f = s.conclusion.rhs_form
    assert f.constant == Fraction(2) + Fraction(1, 10**8)
    assert f.entropies[frozenset({"Y"})] == Fraction(1, 10)


def test_canonical_forms_of_textbook_identities():
    assert to_linear_form(parse_expression("I(X;Y|Z)")) == F.mutual_information({"X"}, {"Y"}, {"Z"})
    chain = parse_expression("H(X,Y) - H(X) - H(Y|X)")
    assert to_linear_form(chain).is_zero()
    co = parse_expression("I(X;Y;Z) - I(X;Y) + I(X;Y|Z)")
    assert to_linear_form(co).is_zero()
    tc = parse_expression("TC(X1;X2;X3) - I(X1;X2) - I(X3;X1,X2)")
    assert to_linear_form(tc).is_zero()
    dtc = parse_expression("DTC(X1;X2) - I(X1;X2)")
    assert to_linear_form(dtc).is_zero()


def test_implicit_number_product_and_division_by_number():
    a = to_linear_form(parse_expression("2 I(X;Y) / 4"))
    assert a == F.mutual_information({"X"}, {"Y"}) * Fraction(1, 2)


def test_free_coefficient_is_a_scaled_term():
    s = parse_statement("I(X;Y) <= c*I(X;Y|Z)")
    assert s.free_coefficients() == {"c"}
    assert s.parameters() == {"c"}


BAD = [
    ("", "empty statement", 1),
    ("H(X) <= ", "empty right-hand side", 9),
    ("<= H(X)", "empty left-hand side", 1),
    ("H(X)*H(Y) <= 1", "not linear", 1),
    ("H(X) <= c*d*H(Y)", "not linear", 9),
    ("H(X1,X1) >= 0", "variable X1 is repeated", 6),
    ("H(X) <= H(Q)", "unknown variable Q", 11),
    ("H(L) <= L", "used both as a random variable and as a parameter", 9),
    ("I(X;Y) < 3", "'<' is not supported", 8),
    ("H(X) <= H(Y) / H(Z)", "division by a non-number", 14),
    ("H(X) <= 1/0", "division by zero", 10),
    ("H(X;Y) >= 0", "H(...) takes one group", 1),
    ("I(X) >= 0", "needs at least two groups", 1),
    ("H(X >= 0", "expected ')' to close H(", 5),
    ("H(X) >= 0 junk", "unexpected 'junk'", 11),
    ("H(X) # 0", "unexpected character '#'", 6),
    ("H(X) >= 0, H(Y) >= 0", "no '=>'", 21),
    ("H(X) >= 0 =>", "missing conclusion", 13),
    ("H(,) >= 0", "expected a variable name", 3),
    ("H(I) >= 0", "measure name", 3),
    ("H + 1 >= 0", "H is a measure", 1),
    ("H(X) >= ()", "empty parentheses", 10),
]


@pytest.mark.parametrize("text,message,column", BAD)
def test_bad_input_is_one_line_error_with_column(text, message, column):
    with pytest.raises(ParseError) as info:
        parse_statement(text, variables=["X", "Y", "Z", "L", "X1"] if "Q" in text else None)
    msg = str(info.value)
    assert message in msg
    assert "\n" not in msg
    assert info.value.position == column - 1


def test_bad_hypothesis_names_the_hypothesis():
    with pytest.raises(ParseError, match="in hypothesis 2"):
        parse_statement("H(X) >= 0", given=["H(X) = 0", "H(Y) <="])


def test_duplicate_hypothesis_names_rejected():
    with pytest.raises(StatementError, match="two hypotheses are named 'a'"):
        parse_statement("a: H(X)=0, a: H(Y)=0 => H(X,Y)=0")


def test_non_text_input_is_a_natlat_error():
    with pytest.raises(NatLatError):
        parse_statement(42)  # type: ignore[arg-type]
    with pytest.raises(StatementError):
        parse_statement("H(X) >= 0", given=[3])  # type: ignore[list-item]


def test_relation_accepts_unicode_relations_and_implication():
    s = parse_statement("H(X) = 0 ⇒ H(X|Y) ≤ 0")
    assert s.conclusion.rel == "<=" and len(s.hypotheses) == 1
    assert parse_relation("I(X;Y) ≥ 0").rel == ">="


def test_nonlinear_error_is_statement_error():
    assert issubclass(NonlinearError, StatementError)


def test_parenthesised_numeric_sum_is_a_coefficient():
    # regression: "(2+1e-8)*H(...)" was rejected as a nonlinear product
    s = parse_statement("(2+1e-8)*H(X,Y,Z) <= H(X,Y) + H(X,Z) + H(Y,Z)")
    f = s.conclusion.lhs_form
    assert f.entropies[frozenset({"X", "Y", "Z"})] == 2 + Fraction(1, 10**8)
