"""Rare-value protection: no value held by fewer than k training rows leaves a non-DP engine verbatim.

A value that only a handful of rows hold (one person's occupation code, the
largest income) identifies those rows; an engine that reproduces it has copied
a person. Before fitting, categorical values held by fewer than ``k`` training
rows are pooled into one token, :data:`RARE`, so the model never learns them;
after sampling, any value outside the kept set becomes :data:`RARE` too, and
numeric and datetime values are clipped to the range that at least ``k`` rows
share at each end (below the k-th smallest or above the k-th largest training
value, a value is set to that bound). Booleans are left alone: their two values
are known by type.

The books hold the kept categories and the bounds (values of the scrubbed
training rows that at least ``k`` rows share) and counts for the report; never
a rare value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from veil.core import kinds as K

RARE = "_RARE_"
"""What a categorical value held by fewer than ``k`` training rows becomes."""

DEFAULT_K = 5
"""Default ``k``: a value needs at least five training rows to be emitted verbatim."""

MAX_K = 1000


@dataclass
class ValueProtection:
    """What :func:`learn_protection` learnt: kept categories, numeric bounds, and counts for the report.

    Attributes:
        k: Rows a value needs to be emitted verbatim (1: protection off).
        kept: Column -> categorical values held by at least ``k`` rows.
        bounds: Column -> (low, high) for numeric columns, or int64 nanoseconds for datetime ones.
        rare_values: Column -> number of distinct categorical values pooled into :data:`RARE`.
        rare_rows: Column -> training rows that held one of them.
        clipped_rows: Column -> training rows outside the bounds.
    """

    k: int
    kept: dict[str, set] = field(default_factory=dict)
    bounds: dict[str, tuple[float, float]] = field(default_factory=dict)
    rare_values: dict[str, int] = field(default_factory=dict)
    rare_rows: dict[str, int] = field(default_factory=dict)
    clipped_rows: dict[str, int] = field(default_factory=dict)

    @property
    def active(self) -> bool:
        return self.k > 1

    def summary(self) -> dict[str, Any]:
        """Counts per protected column (JSON-able; no value, no bound)."""
        columns = []
        for column, n in self.rare_values.items():
            if n:
                columns.append(
                    {
                        "column": column,
                        "kind": K.CATEGORICAL,
                        "values": n,
                        "rows": self.rare_rows.get(column, 0),
                        "how": f"values held by fewer than {self.k} rows pooled into {RARE}",
                    }
                )
        for column, n in self.clipped_rows.items():
            if n:
                columns.append(
                    {
                        "column": column,
                        "kind": "range",
                        "values": n,
                        "rows": n,
                        "how": f"clipped to the range that at least {self.k} rows share at each end",
                    }
                )
        return {"k": self.k, "columns": columns}


def _bounds(values: np.ndarray, k: int) -> tuple[float, float] | None:
    values = np.sort(values[~np.isnan(values)])
    n = len(values)
    if n == 0:
        return None
    lo_i, hi_i = min(k - 1, (n - 1) // 2), max(n - k, n // 2)
    return float(values[lo_i]), float(values[hi_i])


def _as_float(series: pd.Series, kind: str) -> np.ndarray:
    if kind == K.DATETIME:
        stamps = pd.to_datetime(series, errors="coerce")
        out = stamps.astype("int64").to_numpy(dtype="float64")
        out[stamps.isna().to_numpy()] = np.nan
        return out
    return pd.to_numeric(series, errors="coerce").to_numpy(dtype="float64")


def learn_protection(frame: pd.DataFrame, kinds: Mapping[str, str], *, k: int) -> ValueProtection:
    """Learn what to protect from the coerced modelled columns of the training frame."""
    protection = ValueProtection(k=k)
    if k <= 1:
        return protection
    for column, kind in kinds.items():
        series = frame[column]
        if kind == K.CATEGORICAL:
            counts = series.dropna().value_counts()
            rare = counts[counts < k]
            protection.kept[column] = set(counts.index[counts >= k])
            protection.rare_values[column] = int(len(rare))
            protection.rare_rows[column] = int(rare.sum())
        elif kind in (K.NUMERIC, K.DATETIME):
            values = _as_float(series, kind)
            bounds = _bounds(values, k)
            if bounds is None:
                continue
            protection.bounds[column] = bounds
            finite = values[~np.isnan(values)]
            protection.clipped_rows[column] = int(((finite < bounds[0]) | (finite > bounds[1])).sum())
    return protection


def pool_rare(frame: pd.DataFrame, protection: ValueProtection) -> pd.DataFrame:
    """The training frame with rare categorical values pooled into :data:`RARE` (what the model learns)."""
    if not protection.active:
        return frame
    out = frame.copy()
    for column, kept in protection.kept.items():
        series = out[column]
        rare = series.notna() & ~series.isin(kept)
        if rare.any():
            out[column] = series.astype(object).where(~rare, RARE)
    return out


def protect(frame: pd.DataFrame, protection: ValueProtection, kinds: Mapping[str, str]) -> pd.DataFrame:
    """Sampled modelled columns with anything rare pooled and numeric/datetime values clipped."""
    if not protection.active:
        return frame
    out = pool_rare(frame, protection)
    for column, (lo, hi) in protection.bounds.items():
        if column not in out.columns:
            continue
        series = out[column]
        if kinds.get(column) == K.DATETIME:
            stamps = pd.to_datetime(series, errors="coerce")
            low, high = pd.Timestamp(int(lo)), pd.Timestamp(int(hi))
            if stamps.dt.tz is not None:
                low, high = (
                    low.tz_localize("UTC").tz_convert(stamps.dt.tz),
                    high.tz_localize("UTC").tz_convert(stamps.dt.tz),
                )
            out[column] = stamps.clip(lower=low, upper=high)
        else:
            numeric = pd.to_numeric(series, errors="coerce")
            clipped = numeric.clip(lower=lo, upper=hi)
            if pd.api.types.is_integer_dtype(series.dtype):
                clipped = clipped.round().astype(series.dtype)
            out[column] = clipped
    return out


def check_k(value: object) -> str | None:
    """Why ``value`` is no valid ``k`` (``None`` when it is)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not 1 <= int(value) <= MAX_K:
        return f"must be an integer in [1, {MAX_K}] (1 turns rare-value protection off)"
    return None


__all__ = ["DEFAULT_K", "MAX_K", "RARE", "ValueProtection", "check_k", "learn_protection", "pool_rare", "protect"]
