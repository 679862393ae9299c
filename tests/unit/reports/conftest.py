"""Shared data for the reports tests: real ggplot2/diamonds rows, split three ways."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from veil.service.demo_data import DIAMOND_KINDS, load_diamonds


@pytest.fixture(scope="session")
def diamonds() -> pd.DataFrame:
    frame = load_diamonds()
    order = np.random.default_rng(7).permutation(len(frame))
    return frame.iloc[order].reset_index(drop=True)


@pytest.fixture(scope="session")
def parts(diamonds: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Disjoint train / holdout / fresh (same distribution) samples of 3,000 rows each."""
    n = 3000
    return {
        "train": diamonds.iloc[:n].reset_index(drop=True),
        "holdout": diamonds.iloc[n : 2 * n].reset_index(drop=True),
        "fresh": diamonds.iloc[2 * n : 3 * n].reset_index(drop=True),
    }


@pytest.fixture(scope="session")
def kinds() -> dict[str, str]:
    return dict(DIAMOND_KINDS)


def shifted(frame: pd.DataFrame, seed: int = 0) -> pd.DataFrame:
    """A visibly drifted copy: prices up 60%, carats shifted, cut shuffled independently of the rest."""
    rng = np.random.default_rng(seed)
    out = frame.copy()
    out["price"] = out["price"] * 1.6
    out["carat"] = out["carat"] + 0.3
    out["cut"] = rng.permutation(out["cut"].to_numpy())
    out["color"] = rng.permutation(out["color"].to_numpy())
    return out
