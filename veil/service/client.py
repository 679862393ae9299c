"""A thin Python client over the generated stubs, used by the CLI, tests and benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import grpc
import pandas as pd
import pyarrow as pa
from google.longrunning import operations_pb2, operations_pb2_grpc

from veil.service.arrow_io import decode_ipc, iter_ipc_chunks
from veil.v1 import veil_pb2 as pb
from veil.v1 import veil_pb2_grpc

MAX_MESSAGE_BYTES = 16 * 1024 * 1024


def frame_to_arrow(frame: pd.DataFrame) -> pa.Table:
    """pandas -> Arrow; an object column holding several Python types is reported by name."""
    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        for column in frame.columns:
            try:
                pa.array(frame[column], from_pandas=True)
            except (pa.ArrowTypeError, pa.ArrowInvalid):
                raise ValueError(f"column {column!r} holds values of mixed types") from None
        raise


class VeilClient:
    def __init__(self, address: str, token: str, *, timeout: float = 600.0) -> None:
        self.channel = grpc.insecure_channel(address, options=[("grpc.max_receive_message_length", MAX_MESSAGE_BYTES)])
        self.veil = veil_pb2_grpc.VeilStub(self.channel)
        self.operations = operations_pb2_grpc.OperationsStub(self.channel)
        self.metadata = (("authorization", f"Bearer {token}"),)
        self.timeout = timeout

    def close(self) -> None:
        self.channel.close()

    def __enter__(self) -> "VeilClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def wait_ready(self, timeout: float = 30.0) -> None:
        grpc.channel_ready_future(self.channel).result(timeout=timeout)

    # ------------------------------------------------------------ calls
    def upload(
        self,
        frame: pd.DataFrame,
        spec: pb.DatasetSpec | None = None,
        *,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> pb.Dataset:
        table = frame_to_arrow(frame)

        def requests() -> Iterator[pb.UploadDatasetRequest]:
            yield pb.UploadDatasetRequest(spec=spec or pb.DatasetSpec())
            for data, rows, offset in iter_ipc_chunks(table, batch_rows=50_000):
                yield pb.UploadDatasetRequest(arrow_ipc=data)
                if on_progress:
                    on_progress(offset + rows, table.num_rows)

        return self.veil.UploadDataset(requests(), metadata=self.metadata, timeout=self.timeout)

    def scan(self, frame: pd.DataFrame) -> pb.PiiScan:
        data = next(iter_ipc_chunks(frame_to_arrow(frame), batch_rows=len(frame) or 1))[0]
        return self.veil.ScanPii(pb.ScanPiiRequest(arrow_ipc=data), metadata=self.metadata, timeout=self.timeout)

    def create_synthesis(
        self, dataset: str, config: pb.SynthesisConfig, synthesis_id: str = ""
    ) -> operations_pb2.Operation:
        return self.veil.CreateSynthesis(
            pb.CreateSynthesisRequest(parent=dataset, config=config, synthesis_id=synthesis_id),
            metadata=self.metadata,
            timeout=self.timeout,
        )

    def get_operation(self, name: str) -> operations_pb2.Operation:
        return self.operations.GetOperation(
            operations_pb2.GetOperationRequest(name=name), metadata=self.metadata, timeout=self.timeout
        )

    def wait_operation(
        self,
        name: str,
        *,
        poll: float = 0.25,
        timeout: float = 3600.0,
        on_progress: Callable[[pb.SynthesisOperationMetadata], None] | None = None,
    ) -> operations_pb2.Operation:
        deadline = time.monotonic() + timeout
        while True:
            op = self.get_operation(name)
            if on_progress:
                meta = pb.SynthesisOperationMetadata()
                op.metadata.Unpack(meta)
                on_progress(meta)
            if op.done:
                return op
            if time.monotonic() > deadline:
                raise TimeoutError(f"{name} still running after {timeout:.0f}s")
            time.sleep(poll)

    def synthesis_of(self, op: operations_pb2.Operation) -> pb.Synthesis:
        synthesis = pb.Synthesis()
        op.response.Unpack(synthesis)
        return synthesis

    def read_records(self, synthesis: str, *, on_progress: Callable[[int], None] | None = None) -> pd.DataFrame:
        tables = []
        rows = 0
        for batch in self.veil.ReadSyntheticRecords(
            pb.ReadSyntheticRecordsRequest(name=synthesis), metadata=self.metadata, timeout=self.timeout
        ):
            tables.append(decode_ipc(batch.arrow_ipc))
            rows += batch.row_count
            if on_progress:
                on_progress(rows)
        return pa.concat_tables(tables).to_pandas() if tables else pd.DataFrame()

    def report(self, synthesis: str, view: int = pb.GetReportRequest.VIEW_FULL) -> pb.Report:
        return self.veil.GetReport(
            pb.GetReportRequest(name=synthesis, view=view), metadata=self.metadata, timeout=self.timeout
        )

    def privacy_budget(self, dataset: str) -> pb.PrivacyBudget:
        return self.veil.GetPrivacyBudget(
            pb.GetPrivacyBudgetRequest(name=f"{dataset}/privacyBudget"), metadata=self.metadata, timeout=self.timeout
        )
