"""PiiFingerprints: value-free storage, replay counting and last-line redaction."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.unit.privacy.conftest import KEY, OTHER_KEY
from veil.privacy.errors import FingerprintKeyMismatchError
from veil.privacy.pii import SurrogateFactory
from veil.privacy.pii.fingerprints import PiiFingerprints

RAW = ["Jane Roe", "jane.roe@example.com", "(212) 555-0187", "12 Main Street, Springfield, IL 62701"]


def _fp() -> PiiFingerprints:
    fp = PiiFingerprints(KEY)
    for v in RAW:
        fp.add(v)
    return fp


def test_membership_is_normalised_and_value_free() -> None:
    fp = _fp()
    assert len(fp) == 4
    assert "  JANE   roe " in fp and "Jane Roe." in fp and "Jane Rose" not in fp
    blob = fp.to_bytes()
    assert b"Jane" not in blob and b"example" not in blob


def test_round_trip_and_key_check() -> None:
    fp = _fp()
    again = PiiFingerprints.from_bytes(KEY, fp.to_bytes())
    assert len(again) == len(fp) and all(v in again for v in RAW)
    with pytest.raises(FingerprintKeyMismatchError) as info:
        PiiFingerprints.from_bytes(OTHER_KEY, fp.to_bytes())
    assert info.value.code == "FAILED_PRECONDITION"
    with pytest.raises(FingerprintKeyMismatchError):
        PiiFingerprints.from_bytes(KEY, fp.to_bytes()[:-3])
    assert "Jane Roe" not in PiiFingerprints(OTHER_KEY, fp._digests)


def test_count_replays_finds_planted_values() -> None:
    fp = _fp()
    frame = pd.DataFrame(
        {
            "name": ["Ann Smith", "Jane Roe", "Bob Stone"],
            "note": [
                "Call (212) 555-0187 now.",
                "nothing here",
                "Ship to 12 Main Street, Springfield, IL 62701 (mail JANE.ROE@example.com).",
            ],
            "num": [1, 2, 3],
        }
    )
    assert fp.count_replays(frame) == {"name": 1, "note": 2}
    clean = frame.assign(name=["A", "B", "C"], note=["x", "y", "z"])
    assert fp.count_replays(clean) == {}


def test_redact_replays_replaces_whole_cells() -> None:
    fp = _fp()
    frame = pd.DataFrame({"name": ["Ann Smith", "Jane Roe", None, "jane roe"], "email": ["a@b.com"] * 4})
    factory = SurrogateFactory(KEY, avoid=fp)
    fixed, changed = fp.redact_replays(
        frame, entity_by_column={"name": "PERSON", "email": "EMAIL_ADDRESS"}, factory=factory
    )
    assert changed == 2
    assert fixed.at[0, "name"] == "Ann Smith" and fixed.at[2, "name"] is None
    assert fixed.at[1, "name"] not in fp and fixed.at[3, "name"] not in fp
    assert fp.count_replays(fixed) == {}
    assert frame.at[1, "name"] == "Jane Roe"  # input untouched


def test_redact_replays_catches_contained_values_and_leaves_nothing_to_count() -> None:
    fp = _fp()
    frame = pd.DataFrame({"name": ["Mrs. Jane Roe", "Dr Ann Smith", "Jane Roe-Smith"]})
    factory = SurrogateFactory(KEY, avoid=fp)
    fixed, changed = fp.redact_replays(frame, entity_by_column={"name": "PERSON"}, factory=factory)
    assert fp.count_replays(frame) == {"name": 1}
    assert changed == 1 and fixed.at[1, "name"] == "Dr Ann Smith"
    assert fp.count_replays(fixed) == {}
