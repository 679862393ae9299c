"""Titles before a name ("Dr.", "Mrs", "Herr", "Avv.", "Mgr."): the TITLE recognizer and the title words.

The name after a title is a PERSON span of its own (:mod:`.person`); :data:`TITLE_KEYS`
is how the people recognizers tell a title from the name it introduces.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer

from veil.privacy.pii.recognizers.name_words import CASE_SENSITIVE

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
TITLE_KEYS = frozenset(t.casefold() for t in TITLES)


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
    recognizer = PatternRecognizer(
        supported_entity="TITLE",
        name="VeilTitleRecognizer",
        supported_language=language,
        patterns=patterns,
        global_regex_flags=CASE_SENSITIVE,
    )
    # Every match starts with a title's first letter (the batch analyzer's pre-scan skips other characters).
    recognizer.prescan_lead = re.escape("".join(sorted({t[0] for t in (*TITLES, *_LOWER_TITLES)})))
    return recognizer


__all__ = ["TITLES", "TITLE_KEYS", "title_recognizer"]
