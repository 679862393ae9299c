"""Keyed consistent scrubbing of the demo table and of free texts."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from tests.unit.privacy.conftest import KEY, OTHER_KEY, PII_COLUMNS
from veil.privacy.errors import PrivacyInvalidArgumentError
from veil.privacy.pii import PiiEngine, TableScan

PHONE_RE = re.compile(r"^\(\d{3}\) \d{3}-\d{4}$")
EMAIL_RE = re.compile(r"^[a-z0-9._+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$")


def _blob(frame: pd.DataFrame) -> str:
    return "\n".join("\x1f".join(map(str, row)) for row in frame.itertuples(index=False))


def test_no_raw_pii_value_survives(scrubbed, demo: pd.DataFrame) -> None:
    result, _ = scrubbed
    blob = _blob(result.frame)
    leaked = [c for c in PII_COLUMNS for v in demo[c].unique() if v in blob]
    assert leaked == []


def test_shape_columns_and_untouched_columns(scrubbed, demo: pd.DataFrame) -> None:
    result, _ = scrubbed
    out = result.frame
    assert out.shape == demo.shape
    assert list(out.columns) == list(demo.columns)
    for column in ["order_id", "carat", "cut", "color", "clarity", "depth", "table", "price", "x", "y", "z"]:
        pd.testing.assert_series_equal(out[column], demo[column])
    assert result.replaced_cells["customer_name"] == len(demo)
    assert 0 < result.replaced_cells["note"] <= len(demo)
    assert set(result.replaced_cells) == set(PII_COLUMNS) | {"note"}


def test_formats_are_preserved(scrubbed, demo: pd.DataFrame) -> None:
    out = scrubbed[0].frame
    assert out["phone"].map(lambda v: bool(PHONE_RE.match(v))).all()
    assert out["email"].map(lambda v: bool(EMAIL_RE.match(v))).all()
    assert out["customer_name"].map(lambda v: len(v.split()) == 2 and v.istitle()).mean() > 0.95
    assert out["address"].str.count(",").eq(2).all()
    assert (out[PII_COLUMNS].to_numpy() != demo[PII_COLUMNS].to_numpy()).all()


def test_same_value_same_surrogate_in_columns_and_notes(scrubbed, demo: pd.DataFrame) -> None:
    out = scrubbed[0].frame
    # Rows sharing a raw value share the surrogate.
    for column in PII_COLUMNS:
        pairs = pd.DataFrame({"raw": demo[column], "fake": out[column]})
        assert pairs.groupby("raw")["fake"].nunique().max() == 1
    # The note mentions the row's own name/email/phone/address: it must carry the same surrogates.
    checked = 0
    for i in range(len(demo)):
        note_in, note_out = demo.at[i, "note"], out.at[i, "note"]
        for column in PII_COLUMNS:
            if demo.at[i, column] in note_in:
                assert out.at[i, column] in note_out, (i, column)
                checked += 1
    assert checked > 1000


def test_replays_and_fingerprints(scrubbed, demo: pd.DataFrame) -> None:
    result, _ = scrubbed
    fp = result.fingerprints
    assert fp.count_replays(result.frame) == {}
    assert all(v in fp for v in demo["email"].head(50))
    assert fp.count_replays(demo)["customer_name"] == len(demo)
    assert fp.count_replays(demo)["note"] > 0


def test_progress_is_reported(scrubbed) -> None:
    progress = scrubbed[1]
    assert progress[0] == 0.0 and progress[-1] == 1.0
    assert all(0.0 <= p <= 1.0 for p in progress)
    assert progress == sorted(progress)


def test_other_key_gives_other_surrogates_and_nulls_stay(
    engine: PiiEngine, demo: pd.DataFrame, scan: TableScan
) -> None:
    small = demo.head(60).copy()
    small.loc[[3, 7], "customer_name"] = None
    small.loc[5, "note"] = np.nan
    a = engine.scrub_table(small, scan=scan, key=KEY).frame
    b = engine.scrub_table(small, scan=scan, key=OTHER_KEY).frame
    again = engine.scrub_table(small, scan=scan, key=KEY).frame
    pd.testing.assert_frame_equal(a, again)
    assert a["customer_name"].isna().sum() == 2 and a.at[3, "customer_name"] is None
    assert pd.isna(a.at[5, "note"])
    same = (a["email"] == b["email"]).mean()
    assert same < 0.05
    assert (a["phone"] != b["phone"]).mean() > 0.95


def test_scrub_rejects_bad_requests(engine: PiiEngine, demo: pd.DataFrame, scan: TableScan) -> None:
    with pytest.raises(PrivacyInvalidArgumentError) as info:
        engine.scrub_table(demo.drop(columns=["email"]), scan=scan, key=b"")
    fields = {f for f, _ in info.value.violations}
    assert "key" in fields


def test_scrub_texts_offsets_and_consistency(engine: PiiEngine) -> None:
    texts = [
        "Call Maria Gonzalez on (212) 555-0187 or mail maria.gonzalez@example.com.",
        "Maria Gonzalez paid with card 4111 1111 1111 1111 on 2023-04-05.",
        "Nothing to see here.",
    ]
    out = engine.scrub_texts(texts, key=KEY)
    assert out[2].text == texts[2] and out[2].spans == []
    for original, scrubbed in zip(texts[:2], out[:2]):
        assert scrubbed.spans
        for span in scrubbed.spans:
            assert original[span.start : span.end] not in scrubbed.text or span.entity_type == "DATE_TIME"
    kinds = {s.entity_type for s in out[0].spans}
    assert {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"} <= kinds
    # The same name gets the same surrogate in both texts.
    name0 = [out[0].text for s in out[0].spans if s.entity_type == "PERSON"]
    assert name0
    fake = engine.scrub_texts(["Maria Gonzalez"], key=KEY)[0].text
    assert fake != "Maria Gonzalez" and fake in out[0].text and fake in out[1].text
    assert "Maria" not in out[0].text and "555-0187" not in out[0].text
    assert "4111 1111 1111 1111" not in out[1].text


def test_analyze_texts_spans_do_not_overlap(engine: PiiEngine) -> None:
    text = "Email robert.sims2@hotmail.com or visit 8565 Braun Throughway Suite 037, Richardberg, PW 23948."
    spans = engine.analyze_texts([text])[0]
    kinds = {text[s.start : s.end]: s.entity_type for s in spans}
    assert kinds.get("robert.sims2@hotmail.com") == "EMAIL_ADDRESS"
    assert kinds.get("8565 Braun Throughway Suite 037, Richardberg, PW 23948") == "ADDRESS"
    ordered = sorted(spans, key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in zip(ordered, ordered[1:]))


def test_name_in_a_note_follows_the_rows_name_column(scrubbed, demo: pd.DataFrame) -> None:
    out = scrubbed[0].frame
    checked = 0
    for raw_name, note, stand_in, scrubbed_note in zip(
        demo["customer_name"], demo["note"], out["customer_name"], out["note"]
    ):
        first = raw_name.split()[0]
        if re.search(rf"\b{re.escape(first)}\b", note):
            checked += 1
            assert stand_in.split()[0] in scrubbed_note, (stand_in, scrubbed_note)
    assert checked > 100


def test_batches_share_one_mapping(engine, demo: pd.DataFrame, scan) -> None:
    scrubber = engine.table_scrubber(scan=scan, key=KEY, allow_list=engine.allow_list_for(demo, scan))
    first = scrubber.scrub(demo.iloc[:700])
    second = scrubber.scrub(demo.iloc[700:])
    both = pd.concat([first, second])
    stand_ins = both.groupby(demo["email"].to_numpy())["email"].nunique()
    assert (stand_ins == 1).all()  # a value seen in both batches keeps its surrogate
    assert scrubber.replaced_cells["email"] == len(demo)
    assert (both["email"].to_numpy() != demo["email"].to_numpy()).all()


def test_table_scrubber_rejects_a_batch_without_the_scanned_columns(engine, demo, scan) -> None:
    scrubber = engine.table_scrubber(scan=scan, key=KEY)
    with pytest.raises(PrivacyInvalidArgumentError) as info:
        scrubber.scrub(demo.drop(columns=["phone"]))
    assert [v[0] for v in info.value.violations] == ["phone"]


def test_dates_of_one_person_shift_together(engine) -> None:
    frame = pd.DataFrame(
        {
            "patient": ["Ann Lee", "Ann Lee", "Bo Chan", "Cy Diaz"] * 20,
            "dob": ["1980-01-01", "1980-01-01", "1980-01-01", "1980-01-01"] * 20,
            "note": [
                "Ann Lee, DOB 1980-01-01, came in.",
                "Seen again.",
                "Bo Chan was born 1980-01-01.",
                "Nothing to add.",
            ]
            * 20,
        }
    )
    scan = TableScan.from_dict(
        {
            "columns": {
                "patient": {"column": "patient", "kind": "pii", "entity_type": "PERSON", "confidence": 1.0},
                "dob": {"column": "dob", "kind": "pii", "entity_type": "DATE_OF_BIRTH", "confidence": 1.0},
                "note": {"column": "note", "kind": "text", "entity_type": None, "confidence": 1.0},
            },
            "scanned_rows": 80,
        }
    )
    out = engine.scrub_table(frame, scan=scan, key=KEY).frame
    shifted = dict(zip(out["patient"], out["dob"]))
    assert len(set(out["dob"])) == 3  # one shift per person, so three dates for one original
    assert "1980-01-01" not in set(out["dob"]) and not out["note"].str.contains("1980-01-01").any()
    # The note's birth date moves with its own row's person: it equals the dob column's surrogate.
    ann = out["patient"].iloc[0]
    assert shifted[ann] in out["note"].iloc[0]


def test_a_streamed_table_never_emits_a_later_batch_value_as_a_surrogate(
    engine: PiiEngine, demo: pd.DataFrame, scan: TableScan
) -> None:
    first = demo.iloc[:50].reset_index(drop=True)
    # The surrogate this key gives the first row's customer, planted as a raw customer of a later batch.
    planted = engine.table_scrubber(scan=scan, key=KEY).scrub(first).at[0, "customer_name"]
    later = demo.iloc[50:100].reset_index(drop=True)
    later.loc[0, "customer_name"] = planted
    later.loc[0, "note"] = f"Customer {planted} asked for a call back."

    def blob_of(scrubber) -> str:
        return _blob(scrubber.scrub(first)) + "\n" + _blob(scrubber.scrub(later))

    streamed = engine.table_scrubber(scan=scan, key=KEY)
    assert planted in blob_of(streamed)  # batch by batch, the first batch's surrogate is the later raw value
    learned = engine.table_scrubber(scan=scan, key=KEY)
    learned.learn(pd.concat([first, later])[list(scan.pii_columns)])
    assert planted not in blob_of(learned)
