"""The text side of a synthesis job: endpoint and options, canaries, text reports.

The LLM endpoint comes from the service's configuration (which alone holds the
API key); a request may name another endpoint only when the configuration
allows it, so a caller cannot make the service send data anywhere it likes.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass

import numpy as np
import pandas as pd

from veil.core.errors import ViolationCollector
from veil.core.text import NgramIndex, tokens
from veil.reports.errors import TextEngineWarning, UnfilledTextWarning
from veil.reports.text import TextColumnReport, canary_exposure, embedding_sample, text_column_report
from veil.service.config import ServiceConfig
from veil.synthesizers.catalog import TABULAR, TEXT
from veil.synthesizers.errors import SynthesizerError
from veil.synthesizers.text.dp_private_evolution import PRETRAINED_EMBEDDERS
from veil.synthesizers.text.embedders import (
    Embedder,
    MiniLMEmbedder,
    PrefetchingEmbedder,
    available_embedders,
    create_embedder,
)
from veil.synthesizers.text.embedding_worker import WorkerMiniLMEmbedder
from veil.synthesizers.text.llm import LLMClient, LLMSettings, create_llm_client
from veil.synthesizers.text.options import TextOptions

logger = logging.getLogger(__name__)

MAX_CANARIES = 50
REPORT_TEXTS = 250
"""Texts per side the embedding-based report metrics use (a seeded subsample, stated with the AUC's interval;
leakage, length and duplicates use all). 250 a side: the classifier AUC within about +-0.05, at half the
embedding work of 500 (the largest cost of a job with text)."""


@dataclass(frozen=True)
class TextPlan:
    """What a job needs to generate and report its text columns."""

    columns: tuple[str, ...]
    options: TextOptions
    llm: LLMSettings | None
    embedder: str
    canaries: int

    @property
    def judge_warning(self) -> str | None:
        if self.options.judge_model and self.options.judge_model == self.options.llm_model:
            return (
                f"judge and generator are the same model ({self.options.llm_model}): the judge may prefer its "
                "own texts (self-preference)"
            )
        return None


def plan_text(
    *,
    model: str,
    text_model: str,
    text: Mapping[str, object],
    kinds: Mapping[str, str],
    service: ServiceConfig,
    problems: ViolationCollector,
) -> TextPlan:
    """Resolve the text options of a request against the service's configuration; problems are collected."""
    columns = tuple(c for c, k in kinds.items() if k == "text")
    # The request's TextConfig fields that are TextOptions (the rest: the endpoint and canaries).
    given = {k: v for k, v in text.items() if k in TextOptions.model_fields}
    given.setdefault("embedder", service.text_embedder)
    given.setdefault("embedding_model", service.llm_embedding_model)
    needs_llm = text_model in TEXT.names(needs_llm=True) and bool(columns)
    if needs_llm or given["embedder"] == "openai":
        given.setdefault("llm_model", service.llm_model)
    if needs_llm:
        if service.judge_model and "judge_model" not in text:
            given["judge_model"] = service.judge_model
    try:
        options = TextOptions.coerce(given)
    except SynthesizerError as exc:
        for field, message in exc.violations:
            problems.add(field, message, reason="BAD_TEXT_CONFIG")
        options = TextOptions()
    if options.embedder not in available_embedders():
        problems.add(
            "config.text.embedder",
            f"not an embedder of this service; known: {', '.join(available_embedders())}",
            reason="BAD_TEXT_CONFIG",
        )
    canaries = int(text.get("canaries", 0) or 0)
    if not 0 <= canaries <= MAX_CANARIES:
        problems.add("config.text.canaries", f"must be between 0 and {MAX_CANARIES}", reason="BAD_TEXT_CONFIG")
    dp_text = text_model in TEXT.names(differentially_private=True)
    if dp_text and options.embedder not in PRETRAINED_EMBEDDERS:
        problems.add(
            "config.text.embedder",
            f"{text_model} needs a pretrained embedder "
            f"({', '.join(PRETRAINED_EMBEDDERS)}): a TF-IDF vocabulary learnt from the private texts "
            "would leak it",
            reason="BAD_TEXT_CONFIG",
        )
    dp_models = TABULAR.names(differentially_private=True)
    if dp_text and model not in dp_models:
        problems.add(
            "config.text_model",
            f"{text_model} is differentially private: use it with a DP model ({', '.join(dp_models)}) and an epsilon",
            reason="NOT_A_DP_MODEL",
        )
    llm = _llm_settings(text, options, service, problems) if needs_llm else None
    if not needs_llm and options.embedder == "openai":
        llm = _llm_settings(text, options, service, problems)
    if options.judge_model and options.judge_model == options.llm_model and not options.allow_same_judge:
        problems.add(
            "config.text.judge_model",
            "must differ from the generator model (or set allow_same_judge)",
            reason="SAME_JUDGE",
        )
    return TextPlan(columns=columns, options=options, llm=llm, embedder=options.embedder, canaries=canaries)


def _llm_settings(
    text: Mapping[str, object], options: TextOptions, service: ServiceConfig, problems: ViolationCollector
) -> LLMSettings | None:
    base_url = str(text.get("llm_base_url") or service.llm_base_url)
    allowed = {u.rstrip("/") for u in (service.llm_base_url, *service.llm_allowed_base_urls) if u}
    if not base_url:
        problems.add(
            "config.text.llm_base_url",
            "this text model needs an LLM endpoint and the service has none configured",
            reason="LLM_ENDPOINT_REQUIRED",
        )
        return None
    if base_url.rstrip("/") not in allowed:
        problems.add(
            "config.text.llm_base_url",
            "not an endpoint this service may call (see llm_allowed_base_urls)",
            reason="LLM_ENDPOINT_NOT_ALLOWED",
        )
        return None
    if not options.llm_model:
        problems.add(
            "config.text.llm_model",
            "this text model needs a generator model and the service has no default",
            reason="LLM_MODEL_REQUIRED",
        )
        return None
    try:
        return LLMSettings(
            base_url=base_url,
            model=options.llm_model,
            api_key=service.llm_api_key,
            concurrency=service.llm_concurrency,
            timeout_s=service.llm_timeout_s,
            max_retries=service.llm_max_retries,
            prompt_cost_per_1k=service.llm_prompt_cost_per_1k,
            completion_cost_per_1k=service.llm_completion_cost_per_1k,
        )
    except ValueError as exc:  # pydantic: a malformed URL (its value is hidden from the message)
        problems.add("config.text.llm_base_url", f"invalid endpoint ({type(exc).__name__})", reason="BAD_TEXT_CONFIG")
        return None


def open_llm(plan: TextPlan) -> LLMClient | None:
    """The job's LLM client (its usage is the job's token and cost count), or ``None``."""
    return create_llm_client(plan.llm) if plan.llm is not None else None


def open_embedder(plan: TextPlan, llm: LLMClient | None, *, worker: bool = False) -> Embedder:
    """The report's embedder; a pre-trained one can embed ahead (:func:`prefetch_report_texts`).

    ``worker``: the bundled MiniLM model runs in the service's embedding worker process.
    """
    if worker and plan.embedder == MiniLMEmbedder.name:
        embedder: Embedder = WorkerMiniLMEmbedder()
    else:
        embedder = create_embedder(plan.embedder, llm=llm, model=plan.options.embedding_model)
    return PrefetchingEmbedder(embedder) if plan.embedder in PRETRAINED_EMBEDDERS else embedder


def beside_prefetch(embedder: Embedder | None) -> AbstractContextManager[object]:
    """Numeric libraries on one thread while an embedder works ahead on the other core.

    Two thread pools spin-waiting on the same two cores slow each other down more than either
    gains from its second thread.
    """
    if isinstance(embedder, PrefetchingEmbedder) and embedder.busy:
        from threadpoolctl import threadpool_limits

        return threadpool_limits(limits=1)
    return nullcontext()


def prefetch_report_texts(
    embedder: Embedder, frame: pd.DataFrame, plan: TextPlan, *, side: int, seed: int, released: bool = True
) -> None:
    """Start embedding the texts the report will embed on one side (``REAL_SAMPLE`` or ``SYNTHETIC_SAMPLE``).

    The holdout side can start before the fit, the synthetic side before the release gate and again
    before the tabular report: the embedder then works on the core that those mostly single-threaded
    stages leave idle. Texts not yet through the gate (``released=False``) are embedded only by a local
    model: they may still carry a raw value, and must not reach an embedding endpoint.
    """
    if not isinstance(embedder, PrefetchingEmbedder) or not (released or embedder.local):
        return
    for column in plan.columns:
        embedder.prefetch(embedding_sample(frame[column], side=side, max_texts=REPORT_TEXTS, seed=seed))


# --- canaries ------------------------------------------------------------------------

# fmt: off
_CANARY_WORDS = ("amber", "birch", "cobalt", "dune", "ember", "fjord", "garnet", "harbor", "indigo", "juniper",
                 "kestrel", "lagoon", "marble", "nectar", "onyx", "pepper", "quartz", "raven", "saffron", "tundra",
                 "umber", "velvet", "willow", "xenon", "yarrow", "zephyr")
# fmt: on


def make_canaries(count: int, *, seed: int) -> list[str]:
    """``count`` unique sentences no real text contains (a random phrase of six rare words and a number)."""
    rng = np.random.default_rng([seed, 0xCA9A])
    out: list[str] = []
    while len(out) < count:
        words = " ".join(rng.choice(_CANARY_WORDS, size=6, replace=False))
        out.append(f"The archive passphrase is {words} {int(rng.integers(1000, 9999))}.")
    return out


def plant_canaries(train: pd.DataFrame, columns: Sequence[str], canaries: Sequence[str], *, seed: int) -> pd.DataFrame:
    """A copy of ``train`` whose text columns carry each canary, appended to one or to three random texts.

    Half the canaries appear once and half three times: exposure is reported for both.
    """
    if not canaries or not columns:
        return train
    planted = train.copy()
    rng = np.random.default_rng([seed, 0x9147])
    for col in columns:
        values = planted[col].astype(object).to_list()
        for i, canary in enumerate(canaries):
            repeats = 1 if i % 2 == 0 else 3
            for row in rng.choice(len(values), size=min(repeats, len(values)), replace=False):
                base = values[row] if isinstance(values[row], str) else ""
                values[row] = f"{base} {canary}".strip()
        planted[col] = pd.Series(values, index=planted.index, dtype=object)
    return planted


def strip_canaries(
    synthetic: pd.DataFrame, columns: Sequence[str], canaries: Sequence[str], *, threshold: int
) -> tuple[pd.DataFrame, int]:
    """Canaries never reach the output: exact copies are cut; a text that still shares a run of
    tokens with one, or three of its rare words (a paraphrase), is dropped."""
    if not canaries or not columns:
        return synthetic, 0
    index = NgramIndex(list(canaries))
    exact = re.compile("|".join(re.escape(c) for c in canaries))
    secrets = [set(tokens(c)) & set(_CANARY_WORDS) for c in canaries]
    dropped = 0
    out = synthetic.copy()
    for col in columns:
        values = out[col].astype(object).to_list()
        for i, text in enumerate(values):
            if not isinstance(text, str):
                continue
            if exact.search(text):
                text = " ".join(exact.sub("", text).split())
            words = set(tokens(text))
            if index.longest_run(text) >= min(threshold, 4) or any(len(words & s) >= 3 for s in secrets):
                text, dropped = None, dropped + 1
            values[i] = text
        out[col] = pd.Series(values, index=out.index, dtype=object)
    return out, dropped


# --- reports ---------------------------------------------------------------------------


def text_reports(
    *,
    synth: object,
    plan: TextPlan,
    train: pd.DataFrame,
    holdout: pd.DataFrame,
    synthetic: pd.DataFrame,
    exposed: pd.DataFrame,
    embedder: Embedder,
    llm: LLMClient | None,
    replays: Mapping[str, int],
    canaries: Sequence[str],
    seed: int,
) -> list[TextColumnReport]:
    """One report per text column.

    ``exposed`` is the output before canaries were stripped (what the engine produced), so the canary
    exposure is measured on it; every other measure is of the released ``synthetic``.
    """
    engines = getattr(synth, "text_engines", {})
    reports = []
    for col in plan.columns:
        engine = engines.get(col)
        generation = dict(engine.generation) if engine is not None else {"withheld": True}
        if llm is not None and engine is not None and engine.needs_llm:
            generation["usage"] = llm.usage.to_dict()
        report = text_column_report(
            column=col,
            engine=engine.name if engine is not None else "withheld",
            train=train[col].to_list(),
            holdout=holdout[col].to_list(),
            synthetic=synthetic[col].to_list(),
            embed=embedder.embed,
            seed=seed,
            threshold=plan.options.leakage_ngram,
            max_texts=REPORT_TEXTS,
        )
        report.leakage.pii_replay = int(replays.get(col, 0))
        if canaries:
            planted, exposed_count = canary_exposure(
                canaries, [t for t in exposed[col] if isinstance(t, str)], threshold=plan.options.leakage_ngram
            )
            report.leakage.canaries_planted = planted
            report.leakage.canaries_exposed = exposed_count
            report.leakage.canary_exposure = exposed_count / planted if planted else math.nan
        report.generation = generation
        if engine is not None:
            for note in engine.warnings:
                report.warn(TextEngineWarning(note))
            if generation.get("unfilled_rows"):
                report.warn(
                    UnfilledTextWarning(
                        f"text column {col!r}: {generation['unfilled_rows']} rows got no text "
                        "(no validated text fitted them; see the rejected counts)"
                    )
                )
        if plan.judge_warning and engine is not None and engine.needs_llm:
            report.warn(TextEngineWarning(plan.judge_warning))
        reports.append(report)
    return reports
