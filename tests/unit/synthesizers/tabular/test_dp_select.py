"""AIM's rounds (dp_select): the estimate they score against, what they spend, what they pick."""

from __future__ import annotations

import numpy as np
import pytest

from veil.privacy.dp.accounting import ZcdpBudget
from veil.synthesizers.tabular.dp_select import SELECT_SHARE, Estimate, pair_candidates, select_and_measure


def _chain(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    """a -> b -> c, a Markov chain; d independent of all."""
    a = rng.integers(0, 3, n)
    b = (a + (rng.random(n) < 0.2)) % 4
    c = np.where(rng.random(n) < 0.9, b % 3, rng.integers(0, 3, n))
    d = rng.integers(0, 5, n)
    return {"a": a, "b": b, "c": c, "d": d}


SIZES = {"a": 3, "b": 4, "c": 3, "d": 5}


def _counts(data, pair):
    x, y = pair
    return np.bincount(data[x] * SIZES[y] + data[y], minlength=SIZES[x] * SIZES[y]).astype(float)


def _oneways(data):
    return {c: np.bincount(v, minlength=SIZES[c]) / v.size for c, v in data.items()}


def test_an_unmeasured_pair_is_read_through_the_chain_of_measured_pairs():
    data = _chain(np.random.default_rng(0), 50_000)
    estimate = Estimate(sizes=SIZES, oneway=_oneways(data))
    # nothing measured: independence
    np.testing.assert_allclose(estimate.joint(("a", "c")), np.outer(estimate.oneway["a"], estimate.oneway["c"]))
    estimate.add(("a", "b"), _counts(data, ("a", "b")), sigma=1.0)
    estimate.add(("b", "c"), _counts(data, ("b", "c")), sigma=1.0)
    truth = _counts(data, ("a", "c")).reshape(3, 3) / 50_000
    # exact for a chain of measurements (a and c are independent given b), up to sampling error
    np.testing.assert_allclose(estimate.joint(("a", "c")), truth, atol=0.01)
    np.testing.assert_allclose(estimate.joint(("c", "a")), truth.T, atol=0.01)
    # a column outside the measured pairs is still independent of them
    np.testing.assert_allclose(estimate.joint(("a", "d")), np.outer(estimate.oneway["a"], estimate.oneway["d"]))


def test_repeated_measurements_of_a_pair_combine_by_inverse_variance():
    estimate = Estimate(sizes={"x": 1, "y": 2}, oneway={"x": np.ones(1), "y": np.ones(2) / 2})
    estimate.add(("x", "y"), np.array([10.0, 30.0]), sigma=1.0)
    estimate.add(("x", "y"), np.array([30.0, 10.0]), sigma=2.0)
    np.testing.assert_allclose(estimate.measured[("x", "y")].counts, [14.0, 26.0])


def test_rounds_spend_exactly_their_rho_and_pick_the_dependent_pairs_first():
    data = _chain(np.random.default_rng(1), 20_000)
    budget = ZcdpBudget(total_rho=1.0)
    estimate = Estimate(sizes=SIZES, oneway=_oneways(data))
    rounds = select_and_measure(
        lambda p: _counts(data, p),
        estimate,
        candidates=pair_candidates(SIZES, max_cells=1000),
        rows=20_000.0,
        rho=0.5,
        budget=budget,
        rng=np.random.default_rng(2),
    )
    assert budget.spent == pytest.approx(0.5, rel=1e-9)
    selects = [r for p, r in budget.spends if p == "select:round"]
    measures = [r for p, r in budget.spends if p.startswith("two-way:")]
    assert len(selects) == len(measures) == len(rounds)
    assert sum(selects) == pytest.approx(SELECT_SHARE * 0.5, rel=1e-9)
    picked = [r.pair for r in rounds]
    assert set(picked[:2]) == {("a", "b"), ("b", "c")}
    assert not any("d" in pair for pair in picked[:2])
    # annealing: once a measurement tells the estimate nothing new, later rounds are less noisy
    sigmas = [r.sigma for r in rounds]
    assert sigmas[-1] < sigmas[0]


def test_rounds_only_grow_the_model_within_what_fits():
    data = _chain(np.random.default_rng(3), 5_000)
    budget = ZcdpBudget(total_rho=1.0)
    rounds = select_and_measure(
        lambda p: _counts(data, p),
        Estimate(sizes=SIZES, oneway=_oneways(data)),
        candidates=pair_candidates(SIZES, max_cells=1000),
        rows=5_000.0,
        rho=1.0,
        budget=budget,
        rng=np.random.default_rng(4),
        fits=lambda pairs: len(set(pairs)) <= 2,  # a model of at most two pairs
    )
    assert len({r.pair for r in rounds}) == 2
    assert budget.spent == pytest.approx(1.0, rel=1e-9)  # later rounds re-measure the pairs it has


def test_candidates_leave_out_pairs_with_too_many_cells():
    assert pair_candidates({"a": 10, "b": 10, "c": 1000}, max_cells=500) == [("a", "b")]
