"""Which columns to scan and scrub, and scrubbing a table batch by batch.

Shared by UploadDataset (one frame) and ``veil scrub`` (a file streamed in
batches, nothing stored): kinds are inferred on a sample, the PII scan
classifies string columns and measures text columns, and the scan folded into
the kinds says what the scrubber replaces.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

import pandas as pd

from veil.core.inference import infer_kinds
from veil.core.kinds import DATETIME, ID, NUMERIC, PII_PREFIX, TEXT, split_kind
from veil.privacy.pii import ColumnScan, PiiEngine, TableScan, header_hints
from veil.service.errors import InvalidArgument

#: Kinds of structured columns that may hold one PII entity type.
CANDIDATE_KINDS = ("categorical", ID)


def _is_string(series: pd.Series) -> bool:
    return series.dtype == object or pd.api.types.is_string_dtype(series)


def candidate_columns(frame: pd.DataFrame, kinds: dict[str, str], columns: Sequence[str] | None = None) -> list[str]:
    """Structured columns worth classifying as a whole (one PII entity type per cell).

    String columns of kind categorical/id, numeric or id columns whose header
    names an entity (a phone or card number stored as an integer), and string
    date columns named as birth dates.
    ``columns`` limits the choice, and a listed string column is classified
    whatever its inferred kind.
    """
    chosen = []
    for column, kind in kinds.items():
        if columns is not None and column not in columns:
            continue
        if kind == TEXT:
            continue
        if _is_string(frame[column]) and (kind in CANDIDATE_KINDS or columns is not None):
            chosen.append(column)
        elif kind in (NUMERIC, ID) and pd.api.types.is_integer_dtype(frame[column]) and header_hints(column):
            chosen.append(column)
        elif kind == DATETIME and _is_string(frame[column]) and "DATE_OF_BIRTH" in header_hints(column):
            chosen.append(column)  # birth dates are PII; other dates are modelled as dates
    return chosen


def span_columns(frame: pd.DataFrame, kinds: dict[str, str], columns: Sequence[str] | None = None) -> list[str]:
    """Every string-valued column that is not text: each is scanned span by span on its distinct values.

    Kind inference decides how a column is modelled, never whether it is scanned: a notes
    column whose texts repeat (inferred categorical), a date column with a stray name, an
    id column, all are scrubbed like free text unless classified as a whole PII column.
    """
    return [
        column
        for column, kind in kinds.items()
        if (columns is None or column in columns) and kind != TEXT and _is_string(frame[column])
    ]


def merge_scan(kinds: dict[str, str], overridden: set[str], scan: TableScan) -> dict[str, str]:
    """Fold the PII scan into the kinds; the spec's overrides have the last word."""
    merged = dict(kinds)
    for column, col_scan in scan.columns.items():
        if column in overridden:
            continue
        if col_scan.kind == "pii" and col_scan.entity_type:
            merged[column] = PII_PREFIX + col_scan.entity_type
        elif col_scan.kind == "text":
            merged[column] = TEXT
    return merged


def align_scan_with_kinds(scan: TableScan, kinds: dict[str, str], frame: pd.DataFrame) -> TableScan:
    """Make the scan say what will be scrubbed: PII and text columns as the final kinds say."""
    columns: dict[str, ColumnScan] = {}
    for column, kind in kinds.items():
        base, entity = split_kind(kind)
        found = scan.columns.get(column)
        fields = dict(
            confidence=found.confidence if found else 1.0,
            entities=found.entities if found else [],
            masked_samples=found.masked_samples if found else [],
            scanned_cells=found.scanned_cells if found else 0,
        )
        # A column the caller declared text or PII is treated as such; any other scanned string
        # column keeps its span scrubbing, whatever kind it is modelled as.
        if base == "pii":
            columns[column] = ColumnScan(column=column, kind="pii", entity_type=entity, **fields)
        elif base == TEXT:
            columns[column] = ColumnScan(column=column, kind="text", entity_type=None, **fields)
        elif found is not None:
            columns[column] = ColumnScan(
                column=column,
                kind="none",
                entity_type=None,
                span_scrubbed=found.span_scrubbed or found.kind != "none" and _is_string(frame[column]),
                **fields,
            )
    return TableScan(columns=columns, scanned_rows=scan.scanned_rows)


def scan_with_kinds(
    engine: PiiEngine,
    frame: pd.DataFrame,
    kinds: dict[str, str],
    *,
    seed: int,
    overridden: set[str] = frozenset(),
    columns: Sequence[str] | None = None,
) -> tuple[dict[str, str], TableScan]:
    """Scan ``frame`` and fold the result into ``kinds``; returns (final kinds, aligned scan).

    ``columns`` (when given) limits both scanning and scrubbing to those columns.
    """
    text_columns = [c for c, k in kinds.items() if k == TEXT and (columns is None or c in columns)]
    candidates = candidate_columns(frame, kinds, columns)
    scan = engine.scan_table(
        frame,
        text_columns=text_columns,
        candidate_columns=candidates,
        span_columns=span_columns(frame, kinds, columns),
        seed=seed,
    )
    merged = merge_scan(kinds, overridden, scan)
    aligned = align_scan_with_kinds(scan, merged, frame)
    if columns is not None:  # the other columns are neither reported nor scrubbed
        aligned = TableScan(
            columns={c: s for c, s in aligned.columns.items() if c in columns}, scanned_rows=aligned.scanned_rows
        )
        merged = {c: (k if c in columns else kinds[c]) for c, k in merged.items()}
    return merged, aligned


def check_columns(frame: pd.DataFrame, columns: Sequence[str] | None) -> None:
    """Every listed column must exist (all unknown names are reported at once)."""
    if columns is None:
        return
    unknown = [c for c in columns if c not in frame.columns]
    if unknown:
        raise InvalidArgument(
            f"{len(unknown)} listed column(s) are not in the table",
            reason="UNKNOWN_COLUMN",
            violations=[(f"columns.{c}", "names no column of the table") for c in unknown],
        )


def scrub_batches(
    engine: PiiEngine,
    sample: pd.DataFrame,
    batches: Iterable[pd.DataFrame],
    *,
    key: bytes,
    columns: Sequence[str] | None = None,
    seed: int = 0,
    reread: Callable[[list[str]], Iterable[pd.DataFrame]] | None = None,
) -> tuple[TableScan, Iterator[pd.DataFrame]]:
    """Plan the scrub on ``sample`` (typed values), then scrub ``batches`` lazily.

    Args:
        engine: The PII engine.
        sample: The first rows with inferred dtypes; kinds and the scan come from it.
        batches: The whole table in batches (the sample's rows included).
        key: Surrogate key; the same key gives the same surrogates.
        columns: Only these columns are scanned and scrubbed.
        seed: Seed of the scan's value sample.
        reread: Reads the whole table again, only the named (PII) columns, in batches: the
            scrubber learns every raw value before the first batch is scrubbed.

    Returns:
        The scan (what is replaced) and an iterator of scrubbed batches.
    """
    check_columns(sample, columns)
    kinds = infer_kinds(sample, seed=seed)
    _, scan = scan_with_kinds(engine, sample, kinds, seed=seed, columns=columns)
    scrubber = engine.table_scrubber(scan=scan, key=key, allow_list=engine.allow_list_for(sample, scan))

    def run() -> Iterator[pd.DataFrame]:
        if reread is not None and scan.pii_columns:
            for part in reread(list(scan.pii_columns)):
                scrubber.learn(part)
        for batch in batches:
            yield scrubber.scrub(batch)

    return scan, run()


__all__ = [
    "align_scan_with_kinds",
    "candidate_columns",
    "span_columns",
    "check_columns",
    "merge_scan",
    "scan_with_kinds",
    "scrub_batches",
]
