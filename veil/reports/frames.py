"""Frames as the drift metrics read them: modelled columns, normalised values, seeded subsamples.

Only ``numeric``, ``categorical``, ``datetime`` and ``boolean`` columns are
*modelled* (enter drift and distance metrics); ``id``, ``text`` and
``pii:<ENTITY>`` columns are excluded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from veil.core.columns import as_float, as_label
from veil.core.kinds import CONTINUOUS_KINDS, MODELLED_KINDS


def modelled_columns(kinds: Mapping[str, str], columns: Sequence[str]) -> list[str]:
    """Columns of ``columns`` (in that order) whose kind is modelled."""
    return [c for c in columns if kinds.get(c) in MODELLED_KINDS]


def normalise(frame: pd.DataFrame, kinds: Mapping[str, str], columns: Sequence[str]) -> pd.DataFrame:
    """``columns`` of ``frame`` converted to float (continuous) or string labels (discrete)."""
    data = {}
    for column in columns:
        kind = kinds[column]
        if kind in CONTINUOUS_KINDS:
            data[column] = as_float(frame[column], kind).to_numpy()
        else:
            data[column] = as_label(frame[column], kind).to_numpy()
    return pd.DataFrame(data, index=pd.RangeIndex(len(frame)))


def subsample(frame: pd.DataFrame, n: int | None, rng: np.random.Generator) -> pd.DataFrame:
    """At most ``n`` rows of ``frame`` drawn without replacement (row order kept)."""
    if n is None or len(frame) <= n:
        return frame.reset_index(drop=True)
    rows = np.sort(rng.choice(len(frame), size=n, replace=False))
    return frame.iloc[rows].reset_index(drop=True)
