"""Organisation names found from their shape, their kind words, legal forms and the lines around them.

The small spaCy model finds few organisations outside English-speaking countries
and none without a legal form. This recognizer reads capitalised runs of words
(with the connectors of many languages: "Clínica do Parque", "Lægehuset ved Søen",
"Campbell Plumbing & Heating") and calls one an organisation when

* it holds a word naming a kind of organisation in some language ("Bakery",
  "Bäckerei", "Piekarnia", compounds such as "Skärgårdsbageriet"); generic kinds
  ("Services", "Software") need a word no dictionary knows or a personal name too;
* a legal form follows it ("Ltd", "GmbH", "sp. z o.o.", "A/S", "Kft.");
* a label or verb introduces it ("Company:", "Client:", "works for", "joins");
* a job title introduces it on its line ("Head of Finance, ...", "Legal Counsel at ...");
* it is the line under a job title in a signature or letter block;
* three words or more are headed by a kind word ("Harbour Rowing Club", "Institute of Applied
  Linguistics"), or it names a public body by its place ("City of Halifax");
* it opens with a capitalised "The" inside a sentence ("dinner at The Crooked Lantern");
* it is all that stands in parentheses after a person's name ("Amélie Leclercq (Briex)").

:func:`organization_recognizer` adds partnerships listed by name ("Smith, Jones and Brown").
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from veil.privacy.pii.recognizers.lexicons import common_words, english_words, first_names, job_words, last_names
from veil.privacy.pii.recognizers.name_words import CASE_SENSITIVE
from veil.privacy.pii.recognizers.org_lexicon import (
    COMPOUND_ENDINGS,
    LABEL_CUES,
    VERB_CUES,
    kind_words,
    legal_forms,
    weak_kinds,
)

#: Words near a firm's name that Presidio's context enhancer counts.
# fmt: off
ORGANIZATION_CONTEXT = [
    "company", "employer", "employed", "works", "worked", "working", "firm", "corporation", "organisation",
    "organization", "inc", "ltd", "llc", "bank", "hospital", "clinic", "school", "university", "agency",
    "vendor", "supplier", "insurer", "insurance",
]
# fmt: on
#: Lower-case words that join the words of a name ("do", "ved", "di", "&", "és").
# fmt: off
_CONNECTORS = frozenset({
    "de", "do", "da", "dos", "das", "del", "della", "dei", "degli", "di", "du", "des", "la", "le", "les", "el",
    "los", "las", "van", "von", "der", "den", "het", "ten", "ter", "am", "an", "im", "auf", "zum", "zur", "ved",
    "na", "nad", "pod", "i", "y", "e", "et", "and", "und", "és", "of", "the", "för", "og", "och", "på", "al", "au",
    "aux", "sur", "sul", "alla", "dal", "v", "u", "&",
})
# fmt: on
_TOKEN = re.compile(
    r"[\p{L}\p{N}]*\p{N}[\p{L}\p{N}]*|\p{Lu}[\p{L}\p{M}]*(?:['’\-]\p{L}+)*(?:['’]s)?\.?|[\p{Ll}\p{M}]+(?:-\p{L}+)*|&|\d+|\S"
)
# fmt: off
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "dear", "hi", "hello", "attn", "herr", "frau", "mme",
                     "m", "dhr", "mevr", "sig", "dott", "avv", "ing", "mgr", "shri", "smt", "miss", "mx"})
# fmt: on
# fmt: off
_CALENDAR = frozenset({"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
                       "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
                       "april", "may", "june", "july", "august", "september", "october", "november", "december"})
# fmt: on
_COMPOUND_RE = re.compile(rf"\p{{L}}{{3,}}(?:{'|'.join(COMPOUND_ENDINGS)})$")
_LABEL_RE = re.compile(rf"(?i)\b(?:{'|'.join(re.escape(c) for c in LABEL_CUES)})\s*(?:name)?\s*[:：]\s*$")
_VERB_RE = re.compile(rf"(?i)\b(?:{'|'.join(VERB_CUES)})\s+$")
_HEAD_SPLIT = re.compile(r"[^\p{L}&]+")
_NEXT_WORD = re.compile(r",?[ \t]+(\S+)")
_SEGMENTS = re.compile(r"[·|•]|\s{2,}")
_LETTERS = re.compile(r"\p{L}+")
_HEAD_OF = re.compile(r"\b(?:head|director|manager|chief|vp|lead|dean)\s+of\b")
_SEPARATOR_RE = re.compile(r"(?:,|\s-|\s–|\s\||\sat|\s·|\s@)\s*$")


def _result(recognizer: EntityRecognizer, start: int, end: int, score: float, why: str) -> RecognizerResult:
    return RecognizerResult(
        entity_type="ORGANIZATION",
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


#: Heads of "<body> of <place>" ("City of Halifax", "Municipality of Nafplio").
# fmt: off
_PUBLIC_BODIES = frozenset({"city", "town", "county", "borough", "municipality", "district", "region", "province",
                            "state", "port", "university", "bank", "government", "ministry", "department"})
# fmt: on
#: Text before a run that puts it inside a sentence: a lower-case word and a space ("stayed at ").
_MID_SENTENCE = re.compile(r"\p{Ll}[ \t]+$")
#: A person's name and an opening parenthesis right before a run ("Amélie Leclercq (").
_AFFILIATION = re.compile(r"(?:^|[^\p{L}])((?:\p{Lu}[\p{L}\p{M}'’\-]+[ \t]+){1,3})\($")
#: Kind words that only qualify another ("Public School"): they do not head a name alone.
# fmt: off
_QUALIFIERS = frozenset({"public", "high", "elementary", "primary", "secondary", "grammar", "community", "family",
                         "team", "law", "office", "sixth", "form"})
# fmt: on
#: Lower-case words for a part of a firm: what follows "<word> of" is the firm's name.
# fmt: off
_BRANCH_WORDS = frozenset({"office", "offices", "branch", "division", "department", "headquarters", "plant", "site",
                           "store", "team", "unit", "subsidiary", "warehouse", "campus", "factory"})
# fmt: on


class OrganizationRecognizer(EntityRecognizer):
    """Organisation names from kind words, legal forms, cues and block structure (see the module docstring)."""

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entities=["ORGANIZATION"],
            name="VeilOrganizationNameRecognizer",
            supported_language=supported_language,
        )

    def load(self) -> None:
        self._kinds, self._weak = kind_words(), weak_kinds()
        self._first, self._last, self._common = first_names(), last_names(), common_words()
        self._english, self._jobs = english_words(), job_words()
        forms = legal_forms()
        self._legal_words = frozenset(f.casefold().rstrip(".") for f in forms if " " not in f and "/" not in f)
        alternation = "|".join(re.escape(f) for f in forms)
        self._legal_after = re.compile(rf"^,?[ \t]+(?:{alternation})(?![\p{{L}}\p{{N}}])")
        self._legal_at = re.compile(rf"(?:{alternation})(?![\p{{L}}\p{{N}}])")
        # First letters-only piece of each form ("sp" of "sp. z o.o."): the big regex runs only after one.
        self._legal_heads = frozenset(_HEAD_SPLIT.split(f.casefold())[0] or f[:1] for f in forms)
        from spacy.lang.en.stop_words import STOP_WORDS

        self._stop = frozenset(STOP_WORDS) - {"the"}

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list:
        if "ORGANIZATION" not in entities:
            return []
        toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        results = []
        taken = 0  # a run does not start inside the name before it ("... Pty. Ltd." ends there)
        for run in self._runs(text, toks):
            run = [t for t in run if t[1] >= taken]
            found = self._judge(text, run) if run else None
            if found is not None:
                start, end, score, why = found
                taken = end
                results.append(_result(self, start, end, score, why))
        return results

    # ------------------------------------------------------------------ runs
    def _runs(self, text: str, toks: list[tuple[str, int, int]]):
        """Capitalised runs with connectors, one line at most."""
        i, n = 0, len(toks)
        while i < n:
            if (
                not toks[i][0][:1].isupper()
                or not toks[i][0].replace(".", "").isalpha()
                and "-" not in toks[i][0]
                and "'" not in toks[i][0]
                and "’" not in toks[i][0]
            ):
                i += 1
                continue
            j = i + 1
            while j < n and j - i < 9:
                word, start, _ = toks[j]
                gap = text[toks[j - 1][2] : start]
                if not (gap in (" ", "") or (gap.isspace() and "\n" not in gap)) or (gap == "" and word != "."):
                    break
                fold = word.casefold()
                prev = toks[j - 1][0]
                if prev.endswith(".") and len(prev) > 2 and prev.casefold().rstrip(".") not in self._legal_words:
                    break  # "Power BI. Languages": a sentence ends; "J. Smith" and "S.A." do not
                if word[:1].isupper() and not any(c.isdigit() for c in word):
                    j += 1
                elif (
                    fold in _CONNECTORS
                    and j + 1 < n
                    and (toks[j + 1][0][:1].isupper() or toks[j + 1][0].casefold() in _CONNECTORS)
                ):
                    j += 1
                elif (fold in self._kinds and (fold not in self._weak or fold not in self._english)) or (
                    word.isalpha()
                    and word.islower()
                    and fold not in self._stop
                    and prev.casefold().rstrip(".") in self._kinds
                    and prev.casefold().rstrip(".") not in self._weak
                    and j + 1 < n
                    and toks[j + 1][0][:1].isupper()
                ):
                    j += 1  # "Kalevan koulu", "Advokátní kancelář", "École secondaire"
                else:
                    break
            while j > i and toks[j - 1][0].casefold() in _CONNECTORS:
                j -= 1
            yield toks[i:j]
            i = max(j, i + 1)

    # ------------------------------------------------------------------ verdict
    def _judge(self, text: str, run: list[tuple[str, int, int]]):
        # Leading greetings, titles and calendar words; trailing calendar and common words.
        a, b = 0, len(run) - 1
        while a <= b and self._lead_noise(run[a][0]):
            a += 1
        while b >= a and (
            run[b][0].casefold().rstrip(".") in _CALENDAR
            or run[b][0].casefold() in _CONNECTORS
            or run[b][0] in (".", "&")
        ):
            b -= 1
        if a > b:
            return None
        the = a > 0 and run[a - 1][0] == "The"  # "at The Book Nook": the article belongs to the name
        run = run[a : b + 1]
        # "the Boston office of Acme Corp.": a firm's branch is named by what follows "of".
        for k in range(1, len(run) - 1):
            if (
                run[k][0].casefold() in _CONNECTORS
                and run[k - 1][0].islower()
                and run[k - 1][0].casefold() in _BRANCH_WORDS
            ):
                run = run[k + 1 :]
                break
        # A legal form inside the run ends it ("Murphy PLC. Forward ...", "Planas y Miralles S.L.N.E").
        legal = None
        for k in range(1, len(run)):
            if self._head(run[k][0]) not in self._legal_heads:
                continue
            m = self._legal_at.match(text, run[k][1], run[k][1] + 40)
            if m and text[run[k - 1][2] : run[k][1]] in (" ", ", "):
                legal, run = m, run[:k]
                break
        while run and run[-1][0].casefold() in _CONNECTORS:
            run = run[:-1]
        if not run:
            return None
        folds = [w.casefold().rstrip(".").removesuffix("'s").removesuffix("’s") for w, _, _ in run]
        start, end = run[0][1], run[-1][2]
        if the and text[start - 4 : start] == "The ":
            start -= 4
        if text[end - 1] == "." and folds[-1] not in self._legal_words:
            end -= 1
        legal_end = self._legal_form_end(text, end) if legal is None else legal.end()
        while legal_end:  # chained forms: "Pty. Ltd.", "& Sons Ltd.", "S.A. de C.V."
            end = legal_end
            legal_end = self._legal_form_end(text, end)
        legal = end > run[-1][2]
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        core = [f for f in folds if f not in _CONNECTORS]
        if (
            all(w.isupper() and len(w.rstrip(".")) <= 4 for w, _, _ in run if w.casefold() not in _CONNECTORS)
            and len(core) < 3
        ):
            return None  # "VAT ID SE", "SKU AS": codes and acronyms
        has_legal = bool(legal) or (len(core) >= 2 and core[-1] in self._legal_words)
        kinds = [f for f in core if f in self._kinds or _COMPOUND_RE.search(f)]
        proper = [
            f
            for f in core
            if f not in self._kinds
            and (
                f in self._first
                or f in self._last
                or (f not in self._english and f not in self._common and f.replace("-", "").isalpha())
            )
        ]
        person = self._person_like(core)
        if has_legal and len(core) >= (2 if not legal else 1):
            return start, end, 0.85, "name with a legal form"
        strong = [k for k in kinds if k not in self._weak]
        if len(set(kinds)) >= 2 and len(core) > len(kinds):
            strong = kinds  # "Riverside Medical Centre", "Green Valley Public School"
        if strong and (len(core) >= 2 or (_COMPOUND_RE.search(core[0]) and core[0] not in self._kinds)):
            if not all(f in self._kinds or f in self._common or f in self._jobs for f in core) or len(core) >= 3:
                return start, end, 0.85, "name with a kind of organisation"
        if kinds and len(core) >= 2 and proper and not person:
            return start, end, 0.85, "name with a generic kind and a proper name"
        if len(folds) >= 3 and folds[0] in _PUBLIC_BODIES and folds[1] == "of":
            return start, end, 0.85, "a public body named by its place"  # "City of Halifax"
        if (
            len(core) >= 3
            and (
                core[-1] in kinds
                and core[-1] not in _QUALIFIERS
                or core[0] in kinds
                and any(f in _CONNECTORS for f in folds)
            )
            and not all(f in self._kinds or f in self._jobs for f in core)
        ):
            return start, end, 0.85, "three words or more headed by a kind of organisation"  # "Harbour Rowing Club"
        if person and not kinds:
            return None
        if (
            len(core) == 1
            and "-" in core[0]
            and all(p in self._last or p in self._first for p in core[0].split("-"))
            and not any(p in _CALENDAR for p in core[0].split("-"))
        ):
            return start, end, 0.5, "two family names joined by a hyphen"  # "Davies-Lewis"; a person's too
        if _LABEL_RE.search(before) or _VERB_RE.search(before):
            return start, end, 0.85, "name after an organisation label or verb"
        if the and len(core) >= 2 and _MID_SENTENCE.search(before):
            return start, end, 0.6, "a capitalised 'The' name inside a sentence"  # "at The Book Nook"
        if _AFFILIATION.search(before) and text[end : end + 1] in (")", ",") and self._first_before(before):
            return start, end, 0.85, "a person's affiliation in parentheses"  # "Amélie Leclercq (Briex)"
        segment = _SEGMENTS.split(before)[-1]
        if _SEPARATOR_RE.search(segment) and self._has_job(segment) and (proper or kinds):
            return start, end, 0.85, "name after a job title"
        if (
            self._under_job_title(text, line_start)
            and text[end : text.find("\n", end) if "\n" in text[end:] else len(text)].strip(" ,.") == ""
            and not before.strip()
        ):
            return start, end, 0.9, "line under a job title"  # above spaCy's PERSON guess
        return None

    def _legal_form_end(self, text: str, end: int) -> int | None:
        """Where a legal form written right after ``end`` ends ("Acme| Ltd."), if one is."""
        nxt = _NEXT_WORD.match(text, end, end + 40)
        if not nxt or self._head(nxt.group(1)) not in self._legal_heads:
            return None  # the big regex runs only after a form's first word
        after = self._legal_after.match(text[end : end + 40])
        return end + after.end() if after else None

    @staticmethod
    def _head(word: str) -> str:
        return _HEAD_SPLIT.split(word.casefold())[0] or word[:1]

    def _first_before(self, before: str) -> bool:
        words = _AFFILIATION.search(before)[1].split()
        return words[0].casefold() in self._first and not any(w.casefold() in self._common for w in words)

    def _lead_noise(self, word: str) -> bool:
        fold = word.casefold().rstrip(".")
        return (
            fold in _TITLES
            or fold in _CALENDAR
            or fold in _CONNECTORS
            or word in (".", "&")
            or fold in self._stop
            or (fold in self._jobs and fold not in self._kinds and fold not in _PUBLIC_BODIES)
        )

    def _person_like(self, core: list[str]) -> bool:
        """Given name first and a family name last: a person, not a firm ("Anna Smith")."""
        return (
            2 <= len(core) <= 4
            and core[0] in self._first
            and core[0] not in self._kinds
            and (core[-1] in self._last or core[-1] in self._first)
            and not any(f in self._kinds for f in core)
        )

    def _has_job(self, segment: str) -> bool:
        """The segment is a job title: "Legal Counsel,", "Head of Procurement at", "admin at"."""
        words = _LETTERS.findall(segment.casefold())
        if not 0 < len(words) <= 7:
            return False
        last = words[-2] if words[-1] == "at" and len(words) > 1 else words[-1]
        return last in self._jobs or _HEAD_OF.search(" ".join(words)) is not None

    def _under_job_title(self, text: str, line_start: int) -> bool:
        if line_start <= 1:
            return False
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        prev = text[prev_start : line_start - 1].strip()
        words = _LETTERS.findall(prev)
        return (
            0 < len(words) <= 5
            and not any(c.isdigit() for c in prev)
            and ":" not in prev
            and words[0][:1].isupper()
            and any(w.casefold() in self._jobs for w in words)
        )


def organization_recognizer(language: str = "en") -> PatternRecognizer:
    """Partnerships listed by name ("Smith, Jones and Brown"); other firms: :class:`OrganizationRecognizer`."""
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


__all__ = ["ORGANIZATION_CONTEXT", "OrganizationRecognizer", "organization_recognizer"]
