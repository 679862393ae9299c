"""PII detection (Presidio + spaCy) and keyed, consistent scrubbing.

Public API: :class:`PiiEngine` (``scan_table``, ``scrub_table``, ``analyze_texts``,
``scrub_texts``), result types, :class:`SurrogateFactory`, :class:`PiiFingerprints`
(defined in ``veil.privacy.pii.fingerprints``) and :func:`derive_dataset_key`.
"""

# ruff: noqa: E402  (Presidio is imported, without transformers, before the modules below import it)
from veil.privacy.pii.presidio_import import import_presidio

import_presidio()

# isort: split
from veil.privacy.pii.batch import MAX_TEXT_CHARS
from veil.privacy.pii.engine import PiiEngine, TableScrubber, derive_dataset_key, header_hints
from veil.privacy.pii.fingerprints import PiiFingerprints
from veil.privacy.pii.recognizers import RECOGNIZER_SETS, RecognizerSet, get_recognizer_set
from veil.privacy.pii.surrogates import SurrogateFactory
from veil.privacy.pii.types import ColumnScan, EntityShare, ScrubbedText, ScrubResult, Span, TableScan

__all__ = [
    "MAX_TEXT_CHARS",
    "ColumnScan",
    "EntityShare",
    "PiiEngine",
    "PiiFingerprints",
    "RECOGNIZER_SETS",
    "RecognizerSet",
    "ScrubResult",
    "ScrubbedText",
    "Span",
    "SurrogateFactory",
    "TableScan",
    "TableScrubber",
    "derive_dataset_key",
    "get_recognizer_set",
    "header_hints",
]
