"""CreateSynthesis: queue a synthesis job, run it, and record how it ended.

The job's stages are in :mod:`veil.service.pipeline.synthesis_job`; the request's config and its
validation in :mod:`veil.service.pipeline.synthesis_config`.
"""

from __future__ import annotations

import logging
import sqlite3
import time
import uuid
from dataclasses import asdict

from veil.core.errors import VeilError
from veil.service.errors import AlreadyExists, Cancelled, InvalidArgument, NotFound, log_unexpected
from veil.service.pipeline import budget
from veil.service.pipeline import text as text_stage
from veil.service.pipeline.context import ServiceContext
from veil.service.pipeline.synthesis_config import (
    SynthesisConfig,
    check_conditions_against_data,
    dataset_kinds,
    validate_config,
)
from veil.service.pipeline.synthesis_job import SynthesisJob
from veil.service.pipeline.upload import ID_RE
from veil.service.runner import JobHandle, OperationRunner
from veil.service.storage.db import DatasetRow, OperationRow, SynthesisRow

logger = logging.getLogger(__name__)


def create_synthesis(
    ctx: ServiceContext,
    runner: OperationRunner,
    *,
    tenant: str,
    dataset_id: str,
    synthesis_id: str,
    config: SynthesisConfig,
) -> tuple[SynthesisRow, OperationRow]:
    dataset = ctx.db.get_dataset(tenant, dataset_id)
    if dataset is None:
        raise NotFound("no such dataset", reason="DATASET_NOT_FOUND", violations=[("parent", "no such dataset")])
    if synthesis_id and not ID_RE.match(synthesis_id):
        raise InvalidArgument(
            "synthesis_id is not a valid id",
            reason="BAD_ID",
            violations=[("synthesis_id", "must match [a-z]([a-z0-9-]{0,61}[a-z0-9])?")],
        )
    config, plan = validate_config(config, dataset, service=ctx.config)
    if (config.conditions or config.rebalance or config.fill_gaps) and not config.differentially_private:
        columns = sorted({c["column"] for g in config.conditions for c in g["where"]})
        columns = [config.rebalance["column"]] if config.rebalance else columns
        columns = list(config.fill_gaps["columns"]) if config.fill_gaps else columns
        train = ctx.store.read_table(ctx.store.dataset_dir(tenant, dataset_id) / "train.parquet", columns).to_pandas()
        check_conditions_against_data(config, train, dataset_kinds(dataset))
    synthesis_id = synthesis_id or f"syn-{uuid.uuid4().hex[:12]}"
    if ctx.db.synthesis_exists(tenant, dataset_id, synthesis_id):
        raise AlreadyExists(
            "a synthesis with this id already exists",
            reason="SYNTHESIS_EXISTS",
            violations=[("synthesis_id", "already exists")],
        )
    # The charge comes first: a job is queued only once its budget is reserved.
    charge_id = budget.reserve(
        ctx,
        dataset,
        synthesis_id=synthesis_id,
        model=config.model,
        dp=config.differentially_private,
        epsilon=config.epsilon,
        delta=config.delta,
    )
    now = time.time()
    op_id = uuid.uuid4().hex
    syn = SynthesisRow(
        tenant=tenant,
        dataset=dataset_id,
        id=synthesis_id,
        config=asdict(config),
        state="PENDING",
        operation=op_id,
        create_time=now,
        update_time=now,
    )
    op = OperationRow(
        id=op_id,
        tenant=tenant,
        synthesis=syn.name,
        stage="queued",
        progress=0.0,
        done=False,
        cancel_requested=False,
        create_time=now,
        update_time=now,
    )
    try:
        ctx.db.insert_synthesis(syn, op)
    except LookupError:
        ctx.ledger.release(charge_id)
        raise NotFound(
            "no such dataset", reason="DATASET_NOT_FOUND", violations=[("parent", "no such dataset")]
        ) from None
    except sqlite3.IntegrityError:  # the same id, created concurrently
        ctx.ledger.release(charge_id)
        raise AlreadyExists(
            "a synthesis with this id already exists",
            reason="SYNTHESIS_EXISTS",
            violations=[("synthesis_id", "already exists")],
        ) from None
    except Exception:  # no job will ever run for this charge
        ctx.ledger.release(charge_id)
        raise
    runner.submit(op_id, lambda handle: run_synthesis_job(ctx, handle, dataset, syn.id, config, plan, charge_id))
    return syn, op


def _error_dict(exc: BaseException) -> dict:
    """What a failed job keeps: Veil errors as they are; others by type only (their text may quote values)."""
    if isinstance(exc, VeilError):
        return {
            "code": exc.code,
            "reason": exc.reason,
            "message": str(exc),
            "violations": [list(v) for v in exc.violations],
        }
    return {
        "code": "INTERNAL",
        "reason": "INTERNAL",
        "message": f"internal error ({type(exc).__name__})",
        "violations": [],
    }


def run_synthesis_job(
    ctx: ServiceContext,
    handle: JobHandle,
    dataset: DatasetRow,
    synthesis_id: str,
    config: SynthesisConfig,
    plan: text_stage.TextPlan,
    charge_id: str,
) -> None:
    tenant, dataset_id = dataset.tenant, dataset.id
    db = ctx.db
    job = SynthesisJob(ctx, handle, dataset, synthesis_id, config, plan, charge_id=charge_id)
    try:
        handle.check_cancelled()
        db.update_synthesis(tenant, dataset_id, synthesis_id, state="RUNNING")
        result = job.run()
        handle.check_cancelled()
        epsilon, delta = job.spent()
        ctx.ledger.settle(charge_id, epsilon_spent=epsilon, delta_spent=delta)
        db.update_synthesis(tenant, dataset_id, synthesis_id, state="SUCCEEDED", **result)
        db.update_operation(handle.op_id, stage="done", progress=100.0, done=True)
    except Exception as exc:  # every failure ends the job as FAILED (or CANCELLED) with a reason
        # Refund what never touched the data; keep what the engine's accountant says it used.
        epsilon, delta = job.spent()
        ctx.ledger.release(charge_id, epsilon_spent=epsilon, delta_spent=delta)
        ctx.store.remove_tree(ctx.store.synthesis_dir(tenant, dataset_id, synthesis_id))
        error = _error_dict(exc)
        cancelled = isinstance(exc, Cancelled)
        db.update_synthesis(tenant, dataset_id, synthesis_id, state="CANCELLED" if cancelled else "FAILED", error=error)
        db.update_operation(handle.op_id, stage="cancelled" if cancelled else "failed", done=True, error=error)
        if cancelled:
            logger.info("synthesis %s/%s cancelled", dataset_id, synthesis_id)
        elif isinstance(exc, VeilError):
            logger.error(
                "synthesis %s/%s failed: %s (%s)", dataset_id, synthesis_id, type(exc).__name__, error["reason"]
            )
        else:
            log_unexpected(logger, f"synthesis {dataset_id}/{synthesis_id}", exc)
