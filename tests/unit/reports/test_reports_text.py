"""Text report metrics: canaries and the column report."""

from __future__ import annotations

import hashlib
import json
import math

import numpy as np
import pytest

from tests.fixtures.toy_texts import brute_longest_run as _brute_longest
from tests.fixtures.toy_texts import corpus as _corpus
from veil.core.text import tokens
from veil.reports.text import TextColumnReport, canary_exposure, text_column_report


def _hash_embed(texts):
    """Deterministic hashed bag of words (dim 256), L2-normalised: a stand-in for a real embedder."""
    out = np.zeros((len(texts), 256))
    for r, text in enumerate(texts):
        for tok in tokens(text):
            out[r, int(hashlib.md5(tok.encode()).hexdigest(), 16) % 256] += 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return np.divide(out, norms, out=np.zeros_like(out), where=norms > 0)


def test_canary_exposure_counts():
    canaries = [
        "zebra quartz lantern ocean marble violet harbor piano",  # comes back whole
        "crimson falcon desert whisper copper meadow thunder silk",  # only a 5-token run comes back
        "orbit maple glacier",  # short canary: exposed when all 3 tokens come back in a row
        "...",  # no tokens: not counted
    ]
    synthetic = [
        "hello zebra quartz lantern ocean marble violet harbor piano bye",
        "crimson falcon desert whisper copper and then",
        "it was orbit maple glacier today",
    ]
    assert canary_exposure(canaries, synthetic, threshold=8) == (3, 2)
    assert canary_exposure(canaries, synthetic, threshold=5) == (3, 3)
    assert canary_exposure(canaries, synthetic[1:], threshold=8) == (3, 1)
    assert canary_exposure([], synthetic, threshold=8) == (0, 0)


# --- the column report ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def data():
    return {
        "train": _corpus(600, seed=10),
        "holdout": _corpus(400, seed=11),
        "fresh": _corpus(400, seed=12),
    }


def _report(data, synthetic, **kw):
    args = {
        "column": "note",
        "engine": "test",
        "train": data["train"],
        "holdout": data["holdout"],
        "synthetic": synthetic,
        "embed": _hash_embed,
        "seed": 7,
    }
    args.update(kw)
    return text_column_report(**args)


def test_collapsed_set_scores_low_diversity_and_coverage(data):
    collapsed = [t for t in data["fresh"][:5] for _ in range(50)]
    diverse = _report(data, data["fresh"])
    poor = _report(data, collapsed)
    assert diverse.diversity.cluster_coverage >= 0.8
    assert poor.diversity.cluster_coverage <= 0.3
    assert poor.drift.cluster_coverage == poor.diversity.cluster_coverage
    assert poor.diversity.vendi < 5.5 < diverse.diversity.vendi
    assert diverse.diversity.vendi == pytest.approx(diverse.diversity.vendi_real, rel=0.25)
    assert poor.diversity.distinct_1 < diverse.diversity.distinct_1
    assert poor.diversity.distinct_2 < diverse.diversity.distinct_2
    assert poor.diversity.duplicate_share == pytest.approx(1 - 5 / 250)
    assert diverse.diversity.duplicate_share < 0.05
    assert any("low cluster coverage" in w for w in poor.warnings)
    assert any("near-duplicates" in w for w in poor.warnings)
    assert not any("cluster coverage" in w or "near-duplicates" in w for w in diverse.warnings)


def test_drift_separates_same_from_shifted_distribution(data):
    same = _report(data, data["fresh"])
    # Other topics only, and much shorter texts.
    shifted = _report(data, _corpus(400, seed=13, topics=range(3), length=(3, 5)))
    assert same.drift.length_ks > 0.85 > shifted.drift.length_ks
    assert same.drift.vocab_tv > shifted.drift.vocab_tv + 0.2
    assert same.drift.embedding_mmd < shifted.drift.embedding_mmd
    assert 0.35 < same.drift.embedding_auc < 0.65
    assert shifted.drift.embedding_auc > 0.85
    assert shifted.drift.mean_tokens_synthetic < 6 < same.drift.mean_tokens_synthetic
    # The AUC's interval covers it and narrows with more texts; the texts embedded are stated.
    assert same.drift.embedding_auc_low < 0.52 and same.drift.embedding_auc_high < shifted.drift.embedding_auc_low
    assert same.drift.embedding_auc_low <= same.drift.embedding_auc <= same.drift.embedding_auc_high
    assert same.drift.embedded_texts == 400
    fewer = _report(data, data["fresh"], max_texts=100)
    assert fewer.drift.embedded_texts == 100
    width = same.drift.embedding_auc_high - same.drift.embedding_auc_low
    assert fewer.drift.embedding_auc_high - fewer.drift.embedding_auc_low > 1.5 * width
    assert same.drift.mean_tokens_real == pytest.approx(np.mean([len(tokens(t)) for t in data["holdout"]]))


def test_leakage_of_copied_training_texts(data):
    copies = data["train"][:40]
    synthetic = data["fresh"][:160] + copies
    rep = _report(data, synthetic, threshold=8)
    assert rep.leakage.longest_overlap_max == max(len(tokens(t)) for t in copies)
    expected_share = np.mean([_brute_longest(t, data["train"]) >= 8 for t in synthetic])
    assert rep.leakage.share_over_threshold == pytest.approx(expected_share)
    assert rep.leakage.share_over_threshold >= 40 / 200
    assert any("longest verbatim overlap" in w for w in rep.warnings)
    clean = _report(data, ["completely unrelated words here"] * 3 + [None])
    assert clean.leakage.longest_overlap_max == 0 and clean.leakage.share_over_threshold == 0.0


def test_canaries_in_report(data):
    canary = "zebra quartz lantern ocean marble violet harbor piano"
    rep = _report(data, data["fresh"][:50] + [f"note: {canary}."], canaries=[canary, "never seen canary words at all"])
    assert (rep.leakage.canaries_planted, rep.leakage.canaries_exposed) == (2, 1)
    assert rep.leakage.canary_exposure == pytest.approx(0.5)
    none = _report(data, data["fresh"][:50])
    assert none.leakage.canaries_planted == 0 and math.isnan(none.leakage.canary_exposure)


def test_report_is_deterministic_json_safe_and_ignores_nulls(data):
    synthetic = data["fresh"][:200] + [None, float("nan")]
    a = _report(data, synthetic, max_texts=150)
    b = _report(data, synthetic, max_texts=150)
    assert a.model_dump(mode="json") == b.model_dump(mode="json")
    text = json.dumps(a.model_dump(mode="json"), allow_nan=False)
    assert TextColumnReport.model_validate(json.loads(text)).model_dump(mode="json") == a.model_dump(mode="json")
    assert a.drift.mean_tokens_synthetic == pytest.approx(np.mean([len(tokens(t)) for t in data["fresh"][:200]]))


def test_embedding_failure_degrades_to_nan_and_warning(data):
    def broken(texts):
        raise RuntimeError("boom")

    rep = _report(data, data["fresh"][:50], embed=broken)
    assert math.isnan(rep.drift.embedding_auc) and math.isnan(rep.diversity.vendi)
    assert any("embedding failed" in w for w in rep.warnings)
    assert not math.isnan(rep.drift.length_ks)
    empty = _report(data, [])
    assert math.isnan(empty.drift.length_ks) and empty.leakage.longest_overlap_max == 0
    # Nothing raw in warnings: only column names and numbers.
    assert all("t0w" not in w for w in rep.warnings + empty.warnings)
