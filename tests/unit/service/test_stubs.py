"""The committed veil.v1 stubs match what scripts/gen_protos.py makes from the .proto files."""

from __future__ import annotations

import importlib.util
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[3]


def load_generator():
    spec = importlib.util.spec_from_file_location("gen_protos", ROOT / "scripts" / "gen_protos.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_stubs_are_fresh(tmp_path):
    generated = load_generator().generate(tmp_path)
    assert generated, "the generator produced nothing"
    for path in generated:
        relative = path.relative_to(tmp_path)
        committed = ROOT / relative
        assert committed.exists(), f"{relative} is missing: run scripts/gen_protos.py"
        assert committed.read_bytes() == path.read_bytes(), f"{relative} is stale: run scripts/gen_protos.py"


def test_stubs_import_as_veil_v1():
    from veil.v1 import veil_pb2, veil_pb2_grpc

    assert veil_pb2.DESCRIPTOR.package == "veil.v1"
    assert hasattr(veil_pb2_grpc, "VeilStub")
