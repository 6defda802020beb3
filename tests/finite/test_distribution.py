"""Tests for natlat_sym.finite.distribution."""

from fractions import Fraction as F

import numpy as np
import pytest

from natlat_sym.errors import DistributionError, NatLatError
from natlat_sym.finite.distribution import Distribution


def half_half():
    return Distribution.from_array([[F(1, 2), 0], [0, F(1, 2)]], ["X", "Y"])


# ----------------------------------------------------------------- construction
def test_exact_detection_and_types():
    d = half_half()
    assert d.is_exact and d.pmf.dtype == object
    assert all(isinstance(v, F) for v in d.pmf.flat)
    f = Distribution.from_array([[0.5, 0.0], [0.0, 0.5]], ["X", "Y"])
    assert not f.is_exact and f.pmf.dtype == np.float64
    assert Distribution.from_array(np.array([1, 0]), ["X"]).is_exact  # integer arrays are exact


def test_exact_true_converts_floats_exactly():
    d = Distribution.from_array([0.25, 0.75], ["X"], exact=True)
    assert d.pmf.tolist() == [F(1, 4), F(3, 4)]
    with pytest.raises(DistributionError, match="sum to"):
        Distribution.from_array([0.1, 0.9], ["X"], exact=True)  # 0.1 + 0.9 in binary is not exactly 1


def test_pmf_is_read_only_and_object_immutable():
    d = half_half()
    with pytest.raises(ValueError):
        d.pmf[0, 0] = F(1)
    with pytest.raises(AttributeError):
        d.names = ("A", "B")


@pytest.mark.parametrize("pmf, names, message", [
    ([[0.5, -0.1], [0.6, 0.0]], ["X", "Y"], r"entry at index \(0, 1\) is negative \(-0.1\)"),
    ([0.5, float("nan")], ["X"], r"index \(1,\) is not finite"),
    ([0.5, float("inf")], ["X"], "not finite"),
    ([0.5, 0.4], ["X"], r"sum to 0.9, not 1 \(tolerance 1e-09\)"),
    (["1/2", "1/3"], ["X"], "sum to 5/6, not 1"),
    (["1/2", "-1/2", "1"], ["X"], "negative"),
    ([0.5, 0.5], ["X", "Y"], "1 axes but 2 names"),
    ([[0.5, 0.5]], ["X", "X"], "duplicate variable name 'X'"),
    ([0.5, 0.5], ["1X"], "invalid variable name '1X'"),
    ([0.5, 0.5], [3], "invalid variable name 3"),
    ([0.5, 0.5], ["X Y"], "invalid variable name"),
    (np.zeros((2, 0)), ["X", "Y"], "alphabet of 'Y' is empty"),
    ([[0.5, 0.5], [0.5]], ["X", "Y"], "rectangular"),
    (["a", "b"], ["X"], "not a number"),
    ([True, False], ["X"], "bool"),
])
def test_bad_input(pmf, names, message):
    with pytest.raises(DistributionError, match=message):
        Distribution.from_array(pmf, names)


def test_errors_are_one_line_natlat_errors():
    with pytest.raises(NatLatError) as info:
        Distribution.from_array([0.2, 0.2], ["X"])
    assert "\n" not in str(info.value)


def test_tolerance_is_stated_and_used():
    Distribution.from_array([0.5, 0.5 + 1e-6], ["X"], tolerance=1e-5)
    with pytest.raises(DistributionError, match="tolerance 1e-07"):
        Distribution.from_array([0.5, 0.5 + 1e-6], ["X"], tolerance=1e-7)
    with pytest.raises(DistributionError, match="tolerance"):
        Distribution.from_array([0.5, 0.5], ["X"], tolerance=-1)


def test_alphabet_mismatch_and_repeats():
    with pytest.raises(DistributionError, match="has 3 labels but the array axis has size 2"):
        Distribution.from_array([0.5, 0.5], ["X"], alphabets=[("a", "b", "c")])
    with pytest.raises(DistributionError, match="repeated labels"):
        Distribution.from_array([0.5, 0.5], ["X"], alphabets=[("a", "a")])
    with pytest.raises(DistributionError, match="empty"):
        Distribution.from_array([0.5, 0.5], ["X"], alphabets=[()])
    with pytest.raises(DistributionError, match="2 alphabets given for 1"):
        Distribution.from_array([0.5, 0.5], ["X"], alphabets=[(0, 1), (0, 1)])


def test_from_dict():
    d = Distribution.from_dict({("a", 0): "1/3", ("b", 1): "2/3"}, ["X", "Y"])
    assert d.alphabets == (("a", "b"), (0, 1))
    assert d.pmf[1, 1] == F(2, 3) and d.pmf[0, 1] == 0
    with pytest.raises(DistributionError, match="has 1 components but there are 2"):
        Distribution.from_dict({(0,): 1}, ["X", "Y"])
    with pytest.raises(DistributionError, match="label 5 is not in its alphabet"):
        Distribution.from_dict({(5,): 1}, ["X"], alphabets=[(0, 1)])
    with pytest.raises(DistributionError, match="nonempty mapping"):
        Distribution.from_dict({}, ["X"])
    with pytest.raises(DistributionError, match="sum"):
        Distribution.from_dict({(0,): 0.5}, ["X"])


# ----------------------------------------------------------------- operations
def test_marginal_orders_axes_as_requested():
    rng = np.random.default_rng(1)
    arr = rng.random((2, 3, 4))
    arr /= arr.sum()
    d = Distribution.from_array(arr, ["A", "B", "C"])
    np.testing.assert_allclose(d.marginal(["C", "A"]).pmf, arr.sum(axis=1).T)
    np.testing.assert_allclose(d.marginal(["B"]).pmf, arr.sum(axis=(0, 2)))
    assert d.marginal(["C", "A"]).alphabets == ((0, 1, 2, 3), (0, 1))
    assert d.marginal([]).pmf == pytest.approx(1.0)
    with pytest.raises(DistributionError, match="unknown variable 'Q'"):
        d.marginal(["Q"])
    with pytest.raises(DistributionError, match="repeated"):
        d.marginal(["A", "A"])


def test_exact_marginal_stays_exact():
    d = Distribution.from_array([[F(1, 6), F(1, 3)], [F(1, 4), F(1, 4)]], ["A", "B"])
    m = d.marginal(["B"])
    assert m.is_exact and m.pmf.tolist() == [F(5, 12), F(7, 12)]


def test_entropy_values():
    d = Distribution.from_array([0.5, 0.25, 0.25], ["X"])
    assert d.entropy(["X"]) == 1.5
    assert d.entropy([]) == 0.0
    assert half_half().entropy(["X", "Y"]) == 1.0


def test_with_latent_channel_and_function():
    d = Distribution.from_array([[F(1, 4)] * 2] * 2, ["X", "Y"])
    j = d.with_latent("L", function=lambda x, y: (x + y) % 2, given=["Y", "X"])
    assert j.names == ("X", "Y", "L") and j.latents == ("L",)
    for (x, y, l), p in j.items():
        assert l == (x + y) % 2 and p == F(1, 4)
    # channel given a subset, in non-axis order
    ch = [[F(1), F(0)], [F(1, 3), F(2, 3)]]  # P[L | Y]
    j2 = d.with_latent("L", ch, given=["Y"])
    assert j2.pmf[0, 1, 1] == F(1, 4) * F(2, 3) and j2.pmf[1, 0, 1] == 0
    assert j2.marginal(["X", "Y"]) == d


def test_with_latent_channel_given_two_parents_reversed():
    rng = np.random.default_rng(3)
    arr = rng.random((2, 3)); arr /= arr.sum()
    d = Distribution.from_array(arr, ["X", "Y"])
    ch = rng.random((3, 2, 4)); ch /= ch.sum(axis=-1, keepdims=True)  # P[L | Y, X]
    j = d.with_latent("L", ch, given=["Y", "X"])
    expected = arr[:, :, None] * np.transpose(ch, (1, 0, 2))
    np.testing.assert_allclose(j.pmf, expected)


@pytest.mark.parametrize("kwargs, message", [
    (dict(channel=[[0.5, 0.4], [1, 0]]), r"channel row at index \(0,\) sums to 0.9"),
    (dict(channel=[[0.5, 0.5]]), "channel has shape"),
    (dict(channel=[[1.5, -0.5], [1, 0]]), "negative"),
    (dict(), "exactly one of"),
    (dict(channel=[[1, 0], [0, 1]], function=lambda x: x), "exactly one of"),
    (dict(function=lambda x: 1 / 0), "function failed"),
    (dict(function=lambda x: 7, alphabet=(0, 1)), "function value 7"),
])
def test_with_latent_bad_input(kwargs, message):
    d = Distribution.from_array([0.5, 0.5], ["X"])
    with pytest.raises(DistributionError, match=message):
        d.with_latent("L", **kwargs)


def test_with_latent_exact_channel_rows_must_sum_exactly():
    d = Distribution.from_array(["1/2", "1/2"], ["X"])
    with pytest.raises(DistributionError, match="sums to 2/3, not 1"):
        d.with_latent("L", [["1/3", "1/3"], ["1", "0"]])
    with pytest.raises(DistributionError, match="already exists"):
        d.with_latent("X", [["1", "0"], ["1", "0"]])


def test_condition():
    d = Distribution.from_array([[F(1, 2), 0], [F(1, 4), F(1, 4)]], ["X", "Y"], alphabets=[("a", "b"), (0, 1)])
    c = d.condition(X="b")
    assert c.names == ("Y",) and c.pmf.tolist() == [F(1, 2), F(1, 2)]
    with pytest.raises(DistributionError, match="probability 0"):
        Distribution.from_array([[1, 0], [0, 0]], ["X", "Y"]).condition(X=1)
    with pytest.raises(DistributionError, match="not in the alphabet"):
        d.condition(X="z")


def test_mix_and_product():
    a = Distribution.from_array([1, 0], ["X"])
    b = Distribution.from_array([0, 1], ["X"])
    assert a.mix(b, F(1, 3)).pmf.tolist() == [F(2, 3), F(1, 3)]
    assert not a.mix(b, 0.5).is_exact
    with pytest.raises(DistributionError, match=r"\[0, 1\]"):
        a.mix(b, 2)
    with pytest.raises(DistributionError, match="same names"):
        a.mix(Distribution.from_array([1, 0], ["Y"]), "1/2")
    p = a.product(Distribution.from_array(["1/3", "2/3"], ["Y"]))
    assert p.pmf.tolist() == [[F(1, 3), F(2, 3)], [0, 0]]
    with pytest.raises(DistributionError, match="disjoint"):
        a.product(b)


def test_to_exact_normalises_exactly():
    d = Distribution.from_array([0.1, 0.2, 0.7], ["X"])
    e = d.to_exact()
    assert e.is_exact and sum(e.pmf) == 1
    assert abs(float(e.pmf[0]) - 0.1) < 1e-15
    assert d.to_exact(max_denominator=10).pmf.tolist() == [F(1, 10), F(2, 10), F(7, 10)]
    assert e.to_float().is_close(d)


def test_equality_and_hash():
    assert half_half() == half_half() and hash(half_half()) == hash(half_half())
    assert half_half() != half_half().to_float()
    assert half_half().rename({"X": "A"}).names == ("A", "Y")
    assert half_half().reorder(["Y", "X"]).names == ("Y", "X")
