from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

from veil.service.arrow_io import decode_ipc, encode_ipc, iter_ipc_chunks


def test_chunks_stay_under_limit_and_round_trip():
    table = pa.table({"n": list(range(20_000)), "s": ["x" * 200] * 20_000})
    chunks = list(iter_ipc_chunks(table, batch_rows=20_000, max_bytes=512 * 1024))
    assert len(chunks) > 1
    assert all(len(data) <= 512 * 1024 for data, _, _ in chunks)
    assert [offset for _, _, offset in chunks] == sorted(offset for _, _, offset in chunks)
    rebuilt = pa.concat_tables(decode_ipc(data) for data, _, _ in chunks)
    assert rebuilt.equals(table)
    assert sum(rows for _, rows, _ in chunks) == table.num_rows


def test_a_stream_with_corrupt_buffers_is_refused_not_read():
    """Offsets past the data read fine but crash Arrow kernels run on them (utf8_length segfaults)."""
    table = pa.table({"s": pa.array(["abc", "def"], type=pa.large_string())})
    offsets, corrupt = np.array([0, 3, 6], dtype=np.int64).tobytes(), np.array([0, 3, 1 << 40], dtype=np.int64)
    data = encode_ipc(table)
    assert data.count(offsets) == 1
    with pytest.raises(pa.ArrowInvalid):
        decode_ipc(data.replace(offsets, corrupt.tobytes()))


def test_a_parquet_file_goes_out_a_row_group_at_a_time(tmp_path, monkeypatch):
    from veil.service.storage import artifacts

    monkeypatch.setattr(artifacts, "ROW_GROUP_ROWS", 3_000)  # small groups: a few thousand rows reach several
    table = pa.table({"n": list(range(10_000)), "s": [f"row {i}" * 20 for i in range(10_000)]})
    path = tmp_path / "synthetic.parquet"
    artifacts.ArtifactStore.write_table(path, table)
    import pyarrow.parquet as pq

    assert pq.ParquetFile(path).metadata.num_row_groups == 4
    seen = []

    def batches():
        for batch in artifacts.ArtifactStore.iter_batches(path, batch_rows=2_500):
            seen.append(batch.num_rows)
            yield batch

    chunks = []
    for chunk in iter_ipc_chunks(batches(), batch_rows=2_500, max_bytes=128 * 1024):
        chunks.append(chunk)
        assert len(seen) <= len(chunks)  # batches are read as chunks go out, not all up front
    assert max(seen) <= 2_500 and sum(seen) == table.num_rows
    assert all(len(data) <= 128 * 1024 for data, _, _ in chunks)
    offsets = [offset for _, _, offset in chunks]
    assert offsets == [sum(rows for _, rows, _ in chunks[:k]) for k in range(len(chunks))]  # no gap, no overlap
    assert pa.concat_tables(decode_ipc(data) for data, _, _ in chunks).equals(table)
