"""Regenerate the veil.v1 Python stubs (veil/v1/) from protos/veil/v1/*.proto.

Usage: python scripts/gen_protos.py [--out DIR]

The googleapis protos Veil imports ship inside googleapis-common-protos;
google/longrunning/operations.proto is stored there as operations_proto.proto,
so the script stages an include folder with the names protoc expects.
"""

from __future__ import annotations

import argparse
import pathlib
import shutil
import sys
import tempfile

import google.api
import grpc_tools
from grpc_tools import protoc

ROOT = pathlib.Path(__file__).resolve().parent.parent
PROTO_ROOT = ROOT / "protos"
GOOGLE_DIR = pathlib.Path(google.api.__path__[0]).parent

# (file in googleapis-common-protos, name imports use)
STAGED = [
    ("api/field_behavior.proto", "google/api/field_behavior.proto"),
    ("longrunning/operations_proto.proto", "google/longrunning/operations.proto"),
    ("rpc/status.proto", "google/rpc/status.proto"),
    ("rpc/error_details.proto", "google/rpc/error_details.proto"),
    ("api/annotations.proto", "google/api/annotations.proto"),
    ("api/http.proto", "google/api/http.proto"),
    ("api/client.proto", "google/api/client.proto"),
    ("api/launch_stage.proto", "google/api/launch_stage.proto"),
]


def generate(out_dir: pathlib.Path) -> list[pathlib.Path]:
    """Generate stubs for every .proto under protos/veil into out_dir."""
    protos = sorted(PROTO_ROOT.glob("veil/**/*.proto"))
    with tempfile.TemporaryDirectory() as staging:
        stage = pathlib.Path(staging)
        for src, dest in STAGED:
            target = stage / dest
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(GOOGLE_DIR / src, target)
        well_known = pathlib.Path(grpc_tools.__file__).parent / "_proto"
        args = [
            "grpc_tools.protoc",
            f"-I{PROTO_ROOT}",
            f"-I{stage}",
            f"-I{well_known}",
            f"--python_out={out_dir}",
            f"--pyi_out={out_dir}",
            f"--grpc_python_out={out_dir}",
            *[str(p.relative_to(PROTO_ROOT)) for p in protos],
        ]
        if protoc.main(args) != 0:
            raise SystemExit("protoc failed")
    return sorted(out_dir.glob("veil/**/*_pb2*.py*"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=ROOT)
    args = parser.parse_args()
    written = generate(args.out)
    for path in written:
        print(path.relative_to(args.out))


if __name__ == "__main__":
    sys.exit(main())
