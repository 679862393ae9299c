from __future__ import annotations

import pathlib

import pytest

from veil.service.client import VeilClient
from veil.service.config import ServiceConfig
from veil.service.demo_data import make_demo_table
from veil.service.server import VeilServer
from veil.v1 import veil_pb2 as pb

TOKEN_A = "token-tenant-a-" + "a" * 16
TOKEN_B = "token-tenant-b-" + "b" * 16


def make_config(data_dir: pathlib.Path, key_file: pathlib.Path, **extra) -> ServiceConfig:
    return ServiceConfig(
        host="127.0.0.1",
        port=0,
        data_dir=data_dir,
        master_key_file=key_file,
        tokens={TOKEN_A: "tenant-a", TOKEN_B: "tenant-b"},
        **extra,
    )


@pytest.fixture(scope="session")
def server_dirs(tmp_path_factory):
    root = tmp_path_factory.mktemp("veil")
    return root / "data", root / "keys" / "master.key"


@pytest.fixture(scope="session")
def server(server_dirs):
    data_dir, key_file = server_dirs
    srv = VeilServer(make_config(data_dir, key_file)).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def client_a(server):
    with VeilClient(server.address, TOKEN_A, timeout=300) as client:
        client.wait_ready()
        yield client


@pytest.fixture(scope="session")
def client_b(server):
    with VeilClient(server.address, TOKEN_B, timeout=300) as client:
        yield client


@pytest.fixture(scope="session")
def demo_frame():
    return make_demo_table(2000, seed=7)


@pytest.fixture(scope="session")
def dataset(client_a, demo_frame):
    return client_a.upload(demo_frame, pb.DatasetSpec(dataset_id="diamonds", display_name="diamonds + PII", seed=3))


@pytest.fixture(scope="session")
def finished(client_a, dataset):
    """A finished gaussian_copula synthesis of the demo dataset: (operation, synthesis)."""
    op = client_a.create_synthesis(
        dataset.name,
        pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA, seed=11, target_column="cut"),
        synthesis_id="gc",
    )
    seen = []
    done = client_a.wait_operation(op.name, on_progress=seen.append)
    assert not done.HasField("error"), done.error
    return done, client_a.synthesis_of(done), seen
