"""LinearForm's sum, difference, negation and scaling (the fast paths that
skip the constructor) against the constructor itself: same value, no zero
coefficients kept, and the same order of terms (LP rows and derivations are
built in that order)."""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from natlat_sym.shannon.linear import LinearForm

_sets = st.frozensets(st.sampled_from(["X", "Y", "Z", "W"]), min_size=1)
_coeffs = st.fractions(min_value=-3, max_value=3, max_denominator=4)
_forms = st.builds(
    LinearForm,
    st.dictionaries(_sets, _coeffs, max_size=6),
    st.dictionaries(st.sampled_from(["a", "b"]), _coeffs, max_size=2),
    st.dictionaries(st.tuples(st.sampled_from(["a", "b"]), _sets), _coeffs, max_size=2),
    _coeffs,
)


def _reference(f: LinearForm, g: LinearForm, sign: int) -> LinearForm:
    """``f + sign*g`` through the constructor, which accumulates in order."""
    def merged(a, b):
        out = dict(a)
        for k, c in b.items():
            out[k] = out.get(k, Fraction(0)) + sign * c
        return out

    return LinearForm(merged(f.entropies, g.entropies), merged(f.parameters, g.parameters),
                      merged(f.scaled, g.scaled), f.constant + sign * g.constant)


def _same(f: LinearForm, g: LinearForm) -> bool:
    return (f == g and list(f.entropies.items()) == list(g.entropies.items())
            and list(f.parameters.items()) == list(g.parameters.items())
            and list(f.scaled.items()) == list(g.scaled.items()) and f.constant == g.constant
            and all(isinstance(c, Fraction) and c != 0 for c in
                    [*f.entropies.values(), *f.parameters.values(), *f.scaled.values()]))


@settings(max_examples=300, deadline=None)
@given(_forms, _forms)
def test_sum_and_difference_match_the_constructor(f, g):
    assert _same(f + g, _reference(f, g, 1))
    assert _same(f - g, _reference(f, g, -1))
    assert _same(f - f, LinearForm())
    assert hash(f + g) == hash(_reference(f, g, 1))


@settings(max_examples=200, deadline=None)
@given(_forms, st.one_of(_coeffs, st.integers(-3, 3)))
def test_negation_and_scaling_match_the_constructor(f, k):
    scaled = LinearForm({s: c * k for s, c in f.entropies.items()}, {p: c * k for p, c in f.parameters.items()},
                        {key: c * k for key, c in f.scaled.items()}, f.constant * k)
    assert _same(f * k, scaled) and _same(k * f, scaled)
    assert _same(-f, f * -1)
    assert (f * 0).is_zero()


def test_operands_are_not_changed():
    f = LinearForm({frozenset("X"): 1, frozenset("Y"): 2})
    g = LinearForm({frozenset("X"): -1})
    before = dict(f.entropies)
    h = f + g
    assert dict(f.entropies) == before and dict(h.entropies) == {frozenset("Y"): Fraction(2)}
