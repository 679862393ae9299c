from __future__ import annotations

import pyarrow as pa

from veil.service.arrow_io import decode_ipc, iter_ipc_chunks


def test_chunks_stay_under_limit_and_round_trip():
    table = pa.table({"n": list(range(20_000)), "s": ["x" * 200] * 20_000})
    chunks = list(iter_ipc_chunks(table, batch_rows=20_000, max_bytes=512 * 1024))
    assert len(chunks) > 1
    assert all(len(data) <= 512 * 1024 for data, _, _ in chunks)
    assert [offset for _, _, offset in chunks] == sorted(offset for _, _, offset in chunks)
    rebuilt = pa.concat_tables(decode_ipc(data) for data, _, _ in chunks)
    assert rebuilt.equals(table)
    assert sum(rows for _, rows, _ in chunks) == table.num_rows
