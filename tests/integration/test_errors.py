"""Bad input gets a canonical code, a detail naming the field or column, and leaves nothing behind."""

from __future__ import annotations

import grpc
import pandas as pd
import pyarrow as pa
import pytest

from tests.integration.helpers import error_details
from veil.service.arrow_io import encode_ipc
from veil.v1 import veil_pb2 as pb


def stored_state(client, server):
    names = [
        d.name
        for d in client.veil.ListDatasets(pb.ListDatasetsRequest(page_size=1000), metadata=client.metadata).datasets
    ]
    files = sorted(str(p) for p in (server.config.data_dir / "artifacts").rglob("*"))
    staging = list((server.config.data_dir / "staging").iterdir())
    return names, files, staging


def upload_raw(client, messages):
    return client.veil.UploadDataset(iter(messages), metadata=client.metadata)


def small_table(rows=100):
    return pa.table({"a": list(range(rows)), "b": [f"x{i % 3}" for i in range(rows)]})


def spec(dataset_id=""):
    return pb.UploadDatasetRequest(spec=pb.DatasetSpec(dataset_id=dataset_id))


def data(table):
    return pb.UploadDatasetRequest(arrow_ipc=encode_ipc(table))


CASES = {
    "unreadable arrow": (
        [spec(), pb.UploadDatasetRequest(arrow_ipc=b"not arrow at all")],
        grpc.StatusCode.INVALID_ARGUMENT,
        "arrow_ipc",
        "ARROW_UNREADABLE",
    ),
    "empty table": ([spec(), data(small_table(0))], grpc.StatusCode.INVALID_ARGUMENT, "arrow_ipc", "EMPTY_TABLE"),
    "no data": ([spec()], grpc.StatusCode.INVALID_ARGUMENT, "arrow_ipc", "EMPTY_TABLE"),
    "too few rows": ([spec(), data(small_table(10))], grpc.StatusCode.INVALID_ARGUMENT, "arrow_ipc", "TOO_FEW_ROWS"),
    "mixed types across chunks": (
        [spec(), data(small_table(60)), data(pa.table({"a": [f"s{i}" for i in range(60)], "b": ["x"] * 60}))],
        grpc.StatusCode.INVALID_ARGUMENT,
        "columns[0]",
        "MIXED_TYPES",
    ),
    "union column": (
        [
            spec(),
            data(
                pa.table(
                    {
                        "u": pa.UnionArray.from_sparse(
                            pa.array([0, 1] * 30, type=pa.int8()),
                            [pa.array(list(range(60))), pa.array([str(i) for i in range(60)])],
                        )
                    }
                )
            ),
        ],
        grpc.StatusCode.INVALID_ARGUMENT,
        "columns[0]",
        "MIXED_TYPES",
    ),
    "spec after data": (
        [spec(), data(small_table(60)), spec()],
        grpc.StatusCode.INVALID_ARGUMENT,
        "spec",
        "SPEC_AFTER_DATA",
    ),
    "data before spec": ([data(small_table(60))], grpc.StatusCode.INVALID_ARGUMENT, "spec", "SPEC_REQUIRED"),
    "oversize message": (
        [spec(), pb.UploadDatasetRequest(arrow_ipc=b"\0" * (4 * 1024 * 1024 + 1))],
        grpc.StatusCode.INVALID_ARGUMENT,
        "arrow_ipc",
        "MESSAGE_TOO_LARGE",
    ),
    "bad dataset id": (
        [spec("Not_Valid"), data(small_table(60))],
        grpc.StatusCode.INVALID_ARGUMENT,
        "spec.dataset_id",
        "BAD_ID",
    ),
    "override of unknown column": (
        [
            pb.UploadDatasetRequest(
                spec=pb.DatasetSpec(column_overrides=[pb.ColumnOverride(column="nope", kind=pb.COLUMN_KIND_NUMERIC)])
            ),
            data(small_table(60)),
        ],
        grpc.StatusCode.INVALID_ARGUMENT,
        "spec.column_overrides[0].column",
        "UNKNOWN_COLUMN",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_upload(case, client_a, server):
    messages, code, field, reason = CASES[case]
    before = stored_state(client_a, server)
    with pytest.raises(grpc.RpcError) as info:
        upload_raw(client_a, messages)
    got_code, fields, reasons = error_details(info.value)
    assert got_code == code
    assert field in fields, fields
    assert reason in reasons
    assert stored_state(client_a, server) == before


def test_duplicate_dataset_id(client_a, dataset):
    frame = pd.DataFrame({"a": range(90), "b": ["u", "v"] * 45})
    with pytest.raises(grpc.RpcError) as info:
        client_a.upload(frame, pb.DatasetSpec(dataset_id="diamonds"))
    code, fields, _ = error_details(info.value)
    assert code == grpc.StatusCode.ALREADY_EXISTS and "spec.dataset_id" in fields


def test_bad_target_column(client_a, dataset):
    with pytest.raises(grpc.RpcError) as info:
        client_a.create_synthesis(dataset.name, pb.SynthesisConfig(target_column="customer_name"))
    code, fields, _ = error_details(info.value)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "config.target_column" in fields


@pytest.mark.parametrize("name, field", [("datasets/UPPER", "name"), ("diamonds", "name"), ("", "name")])
def test_bad_resource_names(client_a, name, field):
    with pytest.raises(grpc.RpcError) as info:
        client_a.veil.GetDataset(pb.GetDatasetRequest(name=name), metadata=client_a.metadata)
    code, fields, reasons = error_details(info.value)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and field in fields and "BAD_RESOURCE_NAME" in reasons


def test_missing_dataset_is_not_found(client_a):
    with pytest.raises(grpc.RpcError) as info:
        client_a.veil.GetDataset(pb.GetDatasetRequest(name="datasets/nothing-here"), metadata=client_a.metadata)
    assert info.value.code() == grpc.StatusCode.NOT_FOUND


def test_bad_page_token(client_a):
    with pytest.raises(grpc.RpcError) as info:
        client_a.veil.ListDatasets(pb.ListDatasetsRequest(page_token="garbage"), metadata=client_a.metadata)
    code, fields, _ = error_details(info.value)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "page_token" in fields


def test_pagination_walks_every_dataset(client_a, server):
    frame = pd.DataFrame({"a": range(90), "b": ["u", "v", "w"] * 30})
    made = {client_a.upload(frame, pb.DatasetSpec(dataset_id=f"page-{i}")).name for i in range(3)}
    seen, token = [], ""
    while True:
        page = client_a.veil.ListDatasets(
            pb.ListDatasetsRequest(page_size=2, page_token=token), metadata=client_a.metadata
        )
        assert len(page.datasets) <= 2
        seen += [d.name for d in page.datasets]
        token = page.next_page_token
        if not token:
            break
    assert made <= set(seen) and len(seen) == len(set(seen))
    for name in made:
        client_a.veil.DeleteDataset(pb.DeleteDatasetRequest(name=name), metadata=client_a.metadata)
