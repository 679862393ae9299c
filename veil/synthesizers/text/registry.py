"""Text engines by name: register, list, look up and create them (over ``catalog.TEXT``).

An unknown name raises ``UnknownSynthesizerError`` on ``config.text_model``,
listing the known names. What an engine can do is asked of the catalog without
importing it: ``TEXT.capabilities(name).needs_llm``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from veil.synthesizers.catalog import TEXT, Capabilities
from veil.synthesizers.text.base import TextSynthesizer
from veil.synthesizers.text.options import TextOptions

if TYPE_CHECKING:
    from veil.synthesizers.text.llm import LLMClient
    from veil.synthesizers.text.validation import PiiScanner


def register_text_synthesizer(
    cls: type[TextSynthesizer], *, capabilities: Capabilities | None = None
) -> type[TextSynthesizer]:
    """Register a text engine class under ``cls.name`` (usable as a decorator).

    Args:
        cls: A ``TextSynthesizer`` subclass with a non-empty ``name``.
        capabilities: For an engine the catalog does not list (``None``: the class's own).

    Raises:
        TypeError: Not a TextSynthesizer subclass, or no ``name``.
        ValueError: The name is taken by another class.
    """
    return TEXT.register(cls, capabilities=capabilities)


def available_text_synthesizers() -> list[str]:
    """Known text engine names, sorted."""
    return sorted(TEXT.names())


def get_text_synthesizer_class(name: str) -> type[TextSynthesizer]:
    """The class registered as ``name``; raises ``UnknownSynthesizerError`` (field ``config.text_model``)."""
    return TEXT.get(name)


def create_text_synthesizer(
    name: str,
    *,
    seed: int = 0,
    options: TextOptions | Mapping[str, Any] | None = None,
    llm: LLMClient | None = None,
    pii_scanner: PiiScanner | None = None,
) -> TextSynthesizer:
    """Instantiate the text engine registered as ``name``.

    Args:
        name: Engine name, see ``available_text_synthesizers``.
        seed: Seed for sampling.
        options: Generation, validation and filtering options.
        llm: Client of the LLM endpoint (engines that need one).
        pii_scanner: PII scanner of the validation of generated texts; ``None``: one
            default-configured Presidio engine shared by the process.

    Raises:
        UnknownSynthesizerError: Unknown ``name`` (field ``config.text_model``).
        InvalidConfigError: Bad seed or options, or no ``llm`` for an engine that needs one.
    """
    return get_text_synthesizer_class(name)(seed=seed, options=options, llm=llm, pii_scanner=pii_scanner)


__all__ = [
    "available_text_synthesizers",
    "create_text_synthesizer",
    "get_text_synthesizer_class",
    "register_text_synthesizer",
]
