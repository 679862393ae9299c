"""spaCy's own PERSON, ORGANIZATION and LOCATION entities, re-scored with the name lexicons.

The small spaCy model tags ordinary capitalised words ("Premium", "Ideal") as
people and codes ("ORD-100009") as places; :class:`VeilSpacyRecognizer` replaces
Presidio's ``SpacyRecognizer`` and weighs each entity with the evidence of
:mod:`.name_words`.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from veil.privacy.pii.recognizers.lexicons import NAME_PARTICLES
from veil.privacy.pii.recognizers.name_words import GREETINGS, NameLexicons
from veil.privacy.pii.recognizers.organizations import ORGANIZATION_CONTEXT
from veil.privacy.pii.recognizers.titles import TITLE_KEYS

_WORDS_RE = re.compile(r"[^\W_]+")
#: A product-style inner capital after three lower-case letters ("UltraDry", "SmartHub"); "McDonald",
#: "MacArthur", "DeShawn" and "FitzGerald" keep theirs.
_PRODUCT_RE = re.compile(r"^(?!(?:Mac|Fitz|Van|Von|Del|Della|Des|Dos|Das)\p{Lu})\p{Lu}\p{Ll}{2,}\p{Lu}")


class VeilSpacyRecognizer(SpacyRecognizer):
    """spaCy's entities, re-scored with lexicon evidence.

    An entity holding a run of three digits or more ("ORD-100009") is dropped to 0:
    names hold no numbers. A PERSON is first trimmed to one line and stripped of
    leading and trailing non-name words ("Thanks, Mariana Ribeiro", "The Aqua Pure");
    then, if made only of common or dictionary words ("Premium", "August", "Salary"),
    holding a digit ("SI2") or a product-style inner capital ("UltraDry"), it drops
    to 0.3; with a lexicon name it scores 0.85; other capitalised words keep at most
    0.6. ORGANIZATION scores 0.4 so that it needs context (or another recognizer).
    LOCATION made of common words drops to 0.3.
    """

    def __init__(self, supported_language: str = "en", supported_entities: list[str] | None = None) -> None:
        super().__init__(
            supported_language=supported_language, supported_entities=supported_entities, context=ORGANIZATION_CONTEXT
        )

    def load(self) -> None:
        super().load()
        self._lex = NameLexicons()

    def analyze(self, text: str, entities, nlp_artifacts=None):  # noqa: D102
        results = super().analyze(text, entities, nlp_artifacts)
        common = self._lex.common
        for result in results:
            if result.entity_type == "PERSON":
                self._trim_person(text, result)
            words = _WORDS_RE.findall(text[result.start : result.end])
            folded = [w.casefold() for w in words]
            all_common = bool(folded) and all(w in common for w in folded)
            if any(w.isdigit() and len(w) >= 3 for w in words):
                # A name holds no run of digits: "ORD-100009" is a code, not O'Hare airport.
                result.score = 0.0
            elif result.entity_type == "PERSON":
                result.score = self._person_score(words, folded, result.score)
                trimmed = (result.recognition_metadata or {}).get("veil_trimmed")
                if trimmed and (
                    result.score < 0.85
                    or " " not in text[result.start : result.end].strip()
                    and text[result.start : result.end].casefold() not in self._lex.first
                ):
                    result.score = 0.3  # what is left of "Returns Dept" or "The UltraDry" is no name
            elif result.entity_type == "ORGANIZATION":
                # Acronyms ("NIR", "CPF") and product names ("UltraDry") are no firms by themselves.
                # So are runs of dictionary words ("National Insurance", "Policy Services").
                acronym = len(words) == 1 and words[0].isupper() and len(words[0]) <= 5
                wordy = all(self._lex.is_english(f) or f in common for f in folded) and not any(
                    f in self._lex.first or f in self._lex.last for f in folded
                )
                result.score = 0.3 if acronym or wordy or any(_PRODUCT_RE.match(w) for w in words) else 0.4
            elif result.entity_type == "LOCATION" and all_common:
                result.score = 0.3
        # A person or firm ruled out above stays out: the context enhancer would lift "National
        # Insurance" by its own word "insurance"; the lexicon recognizer weighs the name cues itself.
        return [r for r in results if r.entity_type not in ("PERSON", "ORGANIZATION") or r.score > 0.3]

    def _plain(self, fold: str, word: str) -> bool:
        """A common word, job word or acronym that is no name."""
        lex = self._lex
        return fold in lex.common or (
            fold not in lex.first and fold not in lex.last and (fold in lex.jobs or (word.isupper() and len(word) <= 3))
        )

    def _trim_person(self, text: str, result: RecognizerResult) -> None:
        span = text[result.start : result.end]
        if "\n" in span:
            # One name per line: keep the line with a lexicon name ("Kasper Kristensen\nCustomer Relations").
            offset = 0
            best = None
            for line in span.split("\n"):
                if best is None and any(
                    w.casefold() in self._lex.first or w.casefold() in self._lex.last for w in _WORDS_RE.findall(line)
                ):
                    best = (offset, line)
                offset += len(line) + 1
            offset, line = best or (0, span.split("\n")[0])
            result.start += offset
            result.end = result.start + len(line)
            span = line
        words = list(_WORDS_RE.finditer(span))
        if not words:
            return
        a, b = 0, len(words) - 1
        while a < b and (
            self._plain(words[a].group().casefold(), words[a].group())
            or (words[a].group().islower() and words[a].group() not in NAME_PARTICLES)
            or words[a].group().casefold() in TITLE_KEYS
            or words[a].group().casefold() in GREETINGS
            or (
                span[words[a].end() : words[a].end() + 1] in (",", ":")
                and self._lex.is_english(words[a].group().casefold())
            )
        ):
            a += 1
        while b > a and self._plain(words[b].group().casefold(), words[b].group()):
            b -= 1
        base = result.start
        result.start, result.end = base + words[a].start(), base + words[b].end()
        if a or b < len(words) - 1:
            result.recognition_metadata = {**(result.recognition_metadata or {}), "veil_trimmed": True}

    def _person_score(self, words: list[str], folded: list[str], score: float) -> float:
        lex = self._lex
        if not words or any(c.isdigit() for w in words for c in w) or any(_PRODUCT_RE.match(w) for w in words):
            return 0.3
        plain = [self._plain(f, w) for f, w in zip(folded, words)]
        if len(words) == 1 and (plain[0] or (folded[0] not in lex.first and lex.is_english(folded[0]))):
            return 0.3  # "Salary", "Oak", "Price" alone: a word first; the lexicon recognizer weighs the cues
        if any(f in lex.first or f in lex.last for f, p in zip(folded, plain) if not p):
            return max(score, 0.85)
        if all(plain):
            # Only common words, some of them names ("Mark", "August", "Bill"): a name needs both halves.
            both = len(words) >= 2 and folded[0] in lex.first and folded[-1] in lex.last
            return 0.85 if both else 0.3
        return min(score, 0.6)


__all__ = ["VeilSpacyRecognizer"]
