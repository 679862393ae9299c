"""Adaptive, workload-aware selection of two-way marginals (AIM; McKenna, Mullins, Sheldon & Miklau 2022).

The workload is every pair of columns, the pairs a table's users (and
SDMetrics' pair trends) look at. Round after round, the exponential
mechanism picks the pair the current estimate gets most wrong, net of the
noise a measurement of it would carry, and the Gaussian mechanism measures
it. When a measurement barely moves the estimate, the per-round budget is
quadrupled (σ halves), as AIM anneals; the last round spends what is left.

AIM scores candidates against a graphical model refitted every round. Here
the estimate between rounds is cheaper: the noisy one-way and two-way
measurements themselves, with an unmeasured pair read through the shortest
chain of measured pairs joining its columns (exact for a tree of
measurements, as MST's model is). Private-PGM then fits one graphical model
to all measurements once, at the end. Refitting it every round would
recompile its JAX program for every new set of cliques, several seconds each
on two cores, for an estimate the selection only needs roughly. The
estimate is post-processing of noisy measurements, so the accounting is
AIM's: each round is one exponential-mechanism selection and one Gaussian
measurement, both under zCDP.
"""

from __future__ import annotations

import itertools
import math
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from veil.privacy.dp.accounting import ZcdpBudget
from veil.privacy.dp.mechanisms import ExponentialMechanism, GaussianMechanism

Pair = tuple[str, str]

SELECT_SHARE = 0.1
"""Share of each round's ρ spent on selection (AIM's default); the rest measures."""

ROUNDS_PER_COLUMN = 16
"""AIM's initial round count is 16 per column: the per-round budget before annealing."""

_NOISE_BIAS = math.sqrt(2 / math.pi)
"""E|N(0, σ²)| / σ: the L1 error a measurement's noise alone puts on each cell."""


@dataclass
class Measured:
    """A pair's noisy counts, combined over its measurements by inverse variance."""

    weighted_sum: np.ndarray
    precision: float

    def add(self, noisy: np.ndarray, sigma: float) -> None:
        self.weighted_sum = self.weighted_sum + noisy / sigma**2
        self.precision += 1 / sigma**2

    @property
    def counts(self) -> np.ndarray:
        return self.weighted_sum / self.precision


@dataclass
class Estimate:
    """The estimate the selection scores against: measured marginals, chained where a pair is unmeasured."""

    sizes: Mapping[str, int]
    oneway: Mapping[str, np.ndarray]  # column -> distribution over its codes
    measured: dict[Pair, Measured] = field(default_factory=dict)
    # joints already worked out, with the measured pairs each was read from (dropped when one changes)
    _cache: dict[Pair, tuple[np.ndarray, frozenset[Pair]]] = field(default_factory=dict, repr=False)
    _trees: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)  # search trees by start

    def add(self, pair: Pair, noisy: np.ndarray, sigma: float) -> None:
        if pair in self.measured:
            self.measured[pair].add(noisy, sigma)
            self._cache = {p: hit for p, hit in self._cache.items() if pair not in hit[1]}
        else:
            self.measured[pair] = Measured(noisy / sigma**2, 1 / sigma**2)
            self._cache, self._trees = {}, {}  # a new edge can shorten any chain

    def joint(self, pair: Pair) -> np.ndarray:
        """The estimated distribution of ``pair`` (rows: first column's codes)."""
        if pair not in self._cache:
            self._cache[pair] = self._work_out(pair)
        return self._cache[pair][0]

    def _work_out(self, pair: Pair) -> tuple[np.ndarray, frozenset[Pair]]:
        a, b = pair
        if pair in self.measured:
            counts = self.measured[pair].counts.reshape(self.sizes[a], self.sizes[b])
            return _distribution(counts), frozenset([pair])
        if (b, a) in self.measured:
            return self.joint((b, a)).T, frozenset([(b, a)])
        path = self._path(a, b)
        if path is None:
            return np.outer(self.oneway[a], self.oneway[b]), frozenset()
        # P(a, b) = P(a, first) · Π P(next | this) along the chain
        out = self.joint((path[0], path[1]))
        for this, nxt in zip(path[1:-1], path[2:]):
            step = self.joint((this, nxt))
            out = out @ (step / np.clip(step.sum(axis=1, keepdims=True), 1e-12, None))
        used = frozenset(e if e in self.measured else (e[1], e[0]) for e in zip(path, path[1:]))
        return out, used

    def _path(self, a: str, b: str) -> list[str] | None:
        """The shortest chain of measured pairs from ``a`` to ``b``, if any."""
        if a not in self._trees:
            self._trees[a] = self._search_from(a)
        previous = self._trees[a]
        if b not in previous:
            return None
        path = [b]
        while path[-1] != a:
            path.append(previous[path[-1]])
        return path[::-1]

    def _search_from(self, a: str) -> dict[str, str]:
        """Breadth-first search over measured pairs: each reachable column -> the one before it."""
        neighbours: dict[str, set[str]] = {}
        for x, y in self.measured:
            neighbours.setdefault(x, set()).add(y)
            neighbours.setdefault(y, set()).add(x)
        previous = {a: a}
        queue = deque([a])
        while queue:
            node = queue.popleft()
            for nxt in sorted(neighbours.get(node, ())):
                if nxt not in previous:
                    previous[nxt] = node
                    queue.append(nxt)
        return previous


@dataclass(frozen=True)
class Round:
    """One round: the pair it measured, its ρ and its measurement's σ (the counts are in the estimate)."""

    pair: Pair
    rho: float
    sigma: float


def select_and_measure(
    pair_counts: Callable[[Pair], np.ndarray],
    estimate: Estimate,
    *,
    candidates: Sequence[Pair],
    rows: float,
    rho: float,
    budget: ZcdpBudget,
    rng: np.random.Generator,
    fits: Callable[[list[Pair]], bool] = lambda _: True,
) -> list[Round]:
    """Run AIM's rounds on ``rho``; every measurement goes into ``estimate``, and the rounds are returned.

    Args:
        pair_counts: The true counts of a pair (read only to score and measure).
        estimate: The estimate so far (one-ways); updated with every measurement.
        candidates: The pairs that may be measured.
        rows: The noisy row count (post-processing) that scales the estimate.
        rho: The ρ the rounds may spend, drawn from ``budget`` as they go.
        budget: The job's zCDP budget.
        rng: The job's noise source.
        fits: Whether the model grown by these pairs stays small enough to fit.
    """
    if not candidates or rho <= 0:
        return []
    columns = {c for pair in candidates for c in pair}
    rho_round = rho / (ROUNDS_PER_COLUMN * len(columns))
    remaining = rho
    truth: dict[Pair, np.ndarray] = {}
    chosen: list[Pair] = []
    open_pairs = list(candidates)
    out = []
    while remaining > 1e-12 * rho and open_pairs:
        if remaining < 2 * rho_round:  # the last round spends what is left
            rho_round = remaining
        sigma = 1 / math.sqrt(2 * (1 - SELECT_SHARE) * rho_round)
        scores = np.empty(len(open_pairs))
        for i, pair in enumerate(open_pairs):
            if pair not in truth:
                truth[pair] = pair_counts(pair)
            fitted = estimate.joint(pair).ravel() * rows
            scores[i] = np.abs(truth[pair] - fitted).sum() - _NOISE_BIAS * sigma * truth[pair].size
        select = ExponentialMechanism(rho=budget.spend("select:round", SELECT_SHARE * rho_round), sensitivity=1.0)
        pair = open_pairs[select.release(scores, rng)]
        remaining -= SELECT_SHARE * rho_round
        # Whether the model can take a new pair is decided on the released choice (post-processing),
        # once per pair rather than for every candidate every round; one that does not fit leaves the
        # candidates, and its round's measurement share stays in the budget.
        if pair not in chosen and not fits(chosen + [pair]):
            open_pairs.remove(pair)
            continue
        measure = GaussianMechanism(rho=budget.spend(f"two-way:{pair[0]}|{pair[1]}", (1 - SELECT_SHARE) * rho_round))
        remaining -= (1 - SELECT_SHARE) * rho_round
        noisy = measure.release(truth[pair], rng)
        before = estimate.joint(pair)
        estimate.add(pair, noisy, measure.sigma)
        after = estimate.joint(pair)
        out.append(Round(pair, rho_round, measure.sigma))
        if pair not in chosen:
            chosen.append(pair)
        # AIM's annealing: a measurement that moved the estimate by no more than its noise says
        # the rounds are too noisy to tell the pairs apart; spend more per round from now on.
        if np.abs(after - before).sum() * rows <= _NOISE_BIAS * measure.sigma * truth[pair].size:
            rho_round = min(4 * rho_round, remaining)
    return out


def pair_candidates(sizes: Mapping[str, int], *, max_cells: int) -> list[Pair]:
    """Every pair of columns whose two-way marginal has at most ``max_cells`` cells."""
    return [(a, b) for a, b in itertools.combinations(list(sizes), 2) if sizes[a] * sizes[b] <= max_cells]


def _distribution(counts: np.ndarray) -> np.ndarray:
    clipped = np.clip(counts, 0, None) + 1e-9
    return clipped / clipped.sum()
