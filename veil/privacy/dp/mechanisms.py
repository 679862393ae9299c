"""DP mechanisms under zero-concentrated DP (ρ-zCDP), one base class for all.

Every mechanism is built with its ρ and draws from a numpy Generator the
caller seeds, so a job's noise is reproducible from its seed (DESIGN §7.10).
Sensitivities assume add/remove-one-record neighbours, where a record adds 1
to exactly one cell of a histogram.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod

import numpy as np
from scipy.special import ndtri


class Mechanism(ABC):
    """A randomized release that satisfies ``rho``-zCDP."""

    def __init__(self, *, rho: float) -> None:
        if not (rho > 0 and math.isfinite(rho)):
            raise ValueError("rho must be finite and > 0")
        self.rho = float(rho)

    @abstractmethod
    def release(self, value: np.ndarray, rng: np.random.Generator):
        """The private release of ``value``."""


class GaussianMechanism(Mechanism):
    """Adds N(0, σ²) to each entry; σ = Δ₂ / sqrt(2ρ) gives ρ-zCDP (Bun & Steinke 2016)."""

    def __init__(self, *, rho: float, sensitivity: float = 1.0) -> None:
        super().__init__(rho=rho)
        self.sensitivity = float(sensitivity)
        self.sigma = self.sensitivity / math.sqrt(2 * self.rho)

    def release(self, value: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        value = np.asarray(value, dtype=float)
        return value + rng.normal(0.0, self.sigma, size=value.shape)


class ExponentialMechanism(Mechanism):
    """Picks index i with probability ∝ exp(ε·score_i / (2Δ)).

    It is ε-DP and, having bounded range, ε²/8-zCDP (Cesar & Rogers 2021), so
    ε = sqrt(8ρ).
    """

    def __init__(self, *, rho: float, sensitivity: float = 1.0) -> None:
        super().__init__(rho=rho)
        self.sensitivity = float(sensitivity)
        self.epsilon = math.sqrt(8 * self.rho)

    def release(self, value: np.ndarray, rng: np.random.Generator) -> int:
        scores = np.asarray(value, dtype=float)
        logits = self.epsilon * (scores - scores.max()) / (2 * self.sensitivity)
        probs = np.exp(logits)
        return int(rng.choice(scores.size, p=probs / probs.sum()))


class GaussianPartitionSelection(Mechanism):
    """Releases the keys whose noisy count clears a threshold (Gaussian partition selection).

    A record adds 1 to one key's count. A key held by one record alone clears
    ``1 + σ·Φ⁻¹(1 − δ)`` with probability at most δ, so the release is
    ρ-zCDP except with probability δ ("approximate zCDP"); the δ is added to
    the job's total δ by the caller.
    """

    def __init__(self, *, rho: float, delta: float) -> None:
        super().__init__(rho=rho)
        if not 0 < delta < 1:
            raise ValueError("delta must be in (0, 1)")
        self.delta = float(delta)
        self.sigma = 1.0 / math.sqrt(2 * self.rho)
        self.threshold = 1.0 + self.sigma * float(ndtri(1 - self.delta))

    def release(self, value: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """Given true counts per observed key, returns (indices kept, their noisy counts)."""
        noisy = np.asarray(value, dtype=float) + rng.normal(0.0, self.sigma, size=np.shape(value))
        kept = np.flatnonzero(noisy >= self.threshold)
        return kept, noisy[kept]


#: A data-independent grid for DP bounds: 0, then ±2^k for k in [-20, 60].
_EXPONENTS = np.arange(-20, 61)
BOUND_GRID = np.concatenate([-(2.0 ** _EXPONENTS[::-1]), [0.0], 2.0**_EXPONENTS])


def private_bounds(
    values: np.ndarray,
    *,
    rho: float,
    rng: np.random.Generator,
    cell_sigmas: float = 4.0,
    extend_sigmas: float = 2.0,
) -> tuple[float, float] | None:
    """DP (lower, upper) bounds of ``values`` on the power-of-two grid ``BOUND_GRID``.

    A noisy histogram over the fixed grid (ρ-zCDP; a record is in one cell),
    then the outermost cells whose noisy count clears ``cell_sigmas`` noise
    deviations: an empty cell does so with probability about 3e-5, so the
    bounds come from where the data is. From there the bounds grow outwards
    one cell at a time while the next cell clears ``extend_sigmas``: a lower
    bar is safe next to the data (an empty neighbour passes it with
    probability about 0.02, and then costs one power of two of range), and it
    keeps a heavy tail (incomes, prices) that no single far cell would show.
    Bounds are cell edges (powers of two). Returns ``None`` when no cell
    clears the bar.
    """
    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values)]
    cells = np.clip(np.searchsorted(BOUND_GRID, values, side="right") - 1, 0, BOUND_GRID.size - 2)
    counts = np.bincount(cells, minlength=BOUND_GRID.size - 1).astype(float)
    mech = GaussianMechanism(rho=rho)
    noisy = mech.release(counts, rng)
    clear = np.flatnonzero(noisy >= cell_sigmas * mech.sigma)
    if clear.size == 0:
        return None
    low, high = int(clear[0]), int(clear[-1])
    while low > 0 and noisy[low - 1] >= extend_sigmas * mech.sigma:
        low -= 1
    while high < counts.size - 1 and noisy[high + 1] >= extend_sigmas * mech.sigma:
        high += 1
    return float(BOUND_GRID[low]), float(BOUND_GRID[high + 1])
