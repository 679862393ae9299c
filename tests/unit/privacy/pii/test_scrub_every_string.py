"""Every string-valued column is scanned span by span, whatever kind it is modelled as."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.fixtures.survey import CANNED_NOTE, make_survey_table, raw_hits
from tests.unit.privacy.conftest import KEY
from veil.core.inference import infer_kinds
from veil.privacy.pii import PiiEngine
from veil.service.pipeline.scrub import scan_with_kinds


@pytest.fixture(scope="module")
def survey_scrub(engine: PiiEngine):
    frame, planted = make_survey_table(600, seed=8)
    # a note that repeats in one column: categorical, never scanned before
    frame["status"] = ["Open" if i % 3 else "Escalated to Bartholomew Quigley" for i in range(len(frame))]
    planted.add("Bartholomew Quigley")
    kinds, scan = scan_with_kinds(engine, frame, infer_kinds(frame), seed=0)
    result = engine.scrub_table(frame, scan=scan, key=KEY)
    return frame, planted, kinds, scan, result


def test_columns_keep_their_kind_and_are_scrubbed_span_by_span(survey_scrub) -> None:
    _, _, kinds, scan, result = survey_scrub
    assert kinds["status"] == "categorical" and kinds["interview_date"] == "datetime"
    assert kinds["referred_by"] == "categorical"
    assert {"status", "interview_date", "referred_by", "region"} <= set(scan.span_columns)
    assert result.replaced_cells["status"] == 200 and result.replaced_cells["interview_date"] == 1
    assert result.replaced_cells["region"] == 0


def test_nothing_planted_survives(survey_scrub) -> None:
    _, planted, _, _, result = survey_scrub
    assert raw_hits(planted, result.frame.astype(str).to_csv()) == []


def test_untouched_values_keep_their_type_and_text(survey_scrub) -> None:
    frame, _, _, _, result = survey_scrub
    out = result.frame
    assert (out["interviewer_note"] == CANNED_NOTE).sum() == (frame["interviewer_note"] == CANNED_NOTE).sum()
    assert out["region"].tolist() == frame["region"].tolist()
    assert out["age"].tolist() == frame["age"].tolist()


def test_a_label_naming_a_person_is_not_allowed_in_notes(engine: PiiEngine) -> None:
    frame = pd.DataFrame(
        {
            "handler": ["Desk", "Desk", "Bartholomew Quigley", "Desk"] * 10,
            "note": [f"Ticket {i} seen by Bartholomew Quigley at the Desk." for i in range(40)],
        }
    )
    kinds, scan = scan_with_kinds(engine, frame, {"handler": "categorical", "note": "text"}, seed=0)
    allowed = engine.allow_list_for(frame, scan)
    assert "Desk" in allowed and "Bartholomew Quigley" not in allowed and "Quigley" not in allowed
    out = engine.scrub_table(frame, scan=scan, key=KEY).frame
    assert not out["note"].str.contains("Quigley").any() and not out["handler"].str.contains("Quigley").any()


def test_a_value_found_once_is_replaced_wherever_it_appears(engine: PiiEngine) -> None:
    # The detector finds the name after a title; in capitals on a label it does not on its own.
    assert engine.analyze_texts(["ZANELE MOKOENA"]) == [[]]
    frame = pd.DataFrame(
        {"note": ["Please ask Dr. Zanele Mokoena to sign."] * 3, "label": ["ZANELE MOKOENA", "none", "none"]}
    )
    kinds, scan = scan_with_kinds(engine, frame, {"note": "text", "label": "categorical"}, seed=0)
    out = engine.scrub_table(frame, scan=scan, key=KEY).frame
    assert "MOKOENA" not in out["label"].iloc[0] and out["label"].iloc[0].isupper()
    assert "Mokoena" not in out["note"].iloc[0]


def test_a_name_replaced_part_by_part_is_fingerprinted_whole(engine: PiiEngine) -> None:
    # "William" and "Johnson" are each part of another customer's name; in the note they are one person,
    # whose full name must be known to the release gate.
    frame = pd.DataFrame(
        {
            "customer": ["William Xu", "Ann Johnson", "Raj Patel"] * 4,
            "note": ["Her partner William Johnson phoned about the delivery."] * 12,
        }
    )
    kinds, scan = scan_with_kinds(engine, frame, {"customer": "pii:PERSON", "note": "text"}, seed=0)
    result = engine.scrub_table(frame, scan=scan, key=KEY)
    assert "William Johnson" not in result.frame["note"].iloc[0]
    assert "William Johnson" in result.fingerprints and "William Xu" in result.fingerprints


def test_codes_skip_ner_but_not_the_patterns(engine: PiiEngine) -> None:
    spans = engine.analyze_texts(["ORD-100009", "+44-20-7946-0958", "ann.lee2024@example.com", "ORD"])
    assert spans[0] == []  # a code is no place, whatever NER would say of "ORD"
    assert [s.entity_type for s in spans[1]] == ["PHONE_NUMBER"]
    assert [s.entity_type for s in spans[2]] == ["EMAIL_ADDRESS"]


def test_a_known_name_still_reads_as_a_name_around_it(engine: PiiEngine) -> None:
    # The neighbour is another row's customer: masked as a known value while the note is analysed,
    # the number after the name must still read as a phone.
    frame = pd.DataFrame(
        {
            "customer": ["Venessa Lonzo", "Rosario Falak", "Adyson Ramos"] * 3,
            "note": ["Dog bite report; neighbour Venessa Lonzo (3215751046) complained."] * 9,
        }
    )
    kinds, scan = scan_with_kinds(engine, frame, {"customer": "pii:PERSON", "note": "text"}, seed=0)
    out = engine.scrub_table(frame, scan=scan, key=KEY).frame
    assert "3215751046" not in out["note"].iloc[0] and "Lonzo" not in out["note"].iloc[0]
