"""Places: postcodes of many countries (towns, regions and countries to come with their gazetteer).

A postcode on its own is a short code; patterns that are weak alone (a run of
four to six digits) start below the engine's threshold and count only when
Presidio's context enhancer finds a supporting word nearby ("zip", "PLZ").
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer

POSTCODE_CONTEXT = ["zip", "zipcode", "postcode", "postal", "post code", "plz", "cp", "cap", "pin", "pincode",
                    "code postal", "código postal"]


def postcode_recognizer(language: str = "en") -> PatternRecognizer:
    """Postcodes of several countries; plain digit runs need a context word."""
    patterns = [
        Pattern("uk postcode", r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}\b", 0.6),
        Pattern("canadian postal code", r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b", 0.6),
        Pattern("dutch postcode", r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b", 0.3),
        Pattern("zip+4", r"\b\d{5}-\d{4}\b", 0.4),
        Pattern("digits postcode", r"\b\d{4,6}\b", 0.15),
    ]
    return PatternRecognizer(supported_entity="POSTCODE", name="VeilPostcodeRecognizer", supported_language=language,
                             patterns=patterns, context=POSTCODE_CONTEXT, global_regex_flags=re.DOTALL | re.MULTILINE)


def recognizers(language: str = "en") -> list[EntityRecognizer]:
    """This module's recognizers, as the default recognizer set registers them."""
    return [postcode_recognizer(language)]


__all__ = ["POSTCODE_CONTEXT", "postcode_recognizer", "recognizers"]
