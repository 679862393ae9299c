"""PII detection (Presidio + spaCy) and keyed, consistent scrubbing.

Public API: :class:`PiiEngine` (``scan_table``, ``scrub_table``, ``analyze_texts``,
``scrub_texts``), result types, :class:`SurrogateFactory`, :class:`PiiFingerprints`
(defined in ``privacy.leakage.replay``) and :func:`derive_dataset_key`.
"""

from privacy.leakage.replay import PiiFingerprints
from privacy.pii.engine import PiiEngine, TableScrubber, derive_dataset_key, header_hints
from privacy.pii.recognizers import RECOGNIZER_SETS, RecognizerSet, get_recognizer_set
from privacy.pii.surrogates import SurrogateFactory
from privacy.pii.types import ColumnScan, EntityShare, ScrubbedText, ScrubResult, Span, TableScan

__all__ = [
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
