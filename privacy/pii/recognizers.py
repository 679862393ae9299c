"""Recognizer sets: which Presidio recognizers a :class:`PiiEngine` uses.

One abstract base (:class:`RecognizerSet`) and an explicit name -> class
registry (DESIGN §7.1). The default set is Presidio's predefined recognizers
for the language with three changes:

* the phonenumbers-based ``PhoneRecognizer`` is limited to the locale's region
  (it scans every region it is given; eight regions made it 60% of the cost);
* a pattern recognizer for North-American phone formats (Faker and real data
  are full of numbers that are well-formed but not "valid" per libphonenumber);
* a pattern recognizer for street addresses (entity ``ADDRESS``), so a column
  of addresses classifies as one entity instead of a mix of PERSON/DATE_TIME.
"""

from __future__ import annotations

import abc
import logging
import re
from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngine
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from privacy.errors import UnknownRecognizerSetError

logger = logging.getLogger(__name__)

_BASE_STREET_SUFFIXES = (
    "St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Boulevard", "Dr", "Drive", "Ln", "Lane",
    "Ct", "Court", "Pl", "Place", "Hwy", "Highway", "Pkwy", "Parkway", "Sq", "Square", "Ter", "Terrace",
    "Way", "Cir", "Circle", "Trl", "Trail",
)


def _street_suffixes() -> list[str]:
    suffixes = set(_BASE_STREET_SUFFIXES)
    try:
        from faker.providers.address.en_US import Provider as UsAddress

        suffixes.update(UsAddress.street_suffixes)
    except Exception:  # pragma: no cover - faker layout changed
        logger.debug("faker street suffixes unavailable; using the built-in list")
    return sorted(suffixes, key=len, reverse=True)


def street_address_recognizer(language: str = "en") -> PatternRecognizer:
    """A recognizer for US-style street addresses (entity ``ADDRESS``)."""
    suffix = "|".join(re.escape(s) for s in _street_suffixes())
    word = r"[A-Z][A-Za-z'\-]*"
    street = rf"\b\d{{1,6}}[A-Z]?\s+(?:(?:[NSEW]\.?|North|South|East|West)\s+)?(?:{word}\s+){{0,3}}(?:{suffix})\b\.?"
    secondary = r"(?:,?\s+(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|#)\s*[\w\-]+)?"
    city = rf"(?:,\s*{word}(?:\s+{word}){{0,3}})?"
    state_zip = r"(?:,?\s*[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?)?(?:\s+\d{5}(?:-\d{4})?)?"
    full = street + secondary + city + state_zip
    po_box = r"\bP\.?\s?O\.?\s+Box\s+\d{1,6}\b"
    return PatternRecognizer(
        supported_entity="ADDRESS",
        name="VeilStreetAddressRecognizer",
        supported_language=language,
        patterns=[Pattern("street address", full, 0.7), Pattern("po box", po_box, 0.6)],
        context=["address", "street", "ship", "deliver", "delivery", "mail", "live", "lives"],
        global_regex_flags=re.DOTALL | re.MULTILINE,
    )


def nanp_phone_recognizer(language: str = "en") -> PatternRecognizer:
    """A recognizer for North-American phone formats like ``(555) 010-2030``."""
    patterns = [
        Pattern("nanp parens", r"(?<![\w)])(?:\+?1[\s.-]?)?\(\d{3}\)\s?\d{3}[\s.-]\d{4}(?!\w)", 0.6),
        Pattern("nanp dashed", r"(?<![\w-])(?:\+?1[\s.-])?\d{3}[-.]\d{3}[-.]\d{4}(?![\w-])", 0.55),
        Pattern("nanp ext", r"(?<![\w)])\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\s?(?:x|ext\.?)\s?\d{1,5}\b", 0.6),
    ]
    return PatternRecognizer(
        supported_entity="PHONE_NUMBER",
        name="VeilNanpPhoneRecognizer",
        supported_language=language,
        patterns=patterns,
        context=list(PhoneRecognizer.CONTEXT),
        global_regex_flags=re.DOTALL | re.MULTILINE,
    )


class RecognizerSet(abc.ABC):
    """Plug point: builds the Presidio recognizer registry for an engine."""

    name: ClassVar[str]

    @abc.abstractmethod
    def build(self, *, nlp_engine: NlpEngine, language: str, locale: str) -> RecognizerRegistry:
        """Return a loaded registry for ``language``."""


class DefaultRecognizerSet(RecognizerSet):
    """Presidio's predefined recognizers + Veil's address and NANP phone recognizers."""

    name = "default"

    def build(self, *, nlp_engine: NlpEngine, language: str, locale: str) -> RecognizerRegistry:
        registry = RecognizerRegistry(supported_languages=[language])
        registry.load_predefined_recognizers(languages=[language], nlp_engine=nlp_engine)
        region = locale.split("_")[-1].upper() if "_" in locale else "US"
        try:
            registry.remove_recognizer("PhoneRecognizer")
        except Exception:  # pragma: no cover - older presidio
            logger.debug("no PhoneRecognizer to remove")
        registry.add_recognizer(PhoneRecognizer(supported_language=language, supported_regions=(region,)))
        registry.add_recognizer(nanp_phone_recognizer(language))
        registry.add_recognizer(street_address_recognizer(language))
        return registry


RECOGNIZER_SETS: dict[str, type[RecognizerSet]] = {DefaultRecognizerSet.name: DefaultRecognizerSet}


def get_recognizer_set(name: str) -> RecognizerSet:
    """Instantiate a registered recognizer set.

    Raises:
        UnknownRecognizerSetError: ``name`` is not registered (the message lists the known ones).
    """
    try:
        return RECOGNIZER_SETS[name]()
    except KeyError:
        known = ", ".join(sorted(RECOGNIZER_SETS))
        raise UnknownRecognizerSetError(
            f"unknown recognizer set; known: {known}",
            violations=[("recognizer_set", f"must be one of: {known}")],
        ) from None


__all__ = [
    "DefaultRecognizerSet",
    "RECOGNIZER_SETS",
    "RecognizerSet",
    "get_recognizer_set",
    "nanp_phone_recognizer",
    "street_address_recognizer",
]
