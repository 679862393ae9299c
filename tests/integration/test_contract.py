"""The contract as any client sees it: reflection v1, strict requests, no echoed values, no NaN, no INTERNAL."""

from __future__ import annotations

import math

import grpc
import pandas as pd
import pyarrow as pa
import pytest
from google.longrunning import operations_pb2
from google.protobuf.descriptor import FieldDescriptor
from grpc_reflection.v1alpha import reflection_pb2
from grpc_status import rpc_status

from tests.integration.conftest import TOKEN_A
from tests.integration.helpers import error_details
from veil.service.arrow_io import encode_ipc
from veil.service.demo_data import make_demo_table
from veil.v1 import veil_pb2 as pb

CANARY = "Zqxjkv Wobbleton"


def _reflect(server, service: str, request: reflection_pb2.ServerReflectionRequest):
    """One reflection exchange on the v1 or v1alpha method path (the two are wire-identical)."""
    with grpc.insecure_channel(server.address) as channel:
        call = channel.stream_stream(
            f"/{service}/ServerReflectionInfo",
            request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
            response_deserializer=reflection_pb2.ServerReflectionResponse.FromString,
        )
        return list(call(iter([request]), metadata=(("authorization", f"Bearer {TOKEN_A}"),)))[0]


@pytest.mark.parametrize("service", ["grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"])
def test_reflection_v1_and_v1alpha(server, service):
    listed = _reflect(server, service, reflection_pb2.ServerReflectionRequest(list_services=""))
    names = {s.name for s in listed.list_services_response.service}
    assert {"veil.v1.Veil", "google.longrunning.Operations", "grpc.health.v1.Health"} <= names
    assert {"grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"} <= names
    for symbol in ("veil.v1.Veil", "grpc.reflection.v1.ServerReflection"):
        found = _reflect(server, service, reflection_pb2.ServerReflectionRequest(file_containing_symbol=symbol))
        assert found.file_descriptor_response.file_descriptor_proto, symbol


def _refused(call, *, field: str, reason: str, code=grpc.StatusCode.INVALID_ARGUMENT) -> str:
    """Make a call that must be refused; returns the whole error text (message and details) for echo checks."""
    with pytest.raises(grpc.RpcError) as info:
        call()
    got_code, fields, reasons = error_details(info.value)
    assert got_code == code, (got_code, info.value.details())
    assert field in fields and reason in reasons, (fields, reasons)
    status = rpc_status.from_call(info.value)
    return info.value.details() + repr(fields) + repr(status)


def _dataset_names(client) -> set[str]:
    return {d.name for d in client.veil.ListDatasets(pb.ListDatasetsRequest(), metadata=client.metadata).datasets}


def _upload(client, spec: pb.DatasetSpec, *tables: pa.Table):
    messages = [pb.UploadDatasetRequest(spec=spec)] + [pb.UploadDatasetRequest(arrow_ipc=encode_ipc(t)) for t in tables]
    return lambda: client.veil.UploadDataset(iter(messages), metadata=client.metadata)


def test_undefined_enum_numbers_and_unknown_fields_are_refused(client_a, dataset, finished):
    before = _dataset_names(client_a)
    syntheses = lambda: [  # noqa: E731
        s.name
        for s in client_a.veil.ListSyntheses(
            pb.ListSynthesesRequest(parent=dataset.name), metadata=client_a.metadata
        ).syntheses
    ]
    syntheses_before = syntheses()
    table = pa.table({"a": list(range(80)), "b": ["x", "y"] * 40})
    policy = pb.PrivacyPolicy(non_dp_syntheses=7)
    _refused(
        _upload(client_a, pb.DatasetSpec(dataset_id="enum7", privacy_policy=policy), table),
        field="spec.privacy_policy.non_dp_syntheses",
        reason="UNKNOWN_ENUM_VALUE",
    )
    override = pb.ColumnOverride(column="a", kind=42)
    _refused(
        _upload(client_a, pb.DatasetSpec(dataset_id="enum42", column_overrides=[override]), table),
        field="spec.column_overrides[0].kind",
        reason="UNKNOWN_ENUM_VALUE",
    )
    assert _dataset_names(client_a) == before
    _refused(
        lambda: client_a.create_synthesis(dataset.name, pb.SynthesisConfig(model=99)),
        field="config.model",
        reason="UNKNOWN_ENUM_VALUE",
    )
    _, synthesis, _ = finished
    _refused(
        lambda: client_a.veil.GetReport(pb.GetReportRequest(name=synthesis.name, view=99), metadata=client_a.metadata),
        field="view",
        reason="UNKNOWN_ENUM_VALUE",
    )
    # A field from a newer contract (number 99 of CreateSynthesisRequest) is refused, not ignored.
    raw = pb.CreateSynthesisRequest(parent=dataset.name).SerializeToString() + b"\x98\x06\x01"
    create = client_a.channel.unary_unary(
        "/veil.v1.Veil/CreateSynthesis", request_serializer=lambda b: b, response_deserializer=lambda b: b
    )
    _refused(lambda: create(raw, metadata=client_a.metadata), field="request", reason="UNKNOWN_FIELD")
    # Bytes that do not parse (a string field holding invalid UTF-8) are the caller's fault, not INTERNAL.
    broken = b"\x0a\x02\xff\xfe"  # parent = two bytes that are not UTF-8
    _refused(lambda: create(broken, metadata=client_a.metadata), field="request", reason="MALFORMED_REQUEST")
    assert syntheses() == syntheses_before


def test_seeds_texts_and_epsilon_out_of_range_are_refused_before_any_work(client_a, dataset):
    before = _dataset_names(client_a)
    table = pa.table({"a": list(range(80)), "b": ["x", "y"] * 40})
    for seed in (-1, -(2**63)):
        _refused(
            _upload(client_a, pb.DatasetSpec(dataset_id="neg", seed=seed), table), field="spec.seed", reason="BAD_SEED"
        )
    _refused(
        lambda: client_a.create_synthesis(dataset.name, pb.SynthesisConfig(seed=-1)),
        field="config.seed",
        reason="BAD_SEED",
    )
    long_text = "word " * 200_001  # over the 1,000,000 characters spaCy reads
    with_long = pa.table({"a": list(range(80)), "note": ["short"] * 79 + [long_text]})
    _refused(
        _upload(client_a, pb.DatasetSpec(dataset_id="long"), with_long), field="columns[1]", reason="TEXT_TOO_LONG"
    )
    _refused(
        lambda: client_a.veil.ScanPii(pb.ScanPiiRequest(arrow_ipc=encode_ipc(with_long)), metadata=client_a.metadata),
        field="columns[1]",
        reason="TEXT_TOO_LONG",
    )
    scrub = lambda: list(  # noqa: E731
        client_a.veil.ScrubText(iter([pb.ScrubTextRequest(id="1", text=long_text)]), metadata=client_a.metadata)
    )
    _refused(scrub, field="text", reason="TEXT_TOO_LONG")
    assert _dataset_names(client_a) == before

    dp = client_a.upload(make_demo_table(300, seed=5), pb.DatasetSpec(dataset_id="tiny-epsilon"))
    for epsilon in (1e-300, 0.009):
        _refused(
            lambda epsilon=epsilon: client_a.create_synthesis(
                dp.name, pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=epsilon)
            ),
            field="config.epsilon",
            reason="BAD_EPSILON",
        )
    budget = client_a.privacy_budget(dp.name)
    assert not budget.charges and budget.epsilon_spent == 0
    # The smallest epsilon accepted runs, and the ledger records no less than the accountant spent.
    op = client_a.wait_operation(
        client_a.create_synthesis(
            dp.name, pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=0.01, num_rows=50)
        ).name
    )
    assert not op.HasField("error"), op.error
    guarantee = client_a.synthesis_of(op).privacy_guarantee
    (charge,) = client_a.privacy_budget(dp.name).charges
    assert charge.state == pb.PrivacyCharge.STATE_SPENT
    assert charge.epsilon_spent >= guarantee.epsilon * (1 - 1e-9) and guarantee.epsilon <= 0.01 * (1 + 1e-9)


def test_no_request_value_is_echoed_into_an_error(client_a, dataset):
    """A canary in every string a request can carry never comes back in the error."""
    table = pa.table({"a": list(range(80)), "b": ["x", "y"] * 40})
    struct = pa.table({"a": list(range(80)), "s": pa.array([{CANARY: 1}] * 80)})
    duplicate = pa.Table.from_arrays([pa.array(range(80)), pa.array(range(80))], names=[CANARY, CANARY])
    texts = []
    texts.append(
        _refused(_upload(client_a, pb.DatasetSpec(dataset_id=CANARY), table), field="spec.dataset_id", reason="BAD_ID")
    )
    texts.append(
        _refused(
            _upload(client_a, pb.DatasetSpec(column_overrides=[pb.ColumnOverride(column=CANARY, kind=1)]), table),
            field="spec.column_overrides[0].column",
            reason="UNKNOWN_COLUMN",
        )
    )
    texts.append(
        _refused(_upload(client_a, pb.DatasetSpec(), duplicate), field="columns[1]", reason="DUPLICATE_COLUMN")
    )
    texts.append(
        _refused(_upload(client_a, pb.DatasetSpec(), struct), field="columns[1]", reason="UNSUPPORTED_COLUMN_TYPE")
    )
    texts.append(
        _refused(
            lambda: client_a.veil.GetDataset(
                pb.GetDatasetRequest(name=f"datasets/{CANARY}"), metadata=client_a.metadata
            ),
            field="name",
            reason="BAD_RESOURCE_NAME",
        )
    )
    texts.append(
        _refused(
            lambda: client_a.veil.GetDataset(
                pb.GetDatasetRequest(name="datasets/zqxjkv-wobbleton"), metadata=client_a.metadata
            ),
            field="name",
            reason="DATASET_NOT_FOUND",
            code=grpc.StatusCode.NOT_FOUND,
        )
    )
    texts.append(
        _refused(
            lambda: client_a.operations.GetOperation(
                operations_pb2.GetOperationRequest(name="operations/zqxjkv-wobbleton"), metadata=client_a.metadata
            ),
            field="name",
            reason="BAD_RESOURCE_NAME",
        )
    )
    for config, field, reason in (
        (pb.SynthesisConfig(target_column=CANARY), "config.target_column", "UNKNOWN_COLUMN"),
        (
            pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=1, public_columns=[pb.PublicColumn(column=CANARY)]),
            "config.public_columns[0].column",
            "BAD_PUBLIC_METADATA",
        ),
        (pb.SynthesisConfig(link_columns_a=[CANARY], link_columns_b=["carat"]), "config.link_columns_a", "BAD_LINK"),
        (
            pb.SynthesisConfig(
                text_model=pb.TEXT_MODEL_LLM_REWRITE, text=pb.TextConfig(llm_base_url=f"http://{CANARY}/v1")
            ),
            "config.text.llm_base_url",
            "LLM_ENDPOINT_NOT_ALLOWED",
        ),
        (pb.SynthesisConfig(text=pb.TextConfig(rewrite=CANARY)), "config.text.rewrite", "BAD_TEXT_CONFIG"),
        (pb.SynthesisConfig(text=pb.TextConfig(embedder=CANARY)), "config.text.embedder", "BAD_TEXT_CONFIG"),
    ):
        texts.append(
            _refused(lambda config=config: client_a.create_synthesis(dataset.name, config), field=field, reason=reason)
        )
    texts.append(
        _refused(
            lambda: client_a.create_synthesis(dataset.name, pb.SynthesisConfig(), synthesis_id=CANARY),
            field="synthesis_id",
            reason="BAD_ID",
        )
    )
    texts.append(
        _refused(
            lambda: client_a.veil.ListDatasets(pb.ListDatasetsRequest(page_token=CANARY), metadata=client_a.metadata),
            field="page_token",
            reason="BAD_PAGE_TOKEN",
        )
    )
    for text in texts:
        assert "zqxjkv" not in text.lower() and "wobbleton" not in text.lower(), text


def _nan_fields(message, path: str = "") -> list[str]:
    """Every double or float field (maps included) holding NaN, anywhere in the message."""
    found = []
    for field, value in message.ListFields():
        where = f"{path}{field.name}"
        if field.type in (FieldDescriptor.TYPE_DOUBLE, FieldDescriptor.TYPE_FLOAT):
            values = value if field.is_repeated else [value]
            found += [where for v in values if math.isnan(v)]
        elif field.type == FieldDescriptor.TYPE_MESSAGE:
            if field.message_type.GetOptions().map_entry:
                for key, item in value.items():
                    if isinstance(item, float) and math.isnan(item):
                        found.append(f"{where}[{key}]")
                    elif hasattr(item, "ListFields"):
                        found += _nan_fields(item, f"{where}[{key}].")
            elif field.is_repeated:
                for i, item in enumerate(value):
                    found += _nan_fields(item, f"{where}[{i}].")
            else:
                found += _nan_fields(value, f"{where}.")
    return found


def test_no_nan_crosses_the_wire_and_unmeasured_figures_are_unset(client_a, dataset, finished):
    """The demo's note column is TEXT with no canary planted: its canary exposure was not measured."""
    _, synthesis, _ = finished
    report = client_a.report(synthesis.name, view=pb.GetReportRequest.VIEW_JSON)
    got = client_a.veil.GetSynthesis(pb.GetSynthesisRequest(name=synthesis.name), metadata=client_a.metadata)
    assert not _nan_fields(report) and not _nan_fields(got)
    assert not _nan_fields(
        client_a.veil.GetDataset(pb.GetDatasetRequest(name=dataset.name), metadata=client_a.metadata)
    )
    assert not _nan_fields(client_a.privacy_budget(dataset.name))
    sparse = pd.DataFrame({"n": range(60), "empty": [None] * 60, "blank": [""] * 60, "note": ["ok"] * 59 + [None]})
    assert not _nan_fields(client_a.scan(sparse))
    (text,) = report.text_columns
    assert text.leakage.canaries_planted == 0 and not text.leakage.HasField("canary_exposure")
    assert report.drift.HasField("column_shape_score") and 0 < report.drift.column_shape_score <= 1
    assert "NaN" not in report.json and pd.notna(report.drift.detection_auc)
