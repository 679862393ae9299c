"""Result types of the PII engine (JSON-safe ``to_dict``/``from_dict``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from veil.privacy.errors import PrivacyInvalidArgumentError
from veil.privacy.pii.fingerprints import PiiFingerprints

COLUMN_KINDS = ("pii", "text", "none")


def _require(d: Any, keys: tuple[str, ...], where: str) -> None:
    if not isinstance(d, dict):
        raise PrivacyInvalidArgumentError(f"{where} must be a mapping", violations=[(where, "not a mapping")])
    missing = [k for k in keys if k not in d]
    if missing:
        raise PrivacyInvalidArgumentError(
            f"{where} is missing fields", violations=[(f"{where}.{k}", "missing") for k in missing]
        )


@dataclass(frozen=True)
class Span:
    """A detected entity, in the offsets of the text it was found in."""

    start: int
    end: int
    entity_type: str
    score: float


@dataclass(frozen=True)
class EntityShare:
    """How often an entity type occurs in a column's sample."""

    entity_type: str
    cell_share: float
    mean_score: float

    def to_dict(self) -> dict:
        return {"entity_type": self.entity_type, "cell_share": self.cell_share, "mean_score": self.mean_score}

    @classmethod
    def from_dict(cls, d: dict) -> EntityShare:
        _require(d, ("entity_type", "cell_share", "mean_score"), "entity")
        return cls(str(d["entity_type"]), float(d["cell_share"]), float(d["mean_score"]))


@dataclass
class ColumnScan:
    """Column-level PII classification.

    Attributes:
        column: Column name.
        kind: ``"pii"`` (structured column holding one entity type), ``"text"`` or ``"none"``.
        entity_type: The entity type when ``kind == "pii"``.
        confidence: 0..1. For ``pii``/``none``: confidence in that classification;
            for ``text``: share of sampled cells holding at least one entity.
        entities: Entity shares in the sample.
        masked_samples: Up to 3 sample values with every detected entity replaced
            by ``<ENTITY_TYPE>`` (whole cell for ``pii`` columns) and every other word that
            could identify someone (capitalised words outside a common-word list, numbers)
            reduced to its shape (``Xxxx``, ``999``). Never raw PII.
        scanned_cells: Cells analysed.
        span_scrubbed: Whether the scrubber replaces PII spans inside this column's values.
            Always true for ``text`` columns, and for every other string-valued column that is
            not a ``pii`` column (categorical, id, date strings): kind inference decides how
            a column is modelled, never whether it is scrubbed.
    """

    column: str
    kind: str
    entity_type: str | None
    confidence: float
    entities: list[EntityShare] = field(default_factory=list)
    masked_samples: list[str] = field(default_factory=list)
    scanned_cells: int = 0
    span_scrubbed: bool = False

    def __post_init__(self) -> None:
        if self.kind == "text":
            self.span_scrubbed = True
        elif self.kind == "pii":
            self.span_scrubbed = False

    def to_dict(self) -> dict:
        return {
            "column": self.column,
            "kind": self.kind,
            "entity_type": self.entity_type,
            "confidence": float(self.confidence),
            "entities": [e.to_dict() for e in self.entities],
            "masked_samples": list(self.masked_samples),
            "scanned_cells": int(self.scanned_cells),
            "span_scrubbed": bool(self.span_scrubbed),
        }

    @classmethod
    def from_dict(cls, d: dict) -> ColumnScan:
        _require(d, ("column", "kind", "entity_type", "confidence"), "column_scan")
        violations = []
        if d["kind"] not in COLUMN_KINDS:
            violations.append((str(d["column"]), f"kind must be one of {', '.join(COLUMN_KINDS)}"))
        if d["kind"] == "pii" and not d["entity_type"]:
            violations.append((str(d["column"]), "a pii column needs an entity_type"))
        if violations:
            raise PrivacyInvalidArgumentError("invalid column scan", violations=violations)
        return cls(
            column=str(d["column"]),
            kind=str(d["kind"]),
            entity_type=None if d["entity_type"] is None else str(d["entity_type"]),
            confidence=float(d["confidence"]),
            entities=[EntityShare.from_dict(e) for e in d.get("entities", [])],
            masked_samples=[str(s) for s in d.get("masked_samples", [])],
            scanned_cells=int(d.get("scanned_cells", 0)),
            span_scrubbed=bool(d.get("span_scrubbed", False)),
        )


@dataclass
class TableScan:
    """Per-column PII classification of a table."""

    columns: dict[str, ColumnScan]
    scanned_rows: int

    @property
    def pii_columns(self) -> dict[str, str]:
        """``{column: entity_type}`` of the columns of kind ``pii``."""
        return {c: s.entity_type for c, s in self.columns.items() if s.kind == "pii" and s.entity_type}

    @property
    def text_columns(self) -> list[str]:
        """Columns of kind ``text``."""
        return [c for c, s in self.columns.items() if s.kind == "text"]

    @property
    def span_columns(self) -> list[str]:
        """Columns whose values are scrubbed span by span: text columns and every other
        string-valued column that is not a ``pii`` column."""
        return [c for c, s in self.columns.items() if s.span_scrubbed]

    def to_dict(self) -> dict:
        return {"columns": {c: s.to_dict() for c, s in self.columns.items()}, "scanned_rows": int(self.scanned_rows)}

    @classmethod
    def from_dict(cls, d: dict) -> TableScan:
        _require(d, ("columns", "scanned_rows"), "table_scan")
        columns = {str(c): ColumnScan.from_dict(s) for c, s in d["columns"].items()}
        bad = [(c, "key does not match column name") for c, s in columns.items() if s.column != c]
        if bad:
            raise PrivacyInvalidArgumentError("invalid table scan", violations=bad)
        return cls(columns=columns, scanned_rows=int(d["scanned_rows"]))


@dataclass
class ScrubbedText:
    """A scrubbed text and the spans that were replaced (original offsets)."""

    text: str
    spans: list[Span]


@dataclass
class ScrubResult:
    """Output of :meth:`PiiEngine.scrub_table`."""

    frame: pd.DataFrame
    fingerprints: PiiFingerprints
    replaced_cells: dict[str, int]


__all__ = ["ColumnScan", "EntityShare", "ScrubResult", "ScrubbedText", "Span", "TableScan"]
