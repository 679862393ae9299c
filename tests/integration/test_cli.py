"""The `veil` command, run as a user would (a child process, its own in-process server)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from tests.fixtures.survey import CANNED_COMMENTS, make_survey_table, raw_hits
from tests.integration.helpers import find_replays, pii_values
from veil.service.demo_data import make_demo_table

VEIL = [sys.executable, "-m", "veil.service.cli"]


def run_veil(*args, cwd):
    env = {**os.environ, "COLUMNS": "200", "HOME": str(cwd)}
    return subprocess.run([*VEIL, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def input_csv(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    frame = make_demo_table(600, seed=9)
    frame.to_csv(folder / "in.csv", index=False)
    return folder / "in.csv", frame


def test_synth_writes_records_and_reports(input_csv):
    path, frame = input_csv
    folder = path.parent
    result = run_veil(
        "synth",
        "in.csv",
        "--out",
        "out/synthetic.csv",
        "--rows",
        "250",
        "--seed",
        "4",
        "--target",
        "price",
        "--report-html",
        "r.html",
        "--report-json",
        "r.json",
        cwd=folder,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = pd.read_csv(folder / "out" / "synthetic.csv")
    assert len(out) == 250 and list(out.columns) == list(frame.columns)
    assert find_replays(out.astype({c: object for c in out.columns}), pii_values(frame)) == []
    report = json.loads((folder / "r.json").read_text())
    assert report["synthetic_rows"] == 250 and report["drift"]["utility"]["task"] == "regression"
    assert (folder / "r.html").read_text().lstrip().lower().startswith("<!doctype html")
    for stage in ("upload", "scan + scrub", "fit", "sample", "report", "download"):
        assert stage in result.stderr
    assert "none (empirical only)" in result.stdout
    # raw PII never reaches the console
    assert not [v for v in pii_values(frame) if v in result.stdout + result.stderr]


def test_scan_reports_entities_masked(input_csv):
    path, frame = input_csv
    result = run_veil("scan", "in.csv", cwd=path.parent)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = {line.split("│")[1].strip(): line for line in result.stdout.splitlines() if line.count("│") > 3}
    assert "PERSON" in lines["customer_name"] and "EMAIL_ADDRESS" in lines["email"]
    assert not [v for v in pii_values(frame) if v in result.stdout]


def test_unknown_model_is_a_clear_error(input_csv):
    path, _ = input_csv
    result = run_veil("synth", "in.csv", "--out", "x.csv", "--model", "nope", cwd=path.parent)
    assert result.returncode == 2
    assert "--model" in result.stderr and "gaussian_copula" in result.stderr
    assert not (path.parent / "x.csv").exists()


def test_missing_input_file(tmp_path):
    result = run_veil("synth", "absent.csv", "--out", "x.csv", cwd=tmp_path)
    assert result.returncode == 2 and "absent.csv" in result.stderr


def test_synth_against_a_running_server(input_csv, server, client_a):
    from tests.integration.conftest import TOKEN_A
    from veil.v1 import veil_pb2 as pb

    path, frame = input_csv
    before = {
        d.name
        for d in client_a.veil.ListDatasets(pb.ListDatasetsRequest(page_size=1000), metadata=client_a.metadata).datasets
    }
    result = run_veil(
        "synth",
        "in.csv",
        "--out",
        "remote.csv",
        "--server",
        server.address,
        "--token",
        TOKEN_A,
        "--rows",
        "100",
        cwd=path.parent,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(pd.read_csv(path.parent / "remote.csv")) == 100
    after = {
        d.name
        for d in client_a.veil.ListDatasets(pb.ListDatasetsRequest(page_size=1000), metadata=client_a.metadata).datasets
    }
    assert len(after - before) == 1  # the upload went to the running service, under the token's tenant
    refused = run_veil(
        "synth", "in.csv", "--out", "x.csv", "--server", server.address, "--token", "w" * 30, cwd=path.parent
    )
    assert refused.returncode == 2 and "UNAUTHENTICATED" in refused.stderr


@pytest.fixture(scope="module")
def scrubbed_in_one_process(input_csv):
    """`veil scrub` in batches, analysis in this process only, with a key file: (result, output path)."""
    path, _ = input_csv
    folder = path.parent
    result = run_veil(
        "scrub", "in.csv", "--out", "scrubbed/out.csv", "--batch-rows", "250", "--processes", "1",
        "--key-file", "scrub.key", cwd=folder,
    )  # fmt: skip
    return result, folder / "scrubbed" / "out.csv"


def test_scrub_writes_the_same_shape_without_raw_pii(input_csv, scrubbed_in_one_process):
    path, frame = input_csv
    result, out_path = scrubbed_in_one_process
    assert result.returncode == 0, result.stderr[-2000:]
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    out = pd.read_csv(out_path, dtype=str, keep_default_na=False)
    assert out.shape == raw.shape and list(out.columns) == list(raw.columns)
    untouched = [c for c in raw.columns if c not in ("customer_name", "email", "phone", "address", "note")]
    pd.testing.assert_frame_equal(out[untouched], raw[untouched])  # every other cell, byte for byte
    for column in ("customer_name", "email", "phone", "address"):
        assert not (out[column] == raw[column]).any(), column
    text = out_path.read_text()
    assert [v for v in pii_values(frame) if v in text] == []
    assert "customer_name" in result.stdout and "PERSON" in result.stdout


def test_scrub_on_a_local_ray_writes_what_one_process_writes(input_csv, scrubbed_in_one_process):
    path, _ = input_csv
    one, one_path = scrubbed_in_one_process
    assert one.returncode == 0, one.stderr[-2000:]
    on_ray = run_veil(
        "scrub", "in.csv", "--out", "ray.csv", "--batch-rows", "250", "--ray", "auto", "--key-file", "scrub.key",
        cwd=path.parent,
    )  # fmt: skip
    assert on_ray.returncode == 0, on_ray.stderr[-2000:]
    assert (path.parent / "ray.csv").read_bytes() == one_path.read_bytes()  # the same key: the same surrogates


def test_scrub_only_the_listed_columns(input_csv):
    path, _ = input_csv
    folder = path.parent
    result = run_veil("scrub", "in.csv", "--out", "only_email.csv", "--columns", "email", cwd=folder)
    assert result.returncode == 0, result.stderr[-2000:]
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    out = pd.read_csv(folder / "only_email.csv", dtype=str, keep_default_na=False)
    assert not (out["email"] == raw["email"]).any()
    pd.testing.assert_frame_equal(out.drop(columns=["email"]), raw.drop(columns=["email"]))


def test_scrub_names_an_unknown_column_and_leaves_no_file(input_csv):
    path, _ = input_csv
    folder = path.parent
    result = run_veil("scrub", "in.csv", "--out", "bad.csv", "--columns", "email,nope", cwd=folder)
    assert result.returncode == 2
    assert "columns.nope" in result.stderr
    assert not (folder / "bad.csv").exists() and not list(folder.glob(".bad.csv*"))


def test_synth_with_a_dp_model(input_csv):
    path, frame = input_csv
    folder = path.parent
    (folder / "public.json").write_text(
        json.dumps({"columns": {"cut": {"categories": ["Fair", "Good", "Very Good", "Premium", "Ideal"]}}})
    )
    result = run_veil(
        "synth",
        "in.csv",
        "--out",
        "dp.csv",
        "--model",
        "dp_marginal",
        "--epsilon",
        "1",
        "--delta",
        "1e-7",
        "--public",
        "public.json",
        "--report-json",
        "dp.json",
        cwd=folder,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = pd.read_csv(folder / "dp.csv")
    assert list(out.columns) == list(frame.columns) and 400 < len(out) < 560  # a DP estimate of 480 rows
    guarantee = json.loads((folder / "dp.json").read_text())["privacy_guarantee"]
    assert guarantee["kind"] == "differential_privacy" and guarantee["delta"] == 1e-7
    assert 0.9 < guarantee["epsilon"] <= 1.0
    assert guarantee["preprocessing"]["cut.categories"] == "public"
    assert guarantee["preprocessing"]["price.bounds"] == "dp"
    assert "differential privacy" in result.stdout


def test_dp_model_without_epsilon_is_a_clear_error(input_csv):
    path, _ = input_csv
    result = run_veil("synth", "in.csv", "--out", "x.csv", "--model", "dp_sgd", cwd=path.parent)
    assert result.returncode == 2  # before any upload: no dataset is left behind for a request refused
    assert "--epsilon" in result.stderr and "config.epsilon" in result.stderr
    assert not (path.parent / "x.csv").exists()


def test_synth_with_the_llm_rewriter(input_csv):
    from tests.fakes.openai_server import FakeOpenAIServer

    path, frame = input_csv
    folder = path.parent
    with FakeOpenAIServer() as fake:
        result = run_veil(
            "synth",
            "in.csv",
            "--out",
            "llm.csv",
            "--rows",
            "60",
            "--seed",
            "2",
            "--text-model",
            "llm_rewrite",
            "--text-columns",
            "note",
            "--llm-base-url",
            fake.base_url,
            "--llm-model",
            "writer",
            "--judge-model",
            "judge",
            "--embedder",
            "tfidf",
            "--report-json",
            "llm.json",
            cwd=folder,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        assert any(r.get("model") == "judge" for r in fake.requests)
    report = json.loads((folder / "llm.json").read_text())
    (text,) = report["text_columns"]
    assert text["engine"] == "llm_rewrite" and text["generation"]["judge_model"] == "judge"
    assert "text note" in result.stdout and "kept of" in result.stdout
    out = pd.read_csv(folder / "llm.csv")
    assert out["note"].notna().mean() > 0.8
    assert not [v for v in pii_values(frame) if v in result.stdout + result.stderr]


def test_text_columns_must_exist(input_csv):
    path, _ = input_csv
    result = run_veil("synth", "in.csv", "--out", "x.csv", "--text-columns", "nope", cwd=path.parent)
    assert result.returncode == 2 and "--text-columns" in result.stderr and "'nope'" in result.stderr
    assert not (path.parent / "x.csv").exists()


def test_scrub_scrubs_texts_that_repeat(tmp_path):
    """Each text four times: inferred categorical, scrubbed all the same."""
    survey, planted = make_survey_table(150, seed=12)
    notes = survey["comments"][~survey["comments"].isin(CANNED_COMMENTS)].head(60)
    frame = pd.DataFrame({"ticket": [t for t in notes for _ in range(4)]})
    frame.to_csv(tmp_path / "repeated.csv", index=False)
    result = run_veil("scrub", "repeated.csv", "--out", "out.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    out = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False)
    assert len(out) == len(frame) and (out["ticket"] != frame["ticket"]).all()
    present = [v for v in planted if any(v in t for t in notes)]
    assert len(present) > 50
    assert raw_hits(set(present), (tmp_path / "out.csv").read_text()) == []
    assert raw_hits(set(present), result.stdout + result.stderr) == []


def test_synth_on_a_survey_leaks_nothing(tmp_path):
    frame, planted = make_survey_table(600, seed=13)
    frame.to_csv(tmp_path / "survey.csv", index=False)
    result = run_veil("synth", "survey.csv", "--out", "out.csv", "--report-json", "r.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    for name in ("out.csv", "r.json"):
        assert raw_hits(planted, (tmp_path / name).read_text()) == []
    assert raw_hits(planted, result.stdout + result.stderr) == []
    out = pd.read_csv(tmp_path / "out.csv")
    assert out["interviewer_note"].str.startswith(("Spoke with", "Respondent")).mean() > 0.95


def test_synth_with_conditions_writes_exactly_the_groups(input_csv, tmp_path):
    path, _ = input_csv
    groups = tmp_path / "groups.json"
    groups.write_text('[{"rows": 40, "where": [{"column": "color", "values": ["E", "F"]}]}]')
    result = run_veil(
        "synth",
        str(path),
        "--out",
        "conditioned.csv",
        "--condition",
        "cut=Ideal|Premium,carat>=0.5:60",
        "--conditions",
        str(groups),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = pd.read_csv(tmp_path / "conditioned.csv")
    assert len(out) == 100
    first, second = out.iloc[:60], out.iloc[60:]
    assert first.cut.isin(["Ideal", "Premium"]).all() and (first.carat >= 0.5).all()
    assert second.color.isin(["E", "F"]).all()
    assert "condition group 1" in result.stdout


@pytest.mark.parametrize("spec", ["cut=Ideal", "cut~Ideal:5", "carat>=heavy:5"])
def test_a_malformed_condition_is_a_clear_error(input_csv, tmp_path, spec):
    path, _ = input_csv
    result = run_veil("synth", str(path), "--out", "x.csv", "--condition", spec, cwd=tmp_path)
    assert result.returncode == 2 and "--condition #1" in result.stderr
    assert not (tmp_path / "x.csv").exists()


def test_synth_rebalances_a_column(input_csv, tmp_path):
    path, _ = input_csv
    result = run_veil(
        "synth", str(path), "--out", "rb.csv", "--rows", "200", "--rebalance", "cut=Fair:0.25", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = pd.read_csv(tmp_path / "rb.csv")
    assert len(out) == 200 and (out.cut == "Fair").sum() == 50
