"""Upload validation without gRPC: stream order, decoding, kinds, overrides."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

from veil.service.arrow_io import encode_ipc
from veil.service.errors import InvalidArgument
from veil.service.pipeline.upload import (
    ColumnOverride,
    UploadSpec,
    assemble_table,
    read_stream,
    resolve_kinds,
    split_holdout,
    to_frame,
)


def test_stream_must_start_with_spec():
    with pytest.raises(InvalidArgument) as info:
        read_stream([b"data"], max_chunk_bytes=100)
    assert info.value.reason == "SPEC_REQUIRED"


def test_problems_are_collected_at_once():
    bad = encode_ipc(pa.table({"a": [1, 2]}))
    other = encode_ipc(pa.table({"a": ["x", "y"]}))
    with pytest.raises(InvalidArgument) as info:
        assemble_table([bad, b"junk", other], min_rows=1)
    fields = [f for f, _ in info.value.violations]
    assert fields == ["arrow_ipc"]  # unreadable chunks are reported before schema checks
    with pytest.raises(InvalidArgument) as info:
        assemble_table([bad, other], min_rows=1)
    assert [f for f, _ in info.value.violations] == ["columns[0]"]


def test_overrides_are_validated_together():
    frame = pd.DataFrame({"a": ["x", "y"], "b": [1, 2]})
    spec = UploadSpec(
        overrides=(
            ColumnOverride("missing", "numeric"),
            ColumnOverride("a", "numeric"),
            ColumnOverride("b", "pii:lower"),
        )
    )
    with pytest.raises(InvalidArgument) as info:
        resolve_kinds(frame, spec)
    fields = [f for f, _ in info.value.violations]
    assert fields == [
        "spec.column_overrides[0].column",
        "spec.column_overrides[1].kind",
        "spec.column_overrides[2].kind",
    ]


def test_split_is_seeded_and_disjoint():
    train, holdout = split_holdout(1000, fraction=0.2, seed=4)
    again, _ = split_holdout(1000, fraction=0.2, seed=4)
    other, _ = split_holdout(1000, fraction=0.2, seed=5)
    assert len(holdout) == 200 and not set(train) & set(holdout)
    assert (train == again).all() and not (train == other).all()


def test_dates_outside_the_calendar_and_unknown_time_zones_are_refused_by_position():
    far = encode_ipc(pa.table({"n": [1, 2], "d": pa.array([10**7, 0], pa.date32())}))  # year 29349
    with pytest.raises(InvalidArgument) as info:
        assemble_table([far], min_rows=1)
    assert info.value.violations == [("columns[1]", "holds a date or time outside years 1 to 9999")]
    assert info.value.reason == "VALUE_OUT_OF_RANGE"
    zoned = encode_ipc(pa.table({"t": pa.array([0, 1], pa.timestamp("s", tz="Europe/Paris"))}))
    unknown_zone = zoned.replace(b"Europe/Paris", b"Europe/Parix")  # pyarrow cannot make one directly
    with pytest.raises(InvalidArgument) as info:
        to_frame(assemble_table([unknown_zone], min_rows=1))
    assert [f for f, _ in info.value.violations] == ["columns[0]"] and info.value.reason == "VALUE_OUT_OF_RANGE"
