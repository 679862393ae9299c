"""The google.longrunning.Operations servicer over Veil's synthesis jobs."""

from __future__ import annotations

import time

from google.longrunning import operations_pb2, operations_pb2_grpc
from google.protobuf import empty_pb2

from veil.service import convert, names
from veil.service.errors import FailedPrecondition, InvalidArgument, NotFound
from veil.service.interceptors import Authenticator
from veil.service.pipeline.context import ServiceContext
from veil.service.runner import OperationRunner

MAX_WAIT_S = 600.0
POLL_S = 0.2


class OperationsServicer(operations_pb2_grpc.OperationsServicer):
    def __init__(self, ctx: ServiceContext, runner: OperationRunner, auth: Authenticator) -> None:
        self._ctx = ctx
        self._runner = runner
        self._auth = auth

    def _get(self, tenant: str, name: str):
        op = self._ctx.db.get_operation(names.parse_operation(name))
        if op is None or op.tenant != tenant:
            raise NotFound(
                "no such operation", reason="OPERATION_NOT_FOUND", violations=[("name", "no such operation")]
            )
        return op

    def _to_pb(self, op):
        synthesis = None
        if op.done and not op.error:
            dataset_id, synthesis_id = names.parse_synthesis(op.synthesis)
            synthesis = self._ctx.db.get_synthesis(op.tenant, dataset_id, synthesis_id)
        return convert.operation_to_pb(op, synthesis)

    def GetOperation(self, request, context):
        return self._to_pb(self._get(self._auth.tenant(context), request.name))

    def ListOperations(self, request, context):
        tenant = self._auth.tenant(context)
        if request.filter:
            raise InvalidArgument(
                "filter is not supported", reason="FILTER_UNSUPPORTED", violations=[("filter", "leave empty")]
            )
        rows, token = names.paginate(
            lambda limit, after: self._ctx.db.list_operations(tenant, limit=limit, after=after),
            page_size_requested=request.page_size,
            page_token=request.page_token,
            scope="operations",
        )
        return operations_pb2.ListOperationsResponse(operations=[self._to_pb(r) for r in rows], next_page_token=token)

    def CancelOperation(self, request, context):
        op = self._get(self._auth.tenant(context), request.name)
        if not op.done:
            self._ctx.db.update_operation(op.id, cancel_requested=True)
            self._runner.cancel(op.id)
        return empty_pb2.Empty()

    def DeleteOperation(self, request, context):
        op = self._get(self._auth.tenant(context), request.name)
        if not op.done:
            raise FailedPrecondition(
                "the operation is still running; cancel it first",
                reason="OPERATION_RUNNING",
                violations=[("name", "operation not done")],
            )
        self._ctx.db.delete_operation(op.id)
        return empty_pb2.Empty()

    def WaitOperation(self, request, context):
        tenant = self._auth.tenant(context)
        timeout = MAX_WAIT_S
        if request.HasField("timeout"):
            timeout = min(MAX_WAIT_S, request.timeout.ToTimedelta().total_seconds())
        remaining = context.time_remaining()
        if remaining is not None:
            timeout = min(timeout, max(0.0, remaining - 0.5))
        deadline = time.monotonic() + timeout
        op = self._get(tenant, request.name)
        while not op.done and time.monotonic() < deadline:
            self._runner.wait(op.id, min(POLL_S, max(0.0, deadline - time.monotonic())))
            op = self._get(tenant, request.name)
        return self._to_pb(op)
