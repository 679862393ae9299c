"""Places: postcodes of many countries, and towns, regions and countries named in running text.

A postcode on its own is a short code; patterns that are weak alone (a run of
four to six digits, a UK code written without its space) start below the
engine's threshold and count only when Presidio's context enhancer finds a
supporting word nearby ("zip", "PLZ"). Postcodes inside an address, and a town
next to its postcode, are found by :mod:`.address`.

Place names come from :mod:`.gazetteer`. A country counts in capitals or title
case ("Polska", "GERMANY"). A town or region whose name is no English word and no
person's name counts as it stands (fail closed: "Trondheim", in capitals only on a
label line of its own or beside a place), and so do town/region pairs with a slash
("Kadıköy/İstanbul"), "<town>-based" and Irish counties ("Co. Clare"). A name that
is also a word or a person's name needs evidence: a place preposition ("moving
from Győr to Sopron"), a region or country beside it ("Torino, TO", "Sopron
(Győr-Moson-Sopron, Hungary)"), a dated line ("Savonlinna, 19 September 2024"), a
delimited field of its own ("| Rzeszów |"), a place label ("City:", "Place of
birth:"), or the same name found with evidence earlier in the text.
"""

from __future__ import annotations

import re

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from veil.privacy.pii.recognizers import gazetteer
from veil.privacy.pii.recognizers.lexicons import common_words, english_words, job_words

# fmt: off
POSTCODE_CONTEXT = ["zip", "zipcode", "postcode", "postal", "post code", "plz", "cp", "cap", "pin", "pincode",
                    "code postal", "código postal"]
# fmt: on
# fmt: off
LOCATION_CONTEXT = ["city", "town", "village", "country", "region", "state", "province", "county", "located",
                    "live", "lives", "living", "based", "moved", "moving", "born", "visit", "visiting", "travel",
                    "trip", "near", "office", "branch", "address", "hometown"]
# fmt: on


class PostcodeAnswerRecognizer(EntityRecognizer):
    """A postcode given as the answer to a question that asks for it, on the next line or two.

    "Could I have your name and postcode please?" / "sure, Jo Bloggs, 05800": the code on the answer
    line is too far from the cue for Presidio's context window. Score 0.6.
    """

    #: The batch analyzer runs this recognizer only on texts where this matches.
    prescan_lower = r"(?=[pzc])(?:post\s?code|zip|postal|plz|pin\s?code|cep\b)"
    _QUESTION = regex.compile(
        r"(?i)(?:post[ \t]?code|zip(?:[ \t]?code)?|postal[ \t]code|plz|pin[ \t]?code|cep)"
        r"[^\n]*\?[^\n]*\n"
    )
    _ANSWER = regex.compile(
        r"(?<![\d.,/:\-])(?:\d{4,6}|\d{2,5}-\d{3,4}|\d{3}[ \t]\d{2}|\d{4}[ \t]?[A-Z]{2}|"
        r"[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)"
        r"(?![\d.,/:\-]?[\p{L}\d])"
    )

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entities=["POSTCODE"], name="VeilPostcodeAnswerRecognizer", supported_language=supported_language
        )

    def load(self) -> None:  # noqa: D102 - nothing to load
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list:
        if "POSTCODE" not in entities:
            return []
        results = []
        for question in self._QUESTION.finditer(text):
            for line in text[question.end() :].split("\n", 2)[:2]:
                offset = text.index(line, question.end()) if line else question.end()
                codes = list(self._ANSWER.finditer(line))
                if codes and "?" not in line:
                    code = codes[-1]  # the answer ends with the code ("sure, Jo Bloggs, 05800")
                    results.append(
                        RecognizerResult(
                            entity_type="POSTCODE",
                            start=offset + code.start(),
                            end=offset + code.end(),
                            score=0.6,
                            analysis_explanation=AnalysisExplanation(
                                recognizer=self.name,
                                original_score=0.6,
                                textual_explanation="postcode answering a question for it",
                            ),
                            recognition_metadata={
                                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                            },
                        )
                    )
                    break
        return results


def postcode_recognizer(language: str = "en") -> PatternRecognizer:
    """Postcodes of several countries; plain digit runs and unspaced UK codes need a context word."""
    patterns = [
        Pattern("uk postcode", r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)[ \t]\d[ABD-HJLNP-UW-Z]{2}\b", 0.6),
        # "ML17FY" is as often a booking or order reference: without its space it needs a cue.
        Pattern("uk postcode unspaced", r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\d[ABD-HJLNP-UW-Z]{2}\b", 0.3),
        Pattern("canadian postal code", r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b", 0.6),
        Pattern("dutch postcode", r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b", 0.3),
        Pattern("zip+4", r"\b\d{5}-\d{4}\b", 0.4),
        Pattern("digits postcode", r"\b\d{4,6}\b", 0.15),
    ]
    return PatternRecognizer(
        supported_entity="POSTCODE",
        name="VeilPostcodeRecognizer",
        supported_language=language,
        patterns=patterns,
        context=POSTCODE_CONTEXT,
        global_regex_flags=re.DOTALL | re.MULTILINE,
    )


# --------------------------------------------------------------------------- place names
_NAME_WORD = r"\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*"
_JOINERS = r"(?:de|do|da|dos|das|del|della|di|la|le|les|am|an|der|den|on|upon|sur|of|and|the|y|e|i|en|aan|op|bij|ter)"
#: A run of capitalised words, lower-case joiners allowed between them ("Rio de Janeiro", "Isle of Man").
_CANDIDATE = regex.compile(
    rf"(?<![\p{{L}}\d@./_-]){_NAME_WORD}(?:(?:[ \t]+{_JOINERS})?[ \t]+{_NAME_WORD}){{0,4}}"
    r"(?:[ \t]+(?:republika|republik|republiken|republikken))?"  # "Česká republika"
    r"(?![\p{L}\d@_]|[./-][\p{L}\d])"
)
#: Forms the candidate pattern leaves out: "Kadıköy/İstanbul", "the Cluj-Napoca-based maker", "Co. Cork".
_SLASH_PAIR = regex.compile(rf"(?<![\p{{L}}\d@./_-])({_NAME_WORD})/({_NAME_WORD})(?![\p{{L}}\d@_]|[./-][\p{{L}}\d])")
_BASED = regex.compile(rf"(?<![\p{{L}}\d@./_-])({_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)-based\b")
_COUNTY = regex.compile(rf"\b(?i:co)\.?[ \t]+({_NAME_WORD})(?![\p{{L}}\d])")
#: Words before a place that make it one ("in Porto", "moving from Győr to Sopron").
_CUE = regex.compile(
    r"(?i)(?:^|[^\p{L}])(?P<cue>in|from|to|at|near|around|outside|via|visit(?:ing|ed)?|towards?|"
    r"into|across|through|arriv(?:e|ed|ing)\s+in|based\s+in|born\s+in|live[sd]?\s+in|"
    r"living\s+in|located\s+in|relocat\w*\s+to|mov(?:e|ed|ing)\s+to)[ \t]+(?:the[ \t]+)?$"
)
#: Cues after which a person's name is as likely as a place ("a note from Victoria").
_PERSON_CUES = frozenset({"from", "to", "at", "via", "visit", "visiting", "visited", "towards", "toward"})
#: Labels whose value is a place ("City:", "Place of birth:", "Pick-up:").
_PLACE_LABEL = regex.compile(
    r"(?i)(?:^|[\n|·•])[ \t]*(?:[-•*][ \t]*)?(?:city|town|village|locality|location|place(?:[ \t]of[ \t]birth)?|"
    r"birth[ \t]?place|born|hometown|home[ \t]town|country|state|province|region|county|district|suburb|"
    r"origin|destination|pick-?up|drop-?off|departure|arrival|venue|branch|office|based)[ \t]*:[ \t]*$"
)
#: Words after a town that make it one ("Székesfehérvár station").
_AFTER_CUE = regex.compile(
    r"[ \t]+(?i:station|airport|area|region|city[ \t]centre|city[ \t]center|office|branch|"
    r"campus|harbour|harbor|port)(?![\p{L}])"
)
_DATE_AFTER = regex.compile(
    r",[ \t]+(?:\d{1,4}[./\- ]|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*"
    r"[ \t]+\d)"
)
_FIELD_BEFORE = regex.compile(r"(?:^|[|·•][ \t]*)$")
_FIELD_AFTER = regex.compile(r"(?:,[ \t]*\p{Lu}{2,3})?[ \t]*(?:[|·•]|$)")  # "| Tofino, BC |" too
_NEXT_PLACE = regex.compile(r"(?:,[ \t]*|[ \t]*\([ \t]*|[ \t]+-[ \t]+|/)")
_CODE_AFTER = regex.compile(r"(?:,[ \t]*|[ \t]*\([ \t]*|[ \t]+-[ \t]+|/|[ \t]+)(?P<code>\p{Lu}{2,3})(?![\p{L}\d])")


_WORDS = regex.compile(r"\S+")


class PlaceNameRecognizer(EntityRecognizer):
    """Towns, regions and countries of the gazetteer, reported only with evidence (see the module docstring).

    Countries score 0.85 (0.45, needing a context word, when the name is also a common word or a person's
    name); towns and regions 0.85 with evidence, 0.6 or 0.4 when the name is also a person's name.
    """

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entities=["LOCATION"],
            name="VeilPlaceNameRecognizer",
            supported_language=supported_language,
            context=LOCATION_CONTEXT,
        )

    def load(self) -> None:
        gazetteer.load()
        self._codes = gazetteer.region_codes()
        self._words = english_words(nouns=False) | common_words() | job_words()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list:
        if "LOCATION" not in entities:
            return []
        hits = [h for m in _CANDIDATE.finditer(text) for h in self._lookup(m.group(), m.start())]
        scores = {(s, e): self._score(text, s, e, kind, hits) for s, e, kind in hits}
        scores.update(self._joined_forms(text))
        # A place named once with evidence is the same place where it is named again ("Namur gives us").
        found = {text[s:e].casefold(): score for (s, e), score in scores.items() if score >= 0.6}
        for start, end, _ in hits:
            if scores[(start, end)] < 0.5 and text[start:end].casefold() in found:
                scores[(start, end)] = found[text[start:end].casefold()]
        # A region code right after a town ("Torino, TO", "Salvador - BA").
        for start, end, kind in hits:
            code = _CODE_AFTER.match(text, end)
            if kind in ("town", "region") and code and code["code"] in self._codes and scores[(start, end)] >= 0.6:
                scores[code.span("code")] = 0.85
        # "Szeged, Hungary", "Austin (TX": one span, so that no longer span of another type ("Last, First")
        # takes the pair, and the place is replaced as a whole. Each place is reported too, a hair higher,
        # so that Presidio keeps it inside the pair and the engine still has it when a longer span of
        # another type takes the pair ("Eva Lund, Lund, Sweden").
        kept = sorted((span, score) for span, score in scores.items() if score > 0)
        merged: list[list] = []
        for (start, end), score in kept:
            if merged and merged[-1][2] >= 0.5 and score >= 0.5 and _NEXT_PLACE.fullmatch(text, merged[-1][1], start):
                merged[-1][1], merged[-1][2] = end, max(merged[-1][2], score)
            else:
                merged.append([start, end, score])
        results = [self._result(s, e, score) for s, e, score in merged]
        pairs = [(s, e) for s, e, _ in merged]
        results += [
            self._result(s, e, min(score + 0.01, 1.0)) for (s, e), score in kept if score >= 0.5 and (s, e) not in pairs
        ]
        return results

    def _lookup(self, phrase: str, offset: int) -> list[tuple[int, int, str]]:
        """Gazetteer names inside a run of capitalised words, longest first, not overlapping."""
        words = [(m.start(), m.end()) for m in _WORDS.finditer(phrase)]
        found: list[tuple[int, int, str]] = []
        taken = [False] * len(words)
        for size in range(len(words), 0, -1):
            for i in range(len(words) - size + 1):
                if any(taken[i : i + size]):
                    continue
                start, end = words[i][0], words[i + size - 1][1]
                name = phrase[start:end]
                if not name[:1].isupper() or not name.split()[-1][:1].isupper():
                    continue  # a joiner ("of", "de") does not open or close a name
                kind = gazetteer.place_kind(name)
                if kind:
                    found.append((offset + start, offset + end, kind))
                    taken[i : i + size] = [True] * size
        return found

    def _score(self, text: str, start: int, end: int, kind: str, hits: list[tuple[int, int, str]]) -> float:
        name = text[start:end]
        if name.isupper() and kind != "country" and len(name) <= 3:
            return 0.0  # "LED", "TO": codes, unless next to a town (see analyze)
        ambiguous = gazetteer.ambiguous(name)
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        if _PLACE_LABEL.search(text, max(0, line_start - 1), start):
            return 0.85
        cue = _CUE.search(before)
        if kind == "country":
            if not ambiguous:
                return 0.85
            return 0.6 if cue and cue["cue"].casefold() not in _PERSON_CUES else 0.45
        if name.isupper() and not cue:
            line_end = text.find("\n", end)
            alone = not before.strip() and not text[end : line_end if line_end >= 0 else len(text)].strip()
            if not ambiguous and self._no_word(name) and (alone or self._beside_place(text, start, end, hits)):
                return 0.85  # "ENNISTYMON" on a label's line, "BOLOGNA, ITALY"
            return 0.0  # an all-caps town outside an address block is more often a heading or a code
        # Strong evidence holds even for a name that is also a person's ("Austin (TX, ...)").
        if self._beside_place(text, start, end, hits) or (_DATE_AFTER.match(text, end) and not before.strip()):
            return 0.85  # beside a region or country; "Savonlinna, 19 September 2024": a letter's place
        evidence = bool(cue) or bool(_AFTER_CUE.match(text, end))
        line_end = text.find("\n", end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if (
            not evidence
            and _FIELD_BEFORE.search(before)
            and _FIELD_AFTER.match(text, end)
            and ("|" in line or "·" in line)
        ):
            evidence = not ambiguous  # "Agnieszka Adamczyk | Rzeszów | ...": a field of its own
        if not evidence and not ambiguous and self._no_word(name):
            return 0.85  # fail closed: a place name that is no word and no person's name is a place
        if not evidence:
            return 0.0
        if not ambiguous:
            return 0.85
        return 0.6 if cue and cue["cue"].casefold() not in _PERSON_CUES else 0.4

    def _joined_forms(self, text: str) -> dict[tuple[int, int], float]:
        """Town/region pairs written with a slash, "<place>-based", and Irish counties ("Co. Clare")."""
        out: dict[tuple[int, int], float] = {}
        for m in _SLASH_PAIR.finditer(text):
            if gazetteer.place_kind(m[1]) and gazetteer.place_kind(m[2]):
                out[m.span(1)] = out[m.span(2)] = 0.85
        for m in _BASED.finditer(text):
            if gazetteer.place_kind(m[1]) and not gazetteer.ambiguous(m[1]):
                out[m.span(1)] = 0.85
        for m in _COUNTY.finditer(text):
            if gazetteer.place_kind(m[1]):
                out[(m.start(), m.end(1))] = 0.85
        return out

    def _no_word(self, name: str) -> bool:
        """Some word of the name is no common word, verb, adjective, adverb or job word ("Trondheim", not "Summit")."""
        return any(w not in self._words for w in gazetteer.fold(name).replace("-", " ").split())

    def _beside_place(self, text: str, start: int, end: int, hits: list[tuple[int, int, str]]) -> bool:
        """Whether a region, country or region code sits right after this place, or a place right before it."""
        after = _NEXT_PLACE.match(text, end)
        if after:
            if any(s == after.end() and k in ("region", "country") for s, _, k in hits):
                return True
            code = _CODE_AFTER.match(text, end)
            if code and code["code"] in self._codes:
                return True
        return any(e < start and _NEXT_PLACE.fullmatch(text, e, start) for _, e, _ in hits)

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(
            entity_type="LOCATION",
            start=start,
            end=end,
            score=score,
            analysis_explanation=AnalysisExplanation(
                recognizer=self.name, original_score=score, textual_explanation="gazetteer place with evidence"
            ),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )


def recognizers(language: str = "en") -> list[EntityRecognizer]:
    """This module's recognizers, as the default recognizer set registers them."""
    return [
        postcode_recognizer(language),
        PostcodeAnswerRecognizer(supported_language=language),
        PlaceNameRecognizer(supported_language=language),
    ]


__all__ = [
    "LOCATION_CONTEXT",
    "POSTCODE_CONTEXT",
    "PlaceNameRecognizer",
    "PostcodeAnswerRecognizer",
    "postcode_recognizer",
    "recognizers",
]
