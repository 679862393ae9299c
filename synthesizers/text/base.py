"""Plug point for text engines: the ``TextSynthesizer`` base and its registry.

A text engine learns one free-text column (already scrubbed upstream: it holds
consistent surrogates, not raw PII) and samples new texts for it. Engines
register by name; an unknown name raises ``UnknownSynthesizerError`` on the
``config.text_model`` field, listing the known names.
"""

from __future__ import annotations

import importlib
import logging
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from synthesizers.errors import (
    InvalidConfigError,
    InvalidDataError,
    InvalidSampleRequestError,
    InvalidStateError,
    NotFittedError,
    UnknownSynthesizerError,
)

logger = logging.getLogger(__name__)

ProgressFn = Callable[[float], None]

TEXT_MODEL_FIELD = "config.text_model"


class TextSynthesizer(ABC):
    """Base of text engines (template method: ``fit``/``sample`` wrap ``_fit``/``_sample``).

    Args:
        seed: Seed for sampling; the same seed, texts and config give the same output.
    """

    name: ClassVar[str]

    def __init__(self, *, seed: int = 0) -> None:
        _check_seed(seed)
        self.seed = int(seed)
        self.num_rows: int | None = None
        self.null_share: float = 0.0

    @property
    def fitted(self) -> bool:
        """Whether ``fit`` has completed."""
        return self.num_rows is not None

    def fit(self, texts: pd.Series, *, progress: ProgressFn | None = None) -> None:
        """Learn a text column.

        Args:
            texts: The (scrubbed) texts; nulls are allowed and their share is reproduced.
            progress: Optional callback receiving the completed fraction.
        """
        if not isinstance(texts, pd.Series):
            raise InvalidDataError("texts must be a pandas Series", violations=[("texts", "not a pandas Series")])
        if len(texts) == 0:
            raise InvalidDataError("no texts to fit", violations=[(str(texts.name), "has no rows")])
        if progress:
            progress(0.0)
        nulls = texts.isna()
        self.null_share = float(nulls.mean())
        self._fit(texts[~nulls].astype(str), progress)
        self.num_rows = len(texts)
        if progress:
            progress(1.0)

    def sample(self, num_rows: int, *, seed: int | None = None, progress: ProgressFn | None = None) -> pd.Series:
        """Sample ``num_rows`` texts (object dtype, nulls as ``None``).

        Args:
            num_rows: Rows to return (>= 1).
            seed: Overrides ``self.seed`` for this call.
            progress: Optional callback receiving the completed fraction.
        """
        if isinstance(num_rows, bool) or not isinstance(num_rows, (int, np.integer)) or num_rows < 1:
            raise InvalidSampleRequestError("num_rows must be an integer >= 1", violations=[("num_rows", "must be an integer >= 1")])
        if not self.fitted:
            raise NotFittedError(f"text synthesizer {self.name!r} is not fitted")
        rng = np.random.default_rng(self.seed if seed is None else seed)
        if progress:
            progress(0.0)
        null_mask = rng.random(num_rows) < self.null_share
        n_values = int((~null_mask).sum())
        values = self._sample(n_values, rng, progress) if n_values else []
        out = np.full(num_rows, None, dtype=object)
        out[~null_mask] = list(values)
        if progress:
            progress(1.0)
        return pd.Series(out, dtype=object)

    @abstractmethod
    def _fit(self, texts: pd.Series, progress: ProgressFn | None) -> None:
        """Learn the non-null texts (strings)."""

    @abstractmethod
    def _sample(self, num_rows: int, rng: np.random.Generator, progress: ProgressFn | None) -> list[str]:
        """Return ``num_rows`` strings drawn with ``rng``."""

    def _state(self) -> dict[str, Any]:
        """Engine-specific fitted state (JSON-able); override with ``_load_state``."""
        return {}

    def _load_state(self, state: dict[str, Any]) -> None:
        """Restore what ``_state`` returned."""

    def to_dict(self) -> dict[str, Any]:
        """Config only (JSON-able): enough to build an unfitted copy with ``from_dict``."""
        return {"name": self.name, "seed": self.seed}

    def state_dict(self) -> dict[str, Any]:
        """Config, books and fitted state (JSON-able); restore with ``from_state_dict``."""
        if not self.fitted:
            raise NotFittedError(f"text synthesizer {self.name!r} is not fitted")
        return {**self.to_dict(), "num_rows": self.num_rows, "null_share": self.null_share, "state": self._state()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TextSynthesizer":
        """Build an unfitted engine from ``to_dict`` output (dispatches on ``name``)."""
        if not isinstance(data, dict) or "name" not in data:
            raise InvalidStateError("text synthesizer dict needs a 'name'", violations=[("name", "missing")])
        engine_cls = get_text_synthesizer_class(data["name"])
        if cls is not TextSynthesizer and not issubclass(engine_cls, cls):
            raise InvalidStateError(f"dict describes {data['name']!r}, not {cls.name!r}")
        return engine_cls(seed=data.get("seed", 0))

    @classmethod
    def from_state_dict(cls, data: dict[str, Any]) -> "TextSynthesizer":
        """Rebuild a fitted engine from ``state_dict`` output."""
        engine = cls.from_dict(data)
        try:
            engine.num_rows = int(data["num_rows"])
            engine.null_share = float(data["null_share"])
            engine._load_state(data["state"])
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidStateError(f"bad text synthesizer state ({type(exc).__name__})") from None
        return engine


def _check_seed(seed: object) -> None:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= int(seed) < 2**32:
        raise InvalidConfigError("seed must be an integer in [0, 2**32)", violations=[("config.seed", "must be an integer in [0, 2**32)")])


# --- registry -------------------------------------------------------------------

_REGISTRY: dict[str, type[TextSynthesizer]] = {}
_BUILTIN: dict[str, str] = {"surrogate": "synthesizers.text.surrogate:SurrogateTextSynthesizer"}


def register_text_synthesizer(cls: type[TextSynthesizer]) -> type[TextSynthesizer]:
    """Register a text engine class under ``cls.name`` (usable as a decorator)."""
    if not (isinstance(cls, type) and issubclass(cls, TextSynthesizer)):
        raise TypeError("only TextSynthesizer subclasses can be registered")
    name = getattr(cls, "name", None)
    if not isinstance(name, str) or not name:
        raise TypeError("a text synthesizer class needs a non-empty 'name'")
    existing = _REGISTRY.get(name)
    if existing is not None and existing is not cls:
        raise ValueError(f"text synthesizer name {name!r} is already registered")
    _REGISTRY[name] = cls
    return cls


def available_text_synthesizers() -> list[str]:
    """Known text engine names, sorted."""
    return sorted(set(_REGISTRY) | set(_BUILTIN))


def get_text_synthesizer_class(name: str) -> type[TextSynthesizer]:
    """The class registered as ``name``; raises ``UnknownSynthesizerError`` (field ``config.text_model``)."""
    if name in _REGISTRY:
        return _REGISTRY[name]
    if isinstance(name, str) and name in _BUILTIN:
        module_name, _, attr = _BUILTIN[name].partition(":")
        cls = getattr(importlib.import_module(module_name), attr)
        return register_text_synthesizer(cls)
    raise UnknownSynthesizerError(str(name), known=available_text_synthesizers(), field=TEXT_MODEL_FIELD)


def create_text_synthesizer(name: str, *, seed: int = 0) -> TextSynthesizer:
    """Instantiate the text engine registered as ``name``."""
    return get_text_synthesizer_class(name)(seed=seed)
