"""Drift metrics on real diamonds rows (real SDMetrics and scikit-learn)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from tests.unit.reports.conftest import shifted
from veil.reports import drift
from veil.reports.frames import modelled_columns, normalise


def _norm(frame, kinds):
    return normalise(frame, kinds, modelled_columns(kinds, list(frame.columns)))


def _all(parts, kinds, synthetic):
    cols = modelled_columns(kinds, list(parts["train"].columns))
    return _norm(parts["train"], kinds), _norm(parts["holdout"], kinds), _norm(synthetic, kinds), cols


def test_identical_synthetic_scores_one_and_auc_half(parts, kinds):
    train, holdout, synth, cols = _all(parts, kinds, parts["holdout"])
    columns = drift.column_drift(train=train, holdout=holdout, synthetic=synth, kinds=kinds, columns=cols)
    assert [c.column for c in columns] == cols
    assert all(c.score_vs_holdout == pytest.approx(1.0) for c in columns)
    assert {c.metric for c in columns if kinds[c.column] == "numeric"} == {"KSComplement"}
    assert {c.metric for c in columns if kinds[c.column] == "categorical"} == {"TVComplement"}
    pairs = drift.pair_drift(holdout=holdout, synthetic=synth, kinds=kinds, pairs=drift.choose_pairs(cols))
    assert len(pairs) == 45
    assert all(p.score_vs_holdout == pytest.approx(1.0) for p in pairs)
    metrics = {(p.column_a, p.column_b): p.metric for p in pairs}
    assert metrics[("carat", "price")] == "CorrelationSimilarity"
    assert metrics[("carat", "cut")] == "ContingencySimilarity"
    assert metrics[("cut", "color")] == "ContingencySimilarity"
    auc = drift.detection_auc(holdout=holdout, synthetic=synth, kinds=kinds, columns=cols)
    assert 0.4 <= auc <= 0.6


def test_fresh_sample_is_close_and_undetectable(parts, kinds):
    train, holdout, synth, cols = _all(parts, kinds, parts["fresh"])
    columns = drift.column_drift(train=train, holdout=holdout, synthetic=synth, kinds=kinds, columns=cols)
    assert all(c.score_vs_holdout > 0.95 and c.score_vs_train > 0.95 for c in columns)
    auc = drift.detection_auc(holdout=holdout, synthetic=synth, kinds=kinds, columns=cols)
    assert 0.4 <= auc <= 0.6


def test_shifted_synthetic_scores_lower(parts, kinds):
    train, holdout, synth, cols = _all(parts, kinds, shifted(parts["holdout"]))
    by_col = {
        c.column: c
        for c in drift.column_drift(train=train, holdout=holdout, synthetic=synth, kinds=kinds, columns=cols)
    }
    assert by_col["price"].score_vs_holdout < 0.85
    assert by_col["carat"].score_vs_holdout < 0.7
    assert by_col["depth"].score_vs_holdout == pytest.approx(1.0)  # untouched column
    pairs = {
        (p.column_a, p.column_b): p.score_vs_holdout
        for p in drift.pair_drift(holdout=holdout, synthetic=synth, kinds=kinds, pairs=drift.choose_pairs(cols))
    }
    assert pairs[("carat", "cut")] < 0.95  # cut shuffled: its joint with carat is gone
    assert pairs[("cut", "color")] < 0.97
    assert pairs[("depth", "table")] == pytest.approx(1.0)
    auc = drift.detection_auc(holdout=holdout, synthetic=synth, kinds=kinds, columns=cols)
    assert auc > 0.9


def test_choose_pairs_caps_deterministically():
    cols = [f"c{i}" for i in range(20)]
    a = drift.choose_pairs(cols, max_pairs=45, seed=3)
    assert len(a) == 45 and len(set(a)) == 45
    assert a == drift.choose_pairs(cols, max_pairs=45, seed=3)
    assert a != drift.choose_pairs(cols, max_pairs=45, seed=4)
    assert all(cols.index(x) < cols.index(y) for x, y in a)
    assert len(drift.choose_pairs(cols[:5])) == 10


def test_tstr_classification_and_regression(parts, kinds):
    train, holdout, synth, cols = _all(parts, kinds, parts["fresh"])
    cls = drift.utility(train=train, holdout=holdout, synthetic=synth, kinds=kinds, columns=cols, target_column="cut")
    assert cls.task == "classification" and cls.metric == "accuracy"
    assert 0.5 < cls.real_score <= 1 and abs(cls.synthetic_score - cls.real_score) < 0.05
    reg = drift.utility(train=train, holdout=holdout, synthetic=synth, kinds=kinds, columns=cols, target_column="price")
    assert reg.task == "regression" and reg.metric == "r2"
    assert reg.real_score > 0.9 and abs(reg.synthetic_score - reg.real_score) < 0.05
    # A synthetic table whose target is unrelated to the features is useless for the task.
    broken = synth.copy()
    broken["price"] = np.random.default_rng(0).permutation(broken["price"].to_numpy())
    bad = drift.utility(
        train=train, holdout=holdout, synthetic=broken, kinds=kinds, columns=cols, target_column="price"
    )
    assert bad.synthetic_score < 0.1 and bad.real_score == pytest.approx(reg.real_score)


def test_single_class_synthetic_target_does_not_crash(parts, kinds):
    train, holdout, synth, cols = _all(parts, kinds, parts["fresh"])
    synth = synth.copy()
    synth["cut"] = "Ideal"
    u = drift.utility(train=train, holdout=holdout, synthetic=synth, kinds=kinds, columns=cols, target_column="cut")
    assert u.synthetic_score == pytest.approx((holdout["cut"] == "Ideal").mean())


def test_same_seed_same_numbers_other_seed_differs(parts, kinds):
    train, holdout, synth, cols = _all(parts, kinds, shifted(parts["fresh"]))
    runs = [
        (
            drift.detection_auc(holdout=holdout, synthetic=synth, kinds=kinds, columns=cols, seed=s, max_rows=1500),
            drift.pair_drift(
                holdout=holdout, synthetic=synth, kinds=kinds, pairs=drift.choose_pairs(cols), seed=s, max_rows=1500
            ),
            drift.utility(
                train=train,
                holdout=holdout,
                synthetic=synth,
                kinds=kinds,
                columns=cols,
                target_column="cut",
                seed=s,
                max_train_rows=800,
            ),
        )
        for s in (5, 5, 6)
    ]
    assert runs[0] == runs[1]
    assert runs[0][0] != runs[2][0]


def test_datetime_boolean_and_missing_values():
    rng = np.random.default_rng(0)
    n = 600

    def table(shift_days: int) -> pd.DataFrame:
        when = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 365, n) + shift_days, unit="D")
        frame = pd.DataFrame(
            {
                "when": when,
                "flag": rng.random(n) < 0.3,
                "amount": rng.normal(100, 10, n),
                "constant": np.ones(n),
                "level": rng.choice(["a", "b", "c"], n),
            }
        )
        frame.loc[::17, "amount"] = np.nan
        frame.loc[::23, "level"] = None
        return frame

    kinds = {"when": "datetime", "flag": "boolean", "amount": "numeric", "constant": "numeric", "level": "categorical"}
    real, same, late = table(0), table(0), table(120)
    late["flag"] = late["flag"].astype(int)  # 0/1 encoding of the same booleans
    cols = list(kinds)
    notes = drift.DriftNotes()
    scores = {
        c.column: c
        for c in drift.column_drift(
            train=_norm(real, kinds),
            holdout=_norm(same, kinds),
            synthetic=_norm(late, kinds),
            kinds=kinds,
            columns=cols,
            notes=notes,
        )
    }
    assert scores["when"].metric == "KSComplement" and scores["when"].score_vs_holdout < 0.8
    assert scores["flag"].metric == "TVComplement" and scores["flag"].score_vs_holdout > 0.9
    pairs = drift.pair_drift(
        holdout=_norm(same, kinds),
        synthetic=_norm(late, kinds),
        kinds=kinds,
        pairs=drift.choose_pairs(cols),
        notes=notes,
    )
    undefined = [p for p in pairs if math.isnan(p.score_vs_holdout)]
    assert undefined and all("constant" in (p.column_a, p.column_b) for p in undefined)
    assert notes.skipped
    auc = drift.detection_auc(holdout=_norm(same, kinds), synthetic=_norm(late, kinds), kinds=kinds, columns=cols)
    assert auc > 0.65


def test_high_cardinality_tv_matches_sdmetrics():
    from sdmetrics.single_column import TVComplement

    rng = np.random.default_rng(1)
    real = pd.Series(rng.integers(0, 3000, 20000).astype(str))
    synth = pd.Series(rng.integers(0, 3300, 20000).astype(str))
    fast = drift._tv_complement(real, synth)
    assert fast == pytest.approx(TVComplement.compute(real, synth), abs=1e-6)
