"""Text-column metrics: drift, diversity and verbatim leakage of synthetic texts.

Everything here works on plain strings and an ``embed`` callable (texts ->
float matrix), so ``reports`` never imports ``synthesizers``. The tokenizer, the
n-gram index and the diversity scores are the shared ones of :mod:`veil.core.text`.
:func:`text_column_report` builds a :class:`TextColumnReport` for one column.

Every random choice derives from one integer seed; raw texts never reach logs
or warnings (only counts and scores do).
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

from veil.core.text import NgramIndex, clean_texts, distinct_n, tokens, vendi_score
from veil.privacy.leakage.attacks.risk import auc_interval
from veil.reports.model import TextColumnReport, TextDiversity, TextDrift, TextLeakage

logger = logging.getLogger(__name__)

Embed = Callable[[Sequence[str]], np.ndarray]

VOCAB_TOP = 1_000
MMD_TEXTS = 1_000
AUC_FOLDS = 5
MAX_CLUSTERS = 20
LOW_COVERAGE = 0.5
MANY_DUPLICATES = 0.1  # share of synthetic texts repeating an earlier one (after tokenisation)


# --- metric pieces -----------------------------------------------------------------------


def _rng(seed: int, stream: int) -> np.random.Generator:
    return np.random.default_rng([int(seed), 0x7E, stream])


def _subsample(texts: list[str], n: int, rng: np.random.Generator) -> list[str]:
    if len(texts) <= n:
        return list(texts)
    rows = np.sort(rng.choice(len(texts), size=n, replace=False))
    return [texts[i] for i in rows]


REAL_SAMPLE, SYNTHETIC_SAMPLE = 1, 2
"""The subsample streams of :func:`embedding_sample`: the real (holdout) side and the synthetic side."""


def embedding_sample(texts: Sequence[str | None], *, side: int, max_texts: int, seed: int) -> list[str]:
    """The seeded subsample of one side that :func:`text_column_report` embeds.

    Public so that a caller can embed a side ahead of the report (the holdout is known before a
    model is fitted); the report then finds those embeddings made.
    """
    return _subsample(clean_texts(texts), max_texts, _rng(seed, side))


def length_ks(real: Sequence[str], synthetic: Sequence[str]) -> float:
    """KSComplement of token counts (SDMetrics, as the tabular drift uses)."""
    import pandas as pd

    from veil.reports.drift import (
        _ks_complement,  # lazy: SDMetrics takes ~2 s to import (validator imports us)
    )

    if not real or not synthetic:
        return math.nan
    lens = [pd.Series([len(tokens(t)) for t in side], dtype="float64") for side in (real, synthetic)]
    return _ks_complement(lens[0], lens[1])


def vocab_tv(real: Sequence[str], synthetic: Sequence[str], *, top: int = VOCAB_TOP) -> float:
    """1 - total variation distance of unigram distributions over the top shared vocabulary."""
    import pandas as pd

    from veil.reports.drift import _tv_complement

    real_counts = Counter(t for text in real for t in tokens(text))
    synth_counts = Counter(t for text in synthetic for t in tokens(text))
    both = real_counts + synth_counts
    # Ties broken by token so the vocabulary does not depend on input order.
    vocab = [t for t, _ in sorted(both.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    if not vocab:
        return math.nan
    real_series = pd.Series(np.repeat(vocab, [real_counts.get(t, 0) for t in vocab]), dtype=object)
    synth_series = pd.Series(np.repeat(vocab, [synth_counts.get(t, 0) for t in vocab]), dtype=object)
    return _tv_complement(real_series, synth_series)


def embedding_mmd(real: np.ndarray, synthetic: np.ndarray) -> float:
    """Unbiased squared MMD with an RBF kernel, bandwidth = median pooled squared distance (clipped at 0)."""
    x, y = np.asarray(real, dtype=np.float64), np.asarray(synthetic, dtype=np.float64)
    if len(x) < 2 or len(y) < 2:
        return math.nan
    z = np.vstack([x, y])
    sq = np.sum(z * z, axis=1)
    d2 = np.maximum(sq[:, None] + sq[None, :] - 2.0 * (z @ z.T), 0.0)
    off = d2[~np.eye(len(z), dtype=bool)]
    gamma = float(np.median(off))
    if gamma <= 0:
        gamma = float(off.mean()) if off.mean() > 0 else 1.0
    k = np.exp(-d2 / gamma)
    n, m = len(x), len(y)
    kxx, kyy, kxy = k[:n, :n], k[n:, n:], k[:n, n:]
    mmd2 = (kxx.sum() - np.trace(kxx)) / (n * (n - 1)) + (kyy.sum() - np.trace(kyy)) / (m * (m - 1)) - 2 * kxy.mean()
    return float(max(mmd2, 0.0))


def embedding_auc(
    real: np.ndarray,
    synthetic: np.ndarray,
    real_texts: Sequence[str],
    synthetic_texts: Sequence[str],
    *,
    seed: int,
    folds: int = AUC_FOLDS,
) -> float:
    """Mean cross-validated ROC AUC of a logistic regression telling synthetic from real embeddings.

    Both classes are cut to the same size; identical texts share a fold (a copied
    text would otherwise be learnt with one label and tested with the other).
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    from veil.reports.drift import _one_thread

    n = min(len(real), len(synthetic))
    if n < folds * 2:
        return math.nan
    pick_r = np.sort(_rng(seed, 21).permutation(len(real))[:n])
    pick_s = np.sort(_rng(seed, 22).permutation(len(synthetic))[:n])
    x = np.vstack([np.asarray(real, dtype=np.float64)[pick_r], np.asarray(synthetic, dtype=np.float64)[pick_s]])
    y = np.concatenate([np.zeros(n, dtype=int), np.ones(n, dtype=int)])
    keys = [" ".join(tokens(real_texts[i])) for i in pick_r] + [" ".join(tokens(synthetic_texts[i])) for i in pick_s]
    _, group = np.unique(np.asarray(keys, dtype=object), return_inverse=True)
    fold = (_rng(seed, 20).permutation(group.max() + 1) % folds)[group]
    aucs = []
    for k in range(folds):
        train, test = fold != k, fold == k
        if len(np.unique(y[train])) < 2 or len(np.unique(y[test])) < 2:
            continue
        model = LogisticRegression(max_iter=1000, C=1.0)
        with _one_thread():
            model.fit(x[train], y[train])
            proba = model.predict_proba(x[test])[:, 1]
        aucs.append(roc_auc_score(y[test], proba))
    return float(np.mean(aucs)) if aucs else math.nan


def cluster_coverage(real: np.ndarray, synthetic: np.ndarray, *, seed: int) -> float:
    """Share of k-means clusters of the real embeddings that receive >= 1 synthetic text.

    k = min(20, n_real // 5); every synthetic embedding is assigned to its nearest
    real centroid. NaN when fewer than 2 clusters fit or no synthetic text exists.
    """
    from sklearn.cluster import KMeans

    from veil.reports.drift import _one_thread

    real = np.asarray(real, dtype=np.float64)
    synthetic = np.asarray(synthetic, dtype=np.float64)
    k = min(MAX_CLUSTERS, len(real) // 5)
    distinct = len(np.unique(real, axis=0)) if len(real) else 0
    k = min(k, distinct)
    if k < 2 or len(synthetic) == 0:
        return math.nan
    model = KMeans(n_clusters=k, n_init=3, random_state=int(seed) % (2**32))
    with _one_thread():
        model.fit(real)
        labels = model.predict(synthetic)
    return len(np.unique(labels)) / k


def duplicate_share(texts: Sequence[str]) -> float:
    """Share of texts whose token sequence repeats an earlier text's (case/punctuation-insensitive)."""
    if not texts:
        return math.nan
    keys = {" ".join(tokens(t)) for t in texts}
    return 1.0 - len(keys) / len(texts)


def canary_exposure(canaries: Sequence[str], synthetic: Sequence[str], *, threshold: int) -> tuple[int, int]:
    """(planted, exposed): a canary is exposed when some synthetic text holds a run of
    >= min(threshold, its token count) of its tokens. Canaries without tokens are not counted."""
    planted = [c for c in canaries if tokens(c)]
    if not planted:
        return 0, 0
    index = NgramIndex(synthetic)  # canaries are few, outputs many: index the outputs once
    exposed = sum(index.shares_run(c, min(threshold, len(tokens(c)))) for c in planted)
    return len(planted), int(exposed)


def _mean_tokens(texts: Sequence[str]) -> float:
    return float(np.mean([len(tokens(t)) for t in texts])) if texts else math.nan


def text_column_report(
    *,
    column: str,
    engine: str,
    train: Sequence[str | None],
    holdout: Sequence[str | None],
    synthetic: Sequence[str | None],
    embed: Embed,
    seed: int,
    threshold: int = 8,
    canaries: Sequence[str] = (),
    max_texts: int = 2000,
    train_index: NgramIndex | None = None,
) -> TextColumnReport:
    """Drift, diversity and leakage of one synthetic text column.

    Args:
        column: Column name (used in warnings; values never are).
        engine: Name of the text engine that produced ``synthetic``.
        train: Texts the engine saw (leakage reference).
        holdout: Real texts the engine did not see (drift/diversity reference).
        synthetic: Generated texts.
        embed: Texts -> (n, d) float matrix, rows L2-normalised; called once on
            the holdout + synthetic subsamples together.
        seed: Seed of every subsample, fold and clustering.
        threshold: Verbatim-run length (tokens) counted as leakage.
        canaries: Planted secret texts; reported as exposed when they come back.
        max_texts: Cap on texts per side for the embedding-based metrics.
        train_index: A prebuilt :class:`NgramIndex` over ``train`` (else built here).

    Returns:
        The :class:`TextColumnReport`; metrics that cannot be computed are NaN.
        Nulls are ignored everywhere. Length, duplicate and leakage metrics use
        every text; vocabulary, distinct-n and embedding metrics use the seeded
        ``max_texts`` subsamples (MMD at most 1,000 per side).
    """
    if threshold < 1:
        raise ValueError("threshold must be >= 1")
    train_t, holdout_t, synth_t = clean_texts(train), clean_texts(holdout), clean_texts(synthetic)
    warnings: list[str] = []

    real_sub = embedding_sample(holdout_t, side=REAL_SAMPLE, max_texts=max_texts, seed=seed)
    synth_sub = embedding_sample(synth_t, side=SYNTHETIC_SAMPLE, max_texts=max_texts, seed=seed)
    mmd = auc = coverage = vendi = vendi_real = math.nan
    auc_low = auc_high = math.nan
    if real_sub and synth_sub:
        try:
            emb = np.asarray(embed(real_sub + synth_sub), dtype=np.float64)
            if emb.shape[0] != len(real_sub) + len(synth_sub):
                raise ValueError("embed returned the wrong number of rows")
        except Exception as exc:  # noqa: BLE001 -- a failing embedder degrades the report, it does not sink it
            logger.warning("text embedding metrics skipped for a column: %s", type(exc).__name__)
            warnings.append(
                f"text column {column!r}: embedding failed ({type(exc).__name__}); embedding metrics skipped"
            )
        else:
            e_real, e_synth = emb[: len(real_sub)], emb[len(real_sub) :]
            # Vendi grows with sample size: compare both sides at the same size.
            same = min(len(e_real), len(e_synth))
            vendi = vendi_score(e_synth[_rng(seed, 3).permutation(len(e_synth))[:same]])
            vendi_real = vendi_score(e_real[_rng(seed, 4).permutation(len(e_real))[:same]])
            pick_r = np.sort(_rng(seed, 5).permutation(len(e_real))[:MMD_TEXTS])
            pick_s = np.sort(_rng(seed, 6).permutation(len(e_synth))[:MMD_TEXTS])
            mmd = embedding_mmd(e_real[pick_r], e_synth[pick_s])
            auc = embedding_auc(e_real, e_synth, real_sub, synth_sub, seed=seed)
            same_size = min(len(real_sub), len(synth_sub))  # the classifier sees both sides cut to this
            auc_low, auc_high = (auc, auc) if math.isnan(auc) else auc_interval(auc, same_size, same_size)
            coverage = cluster_coverage(e_real, e_synth, seed=seed)

    drift = TextDrift(
        length_ks=length_ks(holdout_t, synth_t),
        vocab_tv=vocab_tv(real_sub, synth_sub),
        embedding_mmd=mmd,
        embedding_auc=auc,
        cluster_coverage=coverage,
        mean_tokens_real=_mean_tokens(holdout_t),
        mean_tokens_synthetic=_mean_tokens(synth_t),
        embedding_auc_low=auc_low,
        embedding_auc_high=auc_high,
        embedded_texts=min(len(real_sub), len(synth_sub)),
    )
    dup = duplicate_share(synth_t)
    diversity = TextDiversity(
        distinct_1=distinct_n(synth_sub, 1),
        distinct_2=distinct_n(synth_sub, 2),
        vendi=vendi,
        vendi_real=vendi_real,
        cluster_coverage=coverage,
        duplicate_share=dup,
    )

    index = train_index if train_index is not None else NgramIndex(train_t)
    runs = np.asarray(index.longest_runs(synth_t), dtype=np.int64)
    planted, exposed = canary_exposure(canaries, synth_t, threshold=threshold)
    leakage = TextLeakage(
        longest_overlap_max=int(runs.max()) if len(runs) else 0,
        longest_overlap_p50=float(np.percentile(runs, 50)) if len(runs) else math.nan,
        longest_overlap_p95=float(np.percentile(runs, 95)) if len(runs) else math.nan,
        share_over_threshold=float(np.mean(runs >= threshold)) if len(runs) else math.nan,
        threshold=threshold,
        canaries_planted=planted,
        canaries_exposed=exposed,
        canary_exposure=exposed / planted if planted else math.nan,
    )

    if not math.isnan(coverage) and coverage < LOW_COVERAGE:
        warnings.append(
            f"text column {column!r}: low cluster coverage ({coverage:.2f} < {LOW_COVERAGE}): "
            "the synthetic texts miss much of the real topic spread"
        )
    if not math.isnan(dup) and dup > MANY_DUPLICATES:
        warnings.append(f"text column {column!r}: many near-duplicates ({dup:.0%} of synthetic texts repeat another)")
    if leakage.longest_overlap_max >= threshold:
        warnings.append(
            f"text column {column!r}: longest verbatim overlap with training texts is "
            f"{leakage.longest_overlap_max} tokens (>= threshold {threshold}); "
            f"{leakage.share_over_threshold:.1%} of synthetic texts share such a run"
        )
    if exposed:
        warnings.append(f"text column {column!r}: {exposed} of {planted} planted canaries came back")
    logger.info(
        "text report: column texts train=%d holdout=%d synthetic=%d, embedded %d+%d",
        len(train_t),
        len(holdout_t),
        len(synth_t),
        len(real_sub),
        len(synth_sub),
    )
    return TextColumnReport(
        column=column, engine=engine, drift=drift, diversity=diversity, leakage=leakage, warnings=warnings
    )
