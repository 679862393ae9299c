"""People, titles and organisations: NER combined with lexicons and context.

The small spaCy model misses many names (lower-case, foreign, initials) and
tags ordinary capitalised words ("Premium", "Ideal") as people. These
recognizers add lexicon evidence (Faker's given and family names of many
locales), title cues and company-suffix patterns, and re-score spaCy's own
entities with the same evidence, all inside Presidio's registry so its
context enhancement still applies.
"""

from __future__ import annotations

import regex as re

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from veil.privacy.pii.recognizers.organizations import OrganizationRecognizer
from veil.privacy.pii.recognizers.lexicons import (
    NAME_PARTICLES,
    common_words,
    english_words,
    first_names,
    job_words,
    last_names,
)

# fmt: off
TITLES = (
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lady", "Lord", "Rev",
    "Reverend", "Fr", "Herr", "Frau", "Mme", "Mlle", "Madame", "Monsieur", "Sr", "Sra", "Srta", "Don", "Doña",
    "Sig", "Sig.ra", "Dott", "Dott.ssa", "Capt", "Col", "Sgt", "Hon", "Dhr", "Mevr", "Mw", "Hr", "Fru",
    "Dra", "Dr.ª", "Sr.ª", "Prof.ssa", "Prof.ª", "Dña", "Dª", "Sig.na", "Shri", "Smt", "Kum", "Ir", "Drs",
    "Ing", "Mgr", "MUDr", "JUDr", "PhDr", "RNDr", "MVDr", "PaedDr", "Bc", "Doc", "Dipl.-Ing", "Mag", "Mag.a",
    "Frk", "Avv", "Arch", "Geom", "Rag", "Eng", "Eng.º", "Eng.ª", "Arq", "Lic", "Lcdo", "Lcda", "Inż",
    "Pan", "Pani", "Dona",
)
# fmt: on
#: Titles also written in lower case ("mr smith", "dhr. Jansen", "dr. Kis Katalin", "mgr Nowak").
# fmt: off
_LOWER_TITLES = ("mr", "mrs", "ms", "miss", "dr", "prof", "dhr", "mevr", "mme", "mlle", "herr", "frau", "sr", "sra",
                 "mgr", "inż", "avv", "dott", "dott.ssa", "prof.ssa", "drs", "smt", "shri")
# fmt: on
#: Titles that are also words or abbreviations of words ("Eng." English, "Pan", "Me", "Doc"): the rule
#: wants their full stop (where they take one) and a capitalised word after them.
# fmt: off
_STRICT_TITLES = ("Eng", "Eng.º", "Eng.ª", "Arq", "Arch", "Mag", "Mag.a", "Doc", "Lic", "Pan", "Pani", "Dona",
                  "Rag", "Geom", "Ing", "Kum")
# fmt: on
_BARE_TITLES = ("Pan", "Pani", "Dona")
_TITLE_KEYS = frozenset(t.casefold() for t in TITLES)
#: Presidio compiles patterns with IGNORECASE by default; these rules depend on capitals.
CASE_SENSITIVE = re.DOTALL | re.MULTILINE
_WORD_RE = re.compile(r"^[^\W\d_]+(?:['’\-][^\W\d_]+)*$")
_INITIAL_RE = re.compile(r"^[A-Z]\.?$")
#: Field labels before a lone name ("Surname(s): Smith", "First name: Pilar").
# fmt: off
_NAME_LABELS = frozenset({"name", "surname", "surnames", "forename", "firstname", "lastname", "nachname", "vorname",
                          "apellido", "apellidos", "nombre", "cognome", "nome", "nom", "prénom", "achternaam",
                          "voornaam", "efternamn", "förnamn", "etternavn", "fornavn", "efternavn", "sukunimi",
                          "etunimi", "nazwisko", "imię", "příjmení", "jméno", "vezetéknév", "keresztnév", "sobrenome"})
# fmt: on
#: Months, weekdays and seasons: given names somewhere, dates here.
# fmt: off
_CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                       "saturday", "sunday", "spring", "summer", "autumn", "winter", "easter", "christmas"})
# fmt: on
#: Words before a comma that are no family name ("Thanks, John", "Regards, Anna").
# fmt: off
_NOT_FAMILY = frozenset({"thanks", "thank", "regards", "cheers", "hi", "hello", "dear", "best", "kind", "yours",
                         "sincerely", "updated", "yes", "no", "ok", "okay", "sorry", "please", "welcome", "bye"})
# fmt: on
#: Words right before a lone given name that is also a common word ("Hi Will", "Thanks, Mark").
# fmt: off
_GREETINGS = frozenset({"hi", "hello", "hey", "dear", "thanks", "cheers", "regards", "attn", "cc", "dearest", "ciao",
                        "hola", "hallo", "hej", "bonjour", "olá", "ola", "cześć", "moi", "szia", "ahoj"})
# fmt: on
_WORDS_RE = re.compile(r"[^\W_]+")
#: A product-style inner capital after three lower-case letters ("UltraDry", "SmartHub"); "McDonald",
#: "MacArthur", "DeShawn" and "FitzGerald" keep theirs.
_PRODUCT_RE = re.compile(r"^(?!(?:Mac|Fitz|Van|Von|Del|Della|Des|Dos|Das)\p{Lu})\p{Lu}\p{Ll}{2,}\p{Lu}")
_SENTENCE_END = ".!?:;\n\"'(“"

# fmt: off
PERSON_CONTEXT = [
    "name", "surname", "forename", "firstname", "lastname", "patient", "pt", "cardholder", "holder", "mr", "mrs", "ms", "dr", "hi", "hello", "dear", "thanks", "thank", "regards", "spoke", "called",
    "told", "asked", "customer", "patient", "client", "contact", "employee", "cc", "from", "signed", "by",
]
# fmt: on
# fmt: off
ORGANIZATION_CONTEXT = [
    "company", "employer", "employed", "works", "worked", "working", "firm", "corporation", "organisation",
    "organization", "inc", "ltd", "llc", "bank", "hospital", "clinic", "school", "university", "agency",
    "vendor", "supplier", "insurer", "insurance",
]
# fmt: on


def _result(
    recognizer: EntityRecognizer, entity: str, start: int, end: int, score: float, why: str
) -> RecognizerResult:
    return RecognizerResult(
        entity_type=entity,
        start=start,
        end=end,
        score=score,
        analysis_explanation=AnalysisExplanation(
            recognizer=recognizer.name, original_score=score, textual_explanation=why
        ),
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )


def _alternation(words) -> str:
    return "|".join(re.escape(t) for t in sorted(set(words), key=len, reverse=True))


def title_recognizer(language: str = "en") -> PatternRecognizer:
    """Honorifics before a name ("Dr.", "Mrs", "Herr", "Avv.", "Mgr."); the name itself is a PERSON span."""
    loose = _alternation(t for t in (*TITLES, *_LOWER_TITLES) if t not in _STRICT_TITLES)
    # A title that is also a word or abbreviation needs a capitalised word after it; a dotted one its dot.
    strict_dotted = _alternation(t for t in _STRICT_TITLES if t not in _BARE_TITLES)
    strict_bare = _alternation(_BARE_TITLES)
    after = r"(?=\s+[^\W\d_](?:[\w'’\-]+|\.))"
    capital_after = r"(?=\s+(?:(?:van|von|de|da|di|del|della|dos|das|du|le|la)\s+)?[A-ZÀ-ÞĀ-Ž][\w'’\-]+)"
    patterns = [
        Pattern("title before a word", rf"(?<![\w.])(?:{loose})\.?{after}", 0.7),
        Pattern("dotted title before a capitalised word", rf"(?<![\w.])(?:{strict_dotted})\.{capital_after}", 0.7),
        Pattern("word-like title before a capitalised word", rf"(?<![\w.])(?:{strict_bare}){capital_after}", 0.6),
    ]
    return PatternRecognizer(
        supported_entity="TITLE",
        name="VeilTitleRecognizer",
        supported_language=language,
        patterns=patterns,
        global_regex_flags=CASE_SENSITIVE,
    )


def organization_recognizer(language: str = "en") -> PatternRecognizer:
    """Partnerships listed by name ("Smith, Jones and Brown"); other firms: :mod:`.organizations`."""
    word = r"[A-Z][\w&'’\-]*"
    patterns = [
        Pattern(
            "partners list", rf"\b{word},\s+{word}\s+(?:and|&|e|y|et|und)\s+{word}(?:\s+(?:Group|Ltd|LLC))?\b", 0.7
        ),
    ]
    return PatternRecognizer(
        supported_entity="ORGANIZATION",
        name="VeilOrganizationRecognizer",
        supported_language=language,
        patterns=patterns,
        context=ORGANIZATION_CONTEXT,
        global_regex_flags=CASE_SENSITIVE,
    )


class _Tok:
    """What the name rules need to know about one token."""

    # fmt: off
    __slots__ = ("text", "start", "end", "fold", "word", "initial", "cap", "first", "last", "common", "english",
                 "wordy", "particle", "job")
    # fmt: on

    def __init__(self, text: str, start: int, lex: "_Lexicons") -> None:
        self.text, self.start, self.end = text, start, start + len(text)
        (
            self.fold,
            self.word,
            self.initial,
            self.cap,
            self.first,
            self.last,
            self.common,
            self.wordy,
            self.english,
            self.particle,
            self.job,
        ) = lex.word_info(text)

    @property
    def namey(self) -> bool:
        return self.first or self.last

    @property
    def acronym(self) -> bool:
        return self.text.isupper() and len(self.text) <= 3

    @property
    def plain(self) -> bool:
        """A word that is no evidence of a name by itself: a common or dictionary word, or an acronym."""
        return self.common or self.english or self.job or (self.acronym and not self.namey)


class _Lexicons:
    """The word lists, built once per recognizer."""

    def __init__(self) -> None:
        self.first, self.last, self.common, self.english = first_names(), last_names(), common_words(), english_words()
        self.jobs = job_words()
        self.non_nouns = english_words(nouns=False)
        self._info: dict[str, tuple] = {}

    def word_info(self, text: str) -> tuple:
        """The per-word facts of :class:`_Tok`, cached: texts repeat their words."""
        info = self._info.get(text)
        if info is None:
            fold = text.casefold()
            word = bool(_WORD_RE.match(text))
            cap = text[:1].isupper()
            first = word and fold in self.first
            last = word and fold in self.last
            # A verb, adjective or adverb ("Roll", "Dock", "Grant") is weak evidence of a name.
            wordy = word and fold in self.non_nouns
            info = (
                fold,
                word,
                bool(_INITIAL_RE.match(text)),
                cap,
                first,
                last,
                fold in self.common,
                wordy,
                wordy and not (first or last),
                fold in NAME_PARTICLES and not cap,
                fold in self.jobs and not first,
            )
            if len(self._info) < 200_000:
                self._info[text] = info
        return info

    def is_english(self, fold: str) -> bool:
        if fold in self.english:
            return True
        # Plurals and inflections: "returns", "interests", "updated".
        for suffix, cut in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
            if fold.endswith(suffix) and len(fold) > len(suffix) + 2 and fold[: -len(suffix)] + cut in self.english:
                return True
        return False


class PersonLexiconRecognizer(EntityRecognizer):
    """Names found from token shape, name lexicons, particles and titles.

    Rules (scores before context):

    * capitalised runs of 2-4 words (particles such as "van den", "de la" may join
      them) with a given name (or initial) first and a family name or unknown
      capitalised word last: 0.85; other runs with a lexicon hit: 0.6;
    * after a title ("Dr", "Mrs"): any capitalised run, 0.85;
    * lower-case given + family name, neither a common word: 0.6;
    * a lone capitalised given name: 0.6 mid-sentence, 0.55 at a sentence start,
      0.3 when it is also a common word ("Will", "Rose"), which context can lift;
    * a word of a full name found in the same text, repeated alone ("Kučera
      presented..."): 0.6.
    """

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entities=["PERSON"],
            name="VeilPersonLexiconRecognizer",
            supported_language=supported_language,
            context=PERSON_CONTEXT,
        )

    def load(self) -> None:
        self._lex = _Lexicons()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list:
        if nlp_artifacts is None or nlp_artifacts.tokens is None or "PERSON" not in entities:
            return []
        toks = [_Tok(t.text, t.idx, self._lex) for t in nlp_artifacts.tokens]
        self._ner_people = {(e.start_char, e.end_char) for e in nlp_artifacts.entities if e.label_ == "PERSON"}
        results: list[RecognizerResult] = []
        i, n = 0, len(toks)
        while i < n:
            if not (toks[i].word or toks[i].initial) or (toks[i].particle and not self._title_before(toks, i)):
                i += 1
                continue
            j = i + 1
            cap = toks[i].cap or toks[i].particle
            while (
                j < n
                and j - i < 7
                and self._adjacent(text, toks[j - 1], toks[j])
                and (
                    ((toks[j].word or toks[j].initial) and toks[j].cap == cap and not toks[j].particle)
                    or (cap and toks[j].particle and self._particle_joins(text, toks, j))
                )
            ):
                j += 1
            run = toks[i:j]
            found = (
                self._score_run(text, toks, i, run)
                if run[0].cap or run[0].particle
                else self._score_lower(toks, i, run)
            )
            if found is not None:
                (a, b), score, why = found
                results.append(_result(self, "PERSON", run[a].start, run[b].end, score, why))
            i = j
        return results + self._repeated_parts(text, toks, results)

    def _particle_joins(self, text: str, toks: list[_Tok], j: int) -> bool:
        """A lower-case particle joins a name when a capitalised word follows (after up to two particles)."""
        k = j
        while k < len(toks) and k - j < 3 and toks[k].particle and self._adjacent(text, toks[k - 1], toks[k]):
            k += 1
        return k < len(toks) and toks[k].cap and toks[k].word and self._adjacent(text, toks[k - 1], toks[k])

    @staticmethod
    def _adjacent(text: str, left: _Tok, right: _Tok) -> bool:
        gap = text[left.end : right.start]
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
        # Leading titles and non-name words ("Dear", "Mr", "PLEASE CALL", "Recipient") are not part of the name.
        a = 0
        while (
            a < len(run)
            and not (run[a].namey or run[a].initial)
            and (
                run[a].fold.rstrip(".") in _TITLE_KEYS
                or run[a].fold in _GREETINGS
                or (
                    (run[a].plain or run[a].particle or not any(t.namey for t in run[a + 1 :]))
                    and not self._title_before(toks, index + a)
                )
            )
        ):
            a += 1
        if 0 < a < len(run) and all(t.particle for t in run[:a]):
            a = 0  # "Dear Ir. van Dijk": the particles start the family name
        b = len(run) - 1
        # Trailing words go only when common: a dictionary word after a given name may be a family
        # name that no list knows ("Antonio Martini"); WordNet holds many.
        while b >= a and (run[b].particle or (not run[b].namey and (run[b].common or run[b].acronym))):
            b -= 1
        titled = self._title_before(toks, index + a) or (a > 0 and run[a - 1].fold.rstrip(".") in _TITLE_KEYS)
        if a > b:
            return None
        name = [t for t in run[a : b + 1] if not t.particle]
        if len(name) > 4:
            return None  # a capitalised heading or product list, not one name
        if titled:
            return (a, b), 0.85, "name after a title"
        if len(name) >= 2:
            head, tail = name[0], name[-1]
            if head.initial and not (tail.last or not tail.plain):
                return None  # "B. Interests": an initial needs a family name after it
            if (head.first or head.initial) and not head.common and (tail.last or not tail.common):
                return (a, b), 0.85, "given name + family name"
            if head.first and tail.last:
                return (a, b), 0.85, "given name + family name"  # "Mark Brown": both lists agree
            if any(t.namey and not t.common for t in name):
                return (a, b), 0.6, "capitalised words with a lexicon name"
            return None
        tok = name[0]
        if tok.initial or (tok.acronym and not titled):
            return None
        labelled = self._labelled(toks, index + a)
        if tok.namey and not tok.initial and self._greeted(text, toks, index + a):
            return (a, b), 0.6, "greeted name"  # "Hi Grant,", "Dear Baker,"
        if not tok.first:
            # A lone family name ("SURNAME: GONZALEZ", "Perez's account") needs context; a dictionary
            # word ("Oak", "Price") a name label right before it.
            if not tok.last or tok.common:
                return None
            return ((a, b), 0.6 if labelled else 0.3, "lone family name") if labelled or not tok.wordy else None
        if tok.common:
            # "Will", "Grant", "Sunday": a name after a greeting ("Hi Will,", "Thanks, Grant"), or mid-sentence
            # where spaCy agrees ("We met Mark yesterday"); not a month, a weekday or a sentence opener.
            if labelled or self._greeted(text, toks, index + a):
                return (a, b), 0.6, "greeted given name"
            if tok.fold not in _CALENDAR and not self._sentence_start(text, tok.start) and self._ner_overlaps(tok):
                return (a, b), 0.6, "given name that is also a word, tagged by spaCy"
            return None
        if tok.wordy and not labelled and index + a + 1 < len(toks) and toks[index + a + 1].text == ":":
            return None  # "Dock: 78": a field label
        if self._sentence_start(text, tok.start):
            # "Roll back to v5", "Will you...": a verb or adjective opening a sentence is a word (after a
            # field label's colon it is the field's value: "Driver: Helena").
            # WordNet holds many given names ("Anna", "David"), so spaCy's PERSON decides for those.
            keep = labelled or not tok.wordy or self._ner_overlaps(tok) or text[: tok.start].rstrip(" \t").endswith(":")
            return ((a, b), 0.55, "lone given name") if keep else None
        return (a, b), 0.6, "lone given name"

    def _ner_overlaps(self, tok: _Tok) -> bool:
        return any(s <= tok.start and tok.end <= e for s, e in self._ner_people)

    @staticmethod
    def _labelled(toks: list[_Tok], index: int) -> bool:
        """A name label ("Surname(s):", "First name:", "Name:") right before the token."""
        k = index - 1
        while k >= 0 and index - k <= 5 and toks[k].text in (":", "(", ")", "s", "-"):
            k -= 1
        return k >= 0 and k < index - 1 and toks[k].fold in _NAME_LABELS

    @staticmethod
    def _greeted(text: str, toks: list[_Tok], index: int) -> bool:
        k = index - 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
        return k >= 0 and toks[k].fold in _GREETINGS and "\n" not in text[toks[k].end : toks[index].start]

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

    def _repeated_parts(self, text: str, toks: list[_Tok], results: list[RecognizerResult]) -> list:
        """A word of a confident full name, repeated alone elsewhere in the text ("once Hunter signs")."""
        parts: set[str] = set()
        for r in results:
            if r.score >= 0.85:
                words = [t for t in toks if r.start <= t.start and t.end <= r.end and t.word and not t.particle]
                if len(words) >= 2:
                    parts.update(t.fold for t in words if len(t.text) > 2 and not t.acronym)
        if not parts:
            return []
        covered = [(r.start, r.end) for r in results if r.score >= 0.5]
        out = []
        for t in toks:
            if (
                t.cap
                and t.word
                and t.fold in parts
                and not any(s <= t.start < e for s, e in covered)
                and (not (t.common or t.wordy) or not self._sentence_start(text, t.start))
            ):
                out.append(_result(self, "PERSON", t.start, t.end, 0.6, "part of a name found in the same text"))
        return out


_NAME_WORD = r"\p{Lu}\p{L}*(?:['’\-]\p{L}+)*"


class LastFirstRecognizer(PatternRecognizer):
    """'Smith, John', 'Pérez Iglesias, Carmen' and 'Allard, K' forms, confirmed by the lexicons.

    The word after the comma must be a given name (or an initial): "Jönsson, Stockholm"
    and "Wynd, Apartment" are a name or a street followed by a place, not a reversed name.
    """

    _TRAVEL = re.compile(r"\b[A-Z][A-Z'\-]+/[A-Z][A-Z'\-]+(?:\s(?:MR|MRS|MS|MISS|MSTR|DR|PROF))?\b")
    _LAST_FIRST = re.compile(
        rf"(?<![\p{{L}}\-'’])((?:{_NAME_WORD}[ \t])?{_NAME_WORD}),[ \t]?({_NAME_WORD}|\p{{Lu}}\.?)"
        rf"(?:[ \t]({_NAME_WORD}|\p{{Lu}}\.?))?(?![\p{{L}}\-'’])"
    )

    def __init__(self, supported_language: str = "en") -> None:
        patterns = [
            Pattern("last, first", self._LAST_FIRST.pattern, 0.5),
            Pattern("LAST/FIRST (travel)", self._TRAVEL.pattern, 0.6),
        ]
        super().__init__(
            supported_entity="PERSON",
            name="VeilLastFirstRecognizer",
            patterns=patterns,
            supported_language=supported_language,
            context=PERSON_CONTEXT,
            global_regex_flags=CASE_SENSITIVE,
        )

    def load(self) -> None:
        super().load()
        self._lex = _Lexicons()

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags: int | None = None
    ) -> list:  # noqa: D102
        if "PERSON" not in entities:
            return []
        lex = self._lex
        out = []
        for m in self._LAST_FIRST.finditer(text):
            found = self._last_first(m, lex)
            if found is not None:
                start, end, score = found
                out.append(_result(self, "PERSON", start, end, score, "family name, given name"))
        if "/" in text:
            for m in self._TRAVEL.finditer(text):
                last, _, first = m.group().partition(" ")[0].partition("/")
                if first.casefold() in lex.first or last.casefold() in lex.last:
                    out.append(_result(self, "PERSON", m.start(), m.end(), 0.85, "LAST/FIRST travel form"))
        return out

    @staticmethod
    def _last_first(m, lex: _Lexicons):
        family, given, extra = m.group(1), m.group(2), m.group(3)
        start, end = m.start(1), m.end(2)
        words = family.split()
        g = given.rstrip(".").casefold()
        initial = len(g) <= 2 and given.rstrip(".").isupper()
        if len(words) == 2:
            head = words[0].casefold()
            if head in lex.first and head not in lex.last or lex.is_english(head) or head in lex.common:
                start = m.start(1) + len(words[0]) + 1  # "Met John Smith, Mary": the name before is not part of it
                words = words[1:]
        last = words[-1].casefold()
        if last in _NOT_FAMILY or last in lex.jobs:
            return None  # "Thanks, John", "Accountant, K"
        if extra:
            x = extra.rstrip(".").casefold()
            if len(x) > 1 and x in lex.last and x not in lex.first:
                return None  # "Smith, Mary Jones": a list of people, not a reversed name
            if len(x) == 1 or (x in lex.first and x not in lex.common):
                end = m.end(3)
        known_last = last in lex.last
        if initial:
            # "Allard, K"; not "GHz, IP" or "Updated, S".
            shaped = re.fullmatch(r"\p{Lu}(?:\p{Ll}+|\p{Lu}+)(?:['’\-]\p{L}+)*", words[-1]) is not None
            return (start, end, 0.55) if known_last or (shaped and not lex.is_english(last)) else None
        if g in lex.first and g not in lex.common:
            # "Wood, Brittany", "Best, Leopold": a clear given name carries a family name that is also a word.
            return start, end, 1.0 if known_last or not lex.is_english(last) else 0.7
        if g in lex.first and known_last:
            return start, end, 0.7  # "Pollard, Summer": both lists agree
        return None


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
        self._lex = _Lexicons()

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
            or words[a].group().casefold() in _TITLE_KEYS
            or words[a].group().casefold() in _GREETINGS
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


def recognizers(language: str = "en") -> list[EntityRecognizer]:
    """This module's recognizers, as the default recognizer set registers them."""
    return [
        VeilSpacyRecognizer(supported_language=language),
        PersonLexiconRecognizer(supported_language=language),
        LastFirstRecognizer(supported_language=language),
        title_recognizer(language),
        organization_recognizer(language),
        OrganizationRecognizer(supported_language=language),
    ]


__all__ = [
    "LastFirstRecognizer",
    "PersonLexiconRecognizer",
    "TITLES",
    "VeilSpacyRecognizer",
    "organization_recognizer",
    "recognizers",
    "title_recognizer",
]
