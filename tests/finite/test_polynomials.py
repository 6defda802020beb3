"""The sparse exact polynomials of the case compiler: ``mul`` and ``add``
against the plain definitions (same terms, same order, Fractions, no zeros)."""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from natlat_sym.finite._polynomials import add, mono, mul

_monos = st.lists(st.sampled_from("xyz"), max_size=3).map(lambda vs: mono(*vs))
_polys = st.dictionaries(_monos, st.fractions(min_value=-3, max_value=3, max_denominator=3).filter(bool),
                         max_size=5)


def _mul(p, q):
    out = {}
    for m1, c1 in p.items():
        for m2, c2 in q.items():
            powers = dict(m1)
            for v, k in m2:
                powers[v] = powers.get(v, 0) + k
            m = tuple(sorted(powers.items()))
            out[m] = out.get(m, Fraction(0)) + c1 * c2
    return {m: c for m, c in out.items() if c}


def _add(p, q, k=1):
    out = dict(p)
    for m, c in q.items():
        out[m] = out.get(m, Fraction(0)) + k * c
    return {m: c for m, c in out.items() if c}


def _same(a, b):
    return list(a.items()) == list(b.items()) and all(type(c) is Fraction and c for c in a.values())


@settings(max_examples=200, deadline=None)
@given(_polys, _polys, st.sampled_from([1, -1, 2, Fraction(1, 2)]))
def test_mul_and_add_match_their_definitions(p, q, k):
    assert _same(mul(p, q), _mul(p, q))
    assert _same(add(p, q, k), _add(p, q, k))
    assert add(p, p, -1) == {}
