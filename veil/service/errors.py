"""The service's own errors, and how unexpected ones are logged.

Every error of Veil derives from :class:`veil.core.errors.VeilError`; the error
interceptor turns its ``code``, ``reason`` and ``violations`` into a
google.rpc.Status. Messages never contain raw cell values.
"""

from __future__ import annotations

import logging
import traceback

from veil.core.errors import VeilError


class ServiceError(VeilError):
    """Base of the service's own errors (bad names, missing resources, cancelled jobs, bad config)."""


class InvalidArgument(ServiceError):
    code = "INVALID_ARGUMENT"
    reason = "INVALID_ARGUMENT"


class NotFound(ServiceError):
    code = "NOT_FOUND"
    reason = "NOT_FOUND"


class AlreadyExists(ServiceError):
    code = "ALREADY_EXISTS"
    reason = "ALREADY_EXISTS"


class FailedPrecondition(ServiceError):
    code = "FAILED_PRECONDITION"
    reason = "FAILED_PRECONDITION"


class Cancelled(ServiceError):
    code = "CANCELLED"
    reason = "CANCELLED"


class ConfigError(ServiceError):
    code = "FAILED_PRECONDITION"
    reason = "BAD_CONFIG"


def log_unexpected(logger: logging.Logger, what: str, exc: BaseException) -> None:
    """Log an unexpected exception by type and frames only.

    Third-party messages can quote cell values ("could not convert 'Ann Lee'
    to float"), so the message itself is never logged.
    """
    frames = "".join(traceback.format_tb(exc.__traceback__))
    logger.error("%s failed with %s\n%s", what, type(exc).__name__, frames)
