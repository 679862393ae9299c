"""Raw PII never reaches a log line, at any level, across upload, synthesis and errors."""

from __future__ import annotations

import grpc
import pytest

from tests.integration.helpers import captured_logs, pii_values
from veil.service.demo_data import make_demo_table
from veil.v1 import veil_pb2 as pb


def test_logs_carry_no_raw_values(client_a):
    frame = make_demo_table(400, seed=21)
    with captured_logs() as lines:
        ds = client_a.upload(frame, pb.DatasetSpec(dataset_id="log-check"))
        op = client_a.wait_operation(
            client_a.create_synthesis(ds.name, pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA)).name
        )
        assert not op.HasField("error")
        with pytest.raises(grpc.RpcError):  # a failing call logs too
            client_a.create_synthesis(ds.name, pb.SynthesisConfig(target_column="email"))
        client_a.veil.DeleteDataset(pb.DeleteDatasetRequest(name=ds.name), metadata=client_a.metadata)
    assert lines, "nothing was logged"
    text = "\n".join(lines)
    leaked = [v for v in pii_values(frame) if v in text]
    assert leaked == []
