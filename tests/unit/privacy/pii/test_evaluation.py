"""The PII scorer (veil.privacy.pii.evaluation) on hand-made cases."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from veil.privacy.pii.evaluation import (
    EntityScores,
    altered_cells,
    f_beta,
    false_positives,
    find_leaks,
    format_table,
    leak_rate,
    missed_spans,
    score_columns,
    score_spans,
    table_leaks,
    value_leak_rate,
)

TEXT = "Call Will Page on 020 7946 0958 about the bill."
#        0    5         15   20        30        40
NAME = (5, 14, "PERSON")  # "Will Page"
PHONE = (18, 31, "PHONE_NUMBER")  # "020 7946 0958"


def one(gold, predicted, text=TEXT, **kwargs):
    return score_spans([gold], [predicted], [text], **kwargs)


def test_offsets_of_the_fixture() -> None:
    assert TEXT[NAME[0] : NAME[1]] == "Will Page"
    assert TEXT[PHONE[0] : PHONE[1]] == "020 7946 0958"
    assert TEXT[42:46] == "bill"


def test_full_coverage_scores_one() -> None:
    scores = one([NAME, PHONE], [NAME, PHONE])
    assert scores.span_recall == 1.0
    assert scores.char_precision == 1.0
    assert scores.found_spans == scores.gold_spans == 2
    person = scores.per_entity["PERSON"]
    assert (person.support, person.found, person.typed_found, person.predicted, person.correct) == (1, 1, 1, 1, 1)


def test_nothing_predicted() -> None:
    scores = one([NAME, PHONE], [])
    assert scores.span_recall == 0.0
    assert scores.char_precision is None
    assert scores.per_entity["PERSON"].precision is None
    assert scores.per_entity["PERSON"].f2 is None


def test_partial_coverage_below_80_percent_is_a_miss() -> None:
    # "Will" covers 4 of the 8 alphanumeric characters of "Will Page".
    scores = one([NAME], [(5, 9, "PERSON")])
    assert scores.span_recall == 0.0
    assert scores.per_entity["PERSON"].found == 0
    assert missed_spans([NAME], [(5, 9, "PERSON")], TEXT) == [NAME]


def test_80_percent_rule_boundary() -> None:
    text = "ID ABCDEFGHIJ end"
    gold = [(3, 13, "US_SSN")]  # 10 alphanumeric characters
    assert one(gold, [(3, 11, "US_SSN")], text).span_recall == 1.0  # 8 of 10 covered
    assert one(gold, [(3, 10, "US_SSN")], text).span_recall == 0.0  # 7 of 10


def test_only_alphanumeric_characters_count() -> None:
    # Three predictions that skip the spaces still cover all 11 digits of "020 7946 0958",
    # and a title's "." does not matter.
    pieces = [(18, 21, "PHONE_NUMBER"), (22, 26, "PHONE_NUMBER"), (27, 31, "PHONE_NUMBER")]
    assert one([PHONE], pieces).span_recall == 1.0
    text = "Dear Dr. Smith"
    assert one([(5, 8, "TITLE")], [(5, 7, "TITLE")], text).span_recall == 1.0


def test_recall_is_type_agnostic_and_spans_may_combine() -> None:
    text = "Ship to 12 Long Lane, Leeds LS1 4AB today"
    address = (8, 35, "ADDRESS")
    assert text[address[0] : address[1]] == "12 Long Lane, Leeds LS1 4AB"
    predicted = [(8, 20, "ADDRESS"), (22, 27, "LOCATION"), (28, 35, "POSTCODE")]
    scores = one([address], predicted, text)
    assert scores.span_recall == 1.0
    assert scores.per_entity["ADDRESS"].recall == 1.0
    # "12 Long Lane" alone is 10 of the 21 alphanumeric characters: not found by ADDRESS spans.
    assert scores.per_entity["ADDRESS"].typed_recall == 0.0


def test_precision_with_false_positives() -> None:
    scores = one([NAME, PHONE], [NAME, (42, 46, "PERSON")])
    person = scores.per_entity["PERSON"]
    assert person.predicted == 2 and person.correct == 1
    assert person.precision == 0.5
    assert person.recall == 1.0
    # 8 letters of "WillPage" are right, 4 of "bill" are not.
    assert scores.char_precision == pytest.approx(8 / 12)
    assert scores.span_recall == 0.5
    assert false_positives([NAME, PHONE], [NAME, (42, 46, "PERSON")], TEXT) == [(42, 46, "PERSON")]


def test_predicted_span_needs_half_its_characters_in_gold() -> None:
    # "Page on 020": Page(4) + 020(3) in gold, "on"(2) not -> 7/9 inside: correct.
    assert one([NAME, PHONE], [(10, 21, "PERSON")]).per_entity["PERSON"].correct == 1
    # "the bill" plus "about": nothing in gold.
    assert one([NAME], [(32, 46, "PERSON")]).per_entity["PERSON"].correct == 0
    text = "Page abcdefgh"
    assert one([(0, 4, "PERSON")], [(0, 13, "PERSON")], text).per_entity["PERSON"].correct == 0  # 4 of 12
    assert one([(0, 4, "PERSON")], [(0, 10, "PERSON")], text).per_entity["PERSON"].correct == 0  # 4 of 9
    assert one([(0, 4, "PERSON")], [(0, 9, "PERSON")], text).per_entity["PERSON"].correct == 1  # 4 of 8


def test_char_precision_counts_overlapping_predictions_once() -> None:
    scores = one([NAME], [NAME, (5, 9, "LOCATION")])
    assert scores.char_precision == 1.0
    assert scores.predicted_spans == 2


def test_aliases_map_predicted_labels() -> None:
    text = "born 12/03/1984, seen 01/02/2024"
    gold = [(5, 15, "DATE_OF_BIRTH")]
    predicted = [(5, 15, "DATE_TIME"), (22, 32, "DATE_TIME")]
    plain = one(gold, predicted, text)
    assert plain.per_entity["DATE_OF_BIRTH"].recall == 1.0
    assert plain.per_entity["DATE_OF_BIRTH"].typed_recall == 0.0
    assert plain.per_entity["DATE_OF_BIRTH"].precision is None
    assert plain.per_entity["DATE_TIME"].precision == 0.5
    aliased = one(gold, predicted, text, aliases={"DATE_TIME": "DATE_OF_BIRTH"})
    dob = aliased.per_entity["DATE_OF_BIRTH"]
    assert dob.typed_recall == 1.0
    assert dob.precision == 0.5
    assert "DATE_TIME" not in aliased.per_entity


def test_f2_arithmetic() -> None:
    assert f_beta(0.5, 1.0) == pytest.approx(5 * 0.5 * 1.0 / (4 * 0.5 + 1.0))
    assert f_beta(1.0, 0.5) == pytest.approx(2.5 / 4.5)
    assert f_beta(0.8, 0.6) == pytest.approx(5 * 0.8 * 0.6 / (4 * 0.8 + 0.6))
    assert f_beta(0.8, 0.6, beta=1.0) == pytest.approx(2 * 0.8 * 0.6 / 1.4)
    assert f_beta(0.0, 0.0) == 0.0
    assert f_beta(None, 1.0) is None
    e = EntityScores("X", support=4, found=3, predicted=5, correct=2)
    assert e.f2 == pytest.approx(5 * 0.4 * 0.75 / (4 * 0.4 + 0.75))


def test_scores_over_several_documents() -> None:
    texts = [TEXT, "Mail jo@x.org now", "nothing here"]
    gold = [[NAME, PHONE], [(5, 13, "EMAIL_ADDRESS")], []]
    predicted = [[NAME], [(5, 13, "EMAIL_ADDRESS")], [(0, 7, "PERSON")]]
    scores = score_spans(gold, predicted, texts)
    assert scores.documents == 3
    assert scores.span_recall == pytest.approx(2 / 3)
    assert scores.per_entity["PERSON"].precision == 0.5
    assert scores.per_entity["PHONE_NUMBER"].recall == 0.0
    assert list(scores.per_entity) == sorted(scores.per_entity)
    assert json.loads(json.dumps(scores.to_dict()))["per_entity"]["EMAIL_ADDRESS"]["recall"] == 1.0


def test_bad_input_is_rejected() -> None:
    with pytest.raises(ValueError):
        score_spans([[NAME]], [], [TEXT])
    with pytest.raises(ValueError):
        one([(40, 60, "PERSON")], [])
    with pytest.raises(ValueError):
        one([NAME], [(9, 9, "PERSON")])


def test_format_table() -> None:
    table = format_table(one([NAME, PHONE], [NAME, (42, 46, "PERSON")]))
    lines = table.splitlines()
    assert lines[0] == "| entity | support | predicted | precision | recall | F2 | typed recall |"
    person = next(line for line in lines if line.startswith("| PERSON |"))
    assert person == "| PERSON | 1 | 2 | 0.500 | 1.000 | 0.833 | 1.000 |"
    phone = next(line for line in lines if line.startswith("| PHONE_NUMBER |"))
    assert phone == "| PHONE_NUMBER | 1 | 0 | – | 0.000 | – | 0.000 |"
    assert "0.500" in lines[-1] and "0.667" in lines[-1]


def test_leak_rate_scrubbed_and_kept() -> None:
    original = ["Call Will Page on 020 7946 0958."]
    gold = [[NAME, PHONE]]
    assert leak_rate(original, ["Call Rob Hale on 020 7000 1111."], gold) == 0.0
    assert leak_rate(original, ["Call Rob Hale on 020 7946 0958."], gold) == 0.5
    assert leak_rate(original, original, gold) == 1.0
    # case-insensitive
    assert leak_rate(original, ["Call WILL PAGE on 020 7000 1111."], gold) == 0.5


def test_leak_ignores_the_same_word_used_as_a_word() -> None:
    text = "Will Page will call."
    assert leak_rate([text], ["Ann Lee will call."], [[(0, 9, "PERSON")]]) == 0.0
    # "will" occurs once outside the PII span, so one "will" may stay; two may not.
    first = [[(0, 4, "PERSON")]]
    assert leak_rate([text], ["Ann Page will call."], first) == 0.0
    assert leak_rate([text], [text], first) == 1.0
    # a substring of another word is not an occurrence
    assert leak_rate(["Ann called."], ["Joanna called."], [[(0, 3, "PERSON")]]) == 0.0


def test_leaks_skip_titles_and_report_spans() -> None:
    text = "Mr Page called."
    gold = [[(0, 2, "TITLE"), (3, 7, "PERSON")]]
    assert leak_rate([text], ["Mr Hale called."], gold) == 0.0
    assert find_leaks([text], ["Mr Page called."], gold) == [[(3, 7, "PERSON")]]
    assert leak_rate([text], ["Mr Hale called."], gold, ignore_labels=()) == 0.5


def test_value_leak_rate() -> None:
    assert value_leak_rate(["Ann Lee", "Bob Ray", None], ["x ANN LEE y", "Tom Fox", "z"]) == 0.5
    assert value_leak_rate([], []) == 0.0


def test_table_leaks_and_altered_cells() -> None:
    original = pd.DataFrame(
        {
            "name": ["Ann Lee", "Bob Ray", None],
            "note": ["Ann Lee rang 555-0101.", "No contact.", "Bob Ray rang."],
            "sku": ["A-1", "B-2", "C-3"],
        }
    )
    scrubbed = pd.DataFrame(
        {
            "name": ["Kim Poe", "Bob Ray", None],
            "note": ["Kim Poe rang 555-0101.", "No contact.", "Tim Sol rang."],
            "sku": ["A-1", "B-2", "Z-9"],
        }
    )
    labels = {
        "columns": {
            "name": {"kind": "pii", "entity": "PERSON"},
            "note": {"kind": "text"},
            "sku": {"kind": "none", "decoy": True},
        },
        "text_spans": {"note": {"0": [[0, 7, "PERSON"], [13, 21, "PHONE_NUMBER"]], "2": [[0, 7, "PERSON"]]}},
    }
    leaks = table_leaks(original, scrubbed, labels)
    assert leaks.per_column == {"name": (1, 2), "note": (1, 3)}
    assert (leaks.leaked, leaks.total) == (2, 5)
    assert leaks.rate == pytest.approx(0.4)
    assert json.loads(json.dumps(leaks.to_dict()))["per_column"]["note"] == {"leaked": 1, "total": 3}
    assert altered_cells(original, scrubbed, ["sku"]) == {"sku": 1}


def test_score_columns() -> None:
    labels = {
        "columns": {
            "customer": {"kind": "pii", "entity": "PERSON"},
            "dob": {"kind": "pii", "entity": "DATE_OF_BIRTH"},
            "phone": {"kind": "pii", "entity": "PHONE_NUMBER"},
            "contact": {"kind": "pii", "entity": "PHONE_NUMBER"},
            "notes": {"kind": "text"},
            "part_no": {"kind": "none", "decoy": True},
            "price": {"kind": "none", "decoy": False},
            "order_ref": {"kind": "none", "decoy": True},
        }
    }
    found = {
        "customer": ("pii", "PERSON"),
        "dob": ("pii", "DATE_TIME"),
        "phone": ("categorical", None),
        "contact": ("pii", "PERSON"),
        "notes": ("categorical", None),
        "part_no": ("pii", "US_DRIVER_LICENSE"),
        "price": ("pii", "US_BANK_NUMBER"),
    }
    plain = score_columns(labels, found)
    assert plain.pii_columns == 4
    assert plain.correct == ["customer"]
    assert plain.missed == [("phone", "categorical")]
    assert plain.wrong_entity == [("dob", "DATE_OF_BIRTH", "DATE_TIME"), ("contact", "PHONE_NUMBER", "PERSON")]
    assert plain.flagged_decoys == [("part_no", "US_DRIVER_LICENSE")]
    assert plain.false_pii == [("price", "US_BANK_NUMBER")]
    assert plain.missed_text == [("notes", "categorical")]
    assert not plain.ok
    aliased = score_columns(labels["columns"], found, aliases={"DATE_TIME": "DATE_OF_BIRTH"})
    assert aliased.correct == ["customer", "dob"]
    good = score_columns(
        labels,
        {
            "customer": ("pii", "PERSON"),
            "dob": ("pii", "DATE_OF_BIRTH"),
            "phone": ("pii", "PHONE_NUMBER"),
            "contact": ("pii", "PHONE_NUMBER"),
            "notes": ("text", None),
        },
    )
    assert good.ok
    assert json.loads(json.dumps(good.to_dict()))["ok"] is True
