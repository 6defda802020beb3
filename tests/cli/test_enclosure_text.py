"""A certified enclosure prints rounded *outward* (issue 11 audit): `natlat
eval "I(X1;X2)" --dist dsbs.json` printed ``certified: [0.5310, 0.5310]``
for the value 0.53100440641…, an interval that does not contain it."""

import json
import re
from fractions import Fraction

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from natlat_sym.cli import cli
from natlat_sym.finite.exact_values import Interval, outward_text

DSBS = "docs/examples/dsbs.json"


def test_eval_prints_an_interval_containing_the_certified_one():
    text = CliRunner().invoke(cli, ["eval", "I(X1;X2)", "--dist", DSBS], catch_exceptions=False).stdout
    lo, hi = (Fraction(x) for x in re.search(r"certified: \[(\S+), (\S+)\]", text).groups())
    doc = json.loads(CliRunner().invoke(cli, ["eval", "I(X1;X2)", "--dist", DSBS, "--json"]).stdout)
    exact_lo, exact_hi = Fraction(doc["enclosure"]["lo"]), Fraction(doc["enclosure"]["hi"])
    assert lo <= exact_lo <= exact_hi <= hi
    assert hi - lo <= Fraction(2, 10**12)          # and it shows the enclosure's precision
    assert text.splitlines()[1] == "  certified: [0.531004406410, 0.531004406411]"


@given(st.fractions(min_value=-10**6, max_value=10**6), st.fractions(min_value=0, max_value=10))
def test_outward_text_encloses(lo, width):
    hi = lo + width
    a, b = (Fraction(x) for x in outward_text(lo, hi).strip("[]").split(", "))
    assert a <= lo and hi <= b
    assert str(Interval(lo, hi)) == outward_text(lo, hi)


def test_exact_points_print_exactly():
    assert outward_text(Fraction(-1), Fraction(-1)) == "[-1.0000, -1.0000]"
    assert outward_text(Fraction(1, 8), Fraction(1, 8)) == "[0.1250, 0.1250]"
    assert outward_text(Fraction(-1, 10**5), Fraction(0)) == "[-0.000010, 0.000000]"  # width 1e-5: 6 places
