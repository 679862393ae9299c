"""CreateSynthesis: the job that fits, samples, filters, reports and stores.

The synthesizer sees only the scrubbed training split; the holdout is read
for the report alone.
"""

from __future__ import annotations

import logging
import math
import sqlite3
import time
import uuid
from dataclasses import asdict, dataclass, field

import pyarrow as pa

from veil.privacy.leakage.gate import release_gate
from veil.privacy.pii import PiiFingerprints, SurrogateFactory
from veil.reports.assemble import build_report
from veil.reports.model import PiiReplay, PrivacyGuarantee, ValueProtection
from veil.reports.render import render_html, render_json
from veil.core.errors import VeilError, ViolationCollector
from veil.service.errors import AlreadyExists, Cancelled, InvalidArgument, NotFound, log_unexpected
from veil.service.config import ServiceConfig
from veil.service.pipeline import budget
from veil.service.pipeline import text as text_stage
from veil.service.pipeline.context import ServiceContext
from veil.service.pipeline.upload import ID_RE
from veil.service.runner import JobHandle, OperationRunner
from veil.service.stages import STAGE_RANGES
from veil.service.storage.db import DatasetRow, OperationRow, SynthesisRow
from veil.core.kinds import split_kind
from veil.synthesizers.errors import SynthesizerError
from veil.synthesizers.catalog import TABULAR
from veil.synthesizers.registry import available_synthesizers, create_synthesizer
from veil.synthesizers.protection import DEFAULT_K, check_k
from veil.synthesizers.tabular.dp_domain import PublicMetadata
from veil.synthesizers.text import available_text_synthesizers
from veil.synthesizers.text.validation import presidio_scanner

logger = logging.getLogger(__name__)

MAX_ROWS = 10_000_000


@dataclass(frozen=True)
class SynthesisConfig:
    model: str = "auto"
    num_rows: int = 0
    seed: int = 0
    target_column: str = ""
    epochs: int = 0
    text_model: str = "surrogate"
    # DP models only: target (epsilon, delta) and what the caller declares public.
    epsilon: float = 0.0
    delta: float = 0.0
    public_columns: tuple[dict, ...] = ()
    public_row_count: int = 0
    # TextConfig fields the request set (endpoint, models, filters, canaries).
    text: dict = field(default_factory=dict)
    # Rare-value protection's k for non-DP models (0: the default).
    rare_value_threshold: int = 0

    @property
    def differentially_private(self) -> bool:
        return self.model in TABULAR.names(differentially_private=True)

    def public_metadata(self) -> PublicMetadata:
        return PublicMetadata.from_dict({
            "columns": {c["column"]: {k: v for k, v in c.items() if k != "column"} for c in self.public_columns},
            "row_count": self.public_row_count or None})


MAX_EPSILON = 100.0
"""Largest target epsilon accepted: beyond it a DP statement no longer means much."""


def validate_config(config: SynthesisConfig, dataset: DatasetRow, *,
                    service: ServiceConfig) -> tuple[SynthesisConfig, text_stage.TextPlan]:
    problems = ViolationCollector()
    models = available_synthesizers()
    if config.model not in models:
        problems.add("config.model", f"unknown model {config.model!r}; known: {', '.join(models)}",
                     reason="UNKNOWN_MODEL")
    text_models = available_text_synthesizers()
    if config.text_model not in text_models:
        problems.add("config.text_model", f"unknown text model {config.text_model!r}; known: "
                     f"{', '.join(text_models)}", reason="UNKNOWN_MODEL")
    if not 0 <= config.num_rows <= MAX_ROWS:
        problems.add("config.num_rows", f"must be between 1 and {MAX_ROWS} (0 = training rows)")
    if config.epochs < 0 or config.epochs > 10_000:
        problems.add("config.epochs", "must be between 0 and 10000")
    _validate_privacy(config, dataset, problems)
    plan = text_stage.plan_text(model=config.model, text_model=config.text_model, text=config.text,
                                kinds=dataset_kinds(dataset), service=service, problems=problems)
    if config.target_column:
        kinds = {c["name"]: c["kind"] for c in dataset.columns}
        if config.target_column not in kinds:
            problems.add("config.target_column", "names no column of the dataset", reason="UNKNOWN_COLUMN")
        elif kinds[config.target_column] not in ("numeric", "categorical", "boolean"):
            problems.add("config.target_column", f"a {kinds[config.target_column]} column cannot be a target",
                         reason="BAD_TARGET")
    problems.raise_if_any("the synthesis config is invalid", error=InvalidArgument)
    if config.differentially_private:
        # The row count is the training data's size: a DP model estimates it (or takes the public one).
        return SynthesisConfig(**{**asdict(config), "delta": config.delta or service.default_synthesis_delta}), plan
    return SynthesisConfig(**{**asdict(config), "num_rows": config.num_rows or dataset.train_rows}), plan


def _validate_privacy(config: SynthesisConfig, dataset: DatasetRow, problems: ViolationCollector) -> None:
    if config.differentially_private:
        if config.rare_value_threshold:
            problems.add("config.rare_value_threshold", f"model {config.model!r} is differentially private; its "
                         "guarantee covers rare values, and rare-value protection applies to the other models only",
                         reason="NOT_FOR_DP_MODEL")
    elif config.rare_value_threshold and (problem := check_k(config.rare_value_threshold)) is not None:
        problems.add("config.rare_value_threshold", f"{problem}; 0 means the default ({DEFAULT_K})",
                     reason="BAD_RARE_VALUE_THRESHOLD")
    if not config.differentially_private:
        for name, value in (("config.epsilon", config.epsilon), ("config.delta", config.delta),
                            ("config.public_columns", config.public_columns),
                            ("config.public_row_count", config.public_row_count)):
            if value:
                problems.add(name, f"model {config.model!r} is not differentially private; this applies only to "
                             f"{', '.join(TABULAR.names(differentially_private=True))}", reason="NOT_A_DP_MODEL")
        return
    if not config.epsilon:
        problems.add("config.epsilon", f"model {config.model!r} is differentially private and needs a target "
                     "epsilon; there is no default", reason="EPSILON_REQUIRED")
    elif not (math.isfinite(config.epsilon) and 0 < config.epsilon <= MAX_EPSILON):
        problems.add("config.epsilon", f"must be in (0, {MAX_EPSILON:g}]", reason="BAD_EPSILON")
    if config.delta and not (math.isfinite(config.delta) and 0 < config.delta < 1):
        problems.add("config.delta", "must be in (0, 1) (0 = the service's default)", reason="BAD_DELTA")
    if config.public_row_count < 0:
        problems.add("config.public_row_count", "must be >= 0", reason="BAD_PUBLIC_METADATA")
    try:
        config.public_metadata().validate(dataset_kinds(dataset))
    except SynthesizerError as exc:
        for field, message in exc.violations:
            problems.add(field, message, reason="BAD_PUBLIC_METADATA")


def dataset_kinds(dataset: DatasetRow) -> dict[str, str]:
    return {c["name"]: (f"pii:{c['pii_entity']}" if c["kind"] == "pii" else c["kind"]) for c in dataset.columns}


def create_synthesis(ctx: ServiceContext, runner: OperationRunner, *, tenant: str, dataset_id: str,
                     synthesis_id: str, config: SynthesisConfig) -> tuple[SynthesisRow, OperationRow]:
    dataset = ctx.db.get_dataset(tenant, dataset_id)
    if dataset is None:
        raise NotFound(f"datasets/{dataset_id} not found", reason="DATASET_NOT_FOUND",
                       violations=[("parent", "no such dataset")])
    if synthesis_id and not ID_RE.match(synthesis_id):
        raise InvalidArgument("synthesis_id is not a valid id", reason="BAD_ID",
                              violations=[("synthesis_id", "must match [a-z]([a-z0-9-]{0,61}[a-z0-9])?")])
    config, plan = validate_config(config, dataset, service=ctx.config)
    synthesis_id = synthesis_id or f"syn-{uuid.uuid4().hex[:12]}"
    if ctx.db.synthesis_exists(tenant, dataset_id, synthesis_id):
        raise AlreadyExists(f"datasets/{dataset_id}/syntheses/{synthesis_id} already exists",
                            reason="SYNTHESIS_EXISTS", violations=[("synthesis_id", "already exists")])
    # The charge comes first: a job is queued only once its budget is reserved.
    charge_id = budget.reserve(ctx, dataset, synthesis_id=synthesis_id, model=config.model,
                               dp=config.differentially_private, epsilon=config.epsilon, delta=config.delta)
    now = time.time()
    op_id = uuid.uuid4().hex
    syn = SynthesisRow(tenant=tenant, dataset=dataset_id, id=synthesis_id, config=asdict(config), state="PENDING",
                       operation=op_id, create_time=now, update_time=now)
    op = OperationRow(id=op_id, tenant=tenant, synthesis=syn.name, stage="queued", progress=0.0, done=False,
                      cancel_requested=False, create_time=now, update_time=now)
    try:
        ctx.db.insert_synthesis(syn, op)
    except LookupError:
        ctx.ledger.release(charge_id)
        raise NotFound(f"datasets/{dataset_id} not found", reason="DATASET_NOT_FOUND",
                       violations=[("parent", "no such dataset")]) from None
    except sqlite3.IntegrityError:  # the same id, created concurrently
        ctx.ledger.release(charge_id)
        raise AlreadyExists(f"datasets/{dataset_id}/syntheses/{synthesis_id} already exists",
                            reason="SYNTHESIS_EXISTS", violations=[("synthesis_id", "already exists")]) from None
    except Exception:  # no job will ever run for this charge
        ctx.ledger.release(charge_id)
        raise
    runner.submit(op_id, lambda handle: run_synthesis_job(ctx, handle, dataset, syn.id, config, plan, charge_id))
    return syn, op


def _error_dict(exc: BaseException) -> dict:
    """What a failed job keeps: Veil errors as they are; others by type only (their text may quote values)."""
    if isinstance(exc, VeilError):
        return {"code": exc.code, "reason": exc.reason, "message": str(exc),
                "violations": [list(v) for v in exc.violations]}
    return {"code": "INTERNAL", "reason": "INTERNAL", "message": f"internal error ({type(exc).__name__})",
            "violations": []}


@dataclass
class _JobState:
    """What the error paths need to know: the charge, and the engine once it exists."""

    charge_id: str
    synth: object = None

    def spent(self) -> tuple[float, float]:
        return getattr(self.synth, "privacy_spent", (0.0, 0.0))


def run_synthesis_job(ctx: ServiceContext, handle: JobHandle, dataset: DatasetRow, synthesis_id: str,
                      config: SynthesisConfig, plan: text_stage.TextPlan, charge_id: str) -> None:
    tenant, dataset_id = dataset.tenant, dataset.id
    db = ctx.db
    state = _JobState(charge_id=charge_id)
    try:
        handle.check_cancelled()
        db.update_synthesis(tenant, dataset_id, synthesis_id, state="RUNNING")
        result = _synthesize(ctx, handle, dataset, synthesis_id, config, plan, state)
        handle.check_cancelled()
        epsilon, delta = state.spent()
        ctx.ledger.settle(charge_id, epsilon_spent=epsilon, delta_spent=delta)
        db.update_synthesis(tenant, dataset_id, synthesis_id, state="SUCCEEDED", **result)
        db.update_operation(handle.op_id, stage="done", progress=100.0, done=True)
    except Exception as exc:  # every failure ends the job as FAILED (or CANCELLED) with a reason
        # Refund what never touched the data; keep what the engine's accountant says it used.
        epsilon, delta = state.spent()
        ctx.ledger.release(charge_id, epsilon_spent=epsilon, delta_spent=delta)
        ctx.store.remove_tree(ctx.store.synthesis_dir(tenant, dataset_id, synthesis_id))
        error = _error_dict(exc)
        cancelled = isinstance(exc, Cancelled)
        db.update_synthesis(tenant, dataset_id, synthesis_id, state="CANCELLED" if cancelled else "FAILED",
                            error=error)
        db.update_operation(handle.op_id, stage="cancelled" if cancelled else "failed", done=True, error=error)
        if cancelled:
            logger.info("synthesis %s/%s cancelled", dataset_id, synthesis_id)
        elif isinstance(exc, VeilError):
            logger.error("synthesis %s/%s failed: %s (%s)", dataset_id, synthesis_id, type(exc).__name__,
                         error["reason"])
        else:
            log_unexpected(logger, f"synthesis {dataset_id}/{synthesis_id}", exc)


def _synthesize(ctx: ServiceContext, handle: JobHandle, dataset: DatasetRow, synthesis_id: str,
                config: SynthesisConfig, plan: text_stage.TextPlan, state: _JobState) -> dict:
    tenant, dataset_id = dataset.tenant, dataset.id
    timings: dict[str, float] = {}
    data_dir = ctx.store.dataset_dir(tenant, dataset_id)
    kinds = dataset_kinds(dataset)
    dp = config.differentially_private
    llm = text_stage.open_llm(plan)
    # Generated texts are re-scanned with the service's own PII engine (its spaCy model, lists and locale).
    pii_scanner = presidio_scanner(engine=ctx.pii, lock=ctx.pii_lock) if plan.columns else None
    synth = create_synthesizer(config.model, seed=config.seed, epochs=config.epochs or None,
                               text_model=config.text_model, text_options=plan.options, llm=llm,
                               pii_scanner=pii_scanner,
                               **({"epsilon": config.epsilon, "delta": config.delta,
                                   "public": config.public_metadata()} if dp else
                                  {"rare_value_k": config.rare_value_threshold or DEFAULT_K}))
    state.synth = synth
    handle.check_cancelled()
    ctx.ledger.mark_touched(state.charge_id)  # write-ahead: from here on the charge is not refundable
    real_train = ctx.store.read_table(data_dir / "train.parquet").to_pandas()
    canaries = text_stage.make_canaries(plan.canaries, seed=config.seed) if plan.columns else []
    train = text_stage.plant_canaries(real_train, plan.columns, canaries, seed=config.seed)

    t0 = time.perf_counter()
    synth.fit(train, kinds=kinds, progress=handle.stage_progress("fit", *STAGE_RANGES["fit"]))
    timings["fit"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    num_rows = config.num_rows or (synth.estimated_rows if dp else len(train))
    synthetic = synth.sample(num_rows, progress=handle.stage_progress("sample", *STAGE_RANGES["sample"]))
    timings["sample"] = time.perf_counter() - t0
    exposed = synthetic
    synthetic, canary_drops = text_stage.strip_canaries(synthetic, plan.columns, canaries,
                                                        threshold=plan.options.leakage_ngram)

    t0 = time.perf_counter()
    handle.report("filter", STAGE_RANGES["filter"][0])
    key = ctx.dataset_key(dataset)
    fingerprints = PiiFingerprints.from_bytes(key, (data_dir / "fingerprints.bin").read_bytes())
    entity_by_column = {c: split_kind(k)[1] for c, k in kinds.items() if k.startswith("pii:")}
    gate_replaced: dict[str, int] = {}
    replays: dict[str, int] = {}
    if not dp:
        # Release gate: no raw PII value of the input leaves, not even by coincidence; a label a
        # model copied raw is refused, not patched. A DP model's output is only measured: its
        # PII columns are drawn without looking at the data, and filtering them against it
        # would make the release depend on the data outside the accountant's view.
        factory = SurrogateFactory(key + b"fresh", avoid=fingerprints)
        outcome = release_gate(synthetic, fingerprints=fingerprints, fresh_columns=entity_by_column,
                               text_columns=plan.columns, factory=factory,
                               label_columns=[c for c, k in kinds.items() if k in ("categorical", "boolean")],
                               date_columns=[c for c, k in kinds.items() if k == "datetime"])
        outcome.raise_if_refused()
        synthetic, gate_replaced, replays = outcome.frame, outcome.replaced, outcome.remaining
    else:
        replays = fingerprints.count_replays(synthetic)  # the whole output, every column
    timings["filter"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    holdout = ctx.store.read_table(data_dir / "holdout.parquet").to_pandas()
    void = budget.statement(ctx, dataset).guarantee_void
    guarantee = _guarantee(synth, dp=dp, void=void)
    report = build_report(
        train=real_train, holdout=holdout, synthetic=synthetic, kinds=kinds,
        target_column=config.target_column or None, seed=config.seed,
        pii_replay=PiiReplay(count=sum(replays.values()), by_column=replays, fingerprints_checked=len(fingerprints),
                             gate_replaced=gate_replaced),
        guarantee=guarantee, title=f"datasets/{dataset_id}/syntheses/{synthesis_id}",
        progress=handle.stage_progress("report", *STAGE_RANGES["report"]))
    if not dp:
        report.leakage.value_protection = ValueProtection.model_validate(synth.books["value_protection"])
    if plan.columns:
        report.text_columns = text_stage.text_reports(
            synth=synth, plan=plan, train=real_train, holdout=holdout, synthetic=synthetic, exposed=exposed,
            embedder=text_stage.open_embedder(plan, llm), llm=llm, replays=replays, canaries=canaries,
            seed=config.seed)
    if canary_drops:
        report.warnings.append(f"{canary_drops} generated texts carried part of a planted canary and were dropped")
    timings["report"] = time.perf_counter() - t0
    report.timings.update({k: round(v, 3) for k, v in timings.items()})
    if gate_replaced:
        report.warnings.append(f"release gate: {sum(gate_replaced.values())} generated cells coincided with raw PII "
                               f"values of the input and were replaced ({', '.join(sorted(gate_replaced))})")
    if dp and void:
        report.warnings.append("a non-DP synthesis of this dataset exists: this release is "
                               f"({guarantee.epsilon:.3g}, {guarantee.delta:.3g})-DP, but no DP guarantee holds "
                               "for the dataset as a whole")
    if dp and plan.columns and not synth.text_engines:
        report.warnings.append("text columns are withheld (emitted empty): no DP text model was selected")

    handle.report("store", 97)
    t0 = time.perf_counter()
    out_dir = ctx.store.synthesis_dir(tenant, dataset_id, synthesis_id)
    ctx.store.write_table(out_dir / "synthetic.parquet", pa.Table.from_pandas(synthetic, preserve_index=False))
    ctx.store.write_text(out_dir / "report.json", render_json(report))
    ctx.store.write_text(out_dir / "report.html", render_html(report))
    timings["store"] = time.perf_counter() - t0
    logger.info("synthesis %s/%s done: %s", dataset_id, synthesis_id,
                ", ".join(f"{k} {v:.1f}s" for k, v in timings.items()))
    drift, leak = report.drift, report.leakage
    return {
        "resolved_model": getattr(synth, "resolved_name", config.model),
        "guarantee": report.privacy_guarantee.model_dump(mode="json"),
        "summary": {"column_shape_score": drift.column_shape_score, "pair_trend_score": drift.pair_trend_score,
                    "detection_auc": drift.detection_auc, "exact_copies": leak.exact_copies,
                    "dcr_share": leak.dcr_share, "pii_replay_count": leak.pii_replay.count},
        "row_count": len(synthetic),
        "timings": {k: round(v, 4) for k, v in timings.items()},
    }


def _guarantee(synth: object, *, dp: bool, void: bool) -> PrivacyGuarantee:
    """What the report states: the accountant's (epsilon, delta) for DP models, else none."""
    if not dp:
        return PrivacyGuarantee.none(dataset_guarantee_void=void)
    epsilon, delta = synth.privacy_spent
    books = synth.dp_books
    public = books["public"]
    preprocessing = {f"{col}.{step}": how for col, steps in public["columns"].items() for step, how in steps.items()}
    preprocessing.update({k: v for k, v in public.items() if k != "columns"})
    return PrivacyGuarantee.differential_privacy(
        epsilon=epsilon, delta=delta, accountant=books["accountant"], preprocessing=preprocessing,
        spends=[{"purpose": p, "rho": r} for p, r in books.get("rho_spends", [])], dataset_guarantee_void=void)
