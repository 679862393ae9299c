"""Aug-PE: Private Evolution for text through model APIs only (Xie et al. 2024).

"Differentially Private Synthetic Data via Foundation Model APIs 2: Text"
(arXiv 2403.01749), which builds on PE (Lin et al. 2023, Alg. 1). The private
texts are touched in one place only: the nearest-neighbour vote histogram,
released with the Gaussian mechanism under zCDP. Everything else (prompts,
embeddings of synthetic texts, selection, variations) is post-processing.

Steps implemented (names as in the reference ``pe`` library, microsoft/DPSDA):

1. Initial population: ``population`` texts from the RANDOM API, plus
   ``variations_per_sample`` VARIATION-API variations of each
   (``PEPopulation.initial`` with ``initial_variation_api_fold``).
2. Per iteration t = 1..T:
   a. Embed the candidates; with ``lookahead = L > 0`` a candidate is
      represented by the mean embedding of L variations of it (Aug-PE's
      lookahead, ``NearestNeighbors(lookahead_degree=L)``).
   b. ``spend("pe:vote:t", rho/T)``, then every private embedding casts one
      vote for its nearest candidate by cosine (``num_nearest_neighbors=1``),
      so the histogram has L2 sensitivity 1; N(0, sigma^2) is added per count
      (``veil.privacy.dp.mechanisms.GaussianMechanism``).
   c. Threshold H: counts become ``max(noisy - H, 0)`` -- the reference's
      clip-and-shift (``PEPopulation._post_process_histogram``), which zeroes
      counts below H and takes the noise floor off the survivors.
   d. Select ``population`` parents: "sample" (with replacement, proportional
      to the thresholded counts; the paper's default) or "rank" (top counts;
      Aug-PE's text setting). If nothing survives the threshold the draw is
      uniform -- still a function of the noisy histogram only.
   e. Unless t = T: the next pool is the distinct parents plus
      ``variations_per_sample`` variations per selected slot (Aug-PE's
      ``keep_selected=True``).
3. The result is the last selection; repeated picks of one parent (sampling
   is with replacement) are replaced by fresh variations of it so the output
   holds no copies -- an addition of ours, not in the paper.

Simplified: one class only (no per-label histograms), 1-NN votes only, no
adaptive text-length prompts or blank-filling variations (prompt modules own
the wording), and accounting in zCDP (``rho = T / (2 sigma^2)``) instead of
the reference's Gaussian-DP composition.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from veil.core.progress import ProgressFn
from veil.privacy.dp.mechanisms import GaussianMechanism
from veil.synthesizers.errors import EngineError, InvalidConfigError, InvalidDataError

logger = logging.getLogger(__name__)

ENGINE = "dp_private_evolution"

# Config fields named in violations (the engine's user-facing config keys).
ITERATIONS_FIELD = "config.text.pe_iterations"
POPULATION_FIELD = "config.text.pe_population"
VARIATIONS_FIELD = "config.text.pe_variations"
THRESHOLD_FIELD = "config.text.pe_threshold"
LOOKAHEAD_FIELD = "config.text.pe_lookahead"
SELECTION_FIELD = "config.text.pe_selection"
RHO_FIELD = "config.epsilon"
SEED_FIELD = "config.seed"
DATA_FIELD = "private_embeddings"

SELECTIONS = ("sample", "rank")

#: Default threshold H in noise deviations: a candidate no private text voted
#: for survives with probability 1 - Phi(2) ~ 2.3%, while one with ~4 sigma of
#: real votes survives almost surely -- noise is filtered, signal kept.
DEFAULT_THRESHOLD_SIGMAS = 2.0

#: Private rows per block of the nearest-neighbour search (bounds memory at
#: block x candidates floats).
_VOTE_BLOCK = 4096

GenerateRandom = Callable[[int, int], list[str | None]]
GenerateVariations = Callable[[list[str], int], list[str | None]]
Embed = Callable[[Sequence[str]], np.ndarray]
Spend = Callable[[str, float], Any]


@dataclass(frozen=True, kw_only=True)
class PEParams:
    """Knobs of the PE loop.

    Attributes:
        iterations: T, the number of private votes (each spends rho / T).
        population: Synthetic texts kept per iteration (and returned).
        variations_per_sample: VARIATION-API calls per kept text and round.
        threshold: H; noisy counts become ``max(count - H, 0)``. ``None``
            means ``2 * sigma`` (see ``DEFAULT_THRESHOLD_SIGMAS``).
        lookahead: L; > 0 votes with the mean embedding of L variations of
            each candidate (Aug-PE), at L extra API calls per candidate.
        selection: "sample" (proportional, with replacement) or "rank" (top).
    """

    iterations: int = 4
    population: int
    variations_per_sample: int = 1
    threshold: float | None = None
    lookahead: int = 0
    selection: str = "sample"


@dataclass
class PEResult:
    """What a PE run produced.

    Attributes:
        texts: The final population (``params.population`` texts).
        sigma: Noise deviation on each vote count.
        iterations: Votes taken.
        votes_kept: Per iteration, candidates whose count survived the threshold.
        books: JSON-safe counters for the report (no text content).
    """

    texts: list[str]
    sigma: float
    iterations: int
    votes_kept: list[int]
    books: dict = field(default_factory=dict)


def pe_noise_for(*, rho: float, iterations: int) -> float:
    """Sigma of the Gaussian on each vote histogram for a total ``rho`` over ``iterations`` votes.

    Each private sample casts exactly one vote per iteration (L2 sensitivity
    1), so one vote costs ``1 / (2 sigma^2)`` and T votes ``T / (2 sigma^2)``.

    Raises:
        InvalidConfigError: ``rho`` is not finite > 0 or ``iterations`` < 1.
    """
    violations = _check_rho(rho) + _check_iterations(iterations)
    if violations:
        raise InvalidConfigError("invalid private evolution settings", violations=violations)
    return math.sqrt(iterations / (2.0 * rho))


def run_private_evolution(
    *,
    private_embeddings: np.ndarray,
    generate_random: GenerateRandom,
    generate_variations: GenerateVariations,
    embed: Embed,
    params: PEParams,
    rho: float,
    seed: int,
    spend: Spend,
    progress: ProgressFn | None = None,
) -> PEResult:
    """Run Aug-PE and return the final synthetic population.

    Args:
        private_embeddings: (n, d) embeddings of the private texts (rows are
            L2-normalised here; cosine votes).
        generate_random: ``(n, seed) -> n texts`` from the API-only prompt (None = failed).
        generate_variations: ``(texts, seed) -> one variation per text`` (None = failed).
        embed: Embeds synthetic texts into the private embeddings' space.
        params: Loop knobs.
        rho: zCDP budget of the whole run; each of the T votes spends ``rho / T``.
        seed: Seeds noise, selection and the seeds passed to the generators.
        spend: Called as ``spend("pe:vote:t", rho_t)`` before vote t touches the
            private data; may raise to refuse (nothing is voted then).
        progress: Optional callback receiving the completed fraction.

    Returns:
        The final population with sigma, per-iteration survivors and books.

    Raises:
        InvalidConfigError: Bad params, rho or seed (fields ``config.text.pe_*``,
            ``config.epsilon``, ``config.seed``).
        InvalidDataError: No (or malformed) private embeddings.
        EngineError: A whole generation round failed; the votes spent so far
            were already passed to ``spend``.
    """
    _validate(params, rho, seed)
    private = _normalised(_check_private(private_embeddings))
    T, P, V = params.iterations, params.population, params.variations_per_sample
    rho_t = rho / T
    mech = GaussianMechanism(rho=rho_t, sensitivity=1.0)
    sigma = mech.sigma
    threshold = DEFAULT_THRESHOLD_SIGMAS * sigma if params.threshold is None else float(params.threshold)

    # Independent streams, so e.g. adding lookahead does not shift the noise.
    noise_ss, select_ss, api_ss = np.random.SeedSequence(seed).spawn(3)
    noise_rng = np.random.default_rng(noise_ss)
    select_rng = np.random.default_rng(select_ss)
    api_rng = np.random.default_rng(api_ss)
    gen = _Generators(generate_random, generate_variations, api_rng)

    units = T + 1  # initial generation + T (vote, next generation) rounds
    _report(progress, 0.0)
    logger.info(
        "private evolution: %d iterations, population %d, %d private rows, sigma %.4g", T, P, private.shape[0], sigma
    )

    pool = [t for t in gen.random(P, stage="initial") if t is not None]
    if not pool:
        raise EngineError(ENGINE, "initial generation", RuntimeError("every generation failed"))
    pool += [t for t in gen.variations(pool * V, stage="initial variations") if t is not None]
    _report(progress, 1 / units)

    votes_kept: list[int] = []
    noisy_totals: list[float] = []
    pool_sizes: list[int] = []
    all_zero = 0
    selected: list[int] = []
    for t in range(1, T + 1):
        vectors = _candidate_vectors(pool, embed, gen, params.lookahead, private.shape[1], t)
        pool_sizes.append(len(pool))
        spend(f"pe:vote:{t}", rho_t)  # before the private data is read: a failure later is still charged
        counts = _vote_histogram(private, vectors)
        noisy = mech.release(counts, noise_rng)
        noisy_totals.append(float(np.sum(noisy)))
        weights = np.maximum(noisy - threshold, 0.0)
        kept = int(np.count_nonzero(weights))
        votes_kept.append(kept)
        if kept == 0:
            all_zero += 1
        selected = _select(weights, P, params.selection, select_rng)
        logger.info("private evolution: vote %d/%d over %d candidates, %d survive the threshold", t, T, len(pool), kept)
        if t < T:
            parents = [pool[i] for i in selected]
            distinct = [pool[i] for i in dict.fromkeys(selected)]  # a parent enters the pool once
            children = gen.variations(parents * V, stage=f"iteration {t + 1} variations")
            if not any(c is not None for c in children):
                raise EngineError(ENGINE, f"iteration {t + 1} generation", RuntimeError("every generation failed"))
            pool = distinct + [c for c in children if c is not None]
        _report(progress, (t + 1) / units if t < T else (T + 0.5) / units)

    texts, refilled = _final_texts(pool, selected, gen)
    _report(progress, 1.0)
    books = {
        "iterations": T,
        "population": P,
        "variations_per_sample": V,
        "lookahead": params.lookahead,
        "selection": params.selection,
        "rho": float(rho),
        "rho_per_iteration": float(rho_t),
        "sigma": float(sigma),
        "threshold": float(threshold),
        # Each private text casts one vote per round: a noisy total is a DP estimate of their number
        # (post-processing); the exact count is never reported.
        "estimated_private_rows": max(1, int(round(float(np.mean(noisy_totals))))),
        "candidates_per_iteration": pool_sizes,
        "votes_kept": list(votes_kept),
        "iterations_without_survivors": all_zero,
        "final_refilled": refilled,
        "api_requests": dict(gen.requests),
        "api_failures": dict(gen.failures),
    }
    return PEResult(texts=texts, sigma=float(sigma), iterations=T, votes_kept=votes_kept, books=books)


class _Generators:
    """Wraps the API callables: derived seeds, length checks, failure counts."""

    def __init__(self, random_fn: GenerateRandom, variation_fn: GenerateVariations, rng: np.random.Generator) -> None:
        self._random_fn = random_fn
        self._variation_fn = variation_fn
        self._rng = rng
        self.requests = {"random": 0, "variation": 0}
        self.failures = {"random": 0, "variation": 0}

    def _seed(self) -> int:
        return int(self._rng.integers(0, 2**31 - 1))

    def random(self, n: int, *, stage: str) -> list[str | None]:
        out = self._checked(self._random_fn(n, self._seed()), n, stage)
        self._count("random", out)
        return out

    def variations(self, texts: list[str], *, stage: str) -> list[str | None]:
        if not texts:
            return []
        out = self._checked(self._variation_fn(list(texts), self._seed()), len(texts), stage)
        self._count("variation", out)
        return out

    def _count(self, kind: str, out: list[str | None]) -> None:
        self.requests[kind] += len(out)
        self.failures[kind] += sum(t is None for t in out)

    @staticmethod
    def _checked(out: Sequence[str | None], n: int, stage: str) -> list[str | None]:
        out = list(out)
        if len(out) != n:
            raise EngineError(ENGINE, stage, ValueError(f"generator returned {len(out)} texts for {n}"))
        # An empty string cannot stand for a text; treat it as a failed call.
        return [t if isinstance(t, str) and t.strip() else None for t in out]


def _candidate_vectors(pool: list[str], embed: Embed, gen: _Generators, lookahead: int, dim: int, t: int) -> np.ndarray:
    """Unit vectors the private texts vote on: own embeddings, or the mean of L variations' (lookahead)."""
    own = _embed(embed, pool, dim)
    if lookahead <= 0:
        return own
    variations = gen.variations(pool * lookahead, stage=f"iteration {t} lookahead")
    ok = [i for i, v in enumerate(variations) if v is not None]
    total = np.zeros_like(own)
    n = np.zeros(len(pool))
    if ok:
        vecs = _embed(embed, [variations[i] for i in ok], dim)
        owners = np.asarray(ok) % len(pool)
        np.add.at(total, owners, vecs)
        np.add.at(n, owners, 1.0)
    # A candidate whose lookahead variations all failed falls back to its own embedding.
    mean = np.where(n[:, None] > 0, total / np.maximum(n, 1.0)[:, None], own)
    return _normalised(mean)


def _embed(embed: Embed, texts: list[str], dim: int) -> np.ndarray:
    vecs = np.asarray(embed(texts), dtype=np.float64)
    if vecs.ndim != 2 or vecs.shape[0] != len(texts) or vecs.shape[1] != dim:
        raise InvalidDataError(
            "synthetic and private embeddings do not match",
            violations=[(DATA_FIELD, f"expected ({len(texts)}, {dim}), got {vecs.shape}")],
        )
    if not np.all(np.isfinite(vecs)):
        raise EngineError(ENGINE, "embedding", ValueError("non-finite embedding"))
    return _normalised(vecs)


def _vote_histogram(private: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    """Each private row's vote for its most cosine-similar candidate (one vote per row: sensitivity 1)."""
    counts = np.zeros(candidates.shape[0], dtype=np.float64)
    for start in range(0, private.shape[0], _VOTE_BLOCK):
        nearest = np.argmax(private[start : start + _VOTE_BLOCK] @ candidates.T, axis=1)
        counts += np.bincount(nearest, minlength=candidates.shape[0])
    return counts


def _select(weights: np.ndarray, k: int, mode: str, rng: np.random.Generator) -> list[int]:
    """Indices of the next parents (post-processing of the noisy histogram only)."""
    n = weights.size
    if mode == "rank":
        # Random tie-break (e.g. among zero counts), then stable sort by count.
        order = rng.permutation(n)
        ranked = order[np.argsort(-weights[order], kind="stable")]
        return [int(i) for i in ranked[:k]] if k <= n else [int(i) for i in ranked[np.arange(k) % n]]
    total = weights.sum()
    p = weights / total if total > 0 else None  # nothing survived: uniform
    return [int(i) for i in rng.choice(n, size=k, replace=True, p=p)]


def _final_texts(pool: list[str], selected: list[int], gen: _Generators) -> tuple[list[str], int]:
    """The last selection, with repeated picks replaced by variations of the parent (no copies)."""
    seen: set[int] = set()
    repeats = []
    for slot, i in enumerate(selected):
        if i in seen:
            repeats.append(slot)
        seen.add(i)
    texts = [pool[i] for i in selected]
    if not repeats:
        return texts, 0
    fresh = gen.variations([texts[s] for s in repeats], stage="final variations")
    refilled = 0
    for slot, text in zip(repeats, fresh):
        if text is not None:  # a failed refill keeps the copy rather than shrinking the output
            texts[slot] = text
            refilled += 1
    return texts, refilled


def _normalised(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norms > 0, norms, 1.0)


def _check_private(private_embeddings: np.ndarray) -> np.ndarray:
    try:
        arr = np.asarray(private_embeddings, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidDataError(
            "private embeddings are not numeric", violations=[(DATA_FIELD, "must be a numeric (n, d) array")]
        ) from None
    if arr.ndim != 2 or arr.shape[0] == 0 or arr.shape[1] == 0:
        raise InvalidDataError(
            "no private texts to vote with",
            violations=[(DATA_FIELD, f"need a non-empty (n, d) array, got shape {arr.shape}")],
        )
    if not np.all(np.isfinite(arr)):
        raise InvalidDataError("private embeddings hold non-finite values", violations=[(DATA_FIELD, "must be finite")])
    return arr


def _is_int(value: object) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)


def _check_iterations(iterations: object) -> list[tuple[str, str]]:
    if not (_is_int(iterations) and iterations >= 1):
        return [(ITERATIONS_FIELD, "must be an integer >= 1")]
    return []


def _check_rho(rho: object) -> list[tuple[str, str]]:
    if not (
        isinstance(rho, (int, float, np.floating)) and not isinstance(rho, bool) and math.isfinite(rho) and rho > 0
    ):
        return [(RHO_FIELD, "leaves no usable zCDP budget for private evolution (rho must be finite and > 0)")]
    return []


def _validate(params: PEParams, rho: object, seed: object) -> None:
    violations = _check_iterations(params.iterations) + _check_rho(rho)
    if not (_is_int(params.population) and params.population >= 1):
        violations.append((POPULATION_FIELD, "must be an integer >= 1"))
    if not (_is_int(params.variations_per_sample) and params.variations_per_sample >= 1):
        # At least one: with none the pool could never move away from the random start.
        violations.append((VARIATIONS_FIELD, "must be an integer >= 1"))
    if not (_is_int(params.lookahead) and params.lookahead >= 0):
        violations.append((LOOKAHEAD_FIELD, "must be an integer >= 0"))
    if params.threshold is not None and not (
        isinstance(params.threshold, (int, float))
        and not isinstance(params.threshold, bool)
        and math.isfinite(params.threshold)
        and params.threshold >= 0
    ):
        violations.append((THRESHOLD_FIELD, "must be a finite number >= 0 or unset"))
    if params.selection not in SELECTIONS:
        violations.append((SELECTION_FIELD, f"must be one of {', '.join(SELECTIONS)}"))
    if not (_is_int(seed) and seed >= 0):
        violations.append((SEED_FIELD, "must be an integer >= 0"))
    if violations:
        raise InvalidConfigError("invalid private evolution settings", violations=violations)


def _report(progress: ProgressFn | None, fraction: float) -> None:
    if progress is not None:
        progress(min(max(float(fraction), 0.0), 1.0))
