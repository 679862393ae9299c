"""Text engines: the ``TextSynthesizer`` plug point and its registry."""

from veil.synthesizers.text.base import TextSynthesizer
from veil.synthesizers.text.registry import (
    available_text_synthesizers,
    create_text_synthesizer,
    get_text_synthesizer_class,
    register_text_synthesizer,
)

__all__ = [
    "TextSynthesizer",
    "available_text_synthesizers",
    "create_text_synthesizer",
    "get_text_synthesizer_class",
    "register_text_synthesizer",
]
