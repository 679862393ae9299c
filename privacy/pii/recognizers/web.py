"""The web: host names written bare in text ("see nowak-dental.pl").

URLs with a scheme or "www." and email addresses are Presidio's own recognizers.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer


def recognizers(language: str = "en") -> list[EntityRecognizer]:
    """This module's recognizers, as the default recognizer set registers them."""
    return []


__all__ = ["recognizers"]
