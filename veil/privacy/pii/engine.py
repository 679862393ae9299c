"""PII detection (Presidio + spaCy) and keyed, consistent scrubbing of tables and texts.

:class:`PiiEngine` is the one entry point: it sets up a :class:`~veil.privacy.pii.analyzer.PiiAnalyzer`
and hands it to column classification (:mod:`veil.privacy.pii.classify`) and table scrubbing
(:mod:`veil.privacy.pii.table_scrub`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from presidio_analyzer import RecognizerResult

from veil.core.progress import ProgressFn
from veil.privacy.pii import classify
from veil.privacy.pii.analyzer import PiiAnalyzer
from veil.privacy.pii.classify import header_hints
from veil.privacy.pii.keys import derive_dataset_key
from veil.privacy.pii.table_scrub import TableScrubber
from veil.privacy.pii.types import ScrubbedText, ScrubResult, Span, TableScan


class PiiEngine:
    """Presidio-backed PII scanner and keyed scrubber.

    Args:
        **settings: Keyword arguments of :class:`~veil.privacy.pii.analyzer.PiiAnalyzer`, which states
            them and their defaults once (``spacy_model``, ``language``, ``score_threshold``, ``locale``,
            ``recognizer_set``, ``ignore_entities``, ``allow_list``, ``deny_list``, ``batch_size``,
            ``n_process``).

    Raises:
        UnknownSpacyModelError: The model is not installed.
        PrivacyInvalidArgumentError: Invalid arguments (all problems reported at once).
        TypeError: A keyword the analyzer does not take.
    """

    def __init__(self, **settings: Any) -> None:
        self._analyzer = PiiAnalyzer(**settings)

    @property
    def language(self) -> str:
        """Presidio/spaCy language code."""
        return self._analyzer.language

    @property
    def locale(self) -> str:
        """Faker locale of the surrogates."""
        return self._analyzer.locale

    @property
    def score_threshold(self) -> float:
        """Minimum Presidio score for a detection."""
        return self._analyzer.score_threshold

    @property
    def supported_entities(self) -> list[str]:
        """Entity types this engine reports."""
        return self._analyzer.supported_entities

    # ------------------------------------------------------------------ analysis
    def _analyze(
        self,
        texts: Sequence[str],
        *,
        threshold: float,
        context: list[str] | None = None,
        allow_list: list[str] | None = None,
        progress: ProgressFn | None = None,
    ) -> list[list[RecognizerResult]]:
        """Raw Presidio results per text, overlaps unresolved (see :meth:`PiiAnalyzer.analyze`)."""
        return self._analyzer.analyze(
            texts, threshold=threshold, context=context, allow_list=allow_list, progress=progress
        )

    def analyze_texts(self, texts: Sequence[str]) -> list[list[Span]]:
        """Detect entities in free texts.

        Returns:
            Per text, non-overlapping spans (longest match wins) at or above the threshold.
        """
        return self._analyzer.analyze_texts(texts)

    def scrub_texts(self, texts: Sequence[str], *, key: bytes) -> list[ScrubbedText]:
        """Replace every detected entity by its keyed surrogate.

        Returns:
            Per text, the scrubbed text and the replaced spans (original offsets).
        """
        return self._analyzer.scrub_texts(texts, key=key)

    # ------------------------------------------------------------------ scanning
    def scan_table(
        self,
        df: pd.DataFrame,
        *,
        text_columns: Sequence[str],
        candidate_columns: Sequence[str],
        span_columns: Sequence[str] = (),
        sample_size: int = 200,
        seed: int = 0,
    ) -> TableScan:
        """Classify candidate columns and measure entities in every span-scanned column.

        Args:
            df: The table.
            text_columns: Free-text columns (reported as kind ``"text"``).
            candidate_columns: Structured columns that may hold one PII entity type as a whole.
            span_columns: Other string-valued columns (categorical, id, date strings); unless
                classified as a whole-cell PII column, each is scrubbed span by span like text.
            sample_size: Distinct values analysed per candidate column; rows sampled per
                span-scanned column (shares are per sampled cell).
            seed: Seed of the value sample.

        Returns:
            A :class:`TableScan` covering exactly the listed columns.
        """
        return classify.scan_table(
            self._analyzer,
            df,
            text_columns=text_columns,
            candidate_columns=candidate_columns,
            span_columns=span_columns,
            sample_size=sample_size,
            seed=seed,
        )

    def allow_list_for(self, df: pd.DataFrame, scan: TableScan) -> list[str]:
        """Labels of the table's low-cardinality non-PII columns (like "Ideal") in which no PII was found."""
        return classify.allow_list_for(self._analyzer, df, scan)

    # ------------------------------------------------------------------ scrubbing
    def table_scrubber(self, *, scan: TableScan, key: bytes, allow_list: Sequence[str] = ()) -> TableScrubber:
        """A scrubber for one table fed in batches, with one consistent mapping.

        Args:
            scan: The table's classification (which columns are PII / text).
            key: The dataset key; surrogates derive from it.
            allow_list: Words never treated as PII in text (e.g. the table's category labels).

        Raises:
            PrivacyInvalidArgumentError: ``scan`` or ``key`` is invalid.
        """
        return TableScrubber(self._analyzer, scan=scan, key=key, allow_list=allow_list)

    def scrub_table(
        self,
        df: pd.DataFrame,
        *,
        scan: TableScan,
        key: bytes,
        progress: ProgressFn | None = None,
    ) -> ScrubResult:
        """Replace PII by keyed, consistent surrogates.

        PII columns: each distinct value -> its surrogate. Text columns: detected
        spans and every occurrence of a PII-column value -> surrogates (a name in a
        note gets the same surrogate as in the name column). Other columns and
        nulls are untouched.

        Returns:
            The scrubbed frame (same shape/columns/order), fingerprints of every
            replaced raw value, and per-column counts of replaced cells.
        """
        scrubber = self.table_scrubber(
            scan=scan, key=key, allow_list=self.allow_list_for(df, scan) if isinstance(scan, TableScan) else ()
        )
        frame = scrubber.scrub(df, progress=progress)
        return ScrubResult(frame=frame, fingerprints=scrubber.fingerprints, replaced_cells=scrubber.replaced_cells)


__all__ = ["PiiEngine", "TableScrubber", "derive_dataset_key", "header_hints"]
