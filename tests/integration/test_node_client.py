"""The Node.js example client (examples/node), run as a user would against a real server."""

from __future__ import annotations

import json
import pathlib
import shutil
import subprocess

import pytest

from tests.integration.conftest import TOKEN_A

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "node"


def test_node_client_walks_the_contract(server, tmp_path):
    """examples/node/client.mjs, built from the .proto files alone, does the whole round trip.

    Health, upload, a CART synthesis polled through Operations, records decoded from Arrow IPC,
    the report and the budget; its deliberately bad upload comes back as INVALID_ARGUMENT with
    ErrorInfo and BadRequest unpacked from grpc-status-details-bin; and nothing it uploaded
    (person names, emails) appears in what it prints.
    """
    if not (EXAMPLE / "node_modules").is_dir():
        pytest.fail(
            "examples/node/node_modules is missing: run `make examples/node/node_modules/.installed`",
            pytrace=False,
        )
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH; the Node.js example needs Node 20 or later", pytrace=False)

    saved = tmp_path / "upload.json"
    result = subprocess.run(
        [
            node,
            "examples/node/client.mjs",
            "--address",
            server.address,
            "--token",
            TOKEN_A,
            "--dataset-id",
            "node-example",
            "--save-upload",
            str(saved),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"client failed:\n{result.stderr}"
    lines = result.stdout.strip().splitlines()
    assert lines, f"no output on stdout:\n{result.stderr}"
    summary = json.loads(lines[-1])
    uploaded = json.loads(saved.read_text())

    assert summary["health"] == "SERVING"
    assert summary["dataset"] == "datasets/node-example"
    assert summary["rows_uploaded"] == len(uploaded["names"])
    assert summary["synthesis"].startswith("datasets/node-example/syntheses/")
    assert summary["resolved_model"] == "MODEL_CART"
    assert "STAGE_DONE" in summary["stages_seen"]
    assert summary["records_read"] == 200
    assert summary["columns"] == uploaded["columns"]
    assert summary["report"]["json_parses"] is True

    error = summary["error"]
    assert error["code"] == 3  # INVALID_ARGUMENT
    assert error["reason"] == "BAD_SEED"
    assert error["domain"] == "veil.dev"
    assert any(v["field"] == "spec.seed" for v in error["violations"]), error["violations"]

    leaked = sorted(v for v in {*uploaded["names"], *uploaded["emails"]} if v in result.stdout)
    assert not leaked, f"uploaded values printed on stdout: {leaked[:5]}"
