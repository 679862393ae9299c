"""Analyse many texts with one Presidio analyzer, doing per batch what can be shared.

Presidio's ``AnalyzerEngine.analyze`` runs every recognizer on every text and
sends every result through context enhancement. Over a batch of texts most of
that is wasted: a card-number pattern cannot match a text without digits, and
a weak match with no context word anywhere in its text can never be lifted
over the threshold. This runner keeps Presidio's recognizers, enhancer and
de-duplication, and

* pre-scans the whole batch once per pattern recognizer, and per recognizer
  that names a trigger of its own (``prescan``), with one regex pass over the
  joined texts, so that each runs only on texts where it can match;
* drops, before enhancement, below-threshold results whose recognizer has no
  context word in the text (or in the call's context);
* runs spaCy over the batch with ``nlp.pipe``; codes (one blank-free token holding
  three digits in a row, such as an order id) are only tokenised: NER finds no
  name or place in them.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterator, Sequence

import regex
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from veil.core.progress import ProgressFn
from veil.privacy.errors import TextTooLongError
from veil.privacy.pii.recognizers.lexicons import first_names

logger = logging.getLogger(__name__)

#: Joins texts for the pre-scan; no pattern of the recognizer set matches across it.
_SEPARATOR = "\n\x00\n"
MAX_TEXT_CHARS = 1_000_000
"""Longest text scanned: spaCy's own limit (nlp.max_length), past which NER refuses to run."""
#: Cheap necessary conditions for recognizers whose own patterns are slow to run over a batch.
TRIGGERS = {
    "EmailRecognizer": r"@",
    "IpRecognizer": r"\d\.\d|::|[0-9A-Fa-f]:[0-9A-Fa-f]",
    "ItFiscalCodeRecognizer": r"[A-Za-z]{6}\d{2}[A-Za-z]\d{2}",
    "InPanRecognizer": r"[A-Za-z]{5}\d{4}[A-Za-z]",
    "UkNinoRecognizer": r"\d\d ?\d\d ?\d\d ?[a-dA-D]\b",  # the tail of every NINO
}
#: The characters every match of a recognizer's patterns starts with. A pre-scan led by a lookahead
#: on them lets the regex engine skip other positions in C (two to three times faster on prose).
#: Veil's own recognizers say theirs as ``prescan_lead``.
LEADS = dict.fromkeys(
    (
        "AbaRoutingRecognizer",
        "AuTfnRecognizer",
        "CaSinRecognizer",
        "CreditCardRecognizer",
        "EsNifRecognizer",
        "InAadhaarRecognizer",
        "UsItinRecognizer",
        "UsSsnRecognizer",
    ),
    r"\d",
) | {"EsNieRecognizer": r"X-Zx-z\d"}
_WORDS = regex.compile(r"\w+")
#: A code: one token without blanks holding a run of three digits ("ORD-100009", "SKU4471").
#: NER finds no name or place in one (names hold no digits), so codes skip it; patterns still run.
_CODE = regex.compile(r"\S*\d{3}\S*")
_MAX_CODE_CHARS = 64
_NAME_LIKE = frozenset({"PERSON", "LOCATION", "ORGANIZATION"})


def check_lengths(texts: Sequence[str]) -> None:
    """Raise :class:`TextTooLongError` when a text is longer than :data:`MAX_TEXT_CHARS`."""
    if too_long := sum(len(t) > MAX_TEXT_CHARS for t in texts):
        raise TextTooLongError(
            f"{too_long} text(s) are longer than the PII engine scans",
            violations=[("text", f"at most {MAX_TEXT_CHARS} characters")],
        )


def _all_allowed(span: str, allowed: set[str]) -> bool:
    words = [w.casefold() for w in _WORDS.findall(span) if not w.isdigit()]
    return bool(words) and all(w in allowed for w in words)


class BatchAnalyzer:
    """Runs an ``AnalyzerEngine``'s recognizers over batches of texts.

    Args:
        analyzer: A loaded Presidio analyzer (its registry, NLP engine and enhancer are used).
        language: Language of the texts.
        entities: Entity types to report.
        batch_size: spaCy ``nlp.pipe`` batch size.
    """

    def __init__(self, analyzer: AnalyzerEngine, *, language: str, entities: Sequence[str], batch_size: int) -> None:
        self._analyzer = analyzer
        self._language = language
        self._entities = list(entities)
        self._batch_size = batch_size
        self._recognizers = analyzer.registry.get_recognizers(language=language, entities=self._entities)
        for recognizer in self._recognizers:
            if not recognizer.is_loaded:
                recognizer.load()
                recognizer.is_loaded = True
        # Pattern recognizers, and any recognizer that names a trigger (``prescan``: a regex that
        # must match somewhere in a text for the recognizer to find anything there; ``prescan_lower``:
        # one written in lower case, run on the lower-cased text, cheaper for many cue words than a
        # case-insensitive alternation), run only on the texts where a pre-scan matches; the rest
        # run on every text.
        self._patterned = [
            r
            for r in self._recognizers
            if isinstance(r, PatternRecognizer) or getattr(r, "prescan", None) or getattr(r, "prescan_lower", None)
        ]
        self._always = [r for r in self._recognizers if r not in self._patterned]
        # One or two alternations per recognizer: does anything of it match somewhere in the batch?
        self._prescan = [self._triggers(r) for r in self._patterned]
        self._context = {r.id: frozenset(w.lower() for w in (r.context or [])) for r in self._recognizers}
        # Recognizers that say so (``cue_only_score``): their best score without a context cue.
        self._cue_only = {
            r.id: r.cue_only_score
            for r in self._recognizers
            if getattr(r, "cue_only_score", None) is not None and self._context[r.id]
        }

    @staticmethod
    def _compile(pattern: str, flags: int = 0) -> re.Pattern | regex.Pattern:
        """The standard engine where it can (faster on these alternations), else ``regex``."""
        try:
            return re.compile(pattern, flags | re.MULTILINE)
        except re.error:
            return regex.compile(pattern, flags=flags | regex.MULTILINE)

    @classmethod
    def _triggers(cls, recognizer: EntityRecognizer) -> list[tuple[re.Pattern | regex.Pattern, bool]] | None:
        """``(compiled pre-scan, runs on the lower-cased text)`` pairs; None: always run."""
        if recognizer.name in TRIGGERS:
            return [(cls._compile(TRIGGERS[recognizer.name]), False)]
        own, lower = getattr(recognizer, "prescan", None), getattr(recognizer, "prescan_lower", None)
        if own or lower:
            return [(cls._compile(p), on_lower) for p, on_lower in ((own, False), (lower, True)) if p]
        if getattr(recognizer, "patterns", None):
            pattern = "|".join(f"(?:{p.regex})" for p in recognizer.patterns)
            if lead := LEADS.get(recognizer.name) or getattr(recognizer, "prescan_lead", None):
                pattern = f"(?=[{lead}])(?:{pattern})"
            return [(cls._compile(pattern, recognizer.global_regex_flags), False)]
        return None

    def _candidates(self, texts: Sequence[str]) -> list[list[EntityRecognizer]]:
        """Per text, the recognizers whose pre-scan matches somewhere in it."""
        joined = _SEPARATOR.join(texts)
        lowered = joined.lower()
        if len(lowered) != len(joined):  # a few characters lower-case to two; offsets must hold
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in joined)
        starts, pos = [], 0
        for text in texts:
            starts.append(pos)
            pos += len(text) + len(_SEPARATOR)
        per_text: list[list[EntityRecognizer]] = [[] for _ in texts]
        for recognizer, triggers in zip(self._patterned, self._prescan):
            if triggers is None:  # a recognizer without patterns: always run
                for bucket in per_text:
                    bucket.append(recognizer)
                continue
            hit: set[int] = set()
            for compiled, on_lower in triggers:
                last = -1
                for match in compiled.finditer(lowered if on_lower else joined):
                    index = bisect.bisect_right(starts, match.start()) - 1
                    if index != last:
                        hit.add(index)
                        last = index
            for index in sorted(hit):
                per_text[index].append(recognizer)
        return per_text

    def analyze(
        self,
        texts: Sequence[str],
        *,
        threshold: float,
        context: Sequence[str] | None = None,
        allow_list: Sequence[str] | None = None,
        progress: ProgressFn | None = None,
    ) -> list[list[RecognizerResult]]:
        """Presidio results per text, at or above ``threshold``, de-duplicated.

        Raises:
            TextTooLongError: A text is longer than MAX_TEXT_CHARS.
        """
        texts = list(texts)
        check_lengths(texts)
        # Words that make a name-like span a label; given names never count as labels.
        label_words = {a.casefold() for a in allow_list} - first_names() if allow_list else set()
        out: list[list[RecognizerResult]] = []
        chunk = max(self._batch_size * 4, 1)
        for offset in range(0, len(texts), chunk):
            part = texts[offset : offset + chunk]
            candidates = self._candidates(part)
            for i, (text, artifacts) in enumerate(self._docs(part)):
                out.append(
                    self._analyze_one(
                        text,
                        artifacts,
                        candidates[i],
                        threshold=threshold,
                        context=context,
                        allow_list=allow_list,
                        label_words=label_words,
                    )
                )
                done = offset + i + 1
                if progress is not None and done % 500 == 0:
                    progress(done / len(texts))
        return out

    def _docs(self, texts: list[str]) -> Iterator[tuple[str, NlpArtifacts]]:
        """NLP artifacts per text, in order; codes are tokenised without running NER."""
        codes = {i for i, text in enumerate(texts) if len(text) <= _MAX_CODE_CHARS and _CODE.fullmatch(text)}
        prose = [text for i, text in enumerate(texts) if i not in codes]
        engine = self._analyzer.nlp_engine
        nlp = engine.nlp[self._language]
        # spaCy directly rather than Presidio's process_batch, which rebuilds each text from its tokens.
        parsed = iter(nlp.pipe(prose, batch_size=self._batch_size) if prose else ())
        for i, text in enumerate(texts):
            doc = nlp.make_doc(text) if i in codes else next(parsed)
            yield text, engine._doc_to_nlp_artifact(doc, self._language)

    def _analyze_one(
        self,
        text: str,
        artifacts: NlpArtifacts,
        patterned: list[EntityRecognizer],
        *,
        threshold: float,
        context: Sequence[str] | None,
        allow_list: Sequence[str] | None,
        label_words: set[str],
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        used: list[EntityRecognizer] = [*self._always, *patterned]
        lowered = text.lower()
        extra = {w.lower() for w in (context or ())}
        if self._cue_only:
            # A recognizer whose every result scores below the threshold until a cue lifts it finds
            # nothing that survives in a text without any of its cues (the filter below says the same).
            used = [
                r
                for r in used
                if r.id not in self._cue_only
                or self._cue_only[r.id] >= threshold
                or not self._context[r.id].isdisjoint(extra)
                or any(c in lowered for c in self._context[r.id])
            ]
        for recognizer in used:
            found = recognizer.analyze(text=text, entities=self._entities, nlp_artifacts=artifacts)
            if found:
                for result in found:
                    if result.recognition_metadata is None:
                        result.recognition_metadata = {}
                    result.recognition_metadata.setdefault(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, recognizer.id)
                    result.recognition_metadata.setdefault(RecognizerResult.RECOGNIZER_NAME_KEY, recognizer.name)
                results.extend(found)
        if not results:
            return results
        kept = []
        for result in results:
            if result.score >= threshold:
                kept.append(result)
                continue
            cues = self._context.get(result.recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY])
            # A cheap necessary condition (any cue anywhere in the text); the enhancer decides.
            if cues and (not cues.isdisjoint(extra) or any(cue in lowered for cue in cues)):
                kept.append(result)
        if not kept:
            return kept
        kept = self._analyzer.context_aware_enhancer.enhance_using_context(
            text=text, raw_results=kept, nlp_artifacts=artifacts, recognizers=used, context=list(context or ())
        )
        kept = [r for r in kept if r.score >= threshold]
        kept = EntityRecognizer.remove_duplicates(kept)
        if allow_list and kept:
            kept = self._analyzer._remove_allow_list(kept, list(allow_list), text, None, "exact")
            # A name-like span made of allowed words only ("Dog, Beagle": a species and a breed
            # of the table) is labels, not a person.
            kept = [
                r
                for r in kept
                if r.entity_type not in _NAME_LIKE or not _all_allowed(text[r.start : r.end], label_words)
            ]
        return kept


__all__ = ["BatchAnalyzer", "check_lengths"]
