"""Validation of the values the privacy budget ledger accepts, from callers and from serialized records."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from veil.privacy.dp.errors import LedgerError

# Relative slack for float sums, so that ten charges of 0.1 fit a budget of 1.0.
REL_TOL = 1e-9


def _real(value: Any, field: str) -> float:
    """A finite real number (bools refused) as a float."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise LedgerError(f"{field} must be a finite number", violations=[(field, "not a finite number")])
    return float(value)


def _epsilon(value: Any, field: str = "epsilon") -> float:
    eps = _real(value, field)
    if eps <= 0:
        raise LedgerError(f"{field} must be > 0", violations=[(field, "must be > 0")])
    return eps


def _delta(value: Any, field: str = "delta") -> float:
    delta = _real(value, field)
    if not 0 <= delta < 1:
        raise LedgerError(f"{field} must be in [0, 1)", violations=[(field, "must be in [0, 1)")])
    return delta


def _amount(value: Any, field: str) -> float:
    amount = _real(value, field)
    if amount < 0:
        raise LedgerError(f"{field} must be >= 0", violations=[(field, "must be >= 0")])
    return amount


def _text(value: Any, field: str, *, empty: bool = False) -> str:
    if not isinstance(value, str) or (not value and not empty):
        what = "a string" if empty else "a non-empty string"
        raise LedgerError(f"{field} must be {what}", violations=[(field, f"not {what}")])
    return value


def _flag(value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        raise LedgerError(f"{field} must be a bool", violations=[(field, "not a bool")])
    return value


def _choice(value: Any, field: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise LedgerError(f"{field} must be one of {', '.join(allowed)}", violations=[(field, "unknown value")])
    return value


def _keys(data: Any, cls: type, what: str) -> Mapping[str, Any]:
    """``data`` is a mapping with exactly the dataclass's fields."""
    if not isinstance(data, Mapping):
        raise LedgerError(f"{what} must be a mapping", violations=[(what, "not a mapping")])
    expected = {f.name for f in fields(cls)}
    missing, extra = sorted(expected - set(data)), sorted(set(data) - expected)
    if missing or extra:
        violations = [(k, "missing") for k in missing] + [(str(k), "unknown field") for k in extra]
        raise LedgerError(f"{what} has missing or unknown fields", violations=violations)
    return data


def _fits(spent: float, amount: float, total: float) -> bool:
    return spent + amount <= total * (1 + REL_TOL)
