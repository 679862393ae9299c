"""Plot data for the HTML page: holdout vs synthetic marginals and correlation matrices.

Only aggregates are stored (bin shares, category shares, correlations).
Category labels rarer than ``MIN_LABEL_COUNT`` rows in the holdout are
folded into "(other)" so that a singular value never surfaces in a report.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from veil.core.kinds import CONTINUOUS_KINDS

HIST_BINS = 20
TOP_CATEGORIES = 12
MIN_LABEL_COUNT = 5
MAX_CORRELATION_COLUMNS = 20
OTHER = "(other)"
MISSING = "(missing)"


def _shares(counts: np.ndarray) -> list[float]:
    total = counts.sum()
    return [round(float(c) / total, 6) if total else 0.0 for c in counts]


def histogram(holdout: pd.Series, synthetic: pd.Series, kind: str) -> dict[str, Any]:
    """Shares of holdout and synthetic values in common bins (edges from the holdout's 0.5-99.5% range)."""
    real = holdout.to_numpy(dtype="float64")
    synth = synthetic.to_numpy(dtype="float64")
    real_f, synth_f = real[np.isfinite(real)], synth[np.isfinite(synth)]
    base = real_f if real_f.size else synth_f
    if base.size == 0:
        return {
            "type": "histogram",
            "kind": kind,
            "edges": [],
            "holdout": [],
            "synthetic": [],
            "missing_holdout": 1.0,
            "missing_synthetic": 1.0,
        }
    lo, hi = np.quantile(base, [0.005, 0.995])
    if not hi > lo:
        lo, hi = float(base.min()) - 0.5, float(base.max()) + 0.5
    edges = np.linspace(lo, hi, HIST_BINS + 1)

    def counts(values: np.ndarray) -> np.ndarray:
        idx = np.clip(np.searchsorted(edges, values, side="right") - 1, 0, HIST_BINS - 1)  # outliers in end bins
        return np.bincount(idx, minlength=HIST_BINS).astype("float64")

    return {
        "type": "histogram",
        "kind": kind,
        "edges": [float(e) for e in edges],
        "holdout": _shares(counts(real_f)),
        "synthetic": _shares(counts(synth_f)),
        "missing_holdout": round(float(1 - real_f.size / max(real.size, 1)), 6),
        "missing_synthetic": round(float(1 - synth_f.size / max(synth.size, 1)), 6),
    }


def category_bars(holdout: pd.Series, synthetic: pd.Series, kind: str) -> dict[str, Any]:
    """Shares of the top holdout categories (plus "(other)" and "(missing)") in both tables."""
    real = holdout.fillna(MISSING).astype(str)
    synth = synthetic.fillna(MISSING).astype(str)
    counts = real.value_counts()
    counts = counts[(counts >= MIN_LABEL_COUNT) | (counts.index == MISSING)]
    order = counts.reset_index()
    order.columns = ["label", "n"]
    order = order.sort_values(["n", "label"], ascending=[False, True], kind="mergesort")
    top = [str(v) for v in order["label"].iloc[:TOP_CATEGORIES]]
    labels = top + [OTHER]

    def shares(values: pd.Series) -> list[float]:
        folded = values.where(values.isin(top), OTHER)
        c = folded.value_counts().reindex(labels, fill_value=0).to_numpy(dtype="float64")
        return _shares(c)

    real_shares, synth_shares = shares(real), shares(synth)
    if real_shares[-1] == 0 and synth_shares[-1] == 0:
        labels, real_shares, synth_shares = labels[:-1], real_shares[:-1], synth_shares[:-1]
    return {"type": "bars", "kind": kind, "labels": labels, "holdout": real_shares, "synthetic": synth_shares}


def _correlations(frame: pd.DataFrame, columns: Sequence[str]) -> list[list[float | None]]:
    with np.errstate(all="ignore"):
        matrix = frame[list(columns)].astype("float64").corr(method="pearson").to_numpy()
    return [[None if not math.isfinite(v) else round(float(v), 4) for v in row] for row in matrix]


def build_plots(
    *, holdout: pd.DataFrame, synthetic: pd.DataFrame, kinds: Mapping[str, str], columns: Sequence[str]
) -> dict[str, Any]:
    """All plot data for the report (``Report.plots``).

    Args:
        holdout: Normalised (and possibly subsampled) holdout frame.
        synthetic: Normalised (and possibly subsampled) synthetic frame.
        kinds: Column kinds.
        columns: Modelled columns.

    Returns:
        ``{"columns": {name: histogram-or-bars}, "correlation": {"columns", "holdout", "synthetic"}}``.
    """
    per_column = {}
    for column in columns:
        kind = kinds[column]
        if kind in CONTINUOUS_KINDS:
            per_column[column] = histogram(holdout[column], synthetic[column], kind)
        else:
            per_column[column] = category_bars(holdout[column], synthetic[column], kind)
    continuous = [c for c in columns if kinds[c] in CONTINUOUS_KINDS][:MAX_CORRELATION_COLUMNS]
    correlation: dict[str, Any] = {"columns": continuous, "holdout": [], "synthetic": []}
    if len(continuous) >= 2:
        correlation["holdout"] = _correlations(holdout, continuous)
        correlation["synthetic"] = _correlations(synthetic, continuous)
    return {"columns": per_column, "correlation": correlation}
