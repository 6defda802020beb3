"""Property tests: proved statements hold numerically on random distributions."""

import itertools
from fractions import Fraction

import numpy as np
from hypothesis import given, settings, strategies as st

from natlat_sym.shannon.linear import LinearForm as F
from natlat_sym.shannon.parse import parse_statement
from natlat_sym.proving import prove
from natlat_sym.shannon.prove import prove_forms

from corpus import INVALID, VALID


def joint_entropies(p: np.ndarray, names):
    """{frozenset(names): H} in bits for a joint pmf array with one axis per name."""
    out = {}
    n = len(names)
    for r in range(1, n + 1):
        for keep in itertools.combinations(range(n), r):
            drop = tuple(i for i in range(n) if i not in keep)
            m = p.sum(axis=drop) if drop else p
            m = m[m > 0]
            out[frozenset(names[i] for i in keep)] = float(-(m * np.log2(m)).sum())
    return out


def value(form, ent, params=None):
    total = float(form.constant)
    for s, c in form.entropies.items():
        total += float(c) * ent[s]
    for q, c in form.parameters.items():
        total += float(c) * params[q]
    return total


UNCONDITIONAL = [(t, g) for t, g in VALID if not g]


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), k=st.integers(0, len(UNCONDITIONAL) - 1))
def test_proved_statements_hold_on_random_distributions(seed, k):
    text, _ = UNCONDITIONAL[k]
    s = parse_statement(text)
    assert prove(s, realize=False).verdict == "proved"
    names = s.variables()
    rng = np.random.default_rng(seed)
    p = rng.dirichlet(np.full(3 ** len(names), 0.3)).reshape((3,) * len(names))
    ent = joint_entropies(p, names)
    f = s.conclusion.normal_form()
    v = value(f, ent)
    assert v >= -1e-9 if s.conclusion.sense == ">=" else abs(v) < 1e-9


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(range(15)), st.integers(1, 3)), min_size=1, max_size=5),
       st.integers(0, 2**32 - 1))
def test_random_combinations_of_basic_inequalities_are_proved(terms, seed):
    """Σ w·I(A;B|C) (random basic quantities on 4 variables) >= 0 is proved, and
    holds on a random distribution; subtracting more than it is refuted."""
    names = ["A", "B", "C", "D"]
    rng = np.random.default_rng(seed)
    f = F()
    for idx, w in terms:
        rr = np.random.default_rng(idx)
        a, b = rr.choice(4, 2, replace=False)
        rest = [i for i in range(4) if i not in (a, b)]
        cset = {names[i] for i in rest if rr.random() < 0.5}
        f = f + w * F.mutual_information({names[a]}, {names[b]}, cset)
    r = prove_forms(f, ">=", ())
    assert r.verdict == "proved"
    p = rng.dirichlet(np.full(16, 0.5)).reshape((2,) * 4)
    assert value(f, joint_entropies(p, names)) >= -1e-9
    assert prove(-f).verdict == "refuted"    # -f >= 0: the facade realises a distribution


@settings(max_examples=15, deadline=None)
@given(k=st.integers(0, len(INVALID) - 1))
def test_refutation_witnesses_violate_exactly(k):
    text, given_ = INVALID[k]
    s = parse_statement(text, given=given_)
    r = prove(s, realize=False)
    f = s.conclusion.normal_form()
    v = r.witness.value(f)
    assert isinstance(v, Fraction)
    assert (v < 0) if s.conclusion.sense == ">=" else (v != 0)
