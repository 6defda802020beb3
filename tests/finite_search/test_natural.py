"""Best natural latents, error frontier and naturality reports."""

import numpy as np
import pytest

from natlat_sym.errors import BudgetExceeded, DistributionError
from natlat_sym.finite.distribution import Distribution
from natlat_sym.finite.natural import (
    best_deterministic_latent, best_stochastic_latent, error_frontier, latent_errors, naturality_report)

E2 = Distribution.from_array([["1/8", "1/8", 0], ["1/8", "1/8", 0], [0, 0, "1/2"]], ["X1", "X2"])


def dsbs(p):
    return Distribution.from_array(np.array([[(1 - p) / 2, p / 2], [p / 2, (1 - p) / 2]]), ["X1", "X2"])


def test_e2_block_label_is_exact_natural_latent():
    T = best_deterministic_latent(E2)
    assert T.score == 0 and T.entropy == pytest.approx(1.0)
    tau = best_stochastic_latent(E2)
    assert tau.score == pytest.approx(0, abs=1e-9)


def test_tau_below_T_and_dsbs_ratio():
    T = best_deterministic_latent(dsbs(0.1))
    tau = best_stochastic_latent(dsbs(0.1), seed=0)
    assert 0 < tau.score <= T.score
    assert T.score / tau.score > 1.7   # spec O1: T/τ ≳ 1.75 at p = 0.1


def test_deterministic_score_matches_direct_evaluation():
    rng = np.random.default_rng(2)
    d = Distribution.from_array(rng.dirichlet(np.ones(6)).reshape(2, 3), ["X1", "X2"])
    T = best_deterministic_latent(d)
    e = latent_errors(T.distribution, "Λ")
    assert e.kind == "deterministic"
    assert e.mediation == pytest.approx(T.mediation, abs=1e-12)
    assert e.redundancy == pytest.approx(T.redundancy, abs=1e-12)


def test_frontier_is_monotone_tradeoff():
    fr = error_frontier(dsbs(0.1))
    med, red = fr.mediation[fr.pareto], fr.redundancy[fr.pareto]
    assert np.all(np.diff(med) > 0) and np.all(np.diff(red) < 0)
    assert len(fr.entropy) == 15  # Bell(4)


def test_seed_reproduces():
    a = best_stochastic_latent(dsbs(0.2), seed=3)
    b = best_stochastic_latent(dsbs(0.2), seed=3)
    assert a.score == b.score


def test_report_with_latent():
    d = E2.with_latent("K", function=lambda a, b: int(a == 2 or b == 2), given=["X1", "X2"])
    rep = naturality_report(d)
    assert rep.latents["K"].score == pytest.approx(0, abs=1e-12)
    assert "H(K|X2)" in rep.text() and rep.to_json()["best_deterministic"]["score"] == 0


def test_budget_and_bad_input():
    rng = np.random.default_rng(0)
    big = Distribution.from_array(rng.dirichlet(np.ones(12)).reshape(3, 4), ["X1", "X2"])
    with pytest.raises(BudgetExceeded):
        best_deterministic_latent(big)
    assert "skipped" in naturality_report(big).note
    with pytest.raises(DistributionError):
        latent_errors(E2, "Q")
