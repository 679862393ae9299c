"""Auth: every RPC but health needs a token; tenants never see each other's resources."""

from __future__ import annotations

import grpc
import pytest
from google.longrunning import operations_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc

from tests.integration.helpers import error_details
from veil.v1 import veil_pb2 as pb


def test_health_needs_no_token(server):
    channel = grpc.insecure_channel(server.address)
    reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service="veil.v1.Veil"))
    assert reply.status == health_pb2.HealthCheckResponse.SERVING
    channel.close()


@pytest.mark.parametrize("token", [None, "wrong-token-" + "z" * 20])
def test_calls_without_a_valid_token_are_refused(server, token):
    channel = grpc.insecure_channel(server.address)
    from veil.v1 import veil_pb2_grpc

    stub = veil_pb2_grpc.VeilStub(channel)
    metadata = (("authorization", f"Bearer {token}"),) if token else ()
    for call in (
        lambda: stub.ListDatasets(pb.ListDatasetsRequest(), metadata=metadata),
        lambda: stub.GetDataset(pb.GetDatasetRequest(name="datasets/diamonds"), metadata=metadata),
    ):
        with pytest.raises(grpc.RpcError) as info:
            call()
        code, _, reasons = error_details(info.value)
        assert code == grpc.StatusCode.UNAUTHENTICATED and "MISSING_OR_BAD_TOKEN" in reasons
    channel.close()


def test_other_tenant_sees_nothing(client_a, client_b, dataset, finished):
    op, synthesis, _ = finished
    listed = client_b.veil.ListDatasets(pb.ListDatasetsRequest(), metadata=client_b.metadata)
    assert dataset.name not in [d.name for d in listed.datasets]
    attempts = {
        "GetDataset": lambda: client_b.veil.GetDataset(
            pb.GetDatasetRequest(name=dataset.name), metadata=client_b.metadata
        ),
        "ScanPii": lambda: client_b.veil.ScanPii(pb.ScanPiiRequest(dataset=dataset.name), metadata=client_b.metadata),
        "GetSynthesis": lambda: client_b.veil.GetSynthesis(
            pb.GetSynthesisRequest(name=synthesis.name), metadata=client_b.metadata
        ),
        "ListSyntheses": lambda: client_b.veil.ListSyntheses(
            pb.ListSynthesesRequest(parent=dataset.name), metadata=client_b.metadata
        ),
        "ReadSyntheticRecords": lambda: client_b.read_records(synthesis.name),
        "GetReport": lambda: client_b.report(synthesis.name),
        "CreateSynthesis": lambda: client_b.create_synthesis(dataset.name, pb.SynthesisConfig()),
        "GetOperation": lambda: client_b.get_operation(op.name),
        "CancelOperation": lambda: client_b.operations.CancelOperation(
            operations_pb2.CancelOperationRequest(name=op.name), metadata=client_b.metadata
        ),
        "DeleteOperation": lambda: client_b.operations.DeleteOperation(
            operations_pb2.DeleteOperationRequest(name=op.name), metadata=client_b.metadata
        ),
        "DeleteDataset": lambda: client_b.veil.DeleteDataset(
            pb.DeleteDatasetRequest(name=dataset.name), metadata=client_b.metadata
        ),
    }
    for rpc, attempt in attempts.items():
        with pytest.raises(grpc.RpcError) as info:
            attempt()
        assert info.value.code() == grpc.StatusCode.NOT_FOUND, rpc
    ops = client_b.operations.ListOperations(operations_pb2.ListOperationsRequest(), metadata=client_b.metadata)
    assert op.name not in [o.name for o in ops.operations]
    # still intact for its owner
    assert client_a.veil.GetDataset(pb.GetDatasetRequest(name=dataset.name), metadata=client_a.metadata).name


def test_reflection_lists_services(server):
    from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

    from tests.integration.conftest import TOKEN_A

    channel = grpc.insecure_channel(server.address)
    stub = reflection_pb2_grpc.ServerReflectionStub(channel)
    responses = stub.ServerReflectionInfo(
        iter([reflection_pb2.ServerReflectionRequest(list_services="")]),
        metadata=(("authorization", f"Bearer {TOKEN_A}"),),
    )
    services = {s.name for r in responses for s in r.list_services_response.service}
    assert {"veil.v1.Veil", "google.longrunning.Operations", "grpc.health.v1.Health"} <= services
    channel.close()
