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

from veil.reports.assemble import build_report
from veil.reports.errors import ReportDecodeError, ReportWarning
from veil.reports.model import (
    ColumnDrift,
    DriftReport,
    LeakageReport,
    PiiReplay,
    PrivacyGuarantee,
    Report,
    TextColumnReport,
    TextDiversity,
    TextDrift,
    TextLeakage,
    Utility,
)
from veil.reports.render import render_html, render_json


@pytest.fixture(scope="module")
def report(parts, kinds) -> Report:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReportWarning)
        return build_report(
            train=parts["train"],
            holdout=parts["holdout"].iloc[:150],
            synthetic=parts["fresh"],
            kinds=kinds,
            target_column="price",
            seed=2,
            title="Diamonds <test> & co",
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
            columns=[
                ColumnDrift(
                    column="c", kind="numeric", metric="KSComplement", score_vs_holdout=math.nan, score_vs_train=1
                )
            ],
            column_shape_score=math.nan,
            pair_trend_score=math.nan,
            detection_auc=math.nan,
            utility=Utility(target_column="c", task="regression", metric="r2", synthetic_score=-0.5, real_score=0.9),
        ),
        leakage=LeakageReport(
            exact_copies=0, exact_copy_share=0, dcr_share=math.nan, dcr_median=math.nan, nndr_median=math.nan
        ),
        privacy_guarantee=PrivacyGuarantee.none(),
        train_rows=1,
        holdout_rows=1,
        synthetic_rows=1,
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
            train=frame.iloc[:500],
            holdout=frame.iloc[500:1000],
            synthetic=frame.iloc[1000:],
            kinds=kinds,
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


# ---------------------------------------------------------------- text columns


def _text_column(*, nan: bool = False, generation: dict | None = None) -> TextColumnReport:
    """A hand-built text column report (no engines); ``nan`` leaves some scores not computable."""
    missing = math.nan
    return TextColumnReport(
        column='<note> & "memo"',
        engine="llm_rewrite",
        drift=TextDrift(
            length_ks=0.8766,
            vocab_tv=missing if nan else 0.7123,
            embedding_mmd=0.01234,
            embedding_auc=missing if nan else 0.6789,
            cluster_coverage=0.85,
            mean_tokens_real=23.44,
            mean_tokens_synthetic=21.06,
        ),
        diversity=TextDiversity(
            distinct_1=0.4321,
            distinct_2=0.8642,
            vendi=12.34,
            vendi_real=missing if nan else 15.67,
            cluster_coverage=0.9,
            duplicate_share=0.015,
        ),
        leakage=TextLeakage(
            longest_overlap_max=17,
            longest_overlap_p50=4.0,
            longest_overlap_p95=missing if nan else 9.5,
            share_over_threshold=0.0125,
            threshold=8,
            pii_replay=3,
            canaries_planted=5,
            canaries_exposed=2,
            canary_exposure=0.4,
        ),
        generation=generation
        if generation is not None
        else {
            "generator_model": "gen-<model>",
            "judge_model": "judge-model",
            "prompts": ["paraphrase@v2", "persona@v1"],
            "candidates": 1234,
            "kept": 987,
            "selected": 600,
            "rejected": {"judge_low_score": 150, "verbatim_overlap": 97},
            "diversity_before": {"distinct_1": 0.31, "distinct_2": 0.62, "vendi": 9.87},
            "diversity_after": {"distinct_1": 0.43, "distinct_2": 0.86, "vendi": 12.34},
            "usage": {
                "requests": 2345,
                "retries": 7,
                "prompt_tokens": 123456,
                "completion_tokens": 65432,
                "cost": 1.2345,
                "failures": {},
                "retry_reasons": {"rate_limited": 7},
            },
            "unfilled_rows": 2,
            "private_evolution": {"iterations": 3, "sigma": 1.5},
        },
        warnings=["texts <b>cluster</b> in few topics"],
    )


def _report_with_text(*text_columns: TextColumnReport) -> Report:
    return Report(
        drift=DriftReport(column_shape_score=0.9, pair_trend_score=math.nan, detection_auc=0.55),
        leakage=LeakageReport(exact_copies=0, exact_copy_share=0, dcr_share=0.5, dcr_median=1.0, nndr_median=0.8),
        privacy_guarantee=PrivacyGuarantee.none(),
        train_rows=10,
        holdout_rows=5,
        synthetic_rows=10,
        text_columns=list(text_columns),
    )


def _section(page: str) -> str:
    start = page.index("<h2>Text columns</h2>")
    return page[start : page.index("<footer>", start)]


def test_html_text_column_section_shows_numbers_escaped():
    page = render_html(_report_with_text(_text_column()))
    section = _section(page)
    assert "&lt;note&gt; &amp; &quot;memo&quot;" in section and "<note>" not in page
    assert "llm_rewrite" in section
    # drift
    for needle in ("0.877", "0.712", "0.0123", "0.679", "85.0%", "23.4 / 21.1"):
        assert needle in section, needle
    # diversity: synthetic vs real Vendi, distinct-n, duplicates
    assert re.search(r"Vendi score</td><td class=\"num\">12\.34</td><td class=\"num\">15\.67</td>", section)
    for needle in ("0.432", "0.864", "90.0%", "1.5%"):
        assert needle in section, needle
    # leakage
    assert "17 / 4.0 / 9.5" in section
    assert "Share with an overlap of 8+ tokens" in section and "1.2%" in section
    assert "2 / 5" in section and "exposure 40.0%" in section
    assert re.search(r"PII replay</td><td class=\"num\">3</td>", section)
    # generation
    assert "gen-&lt;model&gt;" in section and "judge-model" in section
    assert "paraphrase@v2, persona@v1" in section
    assert "1,234 \u2192 987 \u2192 600" in section
    assert "judge_low_score: 150, verbatim_overlap: 97" in section
    assert "2,345 / 7" in section and "rate_limited: 7" in section
    assert "123,456 / 65,432" in section and "1.2345" in section
    assert "9.87 \u2192 12.34" in section and "0.31 \u2192 0.43" in section
    assert re.search(r"Unfilled rows</td><td class=\"num\">2</td>", section)
    assert "Private Evolution: sigma" in section
    # the column's warnings, escaped
    assert "texts &lt;b&gt;cluster&lt;/b&gt; in few topics" in section and "<b>cluster</b>" not in page
    assert "<script" not in page.lower()


def test_html_text_column_nan_and_sparse_generation():
    page = render_html(_report_with_text(_text_column(nan=True, generation={"templates": 4, "slots": ["<x>"]})))
    section = _section(page)
    assert "nan" not in section.lower().replace("canaries", "")
    assert "n/a" in section and "4.0 / n/a" in section
    assert re.search(r"Vendi score</td><td class=\"num\">12\.34</td><td class=\"num\">n/a</td>", section)
    assert "&lt;x&gt;" in section and "<x>" not in page
    assert "Prompt versions" not in section and "LLM requests" not in section


def test_html_without_text_columns_has_no_text_section(report):
    assert report.text_columns == []
    assert "Text columns" not in render_html(report)
    assert "Text columns" not in render_html(_report_with_text())


def test_json_round_trip_with_text_column_and_nan_scores():
    original = _report_with_text(_text_column(nan=True), _text_column())
    text = render_json(original)
    back = Report.from_json(text)
    assert back == original
    assert render_json(back) == text
    data = json.loads(text)["text_columns"][0]
    assert data["drift"]["vocab_tv"] is None and data["diversity"]["vendi_real"] is None
    assert data["leakage"]["longest_overlap_p95"] is None and data["leakage"]["longest_overlap_max"] == 17
    assert math.isnan(back.text_columns[0].drift.embedding_auc)
    assert back.text_columns[1].generation == original.text_columns[1].generation
    assert render_html(back) == render_html(original)
