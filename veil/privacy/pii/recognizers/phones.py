"""Phone numbers of any country, written any way.

One cheap pattern finds every run of digit groups that could be a phone
("925 086 721", "0511/149319", "(71) 9 8727-6678", "+44 (0)20 7946 0958");
what the run is then depends on the evidence around it, because the same
shapes are amounts, dates, postcodes, order and tax numbers:

* an international prefix ("+351", "(+47)", "0049") is a phone;
* a phone cue before it on its line ("Phone:", "Tel.", "call", "M:") or a
  phone label after it ("... mobile", "(office)") makes it one, and a nearer
  cue of another kind ("Order", "NIF", "IBAN") makes it something else;
* the line's structure: a number in parentheses right after a name, a number
  after "Name," at the end of a line, a number set between "·"/"|"/"," from an
  e-mail address on its line, or alone on a line next to one;
* shapes that are phones in practice (North American, "(0xx)" area codes,
  French pairs, trunk-0 numbers with groups, Italian "3xx/xxxxxxx") count alone.

Dates, IP addresses, amounts and IBAN tails are rejected first. libphonenumber
is not the matcher (the locale of a text is unknown, and trying every region
accepts almost any digit run); it only confirms international numbers.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from veil.privacy.pii.checksums import nanp_valid
from veil.privacy.pii.recognizers.cues import (
    label_before,
    label_kinds,
    line_end,
    line_start,
    make_result,
    name_before,
    phone_suffix_after,
    warm_up,
)

_SEP = r"(?:[ \u00a0]?[.\-/–][ \u00a0]?|[ \u00a0])"
_PAREN = r"\(\+?\d{1,5}(?:-\d{1,4})?\)"
_GROUP = rf"(?:{_PAREN}|\d{{1,12}})"
_EXT = r"(?:[ \u00a0]?(?:x|ext\.?|extn\.?|extension)[ \u00a0]?\d{1,5})"
CANDIDATE = regex.compile(
    rf"(?<![\w+/.,:#@&=%$€£-])\+?{_GROUP}(?:{_SEP}{_GROUP}|(?<=\))\d{{1,12}}|{_PAREN}){{0,8}}(?P<ext>{_EXT})?"
    r"(?![\w/]|[.,:\-]\d)",
    regex.IGNORECASE,
)
#: Cheap necessary condition for :data:`CANDIDATE` (7 digits within a short run).
PRESCAN = r"\d[\d ().\-/+\u00a0]{5,}\d"

_DIGITS = regex.compile(r"\d+")
_NANP = regex.compile(r"(?:\+?1[ .\-]?)?(?:\(\d{3}\)[ ]?\d{3}[ .\-]|\d{3}([ .\-])\d{3}\1)\d{4}")
_PAREN_AREA = regex.compile(r"\(\d{2,5}(?:-\d{1,3})?\)[ \u00a0.\-]?\d")
_FR_PAIRS = regex.compile(r"0[1-9](?:[ .]\d{2}){4}")
_TRUNK = regex.compile(r"0\d{1,4}(?:[ /\-]\d{1,8}){1,5}")
_IT_MOBILE = regex.compile(r"3\d{2}/\d{6,7}")
_THOUSANDS = regex.compile(r"\d{1,3}(?:[ .,\u00a0]\d{3})+")
_CURRENCY = regex.compile(
    r"(?:€|\$|£|¥|₹|\b(?:EUR|USD|GBP|CHF|SEK|NOK|DKK|PLN|CZK|HUF|BRL|INR|AUD|CAD|Ft|kr|zł|"
    r"Kč|lei|Rs|R\$)\b)",
    regex.IGNORECASE,
)
_IBAN_HEAD = regex.compile(r"[A-Z]{2}\d{2}[ \u00a0]$")
_NAME_PAREN = regex.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*[ \u00a0]\($")
_NAME_COMMA = regex.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*,[ \u00a0]$")
_LIST_BEFORE = regex.compile(r"(?:^|[·|,;•]|\bor|\bou|\bo|\boder|\bof|\beller)[ \u00a0]*$", regex.IGNORECASE)
_LIST_AFTER = regex.compile(r"[ \u00a0]*(?:[·|,;•.]|$|\bor\b)", regex.IGNORECASE)
_END_OF_CLAUSE = regex.compile(r"[ \u00a0]*(?:[.;)](?:\s|$)|$)")
_WEB = regex.compile(r"@|www\.|https?://")
#: Header words of a phone column (a value alone gets its score lifted by them).
PHONE_CONTEXT = ["phone", "phones", "telephone", "tel", "mobile", "cell", "fax", "landline", "handy", "contact"]


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    import phonenumbers

    return frozenset(str(code) for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE)


def _international(candidate: str, digits: str) -> bool:
    """ "+CC ..." or "00CC ..." with a country calling code that exists."""
    if candidate.startswith(("+", "(+")):
        rest = digits
    elif digits.startswith("00") and not digits.startswith("000"):
        rest = digits[2:]
    else:
        return False
    codes = _country_codes()
    return any(rest[:n] in codes for n in (1, 2, 3)) and 8 <= len(rest) <= 15


def _valid_date(a: int, b: int, c: int, year_first: bool) -> bool:
    if year_first:
        year, month, day = a, b, c
    else:
        day, month, year = a, b, c
        if month > 12 and day <= 12:  # US order
            day, month = month, day
    return 1 <= month <= 12 and 1 <= day <= 31 and (year < 100 or 1800 <= year <= 2199)


def looks_like_date(candidate: str) -> bool:
    """Three groups that make a valid date ("03-12-2024", "2024.01.20", "8/3/23") or an 8-digit YYYYMMDD."""
    groups = _DIGITS.findall(candidate)
    if len(groups) == 3 and not candidate.startswith(("+", "(")):
        sizes = [len(g) for g in groups]
        a, b, c = (int(g) for g in groups)
        if sizes[0] == 4 and sizes[1] <= 2 and sizes[2] <= 2:
            return _valid_date(a, b, c, True)
        if sizes[0] <= 2 and sizes[1] <= 2 and sizes[2] in (2, 4):
            return _valid_date(a, b, c, False)
    if len(groups) == 1 and len(groups[0]) == 8:
        d = groups[0]
        if d[:2] in ("19", "20") and _valid_date(int(d[:4]), int(d[4:6]), int(d[6:]), True):
            return True
        return d[4:6] in ("19", "20") and _valid_date(int(d[:2]), int(d[2:4]), int(d[4:]), False)
    return False


def _looks_like_ip(candidate: str) -> bool:
    groups = candidate.split(".")
    return len(groups) == 4 and all(g.isdigit() and int(g) <= 255 for g in groups)


def _distinctive(candidate: str, digits: str) -> float:
    """Score of a shape that is a phone without any other evidence (0 when it is not such a shape)."""
    core = candidate
    if _NANP.fullmatch(core) and nanp_valid(core):
        return 0.6 if "(" in core or " " not in core else 0.55
    if _PAREN_AREA.match(core) and len(digits) >= 8:
        return 0.6
    if _FR_PAIRS.fullmatch(core):
        return 0.6
    if _TRUNK.fullmatch(core) and 9 <= len(digits) <= 12 and not digits.startswith("00"):
        return 0.55
    if _IT_MOBILE.fullmatch(core):
        return 0.55
    return 0.0


def _structure(text: str, start: int, end: int) -> bool:
    """Whether the line around ``text[start:end]`` sets it where people write their phone."""
    ls, le = line_start(text, start), line_end(text, end)
    before, after = text[ls:start], text[end:le]
    # "Maria Coelho (911119909) joined late."
    if after.startswith(")") and _NAME_PAREN.search(before) and name_before(text, start):
        return True
    # "Previous landlord Frank Love, 75547731." / "customer: Maria Lima, (27) 93834-2177"
    if _NAME_COMMA.search(before) and _END_OF_CLAUSE.match(after) and name_before(text, start):
        return True
    line = text[ls:le]
    # "Tønder, Danmark · 46 22 43 63 · nanna@jubii.dk", "Questions: info@x.no or 27 71 88 14"
    if _WEB.search(line) and _LIST_BEFORE.search(before) and _LIST_AFTER.match(after):
        return True
    # Alone on its line, next to a line with an e-mail or web address (signature and address blocks).
    if not before.strip() and not after.strip(" \u00a0\t."):
        prev_line = text[line_start(text, max(ls - 1, 0)) : max(ls - 1, 0)] if ls else ""
        next_line = text[le + 1 : line_end(text, le + 1)] if le < len(text) else ""
        return bool(_WEB.search(prev_line) or _WEB.search(next_line))
    return False


def _amount(text: str, start: int, end: int, candidate: str) -> bool:
    if not _THOUSANDS.fullmatch(candidate):
        return False
    return bool(_CURRENCY.search(text[max(0, start - 4) : start]) or _CURRENCY.match(text[end : end + 5].lstrip()))


def phone_score(text: str, start: int, end: int, *, extension: bool = False) -> float:
    """Score of the phone candidate ``text[start:end]``; 0 when it is not a phone.

    Args:
        text: The whole text (the candidate's line and neighbours are read).
        start: Start of the candidate.
        end: End of the candidate, extension excluded.
        extension: Whether an extension ("x472", "ext. 12") follows the candidate.
    """
    candidate = text[start:end]
    # A "(0)" trunk prefix after the country code is not dialled from abroad: not counted.
    digits = "".join(_DIGITS.findall(candidate.replace("(0)", "")))
    if not 7 <= len(digits) <= 15 or candidate.count("(") != candidate.count(")"):
        return 0.0
    intl = _international(candidate, digits)
    if not intl and (looks_like_date(candidate) or _looks_like_ip(candidate)):
        return 0.0
    if _IBAN_HEAD.search(text, max(0, start - 5), start) or _amount(text, start, end, candidate):
        return 0.0
    kind, distance = label_before(text, start)
    if candidate.startswith(("+", "(+")) and intl:
        return 0.75
    if kind == "phone" and distance <= 6 or kind is not None and "phone" in label_kinds(text, start):
        return 0.7
    if phone_suffix_after(text, end):
        return 0.7
    structured = extension or _structure(text, start, end)
    if kind is not None and kind != "phone" and distance == 0 and not structured:
        # "Order 5654914671", "NIF: 214 232 433", "Date: 03-12-2024"; but "Ashley Price (6381511180)":
        # a label word that ends a person's name is the name.
        return 0.0
    if intl:
        return 0.65
    if structured:
        return 0.6
    shape = _distinctive(candidate, digits)
    if shape:
        return shape
    if not text[:start].strip() and not text[end:].strip():
        return 0.4  # a value alone (a table cell): the column's header decides
    return 0.0


class VeilPhoneRecognizer(EntityRecognizer):
    """Phone numbers: a broad candidate pattern, then cues, line structure and shape (module docstring)."""

    #: BatchAnalyzer runs this recognizer only on texts where this matches.
    prescan = PRESCAN

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entities=["PHONE_NUMBER"],
            name="VeilPhoneRecognizer",
            supported_language=supported_language,
            context=PHONE_CONTEXT,
        )

    def load(self) -> None:
        """Build what the first analysis would otherwise build (so it is not timed as analysis)."""
        _country_codes()
        warm_up()

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """Phone spans of ``text`` scored by their evidence; below-threshold scores only for lone values."""
        if entities and "PHONE_NUMBER" not in entities:
            return []
        results = []
        for match in CANDIDATE.finditer(text):
            start, end = match.span()
            core_end = match.start("ext") if match.group("ext") else end
            score = phone_score(text, start, core_end, extension=core_end != end)
            if score <= 0:
                continue
            results.append(make_result("PHONE_NUMBER", start, end, score, self))
        return results


def recognizers(language: str = "en") -> list[EntityRecognizer]:
    """This module's recognizers."""
    return [VeilPhoneRecognizer(supported_language=language)]


__all__ = ["CANDIDATE", "PRESCAN", "VeilPhoneRecognizer", "looks_like_date", "phone_score", "recognizers"]
