"""LLM rewriter: each synthetic row's text is a validated LLM rewrite of a scrubbed template.

For every output row the engine draws templates the row can fill (its slots
are the row's own PII columns), asks the LLM for more rewrites than it needs
(``oversample``) -- paraphrases, persona-driven rewrites, style rewrites or
back-translations -- and keeps, after validation, one text per embedding
cluster. Rows of a condition group that asks for hard variants get texts
rewritten to be harder to read (``hard.v1``: indirect, hedged, terse, the
point buried), drawn only from their own kind and through the same gate. The
LLM sees only scrubbed templates with slots like
``[[CUSTOMER_NAME]]``; the row's values are filled in afterwards, so the name
in a note is the row's name and never passes through the LLM.
"""

from __future__ import annotations

import logging

import numpy as np

from veil.core.progress import ProgressFn
from veil.synthesizers.text.generation import (
    GenerationBooks,
    Rewriter,
    build_validator,
    diverse_subset,
    embedder_for,
    require_some_answer,
    same_slots,
    source_allowances,
)
from veil.synthesizers.text.registry import register_text_synthesizer
from veil.synthesizers.text.surrogate import TemplatePoolSynthesizer, available_slots
from veil.synthesizers.text.templates import fill_template, template_slots

logger = logging.getLogger(__name__)


@register_text_synthesizer
class LLMRewriteSynthesizer(TemplatePoolSynthesizer):
    """Rewrites scrubbed templates with an LLM; validates, filters for diversity, fills the row's slots."""

    name = "llm_rewrite"
    makes_hard_variants = True

    def _sample(
        self, num_rows: int, rng: np.random.Generator, progress: ProgressFn | None, rows: list[dict[str, object]]
    ) -> list[str | None]:
        by_slot = dict(self.slots.by_slot)
        available = [available_slots(row, by_slot) for row in rows]
        books = GenerationBooks(generator_model=self.llm.model, judge_model=self.options.judge_model)
        # Candidates: per row, floor(oversample) rewrites plus one more with the fractional chance.
        whole, frac = divmod(self.options.oversample, 1.0)
        owners: list[int] = []
        sources: list[str] = []
        for i, slots in enumerate(available):
            for _ in range(int(whole) + int(rng.random() < frac)):
                pick = self._pool.draw(slots, rng)
                if pick is not None:
                    owners.append(i)
                    sources.append(self._pool.templates[pick])
        hard = [bool(self.hard_rows[i]) for i in owners] if len(self.hard_rows) else [False] * len(owners)
        texts = self._rewrite(sources, rng, books, progress, hard)
        books.candidates = len(texts)

        # The gate: slots kept, then format, leakage, PII re-scan and judge.
        validator, judge = build_validator(
            options=self.options,
            sources=self._pool.templates,
            llm=self.llm,
            generator_model=self.llm.model,
            pii_scanner=self.pii_scanner,
        )
        failed = [i for i, t in enumerate(texts) if t is None]
        lost = [i for i, t in enumerate(texts) if t is not None and not same_slots(sources[i], t)]
        books.rejected.update({"llm_error": len(failed), "slots": len(lost)})
        checked = [i for i, t in enumerate(texts) if t is not None and same_slots(sources[i], t)]
        outcome = validator.validate(
            [texts[i] for i in checked], allow=[source_allowances(sources[i]) for i in checked]
        )
        books.rejected.update(outcome.rejected)
        books.rejected = +books.rejected  # drop zero counts
        self.warnings = list(dict.fromkeys([*(judge.warnings if judge else []), *outcome.warnings]))
        kept = [checked[j] for j in outcome.kept]
        books.kept = len(kept)
        if progress:
            progress(0.85)

        # Diversity: one kept text per cluster, as many clusters as rows to fill (hard variants apart).
        wants_hard = self.hard_rows if len(self.hard_rows) else np.zeros(len(rows), dtype=bool)
        embedder = embedder_for(self.options, self.llm)
        chosen: list[int] = []
        for kind in sorted({bool(h) for h in wants_hard}):
            needed = sum(1 for i, s in enumerate(available) if wants_hard[i] == kind and self._pool.eligible(s).size)
            members = [k for k in kept if hard[k] == kind]
            picked = diverse_subset(
                [texts[k] for k in members],
                k=needed,
                embedder=embedder,
                seed=int(rng.integers(0, 2**31)),
                books=books if not kind else GenerationBooks(),  # the report's diversity: the ordinary texts'
            )
            chosen += [members[j] for j in picked]
        books.selected = len(chosen)
        out, reused, unfilled = self._assign(rows, available, owners, sources, texts, chosen, kept, rng, hard)
        books.extra = {
            "rewrite": self.options.rewrite,
            "oversample": self.options.oversample,
            "reused_texts": reused,
            "unfilled_rows": unfilled,
            "hard_variant_rows": int(np.count_nonzero(self.hard_rows)),
        }
        self.generation = books.to_dict()
        logger.info(
            "llm_rewrite: %d candidates, %d kept, %d selected, %d rows unfilled",
            books.candidates,
            books.kept,
            books.selected,
            unfilled,
        )
        return out

    def _rewrite(
        self,
        sources: list[str],
        rng: np.random.Generator,
        books: GenerationBooks,
        progress: ProgressFn | None,
        hard: list[bool],
    ) -> list[str | None]:
        """One rewrite per source (a hard variant where ``hard`` says so); back-translations take two calls."""
        rewriter = Rewriter(self.options)
        kinds = ["hard" if h else kind for kind, h in zip(rewriter.kinds(len(sources), rng), hard, strict=True)]
        requests = []
        for kind, source in zip(kinds, sources):
            request, used = rewriter.first_request(kind, source, rng)
            requests.append(request)
            books.prompts |= used
        first_share = 0.8 if "backtranslate" not in kinds else 0.5
        results = self.llm.chat_many(requests, progress=_scaled(progress, 0.0, first_share))
        require_some_answer(results, engine=self.name)
        texts = [r.text.strip() if r.text is not None else None for r in results]
        back = [i for i, k in enumerate(kinds) if k == "backtranslate" and texts[i]]
        if back:
            again = self.llm.chat_many(
                [rewriter.back_request(texts[i], rng) for i in back], progress=_scaled(progress, first_share, 0.8)
            )
            for i, r in zip(back, again):
                texts[i] = r.text.strip() if r.text is not None else None
        return texts

    def _assign(
        self,
        rows: list[dict[str, object]],
        available: list[frozenset[str]],
        owners: list[int],
        sources: list[str],
        texts: list[str | None],
        chosen: list[int],
        kept: list[int],
        rng: np.random.Generator,
        hard: list[bool],
    ) -> tuple[list[str | None], int, int]:
        """Give each row a chosen text it can fill: its own first, then an unused one, then a reused one.

        A row asked for a hard variant takes hard variants only, and the other rows take none.
        """
        unused = set(chosen)
        own: dict[int, list[int]] = {}
        for c in chosen:
            own.setdefault(owners[c], []).append(c)
        # Candidates grouped by kind and the slots they need, so a row looks only at groups it can fill.
        free: dict[tuple[bool, frozenset[str]], list[int]] = {}
        for c in chosen:
            free.setdefault((hard[c], template_slots(sources[c])), []).append(c)
        every: dict[tuple[bool, frozenset[str]], list[int]] = {}
        for c in kept:
            every.setdefault((hard[c], template_slots(sources[c])), []).append(c)
        wants_hard = self.hard_rows if len(self.hard_rows) else np.zeros(len(rows), dtype=bool)
        out: list[str | None] = []
        reused = unfilled = 0
        for i, row in enumerate(rows):
            fits = [(kind, slots) for kind, slots in every if kind == wants_hard[i] and slots <= available[i]]
            pick = next((c for c in own.get(i, []) if c in unused), None)
            if pick is None:
                pick = _draw([free[key] for key in fits if key in free], unused, rng)
            if pick is None:
                pick = _draw([every[key] for key in fits], None, rng)
                reused += pick is not None
            if pick is None:
                unfilled += 1
                out.append(None)
                continue
            unused.discard(pick)
            out.append(fill_template(texts[pick], row, self.slots))
        return out, reused, unfilled


def _draw(groups: list[list[int]], unused: set[int] | None, rng: np.random.Generator) -> int | None:
    """A random member of ``groups`` (only members still in ``unused``, when given); used ones met on the way
    are dropped from their group, so each is skipped at most once."""
    sizes = np.array([len(g) for g in groups], dtype=np.int64)
    while sizes.sum() > 0:
        g = int(rng.choice(len(groups), p=sizes / sizes.sum()))
        j = int(rng.integers(0, sizes[g]))
        c = groups[g][j]
        if unused is None or c in unused:
            return c
        groups[g][j] = groups[g][-1]  # drop a used member (order within a group does not matter)
        groups[g].pop()
        sizes[g] -= 1
    return None


def _scaled(progress: ProgressFn | None, lo: float, hi: float) -> ProgressFn | None:
    if progress is None:
        return None
    return lambda f: progress(lo + (hi - lo) * min(max(f, 0.0), 1.0))


__all__ = ["LLMRewriteSynthesizer"]
