"""Differential privacy: the per-dataset privacy budget ledger."""

from veil.privacy.dp.errors import (
    BudgetExhaustedError,
    BudgetExistsError,
    LedgerError,
    NonDpNotAllowedError,
    UnknownBudgetError,
    UnknownChargeError,
)
from veil.privacy.dp.ledger import PrivacyLedger
from veil.privacy.dp.records import BudgetStatement, Charge

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
