"""UploadDataset: validate, infer kinds, scan and scrub PII, split, store.

Nothing is kept unless every step succeeds: artifacts are written to a
staging folder, moved into place with one rename, and only then recorded.
"""

from __future__ import annotations

import logging
import math
import re
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from veil.core.errors import ViolationCollector
from veil.core.inference import infer_kinds
from veil.core.kinds import is_valid_kind, split_kind
from veil.privacy.pii import MAX_TEXT_CHARS, TableScan, derive_dataset_key
from veil.service.arrow_io import decode_ipc
from veil.service.errors import AlreadyExists, InvalidArgument
from veil.service.keys import new_salt
from veil.service.pipeline import budget
from veil.service.pipeline.budget import PolicySpec
from veil.service.pipeline.context import ServiceContext
from veil.service.pipeline.scrub import scan_with_kinds
from veil.service.storage.db import DatasetRow

logger = logging.getLogger(__name__)

MAX_SEED = 2**63 - 1
"""Seeds are non-negative int64 (numpy's generators refuse negative seeds)."""
ID_RE = re.compile(r"^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$")


@dataclass(frozen=True)
class ColumnOverride:
    column: str
    kind: str  # "numeric" ... or "pii:<ENTITY>"


@dataclass(frozen=True)
class UploadSpec:
    dataset_id: str = ""
    display_name: str = ""
    overrides: tuple[ColumnOverride, ...] = ()
    holdout_fraction: float = 0.0
    seed: int = 0
    policy: PolicySpec = PolicySpec()


@dataclass
class UploadChunks:
    """What the request stream carried: the spec, then Arrow IPC chunks."""

    spec: UploadSpec
    chunks: list[bytes] = field(default_factory=list)


def read_stream(items: Iterable[UploadSpec | bytes], *, max_chunk_bytes: int) -> UploadChunks:
    """Check message order and chunk sizes while the stream arrives."""
    upload: UploadChunks | None = None
    for index, item in enumerate(items):
        if isinstance(item, UploadSpec):
            if upload is not None:
                raise InvalidArgument(
                    f"message {index} carries a spec; the spec must be the first and only spec message",
                    reason="SPEC_AFTER_DATA" if upload.chunks else "DUPLICATE_SPEC",
                    violations=[("spec", "only the first message may carry the spec")],
                )
            upload = UploadChunks(spec=item)
            continue
        if upload is None:
            raise InvalidArgument(
                "the first message must carry the dataset spec",
                reason="SPEC_REQUIRED",
                violations=[("spec", "the first message must carry the spec")],
            )
        if len(item) > max_chunk_bytes:
            raise InvalidArgument(
                f"message {index} carries {len(item)} bytes of Arrow IPC; the limit is {max_chunk_bytes}",
                reason="MESSAGE_TOO_LARGE",
                violations=[("arrow_ipc", f"each chunk must be at most {max_chunk_bytes} bytes")],
            )
        upload.chunks.append(item)
    if upload is None:
        raise InvalidArgument(
            "the upload stream was empty",
            reason="SPEC_REQUIRED",
            violations=[("spec", "the first message must carry the spec")],
        )
    return upload


def _supported(arrow_type: pa.DataType) -> bool:
    t = pa.types
    return (
        t.is_integer(arrow_type)
        or t.is_floating(arrow_type)
        or t.is_boolean(arrow_type)
        or t.is_string(arrow_type)
        or t.is_large_string(arrow_type)
        or t.is_timestamp(arrow_type)
        or t.is_date(arrow_type)
        or t.is_decimal(arrow_type)
        or t.is_null(arrow_type)
        or (t.is_dictionary(arrow_type) and _supported(arrow_type.value_type))
    )


def _type_name(arrow_type: pa.DataType) -> str:
    """An Arrow type's name without the child field names a nested type spells out (request content)."""
    if arrow_type.num_fields:
        return type(arrow_type).__name__.removesuffix("Type").lower()
    return str(arrow_type)


def _longest_text(column: pa.ChunkedArray) -> int:
    """Characters in the column's longest string cell (0 for other types)."""
    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return 0
    return pc.max(pc.utf8_length(column)).as_py() or 0


# Years 1 to 9999 in microseconds since the Unix epoch: what Python, pandas and Parquet all hold.
CALENDAR_US = (-62_135_596_800_000_000, 253_402_300_799_999_999)


def _outside_calendar(column: pa.ChunkedArray) -> bool:
    """True when a date or timestamp column holds an instant outside years 1 to 9999."""
    if not (pa.types.is_timestamp(column.type) or pa.types.is_date(column.type)):
        return False
    try:  # a safe cast refuses what overflows microseconds
        micros = column.cast(pa.timestamp("us")).cast(pa.int64())
    except pa.ArrowInvalid:
        return True
    low, high = pc.min_max(micros).values()
    return low.is_valid and (low.as_py() < CALENDAR_US[0] or high.as_py() > CALENDAR_US[1])


def assemble_table(chunks: Sequence[bytes], *, min_rows: int) -> pa.Table:
    """Decode and concatenate chunks; every problem is reported at once."""
    problems = ViolationCollector()
    tables: list[pa.Table] = []
    for index, chunk in enumerate(chunks):
        try:
            tables.append(decode_ipc(chunk))
        except (pa.ArrowInvalid, pa.ArrowException, OSError):
            problems.add("arrow_ipc", f"chunk {index} is not a readable Arrow IPC stream", reason="ARROW_UNREADABLE")
    problems.raise_if_any("the upload could not be read", error=InvalidArgument)
    if not tables:
        raise InvalidArgument(
            "the upload carried no data",
            reason="EMPTY_TABLE",
            violations=[("arrow_ipc", "no Arrow IPC chunk was sent")],
        )
    # Columns are named by position: a column's name is request content and may itself be PII.
    first = tables[0].schema
    names = first.names
    for i, name in enumerate(names):
        if names.index(name) != i:
            problems.add(
                f"columns[{i}]", f"has the same name as columns[{names.index(name)}]", reason="DUPLICATE_COLUMN"
            )
        if not name.strip():
            problems.add(f"columns[{i}]", "has an empty name", reason="EMPTY_COLUMN_NAME")
    for i, field_ in enumerate(first):
        if pa.types.is_union(field_.type):
            problems.add(f"columns[{i}]", "holds values of mixed types", reason="MIXED_TYPES")
        elif not _supported(field_.type):
            problems.add(
                f"columns[{i}]", f"unsupported Arrow type {_type_name(field_.type)}", reason="UNSUPPORTED_COLUMN_TYPE"
            )
    for index, table in enumerate(tables[1:], start=1):
        if table.schema.names != names:
            problems.add("arrow_ipc", f"chunk {index} has different columns from chunk 0", reason="SCHEMA_MISMATCH")
            continue
        for i, (a, b) in enumerate(zip(first, table.schema)):
            if a.type != b.type and not (pa.types.is_null(a.type) or pa.types.is_null(b.type)):
                problems.add(
                    f"columns[{i}]",
                    f"chunk {index} holds {_type_name(b.type)} where chunk 0 holds {_type_name(a.type)}",
                    reason="MIXED_TYPES",
                )
    problems.raise_if_any("the uploaded table is invalid", error=InvalidArgument)
    table = pa.concat_tables(tables, promote_options="default")
    for i, column in enumerate(table.columns):
        if _longest_text(column) > MAX_TEXT_CHARS:
            problems.add(
                f"columns[{i}]",
                f"holds a text longer than {MAX_TEXT_CHARS} characters, more than the PII scan reads",
                reason="TEXT_TOO_LONG",
            )
        if _outside_calendar(column):
            problems.add(f"columns[{i}]", "holds a date or time outside years 1 to 9999", reason="VALUE_OUT_OF_RANGE")
    problems.raise_if_any("the uploaded table is invalid", error=InvalidArgument)
    if table.num_rows == 0 or table.num_columns == 0:
        raise InvalidArgument(
            "the uploaded table is empty",
            reason="EMPTY_TABLE",
            violations=[("arrow_ipc", "the table has no rows or no columns")],
        )
    if table.num_rows < min_rows:
        raise InvalidArgument(
            f"the table has {table.num_rows} rows; at least {min_rows} are needed",
            reason="TOO_FEW_ROWS",
            violations=[("arrow_ipc", f"at least {min_rows} rows are needed")],
        )
    return table


# What pandas raises on Arrow values it cannot represent; unknown time zones are KeyErrors (zoneinfo, pytz).
UNREADABLE_VALUES = (ValueError, OverflowError, KeyError, pa.ArrowException)


def to_frame(table: pa.Table) -> pd.DataFrame:
    """Arrow -> pandas with dictionaries decoded and all-null columns kept as objects.

    Raises:
        InvalidArgument: A column holds values pandas cannot represent (a date past year 9999, a time
            zone no database knows).
    """
    columns = {}
    for name, column in zip(table.column_names, table.columns):
        if pa.types.is_dictionary(column.type):
            column = column.cast(column.type.value_type)
        if pa.types.is_decimal(column.type):
            column = column.cast(pa.float64())
        columns[name] = column
    try:
        return pa.table(columns).to_pandas()
    except UNREADABLE_VALUES:
        problems = ViolationCollector()
        for i, column in enumerate(columns.values()):
            try:
                column.to_pandas()
            except UNREADABLE_VALUES:
                problems.add(
                    f"columns[{i}]",
                    "holds values pandas cannot read (a date past year 9999, an unknown time zone)",
                    reason="VALUE_OUT_OF_RANGE",
                )
        problems.raise_if_any("the uploaded table holds values the service cannot read", error=InvalidArgument)
        raise


def resolve_kinds(frame: pd.DataFrame, spec: UploadSpec) -> tuple[dict[str, str], set[str]]:
    """Inferred kinds with the spec's overrides applied; returns (kinds, overridden columns)."""
    problems = ViolationCollector()
    for i, override in enumerate(spec.overrides):
        where = f"spec.column_overrides[{i}]"
        if override.column not in frame.columns:
            problems.add(f"{where}.column", "names no column of the uploaded table", reason="UNKNOWN_COLUMN")
        if not is_valid_kind(override.kind):
            problems.add(
                f"{where}.kind", "kind must be set; PII needs pii_entity in UPPER_SNAKE", reason="BAD_COLUMN_KIND"
            )
        if (
            override.kind == "numeric"
            and override.column in frame.columns
            and not pd.api.types.is_numeric_dtype(frame[override.column])
        ):
            problems.add(f"{where}.kind", "a non-numeric column cannot be NUMERIC", reason="BAD_COLUMN_KIND")
    problems.raise_if_any("the spec's column overrides are invalid", error=InvalidArgument)
    kinds = infer_kinds(frame)
    overridden = set()
    for override in spec.overrides:
        kinds[override.column] = override.kind
        overridden.add(override.column)
    return kinds, overridden


def split_holdout(n_rows: int, *, fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Seeded split: (train indices, holdout indices), both sorted."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(n_rows)
    n_holdout = max(1, int(round(n_rows * fraction)))
    return np.sort(order[n_holdout:]), np.sort(order[:n_holdout])


def column_records(table: pa.Table, kinds: dict[str, str], overridden: set[str]) -> list[dict]:
    records = []
    for field_, column in zip(table.schema, table.columns):
        base, entity = split_kind(kinds[field_.name])
        records.append(
            {
                "name": field_.name,
                "kind": base,
                "pii_entity": entity,
                "arrow_type": str(field_.type),
                "null_count": column.null_count,
                "overridden": field_.name in overridden,
            }
        )
    return records


def scan_frame(
    ctx: ServiceContext, frame: pd.DataFrame, kinds: dict[str, str], *, seed: int, overridden: set[str] = frozenset()
) -> tuple[dict[str, str], TableScan]:
    """Scan under the PII lock; returns (final kinds, aligned scan)."""
    with ctx.pii_lock:
        return scan_with_kinds(ctx.pii, frame, kinds, seed=seed, overridden=overridden)


def upload_dataset(ctx: ServiceContext, *, tenant: str, upload: UploadChunks) -> DatasetRow:
    """Run the whole upload; returns the stored dataset row."""
    spec = upload.spec
    problems = ViolationCollector()
    if spec.dataset_id and not ID_RE.match(spec.dataset_id):
        problems.add("spec.dataset_id", "must match [a-z]([a-z0-9-]{0,61}[a-z0-9])?", reason="BAD_ID")
    fraction = spec.holdout_fraction or ctx.config.default_holdout_fraction
    if not 0 < fraction < 0.9:
        problems.add("spec.holdout_fraction", "must be in (0, 0.9)", reason="BAD_HOLDOUT_FRACTION")
    if not 0 <= spec.seed <= MAX_SEED:
        problems.add("spec.seed", "must be between 0 and 2^63-1", reason="BAD_SEED")
    if len(spec.display_name) > 200:
        problems.add("spec.display_name", "at most 200 characters")
    policy = spec.policy
    if policy.epsilon_budget and not (math.isfinite(policy.epsilon_budget) and 0 < policy.epsilon_budget <= 1000):
        problems.add(
            "spec.privacy_policy.epsilon_budget",
            "must be in (0, 1000] (0 = the service's default)",
            reason="BAD_PRIVACY_BUDGET",
        )
    if policy.delta_budget and not (math.isfinite(policy.delta_budget) and 0 < policy.delta_budget < 1):
        problems.add(
            "spec.privacy_policy.delta_budget",
            "must be in (0, 1) (0 = the service's default)",
            reason="BAD_PRIVACY_BUDGET",
        )
    problems.raise_if_any("the dataset spec is invalid", error=InvalidArgument)
    dataset_id = spec.dataset_id or f"ds-{uuid.uuid4().hex[:12]}"
    if ctx.db.dataset_exists(tenant, dataset_id):
        raise AlreadyExists(
            "a dataset with this id already exists",
            reason="DATASET_EXISTS",
            violations=[("spec.dataset_id", "already exists")],
        )

    started = clock = time.perf_counter()
    timings: dict[str, float] = {}

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = round(now - clock, 4)
        clock = now

    table = assemble_table(upload.chunks, min_rows=ctx.config.min_rows)
    frame = to_frame(table)
    kinds, overridden = resolve_kinds(frame, spec)
    lap("decode")
    kinds, scan = scan_frame(ctx, frame, kinds, seed=spec.seed, overridden=overridden)
    lap("scan")

    salt = new_salt()
    key = derive_dataset_key(ctx.master_key, salt)
    with ctx.pii_lock:
        scrubbed = ctx.pii.scrub_table(frame, scan=scan, key=key)
    lap("scrub")
    train_idx, holdout_idx = split_holdout(len(frame), fraction=fraction, seed=spec.seed)
    clean = scrubbed.frame
    train = clean.iloc[train_idx].reset_index(drop=True)
    holdout = clean.iloc[holdout_idx].reset_index(drop=True)
    if len(train) < ctx.config.min_rows:
        raise InvalidArgument(
            f"after the holdout split {len(train)} training rows remain; at least {ctx.config.min_rows} are needed",
            reason="TOO_FEW_ROWS",
            violations=[("spec.holdout_fraction", "leaves too few training rows")],
        )

    lap("split")
    staging = ctx.store.new_staging_dir()
    final = ctx.store.dataset_dir(tenant, dataset_id)
    try:
        ctx.store.write_table(staging / "train.parquet", pa.Table.from_pandas(train, preserve_index=False))
        ctx.store.write_table(staging / "holdout.parquet", pa.Table.from_pandas(holdout, preserve_index=False))
        ctx.store.write_bytes(staging / "fingerprints.bin", scrubbed.fingerprints.to_bytes())
        try:
            ctx.store.publish_dir(staging, final)
        except OSError:
            raise AlreadyExists(
                "a dataset with this id already exists",
                reason="DATASET_EXISTS",
                violations=[("spec.dataset_id", "already exists")],
            ) from None
    finally:
        ctx.store.remove_tree(staging)
    lap("store")
    row = DatasetRow(
        tenant=tenant,
        id=dataset_id,
        display_name=spec.display_name or dataset_id,
        create_time=time.time(),
        row_count=len(frame),
        train_rows=len(train),
        holdout_rows=len(holdout),
        holdout_fraction=fraction,
        seed=spec.seed,
        columns=column_records(table, kinds, overridden),
        scan=scan.to_dict(),
        key_salt=salt,
        timings=timings,
    )
    try:
        ctx.db.insert_dataset(row)
    except Exception:
        ctx.store.remove_tree(final)
        raise
    try:
        budget.open_budget(ctx, tenant=tenant, dataset_id=dataset_id, policy=spec.policy)
    except Exception:  # nothing half-made: the dataset goes with its budget
        ctx.db.delete_dataset(tenant, dataset_id)
        ctx.store.remove_tree(final)
        raise
    logger.info(
        "dataset %s/%s stored: %d rows, %d columns, %.1fs",
        tenant,
        dataset_id,
        len(frame),
        len(frame.columns),
        time.perf_counter() - started,
    )
    return row
