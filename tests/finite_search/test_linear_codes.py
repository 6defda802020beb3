"""Linear codes over GF(2) and GF(3): rank functions, representations, and the
exact entropies of the uniform-over-the-code distributions."""

import itertools
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natlat_sym.errors import BudgetExceeded, DistributionError
from natlat_sym.finite.evaluate import ExactValue, exact_entropy
from natlat_sym.finite.linear_codes import (code_counts, code_distribution, find_representation,
                                            linear_rank_vectors, rank_function)


@st.composite
def configurations(draw, max_n=3, max_k=3):
    q = draw(st.sampled_from([2, 3]))
    n = draw(st.integers(1, max_n))
    k = draw(st.integers(1, max_k))
    vector = st.tuples(*[st.integers(0, q - 1)] * k)
    conf = tuple(tuple(draw(st.lists(vector, max_size=2))) for _ in range(n))
    return q, conf


def _names(n):
    return tuple(f"X{i + 1}" for i in range(n))


@settings(max_examples=25, deadline=None)
@given(configurations())
def test_code_entropies_are_rank_times_log_q(case):
    # the independent exact evaluator agrees: H(X_S) = rank(S) * log2(q), exactly
    q, conf = case
    names = _names(len(conf))
    d = code_distribution(conf, q, names)
    ranks = rank_function(conf, q)
    for s in range(1, 1 << len(conf)):
        subset = [names[i] for i in range(len(conf)) if s >> i & 1]
        assert exact_entropy(d, subset) == ExactValue.log2(q) * ranks[s]


@settings(max_examples=25, deadline=None)
@given(configurations())
def test_every_rank_function_of_a_code_is_found_again(case):
    # the search is exhaustive up to GL_k(q): a representable vector is always found
    q, conf = case
    ranks = rank_function(conf, q)
    found = find_representation(ranks, q)
    assert found is not None
    assert rank_function(found, q) == ranks


def test_uniform_matroid_u24_needs_three_elements():
    u24 = [min(bin(s).count("1"), 2) for s in range(16)]
    assert find_representation(u24, 2) is None     # only three nonzero vectors in F_2^2
    conf = find_representation(u24, 3)
    assert rank_function(conf, 3) == u24
    d = code_distribution(conf, 3, "ABCD")
    assert exact_entropy(d, ["A"]) == ExactValue.log2(3)
    assert exact_entropy(d, ["A", "B", "C", "D"]) == ExactValue.log2(9)
    # and twice U(2,4) is representable over GF(2) (GF(4) viewed over GF(2))
    assert rank_function(find_representation([2 * r for r in u24], 2), 2) == [2 * r for r in u24]


def test_vectors_that_are_not_rank_functions_have_no_representation():
    assert find_representation([0, 1, 1, 3], 2) is None    # H(X,Y) > H(X) + H(Y)
    assert find_representation([0, 2, 1, 1], 2) is None    # not monotone
    assert find_representation([0, -1], 2) is None
    # an Ingleton-violating polymatroid is linear over no field
    ingleton_breaker = {0: 0}
    names = "ABCD"
    values = {"A": 2, "B": 2, "C": 2, "D": 2, "AB": 3, "AC": 3, "AD": 3, "BC": 3, "BD": 3, "CD": 4}
    for s in range(1, 16):
        key = "".join(names[i] for i in range(4) if s >> i & 1)
        ingleton_breaker[s] = values.get(key, 4)
    ranks = [ingleton_breaker[s] for s in range(16)]
    assert find_representation(ranks, 2) is None and find_representation(ranks, 3) is None


def test_past_deadline_does_no_search():
    past = time.monotonic() - 1.0
    assert find_representation([0, 1, 1, 2, 1, 2, 2, 2], 2, deadline=past) is None
    assert linear_rank_vectors(3, 2, deadline=past) is None
    assert find_representation([0, 1, 1, 2, 1, 2, 2, 2], 2, deadline=time.monotonic() + 60) is not None


def test_rank_vectors_match_brute_force_over_gf2():
    # every rank function of 3 subspaces of F_2^2, enumerated naively
    subspaces = [(), ((1, 0),), ((0, 1),), ((1, 1),), ((1, 0), (0, 1))]
    naive = {tuple(rank_function(c, 2)) for c in itertools.product(subspaces, repeat=3)}
    assert set(linear_rank_vectors(3, 2)) == naive


def test_bad_input_is_a_one_line_error():
    with pytest.raises(DistributionError, match="field size"):
        find_representation([0, 1], 4)
    with pytest.raises(DistributionError, match="2\\*\\*n entries"):
        find_representation([0, 1, 1], 2)
    with pytest.raises(DistributionError, match="names"):
        code_distribution((((1,),),), 2, ("A", "B"))
    with pytest.raises(BudgetExceeded, match="cells"):
        code_counts(tuple((((1,) + (0,) * 4),) for _ in range(5)), 3, max_cells=100)
