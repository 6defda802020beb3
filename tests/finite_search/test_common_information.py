"""Gács–Körner, Wyner and exact common information against closed forms and dit."""

import math

import numpy as np
import pytest

from natlat_sym.errors import DistributionError
from natlat_sym.finite.common_information import (
    component_labels, exact_common_information, gacs_korner, wyner_common_information)
from natlat_sym.finite.distribution import Distribution


def h(p):
    return -p * math.log2(p) - (1 - p) * math.log2(1 - p)


def dsbs(p):
    return Distribution.from_array(np.array([[(1 - p) / 2, p / 2], [p / 2, (1 - p) / 2]]), ["X1", "X2"])


def test_gk_of_block_diagonal_is_entropy_of_block_label_exactly():
    d = Distribution.from_array([["1/12", "1/12", 0], ["1/12", "1/12", 0], [0, 0, "2/3"]], ["X1", "X2"])
    r = gacs_korner(d)
    assert r.value == pytest.approx(h(1 / 3), abs=1e-14)
    lo, hi = r.enclosure
    assert lo <= hi and hi - lo < 1e-20 and abs(float(lo) - h(1 / 3)) < 1e-14


def test_e1_copy_gk_equals_i_equals_wyner():
    d = Distribution.from_array([["1/2", 0], [0, "1/2"]], ["X1", "X2"])
    assert gacs_korner(d).value == 1.0
    assert wyner_common_information(d, starts=2).value == pytest.approx(1.0, abs=1e-6)


@pytest.mark.parametrize("p", [0.1, 0.25])
def test_wyner_of_dsbs_closed_form(p):
    a = (1 - math.sqrt(1 - 2 * p)) / 2
    r = wyner_common_information(dsbs(p), starts=4, seed=0)
    assert r.value == pytest.approx(1 + h(p) - 2 * h(a), abs=1e-6)   # optimiser tolerance
    assert r.mediation < 1e-6
    i = 1 - h(p)
    g = exact_common_information(dsbs(p), starts=4)
    assert i <= r.value + 1e-9 <= g.value + 2e-6


def test_binary_erasure_wyner_below_half():
    p = 0.3
    d = Distribution.from_array(np.array([[(1 - p) / 2, p / 2, 0], [0, p / 2, (1 - p) / 2]]), ["X1", "X2"])
    assert wyner_common_information(d, starts=4).value == pytest.approx(1.0, abs=1e-6)


def test_seed_reproduces():
    a = wyner_common_information(dsbs(0.2), seed=5, starts=2)
    b = wyner_common_information(dsbs(0.2), seed=5, starts=2)
    assert a.value == b.value


def test_components_three_observables():
    pmf = np.zeros((2, 2, 2))
    pmf[0, 0, 0] = pmf[1, 1, 1] = 0.5
    assert sorted(set(component_labels(pmf).ravel())) == [-1, 0, 1]


def test_bad_input():
    d = dsbs(0.1)
    with pytest.raises(DistributionError, match="not a variable"):
        gacs_korner(d, observables=["X1", "Q"])
    with pytest.raises(DistributionError, match="two observables"):
        gacs_korner(d, observables=["X1"])


def test_against_dit():
    dit = pytest.importorskip("dit")
    from dit.multivariate import gk_common_information, wyner_common_information as dit_wyner
    rng = np.random.default_rng(1)
    P = rng.dirichlet(np.ones(4)).reshape(2, 2)
    P = np.block([[P * 0.6, np.zeros((2, 1))], [np.zeros((1, 2)), np.array([[0.4]])]])
    outcomes = [f"{i}{j}" for i in range(3) for j in range(3) if P[i, j] > 0]
    dd = dit.Distribution(outcomes, [P[int(o[0]), int(o[1])] for o in outcomes])
    d = Distribution.from_array(P, ["X1", "X2"])
    assert gacs_korner(d).value == pytest.approx(gk_common_information(dd), abs=1e-9)
    ours = wyner_common_information(dsbs(0.1), starts=4).value
    q = 0.1
    dd2 = dit.Distribution(["00", "01", "10", "11"], [(1 - q) / 2, q / 2, q / 2, (1 - q) / 2])
    theirs = dit_wyner(dd2)
    assert ours <= theirs + 1e-4 and ours == pytest.approx(theirs, abs=1e-3)
