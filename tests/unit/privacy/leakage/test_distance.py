"""Distance-based leakage measures on real diamonds rows."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from veil.privacy.leakage.distance import CloseRows, DistanceEncoder, count_exact_copies, distance_leakage
from veil.service.demo_data import load_diamonds

# fmt: off
KINDS = {
    "carat": "numeric", "cut": "categorical", "color": "categorical", "clarity": "categorical",
    "depth": "numeric", "table": "numeric", "price": "numeric", "x": "numeric", "y": "numeric", "z": "numeric",
}
# fmt: on


@pytest.fixture(scope="module")
def rows() -> pd.DataFrame:
    frame = load_diamonds()
    order = np.random.default_rng(11).permutation(len(frame))
    return frame.iloc[order].reset_index(drop=True)


def test_copy_of_train_is_flagged(rows):
    train, holdout = rows.iloc[:3000], rows.iloc[3000:6000]
    result = distance_leakage(train=train, holdout=holdout, synthetic=train.copy(), kinds=KINDS, seed=0)
    assert result.exact_copies == 3000 and result.exact_copy_share == 1.0
    assert result.dcr_share > 0.95
    assert result.dcr_median == 0.0
    assert result.nndr_median == 0.0


def test_fresh_rows_from_same_distribution_sit_half_way(rows):
    train, holdout, fresh = rows.iloc[:4000], rows.iloc[4000:8000], rows.iloc[8000:12000]
    result = distance_leakage(train=train, holdout=holdout, synthetic=fresh, kinds=KINDS, seed=0)
    assert 0.45 <= result.dcr_share <= 0.55
    assert result.dcr_median > 0
    assert 0 < result.nndr_median <= 1
    # diamonds has a few genuinely duplicated rows: a handful of fresh rows equal a train row
    assert result.exact_copy_share < 0.01


def test_larger_train_dilutes_share_as_documented(rows):
    """Train is subsampled to the holdout size, so a full copy of a 4x larger train scores ~0.5 + 0.5/4."""
    train, holdout = rows.iloc[:8000], rows.iloc[8000:10000]
    result = distance_leakage(train=train, holdout=holdout, synthetic=train, kinds=KINDS, seed=0)
    assert result.exact_copies == 8000
    assert result.dcr_share == pytest.approx(0.625, abs=0.04)
    assert result.dcr_median == 0.0


def test_half_copies_half_fresh(rows):
    train, holdout, fresh = rows.iloc[:3000], rows.iloc[3000:6000], rows.iloc[6000:7500]
    synthetic = pd.concat([train.iloc[:1500], fresh], ignore_index=True)
    result = distance_leakage(train=train, holdout=holdout, synthetic=synthetic, kinds=KINDS, seed=0)
    assert result.exact_copies >= 1500
    assert 0.7 <= result.dcr_share <= 0.8  # 1/2 * 1 + 1/2 * 0.5


def test_deterministic_with_seed(rows):
    train, holdout, fresh = rows.iloc[:9000], rows.iloc[9000:12000], rows.iloc[12000:20000]
    a = distance_leakage(train=train, holdout=holdout, synthetic=fresh, kinds=KINDS, seed=3)
    b = distance_leakage(train=train, holdout=holdout, synthetic=fresh, kinds=KINDS, seed=3)
    c = distance_leakage(train=train, holdout=holdout, synthetic=fresh, kinds=KINDS, seed=4)
    assert a == b
    assert a.synthetic_rows_compared == 5000
    assert a.dcr_share != c.dcr_share


def test_only_modelled_columns_are_compared():
    kinds = {
        "id": "id",
        "name": "pii:PERSON",
        "note": "text",
        "amount": "numeric",
        "ok": "boolean",
        "level": "categorical",
    }
    train = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "name": ["Ann", "Bob", "Cy"],
            "note": ["x", "y", "z"],
            "amount": [1.0, 2.0, np.nan],
            "ok": [True, False, True],
            "level": ["p", None, "q"],
        }
    )
    synthetic = pd.DataFrame(
        {
            "id": ["zz", "yy", "xx", "ww"],
            "name": ["Dee", "Eve", "Fay", "Gus"],
            "note": ["u", "v", "w", "t"],
            "amount": [1.0, 2.0, np.nan, 2.0],
            "ok": [1, 0, 1, 1],
            "level": ["p", None, "q", "q"],
        }
    )
    # rows 0-2 match on amount/ok/level (booleans as 0/1, missing == missing); row 3 does not
    assert count_exact_copies(train=train, synthetic=synthetic, kinds=kinds) == 3
    result = distance_leakage(train=train, holdout=train, synthetic=synthetic, kinds=kinds, seed=0)
    assert result.exact_copies == 3 and result.exact_copy_share == 0.75


def test_no_compared_columns_gives_nan():
    kinds = {"id": "id", "note": "text"}
    frame = pd.DataFrame({"id": ["a", "b"], "note": ["x", "y"]})
    result = distance_leakage(train=frame, holdout=frame, synthetic=frame, kinds=kinds)
    assert result.exact_copies == 0
    assert math.isnan(result.dcr_share) and math.isnan(result.dcr_median) and math.isnan(result.nndr_median)


def test_encoder_category_mismatch_adds_one_and_numbers_are_standardised():
    kinds = {"level": "categorical", "amount": "numeric", "when": "datetime"}
    train = pd.DataFrame(
        {
            "level": ["a", "b", "a", "b"],
            "amount": [0.0, 2.0, 0.0, 2.0],
            "when": pd.to_datetime(["2024-01-01", "2024-01-03", "2024-01-01", "2024-01-03"]),
        }
    )
    enc = DistanceEncoder(kinds, list(train.columns)).fit(train)
    x = enc.transform(train)
    assert x.shape == (4, enc.width)
    # rows 0 and 1 differ by one category (1), one std of amount (2) and one std of when (2): sqrt(1 + 4 + 4)
    assert float(np.linalg.norm(x[0] - x[1])) == pytest.approx(3.0, rel=1e-5)
    unseen = enc.transform(pd.DataFrame({"level": ["zzz"], "amount": [np.nan], "when": [pd.NaT]}))
    assert np.isfinite(unseen).all()


def _brute(reference: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    from sklearn.neighbors import NearestNeighbors

    return NearestNeighbors(n_neighbors=k, algorithm="brute").fit(reference).kneighbors(queries)[0][:, k - 1]


@pytest.mark.parametrize(
    "columns", [list(KINDS), ["cut", "color", "clarity"], ["carat", "depth", "price"], ["depth", "table", "x"]]
)
def test_close_rows_match_a_brute_search_below_one(rows, columns):
    kinds = {c: KINDS[c] for c in columns}
    reference = rows.iloc[:3000][columns].copy()
    queries = rows.iloc[3000:4500][columns].copy()
    queries.iloc[:50] = reference.iloc[100:150].to_numpy()  # copies: distance 0
    if "carat" in columns:
        reference.loc[reference.index[:40], "carat"] = np.nan  # missing on one side only: at least 1 apart
        queries.loc[queries.index[50:60], "carat"] = 1e6  # far out of range: no near row
    if "cut" in columns:
        queries.loc[queries.index[60:70], "cut"] = "Not a cut"  # a label the reference never holds
    encoder = DistanceEncoder(kinds, columns).fit(reference, queries)
    x_ref, x_query = encoder.transform(reference), encoder.transform(queries)
    index = CloseRows(encoder, x_ref)
    for k, (found, expected) in {
        1: (index.nearest(x_query), _brute(x_ref, x_query, 1)),
        2: (index.nearest(x_ref, 2), _brute(x_ref, x_ref, 2)),
    }.items():
        np.testing.assert_allclose(found, np.minimum(expected, 1.0), atol=1e-5, err_msg=f"k={k}")
    assert (index.nearest(x_query)[:50] == 0).all()
    if "cut" in columns:
        assert (index.nearest(x_query)[60:70] == 1).all()
    assert 0 < (index.nearest(x_query) < 1).mean() < 1  # both sides of the cap are exercised
