"""build_report end to end on real diamonds rows."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from tests.unit.reports.conftest import shifted
from veil.reports.assemble import build_report
from veil.reports.errors import (
    ExactCopiesWarning,
    InvalidReportInputError,
    MembershipRiskWarning,
    PiiReplayWarning,
    ReportError,
    ReportWarning,
    TinyHoldoutWarning,
    WeakGuaranteeWarning,
)
from veil.reports.model import PiiReplay, PrivacyGuarantee, Report


def _quiet(**kwargs) -> Report:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReportWarning)
        return build_report(**kwargs)


def test_fresh_sample_report(parts, kinds):
    seen = []
    report = _quiet(
        train=parts["train"],
        holdout=parts["holdout"],
        synthetic=parts["fresh"],
        kinds=kinds,
        target_column="cut",
        seed=1,
        progress=seen.append,
        title="fresh",
    )
    assert report.train_rows == report.holdout_rows == report.synthetic_rows == 3000
    assert len(report.drift.columns) == 10 and len(report.drift.pairs) == 45
    assert report.drift.column_shape_score > 0.95
    assert report.drift.pair_trend_score > 0.95
    assert 0.4 <= report.drift.detection_auc <= 0.6
    assert report.drift.utility is not None and report.drift.utility.metric == "accuracy"
    assert 0.45 <= report.leakage.dcr_share <= 0.55
    assert report.privacy_guarantee == PrivacyGuarantee.none()
    assert report.privacy_guarantee.statement == "none (empirical only)"
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert set(report.plots["columns"]) == set(kinds)
    assert report.plots["correlation"]["columns"] == ["carat", "depth", "table", "price", "x", "y", "z"]
    assert {"detection", "leakage", "utility", "total"} <= set(report.timings)
    assert not any("copies" in w for w in report.warnings)  # diamonds' own duplicates are no alarm


def test_shifted_synthetic_scores_lower_than_fresh(parts, kinds):
    good = _quiet(train=parts["train"], holdout=parts["holdout"], synthetic=parts["fresh"], kinds=kinds)
    bad = _quiet(train=parts["train"], holdout=parts["holdout"], synthetic=shifted(parts["fresh"]), kinds=kinds)
    assert bad.drift.column_shape_score < good.drift.column_shape_score - 0.05
    assert bad.drift.pair_trend_score < good.drift.pair_trend_score
    assert bad.drift.detection_auc > 0.9
    assert any("AUC" in w for w in bad.warnings)


def test_copy_of_train_raises_leakage_warnings(parts, kinds):
    with pytest.warns(ReportWarning) as caught:
        report = build_report(
            train=parts["train"], holdout=parts["holdout"], synthetic=parts["train"].copy(), kinds=kinds
        )
    categories = {w.category for w in caught}
    assert ExactCopiesWarning in categories and MembershipRiskWarning in categories
    assert report.leakage.exact_copies == 3000 and report.leakage.exact_copy_share == 1.0
    assert report.leakage.dcr_share > 0.95
    assert len(report.warnings) >= 2


def test_tiny_holdout_warns(parts, kinds):
    with pytest.warns(TinyHoldoutWarning):
        report = build_report(
            train=parts["train"], holdout=parts["holdout"].iloc[:150], synthetic=parts["fresh"], kinds=kinds
        )
    assert any("holdout" in w for w in report.warnings)


def test_pii_replay_and_weak_guarantee_are_carried(parts, kinds):
    replay = PiiReplay(count=3, by_column={"email": 2, "note": 1}, fingerprints_checked=1000)
    guarantee = PrivacyGuarantee.differential_privacy(epsilon=50, delta=1e-6)
    with pytest.warns(ReportWarning) as caught:
        report = build_report(
            train=parts["train"],
            holdout=parts["holdout"],
            synthetic=parts["fresh"],
            kinds=kinds,
            pii_replay=replay,
            guarantee=guarantee,
        )
    categories = {w.category for w in caught}
    assert PiiReplayWarning in categories and WeakGuaranteeWarning in categories
    assert report.leakage.pii_replay == replay
    assert report.privacy_guarantee.kind == "differential_privacy" and report.privacy_guarantee.epsilon == 50


def test_id_text_pii_columns_are_excluded(parts, kinds):
    def with_extras(frame: pd.DataFrame, offset: int) -> pd.DataFrame:
        out = frame.copy()
        out["order_id"] = [f"ORD-{offset + i}" for i in range(len(out))]
        out["email"] = [f"user{offset + i}@example.org" for i in range(len(out))]
        out["note"] = "free text"
        return out

    all_kinds = {**kinds, "order_id": "id", "email": "pii:EMAIL_ADDRESS", "note": "text"}
    report = _quiet(
        train=with_extras(parts["train"], 0),
        holdout=with_extras(parts["holdout"], 10_000),
        synthetic=with_extras(parts["train"], 20_000),
        kinds=all_kinds,
    )
    names = (
        {c.column for c in report.drift.columns}
        | {p.column_a for p in report.drift.pairs}
        | {p.column_b for p in report.drift.pairs}
    )
    assert names == set(kinds)
    assert report.leakage.exact_copies == 3000  # ids and emails differ, but they are not compared


def test_same_seed_same_report(parts, kinds):
    synth = shifted(parts["fresh"])
    a = _quiet(
        train=parts["train"], holdout=parts["holdout"], synthetic=synth, kinds=kinds, target_column="price", seed=9
    )
    b = _quiet(
        train=parts["train"], holdout=parts["holdout"], synthetic=synth, kinds=kinds, target_column="price", seed=9
    )
    strip = lambda r: {k: v for k, v in r.to_dict().items() if k != "timings"}  # noqa: E731
    assert strip(a) == strip(b)


def test_invalid_input_collects_every_violation(parts, kinds):
    bad_kinds = {**kinds, "mystery": "blob", "note": "text"}
    with pytest.raises(InvalidReportInputError) as info:
        build_report(
            train=parts["train"],
            holdout=parts["holdout"].drop(columns=["price"]),
            synthetic=parts["fresh"],
            kinds=bad_kinds,
            target_column="nope",
            seed=-1,
        )
    err = info.value
    assert isinstance(err, ReportError)
    assert err.code == "INVALID_ARGUMENT" and err.reason == "INVALID_REPORT_INPUT"
    fields = [f for f, _ in err.violations]
    assert "kinds.mystery" in fields
    assert "holdout.price" in fields
    assert "target_column" in fields
    assert "seed" in fields


@pytest.mark.parametrize("target, kind", [("note", "text"), ("when", "datetime"), ("order_id", "id")])
def test_target_of_non_modelled_kind_is_rejected(parts, kinds, target, kind):
    frames = {k: v.assign(**{target: "x"}) for k, v in parts.items()}
    with pytest.raises(InvalidReportInputError) as info:
        build_report(
            train=frames["train"],
            holdout=frames["holdout"],
            synthetic=frames["fresh"],
            kinds={**kinds, target: kind},
            target_column=target,
        )
    assert info.value.violations[0][0] == "target_column"
    assert kind in info.value.violations[0][1]


def test_empty_tables_are_rejected(parts, kinds):
    with pytest.raises(InvalidReportInputError) as info:
        build_report(
            train=parts["train"], holdout=parts["holdout"].iloc[:0], synthetic=parts["fresh"].iloc[:0], kinds=kinds
        )
    assert {f for f, _ in info.value.violations} == {"holdout", "synthetic"}


def test_boolean_and_datetime_columns_end_to_end():
    rng = np.random.default_rng(0)

    def table(n: int) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "when": pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 700, n), unit="D"),
                "member": rng.random(n) < 0.4,
                "spend": rng.gamma(2.0, 50.0, n),
                "tier": rng.choice(["gold", "silver", "bronze"], n, p=[0.1, 0.3, 0.6]),
            }
        )

    kinds = {"when": "datetime", "member": "boolean", "spend": "numeric", "tier": "categorical"}
    report = _quiet(train=table(2000), holdout=table(1000), synthetic=table(2000), kinds=kinds, target_column="member")
    assert report.drift.utility.task == "classification"
    assert report.drift.column_shape_score > 0.9
    assert report.plots["columns"]["when"]["kind"] == "datetime"
    assert 0.4 <= report.leakage.dcr_share <= 0.6


@pytest.mark.parametrize("target", ["band", "score"])
def test_a_column_missing_in_every_row_does_not_sink_the_report(target):
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"empty": [np.nan] * 300, "band": rng.choice(["a", "b"], 300), "score": rng.normal(size=300)})
    kinds = {"empty": "numeric", "band": "categorical", "score": "numeric"}
    report = _quiet(train=frame[:180], holdout=frame[180:240], synthetic=frame[240:], kinds=kinds, target_column=target)
    assert 0.0 <= report.drift.detection_auc <= 1.0
    assert report.drift.utility is not None and not np.isnan(report.drift.utility.synthetic_score)
    assert report.leakage.attacks.risks
