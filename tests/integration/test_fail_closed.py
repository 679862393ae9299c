"""Fail closed: no raw PII leaves Veil, whatever the data looks like (over gRPC, a real server).

The survey table hides PII where kind inference does not look: a notes column whose
canned sentence repeats, a comments column of canned phrases and call-back requests,
a date column with one name, and a category column with a few one-person values.
"""

from __future__ import annotations

import re
import sqlite3

import grpc
import pyarrow.parquet as pq
import pytest

from tests.fixtures.survey import CANNED_NOTE, make_survey_table, raw_hits
from tests.integration.helpers import captured_logs, error_details, status_details
from veil.privacy.pii.fingerprints import PiiFingerprints
from veil.service.demo_data import make_demo_table
from veil.service.enums import COLUMN_KIND
from veil.v1 import veil_pb2 as pb

NOTE_SHAPE = re.compile(r"Spoke with .+ on the phone \(.+\); follow up by mail to \S+@\S+\.")


def stored_parts(ctx, tenant: str, dataset_id: str) -> dict[str, str]:
    """What the service keeps of one dataset, by where it is kept: its artifacts (Parquet decoded to
    text, other files as bytes) and its rows in the metadata database and the privacy ledger."""
    parts: dict[str, str] = {}
    folder = ctx.store.dataset_dir(tenant, dataset_id)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        where = str(path.relative_to(folder))
        if path.suffix == ".parquet":
            parts[where] = pq.read_table(path).to_pandas().to_csv()
        else:
            parts[where] = path.read_bytes().decode("utf-8", errors="replace")
    for database in (ctx.config.data_dir / "veil.sqlite3", ctx.config.data_dir / "ledger.sqlite3"):
        with sqlite3.connect(database) as db:
            for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
                rows = db.execute(f'SELECT * FROM "{table}"').fetchall()  # noqa: S608 (names from sqlite)
                kept = [repr(row) for row in rows if dataset_id in repr(row)]
                if kept:
                    parts[f"{database.name}:{table}"] = "\n".join(kept)
    return parts


@pytest.fixture(scope="module")
def survey(client_a):
    frame, planted = make_survey_table(1500, seed=5)
    with captured_logs() as lines:
        scan = client_a.scan(frame)
        dataset = client_a.upload(frame, pb.DatasetSpec(dataset_id="survey-fail-closed", seed=2))
        op = client_a.wait_operation(
            client_a.create_synthesis(
                dataset.name, pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA, seed=4), synthesis_id="gc"
            ).name
        )
        assert not op.HasField("error"), op.error.message
        synthesis = client_a.synthesis_of(op)
        records = client_a.read_records(synthesis.name)
        report = client_a.report(synthesis.name, view=pb.GetReportRequest.VIEW_FULL)
        again = client_a.veil.GetDataset(pb.GetDatasetRequest(name=dataset.name), metadata=client_a.metadata)
    return {
        "frame": frame,
        "planted": planted,
        "scan": scan,
        "dataset": again,
        "records": records,
        "report": report,
        "logs": "\n".join(lines),
    }


def test_kinds_model_the_columns_and_scanning_does_not_depend_on_them(survey):
    kinds = {c.name: COLUMN_KIND.name(c.kind).upper() for c in survey["dataset"].columns}
    assert kinds["interviewer_note"] == "TEXT" and kinds["comments"] == "TEXT"
    assert kinds["interview_date"] == "DATETIME" and kinds["referred_by"] == "CATEGORICAL"
    scanned = {c.column: c for c in survey["scan"].columns}
    assert {"interviewer_note", "comments", "interview_date", "referred_by", "region"} <= set(scanned)
    entities = {e.entity_type for e in scanned["referred_by"].entities}
    assert "PERSON" in entities


def test_nothing_raw_in_output_reports_scan_dataset_or_logs(survey):
    planted = survey["planted"]
    assert len(planted) > 1000
    records = survey["records"]
    assert raw_hits(planted, records.astype(str).to_csv()) == []
    report = survey["report"]
    assert raw_hits(planted, report.json) == [] and raw_hits(planted, report.html) == []
    assert raw_hits(planted, str(survey["scan"])) == []
    assert raw_hits(planted, str(survey["dataset"])) == []
    assert survey["logs"] and raw_hits(planted, survey["logs"]) == []
    assert report.leakage.pii_replay.count == 0


def test_nothing_raw_on_disk(survey, server):
    parts = stored_parts(server.ctx, "tenant-a", "survey-fail-closed")
    text = "\n".join(parts.values())
    assert "interviewer_note" in text and "scan" in text  # the dataset's files and rows were read
    # where raw values are kept, and how many (never the values)
    held = {where: len(raw_hits(survey["planted"], part)) for where, part in parts.items()}
    assert {where: n for where, n in held.items() if n} == {}


def test_notes_still_read_as_notes(survey):
    notes = survey["records"]["interviewer_note"].dropna()
    canned = notes == CANNED_NOTE
    written = notes[~canned]
    assert 0.5 < canned.mean() < 0.8
    assert len(written) > 100 and written.map(lambda t: bool(NOTE_SHAPE.fullmatch(t))).mean() > 0.95


def test_rare_values_are_never_emitted(survey):
    frame, records = survey["frame"], survey["records"]
    counts = frame["referred_by"].value_counts()
    rare = set(counts[counts < 5].index)
    assert rare and not set(records["referred_by"].dropna()) & rare
    assert set(records["referred_by"].dropna()) <= {"Website", "Friend", "Newspaper", "_RARE_"}
    protection = survey["report"].leakage.value_protection
    assert protection.k == 5
    protected = {c.column: c for c in protection.columns}
    # the training split holds some of the one-person values (the rest went to the holdout)
    assert 1 <= protected["referred_by"].values <= len(rare)
    income = records["income"]
    real = frame["income"].sort_values().to_numpy()
    assert income.max() <= real[-5] and income.min() >= real[4]


def test_a_learned_raw_value_refuses_the_release(client_a, server):
    """When scrubbing has missed a value the model then learns, the synthesis is refused and nothing is stored."""
    frame = make_demo_table(300, seed=31)
    dataset = client_a.upload(frame, pb.DatasetSpec(dataset_id="missed-value"))
    ctx = server.ctx
    row = ctx.db.get_dataset("tenant-a", "missed-value")
    path = ctx.store.dataset_dir("tenant-a", "missed-value") / "fingerprints.bin"
    fingerprints = PiiFingerprints.from_bytes(ctx.dataset_key(row), path.read_bytes())
    fingerprints.add("Ideal")  # as if "Ideal" were a name the scrub had missed in the cut column
    path.write_bytes(fingerprints.to_bytes())

    op = client_a.wait_operation(
        client_a.create_synthesis(
            dataset.name, pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA), synthesis_id="refused"
        ).name
    )
    assert op.error.code == grpc.StatusCode.FAILED_PRECONDITION.value[0]
    fields, infos = status_details(op.error)
    assert infos == ["PII_REPLAY"]
    assert set(fields) == {"columns.cut"} and re.match(r"\d+ cell", fields["columns.cut"])
    assert "Ideal" not in op.error.message
    synthesis = client_a.veil.GetSynthesis(
        pb.GetSynthesisRequest(name=f"{dataset.name}/syntheses/refused"), metadata=client_a.metadata
    )
    assert synthesis.state == pb.Synthesis.STATE_FAILED
    assert not ctx.store.synthesis_dir("tenant-a", "missed-value", "refused").exists()
    with pytest.raises(grpc.RpcError) as info:
        client_a.read_records(synthesis.name)
    code, _, _ = error_details(info.value)
    assert code in (grpc.StatusCode.FAILED_PRECONDITION, grpc.StatusCode.NOT_FOUND)


@pytest.mark.parametrize(
    "config, reason",
    [
        (pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA, rare_value_threshold=-1), "BAD_RARE_VALUE_THRESHOLD"),
        (pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA, rare_value_threshold=5000), "BAD_RARE_VALUE_THRESHOLD"),
        (pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=1.0, rare_value_threshold=5), "NOT_FOR_DP_MODEL"),
    ],
)
def test_a_bad_rare_value_threshold_names_the_field(client_a, dataset, config, reason):
    with pytest.raises(grpc.RpcError) as info:
        client_a.create_synthesis(dataset.name, config)
    code, fields, reasons = error_details(info.value)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and reasons == [reason]
    assert list(fields) == ["config.rare_value_threshold"]


def test_protection_can_be_turned_off_and_the_report_says_so(client_a, dataset):
    op = client_a.wait_operation(
        client_a.create_synthesis(
            dataset.name, pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA, rare_value_threshold=1, num_rows=200)
        ).name
    )
    assert not op.HasField("error"), op.error.message
    report = client_a.report(client_a.synthesis_of(op).name, view=pb.GetReportRequest.VIEW_HTML)
    assert report.leakage.value_protection.k == 1 and not report.leakage.value_protection.columns
    assert "Rare-value protection" in report.html and "Off (k = 1)" in report.html
