"""Numbers and codes: the family's recognizers, and the checksummed identifiers of Presidio and Veil.

The family lives in modules of its own: phones (:mod:`.phones`), dates of birth
(:mod:`.dates`), bank accounts and IBANs (:mod:`.accounts`), national IDs of
many countries (:mod:`.national_ids`); all read the label cue before a number
(:mod:`.cues`). Here: card numbers, US SSNs as plain digits, the French NIR, the
NHS number, driver's licences with context, and Presidio's checksummed IDs.
Patterns that are weak on their own start below the engine's threshold and only
count when Presidio's context enhancer finds a supporting word nearby.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import (
    AbaRoutingRecognizer,
    AuTfnRecognizer,
    CaSinRecognizer,
    EsNieRecognizer,
    EsNifRecognizer,
    InAadhaarRecognizer,
    InPanRecognizer,
    ItFiscalCodeRecognizer,
    MedicalLicenseRecognizer,
    UkNinoRecognizer,
    UsLicenseRecognizer,
)

from veil.privacy.pii.checksums import digits_of, luhn_valid, nhs_valid, nir_valid, ssn_valid
from veil.privacy.pii.recognizers import accounts, dates, national_ids, phones

#: "license" alone is not enough: pets, software, businesses and fishing have licences too.
LICENSE_CONTEXT = ["driver", "driver's", "drivers", "dl", "dls", "driving", "cdl"]


class CardNumberRecognizer(PatternRecognizer):
    """Card numbers Presidio's card pattern misses, Luhn-checked.

    * 12-19 digits written without separators: kept at 0.3, so card context decides;
    * Mastercard's 2-series (2221-2720, 16 digits, grouped or not), which Presidio's
      pattern does not know: a valid Luhn check makes it a card by itself.
    """

    #: Every match starts with a digit (the batch analyzer's pre-scan skips other characters).
    prescan_lead = r"\d"

    def __init__(self, supported_language: str = "en") -> None:
        patterns = [
            Pattern("12-19 digits", r"\b\d{12,19}\b", 0.3),
            Pattern("mastercard 2-series", r"\b2[2-7]\d{2}(?:([ -]?)\d{4})(?:\1\d{4}){2}\b", 0.3),
        ]
        super().__init__(
            supported_entity="CREDIT_CARD",
            name="VeilCardNumberRecognizer",
            patterns=patterns,
            supported_language=supported_language,
            context=["card", "credit", "debit", "visa", "mastercard", "amex", "cc", "pan", "maestro"],
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        if not luhn_valid(pattern_text):
            return False
        digits = digits_of(pattern_text)
        return True if len(digits) == 16 and 2221 <= int(digits[:4]) <= 2720 else None


class SsnDigitsRecognizer(PatternRecognizer):
    """US social security numbers written as 9 plain digits; needs SSN context."""

    #: Every match starts with a digit (the batch analyzer's pre-scan skips other characters).
    prescan_lead = r"\d"

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity="US_SSN",
            name="VeilSsnDigitsRecognizer",
            patterns=[Pattern("9 digits", r"\b\d{9}\b", 0.2)],
            supported_language=supported_language,
            context=["ssn", "social", "security", "ss#", "ssns"],
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if ssn_valid(pattern_text) else False


class FrNirRecognizer(PatternRecognizer):
    """French social security number (NIR): 13 digits + a 2-digit key, 97 - (n mod 97)."""

    #: Every match starts with a digit (the batch analyzer's pre-scan skips other characters).
    prescan_lead = r"\d"

    def __init__(self, supported_language: str = "en") -> None:
        patterns = [
            Pattern(
                "nir",
                r"\b[12]\s?\d{2}\s?(?:0[1-9]|1[0-2]|[2-9]\d)\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}\s?"
                r"\d{2}\b",
                0.4,
            )
        ]
        super().__init__(
            supported_entity="FR_NIR",
            name="VeilFrNirRecognizer",
            patterns=patterns,
            supported_language=supported_language,
            context=["sécurité", "securite", "sociale", "nir", "insee", "social", "security", "ssn"],
        )

    def validate_result(self, pattern_text: str) -> bool:
        return nir_valid(pattern_text)


class UkNhsRecognizer(PatternRecognizer):
    """NHS number: 10 digits (3-3-4) with a mod-11 check digit."""

    #: Every match starts with a digit (the batch analyzer's pre-scan skips other characters).
    prescan_lead = r"\d"

    def __init__(self, supported_language: str = "en") -> None:
        patterns = [Pattern("nhs", r"\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b", 0.3)]
        super().__init__(
            supported_entity="UK_NHS",
            name="VeilUkNhsRecognizer",
            patterns=patterns,
            supported_language=supported_language,
            context=["nhs", "health", "patient", "national health", "hospital", "gp"],
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        # Valid numbers stay at 0.3 (a phone can pass mod 11 by chance): context lifts them.
        return None if nhs_valid(pattern_text) else False


class ContextOnlyLicenseRecognizer(UsLicenseRecognizer):
    """Presidio's US driver's licence patterns, but only where context says "licence".

    Presidio's alphanumeric pattern scores 0.3 and matches ordinary codes
    ("A1234", "AB12345"); here every pattern starts at 0.2 so that only context
    ("driver", "driving", "DL") lifts a match over the threshold (0.2 + 0.35).
    """

    #: Every result scores this until context lifts it: texts without a cue can skip the recognizer.
    cue_only_score = 0.2
    #: What every match of Presidio's patterns holds (they run case-blind; one of them reads a literal
    #: "A-Z]" before its digits): a letter beside a digit, or six digits.
    prescan = r"[A-Za-z]\d|\d[A-Za-z]|\]\d|\d{6}"

    def __init__(self, supported_language: str = "en") -> None:
        patterns = [Pattern(p.name, p.regex, self.cue_only_score) for p in UsLicenseRecognizer.PATTERNS]
        super().__init__(patterns=patterns, context=LICENSE_CONTEXT, supported_language=supported_language)


def national_id_recognizers(language: str = "en") -> list[EntityRecognizer]:
    """Presidio's checksummed national IDs of several countries, run on ``language`` texts."""
    return [
        UkNinoRecognizer(supported_language=language),
        UkNhsRecognizer(supported_language=language),
        CaSinRecognizer(supported_language=language),
        EsNifRecognizer(supported_language=language),
        EsNieRecognizer(supported_language=language),
        ItFiscalCodeRecognizer(supported_language=language),
        InAadhaarRecognizer(supported_language=language),
        InPanRecognizer(supported_language=language),
        AuTfnRecognizer(supported_language=language),
        FrNirRecognizer(supported_language=language),
        CardNumberRecognizer(supported_language=language),
        SsnDigitsRecognizer(supported_language=language),
        AbaRoutingRecognizer(supported_language=language, supported_entity="BANK_ACCOUNT"),
    ]


class BoundedMedicalLicenseRecognizer(MedicalLicenseRecognizer):
    """Presidio's US DEA number recognizer with word boundaries: its pattern alone also matches nine
    characters inside a longer tracking code."""

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language=supported_language)
        self.patterns = [Pattern(p.name, rf"\b(?:{p.regex})\b", p.score) for p in self.patterns]


def recognizers(language: str = "en") -> list[EntityRecognizer]:
    """This module's recognizers, as the default recognizer set registers them."""
    return [
        *dates.recognizers(language),
        *accounts.recognizers(language),
        *phones.recognizers(language),
        *national_ids.recognizers(language),
        ContextOnlyLicenseRecognizer(supported_language=language),
        *national_id_recognizers(language),
        BoundedMedicalLicenseRecognizer(supported_language=language),
    ]


__all__ = [
    "BoundedMedicalLicenseRecognizer",
    "ContextOnlyLicenseRecognizer",
    "FrNirRecognizer",
    "UkNhsRecognizer",
    "national_id_recognizers",
    "recognizers",
]
