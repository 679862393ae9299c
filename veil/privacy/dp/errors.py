"""Errors raised by the privacy budget ledger.

Each carries the canonical gRPC code name and reason of
:class:`veil.privacy.errors.PrivacyError`.
"""

from __future__ import annotations

from collections.abc import Iterable

from veil.privacy.errors import PrivacyError


class LedgerError(PrivacyError):
    """A ledger argument or serialized record is invalid."""

    code = "INVALID_ARGUMENT"
    reason = "INVALID_PRIVACY_BUDGET"


class BudgetExhaustedError(PrivacyError):
    """A charge would overspend the dataset's privacy budget.

    Attributes:
        epsilon_remaining: Epsilon left before the refused charge.
        delta_remaining: Delta left before the refused charge.
    """

    code = "FAILED_PRECONDITION"
    reason = "PRIVACY_BUDGET_EXHAUSTED"

    def __init__(
        self,
        message: str,
        *,
        epsilon_remaining: float,
        delta_remaining: float,
        violations: Iterable[tuple[str, str]] = (),
    ) -> None:
        super().__init__(message, violations=violations)
        self.epsilon_remaining = float(epsilon_remaining)
        self.delta_remaining = float(delta_remaining)


class NonDpNotAllowedError(PrivacyError):
    """The dataset's policy forbids models without a DP guarantee."""

    code = "FAILED_PRECONDITION"
    reason = "NON_DP_NOT_ALLOWED"


class UnknownBudgetError(PrivacyError):
    """No budget is open for the dataset."""

    code = "NOT_FOUND"
    reason = "PRIVACY_BUDGET_NOT_FOUND"


class UnknownChargeError(PrivacyError):
    """No charge has the given id."""

    code = "NOT_FOUND"
    reason = "PRIVACY_CHARGE_NOT_FOUND"


class BudgetExistsError(PrivacyError):
    """A budget is already open for the dataset."""

    code = "ALREADY_EXISTS"
    reason = "PRIVACY_BUDGET_EXISTS"


__all__ = [
    "BudgetExhaustedError",
    "BudgetExistsError",
    "LedgerError",
    "NonDpNotAllowedError",
    "UnknownBudgetError",
    "UnknownChargeError",
]
