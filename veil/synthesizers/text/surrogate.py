"""The default text engine: the scrubbed texts, re-tied to the synthetic rows.

The text column reaching a synthesizer has been scrubbed upstream (PII spans
replaced by keyed, consistent, realistic surrogates), so the texts it holds are
already stand-ins. This engine learns them as templates (the row's own values
become slots) and, for each synthetic row, draws a template that row can fill
and fills it with the row's values: the name in a note is the row's name. It
needs no model and no network.

The rest of a text is the scrubbed source verbatim: the report's text leakage
section shows the overlap, and an LLM rewriter is the engine to pick when the
wording itself must not be shared.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from veil.core.progress import ProgressFn
from veil.synthesizers.text.base import TextSynthesizer
from veil.synthesizers.text.registry import register_text_synthesizer
from veil.synthesizers.text.templates import fill_template, template_slots


class TemplatePool:
    """Templates grouped by the slots they need, drawn uniformly among those a row can fill."""

    def __init__(self, templates: list[str]) -> None:
        self.templates = templates
        groups: dict[frozenset[str], list[int]] = {}
        for i, template in enumerate(templates):
            groups.setdefault(template_slots(template), []).append(i)
        self._groups = groups
        self._eligible: dict[frozenset[str], np.ndarray] = {}

    def eligible(self, available: frozenset[str]) -> np.ndarray:
        """Indices of the templates whose slots are all in ``available``."""
        if available not in self._eligible:
            picked = [i for slots, members in self._groups.items() if slots <= available for i in members]
            self._eligible[available] = np.asarray(sorted(picked), dtype=np.int64)
        return self._eligible[available]

    def draw(self, available: frozenset[str], rng: np.random.Generator) -> int | None:
        """A template index a row with ``available`` slots can fill, or ``None``."""
        choices = self.eligible(available)
        return int(choices[rng.integers(0, len(choices))]) if len(choices) else None


def available_slots(row: dict[str, object], by_slot: dict[str, tuple[str, str]]) -> frozenset[str]:
    """Slots whose column holds a non-empty value in ``row``."""
    return frozenset(
        slot
        for slot, (column, _) in by_slot.items()
        if isinstance(row.get(column), str) and str(row.get(column)).strip()
    )


class TemplatePoolSynthesizer(TextSynthesizer):
    """Base of the engines that keep the templates in a ``TemplatePool`` (state: the templates)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._pool = TemplatePool([])

    def _fit(self, templates: pd.Series, progress: ProgressFn | None) -> None:
        self._pool = TemplatePool([str(t) for t in templates])

    def _state(self) -> dict[str, Any]:
        return {"templates": list(self._pool.templates)}

    def _load_state(self, state: dict[str, Any]) -> None:
        self._pool = TemplatePool([str(t) for t in state["templates"]])


@register_text_synthesizer
class SurrogateTextSynthesizer(TemplatePoolSynthesizer):
    """Draws scrubbed templates a row can fill and fills them with the row's values."""

    name = "surrogate"

    def _sample(
        self, num_rows: int, rng: np.random.Generator, progress: ProgressFn | None, rows: list[dict[str, object]]
    ) -> list[str | None]:
        out: list[str | None] = []
        unfilled = 0
        by_slot = dict(self.slots.by_slot)
        for i, row in enumerate(rows):
            pick = self._pool.draw(available_slots(row, by_slot), rng)
            text = None if pick is None else fill_template(self._pool.templates[pick], row, self.slots)
            unfilled += text is None
            out.append(text)
            if progress and i % 1000 == 999:
                progress(i / num_rows)
        self.generation = {"templates": len(self._pool.templates), "unfilled_rows": unfilled, "slots": sorted(by_slot)}
        return out
