"""Tabular engines by name: register, list, look up and create them (over ``catalog.TABULAR``).

Built-in engines are imported on first use, so ``import veil.synthesizers``
stays light and the SDV-backed engines (BUSL-1.1) are only imported when one
of them is asked for; DP engines register here too and never pull SDV in.
What an engine can do is asked of the catalog without importing it:
``TABULAR.names(differentially_private=True)``.

``"auto"`` is not a class: ``create_synthesizer("auto", ...)`` resolves it with
``resolve_auto`` to a concrete engine and returns that engine with
``requested_name == "auto"`` and ``resolved_name`` the concrete name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from veil.synthesizers.base import Synthesizer
from veil.synthesizers.catalog import AUTO, TABULAR, Capabilities, resolve_auto
from veil.synthesizers.errors import InvalidConfigError

if TYPE_CHECKING:
    from veil.synthesizers.text.llm import LLMClient
    from veil.synthesizers.text.validation import PiiScanner


def register(cls: type[Synthesizer], *, capabilities: Capabilities | None = None) -> type[Synthesizer]:
    """Register a ``Synthesizer`` subclass under ``cls.name`` (usable as a decorator).

    Args:
        cls: A ``Synthesizer`` subclass with a non-empty ``name``.
        capabilities: For an engine the catalog does not list (``None``: the class's own).

    Raises:
        TypeError: Not a Synthesizer subclass, or no ``name``.
        ValueError: The name is taken by another class, or is ``"auto"``.
    """
    return TABULAR.register(cls, capabilities=capabilities)


def available_synthesizers() -> list[str]:
    """Every name ``create_synthesizer`` accepts, sorted (includes ``"auto"``)."""
    return sorted({*TABULAR.names(), AUTO})


def get_synthesizer_class(name: str) -> type[Synthesizer]:
    """The concrete class registered as ``name`` (``"auto"`` resolves with default hints).

    Raises:
        UnknownSynthesizerError: Unknown name (field ``config.model``); lists the known names.
    """
    return TABULAR.get(resolve_auto() if name == AUTO else name)


def create_synthesizer(
    name: str,
    *,
    seed: int,
    epochs: int | None = None,
    num_rows_hint: int | None = None,
    text_model: str = "surrogate",
    kinds: Mapping[str, str] | None = None,
    locale: str = "en_US",
    epsilon: float | None = None,
    delta: float | None = None,
    public: Any = None,
    text_options: Any = None,
    llm: LLMClient | None = None,
    pii_scanner: PiiScanner | None = None,
    rare_value_k: int | None = None,
) -> Synthesizer:
    """Instantiate the synthesizer registered as ``name`` (or the one ``"auto"`` resolves to).

    Args:
        name: Engine name, see ``available_synthesizers``.
        seed: Job seed.
        epochs: Training epochs for neural engines (``None``: engine default).
            Ignored without a warning when ``name`` is ``"auto"`` and the resolved
            engine does not train in epochs.
        num_rows_hint: Expected training rows (used by ``"auto"``).
        text_model: Text engine for ``text`` columns.
        kinds: Column kinds, if known (used by ``"auto"``).
        locale: Faker locale for ``pii:*`` columns.
        epsilon: Target ε of a DP engine (required for them, refused for the others).
        delta: Target δ of a DP engine (engine default when ``None``).
        public: ``PublicMetadata`` (or its dict) the caller vouches for; DP engines only.
        text_options: ``TextOptions`` (or its dict) of the text engine.
        llm: ``LLMClient`` of the LLM endpoint, for text engines that need one.
        pii_scanner: ``PiiScanner`` the text engines re-scan generated texts with (the service
            passes one over its own PII engine); ``None``: one default-configured Presidio
            engine, loaded once per process and shared.
        rare_value_k: Rare-value protection's k (``None``: the default, 5; 1: off); non-DP engines only.

    Raises:
        UnknownSynthesizerError: Unknown ``name`` or ``text_model``.
        InvalidConfigError: Bad seed or epochs; a privacy target for a non-DP engine, or none for a DP one.
    """
    requested = name
    if name == AUTO:
        name = resolve_auto(kinds=kinds, num_rows_hint=num_rows_hint)
    cls = get_synthesizer_class(name)
    capabilities = TABULAR.capabilities(name)
    if requested == AUTO and not capabilities.trains_in_epochs:
        epochs = None
    options: dict[str, Any] = {}
    if capabilities.differentially_private:
        options = {"epsilon": epsilon, "delta": delta, "public": public}
    elif epsilon is not None or delta is not None or public is not None:
        field = (
            "config.epsilon"
            if epsilon is not None
            else "config.delta"
            if delta is not None
            else "config.public_columns"
        )
        raise InvalidConfigError(
            f"{cls.name!r} is not differentially private; a privacy target applies only to "
            f"{', '.join(TABULAR.names(differentially_private=True))}",
            violations=[(field, f"not used by model {cls.name}")],
        )
    if rare_value_k is not None:
        options["rare_value_k"] = rare_value_k
    synth = cls(
        seed=seed,
        epochs=epochs,
        text_model=text_model,
        locale=locale,
        text_options=text_options,
        llm=llm,
        pii_scanner=pii_scanner,
        **options,
    )
    synth.requested_name = requested
    return synth


__all__ = ["AUTO", "available_synthesizers", "create_synthesizer", "get_synthesizer_class", "register", "resolve_auto"]
