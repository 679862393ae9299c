"""Column-kind helpers shared by the drift metrics and the report builder.

Only ``numeric``, ``categorical``, ``datetime`` and ``boolean`` columns are
*modelled* (enter drift and distance metrics); ``id``, ``text`` and
``pii:<ENTITY>`` columns are excluded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

MODELLED_KINDS: tuple[str, ...] = ("numeric", "categorical", "datetime", "boolean")
CONTINUOUS_KINDS: tuple[str, ...] = ("numeric", "datetime")
DISCRETE_KINDS: tuple[str, ...] = ("categorical", "boolean")

_EPOCH = pd.Timestamp("1970-01-01", tz="UTC")


def is_known_kind(kind: str) -> bool:
    """Whether ``kind`` is one of the column kinds Veil knows."""
    return kind in MODELLED_KINDS or kind in ("id", "text") or (kind.startswith("pii:") and len(kind) > 4)


def modelled_columns(kinds: Mapping[str, str], columns: Sequence[str]) -> list[str]:
    """Columns of ``columns`` (in that order) whose kind is modelled."""
    return [c for c in columns if kinds.get(c) in MODELLED_KINDS]


def as_float(series: pd.Series, kind: str) -> pd.Series:
    """A continuous column as float64 (datetimes as seconds since the epoch; NaN for missing)."""
    if kind == "datetime":
        if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
            return series.astype("float64")
        stamps = pd.to_datetime(series, errors="coerce", utc=True)
        return ((stamps - _EPOCH).dt.total_seconds()).astype("float64")
    values = pd.to_numeric(series, errors="coerce")
    return pd.Series(np.asarray(values, dtype="float64"), index=series.index, name=series.name)


def as_label(series: pd.Series) -> pd.Series:
    """A discrete column as object labels (strings); missing stays missing (``None``)."""
    out = series.astype(object)
    mask = out.isna()
    out = out.map(str)
    out[mask] = None
    return out


_TRUE = {"true", "t", "yes", "y", "1", "1.0"}
_FALSE = {"false", "f", "no", "n", "0", "0.0"}


def as_bool_label(series: pd.Series) -> pd.Series:
    """A boolean column as ``"True"``/``"False"`` labels whatever its encoding (bool, 0/1, strings)."""
    labels = as_label(series)

    def fold(value: object) -> object:
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return None
        low = str(value).strip().lower()
        if low in _TRUE:
            return "True"
        if low in _FALSE:
            return "False"
        return value

    return labels.map(fold)


def normalise(frame: pd.DataFrame, kinds: Mapping[str, str], columns: Sequence[str]) -> pd.DataFrame:
    """``columns`` of ``frame`` converted to float (continuous) or string labels (discrete)."""
    data = {}
    for column in columns:
        kind = kinds[column]
        if kind in CONTINUOUS_KINDS:
            data[column] = as_float(frame[column], kind).to_numpy()
        elif kind == "boolean":
            data[column] = as_bool_label(frame[column]).to_numpy()
        else:
            data[column] = as_label(frame[column]).to_numpy()
    return pd.DataFrame(data, index=pd.RangeIndex(len(frame)))


def subsample(frame: pd.DataFrame, n: int | None, rng: np.random.Generator) -> pd.DataFrame:
    """At most ``n`` rows of ``frame`` drawn without replacement (row order kept)."""
    if n is None or len(frame) <= n:
        return frame.reset_index(drop=True)
    rows = np.sort(rng.choice(len(frame), size=n, replace=False))
    return frame.iloc[rows].reset_index(drop=True)
