"""The one error base of Veil and the collector that raises every validation problem at once.

Every error carries what the service's error interceptor needs to build a ``google.rpc.Status``: a
canonical gRPC ``code`` name, an UPPER_SNAKE ``reason`` for ``ErrorInfo`` and ``(field, description)``
``violations`` for ``BadRequest.FieldViolation``. Messages and violations name columns, fields and
counts, never cell values (raw values must not reach errors or logs). Nothing here imports grpc.
"""

from __future__ import annotations

from collections.abc import Iterable


class VeilError(Exception):
    """Base class of every error Veil raises on purpose.

    Attributes:
        code: Canonical gRPC status code name, e.g. ``"INVALID_ARGUMENT"``.
        reason: UPPER_SNAKE machine-readable reason (``google.rpc.ErrorInfo.reason``).
        violations: ``(field or column, description)`` pairs, one per problem found.
        message: The message without the violations.
    """

    code: str = "INTERNAL"
    reason: str = "INTERNAL"

    def __init__(
        self,
        message: str,
        *,
        violations: Iterable[tuple[str, str]] = (),
        reason: str | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.violations: list[tuple[str, str]] = [(str(f), str(d)) for f, d in violations]
        if reason is not None:
            self.reason = reason
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        if not self.violations:
            return self.message
        details = "; ".join(f"{field}: {desc}" for field, desc in self.violations)
        return f"{self.message} ({details})"


class ViolationCollector:
    """Collects every validation problem, then raises once (DESIGN §7.4)."""

    def __init__(self) -> None:
        self.violations: list[tuple[str, str]] = []
        self.reasons: list[str] = []

    def add(self, field: str, description: str, *, reason: str = "INVALID_ARGUMENT") -> None:
        """Record one problem with ``field`` (a field path or column name)."""
        self.violations.append((field, description))
        self.reasons.append(reason)

    def __bool__(self) -> bool:
        return bool(self.violations)

    def raise_if_any(self, message: str, *, error: type[VeilError]) -> None:
        """Raise ``error`` with every problem recorded, if there is any.

        The reason is the problems' common reason, or ``INVALID_ARGUMENT`` when they differ.
        """
        if not self.violations:
            return
        reason = self.reasons[0] if len(set(self.reasons)) == 1 else "INVALID_ARGUMENT"
        raise error(message, reason=reason, violations=self.violations)
