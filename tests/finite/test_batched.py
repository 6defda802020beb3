"""Tests for natlat_sym.finite.batched."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natlat_sym.errors import DistributionError
from natlat_sym.finite.batched import DistributionBatch, evaluate_batch
from natlat_sym.finite.evaluate import exact_value, float_value
from natlat_sym.finite.families import dsbs, xor
from natlat_sym.strategies import distributions

NAMES4 = ["X0", "X1", "X2", "X3"]


def test_matches_single_evaluation():
    b = DistributionBatch.random([3, 3, 3, 3], 50, seed=1, names=NAMES4)
    exprs = ["I(X0;X1|X2)", "H(X3|X0,X1)", "I(X0,X1;X2,X3) - 2*H(X1)", "H(X0,X1,X2,X3)"]
    values = b.evaluate_many(exprs)
    assert values.shape == (4, 50)
    for i in (0, 17, 49):
        d = b[i]
        for j, e in enumerate(exprs):
            assert abs(values[j, i] - float_value(e, d)) < 1e-12


@settings(max_examples=20, deadline=None)
@given(st.lists(distributions((2, 3, 2), exact=True, max_weight=5), min_size=1, max_size=5))
def test_agrees_with_exact_values(dists):
    b = DistributionBatch.from_distributions(dists)
    got = b.evaluate("I(X1;X3|X2)")
    for g, d in zip(got, dists):
        assert abs(g - float(exact_value("I(X1;X3|X2)", d))) < 1e-12


def test_known_values_and_parameters():
    b = DistributionBatch.from_distributions([dsbs(0.1), dsbs(0.5), dsbs(0.0)])
    np.testing.assert_allclose(b.evaluate("I(X1;X2)"), [0.5310044064107188, 0.0, 1.0], atol=1e-15)
    np.testing.assert_allclose(b.evaluate("I(X1;X2) - eps", parameters={"eps": 0.5}),
                               [0.0310044064107188, -0.5, 0.5], atol=1e-15)
    x = DistributionBatch.from_distributions([xor()])
    assert x.evaluate("I(X1;X2)")[0] == 0.0 and x.evaluate("I(X1;X2|X3)")[0] == pytest.approx(1.0, abs=1e-15)


def test_marginals_are_cached_and_consistent():
    b = DistributionBatch.random([2, 3, 4], 10, seed=2, names=["A", "B", "C"])
    m = b.marginal(["C", "A"])  # axes in batch variable order
    np.testing.assert_allclose(m, b.pmfs.sum(axis=2))
    assert b.marginal({"A", "C"}) is m
    np.testing.assert_allclose(b.entropy([]), 0.0)


def test_seeds_reproduce():
    a = DistributionBatch.random([3, 3], 5, seed=11).pmfs
    assert np.array_equal(a, DistributionBatch.random([3, 3], 5, seed=11).pmfs)
    assert not np.array_equal(a, DistributionBatch.random([3, 3], 5, seed=12).pmfs)


@pytest.mark.parametrize("pmfs, names, message", [
    ([[0.5, -0.5, 1.0]], ["X"], r"distribution 0 of the batch has a negative entry at index \(1,\)"),
    ([[0.5, 0.5], [np.nan, 1.0]], ["X"], "distribution 1 of the batch has a non-finite entry"),
    ([[0.5, 0.5], [0.5, 0.6]], ["X"], "distribution 1 of the batch sums to 1.1"),
    ([0.5, 0.5], ["X"], "expected 1 \\+ 1"),
    ([[0.5, 0.5]], ["X", "X"], "duplicate"),
    (np.zeros((3, 0)), ["X"], "empty"),
    ([["a", "b"]], ["X"], "not a numeric array"),
])
def test_bad_input(pmfs, names, message):
    with pytest.raises(DistributionError, match=message):
        DistributionBatch(pmfs, names)


def test_bad_usage():
    b = DistributionBatch.random([2, 2], 3, seed=0)
    with pytest.raises(DistributionError, match="mentions Y"):
        b.evaluate("I(X0;Y)")
    with pytest.raises(DistributionError, match="unknown variable"):
        b.marginal(["Q"])
    with pytest.raises(DistributionError, match="different names"):
        DistributionBatch.from_distributions([dsbs(0.1), xor()])
    with pytest.raises(DistributionError, match="at least one"):
        DistributionBatch.from_distributions([])
    with pytest.raises(DistributionError, match="count"):
        DistributionBatch.random([2], 0)
    with pytest.raises(DistributionError, match="sizes"):
        DistributionBatch.random([0], 2)
    assert evaluate_batch("H(X)", np.array([[0.25, 0.75]]), ["X"])[0] == pytest.approx(0.8112781244591328)
