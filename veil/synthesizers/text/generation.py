"""Shared steps of the LLM text engines: prompting, validation and the diversity filter.

Every generated text passes the same gate before it can enter the output:
the slots of its template must survive the rewrite unchanged, then the
validator's checks (format, verbatim leakage, a PII re-scan, the optional
judge), then the diversity filter picks one text per cluster among the
survivors. What was rejected, and why, goes to the engine's ``generation``
books and from there to the report.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from veil.synthesizers.errors import LLMUnavailableError
from veil.synthesizers.text.diversity import select_diverse
from veil.synthesizers.text.embedders import Embedder, create_embedder
from veil.synthesizers.text.llm import ChatRequest, ChatResult, LLMClient
from veil.synthesizers.text.options import TextOptions
from veil.synthesizers.text.prompts import load_list, load_prompt
from veil.synthesizers.text.templates import slot_tokens
from veil.synthesizers.text.validation import Judge, PiiScanner, TextValidator, presidio_scanner

_CONTACT_LIKE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d ()./-]{5,}\d")


def require_some_answer(results: Sequence[ChatResult], *, engine: str) -> None:
    """Raise ``LLMUnavailableError`` when not one of a round's requests got an answer.

    A few failures are rejections the report counts; all of them means the endpoint is down, and
    emitting empty texts would hide that.
    """
    if results and all(r.error is not None for r in results):
        kinds = Counter(r.error for r in results)
        detail = ", ".join(f"{k} {n}" for k, n in kinds.most_common())
        raise LLMUnavailableError(
            f"{engine}: every request to the LLM endpoint failed ({detail})",
            violations=[("config.text.llm_base_url", "the endpoint answered no request")],
        )


def source_allowances(source: str) -> list[str]:
    """What a rewrite of ``source`` may carry without being a PII hit: the surrogates already in it.

    The source is scrubbed (its people are surrogates); its words cover kept names, and its
    e-mail- or phone-like strings are listed whole so they match in any format.
    """
    return [source, *_CONTACT_LIKE.findall(source)]


def same_slots(source: str, candidate: str) -> bool:
    """Whether a rewrite kept exactly the source's slots (each as often as in the source)."""
    return Counter(slot_tokens(source)) == Counter(slot_tokens(candidate))


@dataclass
class GenerationBooks:
    """Counters of one generation run, for the report (no text content)."""

    generator_model: str = ""
    judge_model: str = ""
    prompts: set[str] = field(default_factory=set)
    candidates: int = 0
    kept: int = 0
    selected: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    diversity_before: dict[str, float] = field(default_factory=dict)
    diversity_after: dict[str, float] = field(default_factory=dict)
    extra: dict[str, object] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "generator_model": self.generator_model,
            "judge_model": self.judge_model,
            "prompts": sorted(self.prompts),
            "candidates": self.candidates,
            "kept": self.kept,
            "selected": self.selected,
            "rejected": dict(self.rejected),
            "diversity_before": self.diversity_before,
            "diversity_after": self.diversity_after,
            **self.extra,
        }


class Rewriter:
    """Builds the rewrite requests of ``llm_rewrite`` (paraphrase, persona, style, back-translation, and the
    hard variants of condition groups that ask for them)."""

    def __init__(self, options: TextOptions) -> None:
        self.options = options
        self.prompts = {name: load_prompt(name) for name in ("paraphrase", "persona", "style", "translate", "hard")}
        self.personas = load_list("personas")
        self.styles = load_list("styles")
        self.languages = load_list("languages")
        self.difficulties = load_list("difficulties")

    def kinds(self, count: int, rng: np.random.Generator) -> list[str]:
        if self.options.rewrite != "mixed":
            return [self.options.rewrite] * count
        return list(rng.choice(["paraphrase", "persona", "style", "backtranslate"], size=count))

    def first_request(self, kind: str, text: str, rng: np.random.Generator) -> tuple[ChatRequest, set[str]]:
        """The first (or only) request of a rewrite, and the prompt/list ids it used."""
        seed = int(rng.integers(0, 2**31))
        if kind == "persona":
            return self._request("persona", seed, text=text, persona=_pick(self.personas[1], rng)), {
                self.prompts["persona"].id,
                self.personas[0],
            }
        if kind == "style":
            return self._request("style", seed, text=text, style=_pick(self.styles[1], rng)), {
                self.prompts["style"].id,
                self.styles[0],
            }
        if kind == "hard":
            return self._request("hard", seed, text=text, difficulty=_pick(self.difficulties[1], rng)), {
                self.prompts["hard"].id,
                self.difficulties[0],
            }
        if kind == "backtranslate":
            return self._request("translate", seed, text=text, language=_pick(self.languages[1], rng)), {
                self.prompts["translate"].id,
                self.languages[0],
            }
        return self._request("paraphrase", seed, text=text), {self.prompts["paraphrase"].id}

    def back_request(self, text: str, rng: np.random.Generator) -> ChatRequest:
        """The second leg of a back-translation: into English again."""
        return self._request("translate", int(rng.integers(0, 2**31)), text=text, language="English")

    def _request(self, prompt: str, seed: int, **fields: str) -> ChatRequest:
        return ChatRequest(messages=self.prompts[prompt].render(**fields), seed=seed)


def _pick(items: Sequence[str], rng: np.random.Generator) -> str:
    return str(items[int(rng.integers(0, len(items)))])


def build_validator(
    *,
    options: TextOptions,
    sources: Sequence[str],
    llm: LLMClient,
    generator_model: str,
    pii_scanner: PiiScanner | None = None,
) -> tuple[TextValidator, Judge | None]:
    """The validation gate of an LLM engine (the judge only when a judge model is set).

    Args:
        options: The engine's text options (leakage n-gram, judge settings).
        sources: The texts the candidates were made from (verbatim-leakage reference).
        llm: Client of the endpoint; the judge calls it too.
        generator_model: Model that generates the candidates (the judge must differ unless allowed).
        pii_scanner: The PII re-scan, e.g. over the service's own Presidio engine (its spaCy model,
            allow/deny lists and locale). ``None`` (library use): one default-configured engine,
            loaded once per process and shared.
    """
    if pii_scanner is None:
        pii_scanner = presidio_scanner()
    judge = None
    if options.judge_model:
        judge = Judge(
            client=llm,
            model=options.judge_model,
            generator_model=generator_model,
            allow_same=options.allow_same_judge,
            min_score=options.judge_min_score,
            description=options.description,
        )
    validator = TextValidator(
        sources=sources, leakage_ngram=options.leakage_ngram, pii_scanner=pii_scanner, judge=judge
    )
    return validator, judge


def embedder_for(options: TextOptions, llm: LLMClient | None) -> Embedder:
    return create_embedder(options.embedder, llm=llm, model=options.embedding_model)


def diverse_subset(texts: Sequence[str], *, k: int, embedder: Embedder, seed: int, books: GenerationBooks) -> list[int]:
    """Indices of ``k`` texts, one per embedding cluster; diversity before/after go to ``books``."""
    if not texts:
        return []
    embeddings = embedder.fit(list(texts)).embed(list(texts))
    selection = select_diverse(list(texts), embeddings, k=max(1, k), seed=seed)
    books.diversity_before = dict(selection.before)
    books.diversity_after = dict(selection.after)
    return list(selection.indices)


__all__ = [
    "GenerationBooks",
    "Rewriter",
    "build_validator",
    "diverse_subset",
    "embedder_for",
    "require_some_answer",
    "same_slots",
    "source_allowances",
]
