"""Word lists the recognizers consult, read once from locally installed packages.

Names come from Faker's per-locale name lists (no download); common English
words (which are also names: "Will", "May", "Rose") from Faker's lorem list and
spaCy's stop words. The lists are built once per process and cached.
"""

from __future__ import annotations

import importlib
import logging
from functools import lru_cache

logger = logging.getLogger(__name__)

#: Faker locales whose person names feed the name lexicons (Latin-script locales).
NAME_LOCALES = (
    "en_US", "en_GB", "en_IE", "en_AU", "en_NZ", "en_CA", "en_IN", "fr_FR", "fr_CA", "de_DE", "de_AT", "es_ES",
    "es_MX", "it_IT", "nl_NL", "pt_PT", "pt_BR", "pl_PL", "sv_SE", "da_DK", "no_NO", "fi_FI", "cs_CZ", "tr_TR",
    "ro_RO", "hu_HU", "hr_HR", "sl_SI", "et_EE", "lv_LV", "lt_LT", "id_ID", "fil_PH", "sw",
)
_FIRST_ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
_LAST_ATTRS = ("last_names", "last_names_male", "last_names_female")

#: Extra common words that are also names in some locale and usually mean the word.
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
)


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
        if data and not callable(data):
            values.update(str(v) for v in data)
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


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Casefolded given names of :data:`NAME_LOCALES`."""
    values: set[str] = set()
    for locale in NAME_LOCALES:
        values |= _provider_values(locale, _FIRST_ATTRS)
    return _fold(values)


@lru_cache(maxsize=1)
def last_names() -> frozenset[str]:
    """Casefolded family names of :data:`NAME_LOCALES`."""
    values: set[str] = set()
    for locale in NAME_LOCALES:
        values |= _provider_values(locale, _LAST_ATTRS)
    return _fold(values)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Casefolded common English words (a name that is one of these needs more evidence)."""
    from faker.providers.lorem.en_US import Provider as Lorem
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset({w.casefold() for w in Lorem.word_list} | {w.casefold() for w in STOP_WORDS}
                     | set(_EXTRA_COMMON))


@lru_cache(maxsize=1)
def english_street_suffixes() -> tuple[str, ...]:
    """Street types of English-speaking locales ("Street", "Ave", "Crescent"...), longest first."""
    suffixes = {"St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Boulevard", "Dr", "Drive", "Ln", "Lane",
                "Ct", "Court", "Pl", "Place", "Hwy", "Highway", "Pkwy", "Parkway", "Sq", "Square", "Ter",
                "Terrace", "Way", "Cir", "Circle", "Trl", "Trail", "Cres", "Crescent", "Close", "Grove", "Mews",
                "Row", "Walk", "Hill", "Gardens", "Green", "Rise", "Vale", "View", "Nagar", "Marg", "Chowk"}
    for locale in ("en_US", "en_GB", "en_AU", "en_CA", "en_NZ", "en_IE"):
        try:
            module = importlib.import_module(f"faker.providers.address.{locale}")
        except ImportError:
            continue
        suffixes.update(str(s) for s in getattr(module.Provider, "street_suffixes", ()) or ())
    return tuple(sorted(suffixes, key=len, reverse=True))


__all__ = ["NAME_LOCALES", "common_words", "english_street_suffixes", "first_names", "last_names"]
