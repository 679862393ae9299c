"""Synthesizers: one base class, an explicit registry, tabular and text engines.

Importing this package does not import SDV; the SDV-backed engines load on first use.
"""

from veil.synthesizers.base import Synthesizer
from veil.synthesizers.errors import SynthesizerError, UnknownSynthesizerError
from veil.synthesizers.registry import (
    available_synthesizers,
    create_synthesizer,
    get_synthesizer_class,
    register,
    resolve_auto,
)

__all__ = [
    "Synthesizer",
    "SynthesizerError",
    "UnknownSynthesizerError",
    "available_synthesizers",
    "create_synthesizer",
    "get_synthesizer_class",
    "register",
    "resolve_auto",
]
