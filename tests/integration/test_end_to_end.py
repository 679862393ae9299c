"""The whole path over real gRPC: upload, scan, scrub, split, fit, sample, report, download."""

from __future__ import annotations

import json
import re

import pyarrow.parquet as pq
import pytest

from tests.integration.helpers import find_replays, pii_values
from veil.service.enums import COLUMN_KIND, STAGE
from veil.v1 import veil_pb2 as pb


def test_upload_infers_kinds_and_pii(dataset, demo_frame):
    assert dataset.name == "datasets/diamonds"
    assert dataset.row_count == len(demo_frame)
    assert dataset.holdout_row_count == round(len(demo_frame) * 0.2)
    assert dataset.train_row_count + dataset.holdout_row_count == len(demo_frame)
    kinds = {c.name: (COLUMN_KIND.name(c.kind).upper(), c.pii_entity) for c in dataset.columns}
    assert [c.name for c in dataset.columns] == list(demo_frame.columns)
    for column in ("carat", "depth", "table", "price", "x", "y", "z"):
        assert kinds[column][0] == "NUMERIC", column
    for column in ("cut", "color", "clarity"):
        assert kinds[column][0] == "CATEGORICAL", column
    assert kinds["order_id"][0] == "ID"
    assert kinds["note"][0] == "TEXT"
    assert kinds["customer_name"] == ("PII", "PERSON")
    assert kinds["email"] == ("PII", "EMAIL_ADDRESS")
    assert kinds["phone"] == ("PII", "PHONE_NUMBER")
    assert kinds["address"][0] == "PII"


def test_pii_summary_is_masked(dataset, demo_frame):
    raw = pii_values(demo_frame)
    summary = {c.column: c for c in dataset.pii_summary}
    assert {"customer_name", "email", "phone", "address", "note"} <= set(summary)
    for column_scan in dataset.pii_summary:
        for sample in column_scan.masked_samples:
            assert not any(value in sample for value in raw), column_scan.column
    assert summary["email"].entities[0].cell_share > 0.9


def test_scan_of_stored_dataset(client_a, dataset):
    scan = client_a.veil.ScanPii(pb.ScanPiiRequest(dataset=dataset.name), metadata=client_a.metadata)
    by_column = {c.column: c for c in scan.columns}
    assert by_column["customer_name"].pii_entity == "PERSON"
    assert 0 < by_column["customer_name"].confidence <= 1


def test_operation_reports_stages_and_progress(finished):
    op, synthesis, seen = finished
    assert op.done and op.name.startswith("operations/")
    stages = [STAGE.name(m.stage) for m in seen]
    assert stages[-1] == "done"
    percents = [m.progress_percent for m in seen]
    assert percents == sorted(percents)
    assert percents[-1] == 100.0
    assert synthesis.state == pb.Synthesis.STATE_SUCCEEDED
    assert synthesis.resolved_model == pb.MODEL_GAUSSIAN_COPULA


def test_synthetic_records_shape(client_a, finished, dataset, demo_frame):
    _, synthesis, _ = finished
    records = client_a.read_records(synthesis.name)
    assert len(records) == dataset.train_row_count == synthesis.row_count
    assert list(records.columns) == list(demo_frame.columns)
    for column in ("carat", "price", "depth"):
        assert records[column].dtype.kind in "if"
    assert set(records["cut"].dropna()) <= set(demo_frame["cut"])
    assert records["order_id"].is_unique
    assert not set(records["order_id"]) & set(demo_frame["order_id"])


def test_no_raw_pii_in_output_or_stored_artifacts(client_a, finished, demo_frame, server):
    _, synthesis, _ = finished
    raw = pii_values(demo_frame)
    records = client_a.read_records(synthesis.name)
    assert find_replays(records, raw) == []
    assert synthesis.report_summary.pii_replay_count == 0
    # Nothing of this dataset on disk holds a raw value: parquet cells, JSON, HTML, SQLite pages.
    # (Other tests' datasets are left out: their surrogates may by chance equal a name of this table.)
    data_dir = server.config.data_dir
    files = [p for p in (data_dir / "artifacts" / "tenant-a" / "diamonds").rglob("*") if p.is_file()]
    files += [p for p in data_dir.glob("veil.sqlite3*") if p.is_file()]
    assert any(p.suffix == ".parquet" for p in files)
    sample = sorted(raw)[:400]
    for path in files:
        if path.suffix == ".parquet":
            assert find_replays(pq.read_table(path).to_pandas(), raw) == [], path.name
        else:
            blob = path.read_bytes()
            assert not [v for v in sample if v.encode() in blob], path.name


def test_report_fields_in_range(client_a, finished):
    _, synthesis, _ = finished
    report = client_a.report(synthesis.name)
    drift, leak = report.drift, report.leakage
    assert report.privacy_guarantee.kind == pb.PrivacyGuarantee.KIND_NONE
    assert report.privacy_guarantee.statement.startswith("none (empirical only)")
    # a non-DP model has seen the dataset: no DP guarantee holds for it any more
    assert report.privacy_guarantee.dataset_guarantee_void and "void" in report.privacy_guarantee.statement
    modelled = {"carat", "cut", "color", "clarity", "depth", "table", "price", "x", "y", "z"}
    assert {c.column for c in drift.columns} == modelled
    for c in drift.columns:
        assert 0.0 <= c.score_vs_holdout <= 1.0 and 0.0 <= c.score_vs_train <= 1.0
        assert c.metric in ("KSComplement", "TVComplement")
    assert drift.pairs and all(0.0 <= p.score_vs_holdout <= 1.0 for p in drift.pairs)
    assert 0.5 < drift.column_shape_score <= 1.0
    assert 0.0 <= drift.detection_auc <= 1.0
    assert drift.utility.target_column == "cut" and drift.utility.task == "classification"
    assert 0.0 <= drift.utility.synthetic_score <= 1.0 and 0.0 <= drift.utility.real_score <= 1.0
    assert 0.0 <= leak.dcr_share <= 1.0 and leak.dcr_median >= 0 and 0 <= leak.nndr_median <= 1
    assert leak.exact_copies >= 0 and leak.pii_replay.count == 0 and leak.pii_replay.fingerprints_checked > 0
    assert report.synthetic_rows == synthesis.row_count
    assert report.holdout_rows > 0 and report.train_rows > 0
    as_json = json.loads(report.json)
    assert as_json["drift"]["column_shape_score"] == pytest.approx(drift.column_shape_score)
    html = report.html
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "<svg" in html and "none (empirical only)" in html
    assert not re.search(r"""(src|href)=["']?https?://""", html)


def test_report_views(client_a, finished):
    _, synthesis, _ = finished
    basic = client_a.report(synthesis.name, view=pb.GetReportRequest.VIEW_BASIC)
    assert basic.json == "" and basic.html == ""
    by_report_name = client_a.report(synthesis.name + "/report", view=pb.GetReportRequest.VIEW_JSON)
    assert by_report_name.json and not by_report_name.html


def test_list_and_get(client_a, dataset, finished):
    listed = client_a.veil.ListDatasets(pb.ListDatasetsRequest(), metadata=client_a.metadata)
    assert dataset.name in [d.name for d in listed.datasets]
    got = client_a.veil.GetDataset(pb.GetDatasetRequest(name=dataset.name), metadata=client_a.metadata)
    assert got == dataset
    syntheses = client_a.veil.ListSyntheses(pb.ListSynthesesRequest(parent=dataset.name), metadata=client_a.metadata)
    assert finished[1].name in [s.name for s in syntheses.syntheses]


def test_same_seed_same_output(client_a, dataset, finished):
    _, first, _ = finished
    op = client_a.create_synthesis(dataset.name, first.config, synthesis_id="gc-again")
    again = client_a.synthesis_of(client_a.wait_operation(op.name))
    a = client_a.read_records(first.name)
    b = client_a.read_records(again.name)
    numeric = ["carat", "cut", "color", "clarity", "depth", "table", "price", "x", "y", "z"]
    assert a[numeric].equals(b[numeric])


def test_the_default_engine_is_cart_and_reports_its_guards(client_a, dataset):
    op = client_a.create_synthesis(dataset.name, pb.SynthesisConfig(seed=5), synthesis_id="default-engine")
    done = client_a.wait_operation(op.name)
    assert not done.HasField("error"), done.error
    synthesis = client_a.synthesis_of(done)
    assert synthesis.resolved_model == pb.MODEL_CART
    leak = client_a.report(synthesis.name).leakage
    guards = dict(leak.engine_guards)
    assert guards["min_leaf"] >= 5 and guards["smoothed_below"] == 5 and guards["drawn"] >= synthesis.row_count
    # exact copies beside the rate a real sample shows (holdout rows equal to a training row)
    assert 0.0 <= leak.natural_copy_share <= 1.0
    assert leak.exact_copy_share <= max(leak.natural_copy_share, 0.001)
    html = client_a.report(synthesis.name, view=pb.GetReportRequest.VIEW_HTML).html
    assert "Engine privacy guards" in html and "of holdout rows do" in html
