"""Errors raised by the synthesizers package.

Every error carries what the gRPC error interceptor needs to build a
``google.rpc.Status``: a canonical ``code`` name, an UPPER_SNAKE ``reason`` for
``ErrorInfo`` and a list of ``(field, description)`` violations for
``BadRequest.FieldViolation``. Messages and violations name columns and config
fields, never cell values (raw values must not reach errors or logs).
"""

from __future__ import annotations

from collections.abc import Sequence

from veil.core.errors import VeilError


class SynthesizerError(VeilError):
    """Base class of every error raised by ``veil.synthesizers``."""

    reason: str = "SYNTHESIZER_ERROR"


class UnknownSynthesizerError(SynthesizerError):
    """An engine name that no registry knows; the message lists the known names."""

    code = "INVALID_ARGUMENT"
    reason = "UNKNOWN_MODEL"

    def __init__(self, name: str, *, known: Sequence[str], field: str = "config.model") -> None:
        known_list = ", ".join(sorted(known))
        desc = f"unknown synthesizer {name!r}; known: {known_list}"
        super().__init__(desc, violations=[(field, desc)])
        self.name = name
        self.known = sorted(known)
        self.field = field


class InvalidConfigError(SynthesizerError):
    """Bad synthesizer configuration (seed, epochs, ...)."""

    code = "INVALID_ARGUMENT"
    reason = "INVALID_SYNTHESIZER_CONFIG"


class InvalidKindsError(SynthesizerError):
    """The column kinds do not match the frame or are not valid kind strings."""

    code = "INVALID_ARGUMENT"
    reason = "INVALID_COLUMN_KINDS"


class InvalidDataError(SynthesizerError):
    """The training frame cannot be used (no rows, values not matching their kind, ...)."""

    code = "INVALID_ARGUMENT"
    reason = "INVALID_TRAINING_DATA"


class InvalidSampleRequestError(SynthesizerError):
    """Bad arguments to ``sample`` (e.g. ``num_rows < 1``)."""

    code = "INVALID_ARGUMENT"
    reason = "INVALID_SAMPLE_REQUEST"


class ConditionUnmetError(SynthesizerError):
    """The model did not make a condition group's rows within the draws allowed."""

    code = "FAILED_PRECONDITION"
    reason = "CONDITION_UNMET"


class NotFittedError(SynthesizerError):
    """``sample`` (or ``save``) was called before ``fit``."""

    code = "FAILED_PRECONDITION"
    reason = "SYNTHESIZER_NOT_FITTED"


class InvalidStateError(SynthesizerError):
    """A saved synthesizer or state dict that cannot be restored."""

    code = "INVALID_ARGUMENT"
    reason = "INVALID_SYNTHESIZER_STATE"


class EngineError(SynthesizerError):
    """The underlying engine failed.

    The engine's own message is not kept (third-party messages may quote cell
    values); only its exception type is recorded in ``engine_error_type``.
    """

    code = "INTERNAL"
    reason = "ENGINE_FAILED"

    def __init__(self, engine: str, stage: str, exc: BaseException) -> None:
        self.engine = engine
        self.stage = stage
        self.engine_error_type = type(exc).__name__
        super().__init__(f"engine {engine!r} failed during {stage} ({self.engine_error_type})")


class LLMUnavailableError(SynthesizerError):
    """Every request of a generation round to the LLM endpoint failed (after the client's retries)."""

    code = "UNAVAILABLE"
    reason = "LLM_UNAVAILABLE"
