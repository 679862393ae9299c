"""Plug point for text engines: the ``TextSynthesizer`` base.

A text engine learns one free-text column (already scrubbed upstream: it holds
consistent surrogates, not raw PII) and samples new texts for it. Engines
register by name in the text registry (``veil.synthesizers.text.registry``); an
unknown name raises ``UnknownSynthesizerError`` on the ``config.text_model``
field, listing the known names.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import pandas as pd

from veil.core.progress import ProgressFn
from veil.synthesizers.catalog import NO_CAPABILITIES, TEXT, Capabilities, capability
from veil.synthesizers.errors import (
    InvalidConfigError,
    InvalidDataError,
    InvalidSampleRequestError,
    InvalidStateError,
    NotFittedError,
)
from veil.synthesizers.text.options import TextOptions
from veil.synthesizers.text.templates import SlotColumns, extract_template

if TYPE_CHECKING:
    from veil.synthesizers.text.llm import LLMClient
    from veil.synthesizers.text.validation import PiiScanner

logger = logging.getLogger(__name__)


class TextSynthesizer(ABC):
    """Base of text engines (template method: ``fit``/``sample`` wrap ``_fit``/``_sample``).

    A text is tied to its row: ``fit`` may be given the row's PII columns
    (``context``, with their entities), and the texts are learnt as templates
    whose slots stand for the row's values (see ``veil.synthesizers.text.templates``);
    ``sample`` is given the synthetic rows' PII columns and fills the slots
    from them, so the name in a note is the name of its row.

    Args:
        seed: Seed for sampling; the same seed, texts and config give the same output.
        options: Generation, validation and filtering options.
        llm: Client of the generator endpoint (engines with ``needs_llm``).
        pii_scanner: PII scanner of the validation of generated texts; ``None``: one
            default-configured Presidio engine shared by the process.
    """

    name: ClassVar[str]
    # Set from the engine's catalog entry when it registers; the flags below read it.
    capabilities: ClassVar[Capabilities] = NO_CAPABILITIES
    differentially_private = capability("differentially_private")
    needs_llm = capability("needs_llm")
    # Whether the engine can make hard variants of some rows' texts (``sample(hard_rows=...)``).
    makes_hard_variants: ClassVar[bool] = False

    def __init__(
        self,
        *,
        seed: int = 0,
        options: TextOptions | Mapping[str, Any] | None = None,
        llm: LLMClient | None = None,
        pii_scanner: PiiScanner | None = None,
    ) -> None:
        _check_seed(seed)
        self.seed = int(seed)
        self.options = TextOptions.coerce(options)
        if self.needs_llm and llm is None:
            raise InvalidConfigError(
                f"text model {self.name!r} needs an LLM endpoint",
                violations=[("config.text.llm_base_url", f"required by text model {self.name}")],
            )
        self.llm = llm
        self.pii_scanner = pii_scanner
        self.num_rows: int | None = None
        self.hard_rows = np.zeros(0, dtype=bool)
        self.null_share: float = 0.0
        self.slots = SlotColumns(by_slot={})
        self.generation: dict[str, Any] = {}
        """What the engine's generation did (prompts, usage, rejections...), for the report."""
        self.warnings: list[str] = []

    @property
    def fitted(self) -> bool:
        """Whether ``fit`` has completed."""
        return self.num_rows is not None

    def __getstate__(self) -> dict[str, Any]:
        # The LLM client holds an API key and open connections, the scanner a loaded model and a lock:
        # never pickled.
        return {**self.__dict__, "llm": None, "pii_scanner": None}

    def fit(
        self,
        texts: pd.Series,
        *,
        context: pd.DataFrame | None = None,
        entities: Mapping[str, str] | None = None,
        progress: ProgressFn | None = None,
    ) -> None:
        """Learn a text column.

        Args:
            texts: The (scrubbed) texts; nulls are allowed and their share is reproduced.
            context: The same rows' PII columns (scrubbed), aligned with ``texts``.
            entities: Column -> PII entity of the ``context`` columns.
            progress: Optional callback receiving the completed fraction.
        """
        if not isinstance(texts, pd.Series):
            raise InvalidDataError("texts must be a pandas Series", violations=[("texts", "not a pandas Series")])
        if len(texts) == 0:
            raise InvalidDataError("no texts to fit", violations=[(str(texts.name), "has no rows")])
        if context is not None and len(context) != len(texts):
            raise InvalidDataError("context rows do not match the texts", violations=[("context", "length differs")])
        if progress:
            progress(0.0)
        nulls = texts.isna().to_numpy()
        # A DP engine learns nothing outside its accountant: it emits no nulls rather than the exact share.
        self.null_share = 0.0 if self.differentially_private else float(nulls.mean())
        self.slots = SlotColumns.from_entities(
            {c: e for c, e in (entities or {}).items() if context is not None and c in context.columns}
        )
        values = texts[~nulls].astype(str).reset_index(drop=True)
        rows = _rows(context, ~nulls)
        templates = (
            pd.Series([extract_template(t, r, self.slots) for t, r in zip(values, rows)], dtype=object)
            if self.slots.by_slot
            else values
        )
        self._fit(templates, progress)
        self.num_rows = len(texts)
        if progress:
            progress(1.0)

    def sample(
        self,
        num_rows: int,
        *,
        context: pd.DataFrame | None = None,
        seed: int | None = None,
        progress: ProgressFn | None = None,
        hard_rows: Sequence[bool] | None = None,
    ) -> pd.Series:
        """Sample ``num_rows`` texts (object dtype, nulls as ``None``).

        Args:
            num_rows: Rows to return (>= 1).
            context: The synthetic rows' PII columns, aligned with the output rows.
            seed: Overrides ``self.seed`` for this call.
            progress: Optional callback receiving the completed fraction.
            hard_rows: Per output row, whether its text is to be a hard variant (engines that
                ``makes_hard_variants`` only).
        """
        if isinstance(num_rows, bool) or not isinstance(num_rows, (int, np.integer)) or num_rows < 1:
            raise InvalidSampleRequestError(
                "num_rows must be an integer >= 1", violations=[("num_rows", "must be an integer >= 1")]
            )
        if not self.fitted:
            raise NotFittedError(f"text synthesizer {self.name!r} is not fitted")
        if context is not None and len(context) != num_rows:
            raise InvalidSampleRequestError(
                "context rows do not match num_rows", violations=[("context", "length differs")]
            )
        hard = np.zeros(num_rows, dtype=bool) if hard_rows is None else np.asarray(hard_rows, dtype=bool)
        if len(hard) != num_rows or (hard.any() and not self.makes_hard_variants):
            raise InvalidSampleRequestError(
                f"text model {self.name!r} cannot make these hard variants",
                violations=[("hard_rows", "one flag per row, and only for an engine that makes hard variants")],
            )
        rng = np.random.default_rng(self.seed if seed is None else seed)
        if progress:
            progress(0.0)
        null_mask = rng.random(num_rows) < self.null_share
        n_values = int((~null_mask).sum())
        rows = _rows(context, ~null_mask) if context is not None else [{} for _ in range(n_values)]
        self.hard_rows = hard[~null_mask]  # read by ``_sample`` of an engine that makes hard variants
        values = self._sample(n_values, rng, progress, rows) if n_values else []
        out = np.full(num_rows, None, dtype=object)
        out[~null_mask] = list(values)
        if progress:
            progress(1.0)
        return pd.Series(out, dtype=object)

    @abstractmethod
    def _fit(self, templates: pd.Series, progress: ProgressFn | None) -> None:
        """Learn the non-null texts, as templates (strings with ``[[SLOT]]`` tokens where the row's values were)."""

    @abstractmethod
    def _sample(
        self, num_rows: int, rng: np.random.Generator, progress: ProgressFn | None, rows: list[dict[str, object]]
    ) -> list[str | None]:
        """Return ``num_rows`` texts drawn with ``rng``; ``rows[i]`` holds output row i's PII values."""

    def _state(self) -> dict[str, Any]:
        """Engine-specific fitted state (JSON-able); override with ``_load_state``."""
        return {}

    def _load_state(self, state: dict[str, Any]) -> None:  # noqa: B027 - a hook; the base keeps no state
        """Restore what ``_state`` returned."""

    def to_dict(self) -> dict[str, Any]:
        """Config only (JSON-able): enough to build an unfitted copy with ``from_dict``."""
        return {"name": self.name, "seed": self.seed, "options": self.options.model_dump()}

    def state_dict(self) -> dict[str, Any]:
        """Config, books and fitted state (JSON-able); restore with ``from_state_dict``."""
        if not self.fitted:
            raise NotFittedError(f"text synthesizer {self.name!r} is not fitted")
        return {
            **self.to_dict(),
            "num_rows": self.num_rows,
            "null_share": self.null_share,
            "slots": self.slots.to_dict(),
            "generation": self.generation,
            "state": self._state(),
        }

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], *, llm: LLMClient | None = None, pii_scanner: PiiScanner | None = None
    ) -> TextSynthesizer:
        """Build an unfitted engine from ``to_dict`` output (dispatches on ``name``).

        ``llm`` and ``pii_scanner`` are not serialised; pass them again.
        """
        if not isinstance(data, dict) or "name" not in data:
            raise InvalidStateError("text synthesizer dict needs a 'name'", violations=[("name", "missing")])
        engine_cls = TEXT.get(data["name"])
        if cls is not TextSynthesizer and not issubclass(engine_cls, cls):
            raise InvalidStateError(f"dict describes {data['name']!r}, not {cls.name!r}")
        return engine_cls(seed=data.get("seed", 0), options=data.get("options"), llm=llm, pii_scanner=pii_scanner)

    @classmethod
    def from_state_dict(
        cls, data: dict[str, Any], *, llm: LLMClient | None = None, pii_scanner: PiiScanner | None = None
    ) -> TextSynthesizer:
        """Rebuild a fitted engine from ``state_dict`` output."""
        engine = cls.from_dict(data, llm=llm, pii_scanner=pii_scanner)
        try:
            engine.num_rows = int(data["num_rows"])
            engine.null_share = float(data["null_share"])
            engine.slots = SlotColumns.from_dict(data.get("slots") or {})
            engine.generation = dict(data.get("generation") or {})
            engine._load_state(data["state"])
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidStateError(f"bad text synthesizer state ({type(exc).__name__})") from None
        return engine


def _rows(context: pd.DataFrame | None, mask: np.ndarray) -> list[dict[str, object]]:
    """The context rows selected by ``mask`` as dicts (empty dicts without context)."""
    if context is None:
        return [{} for _ in range(int(mask.sum()))]
    picked = context.loc[mask].reset_index(drop=True)
    return [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in picked.to_dict("records")]


def _check_seed(seed: object) -> None:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= int(seed) < 2**32:
        raise InvalidConfigError(
            "seed must be an integer in [0, 2**32)", violations=[("config.seed", "must be an integer in [0, 2**32)")]
        )
