"""Sequential CART synthesis (synthpop's method) with privacy guards of its own; no SDV.

Columns are drawn one after another. The first comes from its marginal; each next one from a
decision tree fitted on the real rows to predict it from the columns before it: a synthetic row
falls into a leaf, and its value is a real value of that leaf (a donor), as in synthpop's
``syn.cart``. Trees keep the relationships between columns that a copula flattens.

What each column is to the trees:

* categorical and boolean columns, and integer columns with few distinct values (children in a
  household, a rating: ``coercion.is_discrete_integer``), are discrete: a classification tree,
  donors are labels (missing is a label);
* other numeric and datetime columns are continuous: a classification tree first decides whether
  the value is missing (only when the column has missing values), then a regression tree on the
  rows that have one; integers stay integers and every value stays within the column's bounds.

Privacy guards, on by default and recorded in ``books["privacy_guards"]``:

* every leaf holds at least ``max(rare_value_k, 5)`` real rows, and about sqrt(n)/2 on larger
  tables, so a drawn value is one of many (the rare-value k of the protection step);
* splits that chance explains are undone (``_pruned``): a leaf that only fits its own training rows
  would hand its donors' combinations on, and synthetic rows would sit nearer the training rows than
  new real rows do;
* continuous donors that fewer than k training rows hold are smoothed (Gaussian noise with the
  leaf's Silverman bandwidth), so a unique value is not released as it was;
* a privacy filter redraws, last columns first, synthetic rows that equal a training combination
  held by fewer than k training rows (beyond the rate at which a real row new to the model equals
  one) and rows closer to a training row than real rows are to each other (below the 5th percentile
  of nearest-neighbour distances between training rows); a row still refused is dropped, and rows
  are drawn until the requested count is reached.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sklearn.neighbors import NearestNeighbors
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from veil.core import kinds as K
from veil.core.conditions import ConditionGroup
from veil.core.progress import ProgressFn
from veil.privacy.leakage.distance import CloseRows, DistanceEncoder
from veil.synthesizers.base import Synthesizer
from veil.synthesizers.coercion import is_discrete_integer
from veil.synthesizers.errors import SynthesizerError
from veil.synthesizers.registry import register

logger = logging.getLogger(__name__)

MIN_LEAF = 5
"""The smallest leaf, whatever the rare-value k."""
LEAF_PER_SQRT_ROWS = 0.5
"""Leaves hold at least this times the square root of the training rows."""
MAX_TREE_ROWS = 500_000
"""Trees are fitted on at most this many rows (a seeded sample beyond), so time and memory stay bounded."""
REFERENCE_ROWS = 10_000
"""Training rows the distance filter compares against (a seeded sample beyond)."""
DISTANCE_QUANTILE = 0.05
"""A synthetic row closer to a training row than this quantile of real-to-real distances is redrawn."""
SPLIT_PENALTY = 10.0
"""A split is undone unless it lowers its node's impurity this many times more than one row's chance would
(trees over labels: with many labels, chance finds a split that looks good on every node)."""
SPLIT_PENALTY_NUMERIC = 5.0
"""The same for trees over numbers, whose tight relations (a width and a length) need finer leaves."""
MAX_ROUNDS = 20
MAX_PREFIX_DRAWS_PER_ROW = 20_000
"""Condition groups: prefixes drawn per row asked, at most (a group rarer than this is given up)."""


@dataclass
class _Donors:
    """Real values grouped by tree leaf: ``values[start[leaf] : start[leaf] + count[leaf]]``."""

    values: np.ndarray
    start: np.ndarray
    count: np.ndarray
    bandwidth: np.ndarray | None = None  # per leaf, continuous targets only
    rare: np.ndarray | None = None  # per donor: its value is held by fewer than k training rows

    @classmethod
    def group(cls, leaves: np.ndarray, values: np.ndarray, n_nodes: int, *, smooth: bool, k: int = MIN_LEAF) -> _Donors:
        order = np.argsort(leaves, kind="stable")
        leaves, values = leaves[order], values[order]
        count = np.bincount(leaves, minlength=n_nodes)
        start = np.concatenate([[0], np.cumsum(count)[:-1]])
        bandwidth = None
        if smooth:
            sums = np.bincount(leaves, weights=values, minlength=n_nodes)
            squares = np.bincount(leaves, weights=values * values, minlength=n_nodes)
            with np.errstate(invalid="ignore", divide="ignore"):
                mean = sums / np.maximum(count, 1)
                std = np.sqrt(np.maximum(squares / np.maximum(count, 1) - mean * mean, 0.0))
                bandwidth = 1.06 * std * np.power(np.maximum(count, 1), -0.2)
            _, inverse, multiplicity = np.unique(values, return_inverse=True, return_counts=True)
            rare = multiplicity[inverse] < k
            return cls(values=values, start=start, count=count, bandwidth=bandwidth, rare=rare)
        return cls(values=values, start=start, count=count)

    def draw(self, leaves: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        pick = self.start[leaves] + np.floor(rng.random(len(leaves)) * self.count[leaves]).astype(np.int64)
        out = self.values[pick]
        if self.bandwidth is not None:
            # Only a value few training rows hold could point at someone; common values stay as they are,
            # so tight relations between columns (a width and a length) are not blurred.
            noise = rng.standard_normal(len(leaves)) * self.bandwidth[leaves]
            out = out + np.where(self.rare[pick], noise, 0.0)
        return out


@dataclass
class _Column:
    """How one column is read, modelled and written back."""

    name: Any  # the column's label in the frame
    kind: str
    discrete: bool
    labels: list[Any] = field(default_factory=list)  # discrete: code -> value
    integer: bool = False
    decimals: int | None = None  # continuous numbers come back with the training values' precision
    bounds: tuple[float, float] = (0.0, 0.0)
    has_missing: bool = False
    missing_tree: Any = None
    missing_donors: _Donors | None = None
    tree: Any = None
    donors: _Donors | None = None

    def encode(self, series: pd.Series) -> np.ndarray:
        """The column as the trees read it: codes for discrete columns, floats (NaN missing) otherwise."""
        if self.discrete:
            index = {_key(v): i for i, v in enumerate(self.labels)}
            return np.array([index.get(_key(v), -1) for v in series], dtype=np.float64)
        return _as_number(series, self.kind)

    def decode(self, values: np.ndarray) -> pd.Series:
        if self.discrete:
            labels = np.array(self.labels, dtype=object)
            return pd.Series(labels[values.astype(np.int64)], dtype=object)
        if self.kind == K.DATETIME:
            stamps = pd.to_datetime(np.where(np.isnan(values), np.nan, np.round(values)), unit="ns")
            return pd.Series(stamps)
        return pd.Series(values)


def _key(value: Any) -> Any:
    """One key for every missing value (None, NaN, NaT), the value itself otherwise."""
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _as_number(series: pd.Series, kind: str) -> np.ndarray:
    if kind == K.DATETIME:
        stamps = pd.to_datetime(series, errors="coerce")
        out = stamps.to_numpy(dtype="datetime64[ns]").astype(np.int64).astype(np.float64)
        out[stamps.isna().to_numpy()] = np.nan
        return out
    return pd.to_numeric(series, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)


def _decimals(finite: np.ndarray, *, most: int = 6) -> int | None:
    """The fewest decimals that write every value exactly (``None`` when more than ``most`` are needed)."""
    sample = finite[:10_000]
    for decimals in range(most + 1):
        scaled = sample * 10.0**decimals
        if np.all(np.abs(scaled - np.round(scaled)) <= 1e-6 * np.maximum(1.0, np.abs(scaled))):
            return decimals
    return None


def _is_discrete(series: pd.Series, kind: str) -> bool:
    if kind in (K.CATEGORICAL, K.BOOLEAN):
        return True
    if kind != K.NUMERIC:
        return False
    return is_discrete_integer(series) or not np.isfinite(_as_number(series, kind)).any()


@register
class CARTSynthesizer(Synthesizer):
    """Sequential decision trees with leaf donors (synthpop's CART), with privacy guards; no SDV."""

    name = "cart"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._columns: list[_Column] = []
        self._reference: pd.DataFrame | None = None
        self._encoder: DistanceEncoder | None = None
        self._threshold = 0.0
        self._rare_rows = np.empty(0, dtype=np.uint64)
        self._unique_rows = np.empty(0, dtype=np.uint64)
        self._index: CloseRows | NearestNeighbors | None = None
        self._natural_copy_rate = 0.0
        self._kinds: dict[str, str] = {}
        self.min_leaf = MIN_LEAF

    @property
    def min_value_count(self) -> int:
        """A value held by fewer training rows than this is smoothed before it is released."""
        return max(MIN_LEAF, int(self.rare_value_k or 1))

    # --- fit -----------------------------------------------------------------------------------

    def _fit(self, frame: pd.DataFrame, kinds: Mapping[str, str], progress: ProgressFn | None) -> None:
        rng = np.random.default_rng([self.seed, 0xCA27])
        frame = frame.reset_index(drop=True)
        self._kinds = dict(kinds)
        # Leaves of about sqrt(n)/2 rows: a synthetic row mixes many real rows, not one row's path.
        self.min_leaf = max(self.min_value_count, round(LEAF_PER_SQRT_ROWS * math.sqrt(len(frame))))
        tree_rows = frame
        if len(frame) > MAX_TREE_ROWS:
            tree_rows = frame.iloc[np.sort(rng.choice(len(frame), MAX_TREE_ROWS, replace=False))].reset_index(drop=True)
        columns = [self._describe(c, tree_rows[c], kinds[c]) for c in frame.columns]
        features = np.empty((len(tree_rows), len(columns)), dtype=np.float64)
        for j, column in enumerate(columns):
            target = column.encode(tree_rows[column.name])
            self._fit_column(column, features[:, :j], target, seed=int(rng.integers(2**31)))
            features[:, j] = target
            if progress:
                progress(0.8 * (j + 1) / len(columns))
        self._columns = columns
        self._fit_filter(frame, rng)
        if progress:
            progress(1.0)

    def _describe(self, name: Any, series: pd.Series, kind: str) -> _Column:
        if _is_discrete(series, kind):
            # Codes by frequency, most held first: a split on the code then parts common labels from rare ones.
            counts = Counter(_key(v) for v in series)  # in order of first appearance, which breaks ties
            labels = sorted(counts, key=counts.__getitem__, reverse=True)
            return _Column(name=name, kind=kind, discrete=True, labels=labels)
        values = _as_number(series, kind)
        finite = values[np.isfinite(values)]
        integer = kind == K.NUMERIC and bool(np.all(finite == np.round(finite)))
        return _Column(
            name=name,
            kind=kind,
            discrete=False,
            integer=integer,
            decimals=_decimals(finite) if kind == K.NUMERIC and not integer else None,
            bounds=(float(finite.min()), float(finite.max())) if finite.size else (0.0, 0.0),
            has_missing=bool(np.isnan(values).any()),
        )

    def _fit_column(self, column: _Column, features: np.ndarray, target: np.ndarray, *, seed: int) -> None:
        if column.discrete:
            column.tree, column.donors = self._grow(features, target, classify=True, seed=seed, smooth=False)
            return
        present = np.isfinite(target)
        if column.has_missing:
            column.missing_tree, column.missing_donors = self._grow(
                features, (~present).astype(np.float64), classify=True, seed=seed, smooth=False
            )
        if present.any():
            column.tree, column.donors = self._grow(
                features[present], target[present], classify=False, seed=seed + 1, smooth=True
            )

    def _grow(
        self, features: np.ndarray, target: np.ndarray, *, classify: bool, seed: int, smooth: bool
    ) -> tuple[Any, _Donors]:
        """A tree over ``features`` (``None`` for the first column: one leaf) and its donors by leaf."""
        if features.shape[1] == 0 or len(np.unique(target)) < 2:
            return None, _Donors.group(
                np.zeros(len(target), dtype=np.int64), target, 1, smooth=smooth, k=self.min_value_count
            )
        tree_class = DecisionTreeClassifier if classify else DecisionTreeRegressor
        tree = tree_class(min_samples_leaf=self.min_leaf, random_state=seed)
        tree.fit(features, target.astype(np.int64) if classify else target)
        tree.leaf_of = _pruned(tree.tree_, SPLIT_PENALTY if classify else SPLIT_PENALTY_NUMERIC)
        leaves = _leaves(tree, features)
        return tree, _Donors.group(leaves, target, tree.tree_.node_count, smooth=smooth, k=self.min_value_count)

    def _fit_filter(self, frame: pd.DataFrame, rng: np.random.Generator) -> None:
        """The privacy filter's books: rare training combinations, the natural copy rate, reference rows
        and the distance threshold.

        Both the copy rate and the threshold are what real rows new to the model show, measured by leaving
        each training row out in turn: a row whose combination k - 1 or fewer other rows share is a real row
        equal to a rare combination; a row's distance to its nearest other row is a real row's distance.
        """
        hashes = _row_hashes(frame, self._kinds)
        unique, inverse, counts = np.unique(hashes, return_inverse=True, return_counts=True)
        self._unique_rows = unique[counts == 1]
        self._rare_rows = unique[(counts > 1) & (counts < self.min_value_count)]
        # Left out, a row whose combination 2 to k - 1 other rows share is a new real row equal to a shared
        # rare combination (one other row would do as well, but then a table that lists each person twice
        # would pass every copy as natural).
        held_by = counts[inverse]
        self._natural_copy_rate = float(np.mean((held_by >= 3) & (held_by <= self.min_value_count)))
        reference = frame
        if len(frame) > REFERENCE_ROWS:
            reference = frame.iloc[np.sort(rng.choice(len(frame), REFERENCE_ROWS, replace=False))]
        self._reference = reference.reset_index(drop=True)
        self._encoder = DistanceEncoder(self._kinds, list(frame.columns)).fit(self._reference)
        encoded = self._encoder.transform(self._reference)
        self._index, self._threshold = None, 0.0
        if len(encoded) > 2 and encoded.shape[1]:
            # One index of the reference rows: it calibrates the threshold here and checks every draw later.
            # Closeness below 1 is searched among rows of the same labels only (exact, and much faster).
            self._index = CloseRows(self._encoder, encoded)
            self._threshold = float(np.quantile(self._index.nearest(encoded, 2), DISTANCE_QUANTILE))
            if self._threshold >= 1.0:  # beyond what CloseRows measures: every coordinate, brute force
                self._index = NearestNeighbors(n_neighbors=2).fit(encoded)
                distances, _ = self._index.kneighbors(encoded)
                self._threshold = float(np.quantile(distances[:, 1], DISTANCE_QUANTILE))

    # --- sample --------------------------------------------------------------------------------

    def _sample(self, num_rows: int, progress: ProgressFn | None) -> pd.DataFrame:
        rng = np.random.default_rng([self._sampling_seed, 0xCA27])
        kept: list[pd.DataFrame] = []
        have, drawn, redrawn, copies_dropped, close_dropped = 0, 0, 0, 0, 0
        for _ in range(MAX_ROUNDS):
            want = num_rows - have
            features = self._draw(np.empty((max(256, math.ceil(want * 1.3) + 16), 0)), rng)
            copies, close, repaired = self._repair(features, rng)
            drawn, redrawn = drawn + len(features), redrawn + int(repaired.sum())
            copies_dropped, close_dropped = copies_dropped + int(copies.sum()), close_dropped + int(close.sum())
            block = self._decode(features)[~(copies | close)].iloc[:want]
            kept.append(block)
            have += len(block)
            if progress:
                progress(min(1.0, have / num_rows))
            if have >= num_rows:
                break
        if have < num_rows:  # a table whose rows are nearly all alike: nothing else to draw
            logger.warning("cart: privacy filter left %d of %d rows after %d rounds", have, num_rows, MAX_ROUNDS)
        self.books["privacy_guards"] = {
            "min_leaf": self.min_leaf,
            "split_penalty": SPLIT_PENALTY,
            "split_penalty_numeric": SPLIT_PENALTY_NUMERIC,
            "smoothed_below": self.min_value_count,
            "natural_copy_rate": round(self._natural_copy_rate, 6),
            "distance_threshold": round(self._threshold, 6),
            "drawn": drawn,
            "redrawn": redrawn,
            "dropped_exact_copies": copies_dropped,
            "dropped_too_close": close_dropped,
        }
        out = pd.concat(kept, ignore_index=True)
        if out.empty:  # fail closed: nothing the filter let through is released, and nothing else is
            raise SynthesizerError(
                "the privacy filter refused every drawn row: each one copies a rare training row or sits too close",
                code="FAILED_PRECONDITION",
                reason="PRIVACY_FILTER_REFUSED_ALL",
                violations=[("config.model", "cart cannot draw rows far enough from the training rows of this table")],
            )
        if len(out) < num_rows:
            # Keep the requested count with rows drawn again from the kept ones (never a refused row).
            out = pd.concat([out, out.iloc[rng.integers(0, len(out), num_rows - len(out))]], ignore_index=True)
        return out

    def _sample_given(self, group: ConditionGroup, seed: int) -> tuple[pd.DataFrame, int, str] | None:
        """Rows given a condition group, exactly from the trees' distribution given the constraints.

        The columns up to the last constrained one (the prefix) are drawn and kept when they meet the
        group, which is rejection on the prefix alone: cheap, since the later columns' trees and the
        privacy filter run only for kept rows. The rest of each kept row is drawn from its trees given the
        prefix, then the privacy filter repairs rows as it does unconditioned ones; a repair that undoes a
        constraint drops the row. Up to ``MAX_PREFIX_DRAWS_PER_ROW`` prefixes are drawn per row asked.
        """
        position = {c.name: j for j, c in enumerate(self._columns)}
        if any(c.column not in position for c in group.where):
            return None
        prefix = 1 + max(position[c.column] for c in group.where)
        rng = np.random.default_rng([seed, 0xC0DE])
        want, allowed = math.ceil(group.rows * 1.2) + 16, group.rows * MAX_PREFIX_DRAWS_PER_ROW
        kept: list[np.ndarray] = []
        have, drawn = 0, 0
        while have < want and drawn < allowed:
            rate = have / drawn if drawn else 1.0
            batch = int(min(allowed - drawn, 500_000, max(4_096, (want - have) / max(rate, 1e-6) * 1.2)))
            features = np.empty((batch, prefix))
            for j in range(prefix):
                features[:, j] = self._draw_column(self._columns[j], features[:, :j], rng)
            ok = group.holds(self._decode_prefix(features), self._kinds)
            kept.append(features[ok])
            have, drawn = have + int(ok.sum()), drawn + batch
        if not have:
            return self._decode(np.empty((0, len(self._columns)))), drawn, "tree_prefix"
        features = self._draw(np.concatenate(kept)[:want], rng)
        copies, close, _ = self._repair(features, rng)
        rows = self._decode(features)[~(copies | close)]
        return rows.reset_index(drop=True), drawn, "tree_prefix"

    def _decode_prefix(self, features: np.ndarray) -> pd.DataFrame:
        return pd.DataFrame(
            {c.name: c.decode(features[:, j]) for j, c in enumerate(self._columns[: features.shape[1]])}
        )

    def _draw(self, features: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """Draw the columns after the ones ``features`` already holds, one row per row of ``features``."""
        done = features.shape[1]
        out = np.empty((len(features), len(self._columns)), dtype=np.float64)
        out[:, :done] = features
        for j in range(done, len(self._columns)):
            out[:, j] = self._draw_column(self._columns[j], out[:, :j], rng)
        return out

    def _decode(self, features: np.ndarray) -> pd.DataFrame:
        return pd.DataFrame({c.name: c.decode(features[:, j]) for j, c in enumerate(self._columns)})

    def _repair(self, features: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Redraw the rows that copy a rare training row or sit too close to one, last columns first.

        A refused row keeps its first columns and draws its last one again, then its last two, and so
        on: the rows that would have been refused are replaced by their nearest allowed variant, so the
        filter does not thin out the parts of the table where real rows repeat. Returns the masks of the
        rows still refused (copies, too close; ``features`` is changed in place) and of the rows redrawn.
        """
        unique, shared, close = self._guard_failures(self._decode(features))
        allowed = int(self._natural_copy_rate * len(features))
        if allowed and shared.any():  # as many as a fresh real sample holds stay, picked at random
            shared[rng.permutation(np.flatnonzero(shared))[:allowed]] = False
        copies = unique | shared
        redrawn = copies | close
        for keep in range(len(self._columns) - 1, -1, -1):
            rows = np.flatnonzero(copies | close)
            if rows.size == 0:
                break
            features[rows] = self._draw(features[rows, :keep], rng)
            unique, shared, close[rows] = self._guard_failures(self._decode(features[rows]))
            copies[rows] = unique | shared
        return copies, close & ~copies, redrawn

    def _draw_column(self, column: _Column, features: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        n = len(features)
        if column.discrete:
            return column.donors.draw(_leaves(column.tree, features), rng)
        out = np.full(n, np.nan)
        present = np.ones(n, dtype=bool)
        if column.has_missing:
            present = column.missing_donors.draw(_leaves(column.missing_tree, features), rng) < 0.5
        if column.donors is not None and present.any():
            values = column.donors.draw(_leaves(column.tree, features[present]), rng)
            low, high = column.bounds
            values = np.clip(values, low, high)
            if column.integer:
                values = np.round(values)
            elif column.decimals is not None:
                values = np.round(values, column.decimals)
            out[present] = values
        return out

    def _guard_failures(self, block: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows equal to a training row no other row equals; to a combination 2 to k - 1 rows share; rows
        closer to a training row than the threshold."""
        hashes = _row_hashes(block, self._kinds)
        close = np.zeros(len(block), dtype=bool)
        if self._index is not None and self._threshold > 0:
            encoded = self._encoder.transform(block)
            if isinstance(self._index, CloseRows):
                close = self._index.nearest(encoded) < self._threshold
            else:
                close = self._index.kneighbors(encoded, n_neighbors=1)[0][:, 0] < self._threshold
        return np.isin(hashes, self._unique_rows), np.isin(hashes, self._rare_rows), close


def _pruned(tree: Any, penalty: float) -> np.ndarray:
    """For each node of a fitted tree, the node that stands for it once splits that chance explains are undone.

    Bottom up, a split whose two sides are leaves is undone when it lowers the impurity by less than
    ``penalty`` times what one row's worth of chance would (``n * decrease < penalty * impurity``):
    with many labels, a tree always finds some split that looks better on its own rows, and donors
    from such a leaf follow the training rows rather than the table.
    """
    left, right = tree.children_left, tree.children_right
    leaf = left < 0
    root = np.arange(tree.node_count)
    rows = tree.weighted_n_node_samples
    for node in range(tree.node_count - 1, -1, -1):  # children come after their parent
        a, b = left[node], right[node]
        if a < 0 or not (leaf[a] and leaf[b]):
            continue
        decrease = tree.impurity[node] - (rows[a] * tree.impurity[a] + rows[b] * tree.impurity[b]) / rows[node]
        if rows[node] * decrease < penalty * tree.impurity[node]:
            leaf[node] = True
            root[a] = root[b] = node
    # follow each node up to the leaf that now stands for it
    for node in range(tree.node_count):
        root[node] = root[root[node]]
    return root


def _leaves(tree: Any, features: np.ndarray) -> np.ndarray:
    if tree is None:
        return np.zeros(len(features), dtype=np.int64)
    return tree.leaf_of[tree.apply(features)]


def _row_hashes(frame: pd.DataFrame, kinds: Mapping[str, str]) -> np.ndarray:
    """One 64-bit hash per row: numbers and datetimes as floats (3 and 3.0 alike), labels as text."""
    canonical = {}
    for column in frame.columns:
        kind = kinds[column]
        if kind in (K.NUMERIC, K.DATETIME):
            canonical[column] = _as_number(frame[column], kind)
        else:
            canonical[column] = frame[column].map(lambda v: repr(_key(v))).to_numpy(dtype=object)
    return pd.util.hash_pandas_object(pd.DataFrame(canonical), index=False).to_numpy()
