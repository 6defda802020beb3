"""Tests for natlat_sym.finite.families."""

from fractions import Fraction as F

import numpy as np
import pytest

from natlat_sym.errors import DistributionError
from natlat_sym.finite.evaluate import exact_value
from natlat_sym.finite.families import (
    binary_erasure, block_diagonal, dsbs, noisy_copies, parity, product, uniform, xor,
)


def test_dsbs_exact_and_float():
    d = dsbs(F(1, 10))
    assert d.is_exact and d.pmf.tolist() == [[F(9, 20), F(1, 20)], [F(1, 20), F(9, 20)]]
    f = dsbs(0.1)
    assert not f.is_exact and f.is_close(d.to_float())
    assert dsbs("1/10") == d
    for bad in (-0.1, F(3, 2), float("nan"), True):
        with pytest.raises(DistributionError, match="parameter p"):
            dsbs(bad)


@pytest.mark.parametrize("noise", ["flip", "uniform"])
def test_noisy_copies_are_conditionally_independent(noise):
    d = noisy_copies(3, F(1, 5), k=3, noise=noise)
    assert d.shape == (3, 3, 3, 3) and d.latents == ("L",)
    assert exact_value("I(X1;X2|L)", d).is_zero()
    assert exact_value("I(X1,X2;X3|L)", d).is_zero()
    assert not exact_value("I(X1;X2)", d).is_zero()
    # P[X1 = L] is 1 - p for flip noise, 1 - p + p/k for uniform noise
    agree = sum(d.marginal(["X1", "L"]).pmf[i, i] for i in range(3))
    assert agree == (F(4, 5) if noise == "flip" else F(4, 5) + F(1, 15))


def test_noisy_copies_bad_input():
    with pytest.raises(DistributionError, match="n >= 1"):
        noisy_copies(0, 0.1)
    with pytest.raises(DistributionError, match="k >= 2"):
        noisy_copies(2, 0.1, k=1)
    with pytest.raises(DistributionError, match="noise must be"):
        noisy_copies(2, 0.1, noise="gauss")
    with pytest.raises(DistributionError, match="2 names given for n = 3"):
        noisy_copies(3, 0.1, names=["A", "B"])
    assert noisy_copies(2, 0.1, include_latent=False).names == ("X1", "X2")


def test_parity_and_xor():
    x = xor()
    assert x.is_exact and len(x.support()) == 4
    assert all((a ^ b) == c for a, b, c in x.support())
    p = parity(4, k=3)
    assert p.shape == (3, 3, 3, 3) and len(p.support()) == 27
    assert exact_value("I(X1,X2,X3;X4)", p).is_zero() is False
    assert exact_value("I(X1,X2;X4)", p).is_zero()
    with pytest.raises(DistributionError):
        parity(1)
    with pytest.raises(DistributionError):
        parity(3, k=1)


def test_block_diagonal():
    d = block_diagonal([(1, 2), [["1/2", "0"], ["0", "1/2"]]], ["1/3", "2/3"])
    assert d.shape == (3, 4) and d.is_exact
    assert d.pmf[0, 1] == F(1, 6) and d.pmf[2, 3] == F(1, 3) and d.pmf[0, 2] == 0
    with pytest.raises(DistributionError, match="weights sum"):
        block_diagonal([(1, 1), (1, 1)], ["1/2", "1/3"])
    with pytest.raises(DistributionError, match="block 0"):
        block_diagonal([[[0.5, 0.6]]])
    with pytest.raises(DistributionError, match="2 weights for 1 blocks"):
        block_diagonal([(1, 1)], ["1/2", "1/2"])
    with pytest.raises(DistributionError, match="at least one block"):
        block_diagonal([])


def test_binary_erasure():
    d = binary_erasure(F(1, 4))
    assert d.alphabets == ((0, 1), (0, 1, "e"))
    assert d.probability(Y="e") == F(1, 4)
    assert d.condition(Y="e").pmf.tolist() == [F(1, 2), F(1, 2)]
    assert not binary_erasure(0.25).is_exact
    with pytest.raises(DistributionError, match="parameter e"):
        binary_erasure(2)


def test_product_and_uniform():
    d = product(["1/2", "1/2"], ["1/3", "2/3"], names=["A", "B"])
    assert exact_value("I(A;B)", d).is_zero()
    assert uniform([2, 3]).pmf[1, 2] == F(1, 6)
    assert not uniform([2], exact=False).is_exact
    with pytest.raises(DistributionError, match="marginal 1"):
        product([1], [0.5, 0.6])
    with pytest.raises(DistributionError):
        uniform([0, 2])
    with pytest.raises(DistributionError, match="2 names for 1"):
        product([1], names=["A", "B"])
