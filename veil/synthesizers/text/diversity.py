"""Diversity filter: keep ``k`` spread-out texts out of an oversampled candidate set.

LLM rewrites tend to collapse onto a few phrasings. Oversampling then keeping one
representative per k-means cluster of the candidate embeddings (the member
nearest each centroid) keeps the topic spread and drops near-duplicates.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from veil.core.text import distinct_n, vendi_score

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DiversitySelection:
    """Result of :func:`select_diverse`.

    Attributes:
        indices: Kept candidate indices, ascending.
        clusters: Number of clusters the kept texts represent.
        before: ``distinct_1``, ``distinct_2`` and ``vendi`` of all candidates.
        after: The same measures on the kept texts.
    """

    indices: list[int]
    clusters: int
    before: dict[str, float]
    after: dict[str, float]


def diversity_measures(texts: Sequence[str], embeddings: np.ndarray) -> dict[str, float]:
    """``{"distinct_1", "distinct_2", "vendi"}`` of a text set and its embeddings (NaN when empty)."""
    return {
        "distinct_1": distinct_n(texts, 1),
        "distinct_2": distinct_n(texts, 2),
        "vendi": vendi_score(embeddings) if len(texts) else math.nan,
    }


def _farthest_first(x: np.ndarray, chosen: list[int], pool: list[int], need: int) -> list[int]:
    """Greedily add ``need`` members of ``pool`` farthest from the chosen rows (ties: lowest index)."""
    chosen = list(chosen)
    rest = [i for i in pool if i not in set(chosen)]
    if not rest or need <= 0:
        return chosen
    if chosen:
        a, b = x[rest], x[chosen]
        d2 = (a * a).sum(1)[:, None] + (b * b).sum(1)[None, :] - 2.0 * (a @ b.T)
        dist = np.maximum(d2.min(axis=1), 0.0)
    else:
        dist = np.full(len(rest), np.inf)
    for _ in range(min(need, len(rest))):
        j = int(np.argmax(dist))  # argmax returns the first maximum: deterministic
        chosen.append(rest[j])
        dist = np.minimum(dist, ((x[rest] - x[rest[j]]) ** 2).sum(-1))
        dist[j] = -1.0
    return chosen


def select_diverse(texts: Sequence[str], embeddings: np.ndarray, *, k: int, seed: int) -> DiversitySelection:
    """Keep at most ``k`` diverse texts: one per k-means cluster of the embeddings.

    Exact duplicate texts are collapsed first (the first occurrence stands for
    them). With at most ``k`` distinct texts all of them are kept. Otherwise
    k-means (``n_init=3``, ``random_state=seed``) groups the distinct texts into
    ``k`` clusters and the member nearest each centroid is kept; when fewer than
    ``k`` distinct embedding rows exist, the remaining picks are filled
    farthest-first so exactly ``k`` indices come back.

    Args:
        texts: Candidate texts.
        embeddings: One row per text (same order).
        k: How many texts to keep (>= 1).
        seed: k-means seed; equal inputs and seed give equal selections.

    Raises:
        ValueError: ``k < 1`` or ``embeddings`` does not have one row per text.
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError("k must be a positive integer")
    x = np.asarray(embeddings, dtype=np.float64)
    if len(texts) and (x.ndim != 2 or x.shape[0] != len(texts)):
        raise ValueError(f"embeddings must have one row per text ({len(texts)}), got shape {x.shape}")
    if len(texts) == 0:
        empty = diversity_measures([], np.zeros((0, 0)))
        return DiversitySelection(indices=[], clusters=0, before=empty, after=dict(empty))

    first: dict[str, int] = {}
    for i, text in enumerate(texts):
        first.setdefault(text, i)
    distinct = sorted(first.values())

    if len(distinct) <= k:
        kept, clusters = distinct, len(distinct)
    else:
        from sklearn.cluster import KMeans
        from threadpoolctl import threadpool_limits

        xd = x[distinct]
        # Distinct texts can share an embedding; k-means cannot make more clusters than distinct rows.
        k_fit = min(k, len(np.unique(xd, axis=0)))
        model = KMeans(n_clusters=k_fit, n_init=3, random_state=int(seed) % (2**32))
        with threadpool_limits(limits=1, user_api="openmp"):  # small fits: one thread avoids contention
            labels = model.fit_predict(xd)
        dist = ((xd - model.cluster_centers_[labels]) ** 2).sum(-1)
        picks = []
        for c in range(k_fit):
            members = np.flatnonzero(labels == c)
            if len(members):
                picks.append(distinct[int(members[np.argmin(dist[members])])])
        clusters = len(picks)
        kept = sorted(_farthest_first(x, picks, distinct, k - len(picks)))

    selection = DiversitySelection(
        indices=list(kept),
        clusters=clusters,
        before=diversity_measures(texts, x),
        after=diversity_measures([texts[i] for i in kept], x[kept]),
    )
    logger.debug("diversity filter kept %d of %d candidates (%d distinct)", len(kept), len(texts), len(distinct))
    return selection
