"""Errors raised by the privacy package (DESIGN §7.4).

Every error carries a canonical gRPC code name, an UPPER_SNAKE reason and a
list of ``(field, description)`` violations. Messages never contain raw cell
values; they name columns, fields and counts only.
"""

from __future__ import annotations

from veil.core.errors import VeilError


class PrivacyError(VeilError):
    """Base class of every error raised by ``veil.privacy``."""

    reason: str = "PRIVACY_ERROR"


class PrivacyInvalidArgumentError(PrivacyError):
    """A request to the privacy engines is malformed (bad column, bad key, ...)."""

    code = "INVALID_ARGUMENT"
    reason = "INVALID_PRIVACY_ARGUMENT"


class TextTooLongError(PrivacyError):
    """A text is longer than the PII engine scans (spaCy's length limit); it is refused, never passed unscanned."""

    code = "INVALID_ARGUMENT"
    reason = "TEXT_TOO_LONG"


class UnknownSpacyModelError(PrivacyError):
    """The configured spaCy model is not installed (it is never downloaded)."""

    code = "FAILED_PRECONDITION"
    reason = "SPACY_MODEL_NOT_FOUND"


class UnknownRecognizerSetError(PrivacyError):
    """A recognizer set name is not registered."""

    code = "INVALID_ARGUMENT"
    reason = "UNKNOWN_RECOGNIZER_SET"


class FingerprintKeyMismatchError(PrivacyError):
    """Serialized fingerprints were made with a different key, or are corrupt."""

    code = "FAILED_PRECONDITION"
    reason = "FINGERPRINT_KEY_MISMATCH"


class PiiReplayError(PrivacyError):
    """A synthesis still carries a raw PII value of its input after the release gate; it is not released."""

    code = "FAILED_PRECONDITION"
    reason = "PII_REPLAY"


class PrivacyRiskError(PrivacyError):
    """An attack's risk is confidently above the request's ``max_risk``; the synthesis is not released."""

    code = "FAILED_PRECONDITION"
    reason = "PRIVACY_RISK"


__all__ = [
    "FingerprintKeyMismatchError",
    "PiiReplayError",
    "PrivacyRiskError",
    "PrivacyError",
    "PrivacyInvalidArgumentError",
    "UnknownRecognizerSetError",
    "UnknownSpacyModelError",
]
