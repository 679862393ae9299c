"""A spaCy NLP engine for Presidio that never downloads and runs only what NER needs."""

from __future__ import annotations

import bisect
import logging
from pathlib import Path

import spacy
from presidio_analyzer import RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from spacy.attrs import IDX, LENGTH, LOWER
from spacy.tokens import Doc

from veil.privacy.errors import UnknownSpacyModelError

logger = logging.getLogger(__name__)


class VeilNlpArtifacts(NlpArtifacts):
    """Presidio's artifacts with the token lengths, and keywords computed only when read.

    Veil's context enhancer reads the lemmas; Presidio's keyword filter asks spaCy's
    vocabulary about every word, which creates a lexeme for each new one (slow, and the
    vocabulary grows with the texts scanned).
    """

    def __init__(self, *, tokens_lengths: list[int], **kwargs) -> None:
        self.tokens_lengths = tokens_lengths
        self._language = kwargs["language"]
        super().__init__(**kwargs)

    @staticmethod
    def set_keywords(nlp_engine, lemmas: list[str], language: str) -> None:  # noqa: D102
        return None

    @property
    def keywords(self) -> list[str]:
        if self._keywords is None:
            self._keywords = NlpArtifacts.set_keywords(self.nlp_engine, self.lemmas, self._language)
        return self._keywords

    @keywords.setter
    def keywords(self, value: list[str] | None) -> None:
        self._keywords = value


class VeilSpacyNlpEngine(SpacyNlpEngine):
    """Presidio ``SpacyNlpEngine`` with two changes.

    * ``load`` refuses to download a missing model (Presidio would call
      ``spacy.cli.download``) and raises :class:`UnknownSpacyModelError`.
    * Components the NER does not need (parser, tagger, lemmatizer, ...) are
      disabled; lemmas are the lower-cased token text, which is what
      Presidio's context enhancer compares against its context words anyway.
    """

    def __init__(self, *, model_name: str, language: str = "en") -> None:
        super().__init__(models=[{"lang_code": language, "model_name": model_name}])
        self.model_name = model_name
        self.language = language

    def load(self) -> None:
        """Load the model from the local installation only."""
        name = self.model_name
        if not (spacy.util.is_package(name) or Path(name).exists()):
            raise UnknownSpacyModelError(
                "spaCy model is not installed (models are never downloaded at run time)",
                violations=[("spacy_model", "not an installed spaCy package or model path")],
            )
        try:
            nlp = spacy.load(name)
        except (OSError, ValueError) as exc:
            raise UnknownSpacyModelError(
                "spaCy model could not be loaded",
                violations=[("spacy_model", type(exc).__name__)],
            ) from exc
        keep = {"ner", "entity_ruler", "span_ruler"}
        for pipe_name, pipe in nlp.pipeline:
            listeners = getattr(pipe, "listening_components", None) or []
            if "ner" in listeners:
                keep.add(pipe_name)
        if "ner" not in nlp.pipe_names:
            logger.warning("spaCy model has no 'ner' component; only pattern recognizers will work")
        disabled = [n for n in nlp.pipe_names if n not in keep]
        for pipe_name in disabled:
            nlp.disable_pipe(pipe_name)
        logger.info("spaCy model loaded; disabled components: %s", ", ".join(disabled) or "none")
        self.nlp = {self.language: nlp}

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        entities = self._get_entities(doc)
        scores = self._get_scores_for_entities(doc)
        entities, scores = self._get_updated_entities(entities, scores)
        # Token offsets and lower-cased forms from arrays: a Python loop over tokens costs more
        # than the recognizers that read them.
        lowers = doc.to_array(LOWER)
        strings = doc.vocab.strings
        return VeilNlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=doc.to_array(IDX).tolist(),
            tokens_lengths=doc.to_array(LENGTH).tolist(),
            lemmas=[strings[h] for h in lowers.tolist()],
            nlp_engine=self,
            language=language,
            scores=scores,
        )


class ThresholdAwareEnhancer(LemmaContextAwareEnhancer):
    """Lemma context enhancer that only looks at results below ``threshold``.

    Results already at or above the threshold are kept as they are: context can
    only raise scores, so it cannot change whether they are reported, and
    skipping them avoids Presidio's per-call deep copy of every result.
    """

    def __init__(self, *, threshold: float, prefix_words: int = 8, suffix_words: int = 1) -> None:
        # Whole words: Presidio's default substring mode lets "lic" match "public".
        super().__init__(
            context_matching_mode="whole_word", context_prefix_count=prefix_words, context_suffix_count=suffix_words
        )
        self.threshold = threshold

    def _extract_surrounding_words(self, nlp_artifacts: NlpArtifacts, word: str, start: int) -> list[str]:
        """The words around a match (before its first token, after its last), stop words included.

        Presidio keeps only non-stop-word "keywords", and spaCy's stop words include
        context cues such as "call", "name" and "number"; here every word counts.
        """
        if not nlp_artifacts.tokens:
            return []
        index = bisect.bisect_right(nlp_artifacts.tokens_indices, start) - 1
        # The words after count from the match's last token: "925 086 721 mobile" reads "mobile".
        last = bisect.bisect_right(nlp_artifacts.tokens_indices, start + max(len(word), 1) - 1) - 1
        words = [w for w in nlp_artifacts.lemmas]
        before = [w for w in words[: max(index, 0)] if any(c.isalnum() for c in w)][-self.context_prefix_count :]
        after = [w for w in words[max(last, index) + 1 :] if any(c.isalnum() for c in w)][: self.context_suffix_count]
        return [part for w in before + after for part in w.lower().split(":") if part]

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):  # noqa: D102
        low = [r for r in raw_results if r.score < self.threshold]
        if not low:
            return raw_results
        high: list[RecognizerResult] = [r for r in raw_results if r.score >= self.threshold]
        return high + super().enhance_using_context(text, low, nlp_artifacts, recognizers, context)


__all__ = ["ThresholdAwareEnhancer", "VeilSpacyNlpEngine"]
