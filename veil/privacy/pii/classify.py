"""Column classification: which columns hold one PII entity type as a whole, and what the others hold.

A candidate column is a PII column when one entity type covers enough of its distinct values and
of its rows (header words lower the bar); every other string column is measured span by span on a
seeded sample. The category labels found clean here are what table scrubbing may leave in text.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np
import pandas as pd

from veil.privacy.errors import PrivacyInvalidArgumentError
from veil.privacy.pii.analyzer import PiiAnalyzer, resolve_spans, to_hits
from veil.privacy.pii.masking import masked_sample
from veil.privacy.pii.recognizers.lexicons import common_words, first_names, last_names
from veil.privacy.pii.textmatch import ValueLookup
from veil.privacy.pii.types import ColumnScan, EntityShare, Span, TableScan

logger = logging.getLogger(__name__)

#: Header words that hint at a column's entity type.
# fmt: off
HEADER_HINTS: dict[str, tuple[str, ...]] = {
    "PERSON": ("name", "names", "customer", "client", "patient", "person", "firstname", "lastname",
               "fullname", "surname", "forename", "employee", "owner", "contact"),
    "EMAIL_ADDRESS": ("email", "mail", "emailaddress"),
    "PHONE_NUMBER": ("phone", "telephone", "tel", "mobile", "cell", "fax", "phonenumber"),
    "ADDRESS": ("address", "street", "addr", "streetaddress"),
    "LOCATION": ("city", "town", "location", "country", "state", "region", "address"),
    "US_SSN": ("ssn", "social", "socialsecurity"),
    "CREDIT_CARD": ("card", "cc", "creditcard", "cardnumber"),
    "DATE_OF_BIRTH": ("dob", "birth", "birthday", "birthdate", "born"),
    "POSTCODE": ("zip", "zipcode", "postcode", "postal", "postalcode", "plz", "pincode"),
    "TITLE": ("title", "salutation", "honorific", "prefix"),
    "ORGANIZATION": ("company", "employer", "organisation", "organization", "org", "business", "firm"),
    "BANK_ACCOUNT": ("account", "acct", "routing", "aba", "sortcode", "bankaccount", "accountnumber"),
    "UK_NINO": ("nino", "nin", "insurance"),
    "UK_NHS": ("nhs",),
    "CA_SIN": ("sin",),
    "FR_NIR": ("nir", "insee", "secu"),
    "ES_NIF": ("nif", "dni", "nie"),
    "IT_FISCAL_CODE": ("fiscale", "codicefiscale", "cf", "fiscal"),
    "IN_AADHAAR": ("aadhaar", "aadhar", "uid"),
    "IP_ADDRESS": ("ip", "ipaddress", "ipv4", "ipv6"),
    "URL": ("url", "website", "homepage", "link"),
    "IBAN_CODE": ("iban",),
    "US_PASSPORT": ("passport",),
    "US_DRIVER_LICENSE": ("dl", "driver", "drivers", "driving", "driverlicense", "driverslicense"),
}
# fmt: on
PII_SHARE = 0.5
PII_SHARE_WITH_HINT = 0.3
HINT_SCORE_RELIEF = 0.15
CELL_COVERAGE = 0.6
ALLOW_LIST_MAX_DISTINCT = 256
#: Rows a category label needs before it may be allowed in text (a label held by fewer may be one person).
ALLOW_LIST_MIN_ROWS = 5


def _header_tokens(column: str) -> set[str]:
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", str(column))
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", text.lower()) if p]
    return set(parts) | {"".join(parts)}


def header_hints(column: str) -> set[str]:
    """Entity types a column's header suggests (``"phone_no"`` -> ``{"PHONE_NUMBER"}``)."""
    tokens = _header_tokens(column)
    return {entity for entity, words in HEADER_HINTS.items() if tokens & set(words)}


def _check_columns(df: pd.DataFrame, groups: dict[str, Sequence[str]]) -> None:
    violations = []
    seen: dict[str, str] = {}
    for group, columns in groups.items():
        if isinstance(columns, str):
            violations.append((group, "must be a sequence of column names"))
            continue
        for column in columns:
            if column not in df.columns:
                violations.append((str(column), f"listed in {group} but not a column of the table"))
            elif column in seen and seen[column] != group:
                violations.append((str(column), f"listed in both {seen[column]} and {group}"))
            seen[column] = group
    if violations:
        raise PrivacyInvalidArgumentError("invalid PII scan request", violations=violations)


def _classify_column(
    analyzer: PiiAnalyzer, column: str, values: list[str], weights: Sequence[int] | None = None
) -> ColumnScan:
    """Whether a column holds one PII entity type as a whole.

    ``values`` are distinct values and ``weights`` their row counts. The entity must cover
    enough of the distinct values *and* of the rows: a category column whose rare values
    name people ("Website", "Friend", and a few names) stays a category, and its names are
    scrubbed span by span like any other string column's.
    """
    weights = list(weights) if weights is not None else [1] * len(values)
    hints = header_hints(column)
    context = sorted(_header_tokens(column))
    floor = max(0.0, analyzer.score_threshold - HINT_SCORE_RELIEF)
    raw = analyzer.analyze(values, threshold=floor, context=context)
    cell_entities: list[tuple[str, float] | None] = []
    masked: list[str] = []
    for value, results in zip(values, raw):
        length = max(len(value.strip()), 1)
        best = None
        for r in results:
            needed = floor if r.entity_type in hints else analyzer.score_threshold
            if r.score < needed:
                continue
            coverage = (r.end - r.start) / length
            if coverage >= CELL_COVERAGE:
                rank = (min(coverage, 1.0), r.score)
                if best is None or rank > best[0]:
                    best = (rank, r.entity_type, r.score)
        cell_entities.append(None if best is None else (best[1], best[2]))
    n = len(values)
    counts = Counter(e[0] for e in cell_entities if e is not None)
    scores: dict[str, list[float]] = defaultdict(list)
    for e in cell_entities:
        if e is not None:
            scores[e[0]].append(e[1])
    shares = [EntityShare(t, counts[t] / n, float(np.mean(scores[t]))) for t, _ in counts.most_common()] if n else []
    kind, entity_type, confidence = "none", None, 1.0
    if shares:
        top = shares[0]
        needed = PII_SHARE_WITH_HINT if top.entity_type in hints else PII_SHARE
        total = sum(weights) or 1
        row_share = sum(w for e, w in zip(cell_entities, weights) if e is not None and e[0] == top.entity_type) / total
        if top.cell_share >= needed and row_share >= needed:
            kind, entity_type = "pii", top.entity_type
            confidence = min(1.0, top.cell_share * top.mean_score + (0.15 if top.entity_type in hints else 0.0))
        else:
            confidence = 1.0 - top.cell_share
    for value, results in zip(values[:3], raw[:3]):
        if kind == "pii":
            masked.append(f"<{entity_type}>")
        else:
            masked.append(masked_sample(value, resolve_spans(to_hits(results), threshold=analyzer.score_threshold)))
    return ColumnScan(column, kind, entity_type, round(confidence, 4), shares, masked, n)


def scan_table(
    analyzer: PiiAnalyzer,
    df: pd.DataFrame,
    *,
    text_columns: Sequence[str],
    candidate_columns: Sequence[str],
    span_columns: Sequence[str] = (),
    sample_size: int = 200,
    seed: int = 0,
) -> TableScan:
    """Classify candidate columns and measure entities in every span-scanned column.

    Args:
        analyzer: The analyzer that reads the values.
        df: The table.
        text_columns: Free-text columns (reported as kind ``"text"``).
        candidate_columns: Structured columns that may hold one PII entity type as a whole.
        span_columns: Other string-valued columns (categorical, id, date strings); unless
            classified as a whole-cell PII column, each is scrubbed span by span like text.
        sample_size: Distinct values analysed per candidate column; rows sampled per
            span-scanned column (shares are per sampled cell).
        seed: Seed of the value sample.

    Returns:
        A :class:`TableScan` covering exactly the listed columns.
    """
    if not isinstance(sample_size, int) or sample_size < 1:
        raise PrivacyInvalidArgumentError(
            "invalid PII scan request", violations=[("sample_size", "must be a positive integer")]
        )
    _check_columns(df, {"candidate_columns": candidate_columns, "text_columns": text_columns})
    _check_columns(df, {"span_columns": span_columns, "text_columns": text_columns})
    rng = np.random.default_rng(seed)
    columns: dict[str, ColumnScan] = {}
    for column in candidate_columns:
        values, weights = _sample_distinct(df[column], sample_size, rng)
        columns[column] = _classify_column(analyzer, column, values, weights)
    lookup = _known_values(df, {c: s.entity_type for c, s in columns.items() if s.kind == "pii"})
    allow_list = _allow_list(analyzer, df, columns, lookup)
    structured = [c for c in span_columns if columns.get(c) is None or columns[c].kind != "pii"]
    for column in [*structured, *text_columns]:
        texts = _sample_rows(df[column], sample_size, rng)
        plans = analyzer.plan_texts(texts, lookup, allow_list=allow_list)
        shares, any_share, masked = _measure(texts, plans)
        found = columns.get(column)
        if column in text_columns:
            columns[column] = ColumnScan(column, "text", None, any_share, shares, masked, len(texts))
        else:
            columns[column] = ColumnScan(
                column,
                "none",
                None,
                found.confidence if found else 1.0,
                shares,
                masked,
                max(len(texts), found.scanned_cells if found else 0),
                span_scrubbed=True,
            )
    found = {c: s.entity_type for c, s in columns.items() if s.kind == "pii"}
    logger.info("PII scan: %d column(s) scanned, %d PII column(s)", len(columns), len(found))
    return TableScan(columns=columns, scanned_rows=int(len(df)))


def _measure(
    texts: Sequence[str], plans: Sequence[list[tuple[Span, str]]]
) -> tuple[list[EntityShare], float, list[str]]:
    """Entity shares per sampled cell, the share of cells with any entity, and 3 masked samples."""
    n = len(texts)
    per_type_cells: Counter[str] = Counter()
    per_type_scores: dict[str, list[float]] = defaultdict(list)
    any_cells = 0
    masked = []
    for i, (text, plan) in enumerate(zip(texts, plans)):
        spans = [span for span, _ in plan]
        if spans:
            any_cells += 1
        for entity in {s.entity_type for s in spans}:
            per_type_cells[entity] += 1
        for s in spans:
            per_type_scores[s.entity_type].append(s.score)
        if i < 3:
            masked.append(masked_sample(text, spans))
    shares = [EntityShare(t, c / n, float(np.mean(per_type_scores[t]))) for t, c in per_type_cells.most_common()]
    return shares, round(any_cells / n, 4) if n else 0.0, masked


def _sample_distinct(series: pd.Series, sample_size: int, rng: np.random.Generator) -> tuple[list[str], list[int]]:
    """A seeded sample of distinct values (first-seen order) and each one's row count."""
    counts = series.dropna().astype(str).value_counts(sort=False)
    values, weights = counts.index.to_numpy(), counts.to_numpy()
    if len(values) > sample_size:
        idx = np.sort(rng.choice(len(values), size=sample_size, replace=False))
        values, weights = values[idx], weights[idx]
    return [str(v) for v in values], [int(w) for w in weights]


def _sample_rows(series: pd.Series, sample_size: int, rng: np.random.Generator) -> list[str]:
    values = series.dropna().astype(str).to_numpy()
    if len(values) > sample_size:
        values = values[np.sort(rng.choice(len(values), size=sample_size, replace=False))]
    return [str(v) for v in values]


def _known_values(df: pd.DataFrame, pii_columns: dict[str, str]) -> ValueLookup:
    """The values of the table's PII columns (and its people's name parts), to be found inside text."""
    lookup = ValueLookup()
    for column, entity in pii_columns.items():
        values = [str(v) for v in pd.unique(df[column].dropna())]
        lookup.add(entity, values)
    for column, entity in pii_columns.items():
        if entity == "PERSON":
            lookup.add_name_parts(entity, [str(v) for v in pd.unique(df[column].dropna())])
    return lookup


def allow_list_for(analyzer: PiiAnalyzer, df: pd.DataFrame, scan: TableScan) -> list[str]:
    """Labels of the table's low-cardinality non-PII columns (like "Ideal") in which no PII was found."""
    present = {c: s for c, s in scan.columns.items() if c in df.columns}
    return _allow_list(
        analyzer, df, present, _known_values(df, {c: e for c, e in scan.pii_columns.items() if c in df.columns})
    )


def _allow_list(
    analyzer: PiiAnalyzer, df: pd.DataFrame, columns: dict[str, ColumnScan], lookup: ValueLookup | None = None
) -> list[str]:
    """Labels of low-cardinality non-PII columns ("Ideal", "VS2") that are safe to allow in text.

    NER tags some category labels, and their words, inside notes; the labels a column holds
    are known, so they are allowed there. A label is allowed only when it cannot be someone:
    held by at least ``ALLOW_LIST_MIN_ROWS`` rows, free of given and family names, and found
    clean when scanned on its own (holding no known PII value either). A label that fails
    any of these is scrubbed like any other value and never hides a name in a note.
    """
    given, family, common = first_names(), last_names(), common_words()

    def names_someone(label: str) -> bool:
        return any(
            w.casefold() in given or w.casefold() in family
            for w in re.findall(r"[^\W\d_]+", label)
            if w.casefold() not in common
        )

    labels: set[str] = set()
    for column, scan in columns.items():
        if scan.kind != "none" or column not in df.columns:
            continue
        counts = df[column].dropna().astype(str).value_counts()
        if len(counts) <= ALLOW_LIST_MAX_DISTINCT:
            labels.update(label for label, n in counts.items() if n >= ALLOW_LIST_MIN_ROWS and not names_someone(label))
    if not labels:
        return []
    ordered = sorted(labels)
    plans = analyzer.plan_texts(ordered, lookup or ValueLookup())
    clean = [label for label, plan in zip(ordered, plans) if not plan]
    allow: set[str] = set(clean)
    # NER may tag one word of a label ("Good" of "Very Good"); its words are labels too.
    allow.update(w for label in clean for w in label.split() if len(w) >= 3 and w.isalpha())
    return sorted(allow)


__all__ = ["HEADER_HINTS", "allow_list_for", "header_hints", "scan_table"]
