"""The default text engine: resample the scrubbed texts.

The text column reaching a synthesizer has been scrubbed upstream (PII spans
replaced by keyed, consistent, realistic surrogates), so the texts it holds are
already stand-ins. This engine learns them and samples texts from that pool,
seeded, keeping the share of nulls. It needs no model and no network; an LLM
rewriter (paraphrase/persona rewrites) will plug in beside it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from synthesizers.text.base import ProgressFn, TextSynthesizer, register_text_synthesizer


@register_text_synthesizer
class SurrogateTextSynthesizer(TextSynthesizer):
    """Samples (with replacement) from the scrubbed texts it was fitted on."""

    name = "surrogate"

    def __init__(self, *, seed: int = 0) -> None:
        super().__init__(seed=seed)
        self._pool: np.ndarray = np.empty(0, dtype=object)

    def _fit(self, texts: pd.Series, progress: ProgressFn | None) -> None:
        self._pool = texts.to_numpy(dtype=object)

    def _sample(self, num_rows: int, rng: np.random.Generator, progress: ProgressFn | None) -> list[str]:
        if len(self._pool) == 0:
            return [""] * num_rows
        picks = rng.integers(0, len(self._pool), size=num_rows)
        return list(self._pool[picks])

    def _state(self) -> dict[str, Any]:
        return {"pool": [str(v) for v in self._pool]}

    def _load_state(self, state: dict[str, Any]) -> None:
        self._pool = np.asarray(list(state["pool"]), dtype=object)
