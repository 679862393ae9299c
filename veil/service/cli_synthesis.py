"""One synthesis from the `veil` command: upload, synthesize, download, write the files, print a summary."""

from __future__ import annotations

import json
import pathlib
from typing import TYPE_CHECKING

import pandas as pd
from rich.console import Console
from rich.table import Table

from veil.service.cli_console import console, fail, grpc_error_text

if TYPE_CHECKING:
    from veil.service.enums import EnumNames


def read_public_columns(path: pathlib.Path | None) -> tuple[list, int]:
    """PublicColumn messages and the public row count from a JSON file.

    The file reads like
    {"columns": {"price": {"lower": 0, "upper": 20000}, "cut": {"categories": [...]}}, "row_count": 1000}.

    Args:
        path: The JSON file, or None for no public metadata.

    Returns:
        The PublicColumn messages and the public row count (0 when not given).
    """
    from veil.v1 import veil_pb2 as pb

    if path is None:
        return [], 0
    try:
        data = json.loads(path.read_text())
        columns = [
            pb.PublicColumn(
                column=name,
                lower=spec.get("lower"),
                upper=spec.get("upper"),
                categories=[str(c) for c in spec.get("categories") or []],
            )
            for name, spec in (data.get("columns") or {}).items()
        ]
        return columns, int(data.get("row_count") or 0)
    except (OSError, ValueError, AttributeError, TypeError) as exc:
        fail(f"--public {path}: not a public-metadata JSON file ({type(exc).__name__})")


def engine_number(names: EnumNames, option: str, name: str) -> int:
    """The contract's enum number of an engine named on the command line; exit 2 when it has none."""
    try:
        return names.number(name)
    except ValueError:
        fail(f"{option}: unknown engine; known: {', '.join(names.names())}")


def check_engines(model: str, text_model: str, epsilon: float) -> None:
    """Exit 2 on an engine name the contract does not know, or a DP model without its target, before any data
    is uploaded (a dataset the synthesis then refuses would be left on the server) or a server started."""
    from veil.service.enums import MODEL, TEXT_MODEL
    from veil.synthesizers.catalog import TABULAR

    engine_number(MODEL, "--model", model)
    engine_number(TEXT_MODEL, "--text-model", text_model)
    if model in TABULAR.names(differentially_private=True) and epsilon <= 0:
        fail(f"--epsilon: model {model} is differentially private and needs a target epsilon > 0 (config.epsilon)")


def run_synthesis(
    *,
    frame: pd.DataFrame,
    out: pathlib.Path,
    model: str,
    rows: int,
    seed: int,
    epochs: int,
    target: str,
    report_html: pathlib.Path | None,
    report_json: pathlib.Path | None,
    address: str,
    token: str,
    display_name: str,
    epsilon: float = 0.0,
    delta: float = 0.0,
    epsilon_budget: float = 0.0,
    public: pathlib.Path | None = None,
    text_model: str = "",
    text: dict | None = None,
    text_columns: tuple[str, ...] = (),
    rare_value_threshold: int = 0,
    max_risk: float = 0.0,
    conditions: list | None = None,
    rebalance=None,
    fill_gaps=None,
) -> dict:
    """Run one synthesis on a service, with a stage progress display, and write its results.

    Uploads the frame, synthesizes, downloads the synthetic rows and the report, writes the
    synthetic CSV (and the reports when asked), then prints a summary table on stdout.
    Any failure ends the command (exit code 2) with the service's message.

    Args:
        frame: The real records.
        out: Where to write the synthetic CSV.
        model: The synthesizer.
        rows: Rows to generate (0 = as many as the training split).
        seed: Seed of the split, the fit and the sample.
        epochs: Epochs for neural models (0 = engine default).
        target: Column to predict for the utility score ("" = none).
        report_html: Where to write the HTML report, or None.
        report_json: Where to write the JSON report, or None.
        address: HOST:PORT of the service.
        token: Bearer token for the service.
        display_name: The dataset's name on the service.
        epsilon: Target epsilon of a DP model.
        delta: Target delta of a DP model.
        epsilon_budget: Total epsilon budget of the uploaded dataset.
        public: JSON file of public metadata for DP models, or None.
        text_model: Text engine for free-text columns.
        text: Fields of the request's TextConfig.
        text_columns: Columns to treat as free text.
        rare_value_threshold: Rare-value protection threshold (0 = the service default).
        max_risk: Refuse the release when an attack's risk is confidently above this (0 = no limit).
        conditions: ConditionGroup messages: the rows to make instead of ``rows``.
        rebalance: A Rebalance message, or None.
        fill_gaps: A FillGaps message, or None.

    Returns:
        The files written, by label.
    """
    import grpc

    from veil.service.cli_progress import StageProgress
    from veil.service.client import VeilClient
    from veil.service.enums import MODEL, TEXT_MODEL
    from veil.v1 import veil_pb2 as pb

    check_engines(model, text_model, epsilon)
    with VeilClient(address, token) as client, StageProgress(console) as progress:
        try:
            client.wait_ready()
            progress.start("upload", total=len(frame))
            public_columns, public_rows = read_public_columns(public)
            dataset = client.upload(
                frame,
                pb.DatasetSpec(
                    display_name=display_name,
                    seed=seed,
                    privacy_policy=pb.PrivacyPolicy(epsilon_budget=epsilon_budget),
                    column_overrides=[pb.ColumnOverride(column=c, kind=pb.COLUMN_KIND_TEXT) for c in text_columns],
                ),
                on_progress=lambda done, total: progress.update(
                    "upload", done, then="scan + scrub" if done >= total else None
                ),
            )
            progress.finish("scan + scrub")
            op = client.create_synthesis(
                dataset.name,
                pb.SynthesisConfig(
                    model=engine_number(MODEL, "--model", model),
                    num_rows=rows,
                    seed=seed,
                    epochs=epochs,
                    target_column=target,
                    epsilon=epsilon,
                    delta=delta,
                    public_columns=public_columns,
                    public_row_count=public_rows,
                    text_model=engine_number(TEXT_MODEL, "--text-model", text_model),
                    text=pb.TextConfig(**(text or {})),
                    rare_value_threshold=rare_value_threshold,
                    max_risk=max_risk,
                    conditions=conditions or [],
                    rebalance=rebalance,
                    fill_gaps=fill_gaps,
                ),
            )
            op = client.wait_operation(op.name, on_progress=progress.from_operation)
            if op.HasField("error"):
                progress.stop()
                fail(f"synthesis failed: {op.error.message}")
            synthesis = client.synthesis_of(op)
            progress.start("download", total=synthesis.row_count)
            synthetic = client.read_records(synthesis.name, on_progress=lambda n: progress.update("download", n))
            report = client.report(synthesis.name)
            progress.finish("download")
        except grpc.RpcError as exc:
            progress.stop()
            fail(grpc_error_text(exc))
        except ValueError as exc:
            progress.stop()
            fail(str(exc))
    out.parent.mkdir(parents=True, exist_ok=True)
    synthetic.to_csv(out, index=False)
    written = {"synthetic CSV": out}
    if report_json:
        report_json.write_text(report.json)
        written["report (JSON)"] = report_json
    if report_html:
        report_html.write_text(report.html)
        written["report (HTML)"] = report_html
    print_summary(synthesis, report, written)
    return written


def fmt(message, field: str, digits: int) -> str:
    """An optional figure of a report message, or "n/a" when it was not measured."""
    return f"{getattr(message, field):.{digits}f}" if message.HasField(field) else "n/a"


def print_summary(synthesis, report, written: dict) -> None:
    """Print a table of the synthesis on stdout: guarantee, headline scores, text columns, warnings, files.

    Args:
        synthesis: The Synthesis message.
        report: The Report message.
        written: The files written, by label.
    """
    from veil.service.enums import MODEL

    out = Console()
    table = Table(title=f"{synthesis.name} ({MODEL.name(synthesis.resolved_model)})", show_header=False)
    s = synthesis.report_summary
    table.add_row("privacy guarantee", synthesis.privacy_guarantee.statement)
    table.add_row("rows", str(synthesis.row_count))
    table.add_row("column shape similarity", fmt(s, "column_shape_score", 3))
    table.add_row("pair trend similarity", fmt(s, "pair_trend_score", 3))
    table.add_row("detection AUC (0.5 ideal)", fmt(s, "detection_auc", 3))
    table.add_row("exact copies of training rows", str(s.exact_copies))
    table.add_row("DCR share (0.5 ideal)", fmt(s, "dcr_share", 3))
    table.add_row("PII replay", str(s.pii_replay_count))
    attacks = report.leakage.attacks
    if attacks.verdict:
        largest = max(attacks.risks, key=lambda r: r.risk if r.HasField("risk") else -1.0, default=None)
        shown = (
            f"largest risk {fmt(largest, 'risk', 3)} [{fmt(largest, 'risk_low', 3)}, {fmt(largest, 'risk_high', 3)}] "
            f"({largest.attack} {largest.mode})"
            if largest is not None
            else "no attack could run"
        )
        table.add_row("attacks (empirical)", f"{attacks.verdict}: {shown}")
        for risk in attacks.risks:
            if risk.verdict in ("warn", "fail"):
                table.add_row(
                    f"  {risk.attack} {risk.mode}",
                    f"{risk.verdict}: risk {fmt(risk, 'risk', 3)} "
                    f"[{fmt(risk, 'risk_low', 3)}, {fmt(risk, 'risk_high', 3)}]",
                )
        for member in attacks.membership:
            table.add_row(
                f"  membership ({member.attack})",
                f"{member.verdict}: AUC {fmt(member, 'auc', 3)}, TPR at 1% FPR {fmt(member, 'tpr_at_1pct_fpr', 3)}",
            )
    for c in report.conditions:
        table.add_row(
            f"condition group {c.group}",
            f"{c.rows_made} of {c.rows_asked} rows ({c.method}, {c.rows_drawn} drawn); {c.holdout_rows} holdout "
            f"rows like them, column shape {fmt(c, 'column_shape_score', 3)}",
        )
    for t in report.text_columns:
        g, lk, dv = t.generation, t.leakage, t.diversity
        table.add_row(
            f"text {t.column}", f"{g.engine}: {g.kept} kept of {g.candidates} candidates" if g.candidates else g.engine
        )
        if g.rejected:
            table.add_row(f"text {t.column} rejected", ", ".join(f"{k} {v}" for k, v in sorted(g.rejected.items())))
        if g.requests:
            table.add_row(
                f"text {t.column} LLM",
                f"{g.requests} requests, {g.retries} retries, "
                f"{g.prompt_tokens + g.completion_tokens} tokens, cost {g.cost:.4g}",
            )
        table.add_row(
            f"text {t.column} diversity",
            f"distinct-2 {fmt(dv, 'distinct_2', 3)}, Vendi {fmt(dv, 'vendi', 1)} "
            f"(real {fmt(dv, 'vendi_real', 1)}), cluster coverage {fmt(dv, 'cluster_coverage', 2)}",
        )
        table.add_row(
            f"text {t.column} leakage",
            f"longest overlap {lk.longest_overlap_max} tokens, PII replay "
            f"{lk.pii_replay}"
            + (f", canaries back {lk.canaries_exposed}/{lk.canaries_planted}" if lk.canaries_planted else ""),
        )
        for warning in t.warnings:
            table.add_row(f"text {t.column} warning", warning)
    for warning in report.warnings:
        table.add_row("warning", warning)
    for label, path in written.items():
        table.add_row(label, str(path.resolve()))
    out.print(table)
