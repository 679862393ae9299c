"""JSON and HTML renderings, and the model's serialization."""

from __future__ import annotations

import json
import math
import re
import warnings
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest

from reports.assemble import build_report
from reports.errors import ReportDecodeError, ReportWarning
from reports.model import (
    ColumnDrift,
    DriftReport,
    LeakageReport,
    PiiReplay,
    PrivacyGuarantee,
    Report,
    Utility,
)
from reports.render import render_html, render_json


@pytest.fixture(scope="module")
def report(parts, kinds) -> Report:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReportWarning)
        return build_report(
            train=parts["train"], holdout=parts["holdout"].iloc[:150], synthetic=parts["fresh"], kinds=kinds,
            target_column="price", seed=2, title="Diamonds <test> & co",
            pii_replay=PiiReplay(count=1, by_column={"e<mail>": 1}, fingerprints_checked=10),
        )


def test_json_round_trip(report):
    text = render_json(report)
    assert Report.from_json(text) == report
    assert Report.from_dict(report.to_dict()) == report
    assert render_json(Report.from_json(text)) == text
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert isinstance(data["leakage"]["exact_copy_share"], float)
    assert isinstance(data["drift"]["detection_auc"], float)
    assert data["drift"]["utility"]["metric"] == "r2"


def test_nan_scores_round_trip_as_null():
    report = Report(
        drift=DriftReport(
            columns=[ColumnDrift(column="c", kind="numeric", metric="KSComplement", score_vs_holdout=math.nan, score_vs_train=1)],
            column_shape_score=math.nan, pair_trend_score=math.nan, detection_auc=math.nan,
            utility=Utility(target_column="c", task="regression", metric="r2", synthetic_score=-0.5, real_score=0.9),
        ),
        leakage=LeakageReport(exact_copies=0, exact_copy_share=0, dcr_share=math.nan, dcr_median=math.nan, nndr_median=math.nan),
        privacy_guarantee=PrivacyGuarantee.none(), train_rows=1, holdout_rows=1, synthetic_rows=1,
    )
    text = render_json(report)
    data = json.loads(text)
    assert data["drift"]["detection_auc"] is None and data["leakage"]["exact_copy_share"] == 0.0
    back = Report.from_json(text)
    assert math.isnan(back.drift.detection_auc) and math.isnan(back.drift.columns[0].score_vs_holdout)
    assert back.drift.columns[0].score_vs_train == 1.0
    assert render_json(back) == text
    assert "n/a" in render_html(back)  # NaN shown as n/a, not "nan"


def test_decode_errors_are_report_errors():
    with pytest.raises(ReportDecodeError) as info:
        Report.from_dict({"drift": {}, "train_rows": "many"})
    assert info.value.code == "INVALID_ARGUMENT" and info.value.violations
    with pytest.raises(ReportDecodeError):
        Report.from_json("not json")


def test_html_is_self_contained_and_escaped(report):
    page = render_html(report)
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page
    assert "<script" not in page.lower()
    assert not re.search(r"https?://", page)
    assert "<link" not in page.lower() and "@import" not in page and "url(" not in page
    assert "Diamonds &lt;test&gt; &amp; co" in page and "<test>" not in page
    assert "e&lt;mail&gt;" in page
    assert "none (empirical only)" in page
    for svg in re.findall(r"<svg.*?</svg>", page, flags=re.S):
        ET.fromstring(svg)  # every plot is well-formed markup
    for needle in ("Column shapes", "Pair trends", "Detection AUC", "Exact copies", "DCR share", "PII replay"):
        assert needle in page
    assert any(w.split(" ")[0] in page for w in report.warnings)


def test_html_escapes_hostile_column_names_and_stays_small():
    rng = np.random.default_rng(0)
    n = 1500
    columns = {"<b>x</b>": rng.normal(size=n)}
    kinds = {"<b>x</b>": "numeric"}
    for i in range(19):
        name = f"col_{i}\"'<&>"
        if i % 2:
            columns[name] = rng.normal(i, 1 + i, size=n)
            kinds[name] = "numeric"
        else:
            columns[name] = rng.choice([f"<i>cat{j}</i>" for j in range(30)], size=n)
            kinds[name] = "categorical"
    frame = pd.DataFrame(columns)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReportWarning)
        report = build_report(
            train=frame.iloc[:500], holdout=frame.iloc[500:1000], synthetic=frame.iloc[1000:], kinds=kinds,
            guarantee=PrivacyGuarantee.differential_privacy(epsilon=1.0, delta=1e-5),
        )
    assert len(report.drift.pairs) == 45  # 190 candidate pairs, capped
    page = render_html(report)
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
    assert "<i>cat" not in page
    assert "(1, 1e-05)-differential privacy" in page
    assert len(page.encode()) < 1024 * 1024
    for svg in re.findall(r"<svg.*?</svg>", page, flags=re.S):
        ET.fromstring(svg)
