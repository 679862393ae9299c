"""The release gate: coincidences are replaced, learned raw values refuse the release."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.unit.privacy.conftest import KEY
from veil.privacy.errors import PiiReplayError
from veil.privacy.leakage.gate import release_gate
from veil.privacy.pii import SurrogateFactory
from veil.privacy.pii.fingerprints import PiiFingerprints

RAW = ["Jane Roe", "jane.roe@example.com", "(212) 555-0187"]


@pytest.fixture
def fingerprints() -> PiiFingerprints:
    fp = PiiFingerprints(KEY)
    fp.update(RAW)
    return fp


def _factory(fp: PiiFingerprints) -> SurrogateFactory:
    return SurrogateFactory(KEY + b"fresh", avoid=fp)


def test_replay_runs_are_maximal_and_positioned(fingerprints) -> None:
    text = "Call Jane Roe at (212) 555-0187 today."
    runs = fingerprints.replay_runs(text)
    assert [text[s:e] for s, e in runs] == ["Jane Roe", "212) 555-0187"]
    assert fingerprints.replay_runs("Jane Rose called") == []
    assert fingerprints.replay_runs("jane roe") == [(0, 8)]


def test_fresh_coincidences_and_text_runs_are_replaced(fingerprints) -> None:
    frame = pd.DataFrame(
        {
            "customer": ["Jane Roe", "Ann Lee", None],
            "note": ["Jane Roe asked for a refund.", "Ann Lee wrote jane.roe@example.com twice.", "nothing"],
            "cut": ["Ideal", "Good", "Good"],
        }
    )
    outcome = release_gate(
        frame,
        fingerprints=fingerprints,
        fresh_columns={"customer": "PERSON"},
        text_columns=["note"],
        label_columns=["cut"],
        factory=_factory(fingerprints),
    )
    assert outcome.releasable
    out = outcome.frame
    assert out.loc[0, "customer"] != "Jane Roe" and out.loc[1, "customer"] == "Ann Lee"
    # the row's note follows its replaced name; the other note's run is replaced in place
    assert out.loc[0, "note"] == f"{out.loc[0, 'customer']} asked for a refund."
    assert out.loc[1, "note"].startswith("Ann Lee wrote ") and "jane.roe@" not in out.loc[1, "note"]
    assert "@" in out.loc[1, "note"]
    assert outcome.replaced == {"customer": 1, "note": 2}
    assert fingerprints.count_replays(out) == {}
    assert frame.loc[0, "customer"] == "Jane Roe"  # the input is not modified
    outcome.raise_if_refused()


def test_a_learned_column_is_refused_not_patched(fingerprints) -> None:
    frame = pd.DataFrame({"referrer": ["Website", "Jane Roe", "Jane Roe", "Friend"], "n": [1, 2, 3, 4]})
    outcome = release_gate(
        frame,
        fingerprints=fingerprints,
        fresh_columns={},
        text_columns=[],
        label_columns=["referrer"],
        factory=_factory(fingerprints),
    )
    assert not outcome.releasable and outcome.remaining == {"referrer": 2}
    assert outcome.frame["referrer"].tolist() == frame["referrer"].tolist()
    with pytest.raises(PiiReplayError) as info:
        outcome.raise_if_refused()
    error = info.value
    assert error.code == "FAILED_PRECONDITION" and error.reason == "PII_REPLAY"
    assert error.violations == [("columns.referrer", "2 cell(s) carry a raw PII value of the input")]
    assert "Jane" not in str(error)


def test_a_generated_date_equal_to_a_birth_date_is_shifted(fingerprints) -> None:
    fingerprints.add("1984-03-12")
    frame = pd.DataFrame({"issued": ["2019-05-01", "1984-03-12", None]})
    outcome = release_gate(
        frame,
        fingerprints=fingerprints,
        fresh_columns={},
        text_columns=[],
        label_columns=[],
        factory=_factory(fingerprints),
        date_columns=["issued"],
    )
    assert outcome.releasable and outcome.replaced == {"issued": 1}
    shifted = outcome.frame.loc[1, "issued"]
    assert shifted != "1984-03-12" and pd.to_datetime(shifted).year in (1983, 1984, 1985)
    assert outcome.frame.loc[0, "issued"] == "2019-05-01"
