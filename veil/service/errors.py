"""Service-level errors.

Every error raised by Veil's packages carries three attributes the error
interceptor turns into a google.rpc.Status: ``code`` (a canonical gRPC code
name), ``reason`` (UPPER_SNAKE, for ErrorInfo) and ``violations`` (field or
column, description) for BadRequest. Messages never contain raw cell values.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable


class VeilError(Exception):
    """Base of the service's own errors."""

    code = "INTERNAL"
    reason = "INTERNAL"

    def __init__(self, message: str, *, reason: str | None = None,
                 violations: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(message)
        if reason is not None:
            self.reason = reason
        self.violations: list[tuple[str, str]] = list(violations)


class InvalidArgument(VeilError):
    code = "INVALID_ARGUMENT"
    reason = "INVALID_ARGUMENT"


class NotFound(VeilError):
    code = "NOT_FOUND"
    reason = "NOT_FOUND"


class AlreadyExists(VeilError):
    code = "ALREADY_EXISTS"
    reason = "ALREADY_EXISTS"


class FailedPrecondition(VeilError):
    code = "FAILED_PRECONDITION"
    reason = "FAILED_PRECONDITION"


class Unauthenticated(VeilError):
    code = "UNAUTHENTICATED"
    reason = "UNAUTHENTICATED"


class Cancelled(VeilError):
    code = "CANCELLED"
    reason = "CANCELLED"


class ConfigError(VeilError):
    code = "FAILED_PRECONDITION"
    reason = "BAD_CONFIG"


class ViolationCollector:
    """Collects every validation problem, then raises once (DESIGN §7.4)."""

    def __init__(self) -> None:
        self.violations: list[tuple[str, str]] = []
        self.reasons: list[str] = []

    def add(self, field: str, description: str, *, reason: str = "INVALID_ARGUMENT") -> None:
        self.violations.append((field, description))
        self.reasons.append(reason)

    def raise_if_any(self, message: str = "the request is invalid") -> None:
        if not self.violations:
            return
        reason = self.reasons[0] if len(set(self.reasons)) == 1 else "INVALID_ARGUMENT"
        detail = "; ".join(f"{f}: {d}" for f, d in self.violations)
        raise InvalidArgument(f"{message}: {detail}", reason=reason, violations=self.violations)


def is_veil_error(exc: BaseException) -> bool:
    """True for errors of Veil's packages: they carry code, reason and violations, and no raw values."""
    return isinstance(getattr(exc, "code", None), str) and hasattr(exc, "reason") and hasattr(exc, "violations")


def log_unexpected(logger: logging.Logger, what: str, exc: BaseException) -> None:
    """Log an unexpected exception by type and frames only.

    Third-party messages can quote cell values ("could not convert 'Ann Lee'
    to float"), so the message itself is never logged.
    """
    frames = "".join(traceback.format_tb(exc.__traceback__))
    logger.error("%s failed with %s\n%s", what, type(exc).__name__, frames)
