"""Accounting and mechanisms of veil.privacy.dp, checked against Opacus and against first principles."""

from __future__ import annotations

import math

import numpy as np
import pytest
from opacus.accountants import RDPAccountant

from veil.privacy.dp.accounting import ORDERS, ZcdpBudget, dpsgd_epsilon, dpsgd_noise_for, zcdp_epsilon, zcdp_rho_for
from veil.privacy.dp.mechanisms import (
    BOUND_GRID,
    ExponentialMechanism,
    GaussianMechanism,
    GaussianPartitionSelection,
    private_bounds,
)
from veil.privacy.errors import PrivacyError


@pytest.mark.parametrize("epsilon", [0.1, 0.5, 1.0, 3.0, 10.0])
def test_rho_for_epsilon_is_the_largest_that_fits(epsilon):
    rho = zcdp_rho_for(epsilon, 1e-6)
    assert zcdp_epsilon(rho, 1e-6) == pytest.approx(epsilon, rel=1e-6)
    assert zcdp_epsilon(rho, 1e-6) <= epsilon
    assert zcdp_epsilon(rho * 1.001, 1e-6) > epsilon
    # never looser than the classic conversion eps = rho + 2 sqrt(rho log(1/delta)) (Bun & Steinke)
    assert zcdp_epsilon(rho, 1e-6) <= rho + 2 * math.sqrt(rho * math.log(1e6)) + 1e-9


def test_dpsgd_epsilon_is_opacus_accountants():
    accountant = RDPAccountant()
    accountant.history = [(1.1, 0.01, 2000)]
    expected = accountant.get_epsilon(delta=1e-5, alphas=list(ORDERS))
    assert dpsgd_epsilon(noise_multiplier=1.1, sample_rate=0.01, steps=2000, delta=1e-5) == pytest.approx(expected)


def test_dpsgd_noise_is_the_smallest_that_meets_the_target():
    sigma = dpsgd_noise_for(epsilon=1.0, delta=1e-6, sample_rate=0.02, steps=1000, extra_rho=0.003)
    spent = dpsgd_epsilon(noise_multiplier=sigma, sample_rate=0.02, steps=1000, delta=1e-6, extra_rho=0.003)
    assert spent <= 1.0
    assert (
        dpsgd_epsilon(noise_multiplier=sigma * 0.995, sample_rate=0.02, steps=1000, delta=1e-6, extra_rho=0.003) > 1.0
    )
    assert dpsgd_noise_for(epsilon=3.0, delta=1e-6, sample_rate=0.02, steps=1000, extra_rho=0.003) < sigma


def test_invalid_targets_name_the_field():
    with pytest.raises(PrivacyError) as info:
        zcdp_rho_for(0.0, 1e-6)
    assert ("config.epsilon", "must be a finite number > 0") in info.value.violations
    with pytest.raises(PrivacyError):
        dpsgd_noise_for(epsilon=0.01, delta=1e-6, sample_rate=0.1, steps=10, extra_rho=1.0)


def test_budget_refuses_overspend_and_round_trips():
    budget = ZcdpBudget(total_rho=1.0)
    budget.spend("a", 0.4)
    budget.spend("b", 0.6)
    with pytest.raises(RuntimeError):
        budget.spend("c", 0.01)
    assert ZcdpBudget.from_dict(budget.to_dict()) == budget
    with pytest.raises(PrivacyError):
        ZcdpBudget.from_dict({"spends": []})


def test_gaussian_mechanism_noise_scale():
    mech = GaussianMechanism(rho=0.02, sensitivity=2.0)
    assert mech.sigma == pytest.approx(2.0 / math.sqrt(0.04))
    draws = mech.release(np.zeros(200_000), np.random.default_rng(0))
    assert draws.std() == pytest.approx(mech.sigma, rel=0.01)


def test_exponential_mechanism_probabilities():
    mech = ExponentialMechanism(rho=0.125)  # epsilon = 1
    assert mech.epsilon == pytest.approx(1.0)
    rng = np.random.default_rng(1)
    picks = np.bincount([mech.release(np.array([0.0, 2.0]), rng) for _ in range(20_000)], minlength=2)
    # P(best) / P(other) = exp(eps * 2 / 2) = e
    assert picks[1] / picks[0] == pytest.approx(math.e, rel=0.05)


def test_partition_selection_hides_a_lone_key():
    selector = GaussianPartitionSelection(rho=0.05, delta=0.01)
    rng = np.random.default_rng(2)
    kept_lone = sum(1 in selector.release(np.array([500.0, 1.0]), rng)[0] for _ in range(5000))
    assert kept_lone / 5000 <= 0.012
    kept, noisy = selector.release(np.array([500.0, 1.0]), rng)
    assert list(kept) == [0] and noisy[0] == pytest.approx(500, abs=10 * selector.sigma)


def test_private_bounds_are_grid_edges_around_the_bulk():
    rng = np.random.default_rng(3)
    values = rng.uniform(3.0, 900.0, 20_000)
    lo, hi = private_bounds(values, rho=0.01, rng=rng)
    assert lo in BOUND_GRID and hi in BOUND_GRID
    assert 2.0 <= lo <= 4.0 and 512.0 <= hi <= 1024.0
    assert private_bounds(np.array([]), rho=0.01, rng=rng) is None


def test_private_bounds_keep_a_heavy_tail_next_to_the_bulk_but_not_far_noise():
    rng = np.random.default_rng(4)
    # σ = 20: the bulk clears 4σ; the two tail cells (60 values each, 3σ) seldom do alone but clear 2σ
    values = np.concatenate([rng.uniform(1024, 2048, 5000), rng.uniform(2048, 4096, 60), rng.uniform(4096, 8192, 60)])
    rho = 1 / (2 * 20.0**2)
    kept = [private_bounds(values, rho=rho, rng=rng)[1] == 8192.0 for _ in range(200)]
    alone = [private_bounds(values, rho=rho, rng=rng, extend_sigmas=4.0)[1] == 8192.0 for _ in range(200)]
    assert np.mean(kept) >= 0.6 and np.mean(alone) <= 0.25
    # next to data that stops, the bounds seldom grow by a cell, and never far
    uppers = [private_bounds(values[:5000], rho=rho, rng=rng)[1] for _ in range(200)]
    assert np.mean(np.array(uppers) > 2048.0) <= 0.1 and max(uppers) <= 8192.0
