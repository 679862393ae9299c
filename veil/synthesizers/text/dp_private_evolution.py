"""DP text through Private Evolution (Aug-PE): the LLM never sees a private text.

The LLM writes texts from a public description only (``pe_random``) and
variations of its own texts (``pe_variation``); the private texts only vote,
in embedding space, for their nearest synthetic candidate, and the vote
histogram is released with Gaussian noise (``private_evolution``). The zCDP
ρ of the votes is drawn from the DP model's budget, which states the job's
(ε, δ).

What would make the output depend on the private texts outside the
accountant's view is left out on purpose: the embedder must be pretrained
(a TF-IDF vocabulary learnt from the private texts would leak it), and the
validation of generated texts uses no private text (no verbatim-leakage
filter, no length bound taken from the sources; the PII re-scan, the format
checks and the judge are data-independent), and the share of null texts is
not reproduced (no null is emitted).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from veil.core.progress import ProgressFn
from veil.synthesizers.errors import InvalidConfigError
from veil.synthesizers.text.generation import GenerationBooks, build_validator, embedder_for, require_some_answer
from veil.synthesizers.text.llm import ChatRequest
from veil.synthesizers.text.private_evolution import PEParams, run_private_evolution
from veil.synthesizers.text.prompts import load_prompt
from veil.synthesizers.text.registry import register_text_synthesizer
from veil.synthesizers.text.surrogate import TemplatePool, TemplatePoolSynthesizer, available_slots
from veil.synthesizers.text.templates import fill_template

logger = logging.getLogger(__name__)

Spend = Callable[[str, float], None]

PRETRAINED_EMBEDDERS = ("minilm", "openai")


@register_text_synthesizer
class PrivateEvolutionSynthesizer(TemplatePoolSynthesizer):
    """Aug-PE text generation, charged to the DP model's budget (see ``set_budget``)."""

    name = "dp_private_evolution"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if self.options.embedder not in PRETRAINED_EMBEDDERS:
            raise InvalidConfigError(
                "dp_private_evolution needs a pretrained embedder",
                violations=[
                    (
                        "config.text.embedder",
                        f"must be one of {', '.join(PRETRAINED_EMBEDDERS)}: a TF-IDF "
                        "vocabulary learnt from the private texts would leak it",
                    )
                ],
            )
        self._rho: float | None = None
        self._spend: Spend | None = None
        self.estimated_rows: int | None = None

    def set_budget(self, *, rho: float, spend: Spend) -> None:
        """The zCDP ρ this engine may spend, and where each spend is recorded (before it happens)."""
        self._rho, self._spend = float(rho), spend

    def _fit(self, templates: pd.Series, progress: ProgressFn | None) -> None:
        if self._rho is None or self._spend is None:
            raise InvalidConfigError(
                "dp_private_evolution runs inside a DP model, which gives it its budget",
                violations=[("config.model", "use dp_marginal or dp_sgd with an epsilon")],
            )
        books = GenerationBooks(generator_model=self.llm.model, judge_model=self.options.judge_model)
        validator, judge = build_validator(
            options=self.options, sources=[], llm=self.llm, generator_model=self.llm.model, pii_scanner=self.pii_scanner
        )
        random_prompt, variation_prompt = load_prompt("pe_random"), load_prompt("pe_variation")
        books.prompts |= {random_prompt.id, variation_prompt.id}
        # The person's name first: it is the placeholder a text most often needs.
        slot_hint = (
            ", ".join(
                f"[[{s}]]"
                for s, (_, entity) in sorted(
                    self.slots.by_slot.items(), key=lambda item: (item[1][1] != "PERSON", item[0])
                )
            )
            or "none"
        )

        # The placeholders are not PII (a tagger may read [[CUSTOMER_NAME]] as a name).
        placeholders = [f"[[{s}{part}]]" for s in self.slots.by_slot for part in ("", ":FIRST", ":LAST")]

        def gate(texts: Sequence[str | None]) -> list[str | None]:
            texts = [t.strip() if isinstance(t, str) else None for t in texts]
            outcome = validator.validate(texts, allow=[placeholders] * len(texts))
            books.candidates += len(texts)
            books.rejected.update(outcome.rejected)
            keep = set(outcome.kept)
            return [t if i in keep else None for i, t in enumerate(texts)]

        def generate_random(n: int, seed: int) -> list[str | None]:
            rng = np.random.default_rng(seed)
            requests = [
                ChatRequest(
                    messages=random_prompt.render(description=self.options.description, slots=slot_hint),
                    seed=int(rng.integers(0, 2**31)),
                )
                for _ in range(n)
            ]
            results = self.llm.chat_many(requests)
            require_some_answer(results, engine=self.name)
            return gate([r.text for r in results])

        def generate_variations(texts: list[str], seed: int) -> list[str | None]:
            rng = np.random.default_rng(seed)
            requests = [
                ChatRequest(
                    messages=variation_prompt.render(text=t, description=self.options.description),
                    seed=int(rng.integers(0, 2**31)),
                )
                for t in texts
            ]
            results = self.llm.chat_many(requests)
            require_some_answer(results, engine=self.name)
            return gate([r.text for r in results])

        embedder = embedder_for(self.options, self.llm)
        private = embedder.embed([str(t) for t in templates])
        result = run_private_evolution(
            private_embeddings=private,
            generate_random=generate_random,
            generate_variations=generate_variations,
            embed=embedder.embed,
            params=PEParams(iterations=self.options.pe_iterations, population=self.options.pe_population),
            rho=self._rho,
            seed=self.seed,
            spend=self._spend,
            progress=progress,
        )
        self._pool = TemplatePool(list(result.texts))
        self.estimated_rows = int(result.books["estimated_private_rows"])
        books.kept = books.selected = len(result.texts)
        books.rejected = +books.rejected
        books.extra = {
            "private_evolution": {k: v for k, v in result.books.items() if k not in ("estimated_private_rows",)},
            "population": len(result.texts),
        }
        self.warnings = list(judge.warnings) if judge else []
        self.generation = books.to_dict()

    def _sample(
        self, num_rows: int, rng: np.random.Generator, progress: ProgressFn | None, rows: list[dict[str, object]]
    ) -> list[str | None]:
        by_slot = dict(self.slots.by_slot)
        out: list[str | None] = []
        picks: Counter[int] = Counter()
        for row in rows:
            pick = self._pool.draw(available_slots(row, by_slot), rng)
            picks[pick] += 1
            out.append(None if pick is None else fill_template(self._pool.templates[pick], row, self.slots))
        self.generation = {
            **self.generation,
            "unfilled_rows": picks[None],
            "distinct_texts_used": len([p for p in picks if p is not None]),
        }
        return out

    def _state(self) -> dict[str, Any]:
        return {**super()._state(), "estimated_rows": self.estimated_rows}

    def _load_state(self, state: dict[str, Any]) -> None:
        super()._load_state(state)
        self.estimated_rows = state.get("estimated_rows")
