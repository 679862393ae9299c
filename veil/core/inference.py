"""Kind inference: a fast guess of every column's kind from its dtype and a sample of its values.

``infer_kinds`` never returns ``pii:*``: whether a column holds PII is decided by the
PII scanner (``veil.privacy.pii``), and every string column is scanned whatever its kind.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd

from veil.core.kinds import BOOLEAN, CATEGORICAL, DATETIME, ID, NUMERIC, TEXT

_ID_NAME_RE = re.compile(r"(^id$)|(^id_)|(_id$)|(_id_)|([a-z0-9]Id$)|(ID$)|(^uuid$)|(_uuid$)|(_key$)|(^key$)")

SAMPLE_ROWS = 20_000
"""Rows examined per column by ``infer_kinds`` (a seeded random sample on larger frames)."""

_DATE_SAMPLE = 500
_MIN_DISTINCT_NOTES = 50
_MIN_NOTES_RATIO = 0.1
_MIN_ROWS_FOR_DISTINCT_ID = 20


def infer_kinds(df: pd.DataFrame, *, sample_rows: int = SAMPLE_ROWS, seed: int = 0) -> dict[str, str]:
    """Guess the kind of every column of ``df`` from its dtype and a sample of its values.

    Rules, in order:

    * ``bool`` dtype (or object columns holding only True/False) -> ``"boolean"``.
    * ``datetime64`` dtype -> ``"datetime"``.
    * integer dtype whose values are all distinct and either named like an
      identifier (``id``, ``*_id``, ``*Id``, ``*_key``...) or consecutive -> ``"id"``;
      other numeric dtypes -> ``"numeric"`` (low-cardinality integers stay numeric).
    * ``category`` dtype -> ``"categorical"``.
    * strings: >= 95% of a sample parse as dates -> ``"datetime"``; long
      (mean > 30 chars), multi-word prose (>= 30% end in sentence punctuation,
      or mean >= 80 chars) that is mostly distinct, or has at least 50 distinct
      values making up 10% of the rows (notes between canned phrases) -> ``"text"``; all distinct
      space-free codes (at least 20 values, or an id-like name) -> ``"id"``;
      otherwise ``"categorical"``.

    Never returns ``pii:*``. Works on a seeded sample of ``sample_rows`` rows,
    so it stays fast on 10^6+ rows.

    Args:
        df: The frame.
        sample_rows: Maximum rows examined per column.
        seed: Seed for the row sample.

    Returns:
        Column name -> kind, in column order.
    """
    if len(df) > sample_rows:
        sample = df.sample(n=sample_rows, random_state=seed)
    else:
        sample = df
    return {col: _infer_column(str(col), sample[col], full=df[col]) for col in df.columns}


def _infer_column(name: str, values: pd.Series, *, full: pd.Series) -> str:
    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return BOOLEAN
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return DATETIME
    if isinstance(dtype, pd.CategoricalDtype):
        return CATEGORICAL
    if pd.api.types.is_numeric_dtype(dtype):
        if pd.api.types.is_integer_dtype(dtype) and _int_looks_like_id(name, full):
            return ID
        return NUMERIC
    if pd.api.types.is_timedelta64_dtype(dtype):
        return NUMERIC
    non_null = values.dropna()
    if non_null.empty:
        return CATEGORICAL
    if _is_bool_objects(non_null):
        return BOOLEAN
    strings = non_null.astype(str)
    if _looks_like_dates(strings):
        return DATETIME
    n = len(strings)
    distinct_ratio = strings.nunique() / n
    lengths = strings.str.len()
    has_space = strings.str.contains(r"\s", regex=True)
    # Notes often repeat a canned phrase ("No follow-up needed.") between the written ones:
    # many distinct long values are prose even when they are under half of the rows.
    many_distinct = strings.nunique() >= _MIN_DISTINCT_NOTES and distinct_ratio >= _MIN_NOTES_RATIO
    if lengths.mean() > 30 and has_space.mean() >= 0.8 and (distinct_ratio >= 0.5 or many_distinct):
        # Prose, not a long structured value (addresses, full names with titles):
        # sentences end in punctuation, or the values are long.
        sentence_like = strings.str.contains(r"[.!?…]\s*$", regex=True).mean() >= 0.3
        if sentence_like or lengths.mean() >= 80:
            return TEXT
    if distinct_ratio == 1.0 and (n >= _MIN_ROWS_FOR_DISTINCT_ID or _name_looks_like_id(name)):
        if not has_space.any() and lengths.max() <= 64:
            return ID
    return CATEGORICAL


def _name_looks_like_id(name: str) -> bool:
    return bool(_ID_NAME_RE.search(name)) or bool(_ID_NAME_RE.search(name.lower()))


def _int_looks_like_id(name: str, full: pd.Series) -> bool:
    non_null = full.dropna()
    n = len(non_null)
    if n < 2 or non_null.isna().any():
        return False
    if not non_null.is_unique:
        return False
    if _name_looks_like_id(name):
        return True
    if n < _MIN_ROWS_FOR_DISTINCT_ID:
        return False
    arr = non_null.to_numpy()
    # Consecutive integers (in any order): a row counter / surrogate key.
    return int(arr.max()) - int(arr.min()) == n - 1


def _is_bool_objects(non_null: pd.Series) -> bool:
    head = non_null.iloc[:1000]
    if all(isinstance(v, (bool, np.bool_)) for v in head):
        return bool(non_null.map(lambda v: isinstance(v, (bool, np.bool_))).all())
    return False


_DATEISH_RE = re.compile(r"\d{1,4}[-/. :T]\d{1,2}|[A-Za-z]{3,9}\.? \d{1,2},? \d{2,4}|\d{1,2} [A-Za-z]{3,9} \d{2,4}")


def _looks_like_dates(strings: pd.Series) -> bool:
    head = strings.iloc[:_DATE_SAMPLE]
    lengths = head.str.len()
    if lengths.min() < 6 or lengths.max() > 40:
        return False
    if head.str.contains(_DATEISH_RE).mean() < 0.95:
        return False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = pd.to_datetime(head, errors="coerce", format="mixed")
    return float(parsed.notna().mean()) >= 0.95
