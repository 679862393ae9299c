"""Column values as numbers or labels by kind, the one reading shared by drift and distance metrics."""

from __future__ import annotations

import numpy as np
import pandas as pd

from veil.core.kinds import BOOLEAN, DATETIME

_EPOCH = pd.Timestamp("1970-01-01", tz="UTC")
_TRUE = ("true", "t", "yes", "y", "1", "1.0")
_FALSE = ("false", "f", "no", "n", "0", "0.0")


def as_float(series: pd.Series, kind: str) -> pd.Series:
    """A continuous column as float64 (datetimes as seconds since the epoch; NaN for missing)."""
    if kind == DATETIME:
        if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
            return series.astype("float64")
        stamps = pd.to_datetime(series, errors="coerce", utc=True)
        return ((stamps - _EPOCH).dt.total_seconds()).astype("float64")
    values = pd.to_numeric(series, errors="coerce")
    return pd.Series(np.asarray(values, dtype="float64"), index=series.index, name=series.name)


def as_label(series: pd.Series, kind: str | None = None) -> pd.Series:
    """A discrete column as object labels (strings); missing stays missing (``None``).

    Boolean columns fold every encoding (bool, 0/1, yes/no strings) into ``"True"``/``"False"``.
    """
    out = series.astype(object)
    missing = out.isna().to_numpy()
    out = out.map(str)
    if kind == BOOLEAN:
        low = out.str.strip().str.lower()
        out = out.where(~low.isin(_TRUE), "True")
        out = out.where(~low.isin(_FALSE), "False")
    out[missing] = None
    return out
