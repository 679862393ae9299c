"""Operations: cancel, list, wait, delete; deletion of datasets; restart recovery."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time

import grpc
import pandas as pd
import pytest
from google.longrunning import operations_pb2
from google.protobuf import duration_pb2

from tests.integration.conftest import TOKEN_A, make_config
from veil.service.client import VeilClient
from veil.service.demo_data import make_demo_table
from veil.service.enums import STAGE
from veil.service.server import VeilServer
from veil.v1 import veil_pb2 as pb


def metadata_of(op) -> pb.SynthesisOperationMetadata:
    meta = pb.SynthesisOperationMetadata()
    op.metadata.Unpack(meta)
    return meta


def wait_for_stage(client, name, stages, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        op = client.get_operation(name)
        if STAGE.name(metadata_of(op).stage) in stages or op.done:
            return op
        time.sleep(0.1)
    raise TimeoutError(name)


def test_cancel_a_running_synthesis(client_a, dataset):
    op = client_a.create_synthesis(
        dataset.name, pb.SynthesisConfig(model=pb.MODEL_CTGAN, epochs=5000, seed=1), synthesis_id="to-cancel"
    )
    wait_for_stage(client_a, op.name, {"fit"})
    client_a.operations.CancelOperation(operations_pb2.CancelOperationRequest(name=op.name), metadata=client_a.metadata)
    done = client_a.wait_operation(op.name, timeout=120)
    assert done.done and done.error.code == grpc.StatusCode.CANCELLED.value[0]
    synthesis = client_a.veil.GetSynthesis(
        pb.GetSynthesisRequest(name=metadata_of(done).synthesis), metadata=client_a.metadata
    )
    assert synthesis.state == pb.Synthesis.STATE_CANCELLED
    with pytest.raises(grpc.RpcError) as info:
        client_a.read_records(synthesis.name)
    assert info.value.code() == grpc.StatusCode.FAILED_PRECONDITION


def test_wait_list_and_delete_operation(client_a, finished):
    op, synthesis, _ = finished
    waited = client_a.operations.WaitOperation(
        operations_pb2.WaitOperationRequest(name=op.name, timeout=duration_pb2.Duration(seconds=5)),
        metadata=client_a.metadata,
    )
    assert waited.done
    listed = client_a.operations.ListOperations(operations_pb2.ListOperationsRequest(), metadata=client_a.metadata)
    assert op.name in [o.name for o in listed.operations]


def test_delete_dataset_removes_everything(client_a, server):
    frame = make_demo_table(300, seed=5)
    ds = client_a.upload(frame, pb.DatasetSpec(dataset_id="short-lived"))
    op = client_a.wait_operation(
        client_a.create_synthesis(ds.name, pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA)).name
    )
    synthesis = client_a.synthesis_of(op)
    folder = server.config.data_dir / "artifacts" / "tenant-a" / "short-lived"
    assert (folder / "train.parquet").exists()
    client_a.veil.DeleteDataset(pb.DeleteDatasetRequest(name=ds.name), metadata=client_a.metadata)
    assert not folder.exists()
    for call in (
        lambda: client_a.veil.GetDataset(pb.GetDatasetRequest(name=ds.name), metadata=client_a.metadata),
        lambda: client_a.veil.GetSynthesis(pb.GetSynthesisRequest(name=synthesis.name), metadata=client_a.metadata),
        lambda: client_a.get_operation(op.name),
    ):
        with pytest.raises(grpc.RpcError) as info:
            call()
        assert info.value.code() == grpc.StatusCode.NOT_FOUND


def start_veil_serve(data_dir, env):
    """`veil serve` as a child process on a free port; returns (process, address)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "veil.service.cli", "serve", "--port", "0", "--data-dir", str(data_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    found: queue.Queue[str] = queue.Queue()

    def drain():  # keep reading so the child never blocks on a full pipe
        for line in proc.stdout:
            match = re.search(r"listening on (\S+:\d+)", line)
            if match:
                found.put(match.group(1))

    threading.Thread(target=drain, daemon=True).start()
    try:
        return proc, found.get(timeout=120)
    except queue.Empty:
        proc.kill()
        raise AssertionError("veil serve did not start") from None


def test_restart_keeps_finished_and_fails_interrupted(tmp_path):
    """A killed `veil serve`: finished syntheses survive, the running one is FAILED with a reason."""
    data_dir, key_file = tmp_path / "data", tmp_path / "keys" / "master.key"
    env = {**os.environ, "VEIL_TOKENS": f"{TOKEN_A}=tenant-a", "VEIL_MASTER_KEY_FILE": str(key_file), "COLUMNS": "200"}
    proc, address = start_veil_serve(data_dir, env)
    try:
        with VeilClient(address, TOKEN_A) as client:
            client.wait_ready()
            ds = client.upload(make_demo_table(300, seed=2), pb.DatasetSpec(dataset_id="survivor"))
            done = client.synthesis_of(
                client.wait_operation(
                    client.create_synthesis(
                        ds.name, pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA), synthesis_id="finished"
                    ).name
                )
            )
            running = client.create_synthesis(
                ds.name, pb.SynthesisConfig(model=pb.MODEL_CTGAN, epochs=5000), synthesis_id="interrupted"
            )
            wait_for_stage(client, running.name, {"fit"})
            # One worker: this one waits its turn and never starts.
            client.create_synthesis(ds.name, pb.SynthesisConfig(model=pb.MODEL_CART), synthesis_id="never-started")
            before = client.read_records(done.name)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()

    server = VeilServer(make_config(data_dir, key_file)).start()
    try:
        with VeilClient(server.address, TOKEN_A) as client:
            after = client.read_records(done.name)
            pd.testing.assert_frame_equal(before, after)
            interrupted = client.veil.GetSynthesis(
                pb.GetSynthesisRequest(name="datasets/survivor/syntheses/interrupted"), metadata=client.metadata
            )
            assert interrupted.state == pb.Synthesis.STATE_FAILED
            assert "stopped while this job was running" in interrupted.error.message
            never = client.veil.GetSynthesis(
                pb.GetSynthesisRequest(name="datasets/survivor/syntheses/never-started"), metadata=client.metadata
            )
            assert never.state == pb.Synthesis.STATE_FAILED
            assert "before this job started" in never.error.message and "running" not in never.error.message
            op = client.get_operation(running.name)
            assert op.done and op.error.code == grpc.StatusCode.ABORTED.value[0]
    finally:
        server.stop()


def test_cancel_a_queued_synthesis_and_delete_a_busy_dataset(client_a, server):
    ds = client_a.upload(make_demo_table(300, seed=6), pb.DatasetSpec(dataset_id="busy"))
    running = client_a.create_synthesis(
        ds.name, pb.SynthesisConfig(model=pb.MODEL_CTGAN, epochs=5000), synthesis_id="long"
    )
    queued = client_a.create_synthesis(
        ds.name, pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA), synthesis_id="queued"
    )
    wait_for_stage(client_a, running.name, {"fit"})
    assert (
        metadata_of(client_a.get_operation(queued.name)).stage == pb.SynthesisOperationMetadata.STAGE_QUEUED
    )  # one worker: it waits its turn
    client_a.operations.CancelOperation(
        operations_pb2.CancelOperationRequest(name=queued.name), metadata=client_a.metadata
    )
    # Deleting the dataset stops the running job and removes everything.
    client_a.veil.DeleteDataset(pb.DeleteDatasetRequest(name=ds.name), metadata=client_a.metadata)
    assert not (server.config.data_dir / "artifacts" / "tenant-a" / "busy").exists()
    for name in (running.name, queued.name):
        with pytest.raises(grpc.RpcError) as info:
            client_a.get_operation(name)
        assert info.value.code() == grpc.StatusCode.NOT_FOUND


def test_stopping_the_server_fails_running_jobs_with_a_reason(tmp_path):
    data_dir, key_file = tmp_path / "data", tmp_path / "keys" / "master.key"
    server = VeilServer(make_config(data_dir, key_file)).start()
    with VeilClient(server.address, TOKEN_A) as client:
        ds = client.upload(make_demo_table(300, seed=3), pb.DatasetSpec(dataset_id="stopped"))
        running = client.create_synthesis(
            ds.name, pb.SynthesisConfig(model=pb.MODEL_CTGAN, epochs=5000), synthesis_id="cut"
        )
        wait_for_stage(client, running.name, {"fit"})
    server.stop()
    server = VeilServer(make_config(data_dir, key_file)).start()
    try:
        with VeilClient(server.address, TOKEN_A) as client:
            synthesis = client.veil.GetSynthesis(
                pb.GetSynthesisRequest(name="datasets/stopped/syntheses/cut"), metadata=client.metadata
            )
            assert synthesis.state == pb.Synthesis.STATE_FAILED
            assert synthesis.error.code == grpc.StatusCode.ABORTED.value[0]
            assert "server stopped" in synthesis.error.message
            assert not (data_dir / "artifacts" / "tenant-a" / "stopped" / "syntheses" / "cut").exists()
    finally:
        server.stop()
