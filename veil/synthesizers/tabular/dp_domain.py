"""The DP engines' view of a table: every column as codes over a finite domain.

Everything learned from the data to build that domain is either declared
public by the caller (``PublicMetadata``) or measured with DP and paid for
from the job's zCDP budget (``discover_domain``):

* numeric and datetime bounds: public, or ``private_bounds`` on a fixed
  power-of-two grid;
* category sets: public, known by type (booleans), or Gaussian partition
  selection over the observed values (which also spends a little δ);
* bin edges: a noisy histogram over fine bins inside the bounds (this is each
  column's one-way measurement), and coarse bins cut at its noisy quantiles,
  which is post-processing and free;
* the number of rows: public, or estimated by the engine from noisy counts.

A column is coded in two levels. *Fine* codes are the measured cells (fine
bins, categories, "other", null). *Coarse* codes group fine cells; the models
work on coarse codes, and decoding draws a fine cell within the coarse one in
proportion to its noisy count, then a value within the fine cell. Null and
"other" (a value outside the category set) are cells of their own.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from veil.core import kinds as K
from veil.core.conditions import Constraint
from veil.privacy.dp.accounting import ZcdpBudget
from veil.privacy.dp.mechanisms import BOUND_GRID, GaussianMechanism, GaussianPartitionSelection, private_bounds
from veil.synthesizers.errors import InvalidConfigError

FINE_BINS = 128
"""Fine bins of a numeric column's one-way measurement."""

LOG_SPACING_RATIO = 16.0
"""Positive bounds at least this far apart get log-spaced bins (prices, sizes)."""


@dataclass(frozen=True)
class PublicColumn:
    """What the caller vouches is public about one column (not learned from the data)."""

    lower: float | None = None
    upper: float | None = None
    categories: tuple[Any, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "lower": self.lower,
            "upper": self.upper,
            "categories": None if self.categories is None else list(self.categories),
        }


@dataclass(frozen=True)
class PublicMetadata:
    """Per-column public facts and the public row count, as declared in the request."""

    columns: Mapping[str, PublicColumn] = field(default_factory=dict)
    row_count: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"columns": {c: p.to_dict() for c, p in self.columns.items()}, "row_count": self.row_count}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> "PublicMetadata":
        if not data:
            return cls()
        columns = {}
        for name, col in (data.get("columns") or {}).items():
            cats = col.get("categories")
            columns[str(name)] = PublicColumn(
                lower=col.get("lower"), upper=col.get("upper"), categories=None if cats is None else tuple(cats)
            )
        row_count = data.get("row_count")
        return cls(columns=columns, row_count=None if row_count is None else int(row_count))

    def validate(self, kinds: Mapping[str, str]) -> None:
        """Every named column exists and is modelled; bounds are finite and ordered; categories are distinct.

        Violations name the column's position in the request (``config.public_columns[i]``), never its name.
        """
        violations: list[tuple[str, str]] = []
        for i, (name, col) in enumerate(self.columns.items()):
            where = f"config.public_columns[{i}]"
            kind = kinds.get(name)
            if kind is None:
                violations.append((f"{where}.column", "names no column of the dataset"))
                continue
            if kind not in K.MODELLED_KINDS:
                violations.append((f"{where}.column", f"a {kind} column is not modelled; it needs no public metadata"))
                continue
            has_bounds = col.lower is not None or col.upper is not None
            if has_bounds:
                if kind not in (K.NUMERIC, K.DATETIME):
                    violations.append((f"{where}.lower", "bounds apply to numeric and datetime columns only"))
                elif col.lower is None or col.upper is None:
                    violations.append((f"{where}.lower", "give both lower and upper"))
                elif not (math.isfinite(col.lower) and math.isfinite(col.upper) and col.lower < col.upper):
                    violations.append((f"{where}.lower", "lower must be finite and below upper"))
            if col.categories is not None:
                if kind not in (K.CATEGORICAL,):
                    violations.append((f"{where}.categories", "categories apply to categorical columns only"))
                elif not col.categories or len(set(col.categories)) != len(col.categories):
                    violations.append((f"{where}.categories", "categories must be a non-empty list of distinct values"))
        if self.row_count is not None and self.row_count < 1:
            violations.append(("config.public_row_count", "must be >= 1"))
        if violations:
            raise InvalidConfigError("invalid public metadata", violations=violations)


@dataclass
class ColumnCodec:
    """A column's two-level finite domain (see the module docstring)."""

    column: str
    kind: str
    edges: np.ndarray | None = None  # numeric/datetime: fine bin edges
    categories: list[Any] | None = None  # categorical/boolean: fine values
    integer: bool = False
    fine_to_coarse: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    fine_weights: np.ndarray = field(default_factory=lambda: np.zeros(0))
    provenance: dict[str, str] = field(default_factory=dict)
    # null / "other" cells whose noisy count is within noise of zero: never emitted
    absent: list[int] = field(default_factory=list)

    # fine layout: values (bins or categories), then "other" (categorical only), then null
    @property
    def n_values(self) -> int:
        return len(self.edges) - 1 if self.edges is not None else len(self.categories or [])

    @property
    def other_code(self) -> int | None:
        return self.n_values if self.categories is not None else None

    @property
    def null_code(self) -> int:
        return self.n_values + (1 if self.categories is not None else 0)

    @property
    def fine_size(self) -> int:
        return self.null_code + 1

    @property
    def size(self) -> int:
        return int(self.fine_to_coarse.max()) + 1

    def encode_fine(self, series: pd.Series) -> np.ndarray:
        codes = np.full(len(series), self.null_code, dtype=np.int64)
        present = series.notna().to_numpy()
        if self.edges is not None:
            values = _as_float(series, self.kind)[present]
            values = np.clip(values, self.edges[0], self.edges[-1])
            codes[present] = np.clip(np.searchsorted(self.edges, values, side="right") - 1, 0, self.n_values - 1)
        else:
            lookup = {_label(v): i for i, v in enumerate(self.categories or [])}
            codes[present] = [lookup.get(_label(v), self.other_code) for v in series[present]]
        return codes

    def encode(self, series: pd.Series) -> np.ndarray:
        return self.fine_to_coarse[self.encode_fine(series)]

    def regroup(self, fine_to_coarse: np.ndarray) -> None:
        """Set a new coarse grouping (post-processing of noisy measurements)."""
        _, dense = np.unique(np.asarray(fine_to_coarse), return_inverse=True)
        self.fine_to_coarse = dense.astype(np.int64)

    def decode(self, coarse: np.ndarray, rng: np.random.Generator) -> pd.Series:
        """Values for coarse codes: a fine cell by noisy weight within the group, then a value in the cell."""
        coarse = np.array(coarse, dtype=np.int64)
        coarse = self._redraw_absent(coarse, rng)
        fine = np.empty(coarse.size, dtype=np.int64)
        for group in np.unique(coarse):
            members = np.flatnonzero(self.fine_to_coarse == group)
            rows = np.flatnonzero(coarse == group)
            allowed = np.array([m not in self.absent for m in members]) if len(members) > 1 else np.ones(1, bool)
            weights = self.fine_weights[members] if self.fine_weights.size else np.ones(members.size)
            weights = np.where(allowed, weights + 1e-9, 0.0)  # an all-zero group falls back to uniform
            fine[rows] = rng.choice(members, size=rows.size, p=weights / weights.sum())
        if self.edges is not None:
            lo = self.edges[np.minimum(fine, self.n_values - 1)]
            hi = self.edges[np.minimum(fine, self.n_values - 1) + 1]
            values = lo + rng.random(fine.size) * (hi - lo)
            if self.integer:
                values = np.clip(np.round(values), math.ceil(self.edges[0]), math.floor(self.edges[-1]))
            values[fine == self.null_code] = np.nan
            if self.kind == K.DATETIME:
                out = pd.to_datetime(pd.Series(values), unit="s", errors="coerce")
                return out.astype("datetime64[ns]")
            return pd.Series(values)
        labels = np.array(list(self.categories or []) + [None, None], dtype=object)
        return pd.Series(labels[fine], dtype=object)

    def codes_meeting(self, constraint: Constraint) -> np.ndarray:
        """Which coarse codes can decode to a value that meets ``constraint`` (one flag per code).

        A superset: a group whose cells only partly meet it (a bin across a range's end, categories merged
        with others) is allowed, and the decoded rows are checked after. "Other" and null decode to a
        missing value, which meets an exclusion only; absent cells are never emitted.
        """
        if self.edges is not None:
            lo, hi = self.edges[:-1].astype(float), self.edges[1:].astype(float)
            if self.integer:  # decoded values are rounded
                lo, hi = lo - 0.5, hi + 0.5
            fine = np.ones(self.n_values, dtype=bool)
            if constraint.low is not None:
                fine &= hi >= constraint.low
            if constraint.high is not None:
                fine &= lo <= constraint.high
            fine = np.append(fine, False)  # null
        else:
            labels = pd.Series(list(self.categories or []), dtype=object)
            missing = bool(constraint.exclude)  # what "other" and null decode to
            fine = np.append(constraint.holds(labels, self.kind), [missing, missing])
        fine[self.absent] = False
        return np.bincount(self.fine_to_coarse, weights=fine, minlength=self.size) > 0

    def _redraw_absent(self, coarse: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """Codes of groups made only of absent cells are redrawn from the other groups by noisy mass."""
        if not self.absent:
            return coarse
        groups = np.arange(self.size)
        mass = np.bincount(self.fine_to_coarse, weights=self.fine_weights + 1e-9, minlength=self.size)
        absent_groups = [g for g in groups if set(np.flatnonzero(self.fine_to_coarse == g)) <= set(self.absent)]
        if not absent_groups or len(absent_groups) == self.size:
            return coarse
        mass[absent_groups] = 0
        hit = np.isin(coarse, absent_groups)
        coarse[hit] = rng.choice(groups, size=int(hit.sum()), p=mass / mass.sum())
        return coarse

    def to_dict(self) -> dict[str, Any]:
        return {
            "column": self.column,
            "kind": self.kind,
            "integer": self.integer,
            "absent": list(self.absent),
            "edges": None if self.edges is None else self.edges.tolist(),
            "categories": None if self.categories is None else [_jsonable(v) for v in self.categories],
            "fine_to_coarse": self.fine_to_coarse.tolist(),
            "fine_weights": self.fine_weights.tolist(),
            "provenance": dict(self.provenance),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "ColumnCodec":
        return cls(
            column=data["column"],
            kind=data["kind"],
            integer=bool(data["integer"]),
            edges=None if data["edges"] is None else np.asarray(data["edges"], dtype=float),
            categories=None if data["categories"] is None else list(data["categories"]),
            fine_to_coarse=np.asarray(data["fine_to_coarse"], dtype=np.int64),
            fine_weights=np.asarray(data["fine_weights"], dtype=float),
            provenance=dict(data["provenance"]),
            absent=[int(c) for c in data.get("absent", [])],
        )


@dataclass
class OneWay:
    """A column's noisy one-way measurement over its fine cells."""

    noisy: np.ndarray
    sigma: float


@dataclass
class DomainShares:
    """How much of the job's budget domain discovery may spend, in total over columns."""

    rho_bounds: float
    rho_categories: float
    delta_categories: float
    rho_oneway: float


def columns_needing(kinds: Mapping[str, str], public: PublicMetadata) -> dict[str, list[str]]:
    """Which modelled columns need DP bounds and which DP category discovery."""
    bounds, categories = [], []
    for col, kind in kinds.items():
        pub = public.columns.get(col, PublicColumn())
        if kind in (K.NUMERIC, K.DATETIME) and pub.lower is None:
            bounds.append(col)
        elif kind == K.CATEGORICAL and pub.categories is None:
            categories.append(col)
    return {"bounds": bounds, "categories": categories}


def discover_domain(
    frame: pd.DataFrame,
    kinds: Mapping[str, str],
    *,
    public: PublicMetadata,
    shares: DomainShares,
    budget: ZcdpBudget,
    rng: np.random.Generator,
    max_bins: int,
    integer_columns: set[str],
) -> tuple[dict[str, ColumnCodec], dict[str, OneWay]]:
    """Codecs for the modelled columns and their noisy one-way measurements.

    Every ρ is drawn from ``budget`` before the data is read for it.
    """
    need = columns_needing(kinds, public)
    codecs: dict[str, ColumnCodec] = {}
    oneways: dict[str, OneWay] = {}
    rho_one = shares.rho_oneway / max(1, len(kinds))
    for col, kind in kinds.items():
        pub = public.columns.get(col, PublicColumn())
        series = frame[col]
        if kind in (K.NUMERIC, K.DATETIME):
            if pub.lower is not None:
                lower, upper, bounds_from = float(pub.lower), float(pub.upper), "public"
            else:
                rho = budget.spend(f"bounds:{col}", shares.rho_bounds / len(need["bounds"]))
                found = private_bounds(_as_float(series, kind), rho=rho, rng=rng)
                lower, upper = found if found else (0.0, 1.0)
                bounds_from = "dp"
            integer = col in integer_columns
            edges = _fine_edges(lower, upper, integer=integer)
            provenance = {"bounds": bounds_from, "bins": "dp (noisy quantiles of the one-way)"}
            if bounds_from == "dp" and (problem := _bounds_problem(found)):
                provenance[PROBLEM] = problem
            codec = ColumnCodec(column=col, kind=kind, edges=edges, integer=integer, provenance=provenance)
        elif kind == K.BOOLEAN:
            codec = ColumnCodec(column=col, kind=kind, categories=[False, True], provenance={"categories": "type"})
        else:
            if pub.categories is not None:
                categories, cats_from = list(pub.categories), "public"
            else:
                rho = budget.spend(f"categories:{col}", shares.rho_categories / len(need["categories"]))
                observed = series.dropna().map(_key).value_counts()
                selector = GaussianPartitionSelection(rho=rho, delta=shares.delta_categories / len(need["categories"]))
                kept, noisy = selector.release(observed.to_numpy(dtype=float), rng)
                order = np.argsort(-noisy, kind="stable")
                categories = [observed.index[i] for i in kept[order]]
                cats_from = "dp (Gaussian partition selection)"
            provenance = {"categories": cats_from}
            if not categories and len(observed) and pub.categories is None:
                provenance[PROBLEM] = (
                    "no category cleared DP partition selection, so every value is released as missing; "
                    "declare the column's categories public to model them"
                )
            codec = ColumnCodec(column=col, kind=kind, categories=categories, provenance=provenance)
        fine = codec.encode_fine(series)
        codec.fine_to_coarse = np.arange(codec.fine_size, dtype=np.int64)
        mech = GaussianMechanism(rho=budget.spend(f"one-way:{col}", rho_one))
        noisy = mech.release(np.bincount(fine, minlength=codec.fine_size).astype(float), rng)
        oneways[col] = OneWay(noisy=noisy, sigma=mech.sigma)
        codec.fine_weights = np.clip(noisy, 0, None)
        if codec.edges is not None:
            codec.fine_weights[: codec.n_values] = _smoothed(noisy[: codec.n_values], mech.sigma)
        codec.absent = [c for c in (codec.other_code, codec.null_code) if c is not None and noisy[c] < 3 * mech.sigma]
        codec.fine_weights[codec.absent] = 0.0
        if codec.edges is not None:
            codec.regroup(_quantile_groups(codec.fine_weights, codec.null_code, max_bins))
        codecs[col] = codec
    return codecs, oneways


PROBLEM = "problem"
"""The provenance key under which a discovery step that found too little says so (column-level, no values)."""


def _bounds_problem(found: tuple[float, float] | None) -> str | None:
    """What is wrong with DP bounds a histogram over ``BOUND_GRID`` gave, if anything."""
    if found is None:
        return (
            "no cell of the DP bounds histogram cleared its noise, so the column is modelled on 0..1 and "
            "its values are not the data's; declare the column's bounds public (lower, upper)"
        )
    low = int(np.searchsorted(BOUND_GRID, found[0]))
    if low + 1 < BOUND_GRID.size and BOUND_GRID[low + 1] == found[1]:
        return (
            "the DP bounds are a single power-of-two cell: any values outside it (a tail the noise hid) "
            "are clipped into it; declare the column's bounds public (lower, upper)"
        )
    return None


def compress_rare(codec: ColumnCodec, oneway: OneWay, *, sigmas: float = 3.0) -> None:
    """Merge categories whose noisy count is under ``sigmas`` noise deviations into one group (as MST does)."""
    if codec.categories is None or codec.kind == K.BOOLEAN:
        return
    groups = np.arange(codec.fine_size)
    rare = np.flatnonzero(oneway.noisy[: codec.n_values] < sigmas * oneway.sigma)  # never "other" or null
    if rare.size >= 2:
        groups[rare] = rare[0]
        codec.regroup(groups)


def coarsen_bins(codec: ColumnCodec, *, bins: int) -> None:
    """Regroup a numeric column's fine bins into ``bins`` runs of about equal mass (post-processing).

    The mass is the fine weights (the smoothed one-way), so that bins with no
    weight join their neighbours' groups instead of forming groups of their own.

    An integer column with no more values than ``bins`` keeps one group per value, as a category would.
    """
    if codec.edges is None:
        return
    if codec.integer and codec.n_values <= bins:
        codec.regroup(np.arange(codec.fine_size))
        return
    codec.regroup(_quantile_groups(codec.fine_weights, codec.null_code, bins))


SMOOTHING_SIGMAS = 3.0
"""Noisy bins are averaged over a window wide enough that its expected count is this many σ of its noise."""

FLOOR_SIGMAS = 2.0
"""Smoothed bins under this many σ of their noise get no weight (an empty bin passes with probability 0.02)."""

GAP_BINS = 4
"""Empty fine bins in a row after which what lies further out must show more than noise (``_without_islands``)."""

ISLAND_SIGMAS = 4.0
"""Bins past a gap are kept when they hold more than this many σ of the noise summed over them."""


def _smoothed(noisy: np.ndarray, sigma: float) -> np.ndarray:
    """Weights for a numeric column's fine bins from their noisy counts (post-processing).

    Each bin takes the mean of a window of neighbours, as wide as it takes for
    the signal of an average bin to clear its noise; bins still within
    ``FLOOR_SIGMAS`` of the window's noise of zero after that (mostly the tails between the data and its
    power-of-two bounds) get no weight, so decoding does not spread values there.
    """
    bins = noisy.size
    total = max(float(np.clip(noisy, 0, None).sum()), 1.0)
    width = int(np.clip(math.ceil((SMOOTHING_SIGMAS * sigma * bins / total) ** 2), 1, bins))
    if width > 1:
        kernel = np.ones(width) / width
        padded = np.pad(noisy, (width // 2, width - 1 - width // 2), mode="edge")
        smooth = np.convolve(padded, kernel, mode="valid")
    else:
        smooth = noisy.astype(float)
    floor = FLOOR_SIGMAS * sigma / math.sqrt(width)
    weights = np.where(smooth > floor, smooth, 0.0)
    if weights.sum() <= 0:
        return np.clip(noisy, 0, None)
    return _without_islands(weights, sigma / math.sqrt(width))


def _without_islands(weights: np.ndarray, noise: float) -> np.ndarray:
    """Weights past an empty stretch that hold no more than noise would, set to zero.

    Walking out from the heaviest bin, at each run of ``GAP_BINS`` or more
    empty bins, everything further out is kept only if its mass is more than
    ``ISLAND_SIGMAS`` deviations of the noise summed over those bins
    (``noise``: the smoothed bins' deviation). A column of whole numbers in
    narrow bins has a gap between every two values, but each value holds real
    mass; bins that cleared the floor by chance hold little, and would put
    values where the data has none (ages of 118, years in the 1100s).
    """
    out = weights.copy()
    peak = int(np.argmax(out))
    for side in (out[:peak][::-1], out[peak + 1 :]):  # views, outwards from the peak
        run = 0
        for i, w in enumerate(side):
            run = run + 1 if w <= 0 else 0
            if run < GAP_BINS:
                continue
            beyond = side[i + 1 :]
            if beyond.any() and beyond.sum() < ISLAND_SIGMAS * noise * math.sqrt(beyond.size):
                beyond[:] = 0.0
                break
    return out


def _quantile_groups(noisy: np.ndarray, null_code: int, max_bins: int) -> np.ndarray:
    """Group fine bins into at most ``max_bins`` runs of about equal noisy mass; null stays alone.

    Bins with no mass before the first bin with some (or after the last) join
    its group: a group of empty bins alone would still draw rows, from the
    noise its one-way cells add up to, and decode them where the data is not.
    """
    mass = np.clip(noisy[:null_code], 0, None)
    held = np.flatnonzero(mass > 0)
    cum = np.cumsum(mass + 1e-9) / (mass + 1e-9).sum()
    groups = np.minimum((cum * max_bins - 1e-9).astype(np.int64), max_bins - 1)
    groups = np.maximum.accumulate(groups)
    if held.size:
        groups[: held[0]] = groups[held[0]]
        groups[held[-1] + 1 :] = groups[held[-1]]
    return np.concatenate([groups, [groups[-1] + 1]])


def _fine_edges(lower: float, upper: float, *, integer: bool) -> np.ndarray:
    if integer:
        lo, hi = math.floor(lower), math.ceil(upper)
        if hi - lo + 1 <= FINE_BINS:  # one bin per integer
            return np.arange(lo, hi + 2, dtype=float) - 0.5
    if lower > 0 and upper / lower >= LOG_SPACING_RATIO:
        return np.geomspace(lower, upper, FINE_BINS + 1)
    return np.linspace(lower, upper, FINE_BINS + 1)


def _as_float(series: pd.Series, kind: str) -> np.ndarray:
    if kind == K.DATETIME:
        values = pd.to_datetime(series, errors="coerce")
        out = values.astype("int64").to_numpy(dtype=float) / 1e9
        out[values.isna().to_numpy()] = np.nan
        return out
    return pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)


def _key(value: Any) -> Any:
    """Category identity: numpy scalars as Python values, so 1 and np.int64(1) are one category."""
    return value.item() if isinstance(value, np.generic) else value


def _label(value: Any) -> Any:
    """Match key of a category: booleans as themselves, anything else by its text (public lists are strings)."""
    value = _key(value)
    return value if isinstance(value, bool) else str(value)


def _jsonable(value: Any) -> Any:
    value = _key(value)
    return value if isinstance(value, (str, int, float, bool)) or value is None else str(value)
