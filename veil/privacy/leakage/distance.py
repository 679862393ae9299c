"""Distance-based leakage measures: exact copies, DCR share, DCR median, NNDR.

Rows are compared on the *modelled* columns only (kinds ``numeric``,
``categorical``, ``datetime``, ``boolean``); ``id``, ``text`` and
``pii:<ENTITY>`` columns are ignored (PII replay is measured elsewhere).

Encoding for distances (:class:`DistanceEncoder`, fitted on train only):

* numeric and datetime (seconds) columns are standardised with the train
  mean and standard deviation; a missing value sits at the train mean and
  flips a 0/1 missing indicator column;
* categorical and boolean columns are one-hot encoded over the most
  frequent train categories (others share one "other" slot, missing has its
  own slot) and scaled by 1/sqrt(2), so that a mismatch adds exactly 1 to
  the squared Euclidean distance.

Measures:

* ``exact_copies``: synthetic rows identical to some train row (all rows,
  hash join);
* ``dcr_share``: on a seeded subsample of synthetic rows, the share that is
  strictly closer to a train subsample than to the holdout (both of the same
  size; ties count half). About 0.5 is ideal; near 1 means the generator
  sits on its training rows. Because the train side is subsampled to the
  holdout size, copies of train rows outside that subsample look "fresh":
  with train n_t rows and holdout n_h rows, a full copy of train scores about
  0.5 + 0.5 * n_h / n_t, not 1 (``exact_copies`` catches copies directly);
* ``dcr_median``: median distance from a synthetic row to its closest train
  row (train capped at ``max_reference_rows``, seeded);
* ``nndr_median``: median ratio of the closest to the second-closest train
  distance (0/0 counts as 1: a row matching several train rows singles out
  none of them); ``nndr_p05`` its 5th percentile, where the rows that single
  one training row out show;
* natural rates beside them: ``natural_dcr_median`` and ``natural_nndr_p05``
  are the same measures for holdout rows against train (what real rows new
  to the model show);
* ``dcr_share_max``: the largest DCR share over all columns and ten seeded
  subsets of three columns (a leak in three columns hides in thirty).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from veil.core.columns import as_float, as_label
from veil.core.kinds import CONTINUOUS_KINDS, MODELLED_KINDS

SYNTHETIC_ROWS = 5_000
REFERENCE_ROWS = 20_000
MAX_ONE_HOT = 64
_TIE_TOL = 1e-9
SUBSETS = 10
SUBSET_SIZE = 3
NNDR_QUANTILE = 0.05


@dataclass(frozen=True)
class DistanceLeakage:
    """Result of :func:`distance_leakage` (NaN where not computable)."""

    exact_copies: int
    exact_copy_share: float
    dcr_share: float
    dcr_median: float
    nndr_median: float
    synthetic_rows_compared: int
    reference_rows: int
    natural_dcr_median: float = math.nan
    nndr_p05: float = math.nan
    natural_nndr_p05: float = math.nan
    dcr_share_max: float = math.nan
    dcr_share_max_columns: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, float | int]:
        """Plain dict of the fields."""
        return asdict(self)


def _rng(seed: int, stream: int) -> np.random.Generator:
    return np.random.default_rng([int(seed), 1000 + stream])


def _sample_rows(n: int, k: int | None, rng: np.random.Generator) -> np.ndarray:
    if k is None or n <= k:
        return np.arange(n)
    return np.sort(rng.choice(n, size=k, replace=False))


def compared_columns(kinds: Mapping[str, str], columns: Sequence[str]) -> list[str]:
    """Columns of ``columns`` (in order) whose kind enters distance metrics."""
    return [c for c in columns if kinds.get(c) in MODELLED_KINDS]


def _canonical(frame: pd.DataFrame, kinds: Mapping[str, str], columns: Sequence[str]) -> pd.DataFrame:
    """Continuous columns as rounded floats, discrete ones as string labels (for hashing)."""
    data = {}
    for column in columns:
        kind = kinds[column]
        if kind in CONTINUOUS_KINDS:
            data[column] = np.round(as_float(frame[column], kind).to_numpy(), 9) + 0.0  # folds -0.0 into 0.0
        else:
            data[column] = as_label(frame[column], kind).to_numpy()
    return pd.DataFrame(data, index=pd.RangeIndex(len(frame)))


def count_exact_copies(
    *, train: pd.DataFrame, synthetic: pd.DataFrame, kinds: Mapping[str, str], columns: Sequence[str] | None = None
) -> int:
    """Synthetic rows identical (on the compared columns) to at least one train row.

    Vectorised: rows are hashed to 64-bit values and joined on the hash.
    """
    columns = compared_columns(kinds, columns if columns is not None else list(train.columns))
    if not columns or len(synthetic) == 0 or len(train) == 0:
        return 0
    train_hash = pd.util.hash_pandas_object(_canonical(train, kinds, columns), index=False).to_numpy()
    synth_hash = pd.util.hash_pandas_object(_canonical(synthetic, kinds, columns), index=False).to_numpy()
    return int(np.isin(synth_hash, train_hash).sum())


class DistanceEncoder:
    """Maps rows to vectors whose Euclidean distance is the mixed-type row distance.

    Fit on train only; see the module docstring for the encoding.
    """

    def __init__(self, kinds: Mapping[str, str], columns: Sequence[str], *, max_one_hot: int = MAX_ONE_HOT) -> None:
        self.kinds = dict(kinds)
        self.columns = compared_columns(kinds, columns)
        self.max_one_hot = max_one_hot
        self.means: dict[str, float] = {}
        self.scales: dict[str, float] = {}
        self.categories: dict[str, list[str]] = {}
        self.indicators: set[str] = set()

    def fit(self, train: pd.DataFrame, *others: pd.DataFrame) -> DistanceEncoder:
        """Learn the scaling and categories from ``train``.

        ``others`` only decide which continuous columns get a missing
        indicator (any frame with a missing value), so that all frames share
        one layout; their values never influence the scaling.
        """
        for column in self.columns:
            kind = self.kinds[column]
            if kind in CONTINUOUS_KINDS:
                values = as_float(train[column], kind).to_numpy()
                finite = values[np.isfinite(values)]
                mean = float(finite.mean()) if finite.size else 0.0
                std = float(finite.std()) if finite.size else 0.0
                self.means[column] = mean
                self.scales[column] = std if std > 0 and math.isfinite(std) else 1.0
                if any(np.isnan(as_float(f[column], kind).to_numpy()).any() for f in (train, *others)):
                    self.indicators.add(column)
            else:
                counts = as_label(train[column], kind).value_counts(dropna=True)
                counts = counts.reset_index()
                counts.columns = ["label", "n"]
                counts = counts.sort_values(["n", "label"], ascending=[False, True], kind="mergesort")
                self.categories[column] = [str(v) for v in counts["label"].iloc[: self.max_one_hot]]
        return self

    def column_slices(self) -> dict[str, slice]:
        """Where each column's coordinates sit in :meth:`transform`'s output (columns encode independently)."""
        out, start = {}, 0
        for c in self.columns:
            width = 1 + (c in self.indicators) if self.kinds[c] in CONTINUOUS_KINDS else len(self.categories[c]) + 2
            out[c] = slice(start, start + width)
            start += width
        return out

    @property
    def width(self) -> int:
        """Number of encoded dimensions."""
        return sum(part.stop - part.start for part in self.column_slices().values())

    def transform(self, frame: pd.DataFrame) -> np.ndarray:
        """Encode ``frame`` (float32 matrix, one row per input row)."""
        blocks = []
        weight = 1.0 / math.sqrt(2.0)
        for column in self.columns:
            kind = self.kinds[column]
            if kind in CONTINUOUS_KINDS:
                values = as_float(frame[column], kind).to_numpy()
                missing = ~np.isfinite(values)
                z = (values - self.means[column]) / self.scales[column]
                z[missing] = 0.0
                blocks.append(z[:, None])
                if column in self.indicators:
                    blocks.append(missing.astype("float64")[:, None])
            else:
                labels = as_label(frame[column], kind)
                cats = self.categories[column]
                idx = pd.Index(cats).get_indexer(labels)
                idx[idx < 0] = len(cats)  # other
                idx[labels.isna().to_numpy()] = len(cats) + 1  # missing
                block = np.zeros((len(frame), len(cats) + 2), dtype="float64")
                block[np.arange(len(frame)), idx] = weight
                blocks.append(block)
        if not blocks:
            return np.zeros((len(frame), 0), dtype="float32")
        return np.hstack(blocks).astype("float32")


class CloseRows:
    """Nearest-row distances of :class:`DistanceEncoder` rows, exact below 1 and capped at 1.

    A differing label, or a value missing on one side only, adds exactly 1 to the squared distance, so
    two rows closer than 1 agree on every label and on which values are missing. The index groups the
    reference rows by that pattern and searches a tree over the continuous coordinates plus one
    coordinate per group, set far apart: a query meets only the rows of its own pattern. Low-dimensional,
    where a brute search over every one-hot coordinate is not (10,000 diamonds against themselves and 16,000
    more: about 5x).
    """

    def __init__(self, encoder: DistanceEncoder, reference: np.ndarray) -> None:
        from sklearn.neighbors import NearestNeighbors

        discrete = np.zeros(encoder.width, dtype=bool)
        for column, part in encoder.column_slices().items():
            if encoder.kinds[column] in CONTINUOUS_KINDS:
                discrete[part.start + 1 : part.stop] = True  # the missing indicator
            else:
                discrete[part] = True
        self._discrete = discrete
        self._patterns: dict[bytes, int] = {}
        reference = np.asarray(reference, dtype=np.float64)
        groups = self._groups(reference, grow=True)
        continuous = reference[:, ~discrete]
        # Any spacing over 1 is exact; one wider than the groups' spread lets the tree split them apart.
        self._spacing = 2.0 + 2.0 * float(np.sqrt(continuous.shape[1])) * (
            float(np.abs(continuous).max()) if continuous.size else 0.0
        )
        self._rows = len(reference)
        self._index = NearestNeighbors().fit(self._embed(continuous, groups))

    def _groups(self, rows: np.ndarray, *, grow: bool) -> np.ndarray:
        """Each row's pattern of labels and missing values as a group number (-1: a pattern not seen)."""
        width = int(self._discrete.sum())
        keys = (
            np.ascontiguousarray(rows[:, self._discrete]).view(np.void(8 * width)).ravel().tolist()
            if width
            else [b""] * len(rows)
        )
        out = np.empty(len(rows), dtype=np.int64)
        for i, key in enumerate(keys):
            group = self._patterns.get(key)
            if group is None and grow:
                group = self._patterns[key] = len(self._patterns)
            out[i] = -1 if group is None else group
        return out

    def _embed(self, continuous: np.ndarray, groups: np.ndarray) -> np.ndarray:
        return np.hstack([continuous, (groups * self._spacing)[:, None]])

    def nearest(self, queries: np.ndarray, k: int = 1) -> np.ndarray:
        """Distance of each query to its ``k``-th nearest reference row, ``min(true distance, 1)``."""
        queries = np.asarray(queries, dtype=np.float64)
        out = np.ones(len(queries))
        if len(queries) == 0 or self._rows < k:
            return out
        groups = self._groups(queries, grow=False)
        known = groups >= 0
        if known.any():
            # A row of another group is at least the spacing (> 1) away here, and at least 1 in truth.
            embedded = self._embed(queries[known][:, ~self._discrete], groups[known])
            distances, _ = self._index.kneighbors(embedded, n_neighbors=k)
            out[known] = np.minimum(distances[:, k - 1], 1.0)
        return out


def _nearest(reference: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    from sklearn.neighbors import NearestNeighbors

    nn = NearestNeighbors(n_neighbors=k, algorithm="auto").fit(reference)
    distances, _ = nn.kneighbors(queries, n_neighbors=k)
    return distances


def distance_leakage(
    *,
    train: pd.DataFrame,
    holdout: pd.DataFrame,
    synthetic: pd.DataFrame,
    kinds: Mapping[str, str],
    seed: int = 0,
    max_synthetic_rows: int = SYNTHETIC_ROWS,
    max_reference_rows: int = REFERENCE_ROWS,
) -> DistanceLeakage:
    """Exact copies, DCR share, DCR median and NNDR median of ``synthetic`` against ``train``.

    Args:
        train: The rows the generator was fitted on.
        holdout: Real rows the generator never saw (the control).
        synthetic: The generated rows.
        kinds: Column name -> kind; only modelled kinds are compared.
        seed: Seed for every subsample.
        max_synthetic_rows: Synthetic rows used for the nearest-neighbour measures.
        max_reference_rows: Cap on train (DCR/NNDR) and on each side of the DCR share.

    Returns:
        A :class:`DistanceLeakage`; NN measures are NaN without compared columns
        or rows.
    """
    columns = compared_columns(kinds, list(train.columns))
    copies = count_exact_copies(train=train, synthetic=synthetic, kinds=kinds, columns=columns)
    share = copies / len(synthetic) if len(synthetic) else math.nan
    nan = math.nan
    if not columns or len(train) < 2 or len(holdout) == 0 or len(synthetic) == 0:
        return DistanceLeakage(copies, share, nan, nan, nan, 0, 0)

    synth = synthetic.iloc[_sample_rows(len(synthetic), max_synthetic_rows, _rng(seed, 0))]
    ref_train = train.iloc[_sample_rows(len(train), max_reference_rows, _rng(seed, 1))]
    m = min(len(holdout), len(train), max_reference_rows)
    hold = holdout.iloc[_sample_rows(len(holdout), m, _rng(seed, 2))]
    train_m = train.iloc[_sample_rows(len(train), m, _rng(seed, 3))]

    encoder = DistanceEncoder(kinds, columns).fit(train, holdout, synthetic)
    x_synth, x_train_m, x_hold = encoder.transform(synth), encoder.transform(train_m), encoder.transform(hold)
    dcr_share = _dcr_share(x_train_m, x_hold, x_synth)

    x_ref = encoder.transform(ref_train)
    d_ref = _nearest(x_ref, x_synth, 2)
    d_natural = _nearest(x_ref, x_hold, 2)
    share_max, share_columns = dcr_share, tuple(columns)
    slices = encoder.column_slices()
    for subset in _column_subsets(columns, seed):
        keep = np.concatenate([np.arange(slices[c].start, slices[c].stop) for c in subset])
        subset_share = _dcr_share(x_train_m[:, keep], x_hold[:, keep], x_synth[:, keep])
        if subset_share > share_max:
            share_max, share_columns = subset_share, tuple(subset)
    return DistanceLeakage(
        exact_copies=copies,
        exact_copy_share=float(share),
        dcr_share=dcr_share,
        dcr_median=float(np.median(d_ref[:, 0])),
        nndr_median=float(np.median(_ratio(d_ref))),
        synthetic_rows_compared=len(synth),
        reference_rows=len(ref_train),
        natural_dcr_median=float(np.median(d_natural[:, 0])),
        nndr_p05=float(np.quantile(_ratio(d_ref), NNDR_QUANTILE)),
        natural_nndr_p05=float(np.quantile(_ratio(d_natural), NNDR_QUANTILE)),
        dcr_share_max=share_max,
        dcr_share_max_columns=share_columns,
    )


def _closest(reference: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """Distance from each query to its closest reference row, each distinct row searched once.

    A few columns of labels repeat a handful of rows thousands of times (3 labels of diamonds: at most
    280 distinct rows), and their searches then cost next to nothing.
    """
    distinct, inverse = np.unique(queries, axis=0, return_inverse=True)
    return _nearest(np.unique(reference, axis=0), distinct, 1)[:, 0][inverse.ravel()]


def _dcr_share(x_train: np.ndarray, x_holdout: np.ndarray, x_synth: np.ndarray) -> float:
    """Share of synthetic rows strictly closer to the train rows than to the holdout rows (ties count half)."""
    d_train = _closest(x_train, x_synth)
    d_hold = _closest(x_holdout, x_synth)
    tie = np.abs(d_train - d_hold) <= _TIE_TOL
    closer = (d_train < d_hold) & ~tie
    return float(closer.mean() + 0.5 * tie.mean())


def _ratio(distances: np.ndarray) -> np.ndarray:
    """Closest over second-closest distance (0/0 counts 1: a row matching several rows singles out none)."""
    d1, d2 = distances[:, 0], distances[:, 1]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(d2 <= _TIE_TOL, 1.0, d1 / d2)


def _column_subsets(columns: Sequence[str], seed: int) -> list[list[str]]:
    """Seeded subsets of ``SUBSET_SIZE`` columns (none when the table has no more columns than that)."""
    if len(columns) <= SUBSET_SIZE:
        return []
    rng = _rng(seed, 4)
    subsets = {tuple(sorted(rng.choice(len(columns), SUBSET_SIZE, replace=False))) for _ in range(SUBSETS)}
    return [[columns[j] for j in subset] for subset in sorted(subsets)]
