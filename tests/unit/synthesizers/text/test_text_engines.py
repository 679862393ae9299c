"""The LLM text engines against the loopback fake server (and a stub that breaks slots)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from tests.fakes.openai_server import HARD_OPENER, FakeOpenAIServer
from veil.core.text import NgramIndex
from veil.privacy.dp.accounting import zcdp_rho_for
from veil.service.demo_data import make_demo_table
from veil.synthesizers import create_synthesizer
from veil.synthesizers.errors import InvalidConfigError, InvalidSampleRequestError, LLMUnavailableError
from veil.synthesizers.tabular.dp_base import TEXT_SHARE
from veil.synthesizers.text import create_text_synthesizer
from veil.synthesizers.text.llm import ChatResult, LLMSettings, LLMUsage, create_llm_client
from veil.synthesizers.text.llm.client import LLMClient

ENTITIES = {"customer_name": "PERSON", "email": "EMAIL_ADDRESS", "phone": "PHONE_NUMBER", "address": "ADDRESS"}
OPTIONS = {"embedder": "tfidf", "oversample": 2.0}


@pytest.fixture(scope="module")
def fake():
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture()
def llm(fake):
    fake.reset()
    return create_llm_client(LLMSettings(base_url=fake.base_url, model="writer", concurrency=4, max_retries=2))


@pytest.fixture(scope="module")
def notes():
    train = make_demo_table(120, seed=1)
    synthetic = make_demo_table(40, seed=2)[list(ENTITIES)]
    return train, synthetic


def _fitted(llm, notes, **options):
    train, _ = notes
    engine = create_text_synthesizer("llm_rewrite", seed=3, options={**OPTIONS, **options}, llm=llm)
    engine.fit(train["note"], context=train[list(ENTITIES)], entities=ENTITIES)
    return engine


def test_rewrites_name_their_row_and_share_no_long_run(llm, notes):
    train, synthetic = notes
    engine = _fitted(llm, notes)
    out = engine.sample(40, context=synthetic)
    gen = engine.generation
    assert gen["candidates"] >= 70 and gen["kept"] > 0.8 * gen["candidates"]
    assert gen["selected"] <= 40 and gen["unfilled_rows"] == 0
    assert out.notna().all()
    index = NgramIndex(list(train["note"]))
    assert max(index.longest_run(t) for t in out) < 8
    for _name, note in zip(synthetic["customer_name"], out):
        assert not any(n in note for n in train["customer_name"])  # no training person
    named = sum(name in note or name.split()[0] in note for name, note in zip(synthetic["customer_name"], out))
    assert named >= 15  # 5 of the 7 note templates name the customer
    assert gen["diversity_after"]["distinct_2"] >= gen["diversity_before"]["distinct_2"]
    assert llm.usage.prompt_tokens > 0 and llm.usage.requests >= gen["candidates"]


def test_hard_variants_go_to_the_rows_that_ask_for_them_and_through_the_gate(llm, fake, notes):
    _, synthetic = notes
    engine = _fitted(llm, notes)
    hard = np.arange(40) < 12
    out = engine.sample(40, context=synthetic, hard_rows=hard)
    gen = engine.generation
    assert {"hard.v1", "difficulties.v1"} <= set(gen["prompts"]) and gen["hard_variant_rows"] == 12
    variants = out.str.startswith(HARD_OPENER, na=False)
    assert out.notna().all() and variants[hard].all() and not variants[~hard].any()
    hard_prompts = [r for r in fake.requests if "veil-prompt: hard.v1" in r["messages"][0]["content"]]
    assert 20 <= len(hard_prompts) <= 40  # oversample 2 for the 12 rows asked, and for no other row
    # the gate checks hard variants as it checks every rewrite: with PII in every answer, none is emitted
    fake.always("pii")
    out = engine.sample(12, context=synthetic.iloc[:12].reset_index(drop=True), hard_rows=hard[:12])
    assert out.isna().all() and engine.generation["rejected"]["pii"] >= 0.75 * engine.generation["candidates"]
    fake.always(None)


def test_an_engine_that_makes_no_hard_variants_refuses_to_be_asked(notes):
    train, synthetic = notes
    engine = create_text_synthesizer("surrogate", seed=3)
    engine.fit(train["note"], context=train[list(ENTITIES)], entities=ENTITIES)
    with pytest.raises(InvalidSampleRequestError) as info:
        engine.sample(5, context=synthetic.iloc[:5].reset_index(drop=True), hard_rows=[True] * 5)
    assert [v[0] for v in info.value.violations] == ["hard_rows"]


def test_pii_and_prompt_copies_are_rejected_not_emitted(llm, fake, notes):
    _, synthetic = notes
    engine = _fitted(llm, notes)
    fake.always("pii")
    out = engine.sample(10, context=synthetic.iloc[:10].reset_index(drop=True))
    rejected = engine.generation["rejected"]
    assert sum(rejected.values()) == engine.generation["candidates"], rejected
    assert rejected["pii"] >= 0.75 * engine.generation["candidates"], rejected
    assert out.isna().all() and engine.generation["unfilled_rows"] == 10  # nothing unchecked gets through
    fake.always("copy_prompt")
    engine.sample(10, context=synthetic.iloc[:10].reset_index(drop=True))
    assert engine.generation["rejected"]["leakage"] >= 0.75 * engine.generation["candidates"]
    assert sum(engine.generation["rejected"].values()) == engine.generation["candidates"]
    fake.always(None)


def test_rate_limits_retried_then_reported_and_concurrency_capped(llm, fake, notes):
    _, synthetic = notes
    engine = _fitted(llm, notes, rewrite="paraphrase")
    fake.misbehave("rate_limit", times=3)
    fake.misbehave("empty", times=2)
    engine.sample(10, context=synthetic.iloc[:10].reset_index(drop=True))
    # three 429s retried by the client; an empty answer retried once (two in a row may hit one request)
    assert llm.usage.retry_reasons["rate_limited"] == 3 and llm.usage.retry_reasons["empty"] >= 1
    assert engine.generation["kept"] > 0
    fake.always("rate_limit")
    with pytest.raises(LLMUnavailableError) as info:  # an endpoint that answers nothing is an error, not empty notes
        engine.sample(5, context=synthetic.iloc[:5].reset_index(drop=True))
    assert "rate_limited" in str(info.value) and info.value.code == "UNAVAILABLE"
    assert llm.usage.failures["rate_limited"] >= 5
    fake.always("slow", delay_s=0.05)
    engine.sample(12, context=synthetic.iloc[:12].reset_index(drop=True))
    assert 1 < fake.max_in_flight <= 4
    fake.always(None)


class _SlotDropper(LLMClient):
    """Answers every rewrite with the slots spelled out as words (a model ignoring the instruction)."""

    model = "careless"

    def __init__(self) -> None:
        self.usage = LLMUsage()

    def chat_many(self, requests, *, progress=None):
        out = []
        for r in requests:
            text = r.messages[-1]["content"].split("<text>")[-1].split("</text>")[0]
            out.append(ChatResult(text="Note: " + text.replace("[[", "").replace("]]", "").strip() + " ok", error=None))
        return out

    def embed(self, texts, *, model):
        raise AssertionError("not used")


def test_lost_slots_are_rejected(notes):
    train, synthetic = notes
    engine = create_text_synthesizer(
        "llm_rewrite", seed=1, options={**OPTIONS, "rewrite": "paraphrase"}, llm=_SlotDropper()
    )
    engine.fit(train["note"], context=train[list(ENTITIES)], entities=ENTITIES)
    out = engine.sample(20, context=synthetic.iloc[:20].reset_index(drop=True))
    rejected = engine.generation["rejected"]
    assert rejected["slots"] > 0
    # notes without slots (the two templates naming nobody) may pass; none with a lost slot does
    assert not any("CUSTOMER_NAME" in t or "EMAIL" in t for t in out.dropna())


# --- DP text -----------------------------------------------------------------------------


def _dp_frame(n: int = 300) -> tuple[pd.DataFrame, dict[str, str]]:
    demo = make_demo_table(n, seed=4)
    frame = demo[["cut", "price", "customer_name", "note"]]
    return frame, {"cut": "categorical", "price": "numeric", "customer_name": "pii:PERSON", "note": "text"}


def test_pe_shares_the_dp_models_budget(fake, llm):
    frame, kinds = _dp_frame()
    synth = create_synthesizer(
        "dp_marginal",
        seed=1,
        epsilon=1.0,
        delta=1e-6,
        text_model="dp_private_evolution",
        text_options={"embedder": "minilm", "pe_iterations": 2, "pe_population": 16},
        llm=llm,
    )
    synth.fit(frame, kinds=kinds)
    epsilon, _ = synth.privacy_spent
    assert epsilon == pytest.approx(1.0, rel=1e-3)
    spends = synth.dp_books["rho_spends"]  # in order; a purpose may repeat (a pair measured twice)
    text = [r for p, r in spends if p.startswith("text:note:pe:vote:")]
    assert len(text) == 2
    # partition selection reserves part of delta: the same split the engine uses
    rho_all = sum(r for _, r in spends)
    assert sum(text) == pytest.approx(TEXT_SHARE * rho_all, rel=1e-9)
    out = synth.sample(50)
    assert out["note"].notna().mean() > 0.5
    assert synth.text_engines["note"].generation["kept"] == 16


def test_pe_alone_estimates_the_row_count_and_spends_all(fake, llm):
    frame, kinds = _dp_frame(400)
    frame, kinds = frame[["note"]].copy(), {"note": "text"}
    frame.loc[::4, "note"] = None  # their share is a fact about the data: not reproduced
    synth = create_synthesizer(
        "dp_marginal",
        seed=2,
        epsilon=4.0,
        text_model="dp_private_evolution",
        text_options={"embedder": "minilm", "pe_iterations": 2, "pe_population": 16},
        llm=llm,
    )
    synth.fit(frame, kinds=kinds)
    rho = sum(r for _, r in synth.dp_books["rho_spends"])
    assert rho == pytest.approx(zcdp_rho_for(4.0, 1e-6), rel=1e-9)
    assert synth.privacy_spent[0] == pytest.approx(4.0, rel=1e-3)
    assert abs(synth.estimated_rows - 300) < 120  # a noisy vote total of the 300 texts, not the exact count
    assert synth.text_engines["note"].null_share == 0.0


def test_pe_refuses_tfidf_and_running_outside_a_dp_model(fake, llm):
    with pytest.raises(InvalidConfigError) as info:
        create_text_synthesizer("dp_private_evolution", options={"embedder": "tfidf"}, llm=llm)
    assert info.value.violations[0][0] == "config.text.embedder"
    engine = create_text_synthesizer("dp_private_evolution", options={"embedder": "minilm"}, llm=llm)
    with pytest.raises(InvalidConfigError) as info:
        engine.fit(pd.Series(["a note"] * 5))
    assert info.value.violations[0][0] == "config.model"


def test_non_dp_text_engine_under_a_dp_model_is_withheld():
    frame, kinds = _dp_frame(200)
    synth = create_synthesizer("dp_marginal", seed=1, epsilon=1.0)
    synth.fit(frame, kinds=kinds)
    assert synth.text_engines == {}
    assert synth.sample(20)["note"].isna().all()
    assert not any(p.startswith("text:") for p, _ in synth.dp_books["rho_spends"])
    assert math.isfinite(synth.privacy_spent[0]) and np.isclose(synth.privacy_spent[0], 1.0, rtol=1e-3)


def test_dp_model_on_ids_and_withheld_text_pays_for_the_row_count():
    frame = make_demo_table(300, seed=5)[["order_id", "note"]]
    synth = create_synthesizer("dp_marginal", seed=3, epsilon=1.0)
    synth.fit(frame, kinds={"order_id": "id", "note": "text"})
    assert [p for p, _ in synth.dp_books["rho_spends"]] == ["row-count"]
    assert synth.dp_books["public"]["text_columns"].startswith("withheld")
    assert synth.privacy_spent[0] == pytest.approx(1.0, rel=1e-3)
    assert abs(synth.estimated_rows - 300) < 30
    out = synth.sample(synth.estimated_rows)
    assert out["note"].isna().all() and out["order_id"].notna().all()
