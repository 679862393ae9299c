"""Errors and typed warnings of the reports package.

Every error carries a canonical gRPC-style ``code`` (a string such as
``"INVALID_ARGUMENT"``), an UPPER_SNAKE ``reason`` and the list of
``violations`` as ``(field, description)`` pairs. The service maps them to
``google.rpc.Status`` in one interceptor; nothing here imports grpc.

Soft problems are :class:`ReportWarning` subclasses: emitted with
:func:`warnings.warn` and also recorded as strings in ``Report.warnings``.
"""

from __future__ import annotations

from veil.core.errors import VeilError


class ReportError(VeilError):
    """Base class of every error raised by ``veil.reports``."""

    reason: str = "REPORT_FAILED"


class InvalidReportInputError(ReportError):
    """The tables, kinds or options given to the report builder are invalid."""

    code = "INVALID_ARGUMENT"
    reason = "INVALID_REPORT_INPUT"


class ReportDecodeError(ReportError):
    """A serialized report could not be decoded (``Report.from_dict``/``from_json``)."""

    code = "INVALID_ARGUMENT"
    reason = "INVALID_REPORT_DATA"


class ReportWarning(UserWarning):
    """Base class for every soft problem the report builder flags."""


class TinyHoldoutWarning(ReportWarning):
    """The holdout is too small for drift and leakage numbers to be stable."""


class TinySyntheticWarning(ReportWarning):
    """Too few synthetic rows for the metrics to be stable."""


class NoModelledColumnsWarning(ReportWarning):
    """No numeric/categorical/datetime/boolean column to measure drift on."""


class MetricSkippedWarning(ReportWarning):
    """A metric could not be computed for a column or pair (e.g. constant data)."""


class ExactCopiesWarning(ReportWarning):
    """Synthetic rows that are identical to a training row were found."""


class MembershipRiskWarning(ReportWarning):
    """Synthetic rows sit clearly closer to train than to the holdout (DCR share)."""


class AttackRiskWarning(ReportWarning):
    """An attack on the synthetic rows (singling-out, linkability, inference, membership) warns or fails."""


class AttackBaselineWarning(ReportWarning):
    """An attack did no better than a random guess: its risk figure cannot be trusted either way."""


class PiiReplayWarning(ReportWarning):
    """Raw PII values of the input appear in the synthetic output."""


class HighDetectionWarning(ReportWarning):
    """A classifier tells synthetic rows from real ones easily."""


class LowUtilityWarning(ReportWarning):
    """A model trained on synthetic data does much worse than one trained on real data."""


class WeakGuaranteeWarning(ReportWarning):
    """The stated differential-privacy epsilon is too large to mean much."""


class CanariesDroppedWarning(ReportWarning):
    """Generated texts carried part of a planted canary and were dropped before release."""


class GateReplacedWarning(ReportWarning):
    """Generated cells coincided with raw PII values of the input; the release gate replaced them."""


class DatasetGuaranteeVoidWarning(ReportWarning):
    """A non-DP synthesis of the dataset exists: this release's DP guarantee does not cover the dataset."""


class TextWithheldWarning(ReportWarning):
    """Text columns were emitted empty (no DP text model was selected for a DP synthesis)."""


class UnfilledTextWarning(ReportWarning):
    """Some rows of a text column got no text (no candidate passed validation)."""


class TextEngineWarning(ReportWarning):
    """A soft problem the text engine or its judge reported (self-judging, unscored texts)."""


class ConditionExtrapolationWarning(ReportWarning):
    """A condition group asks for rows no holdout row resembles: they are the model's extrapolation."""


class GapsSkippedWarning(ReportWarning):
    """Coverage gaps: cells too few training rows hold were left unfilled."""


class DomainDiscoveryWarning(ReportWarning):
    """A DP engine found too little of a column's bounds or categories: its values are not the data's."""
