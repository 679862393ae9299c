"""Aug-PE core loop against in-process fakes: a toy topic space, no LLM, no network.

Six topics, each a direction in R^12. Private texts come from topics 0/1/2 with
80/15/5 % mass; the RANDOM API draws topics uniformly; the VARIATION API keeps
a text's topic with probability 0.85. PE should move the population's topic
mix towards the private one when the votes carry signal, and not when the
noise drowns them.
"""

from __future__ import annotations

import math
import re
import zlib

import numpy as np
import pytest

from veil.privacy.dp.accounting import ZcdpBudget
from veil.privacy.dp.mechanisms import GaussianMechanism
from veil.synthesizers.errors import EngineError, InvalidConfigError, InvalidDataError
from veil.synthesizers.text import private_evolution as pe
from veil.synthesizers.text.private_evolution import (
    PEParams,
    PEResult,
    pe_noise_for,
    run_private_evolution,
)

TOPICS = 6
DIM = 12
PRIVATE_MIX = np.array([0.80, 0.15, 0.05, 0.0, 0.0, 0.0])
_TOPIC = re.compile(r"^topic(\d+) ")


def topic_of(text: str) -> int:
    return int(_TOPIC.match(text).group(1))


def toy_embed(texts):
    """Topic direction plus per-text noise seeded by the text itself (deterministic)."""
    out = np.zeros((len(texts), DIM))
    for row, text in enumerate(texts):
        rng = np.random.default_rng(zlib.crc32(text.encode()))
        out[row, topic_of(text)] = 1.0
        out[row] += rng.normal(0.0, 0.3, DIM)
    return out


def private_embeddings(n: int = 200, seed: int = 99) -> np.ndarray:
    counts = np.round(PRIVATE_MIX * n).astype(int)
    texts = [f"topic{k} private {i}" for k, c in enumerate(counts) for i in range(c)]
    rng = np.random.default_rng(seed)
    return toy_embed(texts) + rng.normal(0.0, 0.05, (len(texts), DIM))


class FakeAPI:
    """RANDOM / VARIATION APIs over the toy topics; records calls and can be told to fail."""

    def __init__(
        self, *, fail_variations_from_call: int | None = None, fail_random: bool = False, none_share: float = 0.0
    ) -> None:
        self.random_calls: list[tuple[int, int]] = []
        self.variation_calls: list[tuple[int, int]] = []
        self.fail_variations_from_call = fail_variations_from_call
        self.fail_random = fail_random
        self.none_share = none_share

    def random(self, n: int, seed: int) -> list[str | None]:
        self.random_calls.append((n, seed))
        rng = np.random.default_rng(seed)
        if self.fail_random:
            return [None] * n
        out = [f"topic{int(rng.integers(TOPICS))} r{seed}-{i}" for i in range(n)]
        return [None if rng.random() < self.none_share else t for t in out]

    def variations(self, texts: list[str], seed: int) -> list[str | None]:
        self.variation_calls.append((len(texts), seed))
        if self.fail_variations_from_call is not None and len(self.variation_calls) >= self.fail_variations_from_call:
            return [None] * len(texts)
        rng = np.random.default_rng(seed)
        out = []
        for i, text in enumerate(texts):
            k = topic_of(text) if rng.random() < 0.85 else int(rng.integers(TOPICS))
            out.append(f"topic{k} v{seed}-{i}")
        return out


def topic_mix(texts) -> np.ndarray:
    counts = np.bincount([topic_of(t) for t in texts], minlength=TOPICS)
    return counts / counts.sum()


def tv(p: np.ndarray, q: np.ndarray) -> float:
    return 0.5 * float(np.abs(p - q).sum())


def run(
    *,
    rho: float = 1e3,
    seed: int = 0,
    params: PEParams | None = None,
    api: FakeAPI | None = None,
    budget: ZcdpBudget | None = None,
    private=None,
    progress=None,
    embed=toy_embed,
) -> PEResult:
    api = api or FakeAPI()
    budget = budget or ZcdpBudget(total_rho=rho)
    return run_private_evolution(
        private_embeddings=private_embeddings() if private is None else private,
        generate_random=api.random,
        generate_variations=api.variations,
        embed=embed,
        params=params or PEParams(iterations=4, population=60),
        rho=rho,
        seed=seed,
        spend=budget.spend,
        progress=progress,
    )


# --- utility: the population moves towards the private distribution ----------------------------------


def test_large_rho_moves_population_towards_private_mix():
    initial, final = [], []
    for seed in range(3):
        api = FakeAPI()
        result = run(rho=1e3, seed=seed, api=api)
        n, s = api.random_calls[0]
        initial.append(tv(topic_mix(FakeAPI().random(n, s)), PRIVATE_MIX))
        final.append(tv(topic_mix(result.texts), PRIVATE_MIX))
        assert len(result.texts) == 60
    # A uniform random start is ~0.63 away in TV; PE must get well below it.
    assert min(initial) > 0.4
    assert max(final) < 0.25, final
    assert np.mean(final) < np.mean(initial) - 0.3


def test_tiny_rho_does_not_concentrate():
    shares, dists = [], []
    for seed in range(4):
        result = run(rho=1e-6, seed=seed)
        mix = topic_mix(result.texts)
        shares.append(mix[0])
        dists.append(tv(mix, PRIVATE_MIX))
        assert result.sigma > 1000
    # Noise of sigma ~1400 on counts <= 200: selection is blind, topic 0 stays near its 1/6 prior.
    assert np.mean(shares) < 0.4, shares
    assert np.mean(dists) > 0.4, dists


def test_rank_selection_and_lookahead_also_learn():
    api = FakeAPI()
    result = run(rho=1e3, params=PEParams(iterations=3, population=40, lookahead=2, selection="rank"), api=api)
    mix = topic_mix(result.texts)
    assert mix[:3].sum() > 0.8  # only private topics survive the votes
    assert len(set(result.texts)) == len(result.texts)  # rank picks distinct parents
    # Lookahead: L variations of every candidate in each of the 3 votes.
    assert result.books["api_requests"]["variation"] > 3 * 2 * 40


# --- accounting ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("rho,iterations", [(0.5, 4), (1e-3, 1), (7.3, 10)])
def test_sigma_formula(rho, iterations):
    sigma = pe_noise_for(rho=rho, iterations=iterations)
    assert iterations / (2 * sigma**2) == pytest.approx(rho, rel=1e-12)
    assert sigma == pytest.approx(GaussianMechanism(rho=rho / iterations).sigma, rel=1e-12)
    assert pe_noise_for(rho=0.5, iterations=4) == pytest.approx(2.0)


def test_spends_sum_to_rho_one_per_iteration():
    budget = ZcdpBudget(total_rho=0.8)
    result = run(rho=0.8, budget=budget, params=PEParams(iterations=5, population=20))
    assert [p for p, _ in budget.spends] == [f"pe:vote:{t}" for t in range(1, 6)]
    assert budget.spent == pytest.approx(0.8, rel=1e-12)
    assert all(r == pytest.approx(0.8 / 5) for _, r in budget.spends)
    assert result.sigma == pytest.approx(pe_noise_for(rho=0.8, iterations=5))
    assert result.iterations == 5 and len(result.votes_kept) == 5


def test_spend_is_called_before_each_vote(monkeypatch):
    events: list[str] = []
    real_vote = pe._vote_histogram

    def vote(private, candidates):
        events.append("vote")
        return real_vote(private, candidates)

    monkeypatch.setattr(pe, "_vote_histogram", vote)
    run(rho=1.0, params=PEParams(iterations=3, population=10), budget=_RecordingBudget(1.0, events))
    assert events == ["spend", "vote"] * 3


def test_refused_spend_means_no_vote(monkeypatch):
    votes = []
    monkeypatch.setattr(pe, "_vote_histogram", lambda p, c: votes.append(1) or np.zeros(c.shape[0]))
    budget = ZcdpBudget(total_rho=0.1)  # smaller than the rho the run was promised: the first spend refuses
    with pytest.raises(RuntimeError, match="overspent"):
        run_private_evolution(
            private_embeddings=private_embeddings(),
            generate_random=FakeAPI().random,
            generate_variations=FakeAPI().variations,
            embed=toy_embed,
            params=PEParams(iterations=1, population=10),
            rho=1.0,
            seed=0,
            spend=budget.spend,
        )
    assert votes == [] and budget.spends == []


def test_failure_in_iteration_two_charges_one_iteration():
    # Variation calls: #1 = initial variations, #2 = the pool for vote 2 -> every one fails.
    api = FakeAPI(fail_variations_from_call=2)
    budget = ZcdpBudget(total_rho=1.0)
    with pytest.raises(EngineError) as info:
        run(rho=1.0, api=api, budget=budget, params=PEParams(iterations=4, population=10))
    assert budget.spends == [("pe:vote:1", pytest.approx(0.25))]
    assert info.value.reason == "ENGINE_FAILED" and "iteration 2" in info.value.stage


def test_failed_random_round_spends_nothing():
    budget = ZcdpBudget(total_rho=1.0)
    with pytest.raises(EngineError):
        run(rho=1.0, api=FakeAPI(fail_random=True), budget=budget)
    assert budget.spends == []


def test_partial_failures_are_dropped():
    result = run(rho=1e3, api=FakeAPI(none_share=0.3), params=PEParams(iterations=2, population=30))
    assert len(result.texts) == 30 and all(isinstance(t, str) for t in result.texts)
    assert result.books["api_failures"]["random"] > 0
    assert result.books["candidates_per_iteration"][0] < 60


# --- determinism, threshold, progress -----------------------------------------------------------------


def test_deterministic_for_a_seed():
    a_api, b_api = FakeAPI(), FakeAPI()
    a, b = run(seed=5, api=a_api), run(seed=5, api=b_api)
    assert a.texts == b.texts and a.votes_kept == b.votes_kept and a.books == b.books
    assert a_api.random_calls == b_api.random_calls and a_api.variation_calls == b_api.variation_calls
    c = run(seed=6)
    assert c.texts != a.texts


def test_generators_get_derived_seeds():
    api = FakeAPI()
    run(seed=1, api=api, params=PEParams(iterations=3, population=10))
    seeds = [s for _, s in api.random_calls + api.variation_calls]
    assert len(set(seeds)) == len(seeds)  # each round is a fresh draw, not the same seed reused


def test_huge_threshold_zeroes_votes_and_falls_back_to_uniform():
    result = run(rho=1e3, params=PEParams(iterations=2, population=30, threshold=1e9))
    assert result.votes_kept == [0, 0]
    assert result.books["iterations_without_survivors"] == 2
    assert len(result.texts) == 30


def test_default_threshold_is_two_sigma():
    result = run(rho=0.5, params=PEParams(iterations=2, population=10))
    assert result.books["threshold"] == pytest.approx(2 * result.sigma)
    result = run(rho=0.5, params=PEParams(iterations=2, population=10, threshold=0.0))
    assert result.books["threshold"] == 0.0


def test_final_population_has_no_copies_when_sampling():
    result = run(rho=1e3, params=PEParams(iterations=3, population=60))
    assert len(set(result.texts)) == len(result.texts)
    assert result.books["final_refilled"] > 0  # strong votes did pick some parents more than once


def test_progress_reports_fractions_up_to_one():
    seen: list[float] = []
    run(rho=1.0, params=PEParams(iterations=3, population=10), progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert all(0.0 <= x <= 1.0 for x in seen) and seen == sorted(seen)
    assert len(seen) >= 5


# --- validation ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params,rho,field",
    [
        (PEParams(iterations=0, population=10), 1.0, "config.text.pe_iterations"),
        (PEParams(iterations=2, population=0), 1.0, "config.text.pe_population"),
        (PEParams(iterations=2, population=10, variations_per_sample=0), 1.0, "config.text.pe_variations"),
        (PEParams(iterations=2, population=10, threshold=-1.0), 1.0, "config.text.pe_threshold"),
        (PEParams(iterations=2, population=10, lookahead=-1), 1.0, "config.text.pe_lookahead"),
        (PEParams(iterations=2, population=10, selection="best"), 1.0, "config.text.pe_selection"),
        (PEParams(iterations=2, population=10), 0.0, "config.epsilon"),
        (PEParams(iterations=2, population=10), -1.0, "config.epsilon"),
        (PEParams(iterations=2, population=10), math.nan, "config.epsilon"),
    ],
)
def test_bad_settings_name_fields(params, rho, field):
    api = FakeAPI()
    budget = ZcdpBudget(total_rho=10.0)
    with pytest.raises(InvalidConfigError) as info:
        run(rho=rho, params=params, api=api, budget=budget)
    assert field in [f for f, _ in info.value.violations]
    assert api.random_calls == [] and budget.spends == []  # rejected before any work


def test_noise_for_rejects_bad_inputs():
    with pytest.raises(InvalidConfigError) as info:
        pe_noise_for(rho=0.0, iterations=0)
    assert {f for f, _ in info.value.violations} == {"config.epsilon", "config.text.pe_iterations"}


def test_bad_seed_names_field():
    with pytest.raises(InvalidConfigError) as info:
        run(seed=-1)
    assert info.value.violations[0][0] == "config.seed"


@pytest.mark.parametrize("private", [np.zeros((0, DIM)), np.zeros(DIM), np.full((3, DIM), np.nan)])
def test_no_private_embeddings_is_invalid_data(private):
    api = FakeAPI()
    with pytest.raises(InvalidDataError):
        run(private=private, api=api)
    assert api.random_calls == []


def test_embedding_dimension_mismatch_is_caught_before_spending():
    budget = ZcdpBudget(total_rho=1.0)
    with pytest.raises(InvalidDataError):
        run(rho=1.0, budget=budget, embed=lambda texts: np.ones((len(texts), DIM + 1)))
    assert budget.spends == []


class _RecordingBudget(ZcdpBudget):
    def __init__(self, total_rho: float, events: list[str]) -> None:
        super().__init__(total_rho=total_rho)
        self._events = events

    def spend(self, purpose: str, rho: float) -> float:
        self._events.append("spend")
        return super().spend(purpose, rho)
