"""z3_backend builds each product prefix once per solve() call; the
expressions must be the very ones built term by term (z3 shares equal
terms, so "the same" is z3's structural equality), and the answers the same."""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from natlat_sym import z3_backend

z3 = z3_backend.z3
NAMES = ("a", "b", "c")

_monomials = st.lists(st.tuples(st.sampled_from(NAMES), st.integers(1, 3)), max_size=3).map(tuple)
_polys = st.dictionaries(_monomials, st.fractions(min_value=-3, max_value=3, max_denominator=3), max_size=5)


def _reference(poly, vars_):
    """Term by term, left to right, as before the prefix cache."""
    terms = []
    for m, c in poly.items():
        if not c:
            continue
        factors = [vars_[v] for v, k in m for _ in range(k)]
        if not factors:
            terms.append(z3_backend._rat(c))
            continue
        prod = factors[0]
        for f in factors[1:]:
            prod = prod * f
        terms.append(prod if c == 1 else z3_backend._rat(c) * prod)
    if not terms:
        return z3.RealVal(0)
    return z3.Sum(terms) if len(terms) > 1 else terms[0]


@settings(max_examples=150, deadline=None)
@given(st.lists(_polys, min_size=1, max_size=4))
def test_shared_products_build_the_same_expressions(polys):
    vars_ = {v: z3.Real(v) for v in NAMES}
    products: dict = {}
    for poly in polys:
        assert z3_backend._expr(poly, vars_, products).eq(_reference(poly, vars_))


def test_solve_with_shared_products():
    # a*b*c = 1 and a*b = 2 and c > 1: unsat (c would be 1/2); the product a*b is shared
    abc = {(("a", 1), ("b", 1), ("c", 1)): Fraction(1), (): Fraction(-1)}
    ab = {(("a", 1), ("b", 1)): Fraction(1), (): Fraction(-2)}
    c_gt_1 = z3_backend.linear({"c": 1}, -1)
    assert z3_backend.solve([(abc, "=="), (ab, "=="), (c_gt_1, ">")]).status == "unsat"
    r = z3_backend.solve([(abc, "=="), (ab, "==")])
    assert r.status == "sat" and r.model["a"] * r.model["b"] == 2 and r.model["c"] == Fraction(1, 2)
