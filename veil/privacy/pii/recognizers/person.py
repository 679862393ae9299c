"""People found from token shape, name lexicons, particles, titles and "Last, First" forms.

The small spaCy model misses many names (lower-case, foreign, initials).
:class:`PersonLexiconRecognizer` reads capitalised runs of words with the
lexicon evidence of :mod:`.name_words`; :class:`LastFirstRecognizer` the
reversed forms ("Smith, John", "SMITH/JOHN MR"). Both sit inside Presidio's
registry, so its context enhancement (:data:`PERSON_CONTEXT`) still applies.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from veil.privacy.pii.recognizers.cues import make_result
from veil.privacy.pii.recognizers.name_words import CASE_SENSITIVE, GREETINGS, NameLexicons, Token
from veil.privacy.pii.recognizers.titles import TITLE_KEYS

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
_SENTENCE_END = ".!?:;\n\"'(“"

# fmt: off
PERSON_CONTEXT = [
    "name", "surname", "forename", "firstname", "lastname", "patient", "pt", "cardholder", "holder", "mr", "mrs",
    "ms", "dr", "hi", "hello", "dear", "thanks", "thank", "regards", "spoke", "called", "told", "asked", "customer",
    "patient", "client", "contact", "employee", "cc", "from", "signed", "by",
]
# fmt: on


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
        self._lex = NameLexicons()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list:
        if nlp_artifacts is None or nlp_artifacts.tokens is None or "PERSON" not in entities:
            return []
        # Token texts from offsets and lengths: creating spaCy's Token objects costs more than the rules.
        lengths = getattr(nlp_artifacts, "tokens_lengths", None)
        if lengths is None:
            toks = [Token(t.text, t.idx, self._lex) for t in nlp_artifacts.tokens]
        else:
            lex = self._lex
            toks = [Token(text[s : s + n], s, lex) for s, n in zip(nlp_artifacts.tokens_indices, lengths)]
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
                results.append(make_result("PERSON", run[a].start, run[b].end, score, self, why))
            i = j
        return results + self._repeated_parts(text, toks, results)

    def _particle_joins(self, text: str, toks: list[Token], j: int) -> bool:
        """A lower-case particle joins a name when a capitalised word follows (after up to two particles)."""
        k = j
        while k < len(toks) and k - j < 3 and toks[k].particle and self._adjacent(text, toks[k - 1], toks[k]):
            k += 1
        return k < len(toks) and toks[k].cap and toks[k].word and self._adjacent(text, toks[k - 1], toks[k])

    @staticmethod
    def _adjacent(text: str, left: Token, right: Token) -> bool:
        gap = text[left.end : right.start]
        return gap in (" ", "") or (gap.isspace() and "\n" not in gap)

    def _title_before(self, toks: list[Token], index: int) -> bool:
        k = index - 1
        if k >= 0 and toks[k].text == ".":
            k -= 1
        return k >= 0 and toks[k].fold.rstrip(".") in TITLE_KEYS

    @staticmethod
    def _sentence_start(text: str, start: int) -> bool:
        before = text[:start].rstrip(" \t")
        return not before or before[-1] in _SENTENCE_END

    def _score_run(self, text: str, toks: list[Token], index: int, run: list[Token]):
        # Leading titles and non-name words ("Dear", "Mr", "PLEASE CALL", "Recipient") are not part of the name.
        a = 0
        while (
            a < len(run)
            and not (run[a].namey or run[a].initial)
            and (
                run[a].fold.rstrip(".") in TITLE_KEYS
                or run[a].fold in GREETINGS
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
        titled = self._title_before(toks, index + a) or (a > 0 and run[a - 1].fold.rstrip(".") in TITLE_KEYS)
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

    def _ner_overlaps(self, tok: Token) -> bool:
        return any(s <= tok.start and tok.end <= e for s, e in self._ner_people)

    @staticmethod
    def _labelled(toks: list[Token], index: int) -> bool:
        """A name label ("Surname(s):", "First name:", "Name:") right before the token."""
        k = index - 1
        while k >= 0 and index - k <= 5 and toks[k].text in (":", "(", ")", "s", "-"):
            k -= 1
        return k >= 0 and k < index - 1 and toks[k].fold in _NAME_LABELS

    @staticmethod
    def _greeted(text: str, toks: list[Token], index: int) -> bool:
        k = index - 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
        return k >= 0 and toks[k].fold in GREETINGS and "\n" not in text[toks[k].end : toks[index].start]

    def _score_lower(self, toks: list[Token], index: int, run: list[Token]):
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

    def _repeated_parts(self, text: str, toks: list[Token], results: list[RecognizerResult]) -> list:
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
                out.append(make_result("PERSON", t.start, t.end, 0.6, self, "part of a name found in the same text"))
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
        self._lex = NameLexicons()

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
                out.append(make_result("PERSON", start, end, score, self, "family name, given name"))
        if "/" in text:
            for m in self._TRAVEL.finditer(text):
                last, _, first = m.group().partition(" ")[0].partition("/")
                if first.casefold() in lex.first or last.casefold() in lex.last:
                    out.append(make_result("PERSON", m.start(), m.end(), 0.85, self, "LAST/FIRST travel form"))
        return out

    @staticmethod
    def _last_first(m, lex: NameLexicons):
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


__all__ = ["PERSON_CONTEXT", "LastFirstRecognizer", "PersonLexiconRecognizer"]
