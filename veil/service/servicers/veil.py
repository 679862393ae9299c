"""The veil.v1.Veil servicer."""

from __future__ import annotations

import json
import logging

from google.protobuf import empty_pb2

from veil.service import convert, names
from veil.service.arrow_io import iter_ipc_chunks
from veil.service.errors import InvalidArgument
from veil.service.interceptors import Authenticator
from veil.service.pipeline import budget
from veil.service.pipeline import datasets as dataset_ops
from veil.service.pipeline.batching import available_batches
from veil.service.pipeline.context import ServiceContext
from veil.service.pipeline.scan import scan_inline
from veil.service.pipeline.synthesis import create_synthesis
from veil.service.pipeline.upload import read_stream, upload_dataset
from veil.service.runner import OperationRunner
from veil.v1 import veil_pb2 as pb
from veil.v1 import veil_pb2_grpc

logger = logging.getLogger(__name__)
#: Most ScrubText requests scrubbed together.
SCRUB_TEXT_BATCH = 256


class VeilServicer(veil_pb2_grpc.VeilServicer):
    def __init__(self, ctx: ServiceContext, runner: OperationRunner, auth: Authenticator) -> None:
        self._ctx = ctx
        self._runner = runner
        self._auth = auth

    # ------------------------------------------------------------ datasets
    def UploadDataset(self, request_iterator, context):
        tenant = self._auth.tenant(context)

        def items():
            for message in request_iterator:
                which = message.WhichOneof("payload")
                if which == "spec":
                    yield convert.spec_from_pb(message.spec)
                elif which == "arrow_ipc":
                    yield message.arrow_ipc
                else:
                    raise InvalidArgument(
                        "a message carried neither spec nor arrow_ipc",
                        reason="EMPTY_MESSAGE",
                        violations=[("payload", "set spec or arrow_ipc")],
                    )

        upload = read_stream(items(), max_chunk_bytes=self._ctx.config.max_chunk_bytes)
        row = upload_dataset(self._ctx, tenant=tenant, upload=upload)
        return self._dataset_pb(row)

    def _dataset_pb(self, row):
        return convert.dataset_to_pb(row, budget.statement(self._ctx, row))

    def GetDataset(self, request, context):
        tenant = self._auth.tenant(context)
        return self._dataset_pb(dataset_ops.get_dataset(self._ctx, tenant, names.parse_dataset(request.name)))

    def ListDatasets(self, request, context):
        tenant = self._auth.tenant(context)
        rows, token = names.paginate(
            lambda limit, after: self._ctx.db.list_datasets(tenant, limit=limit, after=after),
            page_size_requested=request.page_size,
            page_token=request.page_token,
            scope="datasets",
        )
        return pb.ListDatasetsResponse(datasets=[self._dataset_pb(r) for r in rows], next_page_token=token)

    def DeleteDataset(self, request, context):
        tenant = self._auth.tenant(context)
        dataset_ops.delete_dataset(self._ctx, self._runner, tenant, names.parse_dataset(request.name))
        return empty_pb2.Empty()

    # ------------------------------------------------------------ PII
    def ScanPii(self, request, context):
        tenant = self._auth.tenant(context)
        source = request.WhichOneof("source")
        if source == "dataset":
            row = dataset_ops.get_dataset(self._ctx, tenant, names.parse_dataset(request.dataset, "dataset"))
            kinds = {c["name"]: c["kind"] for c in row.columns}
            return convert.scan_to_pb(row.scan, kinds)
        if source == "arrow_ipc":
            scan, kinds = scan_inline(self._ctx, request.arrow_ipc)
            return convert.scan_to_pb(scan, kinds)
        raise InvalidArgument(
            "set dataset or arrow_ipc", reason="SOURCE_REQUIRED", violations=[("source", "set dataset or arrow_ipc")]
        )

    def ScrubText(self, request_iterator, context):
        tenant = self._auth.tenant(context)
        keys: dict[str, bytes] = {}
        # Texts already waiting are scrubbed together: spaCy and the recognizers batch well.
        for batch in available_batches(request_iterator, max_batch=SCRUB_TEXT_BATCH):
            results = {}
            for dataset in dict.fromkeys(r.dataset for r in batch):
                key = dataset_ops.scrub_key(self._ctx, tenant, dataset, keys)
                group = [i for i, r in enumerate(batch) if r.dataset == dataset]
                with self._ctx.pii_lock:
                    scrubbed = self._ctx.pii.scrub_texts([batch[i].text for i in group], key=key)
                results.update(zip(group, scrubbed))
            for i, request in enumerate(batch):
                result = results[i]
                yield pb.ScrubTextResponse(
                    id=request.id,
                    scrubbed_text=result.text,
                    spans=[
                        pb.PiiSpan(start=s.start, end=s.end, entity_type=s.entity_type, score=s.score)
                        for s in result.spans
                    ],
                )

    # ------------------------------------------------------------ syntheses
    def CreateSynthesis(self, request, context):
        tenant = self._auth.tenant(context)
        dataset_id = names.parse_dataset(request.parent, "parent")
        syn, op = create_synthesis(
            self._ctx,
            self._runner,
            tenant=tenant,
            dataset_id=dataset_id,
            synthesis_id=request.synthesis_id,
            config=convert.config_from_pb(request.config),
        )
        return convert.operation_to_pb(op, None)

    def GetSynthesis(self, request, context):
        tenant = self._auth.tenant(context)
        dataset_id, synthesis_id = names.parse_synthesis(request.name)
        return convert.synthesis_to_pb(dataset_ops.get_synthesis(self._ctx, tenant, dataset_id, synthesis_id))

    def ListSyntheses(self, request, context):
        tenant = self._auth.tenant(context)
        dataset_id = names.parse_dataset(request.parent, "parent")
        dataset_ops.get_dataset(self._ctx, tenant, dataset_id)
        rows, token = names.paginate(
            lambda limit, after: self._ctx.db.list_syntheses(tenant, dataset_id, limit=limit, after=after),
            page_size_requested=request.page_size,
            page_token=request.page_token,
            scope=f"syntheses:{dataset_id}",
        )
        return pb.ListSynthesesResponse(syntheses=[convert.synthesis_to_pb(r) for r in rows], next_page_token=token)

    def ReadSyntheticRecords(self, request, context):
        tenant = self._auth.tenant(context)
        dataset_id, synthesis_id = names.parse_synthesis(request.name)
        if request.batch_rows < 0:
            raise InvalidArgument("batch_rows must not be negative", violations=[("batch_rows", "must be >= 0")])
        batch_rows = request.batch_rows or 10_000
        batches = dataset_ops.synthetic_batches(self._ctx, tenant, dataset_id, synthesis_id, batch_rows=batch_rows)
        for data, rows, offset in iter_ipc_chunks(batches, batch_rows=batch_rows):
            yield pb.RecordBatch(arrow_ipc=data, row_count=rows, row_offset=offset)

    def GetReport(self, request, context):
        tenant = self._auth.tenant(context)
        dataset_id, synthesis_id = names.parse_synthesis(request.name, allow_report=True)
        report_json, html = dataset_ops.report_files(
            self._ctx,
            tenant,
            dataset_id,
            synthesis_id,
            with_html=request.view in (pb.GetReportRequest.VIEW_HTML, pb.GetReportRequest.VIEW_FULL),
        )
        msg = convert.report_to_pb(f"datasets/{dataset_id}/syntheses/{synthesis_id}/report", json.loads(report_json))
        if request.view in (pb.GetReportRequest.VIEW_JSON, pb.GetReportRequest.VIEW_FULL):
            msg.json = report_json
        if html is not None:
            msg.html = html
        return msg

    # ------------------------------------------------------------ privacy budget
    def GetPrivacyBudget(self, request, context):
        tenant = self._auth.tenant(context)
        dataset = dataset_ops.get_dataset(self._ctx, tenant, names.parse_budget(request.name))
        return convert.budget_to_pb(budget.statement(self._ctx, dataset))
