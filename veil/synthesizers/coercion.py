"""Dtype coercion by column kind: what engines are given, and the input's dtypes given back.

``coerce_modelled`` turns the modelled columns of a training frame into what the
engines expect (numeric as float/int, datetime as naive ``datetime64[ns]`` in UTC,
boolean as bool/object with nulls, categorical as object), collecting every
column that does not match its kind before raising once. ``restore`` gives a
sampled column back the training column's dtype (and, for datetimes read from
strings, their string format).
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from veil.core import kinds as K
from veil.synthesizers.errors import InvalidDataError
from veil.synthesizers.protection import RARE
from veil.synthesizers.warnings import AllNullColumnWarning, UnparsedValuesWarning

logger = logging.getLogger(__name__)

MAX_UNPARSED_SHARE = 0.05
"""A modelled column may have at most this share of non-null values that do not parse as its kind."""

MAX_DISCRETE_INTEGERS = 20
"""Integer columns with at most this many distinct values are modelled as discrete (children, ratings)."""

_TRUE = {"true", "t", "yes", "y", "1", "1.0"}
_FALSE = {"false", "f", "no", "n", "0", "0.0"}


def coerce_modelled(
    frame: pd.DataFrame, kinds: Mapping[str, str], *, stacklevel: int = 2
) -> tuple[pd.DataFrame, list[str], dict[str, dict[str, Any]]]:
    """Coerce the modelled columns of ``frame``; collect every problem, raise once.

    Args:
        frame: The training frame.
        kinds: Column -> kind; only ``MODELLED_KINDS`` columns are coerced.
        stacklevel: Of the warnings, as seen from the caller of this function.

    Returns:
        The coerced modelled columns (index reset), the all-null columns (left out,
        with an ``AllNullColumnWarning``) and the datetime book of each datetime column.

    Raises:
        InvalidDataError: Columns holding the wrong kind of values, or too many unparsable ones.
    """
    out: dict[str, pd.Series] = {}
    violations: list[tuple[str, str]] = []
    null_columns: list[str] = []
    datetime_books: dict[str, dict[str, Any]] = {}
    for col, kind in kinds.items():
        if kind not in K.MODELLED_KINDS:
            continue
        series = frame[col]
        if series.isna().all():
            warnings.warn(
                f"column {col!r} holds only nulls; it is not modelled", AllNullColumnWarning, stacklevel=stacklevel + 1
            )
            null_columns.append(col)
            continue
        coerced, bad, problem = coerce(series, kind)
        if problem:
            violations.append((str(col), problem))
            continue
        non_null = int(series.notna().sum())
        if bad:
            share = bad / non_null
            if share > MAX_UNPARSED_SHARE:
                violations.append((str(col), f"{bad} of {non_null} values are not valid {kind} values"))
                continue
            warnings.warn(
                f"column {col!r}: {bad} values are not valid {kind} values and were set to null",
                UnparsedValuesWarning,
                stacklevel=stacklevel + 1,
            )
        if kind == K.DATETIME:
            datetime_books[col] = datetime_book(series)
        out[col] = coerced
    if violations:
        raise InvalidDataError("some columns do not match their kind", violations=violations)
    return pd.DataFrame(out, index=frame.index).reset_index(drop=True), null_columns, datetime_books


def coerce(series: pd.Series, kind: str) -> tuple[pd.Series, int, str | None]:
    """Return (coerced series, count of non-null values that failed to parse, fatal problem)."""
    non_null = series.notna()
    if kind == K.NUMERIC:
        if pd.api.types.is_bool_dtype(series.dtype):
            return series.astype(float), 0, None
        if pd.api.types.is_numeric_dtype(series.dtype):
            if isinstance(series.dtype, pd.api.extensions.ExtensionDtype):
                return series.astype("float64"), 0, None
            return series, 0, None
        if pd.api.types.is_datetime64_any_dtype(series.dtype):
            return series, 0, "kind is numeric but the column holds datetimes"
        coerced = pd.to_numeric(series, errors="coerce").astype("float64")
        return coerced, int((coerced.isna() & non_null).sum()), None
    if kind == K.DATETIME:
        if pd.api.types.is_datetime64_any_dtype(series.dtype):
            values = series
            if getattr(series.dtype, "tz", None) is not None:
                values = series.dt.tz_convert("UTC").dt.tz_localize(None)
            return values.astype("datetime64[ns]"), 0, None
        if pd.api.types.is_numeric_dtype(series.dtype):
            return series, 0, "kind is datetime but the column holds numbers; convert them to datetimes first"
        strings = series.where(non_null, None)
        fmt = _guess_format(series)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = pd.to_datetime(strings, errors="coerce", format=fmt or "mixed", utc=True)
            if fmt and (parsed.isna() & non_null).any():
                parsed = pd.to_datetime(strings, errors="coerce", format="mixed", utc=True)
        parsed = parsed.dt.tz_localize(None).astype("datetime64[ns]")
        return parsed, int((parsed.isna() & non_null).sum()), None
    if kind == K.BOOLEAN:
        if pd.api.types.is_bool_dtype(series.dtype) and not isinstance(series.dtype, pd.api.extensions.ExtensionDtype):
            return series, 0, None
        mapped = series.map(_to_bool, na_action="ignore")
        bad = int((mapped.isna() & non_null).sum())
        mapped = mapped.astype(object).where(mapped.notna(), None)
        if not mapped.isna().any():
            mapped = mapped.astype(bool)
        return mapped, bad, None
    # categorical
    values = series.astype(object) if isinstance(series.dtype, pd.api.extensions.ExtensionDtype) else series
    values = values.where(values.notna(), None) if values.dtype == object else values
    if values.dtype == object:
        types = {type(v) for v in values.dropna().iloc[:1000]}
        if len(types) > 1:
            values = values.map(lambda v: v if v is None else str(v))
    return values, 0, None


def datetime_book(series: pd.Series) -> dict[str, Any]:
    """How a datetime column was given: datetime64 (and its time zone) or strings (and their format)."""
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        tz = getattr(series.dtype, "tz", None)
        return {"source": "datetime64", "tz": None if tz is None else str(tz), "format": None}
    return {"source": "string", "tz": None, "format": _guess_format(series)}


def restore(column: str, values: pd.Series, *, kind: str, dtype: Any, book: Mapping[str, Any]) -> pd.Series:
    """Give a sampled column back its training dtype where that is sensible (``values`` unchanged otherwise).

    Args:
        column: The column's name (for the debug log when a dtype cannot be restored).
        values: The sampled values.
        kind: The column's kind.
        dtype: The training column's dtype.
        book: The column's ``datetime_book`` (datetime columns only).
    """
    try:
        if kind == K.NUMERIC:
            return _restore_numeric(values, dtype)
        if kind == K.DATETIME:
            return _restore_datetime(values, dtype, book)
        if kind == K.BOOLEAN:
            return _restore_boolean(values, dtype)
        if kind == K.CATEGORICAL:
            if isinstance(dtype, pd.CategoricalDtype):
                categories = dtype.categories
                if RARE in set(values.dropna()) and RARE not in categories:
                    categories = categories.append(pd.Index([RARE]))
                return pd.Series(pd.Categorical(values, categories=categories, ordered=dtype.ordered))
            if isinstance(dtype, pd.StringDtype):
                return values.astype(dtype)
            return values
        if (
            kind == K.ID
            and pd.api.types.is_integer_dtype(dtype)
            and not isinstance(dtype, pd.api.extensions.ExtensionDtype)
        ):
            return values.astype(dtype)
        if isinstance(dtype, pd.StringDtype):
            return values.astype(dtype)
    except (TypeError, ValueError, OverflowError):
        logger.debug("could not restore dtype of column %s", column)
    return values


def _to_bool(value: object) -> object:
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float, np.integer, np.floating)) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def _guess_format(series: pd.Series) -> str | None:
    """A strftime format that parses a sample of the strings (month-first tried before day-first)."""
    sample = series.dropna().astype(str).iloc[:500]
    if sample.empty:
        return None
    from pandas.tseries.api import guess_datetime_format

    for dayfirst in (False, True):
        try:
            fmt = guess_datetime_format(sample.iloc[0], dayfirst=dayfirst)
        except Exception:  # pragma: no cover - pandas internals
            fmt = None
        if not fmt:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = pd.to_datetime(sample, format=fmt, errors="coerce")
        if parsed.notna().mean() >= 1 - MAX_UNPARSED_SHARE:
            return fmt
    return None


def _restore_numeric(values: pd.Series, dtype: Any) -> pd.Series:
    values = pd.to_numeric(values, errors="coerce")
    if pd.api.types.is_bool_dtype(dtype):
        return (values > 0.5).astype(dtype) if not values.isna().any() else values
    if pd.api.types.is_integer_dtype(dtype):
        if isinstance(dtype, pd.api.extensions.ExtensionDtype):
            return values.round().astype(dtype)
        if not values.isna().any():
            return values.round().astype(dtype)
        return values
    if pd.api.types.is_float_dtype(dtype):
        return values.astype(dtype)
    return values


def _restore_datetime(values: pd.Series, dtype: Any, book: Mapping[str, Any]) -> pd.Series:
    values = pd.to_datetime(values, errors="coerce")
    if book.get("source") == "string":
        fmt = book.get("format")
        text = values.dt.strftime(fmt) if fmt else values.map(lambda v: v.isoformat(), na_action="ignore")
        out = text.astype(object).where(values.notna(), None)
        return out.astype(dtype) if isinstance(dtype, pd.StringDtype) else out
    if book.get("tz"):
        values = values.dt.tz_localize("UTC").dt.tz_convert(book["tz"])
    try:
        return values.astype(dtype)
    except (TypeError, ValueError):
        return values


def _restore_boolean(values: pd.Series, dtype: Any) -> pd.Series:
    if isinstance(dtype, pd.BooleanDtype):
        return values.astype("boolean")
    if pd.api.types.is_bool_dtype(dtype) and not values.isna().any():
        return values.astype(bool)
    if values.isna().any():
        return values.astype(object).where(values.notna(), None)
    return values.astype(bool)


__all__ = ["MAX_UNPARSED_SHARE", "coerce", "coerce_modelled", "datetime_book", "restore"]


def is_discrete_integer(series: pd.Series) -> bool:
    """Whether a numeric column holds only whole numbers, with at most ``MAX_DISCRETE_INTEGERS`` of them.

    Engines model such a column as a set of values, so that a number of children comes back as
    0, 1, 2 ... and not as spikes between them.
    """
    values = pd.to_numeric(series, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return False
    return bool(np.all(finite == np.round(finite))) and len(np.unique(finite)) <= MAX_DISCRETE_INTEGERS
