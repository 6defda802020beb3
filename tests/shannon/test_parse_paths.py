"""The two ways of reading statement text agree: the sympy objects of the API
(parse_statement) and the sympy-free claim of the command line (parse_claim)
have the same normal forms, texts, LaTeX and errors; and the claim object
reads every shape of input the public functions accept."""

from __future__ import annotations

import subprocess
import sys
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from natlat_sym.errors import NatLatError, StatementError
from natlat_sym.shannon.certificate import HypothesisForm, LabelledForm
from natlat_sym.shannon.claim import Claim, as_claim, parse_claim
from natlat_sym.shannon.linear import LinearForm as F
from natlat_sym.shannon.measures import H, I, random_variables
from natlat_sym.shannon.parse import parse_statement
from natlat_sym.shannon.statement import Relation

VARS = ["X", "Y", "Z", "X1", "X2"]
PARAMS = ["eps", "c", "d"]

group = st.lists(st.sampled_from(VARS), min_size=1, max_size=3, unique=True).map(",".join)
number = st.sampled_from(["0", "1", "2", "3", "1/2", "0.25", "1e-3", "(1+2)", "-1"])


@st.composite
def measure(draw):
    kind = draw(st.sampled_from(["H", "I", "I", "TC", "DTC"]))
    if kind == "H":
        groups = [draw(group)]
    else:
        groups = draw(st.lists(group, min_size=2, max_size=3))
    given_ = draw(st.one_of(st.just(""), group.map(lambda g: "|" + g)))
    return f"{kind}(" + ";".join(groups) + given_ + ")"


@st.composite
def factor(draw, depth):
    options = [measure(), measure(), number, st.sampled_from(PARAMS),
               st.tuples(number, measure()).map(" ".join)]  # implicit product "2 I(X;Y)"
    if depth < 2:
        options.append(expression(depth + 1).map(lambda e: f"({e})"))
        options.append(factor(depth + 1).map(lambda f: f"-{f}"))
    return draw(st.one_of(*options))


@st.composite
def term(draw, depth=0):
    out = draw(factor(depth))
    for _ in range(draw(st.integers(0, 1))):
        op = draw(st.sampled_from(["*", "*", "/"]))
        nxt = draw(st.sampled_from(["2", "1/3", "0.5", "(1+1)", "0"])) if op == "/" else \
            draw(st.one_of(number, number, number, st.sampled_from(PARAMS), factor(depth)))
        out = f"{out}{op}{nxt}"
    return out


@st.composite
def expression(draw, depth=0):
    out = draw(st.sampled_from(["", "-", "+"])) + draw(term(depth))
    for _ in range(draw(st.integers(0, 3))):
        out += draw(st.sampled_from([" + ", " - "])) + draw(term(depth))
    return out


@st.composite
def relation(draw):
    label = draw(st.sampled_from(["", "", "a: ", "b: ", "markov: "]))
    return label + draw(expression()) + draw(st.sampled_from([" <= ", " >= ", " = ", " == "])) + draw(expression())


@st.composite
def statement(draw):
    hyps = draw(st.lists(relation(), max_size=1))
    concl = draw(expression()) + draw(st.sampled_from([" <= ", " >= ", " = "])) + draw(expression())
    text = (", ".join(hyps) + " => " if hyps else "") + concl
    given_ = draw(st.lists(relation(), max_size=1))
    return text, given_


def _read(reader, text, given_):
    try:
        return reader(text, given_), None
    except NatLatError as e:
        return None, (type(e), str(e))


@settings(max_examples=120, deadline=None)
@given(statement())
def test_both_readers_give_the_same_claim_or_the_same_error(case):
    text, given_ = case
    symbolic, err_s = _read(lambda t, g: as_claim(parse_statement(t, given=g)), text, given_)
    fast, err_f = _read(lambda t, g: parse_claim(t, given=g), text, given_)
    assert err_s == err_f
    if err_s is not None:
        assert "\n" not in err_s[1]      # one line
        return
    assert isinstance(fast.source, object) and "Statement" in type(symbolic.source).__name__
    assert (fast.target, fast.relation, fast.hypotheses, fast.names) == \
        (symbolic.target, symbolic.relation, symbolic.hypotheses, symbolic.names)
    assert (fast.text, fast.conclusion_text, fast.hypothesis_texts) == \
        (symbolic.text, symbolic.conclusion_text, symbolic.hypothesis_texts)
    assert fast.latex() == symbolic.latex()
    assert fast.conclusion.written_sides() == symbolic.conclusion.written_sides()
    assert fast.free_coefficients() == symbolic.free_coefficients()
    assert fast.parameters() == symbolic.parameters()


def test_the_text_reader_does_not_import_sympy():
    code = ("import sys\n"
            "from natlat_sym.shannon.claim import parse_claim\n"
            "c = parse_claim('I(X;Z|Y) = 0 => I(X;Z) <= I(X;Y) + eps/2')\n"
            "print(c.latex())\n"
            "assert 'sympy' not in sys.modules, 'sympy was imported'\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == r"I(X ; Z \mid Y) = 0 \;\Longrightarrow\; I(X ; Z) \le I(X ; Y) + \tfrac{1}{2} \, \varepsilon"


X, Y, Z = random_variables("X Y Z")
MI_XY_Z = F.mutual_information({"X"}, {"Y"}, {"Z"})


@pytest.mark.parametrize("value", [
    "I(X;Y|Z) >= 0",
    I(X, Y, given=Z) >= 0,
    Relation(I(X, Y, given=Z), ">=", 0),
    parse_statement("I(X;Y|Z) >= 0"),
    MI_XY_Z,
    LabelledForm("c", MI_XY_Z, ">="),
    (MI_XY_Z, []),
    ((), MI_XY_Z, ">="),
    ((), -MI_XY_Z, "<="),
])
def test_every_input_shape_gives_the_same_normal_form(value):
    c = as_claim(value)
    assert (c.target, c.sense, c.hypotheses, c.variables()) == (MI_XY_Z, ">=", (), ("X", "Y", "Z"))


def test_given_hypotheses_are_appended_and_named():
    c = as_claim(I(X, Z) <= I(X, Y), given=[sympy.Eq(I(X, Z, given=Y), 0)])
    assert [(h.name, h.sense) for h in c.hypotheses] == [("h1", "==")]
    assert as_claim("I(X;Z) <= I(X;Y)", given=["I(X;Z|Y) = 0"]) == c
    pair = as_claim(("I(X;Z) <= I(X;Y)", ["m: I(X;Z|Y) = 0"]))
    assert pair.hypotheses[0].name == "h1" and pair.hypothesis_texts == ("I(X;Z|Y) = 0",)
    with pytest.raises(StatementError, match="two hypotheses are named 'm'"):
        parse_claim("m: H(X) >= 0 => H(Y) >= 0", given=["m: H(Z) >= 0"])


def test_parameters_are_substituted_in_one_place():
    c = as_claim("I(X;Y) <= eps", given=["I(X;Z) <= delta"])
    at = c.substitute({"eps": "1/10", "delta": 0})
    assert at.parameters() == frozenset() and at.target.constant == Fraction(1, 10)
    with pytest.raises(StatementError, match="must be >= 0"):
        c.substitute({"eps": -1})
    with pytest.raises(StatementError, match="exact numbers"):
        c.substitute({"eps": "one"})
    with pytest.raises(StatementError, match=r"give a value for parameter\(s\) delta"):
        c.substitute({"eps": 1}, complete=True)


def test_bad_inputs_are_named():
    with pytest.raises(StatementError, match="not a statement: 3"):
        as_claim(3)
    with pytest.raises(StatementError, match="sense must be"):
        as_claim(((), MI_XY_Z, "<"))
    with pytest.raises(StatementError, match="statement tuple"):
        as_claim((("H(X) >= 0",), MI_XY_Z, ">="))


def test_hypothesis_form_is_the_labelled_form():
    assert HypothesisForm is LabelledForm
    c = Claim(MI_XY_Z, "==")
    assert c.conclusion_form() == LabelledForm("conclusion", MI_XY_Z, "==")
