"""Reads and deletes of stored datasets and syntheses, scoped to a tenant."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pyarrow as pa

from veil.service.errors import FailedPrecondition, NotFound
from veil.service.names import parse_dataset
from veil.service.pipeline.context import ServiceContext
from veil.service.runner import OperationRunner
from veil.service.storage.db import DatasetRow, SynthesisRow

logger = logging.getLogger(__name__)
DELETE_WAIT_S = 30.0


def get_dataset(ctx: ServiceContext, tenant: str, dataset_id: str) -> DatasetRow:
    row = ctx.db.get_dataset(tenant, dataset_id)
    if row is None:  # another tenant's dataset is just as absent
        raise NotFound("no such dataset", reason="DATASET_NOT_FOUND", violations=[("name", "no such dataset")])
    return row


def get_synthesis(ctx: ServiceContext, tenant: str, dataset_id: str, synthesis_id: str) -> SynthesisRow:
    row = ctx.db.get_synthesis(tenant, dataset_id, synthesis_id)
    if row is None:
        raise NotFound(
            "no such synthesis",
            reason="SYNTHESIS_NOT_FOUND",
            violations=[("name", "no such synthesis")],
        )
    return row


def _succeeded(ctx: ServiceContext, tenant: str, dataset_id: str, synthesis_id: str) -> SynthesisRow:
    row = get_synthesis(ctx, tenant, dataset_id, synthesis_id)
    if row.state != "SUCCEEDED":
        raise FailedPrecondition(
            f"the synthesis is {row.state}; records and reports exist once it SUCCEEDED",
            reason="SYNTHESIS_NOT_READY",
            violations=[("name", f"state is {row.state}")],
        )
    return row


def synthetic_batches(
    ctx: ServiceContext, tenant: str, dataset_id: str, synthesis_id: str, *, batch_rows: int
) -> Iterator[pa.RecordBatch]:
    """A finished synthesis's records, read from disk batch by batch as they are sent."""
    _succeeded(ctx, tenant, dataset_id, synthesis_id)  # now, not on the first batch
    path = ctx.store.synthesis_dir(tenant, dataset_id, synthesis_id) / "synthetic.parquet"
    return ctx.store.iter_batches(path, batch_rows=batch_rows)


def report_files(
    ctx: ServiceContext, tenant: str, dataset_id: str, synthesis_id: str, *, with_html: bool
) -> tuple[str, str | None]:
    _succeeded(ctx, tenant, dataset_id, synthesis_id)
    folder = ctx.store.synthesis_dir(tenant, dataset_id, synthesis_id)
    html = (folder / "report.html").read_text() if with_html else None
    return (folder / "report.json").read_text(), html


def delete_dataset(ctx: ServiceContext, runner: OperationRunner, tenant: str, dataset_id: str) -> None:
    """Cancel the dataset's running jobs, then remove its rows, artifacts and salt."""
    get_dataset(ctx, tenant, dataset_id)
    syntheses = ctx.db.list_syntheses(tenant, dataset_id, limit=1_000_000, after=None)
    active = [s for s in syntheses if s.state in ("PENDING", "RUNNING")]
    for syn in active:
        runner.cancel(syn.operation)
    for syn in active:
        if not runner.wait(syn.operation, DELETE_WAIT_S):
            raise FailedPrecondition(
                "a synthesis of this dataset is still stopping; try again shortly",
                reason="DATASET_BUSY",
                violations=[("name", "a job is still stopping")],
            )
    ctx.db.delete_dataset(tenant, dataset_id)
    ctx.ledger.delete_dataset(tenant=tenant, dataset=dataset_id)
    ctx.store.remove_tree(ctx.store.dataset_dir(tenant, dataset_id))
    logger.info("dataset %s/%s deleted with %d syntheses", tenant, dataset_id, len(syntheses))


def scrub_key(ctx: ServiceContext, tenant: str, dataset_name: str, cache: dict[str, bytes]) -> bytes:
    """The surrogate key for ScrubText: the named dataset's, or a per-stream random one."""
    if dataset_name not in cache:
        if dataset_name:
            cache[dataset_name] = ctx.dataset_key(get_dataset(ctx, tenant, parse_dataset(dataset_name, "dataset")))
        else:
            import secrets

            cache[dataset_name] = secrets.token_bytes(32)
    return cache[dataset_name]
