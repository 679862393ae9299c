"""People, titles and organisations: NER combined with lexicons and context.

The small spaCy model misses many names (lower-case, foreign, initials) and
tags ordinary capitalised words ("Premium", "Ideal") as people. These
recognizers add lexicon evidence (Faker's given and family names of many
locales), title cues and company-suffix patterns, and re-score spaCy's own
entities with the same evidence, all inside Presidio's registry so its
context enhancement still applies.
"""

from __future__ import annotations

import re

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from privacy.pii.recognizers.lexicons import common_words, first_names, last_names

TITLES = (
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lady", "Lord", "Rev",
    "Reverend", "Fr", "Herr", "Frau", "Mme", "Mlle", "Madame", "Monsieur", "Sr", "Sra", "Srta", "Don", "Doña",
    "Sig", "Sig.ra", "Dott", "Dott.ssa", "Capt", "Col", "Sgt", "Hon", "Dhr", "Mevr", "Mw", "Hr", "Fru",
)
#: Titles also written in lower case ("mr smith", "dhr. Jansen").
_LOWER_TITLES = ("mr", "mrs", "ms", "miss", "dr", "prof", "dhr", "mevr", "mme", "mlle", "herr", "frau", "sr", "sra")
_TITLE_KEYS = frozenset(t.casefold() for t in TITLES)
#: Presidio compiles patterns with IGNORECASE by default; these rules depend on capitals.
CASE_SENSITIVE = re.DOTALL | re.MULTILINE
_WORD_RE = re.compile(r"^[^\W\d_]+(?:['’\-][^\W\d_]+)*$")
_INITIAL_RE = re.compile(r"^[A-Z]\.?$")
_SENTENCE_END = ".!?:;\n\"'(“"

PERSON_CONTEXT = [
    "name", "surname", "forename", "firstname", "lastname", "patient", "pt", "cardholder", "holder", "mr", "mrs", "ms", "dr", "hi", "hello", "dear", "thanks", "thank", "regards", "spoke", "called",
    "told", "asked", "customer", "patient", "client", "contact", "employee", "cc", "from", "signed", "by",
]
ORGANIZATION_CONTEXT = [
    "company", "employer", "employed", "works", "worked", "working", "firm", "corporation", "organisation",
    "organization", "inc", "ltd", "llc", "bank", "hospital", "clinic", "school", "university", "agency",
    "vendor", "supplier", "insurer", "insurance",
]
_ORG_SUFFIXES = (
    "Inc", "Inc.", "Incorporated", "Ltd", "Ltd.", "Limited", "LLC", "L.L.C.", "PLC", "plc", "Corp", "Corp.",
    "Corporation", "Co.", "Company", "Group", "Holdings", "GmbH", "AG", "KG", "SA", "S.A.", "SAS", "SARL",
    "S.L.", "SL", "BV", "B.V.", "NV", "N.V.", "Pty Ltd", "S.p.A.", "SpA", "S.r.l.", "Srl", "LLP", "LP",
    "Partners", "Associates", "& Sons", "and Sons", "Bank", "University", "Hospital", "Clinic", "Foundation",
    "Institute", "Trust", "Ltda", "e figli", "et Fils", "Consulting", "Solutions", "Industries", "Enterprises",
    "Technologies", "Systems", "Services", "AG & Co. KG", "AG & Co. KGaA", "AG & Co. OHG", "GmbH & Co. KG",
    "GmbH & Co. OHG", "S.L.N.E", "S.Coop.", "s.r.l.", "S.A.S.", "e figli", "y asociados S.L.N.E",
    "& Asociados S.L.N.E", "Group",
)


def _result(recognizer: EntityRecognizer, entity: str, start: int, end: int, score: float,
            why: str) -> RecognizerResult:
    return RecognizerResult(
        entity_type=entity, start=start, end=end, score=score,
        analysis_explanation=AnalysisExplanation(recognizer=recognizer.name, original_score=score,
                                                 textual_explanation=why),
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
                              RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id},
    )


def title_recognizer(language: str = "en") -> PatternRecognizer:
    """Honorifics before a name ("Dr.", "Mrs", "Herr"); the name itself is a PERSON span."""
    titles = "|".join(re.escape(t) for t in sorted((*TITLES, *_LOWER_TITLES), key=len, reverse=True))
    pattern = rf"(?<![\w.])(?:{titles})\.?(?=\s+[^\W\d_][\w'’\-]+)"
    return PatternRecognizer(
        supported_entity="TITLE", name="VeilTitleRecognizer", supported_language=language,
        patterns=[Pattern("title before a capitalised word", pattern, 0.7)], global_regex_flags=CASE_SENSITIVE,
    )


def organization_recognizer(language: str = "en") -> PatternRecognizer:
    """Company names with a legal-form or institution suffix ("Acme Widgets Ltd")."""
    suffix = "|".join(re.escape(s) for s in sorted(_ORG_SUFFIXES, key=len, reverse=True))
    word = r"[A-Z][\w&'’\-]*"
    patterns = [
        Pattern("name + legal suffix", rf"\b{word}(?:[ \-,]+(?:&\s+)?{word}){{0,4}},?\s+(?:{suffix})(?![\w])", 0.75),
        Pattern("partners list", rf"\b{word},\s+{word}\s+(?:and|&|e|y|et|und)\s+{word}(?:\s+(?:Group|Ltd|LLC))?\b",
                0.7),
        Pattern("double surname firm", r"\b[A-Z][a-z]+-[A-Z][a-z]+\b(?!-)", 0.5),
    ]
    return PatternRecognizer(
        supported_entity="ORGANIZATION", name="VeilOrganizationRecognizer", supported_language=language,
        patterns=patterns, context=ORGANIZATION_CONTEXT, global_regex_flags=CASE_SENSITIVE,
    )


class _Tok:
    """What the name rules need to know about one token."""

    __slots__ = ("text", "start", "end", "fold", "word", "initial", "cap", "first", "last", "common")

    def __init__(self, text: str, start: int, first: frozenset, last: frozenset, common: frozenset) -> None:
        self.text, self.start, self.end = text, start, start + len(text)
        self.fold = text.casefold()
        self.word = bool(_WORD_RE.match(text))
        self.initial = bool(_INITIAL_RE.match(text))
        self.cap = text[:1].isupper()
        self.first = self.word and self.fold in first
        self.last = self.word and self.fold in last
        self.common = self.fold in common

    @property
    def namey(self) -> bool:
        return self.first or self.last


class PersonLexiconRecognizer(EntityRecognizer):
    """Names found from token shape, name lexicons and titles.

    Rules (scores before context):

    * capitalised runs of 2-4 words with a given name (or initial) first and a
      family name or unknown capitalised word last: 0.85; other runs with a
      lexicon hit: 0.6;
    * after a title ("Dr", "Mrs"): any capitalised run, 0.85;
    * lower-case given + family name, neither a common word: 0.6;
    * a lone capitalised given name: 0.6 mid-sentence, 0.55 at a sentence start,
      0.3 when it is also a common word ("Will", "Rose"), which context can lift.
    """

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["PERSON"], name="VeilPersonLexiconRecognizer",
                         supported_language=supported_language, context=PERSON_CONTEXT)

    def load(self) -> None:
        self._first = first_names()
        self._last = last_names()
        self._common = common_words()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list:
        if nlp_artifacts is None or nlp_artifacts.tokens is None or "PERSON" not in entities:
            return []
        toks = [_Tok(t.text, t.idx, self._first, self._last, self._common) for t in nlp_artifacts.tokens]
        results: list[RecognizerResult] = []
        i, n = 0, len(toks)
        while i < n:
            if not (toks[i].word or toks[i].initial):
                i += 1
                continue
            j = i
            while j < n and j - i < 6 and (toks[j].word or toks[j].initial) and toks[j].cap == toks[i].cap \
                    and (j == i or self._adjacent(text, toks[j - 1], toks[j])):
                j += 1
            run = toks[i:j]
            found = self._score_run(text, toks, i, run) if run[0].cap else self._score_lower(toks, i, run)
            if found is not None:
                (a, b), score, why = found
                results.append(_result(self, "PERSON", run[a].start, run[b].end, score, why))
            i = j
        return results

    @staticmethod
    def _adjacent(text: str, left: _Tok, right: _Tok) -> bool:
        gap = text[left.end:right.start]
        return gap in (" ", "") or (gap.isspace() and "\n" not in gap)

    def _title_before(self, toks: list[_Tok], index: int) -> bool:
        k = index - 1
        if k >= 0 and toks[k].text == ".":
            k -= 1
        return k >= 0 and toks[k].fold.rstrip(".") in _TITLE_KEYS

    @staticmethod
    def _sentence_start(text: str, start: int) -> bool:
        before = text[:start].rstrip(" \t")
        return not before or before[-1] in _SENTENCE_END

    def _score_run(self, text: str, toks: list[_Tok], index: int, run: list[_Tok]):
        # Leading titles and non-name words ("Dear", "Mr", "PLEASE CALL") are not part of the name.
        a = 0
        while a < len(run) and not (run[a].namey or run[a].initial) and \
                (run[a].fold.rstrip(".") in _TITLE_KEYS or run[a].common or not self._title_before(toks, index + a)):
            a += 1
        b = len(run) - 1
        while b >= a and run[b].common and not run[b].namey:
            b -= 1
        titled = self._title_before(toks, index + a) or (a > 0 and run[a - 1].fold in _TITLE_KEYS)
        if a > b:
            return None
        name = run[a:b + 1]
        if len(name) > 4:
            name = name[:4]
            b = a + 3
        if titled:
            return (a, b), 0.85, "name after a title"
        if len(name) >= 2:
            head, tail = name[0], name[-1]
            if (head.first or head.initial) and (tail.last or not tail.common):
                return (a, b), 0.85, "given name + family name"
            if any(t.namey for t in name):
                return (a, b), 0.6, "capitalised words with a lexicon name"
            return None
        tok = name[0]
        if tok.initial:
            return None
        if not tok.first:
            # A lone family name ("SURNAME: GONZALEZ", "Perez's account") needs context.
            return ((a, b), 0.3, "lone family name") if tok.last and not tok.common else None
        if tok.common:
            return (a, b), 0.3, "given name that is also a common word"
        return (a, b), 0.55 if self._sentence_start(text, tok.start) else 0.6, "lone given name"

    def _score_lower(self, toks: list[_Tok], index: int, run: list[_Tok]):
        if self._title_before(toks, index) and not run[0].common:
            return (0, 0), 0.85, "lower-case name after a title"  # "mr smith"
        if len(run) < 2:
            return None
        for a in range(len(run) - 1):
            first, last = run[a], run[a + 1]
            if first.first and last.last and not first.common and not last.common:
                b = a + 2 if a + 2 < len(run) and run[a + 2].last and not run[a + 2].common else a + 1
                return (a, b), 0.6, "lower-case given + family name"
        return None


class LastFirstRecognizer(PatternRecognizer):
    """'Smith, John' and 'Allard, K' forms, confirmed by the lexicons."""

    def __init__(self, supported_language: str = "en") -> None:
        patterns = [
            Pattern("last, first", r"\b[A-Z][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*,\s?[A-Z][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*(?:\s[A-Z]\.?|\s[A-Z][a-z]+)?\b", 0.5),
            Pattern("last, initial", r"\b[A-Z][^\W\d_]+,\s?[A-Z]\.?(?![\w])", 0.55),
            Pattern("LAST/FIRST (travel)", r"\b[A-Z][A-Z'\-]+/[A-Z][A-Z'\-]+(?:\s(?:MR|MRS|MS|MISS|MSTR|DR|PROF))?\b",
                    0.6),
        ]
        super().__init__(supported_entity="PERSON", name="VeilLastFirstRecognizer", patterns=patterns,
                         supported_language=supported_language, context=PERSON_CONTEXT,
                         global_regex_flags=CASE_SENSITIVE)

    def load(self) -> None:
        super().load()
        self._first = first_names()
        self._last = last_names()
        self._common = common_words()

    def validate_result(self, pattern_text: str) -> bool | None:
        last, _, rest = pattern_text.partition("/" if "/" in pattern_text else ",")
        first = rest.strip().split()[0].rstrip(".") if rest.strip() else ""
        last_f, first_f = last.strip().casefold(), first.casefold()
        if first_f in self._common and first_f not in self._first:
            return False
        if len(first) == 1:
            return None  # "Allard, K": the shape is specific enough on its own
        if first_f in self._first or (last_f in self._last and first[:1].isupper()):
            return True  # a lexicon name on either side: the score becomes the maximum
        if "/" in pattern_text:
            return False  # "TCP/IP", "AND/OR": the travel form needs a lexicon name
        return None  # both unknown but name-shaped: kept at the pattern's score


class VeilSpacyRecognizer(SpacyRecognizer):
    """spaCy's entities, re-scored with lexicon evidence.

    An entity holding a run of three digits or more ("ORD-100009") is dropped to 0:
    names hold no numbers. PERSON made only of common words ("Premium", "Ideal") or
    holding a digit ("SI2") is dropped to 0.3; a PERSON with a lexicon name keeps spaCy's score; other
    capitalised words score 0.6. ORGANIZATION scores 0.4 so that it needs
    context (or the suffix recognizer). LOCATION made of common words drops to 0.3.
    """

    def __init__(self, supported_language: str = "en", supported_entities: list[str] | None = None) -> None:
        super().__init__(supported_language=supported_language, supported_entities=supported_entities,
                         context=ORGANIZATION_CONTEXT)

    def load(self) -> None:
        super().load()
        self._first = first_names()
        self._last = last_names()
        self._common = common_words()

    def analyze(self, text: str, entities, nlp_artifacts=None):  # noqa: D102
        results = super().analyze(text, entities, nlp_artifacts)
        for result in results:
            words = re.findall(r"[^\W_]+", text[result.start:result.end])
            folded = [w.casefold() for w in words]
            all_common = bool(folded) and all(w in self._common for w in folded)
            if any(w.isdigit() and len(w) >= 3 for w in words):
                # A name holds no run of digits: "ORD-100009" is a code, not O'Hare airport.
                result.score = 0.0
            elif result.entity_type == "PERSON":
                if not words or any(c.isdigit() for w in words for c in w) or (
                        all_common and not any(w in self._first or w in self._last for w in folded)):
                    result.score = 0.3
                elif any(w in self._first or w in self._last for w in folded):
                    result.score = max(result.score, 0.85)
                else:
                    result.score = min(result.score, 0.6)
            elif result.entity_type == "ORGANIZATION":
                result.score = 0.4
            elif result.entity_type == "LOCATION" and all_common:
                result.score = 0.3
        return results


def recognizers(language: str = "en") -> list[EntityRecognizer]:
    """This module's recognizers, as the default recognizer set registers them."""
    return [VeilSpacyRecognizer(supported_language=language), PersonLexiconRecognizer(supported_language=language),
            LastFirstRecognizer(supported_language=language), title_recognizer(language),
            organization_recognizer(language)]


__all__ = [
    "LastFirstRecognizer",
    "PersonLexiconRecognizer",
    "TITLES",
    "VeilSpacyRecognizer",
    "organization_recognizer",
    "recognizers",
    "title_recognizer",
]
