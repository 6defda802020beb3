"""Python objects behave like sympy's: relationals are statements, and every
result shows itself readably (str, LaTeX, HTML) — issue 11, item 1."""

import re

import pytest
import sympy

from natlat_sym import (Distribution, H, I, Relation, Statement, StatementError, derive, parameter, prove,
                        random_variables)
from natlat_sym.shannon.statement import as_statement

X1, X2, L = random_variables("X1 X2 L")


def test_prove_accepts_sympy_relationals():
    assert prove(I(X1, X2, given=L) <= H(X1)).verdict == "proved"
    assert prove(I(X1, X2, given=L) >= 0).verdict == "proved"
    assert prove(H(X1) <= I(X1, X2), realize=False).verdict == "refuted"
    # an equation through sympy.Eq, and as a hypothesis of a Statement
    s = Statement(I(X1, X2) <= H(L), [sympy.Eq(H(X1, X2, given=L), 0), H(L) <= H(X1)])
    assert [h.rel for h in s.hypotheses] == ["==", "<="]
    assert prove(s).verdict == "proved"


def test_relational_statement_is_the_parsed_one():
    assert as_statement(I(X1, X2, given=L) <= H(X1)).conclusion == \
        as_statement("I(X1;X2|L) <= H(X1)").conclusion
    # >= is kept as written (not flipped): both sides print as given
    assert str(as_statement(H(X1) >= I(X1, X2))) == "H(X1) >= I(X1;X2)"


def test_plain_zero_and_fractions_print():
    r = Relation(H(X1), ">=", 0)
    assert str(r) == "H(X1) >= 0"
    assert r.latex() == r"H(X_{1}) \ge 0"
    from fractions import Fraction
    assert str(Relation(I(X1, X2), "<=", Fraction(1, 2))) == "I(X1;X2) <= 1/2"
    assert str(Relation(H(X1), "≤", "H(X1,X2)")) == "H(X1) <= H(X1,X2)"


@pytest.mark.parametrize("bad", [True, sympy.true, I(X1, X2) < H(X1), sympy.Ne(H(X1), 0), H(X1), 3])
def test_non_relations_are_named_errors(bad):
    with pytest.raises(StatementError):
        prove(bad)


def test_parameter_comparison_evaluated_by_sympy_is_explained():
    # eps >= 0 is decided by sympy itself (eps is nonnegative): a truth value
    with pytest.raises(StatementError, match="truth value"):
        prove(parameter("eps") >= 0)


def test_statement_shows_itself():
    s = as_statement(I(X1, X2, given=L) <= H(X1))
    assert repr(s) == "Statement(I(X1;X2|L) <= H(X1))"
    assert s._repr_latex_() == r"$I(X_{1} ; X_{2} \mid L) \le H(X_{1})$"
    assert "I(X1;X2|L)" in s._repr_html_()


def test_proof_result_and_derivation_show_the_chain():
    result = prove("H(G|L) <= I(X1;X2|L) + H(G|X1) + H(G|X2)")
    d = result.derivation()
    text = str(result)
    assert text.startswith("proved: H(G|L) <= I(X1;X2|L) + H(G|X1) + H(G|X2)")
    assert d.text() in text
    # str(derivation) is the chain, not a dataclass dump
    assert str(d) == d.text() and "Derivation(" not in str(d) and "chains=" not in repr(d)
    assert d._repr_latex_().startswith("$$\\begin{aligned}")
    html = result._repr_html_()
    # one table row for the start and one per step
    assert html.count("<tr>") == 1 + 1 + len(d.steps)
    assert "\\(" in html and "<strong>proved</strong>" in html and "mathjax_process" in html


def test_refuted_result_shows_the_distribution():
    result = prove("H(X1) <= I(X1;X2)")
    assert result.verdict == "refuted"
    text = str(result)
    assert "counterexample distribution" in text and "X1  X2  P" in text


def test_unknown_result_shows_the_reason():
    result = prove(H(X1) <= H(X1, X2), max_variables=1)
    assert result.verdict == "unknown"
    assert "reason: " in str(result) and "max_variables=1" in str(result)


def test_distribution_table():
    d = Distribution.from_dict({(0, 0): "1/2", (1, 1): "1/2"}, ["X", "Y"])
    assert str(d).splitlines() == ["X  Y  P", "0  0  1/2", "1  1  1/2"]
    html = d._repr_html_()
    assert html.count("<tr>") == 3 and "<th>P</th>" in html


def test_large_distribution_table_is_truncated():
    import numpy as np

    d = Distribution.from_array(np.full((40, 40), 1 / 1600), ["A", "B"])
    lines = str(d).splitlines()
    assert len(lines) == 1 + Distribution.MAX_SHOWN_OUTCOMES + 1
    assert lines[-1] == f"... {1600 - Distribution.MAX_SHOWN_OUTCOMES} more outcomes with positive probability"


def test_derive_str_round_trip_with_hypotheses():
    s = as_statement("markov: I(X;Z|Y) = 0 => I(X;Z) <= I(X;Y)")
    d = derive(prove(s).certificate, s)
    assert re.search(r"hypothesis markov", str(d))


def test_finite_checks_accept_sympy_relationals():
    from natlat_sym import check_on

    d = Distribution.from_dict({(0, 0): "1/2", (1, 1): "1/2"}, ["X1", "X2"])
    assert check_on(I(X1, X2) <= H(X1), d).verdict == "holds"
    assert check_on(H(X1) <= 0, d).verdict == "violated"
