"""Scoring PII detection against labeled sets (pure functions; no Presidio).

Span-level scores are leak-oriented and measured on alphanumeric characters,
so punctuation and whitespace at span edges ("Dr." vs "Dr", a trailing comma)
never decide an outcome:

* **span recall** (type-agnostic): a gold span is *found* when at least 80% of
  its alphanumeric characters lie inside predicted spans of any type; what
  matters for a leak is that the characters get replaced, not the label;
* **character precision**: of the alphanumeric characters inside predicted
  spans, the share that lies inside some gold span;
* **per entity type**: recall per gold label (the 80% rule, any predicted
  type), *typed recall* (the covering predicted spans must carry the gold label
  once ``aliases`` are applied), precision per predicted label (a predicted span
  is correct when at least 50% of its alphanumeric characters lie inside gold
  spans of any type) and F2 = 5PR / (4P + R).

Leak helpers check whether original PII strings survive scrubbing, and
:func:`score_columns` compares a table scan with column labels.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

#: Share of a gold span's alphanumeric characters that must be covered for it to count as found.
FOUND_COVERAGE = 0.8
#: Share of a predicted span's alphanumeric characters that must lie in gold spans for it to be correct.
CORRECT_OVERLAP = 0.5
#: Gold labels whose strings are not checked for leaks: a title ("Mr") is not identifying
#: and a surrogate may legitimately carry the same one.
DEFAULT_LEAK_IGNORE: frozenset[str] = frozenset({"TITLE"})

SpanTuple = tuple[int, int, str]


@dataclass
class EntityScores:
    """Counts and scores of one entity label.

    Attributes:
        label: The entity label (gold vocabulary; predicted labels are mapped through the aliases).
        support: Gold spans with this label.
        found: Gold spans found (80% rule, predicted spans of any type).
        typed_found: Gold spans found by predicted spans carrying this label.
        predicted: Predicted spans with this label.
        correct: Predicted spans with this label lying at least 50% inside gold spans.
    """

    label: str
    support: int = 0
    found: int = 0
    typed_found: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def recall(self) -> float | None:
        """``found / support``; None without gold spans."""
        return self.found / self.support if self.support else None

    @property
    def typed_recall(self) -> float | None:
        """``typed_found / support``; None without gold spans."""
        return self.typed_found / self.support if self.support else None

    @property
    def precision(self) -> float | None:
        """``correct / predicted``; None without predictions."""
        return self.correct / self.predicted if self.predicted else None

    @property
    def f2(self) -> float | None:
        """F2 of :attr:`precision` and :attr:`recall`; None when either is undefined."""
        return f_beta(self.precision, self.recall, beta=2.0)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe figures (undefined ratios are None)."""
        return {
            "label": self.label,
            "support": self.support,
            "found": self.found,
            "typed_found": self.typed_found,
            "predicted": self.predicted,
            "correct": self.correct,
            "precision": self.precision,
            "recall": self.recall,
            "f2": self.f2,
            "typed_recall": self.typed_recall,
        }


@dataclass
class SpanScores:
    """Span-level scores of a labeled text set.

    Attributes:
        documents: Documents scored.
        gold_spans: Gold spans in all.
        found_spans: Gold spans found (80% rule, any predicted type).
        predicted_spans: Predicted spans in all.
        predicted_chars: Alphanumeric characters inside predicted spans.
        correct_chars: Those of them that lie inside gold spans.
        per_entity: Scores per label, sorted by label.
    """

    documents: int
    gold_spans: int
    found_spans: int
    predicted_spans: int
    predicted_chars: int
    correct_chars: int
    per_entity: dict[str, EntityScores] = field(default_factory=dict)

    @property
    def span_recall(self) -> float | None:
        """Type-agnostic recall of gold spans; None when there are none."""
        return self.found_spans / self.gold_spans if self.gold_spans else None

    @property
    def char_precision(self) -> float | None:
        """Share of predicted alphanumeric characters inside gold spans; None when nothing was predicted."""
        return self.correct_chars / self.predicted_chars if self.predicted_chars else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe figures."""
        return {
            "documents": self.documents,
            "gold_spans": self.gold_spans,
            "found_spans": self.found_spans,
            "predicted_spans": self.predicted_spans,
            "predicted_chars": self.predicted_chars,
            "correct_chars": self.correct_chars,
            "span_recall": self.span_recall,
            "char_precision": self.char_precision,
            "per_entity": {label: e.to_dict() for label, e in self.per_entity.items()},
        }


def f_beta(precision: float | None, recall: float | None, *, beta: float = 2.0) -> float | None:
    """F-beta score; ``beta=2`` weighs recall four times as much as precision.

    Returns:
        ``(1 + b²)PR / (b²P + R)``, 0.0 when both are 0, None when either is undefined.
    """
    if precision is None or recall is None:
        return None
    b2 = beta * beta
    denominator = b2 * precision + recall
    return (1 + b2) * precision * recall / denominator if denominator else 0.0


def _alnum_positions(text: str, start: int, end: int) -> list[int]:
    """Alphanumeric character positions of ``text[start:end]``; all positions when there are none."""
    positions = [i for i in range(start, end) if text[i].isalnum()]
    return positions or list(range(start, end))


def _check_span(span: Sequence, length: int, where: str) -> tuple[int, int, str]:
    start, end, label = int(span[0]), int(span[1]), str(span[2])
    if not 0 <= start < end <= length:
        raise ValueError(f"{where}: span ({start}, {end}) is empty or outside a text of length {length}")
    return start, end, label


def score_spans(
    gold: Sequence[Sequence[SpanTuple]],
    predicted: Sequence[Sequence[SpanTuple]],
    texts: Sequence[str],
    *,
    aliases: Mapping[str, str] | None = None,
) -> SpanScores:
    """Score predicted spans against gold spans, document by document.

    Args:
        gold: Per document, ``(start, end, label)`` gold spans (Python string offsets, end exclusive).
        predicted: Per document, predicted ``(start, end, label)`` spans; they may overlap.
        texts: The documents.
        aliases: Predicted label -> gold label (e.g. ``{"DATE_TIME": "DATE_OF_BIRTH"}``), applied
            before typed recall and per-label precision. Unmapped labels are kept as they are.

    Returns:
        The overall and per-label scores.

    Raises:
        ValueError: The three sequences differ in length, or a span is empty or out of range.
    """
    if not len(gold) == len(predicted) == len(texts):
        raise ValueError(f"gold ({len(gold)}), predicted ({len(predicted)}) and texts ({len(texts)}) differ in length")
    aliases = dict(aliases or {})
    per_entity: dict[str, EntityScores] = {}

    def entity(label: str) -> EntityScores:
        if label not in per_entity:
            per_entity[label] = EntityScores(label)
        return per_entity[label]

    gold_total = found_total = predicted_total = predicted_chars = correct_chars = 0
    for doc, (doc_gold, doc_pred, text) in enumerate(zip(gold, predicted, texts)):
        g_spans = [_check_span(s, len(text), f"gold[{doc}]") for s in doc_gold]
        p_spans = [_check_span(s, len(text), f"predicted[{doc}]") for s in doc_pred]
        p_spans = [(s, e, aliases.get(label, label)) for s, e, label in p_spans]
        covered: set[int] = set()
        covered_by: dict[str, set[int]] = {}
        for s, e, label in p_spans:
            covered.update(range(s, e))
            covered_by.setdefault(label, set()).update(range(s, e))
        in_gold: set[int] = set()
        for s, e, _ in g_spans:
            in_gold.update(range(s, e))
        for s, e, label in g_spans:
            positions = _alnum_positions(text, s, e)
            needed = FOUND_COVERAGE * len(positions)
            scores = entity(label)
            scores.support += 1
            gold_total += 1
            if sum(1 for i in positions if i in covered) >= needed:
                scores.found += 1
                found_total += 1
            typed = covered_by.get(label, set())
            if sum(1 for i in positions if i in typed) >= needed:
                scores.typed_found += 1
        for s, e, label in p_spans:
            positions = _alnum_positions(text, s, e)
            scores = entity(label)
            scores.predicted += 1
            predicted_total += 1
            if sum(1 for i in positions if i in in_gold) >= CORRECT_OVERLAP * len(positions):
                scores.correct += 1
        predicted_alnum = [i for i in covered if text[i].isalnum()]
        predicted_chars += len(predicted_alnum)
        correct_chars += sum(1 for i in predicted_alnum if i in in_gold)
    return SpanScores(
        documents=len(texts),
        gold_spans=gold_total,
        found_spans=found_total,
        predicted_spans=predicted_total,
        predicted_chars=predicted_chars,
        correct_chars=correct_chars,
        per_entity={label: per_entity[label] for label in sorted(per_entity)},
    )


def missed_spans(gold: Sequence[SpanTuple], predicted: Sequence[SpanTuple], text: str) -> list[SpanTuple]:
    """The gold spans of one document that the predictions do not find (80% rule, any type)."""
    covered: set[int] = set()
    for s, e, _ in predicted:
        covered.update(range(int(s), int(e)))
    missed = []
    for s, e, label in gold:
        positions = _alnum_positions(text, int(s), int(e))
        if sum(1 for i in positions if i in covered) < FOUND_COVERAGE * len(positions):
            missed.append((int(s), int(e), str(label)))
    return missed


def false_positives(gold: Sequence[SpanTuple], predicted: Sequence[SpanTuple], text: str) -> list[SpanTuple]:
    """The predicted spans of one document lying less than 50% inside gold spans."""
    in_gold: set[int] = set()
    for s, e, _ in gold:
        in_gold.update(range(int(s), int(e)))
    out = []
    for s, e, label in predicted:
        positions = _alnum_positions(text, int(s), int(e))
        if sum(1 for i in positions if i in in_gold) < CORRECT_OVERLAP * len(positions):
            out.append((int(s), int(e), str(label)))
    return out


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def format_table(scores: SpanScores) -> str:
    """Markdown table: one row per label, then an overall row.

    Columns: entity, support (gold spans), predicted (spans), precision, recall, F2,
    typed recall. The overall row gives span recall and character precision.
    """
    lines = [
        "| entity | support | predicted | precision | recall | F2 | typed recall |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, e in scores.per_entity.items():
        lines.append(
            f"| {label} | {e.support} | {e.predicted} | {_fmt(e.precision)} | {_fmt(e.recall)} | {_fmt(e.f2)} "
            f"| {_fmt(e.typed_recall)} |"
        )
    lines.append(
        f"| **all (span recall / char precision)** | {scores.gold_spans} | {scores.predicted_spans} "
        f"| {_fmt(scores.char_precision)} | {_fmt(scores.span_recall)} "
        f"| {_fmt(f_beta(scores.char_precision, scores.span_recall))} | |"
    )
    return "\n".join(lines)


# ----------------------------------------------------------------------------- leaks


def _occurrences(haystack: str, needle: str) -> list[int]:
    """Start positions of ``needle`` in ``haystack`` (both already lower-cased) that are not
    glued to other letters or digits ("ann" is not found in "annual")."""
    if not needle:
        return []
    out = []
    for match in re.finditer(re.escape(needle), haystack):
        s, e = match.start(), match.end()
        before = haystack[s - 1] if s else " "
        after = haystack[e] if e < len(haystack) else " "
        if not (needle[0].isalnum() and before.isalnum()) and not (needle[-1].isalnum() and after.isalnum()):
            out.append(s)
    return out


def find_leaks(
    originals: Sequence[str],
    scrubbed: Sequence[str],
    gold: Sequence[Sequence[SpanTuple]],
    *,
    ignore_labels: Iterable[str] = DEFAULT_LEAK_IGNORE,
) -> list[list[SpanTuple]]:
    """Gold spans whose string survives in the scrubbed text.

    Matching is case-insensitive and on whole tokens. A string that also occurs
    outside PII spans in the original ("Will Page will call") may stay that many
    times: a span leaks when the scrubbed text holds more occurrences of its
    string than the original holds outside the (non-ignored) gold spans.

    Args:
        originals: The original documents.
        scrubbed: The scrubbed documents.
        gold: Per original document, its gold spans.
        ignore_labels: Gold labels not checked (and whose occurrences are not expected to vanish).

    Returns:
        Per document, the leaked gold spans.
    """
    if not len(originals) == len(scrubbed) == len(gold):
        raise ValueError("originals, scrubbed and gold differ in length")
    ignored = set(ignore_labels)
    out: list[list[SpanTuple]] = []
    for original, clean, spans in zip(originals, scrubbed, gold):
        checked = [(int(s), int(e), str(label)) for s, e, label in spans if str(label) not in ignored]
        low_original, low_clean = original.lower(), clean.lower()
        leaked = []
        for s, e, label in checked:
            needle = low_original[s:e]
            positions = _occurrences(low_original, needle)
            inside = sum(1 for p in positions if any(gs <= p and p + len(needle) <= ge for gs, ge, _ in checked))
            allowed = len(positions) - inside
            if len(_occurrences(low_clean, needle)) > allowed:
                leaked.append((s, e, label))
        out.append(leaked)
    return out


def leak_rate(
    originals: Sequence[str],
    scrubbed: Sequence[str],
    gold: Sequence[Sequence[SpanTuple]],
    *,
    ignore_labels: Iterable[str] = DEFAULT_LEAK_IGNORE,
) -> float:
    """Share of (non-ignored) gold PII strings still present in the scrubbed texts; see :func:`find_leaks`."""
    ignored = set(ignore_labels)
    total = sum(1 for spans in gold for span in spans if str(span[2]) not in ignored)
    if not total:
        return 0.0
    leaked = find_leaks(originals, scrubbed, gold, ignore_labels=ignored)
    return sum(len(doc) for doc in leaked) / total


def value_leak_rate(values: Sequence[str], scrubbed: Sequence[str]) -> float:
    """Share of ``values[i]`` found (case-insensitive substring) in ``scrubbed[i]``; None values are skipped."""
    if len(values) != len(scrubbed):
        raise ValueError("values and scrubbed differ in length")
    pairs = [(str(v).lower(), str(c).lower()) for v, c in zip(values, scrubbed) if _present(v)]
    return sum(1 for v, c in pairs if v and v in c) / len(pairs) if pairs else 0.0


def _present(value: object) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value)) and str(value) != ""


@dataclass
class TableLeaks:
    """Leaked PII cells of one table.

    Attributes:
        leaked: Leaked PII cells and text spans.
        total: PII cells (non-null cells of PII columns) plus gold spans in text columns.
        per_column: ``{column: (leaked, total)}``.
    """

    leaked: int
    total: int
    per_column: dict[str, tuple[int, int]]

    @property
    def rate(self) -> float:
        """``leaked / total`` (0.0 for a table without PII)."""
        return self.leaked / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe figures."""
        return {
            "leaked": self.leaked,
            "total": self.total,
            "rate": self.rate,
            "per_column": {c: {"leaked": lk, "total": t} for c, (lk, t) in self.per_column.items()},
        }


def table_leaks(original: Any, scrubbed: Any, labels: Mapping[str, Any]) -> TableLeaks:
    """Count PII that survives scrubbing in a table.

    PII columns: a cell leaks when its original value is in the scrubbed cell
    (case-insensitive substring). Text columns: each gold span leaks when its
    string survives in the scrubbed cell (:func:`find_leaks` rules).

    Args:
        original: The original frame (pandas-like: ``frame[column].tolist()``).
        scrubbed: The scrubbed frame, same rows in the same order.
        labels: A ``labels.json`` entry (``{"columns": ..., "text_spans": ...}``).

    Returns:
        Leaked and total counts, overall and per column.
    """
    per_column: dict[str, tuple[int, int]] = {}
    spans_by_column = labels.get("text_spans", {})
    for column, label in labels["columns"].items():
        kind = label.get("kind")
        before = original[column].tolist()
        after = scrubbed[column].tolist()
        if kind == "pii":
            cells = [(str(b).lower(), str(a).lower()) for b, a in zip(before, after) if _present(b)]
            per_column[column] = (sum(1 for b, a in cells if b in a), len(cells))
        elif kind == "text":
            rows = spans_by_column.get(column, {})
            originals, cleaned, gold = [], [], []
            for row, spans in rows.items():
                index = int(row)
                originals.append(str(before[index]))
                cleaned.append(str(after[index]))
                gold.append([tuple(s) for s in spans])
            leaked = find_leaks(originals, cleaned, gold)
            total = sum(1 for spans in gold for s in spans if s[2] not in DEFAULT_LEAK_IGNORE)
            per_column[column] = (sum(len(doc) for doc in leaked), total)
    leaked = sum(lk for lk, _ in per_column.values())
    total = sum(t for _, t in per_column.values())
    return TableLeaks(leaked=leaked, total=total, per_column=per_column)


def altered_cells(original: Any, scrubbed: Any, columns: Iterable[str]) -> dict[str, int]:
    """Per column, the non-null cells whose value changed (collateral damage in non-PII columns)."""
    out = {}
    for column in columns:
        before = original[column].tolist()
        after = scrubbed[column].tolist()
        out[column] = sum(1 for b, a in zip(before, after) if _present(b) and str(b) != str(a))
    return out


# ----------------------------------------------------------------------------- columns


@dataclass
class ColumnScores:
    """A table scan compared with column labels.

    Attributes:
        pii_columns: Labeled PII columns.
        correct: PII columns flagged ``pii`` with the labeled entity.
        missed: PII columns not flagged ``pii`` at all, with the kind they got.
        wrong_entity: PII columns flagged with another entity: ``(column, expected, got)``.
        flagged_decoys: Decoy columns flagged ``pii``: ``(column, entity)``.
        false_pii: Other non-PII, non-decoy columns flagged ``pii``: ``(column, entity)``.
        missed_text: Labeled text columns that the scan did not treat as text, with the kind they got
            (``"pii:<ENTITY>"`` when flagged as a PII column).
    """

    pii_columns: int
    correct: list[str] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)
    wrong_entity: list[tuple[str, str, str]] = field(default_factory=list)
    flagged_decoys: list[tuple[str, str]] = field(default_factory=list)
    false_pii: list[tuple[str, str]] = field(default_factory=list)
    missed_text: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Every PII column flagged with its entity, nothing else flagged, every text column scanned as text."""
        return not (self.missed or self.wrong_entity or self.flagged_decoys or self.false_pii or self.missed_text)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe figures."""
        return {
            "pii_columns": self.pii_columns,
            "correct": list(self.correct),
            "missed": [list(m) for m in self.missed],
            "wrong_entity": [list(w) for w in self.wrong_entity],
            "flagged_decoys": [list(f) for f in self.flagged_decoys],
            "false_pii": [list(f) for f in self.false_pii],
            "missed_text": [list(m) for m in self.missed_text],
            "ok": self.ok,
        }


def score_columns(
    labels: Mapping[str, Any],
    found: Mapping[str, tuple[str, str | None]],
    *,
    aliases: Mapping[str, str] | None = None,
) -> ColumnScores:
    """Compare column classifications with labels.

    Args:
        labels: A ``labels.json`` entry, or its ``"columns"`` mapping.
        found: ``{column: (kind, entity)}`` from a scan (kinds ``"pii"``, ``"text"``, anything else);
            columns absent from it count as ``("none", None)``.
        aliases: Found entity -> label entity (e.g. ``{"DATE_TIME": "DATE_OF_BIRTH"}``).

    Returns:
        The per-column verdicts.
    """
    columns = labels.get("columns", labels) if isinstance(labels, Mapping) else labels
    aliases = dict(aliases or {})
    scores = ColumnScores(pii_columns=sum(1 for v in columns.values() if v.get("kind") == "pii"))
    for column, label in columns.items():
        kind, entity = found.get(column, ("none", None))
        entity = aliases.get(entity, entity) if entity else entity
        expected = label.get("kind")
        if expected == "pii":
            if kind != "pii":
                scores.missed.append((column, str(kind)))
            elif entity != label.get("entity"):
                scores.wrong_entity.append((column, str(label.get("entity")), str(entity)))
            else:
                scores.correct.append(column)
        elif expected == "text":
            if kind != "text":
                scores.missed_text.append((column, f"pii:{entity}" if kind == "pii" else str(kind)))
        elif kind == "pii":
            (scores.flagged_decoys if label.get("decoy") else scores.false_pii).append((column, str(entity)))
    return scores


__all__ = [
    "CORRECT_OVERLAP",
    "DEFAULT_LEAK_IGNORE",
    "FOUND_COVERAGE",
    "ColumnScores",
    "EntityScores",
    "SpanScores",
    "TableLeaks",
    "altered_cells",
    "f_beta",
    "false_positives",
    "find_leaks",
    "format_table",
    "leak_rate",
    "missed_spans",
    "score_columns",
    "score_spans",
    "table_leaks",
    "value_leak_rate",
]
