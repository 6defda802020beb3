"""Every result object shows itself three ways (issue 11, item 1): ``__str__``
for print, ``_repr_latex_`` and ``_repr_html_`` for notebooks.  HTML math is
written ``\\(…\\)`` inside a ``mathjax_process`` element, so MathJax typesets it
in Jupyter *and* inside the docs' executed notebooks (myst-nb marks those
sections ``mathjax_ignore`` and ``$`` is no delimiter there)."""

import re

import pytest

from natlat_sym import Distribution, H, I, Relation, prove, random_variables, tightest
from natlat_sym.shannon.display import html_math

X, Y = random_variables("X Y")
ZY = "2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)"


def _objects():
    proved = prove("H(X|Y) <= H(X)")
    return {
        "relation": Relation(I(X, Y), ">=", 0),
        "statement": proved.statement,
        "proved": proved,
        "derivation": proved.derivation(),
        "refuted": prove("I(X;Y) <= 0"),
        "not_provable": prove(ZY, realize=False),
        "distribution": Distribution.from_dict({(0, 0): "1/2", (1, 1): "1/2"}, ["X", "Y"]),
        "tightest": tightest("I(X;Y) <= c*H(X)"),
    }


OBJECTS = _objects()


@pytest.mark.parametrize("name", sorted(OBJECTS))
def test_every_object_has_its_own_three_views(name):
    obj = OBJECTS[name]
    for method in ("__str__", "_repr_latex_", "_repr_html_"):
        assert method in {m for k in type(obj).__mro__[:-1] for m in vars(k)}, (name, method)
    text = str(obj)
    assert text and not re.search(r"Fraction\(|frozenset\(|\w+=\w+\(|^\w+\(\w+=", text), text  # no dataclass dump


@pytest.mark.parametrize("name", sorted(OBJECTS))
def test_html_math_is_typeset_anywhere(name):
    html = OBJECTS[name]._repr_html_()
    if name != "distribution":  # a pmf table has no math
        assert 'class="natlat-output mathjax_process"' in html and "\\(" in html
    else:  # but it is styled (padding, caption) and scrolls like the others
        assert html.startswith('<div class="natlat-output"><table class="natlat-table">')
    assert "$" not in html, html  # no delimiter MathJax may not read


def test_proof_result_latex_is_verdict_statement_and_chain():
    assert OBJECTS["proved"]._repr_latex_() == (
        "$\\textbf{proved}:\\; H(X \\mid Y) \\le H(X)$\n"
        "$$\\begin{aligned}\nH(X \\mid Y) \\\\\n  &\\le H(X) && \\text{$I(X ; Y) \\ge 0$}\n\\end{aligned}$$")


def test_refuted_result_latex_shows_the_counterexample_table():
    latex = OBJECTS["refuted"]._repr_latex_()
    assert latex.startswith("$\\textbf{refuted}:\\; I(X ; Y) \\le 0$\n")
    assert "$\\begin{array}{cc|c}\nX & Y & P \\\\ \\hline\n0 & 0 & \\tfrac{1}{2} \\\\\n1 & 1 & \\tfrac{1}{2}\n\\end{array}$" \
        in latex


def test_not_provable_result_says_so_and_prints_the_polymatroid_readably():
    r = OBJECTS["not_provable"]
    assert r.verdict == "not_provable"
    assert r._repr_latex_().startswith("$\\textbf{not provable}:\\; 2 \\, I(C ; D) \\le")
    assert "violating polymatroid (exact): H(A)=2, H(B)=2, H(C)=2, H(D)=2, H(A,B)=4" in str(r)


def test_distribution_latex_is_an_array_with_exact_fractions():
    assert OBJECTS["distribution"]._repr_latex_() == (
        "$\\begin{array}{cc|c}\nX & Y & P \\\\ \\hline\n0 & 0 & \\tfrac{1}{2} \\\\\n1 & 1 & \\tfrac{1}{2}\n"
        "\\end{array}$")


def test_relation_and_statement_html_carry_the_text_as_tooltip():
    html = OBJECTS["relation"]._repr_html_()
    assert 'title="I(X;Y) &gt;= 0"' in html and "\\(I(X ; Y) \\ge 0\\)" in html


def test_tightest_html_gives_the_value():
    assert re.search(r"\\\(c = 1\\\) <small>\[optimal \(exact witnesses\)\]", OBJECTS["tightest"]._repr_html_())


@pytest.mark.parametrize("text, html", [
    ("plain <b>", "plain &lt;b&gt;"),
    ("a $x < y$ b", "a \\(x &lt; y\\) b"),
    ("one $ dollar", "one $ dollar"),
])
def test_html_math(text, html):
    assert html_math(text) == html


def test_theorem_report_shows_itself_in_latex_and_typeset_html():
    # regression (issue 11 audit): TheoremReport had no _repr_latex_ and its
    # HTML wrote $...$, raw TeX inside the docs' executed notebooks
    from natlat_sym.catalog.outcomes import ObligationResult
    from natlat_sym.catalog.theorem import Status, TheoremReport

    good = ObligationResult("prove", "data processing", "proved", "proved", True,
                            statement="I(X;Z) <= I(X;Y)", statement_latex=r"I(X ; Z) \le I(X ; Y)")
    bad = ObligationResult("finite", "E3: 50% & x_1", "holds", "violated", False, detail="expected holds")
    report = TheoremReport(id="mutual_info_le_of_markov_chain", title="Data processing", spec_id="T1",
                           kind="theorem", status=Status.FAILING, ok=False, seconds=0.25,
                           results=(good, bad), reason="E3: violated")
    html = report._repr_html_()
    assert 'class="natlat-output mathjax_process"' in html and "$" not in html
    assert r"\(I(X ; Z) \le I(X ; Y)\)" in html and "E3: 50% &amp; x_1" in html
    latex = report._repr_latex_()
    assert latex.startswith(r"$\textbf{T1}\ \texttt{mutual\_info\_le\_of\_markov\_chain}:")
    assert r"\textbf{failing}" in latex and r"\textit{reason:}\ \text{E3: violated}" in latex
    assert r"\text{prove} & \text{proved} & I(X ; Z) \le I(X ; Y)" in latex
    assert r"\text{violated}\ \textbf{(not as expected)} & \text{E3: 50\% \& x\_1}" in latex
    assert latex.count(r"\begin{array}") == 1 and latex.endswith(r"\end{array}$$")
