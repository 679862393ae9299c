"""Numbers and codes: dates of birth, bank accounts, cards, national IDs (phones: :mod:`.phones`).

Patterns that are weak on their own (a 5-digit ZIP, a date, an 8-digit account
number) start below the engine's threshold and only count when Presidio's
context enhancer finds a supporting word nearby ("zip", "born", "account").
Checksummed identifiers are validated so that look-alikes are dropped.
"""

from __future__ import annotations

import re

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
    UkNinoRecognizer,
    UsLicenseRecognizer,
)

from privacy.pii.checksums import luhn_valid, nhs_valid, nir_valid, ssn_valid
from privacy.pii.recognizers import dates, national_ids, phones

BANK_CONTEXT = ["account", "acct", "a/c", "bank", "routing", "aba", "sort", "transit", "bsb", "branch",
                "institution", "checking", "savings", "deposit",
                "wire", "transfer", "iban", "bic", "swift", "beneficiary", "payee", "rekening", "konto", "compte",
                "cuenta", "conto"]
#: "license" alone is not enough: pets, software, businesses and fishing have licences too.
LICENSE_CONTEXT = ["driver", "driver's", "drivers", "dl", "dls", "driving", "cdl"]


def bank_account_recognizer(language: str = "en") -> PatternRecognizer:
    """Account numbers and UK sort codes: digit runs that context marks as banking."""
    patterns = [
        Pattern("account digits", r"\b\d{6,17}\b", 0.15),
        Pattern("grouped account", r"\b\d{2,6}(?:[ -]\d{2,6}){1,3}\b", 0.15),
        Pattern("sort code", r"\b\d{2}-\d{2}-\d{2}\b", 0.2),
        Pattern("bsb / transit", r"\b\d{3,5}-\d{3}\b", 0.15),
    ]
    return PatternRecognizer(supported_entity="BANK_ACCOUNT", name="VeilBankAccountRecognizer",
                             supported_language=language, patterns=patterns, context=BANK_CONTEXT)


class CardNumberRecognizer(PatternRecognizer):
    """Card numbers of 12-19 digits written without separators, Luhn-checked, with card context."""

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entity="CREDIT_CARD", name="VeilCardNumberRecognizer",
                         patterns=[Pattern("12-19 digits", r"\b\d{12,19}\b", 0.3)],
                         supported_language=supported_language,
                         context=["card", "credit", "debit", "visa", "mastercard", "amex", "cc", "pan", "maestro"])

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if luhn_valid(pattern_text) else False


class SsnDigitsRecognizer(PatternRecognizer):
    """US social security numbers written as 9 plain digits; needs SSN context."""

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entity="US_SSN", name="VeilSsnDigitsRecognizer",
                         patterns=[Pattern("9 digits", r"\b\d{9}\b", 0.2)], supported_language=supported_language,
                         context=["ssn", "social", "security", "ss#", "ssns"])

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if ssn_valid(pattern_text) else False


class FrNirRecognizer(PatternRecognizer):
    """French social security number (NIR): 13 digits + a 2-digit key, 97 - (n mod 97)."""

    def __init__(self, supported_language: str = "en") -> None:
        patterns = [Pattern("nir", r"\b[12]\s?\d{2}\s?(?:0[1-9]|1[0-2]|[2-9]\d)\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}\s?"
                                   r"\d{2}\b", 0.4)]
        super().__init__(supported_entity="FR_NIR", name="VeilFrNirRecognizer", patterns=patterns,
                         supported_language=supported_language,
                         context=["sécurité", "securite", "sociale", "nir", "insee", "social", "security", "ssn"])

    def validate_result(self, pattern_text: str) -> bool:
        return nir_valid(pattern_text)


class UkNhsRecognizer(PatternRecognizer):
    """NHS number: 10 digits (3-3-4) with a mod-11 check digit."""

    def __init__(self, supported_language: str = "en") -> None:
        patterns = [Pattern("nhs", r"\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b", 0.3)]
        super().__init__(supported_entity="UK_NHS", name="VeilUkNhsRecognizer", patterns=patterns,
                         supported_language=supported_language,
                         context=["nhs", "health", "patient", "national health", "hospital", "gp"])

    def validate_result(self, pattern_text: str) -> bool | None:
        # Valid numbers stay at 0.3 (a phone can pass mod 11 by chance): context lifts them.
        return None if nhs_valid(pattern_text) else False


class ContextOnlyLicenseRecognizer(UsLicenseRecognizer):
    """Presidio's US driver's licence patterns, but only where context says "licence".

    Presidio's alphanumeric pattern scores 0.3 and matches ordinary codes
    ("A1234", "AB12345"); here every pattern starts at 0.2 so that only context
    ("driver", "driving", "DL") lifts a match over the threshold (0.2 + 0.35).
    """

    def __init__(self, supported_language: str = "en") -> None:
        patterns = [Pattern(p.name, p.regex, 0.2) for p in UsLicenseRecognizer.PATTERNS]
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


def recognizers(language: str = "en") -> list[EntityRecognizer]:
    """This module's recognizers, as the default recognizer set registers them."""
    return [*dates.recognizers(language), bank_account_recognizer(language), *phones.recognizers(language),
            *national_ids.recognizers(language),
            ContextOnlyLicenseRecognizer(supported_language=language), *national_id_recognizers(language)]


__all__ = [
    "ContextOnlyLicenseRecognizer",
    "FrNirRecognizer",
    "UkNhsRecognizer",
    "bank_account_recognizer",
    "national_id_recognizers",
    "recognizers",
]
