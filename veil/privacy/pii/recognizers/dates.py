"""Dates of birth: dates that their label or their place marks as a birth date.

Other dates (invoices, appointments, deliveries) are not PII here, so a date
counts only when

* the nearest cue before it on its line is a birth cue ("born", "DOB",
  "Date of birth:", "geb.", "née le", "født", "urodzony", ...), or the label
  ending in a colon right before it names a birth ("Date of birth (DD/MM):");
* it sits in a table column whose header is a birth cue ("| Born |");
* it follows a person's name in parentheses ("Patient: Reyes, P (8/7/1975)";
  a given or family name of the name lexicons) and lies at least twelve years back.

A nearer cue of another kind ("Appointment:", "Submitted", "due") wins over a
birth cue further back on the line. Written forms: day-month-year and
month-day-year with ``/ . -``, ISO and Hungarian year-first ("1990.12.17."),
and month names of the main European languages.
"""

from __future__ import annotations

import datetime

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from veil.privacy.pii.recognizers.cues import (
    cell_header,
    cue_kind,
    label_kinds,
    make_result,
    name_before,
    nearest_cue,
    warm_up,
)

#: Month names and abbreviations by month number (en, de, fr, es, it, pt, nl, sv/da/no, fi, pl, cs, hu).
# fmt: off
MONTHS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari",
        "tammikuuta", "tammikuu", "stycznia", "styczeń", "ledna", "leden", "január", "jän", "jänner"),
    2: ("february", "feb", "febr", "februar", "février", "févr", "fevrier", "febrero", "febbraio", "fevereiro",
        "fev", "februari", "helmikuuta", "helmikuu", "lutego", "luty", "února", "únor", "február"),
    3: ("march", "mar", "märz", "mär", "mars", "marzo", "março", "marco", "maart", "mrt", "marts",
        "maaliskuuta", "maaliskuu", "marca", "marzec", "března", "březen", "március", "márc"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "huhtikuuta", "huhtikuu", "kwietnia",
        "kwiecień", "dubna", "duben", "április", "ápr"),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "toukokuuta", "toukokuu", "maja",
        "května", "květen", "május", "máj"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "kesäkuuta", "kesäkuu", "czerwca",
        "czerwiec", "června", "červen", "június", "jún"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "heinäkuuta", "heinäkuu",
        "lipca", "lipiec", "července", "červenec", "július", "júl"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "augustus", "augusti", "elokuuta", "elokuu",
        "sierpnia", "sierpień", "srpna", "srpen", "augusztus", "aug"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro", "syyskuuta",
        "syyskuu", "września", "wrzesień", "září", "szeptember", "szept"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out",
         "lokakuuta", "lokakuu", "października", "październik", "října", "říjen", "október"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "marraskuuta", "marraskuu", "listopada",
         "listopad", "listopadu", "nov"),
    12: ("december", "dec", "dezember", "dez", "décembre", "dic", "diciembre", "dicembre", "dezembro",
         "desember", "dec", "joulukuuta", "joulukuu", "grudnia", "grudzień", "prosince", "prosinec",
         "december"),
}
# fmt: on
_MONTH_OF = {name: number for number, names in MONTHS.items() for name in names}
_MONTH = "|".join(sorted({regex.escape(n) for n in _MONTH_OF}, key=len, reverse=True))

CANDIDATE = regex.compile(
    r"(?<![\w./\-])(?:"
    r"(?P<ymd>(?:19|20)\d{2}(?P<s1>[./\-])[ ]?\d{1,2}(?P=s1)[ ]?\d{1,2}\.?)"
    r"|(?P<dmy>\d{1,2}(?P<s2>[./\-])[ ]?\d{1,2}(?P=s2)[ ]?(?:\d{4}|\d{2}))"
    rf"|(?P<dtext>\d{{1,2}}(?:st|nd|rd|th|\.|º|er)?(?:\s+(?:of|de))?\s+(?:{_MONTH})\.?,?(?:\s+(?:de|del))?\s+\d{{4}})"
    rf"|(?P<mtext>(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
    rf"|(?P<ytext>\d{{4}}\.?\s+(?:{_MONTH})\s+\d{{1,2}}\.?)"
    r")(?![\w/]|[.\-]\d)",
    regex.IGNORECASE,
)
#: Texts a birth date can be found in: a date in parentheses, a table, or a lone value (shapes), or a birth
#: cue (:data:`PRESCAN_LOWER`).
PRESCAN = (
    r"\(\s*\d|\||^[ \t]*\d{1,4}[./\-][ ]?\d{1,2}[./\-][ ]?\d{2,4}\.?[ \t]*$"
    r"|^[ \t]*\d{1,2}\.?[ \t]+[^\W\d]{3,}\.?,?[ \t]+\d{4}[ \t]*$"
    r"|^[ \t]*[^\W\d]{3,}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}[ \t]*$"
)
#: The birth cues of :data:`PRESCAN`'s texts, in lower case (run on the lower-cased text).
#: Led by a lookahead on the cues' first letters, so the regex engine skips other characters in C.
PRESCAN_LOWER = (
    r"(?=[bdfgnsu])(?:born|birth|dob|d\.o\.b|geb\.|geboren|née?|naissance|nacimiento|nacid[oa]|nascid[oa]|"
    r"nascita|nat[oa] il|geboorte|født|fødsel|född|födelse|syntym|urodz|naroz|szület|szül\.)"
)
_NAME_PAREN = regex.compile(r"[^\W\d_][\w'’.\-]*,?[ \u00a0]\($")
_DIGITS = regex.compile(r"\d+")
_LETTERS = regex.compile(r"[^\W\d_]+\.?")
#: Header words of a birth-date column (a lone value gets its score lifted by them).
DOB_CONTEXT = ["born", "birth", "dob", "birthday", "birthdate", "birthdates", "geboren", "geburtsdatum"]


def parse_date(kind: str, value: str) -> tuple[int, int, int] | None:
    """``(year, month, day)`` of a :data:`CANDIDATE` match of group ``kind``, or None when invalid."""
    numbers = [int(n) for n in _DIGITS.findall(value)]
    if kind == "ymd":
        year, month, day = numbers
        orders = [(year, month, day)]
    elif kind == "dmy":
        a, b, year = numbers
        if year < 100:
            year += 1900 if year > datetime.date.today().year % 100 else 2000
        orders = [(year, b, a), (year, a, b)]
    else:
        words = [w.lower().rstrip(".") for w in _LETTERS.findall(value)]
        month = next((_MONTH_OF[w] for w in words if w in _MONTH_OF), None)
        if month is None:
            return None
        year = next(n for n in numbers if n >= 1000)
        day = next((n for n in numbers if n < 100), 0)
        orders = [(year, month, day)]
    for year, month, day in orders:
        try:
            datetime.date(year, month, day)
        except ValueError:
            continue
        return year, month, day
    return None


def dob_score(text: str, start: int, end: int, year: int) -> float:
    """Score of the date ``text[start:end]`` (born in ``year``) as a birth date; 0 when it is not one."""
    kind, _word, distance = nearest_cue(text, start)
    if kind == "dob" and distance <= 6:
        return 0.85
    if kind is not None and "dob" in label_kinds(text, start):
        return 0.85
    header = cell_header(text, start)
    if header is not None and cue_kind(header) == "dob":
        return 0.85
    if kind is not None and distance == 0:
        return 0.0
    if (
        text[end : end + 1] == ")"
        and _NAME_PAREN.search(text, max(0, start - 40), start)
        and name_before(text, start)
        and year <= datetime.date.today().year - 12
    ):
        return 0.7
    if not text[:start].strip() and not text[end:].strip(" \t\n."):
        return 0.2  # a value alone (a table cell): the column's header decides
    return 0.0


class DateOfBirthRecognizer(EntityRecognizer):
    """Birth dates, by label cue, table header or "Name (date)" (module docstring)."""

    prescan = PRESCAN
    prescan_lower = PRESCAN_LOWER

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entities=["DATE_OF_BIRTH"],
            name="VeilDateOfBirthRecognizer",
            supported_language=supported_language,
            context=DOB_CONTEXT,
        )

    def load(self) -> None:
        """Build what the first analysis would otherwise build (so it is not timed as analysis)."""
        warm_up()

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """``DATE_OF_BIRTH`` spans of ``text``."""
        if entities and "DATE_OF_BIRTH" not in entities:
            return []
        results = []
        for match in CANDIDATE.finditer(text):
            kind = next(k for k in ("ymd", "dmy", "dtext", "mtext", "ytext") if match.group(k))
            parsed = parse_date(kind, match.group())
            if parsed is None:
                continue
            score = dob_score(text, match.start(), match.end(), parsed[0])
            if score > 0:
                results.append(make_result("DATE_OF_BIRTH", match.start(), match.end(), score, self))
        return results


def recognizers(language: str = "en") -> list[EntityRecognizer]:
    """This module's recognizers."""
    return [DateOfBirthRecognizer(supported_language=language)]


__all__ = ["CANDIDATE", "DOB_CONTEXT", "MONTHS", "DateOfBirthRecognizer", "dob_score", "parse_date", "recognizers"]
