"""Table scrubbing: keyed, consistent replacement of PII across every batch of one table.

PII columns are replaced value by value; every other string column is replaced span by span,
with the table's known PII values and the row's own names in view, so that one raw value gets
one surrogate wherever it appears.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from veil.core.progress import ProgressFn
from veil.privacy.errors import PrivacyInvalidArgumentError
from veil.privacy.pii.analyzer import PiiAnalyzer, fingerprint_span, replace_spans
from veil.privacy.pii.fingerprints import PiiFingerprints
from veil.privacy.pii.surrogates import SubstringGuard, SurrogateFactory, case_like
from veil.privacy.pii.textmatch import ValueLookup
from veil.privacy.pii.types import Span, TableScan

logger = logging.getLogger(__name__)

#: Dates shifted per person when the row names one.
DATE_TYPES = frozenset({"DATE_OF_BIRTH", "DATE_TIME"})
_NAME_SPLIT = re.compile(r"[\s/,]+")
#: Span types that may really be (part of) a person's name.
NAME_LIKE_TYPES = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "NRP"})


def _name_runs(text: str, spans: Sequence[Span]) -> list[tuple[str, int, int]]:
    """Adjacent PERSON spans separated by blanks only, as one name ("William" + "Johnson" matched as
    parts of other people's names are one person here): fingerprinted whole, so that a generated
    "William Johnson" is recognised as this person's name."""
    runs, current = [], None
    for span in sorted(spans, key=lambda s: s.start):
        if span.entity_type == "PERSON" and current is not None and not text[current[1] : span.start].strip():
            current = (current[0], span.end, current[2] + 1)
            continue
        if current is not None and current[2] > 1:
            runs.append(("PERSON", current[0], current[1]))
        current = (span.start, span.end, 1) if span.entity_type == "PERSON" else None
    if current is not None and current[2] > 1:
        runs.append(("PERSON", current[0], current[1]))
    return runs


def _same_case(found: str, raw: str, surrogate: str) -> str:
    """A surrogate in the case the text wrote its value in ("ANN LEE" for a match of "Ann Lee")."""
    if found.isupper() and not raw.isupper():
        return surrogate.upper()
    if found.islower() and not raw.islower():
        return surrogate.lower()
    return surrogate


def _holds_strings(series: pd.Series) -> bool:
    """Whether a column's values are strings (numbers and timestamps carry no spans)."""
    if pd.api.types.is_string_dtype(series) and not pd.api.types.is_object_dtype(series):
        return True
    if not pd.api.types.is_object_dtype(series):
        return False
    head = series.dropna()
    return bool(len(head)) and any(isinstance(v, str) for v in head.iloc[:1000])


class TableScrubber:
    """Scrubs the batches of one table with one keyed, consistent mapping.

    Every batch is scrubbed as :meth:`PiiEngine.scrub_table` would scrub it;
    state carried between batches (known PII values for matching inside text,
    fingerprints, the surrogate cache) grows with the table's distinct PII
    values, never with its rows. Use :meth:`PiiEngine.table_scrubber` to make one.

    Args:
        analyzer: The analyzer that finds spans in text.
        scan: The table's classification (which columns are PII / text).
        key: The dataset key; surrogates derive from it.
        allow_list: Words never treated as PII in text (e.g. the table's category labels).

    Raises:
        PrivacyInvalidArgumentError: ``scan`` or ``key`` is invalid.
    """

    def __init__(self, analyzer: PiiAnalyzer, *, scan: TableScan, key: bytes, allow_list: Sequence[str] = ()) -> None:
        violations = []
        if not isinstance(scan, TableScan):
            violations.append(("scan", "must be a TableScan"))
        if not isinstance(key, (bytes, bytearray)) or len(key) == 0:
            violations.append(("key", "must be non-empty bytes"))
        if violations:
            raise PrivacyInvalidArgumentError("invalid scrub request", violations=violations)
        self._analyzer = analyzer
        self._scan = scan
        self._allow_list = sorted(set(allow_list))
        self._allowed = {a.casefold() for a in self._allow_list}
        self.fingerprints = PiiFingerprints(key)
        self._guard = SubstringGuard()
        self._lookup = ValueLookup()
        self._detected = ValueLookup()  # spans the detector found, matched again everywhere
        self._factory = SurrogateFactory(key, locale=analyzer.locale, avoid=self.fingerprints, guard=self._guard)
        self.replaced_cells: dict[str, int] = {c: 0 for c in [*scan.pii_columns, *scan.span_columns]}

    def learn(self, df: pd.DataFrame) -> None:
        """Know the PII columns' raw values ahead of their batches (``df`` may hold only those columns).

        A table streamed in batches meets its later values late: a surrogate made for an early
        batch could equal one of them, and an early note could name one. Fed the whole table's
        PII columns first, no surrogate equals any of them and every note that names one is
        replaced.
        """
        self._learn(df[[c for c in self._scan.pii_columns if c in df.columns]])

    def _learn(self, df: pd.DataFrame) -> dict[str, np.ndarray]:
        distinct: dict[str, np.ndarray] = {}
        for column, entity in self._scan.pii_columns.items():
            if column not in df.columns:
                continue
            values = pd.unique(df[column].dropna())
            distinct[column] = values
            as_text = [str(v) for v in values]
            self.fingerprints.update(as_text)
            self._guard.update(as_text)
            self._lookup.add(entity, as_text)
            if entity == "PERSON":
                self._lookup.add_name_parts(entity, as_text)
        return distinct

    def scrub(self, df: pd.DataFrame, *, progress: ProgressFn | None = None) -> pd.DataFrame:
        """Scrub one batch; returns a frame of the same shape, columns and order."""
        missing = [
            (str(c), "in the scan but not a column of the table") for c in self._scan.columns if c not in df.columns
        ]
        if missing:
            raise PrivacyInvalidArgumentError("invalid scrub request", violations=missing)

        def report(fraction: float) -> None:
            if progress is not None:
                progress(min(1.0, max(0.0, fraction)))

        report(0.0)
        pii_columns = self._scan.pii_columns
        # Every string-valued column that is not a PII column is scrubbed span by span, whatever
        # its modelling kind: a category that names a person is scrubbed like a note.
        text_columns = [c for c in self._scan.span_columns if _holds_strings(df[c])]
        distinct = self._learn(df)
        report(0.03)

        text_values: dict[str, np.ndarray] = {c: pd.unique(df[c].dropna()) for c in text_columns}
        texts = sorted({str(v) for values in text_values.values() for v in values})
        plans = self._analyzer.plan_texts(
            texts, self._lookup, allow_list=self._allow_list, progress=lambda f: report(0.05 + 0.8 * f)
        )
        text_plan: dict[str, list[tuple[int, int, str, str]]] = {}
        for text, plan in zip(texts, plans):
            spans = [span for span, _raw in plan]
            for entity, start, end in [(s.entity_type, s.start, s.end) for s in spans] + _name_runs(text, spans):
                span_text = text[start:end]
                if fingerprint_span(self.fingerprints, entity, span_text):
                    self._guard.update([span_text])
                    self._detected.add(entity, [span_text])
            text_plan[text] = [(span.start, span.end, span.entity_type, raw) for span, raw in plan]
        # A value found in one place is replaced wherever else it appears, even where the
        # detector missed it there: nothing fingerprinted stays behind in the scrubbed table.
        for text, plan in text_plan.items():
            taken = [(s, e) for s, e, _, _ in plan]
            extra = [hit for hit in self._detected.find(text) if not any(hit[0] < e and s < hit[1] for s, e in taken)]
            if extra:
                text_plan[text] = sorted(plan + extra)
        report(0.87)

        factory = self._factory
        out = df.copy()
        person_columns = [c for c, e in pii_columns.items() if e == "PERSON"]
        for column, entity in pii_columns.items():
            series = df[column]
            notnull = series.notna()
            new = series.astype(object).copy()
            if entity in DATE_TYPES and person_columns:
                # All dates of one person move by that person's offset (intervals are kept).
                subjects = df[person_columns[0]][notnull]
                new[notnull] = [
                    factory.surrogate(entity, str(v), subject=None if pd.isna(who) else str(who))
                    for v, who in zip(series[notnull], subjects)
                ]
            else:
                mapping = {v: factory.surrogate(entity, str(v)) for v in distinct[column]}
                new[notnull] = series[notnull].map(mapping)
            out[column] = new
            self.replaced_cells[column] += int(notnull.sum())
        report(0.93)
        for column in text_columns:
            series = df[column]
            notnull = series.notna()
            # A note is scrubbed with its row's names in view: "Dennis" in the note of the row whose
            # name is "Dennis Estrada" becomes the first name of that row's surrogate.
            new = series.astype(object).copy()
            if person_columns:
                names = zip(*(df[c][notnull] for c in person_columns))
                cache: dict[tuple, object] = {}
                values = []
                for value, row_names in zip(series[notnull], names):
                    key = (value, row_names)
                    scrubbed = cache.get(key)
                    if scrubbed is None:
                        scrubbed = cache[key] = self._scrub_value(value, text_plan, row_names)
                    values.append(scrubbed)
                new[notnull] = values
            else:  # no row names to follow: one result per distinct value
                mapping = {v: self._scrub_value(v, text_plan, ()) for v in text_values[column]}
                new[notnull] = series[notnull].astype(object).map(mapping)
            out[column] = new
            self.replaced_cells[column] += int((new[notnull] != series[notnull].astype(object)).sum())
        report(1.0)
        logger.info(
            "scrubbed a batch: %d PII column(s), %d span-scrubbed column(s); %d fingerprint(s) so far",
            len(pii_columns),
            len(text_columns),
            len(self.fingerprints),
        )
        return out

    def _scrub_value(self, value: object, text_plan: Mapping[str, list], row_names: tuple) -> object:
        """One cell of a span-scrubbed column; a cell with nothing to replace is returned as it was."""
        text = str(value)
        plan = text_plan[text] + self._row_name_spans(text, text_plan[text], row_names)
        if not plan:
            return value
        return replace_spans(
            text,
            [
                (s, e, _same_case(text[s:e], raw, self._text_surrogate(entity, raw, row_names)))
                for s, e, entity, raw in plan
            ],
        )

    def _row_name_spans(self, text: str, plan: list, row_names: tuple) -> list[tuple[int, int, str, str]]:
        """Words of the row's own names left in its text: at a sentence start, in lower case.

        Table-wide matching skips those (a capitalised "Will" opening a sentence is usually
        the verb), but a word of the name of the very row the note belongs to is that name.
        """
        found: list[tuple[int, int, str, str]] = []
        if not row_names:
            return found
        folded = text.casefold()
        taken = [(s, e) for s, e, _, _ in plan]
        allowed = self._allowed
        for full in row_names:
            if not isinstance(full, str):
                continue
            for part in set(_NAME_SPLIT.split(full)):
                needle = part.casefold()
                if len(needle) < 3 or not needle.isalpha() or needle in allowed:
                    continue
                start = folded.find(needle)
                while start != -1:
                    end = start + len(needle)
                    bounded = (start == 0 or not folded[start - 1].isalnum()) and (
                        end == len(folded) or not folded[end].isalnum()
                    )
                    if bounded and not any(start < e and s < end for s, e in taken):
                        found.append((start, end, "PERSON", part))
                        taken.append((start, end))
                    start = folded.find(needle, end)
        return found

    def _text_surrogate(self, entity: str, raw: str, row_names: tuple) -> str:
        """The surrogate of a span in a text; person names follow the row's name columns.

        NER sometimes labels a lone first name as a place ("Follow-up: Tonya prefers"); a
        span that is part of the row's name is treated as that name whatever its label.
        """
        if entity in NAME_LIKE_TYPES and row_names:
            folded = raw.strip().casefold()
            for full in row_names:
                if not isinstance(full, str):
                    continue
                parts = full.split()
                index = next((i for i, p in enumerate(parts) if p.casefold() == folded), None)
                if index is None:
                    continue
                stand_in = self._factory.surrogate("PERSON", full).split()
                if len(stand_in) == len(parts):
                    return case_like(raw.strip(), stand_in[index])
        if entity in DATE_TYPES and row_names and isinstance(row_names[0], str):
            return self._factory.surrogate(entity, raw, subject=row_names[0])
        return self._factory.surrogate(entity, raw)


__all__ = ["DATE_TYPES", "NAME_LIKE_TYPES", "TableScrubber"]
