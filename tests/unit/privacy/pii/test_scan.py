"""Column classification on the demo table."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from tests.unit.privacy.conftest import CANDIDATES, PII_COLUMNS
from veil.privacy.errors import PrivacyError, PrivacyInvalidArgumentError, UnknownSpacyModelError
from veil.privacy.pii import ColumnScan, PiiEngine, TableScan


def test_demo_columns_classify(scan: TableScan) -> None:
    kinds = {c: (s.kind, s.entity_type) for c, s in scan.columns.items()}
    assert kinds["customer_name"] == ("pii", "PERSON")
    assert kinds["email"] == ("pii", "EMAIL_ADDRESS")
    assert kinds["phone"] == ("pii", "PHONE_NUMBER")
    assert kinds["address"][0] == "pii"
    assert kinds["address"][1] in {"ADDRESS", "LOCATION"}
    assert kinds["note"] == ("text", None)
    for column in ("order_id", "cut", "color", "clarity"):
        assert kinds[column] == ("none", None), column
    assert set(scan.columns) == set(CANDIDATES) | {"note"}
    assert scan.scanned_rows == 2000


def test_scan_numbers_are_sane(scan: TableScan) -> None:
    for column in PII_COLUMNS:
        s = scan.columns[column]
        assert 0.5 <= s.confidence <= 1.0
        assert s.entities[0].entity_type == s.entity_type
        assert s.entities[0].cell_share >= 0.8
        assert 0 < s.scanned_cells <= 200
    note = scan.columns["note"]
    shares = {e.entity_type: e.cell_share for e in note.entities}
    assert shares["PERSON"] > 0.5
    assert {"EMAIL_ADDRESS", "PHONE_NUMBER"} <= set(shares)
    assert all(0 <= e.cell_share <= 1 and 0 <= e.mean_score <= 1 for e in note.entities)


def test_masked_samples_hold_no_raw_pii(scan: TableScan, demo: pd.DataFrame) -> None:
    raw = {v for c in PII_COLUMNS for v in demo[c]}
    first_names = {v.split()[0] for v in demo["customer_name"]}
    for column, s in scan.columns.items():
        assert len(s.masked_samples) <= 3
        for sample in s.masked_samples:
            assert not any(v in sample for v in raw), column
            if column in PII_COLUMNS:
                assert sample == f"<{s.entity_type}>"
    note_samples = " ".join(scan.columns["note"].masked_samples)
    assert "<" in note_samples
    assert not any(f" {n} " in note_samples for n in first_names)


def test_scan_round_trips_through_json(scan: TableScan) -> None:
    data = json.loads(json.dumps(scan.to_dict()))
    again = TableScan.from_dict(data)
    assert again.to_dict() == scan.to_dict()
    assert again.pii_columns == scan.pii_columns
    assert ColumnScan.from_dict(scan.columns["email"].to_dict()) == scan.columns["email"]


def test_scan_is_seeded(engine: PiiEngine, demo: pd.DataFrame, scan: TableScan) -> None:
    again = engine.scan_table(demo, text_columns=["note"], candidate_columns=CANDIDATES)
    assert again.to_dict() == scan.to_dict()


def test_bad_scan_request_reports_all_columns(engine: PiiEngine, demo: pd.DataFrame) -> None:
    with pytest.raises(PrivacyInvalidArgumentError) as info:
        engine.scan_table(demo, text_columns=["nope_text"], candidate_columns=["nope", "email"])
    err = info.value
    assert err.code == "INVALID_ARGUMENT"
    assert {field for field, _ in err.violations} == {"nope", "nope_text"}


def test_invalid_scan_dict_is_rejected() -> None:
    with pytest.raises(PrivacyError):
        ColumnScan.from_dict({"column": "a", "kind": "weird", "entity_type": None, "confidence": 1.0})
    with pytest.raises(PrivacyError):
        TableScan.from_dict({"columns": {}})


def test_unknown_spacy_model_fails_fast() -> None:
    with pytest.raises(UnknownSpacyModelError) as info:
        PiiEngine(spacy_model="xx_no_such_model_here")
    assert info.value.code == "FAILED_PRECONDITION"
    assert info.value.reason == "SPACY_MODEL_NOT_FOUND"
    assert info.value.violations[0][0] == "spacy_model"


def test_bad_engine_config_collects_violations() -> None:
    with pytest.raises(PrivacyInvalidArgumentError) as info:
        PiiEngine(score_threshold=2.0, batch_size=0)
    assert {f for f, _ in info.value.violations} == {"score_threshold", "batch_size"}
