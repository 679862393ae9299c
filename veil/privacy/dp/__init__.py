"""Differential privacy: the per-dataset privacy budget ledger."""

from veil.privacy.dp.ledger import (
    BudgetExhaustedError,
    BudgetExistsError,
    BudgetStatement,
    Charge,
    LedgerError,
    NonDpNotAllowedError,
    PrivacyLedger,
    UnknownBudgetError,
    UnknownChargeError,
)

__all__ = [
    "BudgetExhaustedError",
    "BudgetExistsError",
    "BudgetStatement",
    "Charge",
    "LedgerError",
    "NonDpNotAllowedError",
    "PrivacyLedger",
    "UnknownBudgetError",
    "UnknownChargeError",
]
