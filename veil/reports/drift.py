"""Drift metrics: synthetic vs holdout (and vs train).

* Per column: SDMetrics ``KSComplement`` (numeric, datetime) or
  ``TVComplement`` (categorical, boolean).
* Pairs: SDMetrics ``CorrelationSimilarity`` (Pearson; both continuous) or
  ``ContingencySimilarity`` (otherwise; continuous members binned into 10
  bins of the real column, as SDMetrics' quality report does).
* Detection: cross-validated ROC AUC of a gradient-boosted classifier that
  tells synthetic rows from holdout rows (0.5 = indistinguishable).
* Utility (TSTR): train on synthetic / test on holdout vs train on real
  train / test on holdout; accuracy for classification, r2 for regression.

Every random choice (row subsamples, pair choice, CV folds, model seeds)
derives from one integer seed, so equal inputs and seed give equal numbers.
"""

from __future__ import annotations

import itertools
import logging
import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sdmetrics.column_pairs import ContingencySimilarity, CorrelationSimilarity
from sdmetrics.single_column import KSComplement, TVComplement

from veil.core.kinds import CONTINUOUS_KINDS, DISCRETE_KINDS
from veil.reports.frames import subsample
from veil.reports.model import ColumnDrift, PairDrift, Utility

logger = logging.getLogger(__name__)

MAX_PAIRS = 45
PAIR_ROWS = 5_000
DETECTION_ROWS = 5_000
UTILITY_TRAIN_ROWS = 5_000
UTILITY_TEST_ROWS = 10_000
MAX_CATEGORIES = 250  # HistGradientBoosting takes at most 255 bins per categorical feature
_SDMETRICS_TV_MAX_CARDINALITY = 1_000


@dataclass
class DriftNotes:
    """Soft problems met while computing drift (column/pair names only, never values)."""

    skipped: list[str] = field(default_factory=list)


def _rng(seed: int, stream: int) -> np.random.Generator:
    return np.random.default_rng([int(seed), stream])


def _tv_complement(real: pd.Series, synthetic: pd.Series) -> float:
    """TVComplement, via SDMetrics for usual cardinalities, vectorised for huge ones (same formula)."""
    real = real.dropna()
    synthetic = synthetic.dropna()
    if len(real) == 0 or len(synthetic) == 0:
        return math.nan
    if max(real.nunique(), synthetic.nunique()) <= _SDMETRICS_TV_MAX_CARDINALITY:
        return float(TVComplement.compute(real, synthetic))
    p = real.value_counts(normalize=True)
    q = synthetic.value_counts(normalize=True)
    p, q = p.align(q, fill_value=0.0)
    return float(1.0 - 0.5 * np.abs(p - q).sum())


def _ks_complement(real: pd.Series, synthetic: pd.Series) -> float:
    if real.notna().sum() == 0 or synthetic.notna().sum() == 0:
        return math.nan
    return float(KSComplement.compute(real, synthetic))


def column_drift(
    *,
    train: pd.DataFrame,
    holdout: pd.DataFrame,
    synthetic: pd.DataFrame,
    kinds: Mapping[str, str],
    columns: Sequence[str],
    notes: DriftNotes | None = None,
) -> list[ColumnDrift]:
    """Per-column marginal similarity of ``synthetic`` to ``holdout`` and to ``train``.

    Args:
        train: Normalised train frame (see :func:`veil.reports.frames.normalise`).
        holdout: Normalised holdout frame.
        synthetic: Normalised synthetic frame.
        kinds: Column kinds.
        columns: Modelled columns to score.
        notes: Collects skipped columns.

    Returns:
        One :class:`ColumnDrift` per column, NaN scores where not computable.
    """
    out = []
    for column in columns:
        kind = kinds[column]
        if kind in CONTINUOUS_KINDS:
            metric, fn = "KSComplement", _ks_complement
        else:
            metric, fn = "TVComplement", _tv_complement
        vs_holdout = fn(holdout[column], synthetic[column])
        vs_train = fn(train[column], synthetic[column])
        if notes is not None and math.isnan(vs_holdout):
            notes.skipped.append(f"{metric} for column {column!r}: no non-missing values")
        out.append(
            ColumnDrift(column=column, kind=kind, metric=metric, score_vs_holdout=vs_holdout, score_vs_train=vs_train)
        )
    return out


def choose_pairs(columns: Sequence[str], *, max_pairs: int = MAX_PAIRS, seed: int = 0) -> list[tuple[str, str]]:
    """All column pairs, or a seeded sample of ``max_pairs`` of them (kept in column order)."""
    pairs = list(itertools.combinations(columns, 2))
    if len(pairs) <= max_pairs:
        return pairs
    picks = np.sort(_rng(seed, 1).choice(len(pairs), size=max_pairs, replace=False))
    return [pairs[i] for i in picks]


def pair_drift(
    *,
    holdout: pd.DataFrame,
    synthetic: pd.DataFrame,
    kinds: Mapping[str, str],
    pairs: Sequence[tuple[str, str]],
    seed: int = 0,
    max_rows: int = PAIR_ROWS,
    notes: DriftNotes | None = None,
) -> list[PairDrift]:
    """Pairwise-trend similarity of ``synthetic`` to ``holdout`` on seeded row subsamples."""
    real = subsample(holdout, max_rows, _rng(seed, 2))
    synth = subsample(synthetic, max_rows, _rng(seed, 3))
    out = []
    for a, b in pairs:
        both_continuous = kinds[a] in CONTINUOUS_KINDS and kinds[b] in CONTINUOUS_KINDS
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if both_continuous:
                    metric = "CorrelationSimilarity"
                    score = CorrelationSimilarity.compute(
                        real[[a, b]].copy(), synth[[a, b]].copy(), coefficient="Pearson"
                    )
                else:
                    metric = "ContingencySimilarity"
                    continuous = [c for c in (a, b) if kinds[c] in CONTINUOUS_KINDS]
                    real_ab, synth_ab = real[[a, b]].copy(), synth[[a, b]].copy()
                    # SDMetrics bins with the real column's edges; an all-missing real column cannot be binned.
                    if any(real_ab[c].notna().sum() == 0 for c in continuous):
                        raise ValueError("no non-missing values to bin")
                    score = ContingencySimilarity.compute(
                        real_ab, synth_ab, continuous_column_names=continuous or None, num_discrete_bins=10
                    )
            score = float(score)
        except Exception as exc:  # constant columns, empty data: the metric is undefined
            score = math.nan
            metric = "CorrelationSimilarity" if both_continuous else "ContingencySimilarity"
            logger.debug("pair metric skipped for a column pair: %s", type(exc).__name__)
        if notes is not None and math.isnan(score):
            notes.skipped.append(f"{metric} for columns {a!r} and {b!r}: undefined (constant or missing data)")
        out.append(PairDrift(column_a=a, column_b=b, metric=metric, score_vs_holdout=score))
    return out


class _Encoder:
    """Frame -> float matrix for tree models: continuous as is, discrete as codes of the top categories."""

    def __init__(self, kinds: Mapping[str, str], columns: Sequence[str]) -> None:
        self.kinds = kinds
        self.columns = list(columns)
        self.categories: dict[str, pd.Index] = {}

    def fit(self, *frames: pd.DataFrame) -> _Encoder:
        for column in self.columns:
            if self.kinds[column] in DISCRETE_KINDS:
                counts = pd.concat([f[column] for f in frames], ignore_index=True).value_counts(dropna=True)
                # Frequency, then label: a deterministic order independent of row order.
                counts = counts.reset_index()
                counts.columns = ["label", "n"]
                counts = counts.sort_values(["n", "label"], ascending=[False, True], kind="mergesort")
                self.categories[column] = pd.Index(counts["label"].iloc[: MAX_CATEGORIES - 1])
        return self

    @property
    def categorical_mask(self) -> np.ndarray:
        return np.array([self.kinds[c] in DISCRETE_KINDS for c in self.columns], dtype=bool)

    def transform(self, frame: pd.DataFrame) -> np.ndarray:
        out = np.empty((len(frame), len(self.columns)), dtype="float64")
        for j, column in enumerate(self.columns):
            values = frame[column]
            if self.kinds[column] in DISCRETE_KINDS:
                cats = self.categories[column]
                codes = cats.get_indexer(values).astype("float64")
                codes[codes < 0] = len(cats)  # rare / unseen -> one "other" code
                codes[values.isna().to_numpy()] = np.nan
                out[:, j] = codes
            else:
                out[:, j] = values.to_numpy(dtype="float64")
        return out


def _one_thread():
    """Tree models on a few thousand rows run faster on one OpenMP thread, and do not
    collapse when other jobs share the cores (OpenMP spin-waits under contention)."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="openmp")


def detection_auc(
    *,
    holdout: pd.DataFrame,
    synthetic: pd.DataFrame,
    kinds: Mapping[str, str],
    columns: Sequence[str],
    seed: int = 0,
    max_rows: int = DETECTION_ROWS,
    folds: int = 3,
) -> float:
    """Mean cross-validated ROC AUC of a classifier telling synthetic from holdout rows.

    Both classes are subsampled (seeded) to the same size, at most ``max_rows``.
    Folds are assigned per distinct row (seeded), so duplicates never straddle
    a train/test split.
    0.5 means indistinguishable, 1.0 trivially separable. NaN when there is
    nothing to classify (no columns or fewer than 2 rows per fold and class).
    """
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.metrics import roc_auc_score

    n = min(len(holdout), len(synthetic), max_rows)
    if not columns or n < folds * 2:
        return math.nan
    real = subsample(holdout, n, _rng(seed, 4))
    synth = subsample(synthetic, n, _rng(seed, 5))
    encoder = _Encoder(kinds, columns).fit(real, synth)
    x = np.vstack([encoder.transform(real), encoder.transform(synth)])
    # A feature missing in every row tells nothing apart (and the boosting's binning cannot take it).
    informative = ~np.all(np.isnan(x), axis=0)
    if not informative.any():
        return math.nan
    x, categorical = x[:, informative], np.asarray(encoder.categorical_mask)[informative]
    y = np.concatenate([np.zeros(n, dtype=int), np.ones(n, dtype=int)])
    # Identical rows go to the same fold: a row present in both classes (a copy of a holdout row)
    # would otherwise be learnt with one label and tested with the other, pushing the AUC below 0.5.
    row_keys = pd.util.hash_pandas_object(pd.DataFrame(x), index=False).to_numpy()
    unique_keys, group = np.unique(row_keys, return_inverse=True)
    fold_of_group = _rng(seed, 10).permutation(len(unique_keys)) % folds
    fold = fold_of_group[group]
    aucs = []
    for k in range(folds):
        train_idx, test_idx = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        if len(np.unique(y[train_idx])) < 2 or len(np.unique(y[test_idx])) < 2:
            continue
        model = HistGradientBoostingClassifier(
            max_iter=100,
            learning_rate=0.1,
            max_leaf_nodes=15,
            categorical_features=categorical,
            early_stopping=False,
            random_state=seed % (2**32),
        )
        with _one_thread():
            model.fit(x[train_idx], y[train_idx])
            proba = model.predict_proba(x[test_idx])[:, 1]
        aucs.append(roc_auc_score(y[test_idx], proba))
    return float(np.mean(aucs)) if aucs else math.nan


def utility(
    *,
    train: pd.DataFrame,
    holdout: pd.DataFrame,
    synthetic: pd.DataFrame,
    kinds: Mapping[str, str],
    columns: Sequence[str],
    target_column: str,
    seed: int = 0,
    max_train_rows: int = UTILITY_TRAIN_ROWS,
    max_test_rows: int = UTILITY_TEST_ROWS,
) -> Utility:
    """Train-synthetic-test-real against train-real-test-real on the holdout.

    A numeric target is a regression scored by r2; a categorical or boolean
    target a classification scored by accuracy. The caller validates the
    target (present, modelled, not datetime).
    """
    from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
    from sklearn.metrics import accuracy_score, r2_score

    task = "regression" if kinds[target_column] == "numeric" else "classification"
    metric = "r2" if task == "regression" else "accuracy"
    features = [c for c in columns if c != target_column]

    def usable(frame: pd.DataFrame, n: int, stream: int) -> pd.DataFrame:
        frame = frame[frame[target_column].notna()]
        return subsample(frame, n, _rng(seed, stream))

    real_train = usable(train, max_train_rows, 6)
    synth_train = usable(synthetic, max_train_rows, 7)
    test = usable(holdout, max_test_rows, 8)
    if len(test) == 0:
        return Utility(
            target_column=target_column, task=task, metric=metric, synthetic_score=math.nan, real_score=math.nan
        )

    encoder = _Encoder(kinds, features).fit(real_train)
    x_test = encoder.transform(test)
    y_test = test[target_column].to_numpy(dtype="float64" if task == "regression" else object)

    def score(frame: pd.DataFrame) -> float:
        if len(frame) < 2:
            return math.nan
        y = frame[target_column].to_numpy(dtype="float64" if task == "regression" else object)
        if not features:
            x, xt = np.zeros((len(frame), 1)), np.zeros((len(test), 1))
            mask = np.array([False])
        else:
            x, xt, mask = encoder.transform(frame), x_test.copy(), encoder.categorical_mask
            # A feature missing in every training row carries nothing (and the boosting's binning cannot take it).
            empty = np.isnan(x).all(axis=0)
            x[:, empty], xt[:, empty] = 0.0, 0.0
        if task == "regression":
            model = HistGradientBoostingRegressor(
                max_iter=100, categorical_features=mask, early_stopping=False, random_state=seed % (2**32)
            )
            with _one_thread():
                model.fit(x, y)
                predicted = model.predict(xt)
            return float(r2_score(y_test, predicted))
        labels = pd.unique(y)
        if len(labels) < 2:  # one class only: the best a model can do is predict it
            return float(accuracy_score(y_test.astype(str), np.full(len(test), str(labels[0]))))
        model = HistGradientBoostingClassifier(
            max_iter=100, categorical_features=mask, early_stopping=False, random_state=seed % (2**32)
        )
        with _one_thread():
            model.fit(x, y.astype(str))
            predicted = model.predict(xt)
        return float(accuracy_score(y_test.astype(str), predicted))

    return Utility(
        target_column=target_column,
        task=task,
        metric=metric,
        synthetic_score=score(synth_train),
        real_score=score(real_train),
    )


def mean_score(values: Sequence[float]) -> float:
    """Mean of the finite values (NaN when none)."""
    finite = [v for v in values if not math.isnan(v)]
    return float(np.mean(finite)) if finite else math.nan
