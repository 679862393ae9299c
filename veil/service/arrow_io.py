"""Arrow IPC on the wire: decode uploaded chunks, cut outgoing batches under a size limit."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyarrow as pa

# Leaves room for the protobuf envelope under gRPC's 4 MiB default.
DEFAULT_MAX_IPC_BYTES = 3 * 1024 * 1024 + 512 * 1024


def decode_ipc(data: bytes) -> pa.Table:
    """One Arrow IPC stream (schema + batches) -> a table. Raises pa.ArrowInvalid if unreadable.

    The table is validated in full: a stream whose buffers are corrupt can still be read, and Arrow
    kernels run on it (string lengths, casts) may then read out of bounds and crash the process.
    """
    with pa.ipc.open_stream(pa.BufferReader(data)) as reader:
        table = reader.read_all()
    try:  # pyarrow decodes field names lazily, and raises on bytes that are not UTF-8
        table.validate(full=True)
    except UnicodeDecodeError:
        raise pa.ArrowInvalid("a column name is not valid UTF-8") from None
    return table


def encode_ipc(table: pa.Table | pa.RecordBatch) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        if isinstance(table, pa.RecordBatch):
            writer.write_batch(table)
        else:
            writer.write_table(table)
    return sink.getvalue().to_pybytes()


def iter_ipc_chunks(
    table: pa.Table | Iterable[pa.RecordBatch], *, batch_rows: int = 10_000, max_bytes: int = DEFAULT_MAX_IPC_BYTES
) -> Iterator[tuple[bytes, int, int]]:
    """Yield (ipc_bytes, row_count, row_offset), each IPC stream under max_bytes.

    ``table`` may be a stream of record batches (a Parquet file read row group by row group): each is
    cut on its own, so no more than one is held at a time. A slice that serialises too large is halved
    until it fits; a single row larger than the limit raises ValueError.
    """
    batches = [table] if isinstance(table, pa.Table) else table
    offset = 0
    rows = max(1, batch_rows)
    for part in batches:
        start, n = 0, part.num_rows
        while start < n:
            take = min(rows, n - start)
            while True:
                piece = part.slice(start, take)
                data = encode_ipc(piece.combine_chunks() if isinstance(piece, pa.Table) else piece)
                if len(data) <= max_bytes:
                    break
                if take == 1:
                    raise ValueError(f"row {offset} alone exceeds {max_bytes} bytes")
                take = max(1, take // 2)
            yield data, take, offset
            start += take
            offset += take
