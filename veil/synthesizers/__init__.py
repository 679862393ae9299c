"""Synthesizers: one base class, an explicit registry, tabular and text engines.

Importing this package does not import SDV; the SDV-backed engines load on first use.
"""

from veil.synthesizers.base import ProgressFn, Synthesizer
from veil.synthesizers.errors import SynthesizerError, UnknownSynthesizerError
from veil.synthesizers.kinds import BASE_KINDS, MODELLED_KINDS, infer_kinds, is_valid_kind
from veil.synthesizers.registry import (
    available_synthesizers,
    create_synthesizer,
    get_synthesizer_class,
    register,
    resolve_auto,
)

__all__ = [
    "BASE_KINDS",
    "MODELLED_KINDS",
    "ProgressFn",
    "Synthesizer",
    "SynthesizerError",
    "UnknownSynthesizerError",
    "available_synthesizers",
    "create_synthesizer",
    "get_synthesizer_class",
    "infer_kinds",
    "is_valid_kind",
    "register",
    "resolve_auto",
]
