"""LLMClient against the fake OpenAI-compatible server over real loopback HTTP (real ``openai`` client)."""

from __future__ import annotations

import asyncio
import logging
import re
import socket
import threading

import numpy as np
import pydantic
import pytest

from tests.fakes import FakeOpenAIServer
from tests.fakes.openai_server import PII_SUFFIX, hashed_embedding, rewrite
from veil.synthesizers.errors import EngineError
from veil.synthesizers.text.llm import (
    ChatRequest,
    ChatResult,
    LLMSettings,
    OpenAIClient,
    create_llm_client,
)
from veil.synthesizers.text.prompts import load_list, load_prompt

SECRET = "sk-test-DO-NOT-LEAK-0123456789"
TEXTS = [
    f"Ticket {i}: the bracelet I ordered on the website arrived with a broken clasp and the box was open too."
    for i in range(12)
]


@pytest.fixture(scope="module")
def server():
    with FakeOpenAIServer() as fake:
        yield fake


@pytest.fixture(autouse=True)
def _fresh(server):
    server.reset()
    yield
    server.reset()


def make_client(server: FakeOpenAIServer, **overrides) -> OpenAIClient:
    settings = {
        "base_url": server.base_url,
        "model": "fake-chat",
        "api_key": SECRET,
        "concurrency": 4,
        "timeout_s": 5.0,
        "max_retries": 2,
        "prompt_cost_per_1k": 0.5,
        "completion_cost_per_1k": 1.5,
    }
    settings.update(overrides)
    client = create_llm_client(LLMSettings(**settings))
    assert isinstance(client, OpenAIClient)
    return client


def paraphrase(text: str, seed: int | None = None) -> ChatRequest:
    return ChatRequest(messages=load_prompt("paraphrase").render(text=text), seed=seed)


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def longest_shared_run(a: str, b: str) -> int:
    x, y = tokens(a), tokens(b)
    best, prev = 0, [0] * (len(y) + 1)
    for i in range(1, len(x) + 1):
        cur = [0] * (len(y) + 1)
        for j in range(1, len(y) + 1):
            if x[i - 1] == y[j - 1]:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


# ---------------------------------------------------------------- well-behaved


def test_batch_in_input_order_with_usage_and_cost(server):
    client = make_client(server)
    requests = [paraphrase(t, seed=i) for i, t in enumerate(TEXTS)]
    server.misbehave("slow", times=3, delay_s=0.3)  # the first arrivals finish last
    fractions: list[float] = []
    results = client.chat_many(requests, progress=fractions.append)

    assert [r.error for r in results] == [None] * len(TEXTS)
    for request, result in zip(requests, results):
        body = {"messages": request.messages, "seed": request.seed, "temperature": 0.9}
        assert result.text == server.answer(body)  # each answer belongs to its own request
        assert result.attempts == 1
    seen = server.requests
    assert len(seen) == len(TEXTS)
    assert {b["seed"] for b in seen} == set(range(len(TEXTS)))
    assert all(b["model"] == "fake-chat" and b["max_tokens"] == 400 for b in seen)

    prompt_tokens = sum(sum(len(m["content"].split()) for m in r.messages) for r in requests)
    completion_tokens = sum(len(r.text.split()) for r in results)
    usage = client.usage.to_dict()
    assert usage["requests"] == len(TEXTS) and usage["retries"] == 0 and usage["failures"] == {}
    assert usage["prompt_tokens"] == prompt_tokens == sum(r.prompt_tokens for r in results)
    assert usage["completion_tokens"] == completion_tokens
    assert usage["cost"] == pytest.approx(prompt_tokens / 1000 * 0.5 + completion_tokens / 1000 * 1.5, abs=1e-6)

    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(fractions) == len(TEXTS)


def test_request_overrides_are_sent(server):
    client = make_client(server)
    request = ChatRequest(
        messages=load_prompt("judge").render(text="a fine note", description="a note"),
        temperature=0.0,
        max_tokens=20,
        seed=7,
        model="fake-judge",
    )
    result = client.chat(request)
    assert result.error is None and result.text == '{"score": 5, "reason": "fluent and plausible"}'
    (body,) = server.requests
    assert (body["model"], body["temperature"], body["max_tokens"], body["seed"]) == ("fake-judge", 0.0, 20, 7)
    assert client.model == "fake-chat"


def test_concurrency_limit_respected(server):
    server.always("slow", delay_s=0.15)
    results = make_client(server, concurrency=3).chat_many([paraphrase(t) for t in TEXTS])
    assert all(r.error is None for r in results)
    assert 1 < server.max_in_flight <= 3

    server.reset()
    server.always("slow", delay_s=0.05)
    make_client(server, concurrency=1).chat_many([paraphrase(t) for t in TEXTS[:5]])
    assert server.max_in_flight == 1


def test_callable_from_several_threads(server):
    client = make_client(server)
    out: dict[int, list[ChatResult]] = {}

    def work(k: int) -> None:
        out[k] = client.chat_many([paraphrase(t, seed=k) for t in TEXTS[:6]])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    assert sorted(out) == [0, 1, 2]
    assert all(r.error is None for rs in out.values() for r in rs)
    assert client.usage.requests == 18


# ---------------------------------------------------------------- retries and failures


def test_rate_limit_then_success_counts_retries(server):
    server.misbehave("rate_limit", times=2)
    client = make_client(server)
    result = client.chat(paraphrase(TEXTS[0]))
    assert result.error is None and result.text
    assert result.attempts == 3
    assert server.counts[429] == 2 and server.counts["chat"] == 3
    usage = client.usage.to_dict()
    assert usage["retries"] == 2 and usage["retry_reasons"] == {"rate_limited": 2} and usage["failures"] == {}


def test_server_error_is_retried(server):
    server.misbehave("server_error")
    client = make_client(server)
    result = client.chat(paraphrase(TEXTS[0]))
    assert result.error is None and result.attempts == 2
    assert server.counts[503] == 1
    assert client.usage.retry_reasons == {"server_error": 1}


def test_persistent_rate_limit_fails_without_raising(server):
    server.always("rate_limit")
    client = make_client(server, max_retries=2)
    results = client.chat_many([paraphrase(TEXTS[0]), paraphrase(TEXTS[1])])
    assert [(r.error, r.text, r.attempts) for r in results] == [("rate_limited", None, 3)] * 2
    assert server.counts["chat"] == 6
    usage = client.usage.to_dict()
    assert usage["failures"] == {"rate_limited": 2} and usage["retries"] == 4


def test_timeout(server):
    server.always("slow", delay_s=1.5)
    client = make_client(server, timeout_s=0.2, max_retries=1)
    result = client.chat(paraphrase(TEXTS[0]))
    assert (result.error, result.text, result.attempts) == ("timeout", None, 2)
    assert client.usage.failures == {"timeout": 1} and client.usage.retry_reasons == {"timeout": 1}


def test_connection_refused():
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = LLMSettings(base_url=f"http://127.0.0.1:{port}/v1", model="m", max_retries=0, timeout_s=2)
    result = OpenAIClient(settings).chat(paraphrase(TEXTS[0]))
    assert (result.error, result.attempts) == ("connection", 1)


@pytest.mark.parametrize("kind", ["malformed", "empty"])
def test_malformed_or_empty_retried_once(server, kind):
    client = make_client(server)
    server.misbehave(kind)
    ok = client.chat(paraphrase(TEXTS[0]))
    assert ok.error is None and ok.text and ok.attempts == 2
    assert client.usage.retry_reasons == {kind: 1}

    server.reset()
    server.misbehave(kind, times=2)
    failed = client.chat(paraphrase(TEXTS[1]))
    assert (failed.error, failed.text, failed.attempts) == (kind, None, 2)
    assert server.counts["chat"] == 2  # exactly one fresh attempt, no more
    assert client.usage.failures == {kind: 1}


def test_copy_and_pii_come_back_as_text(server):
    # rejecting them is the validator's job, not the client's
    client = make_client(server)
    server.misbehave("copy_prompt")
    copied = client.chat(paraphrase(TEXTS[0]))
    assert copied.error is None and copied.text == TEXTS[0]
    server.misbehave("pii")
    leaky = client.chat(paraphrase(TEXTS[1]))
    assert leaky.error is None and leaky.text.endswith(PII_SUFFIX)


def test_missing_usage_counts_zero_tokens(server):
    server.misbehave("no_usage")
    client = make_client(server)
    result = client.chat(paraphrase(TEXTS[0]))
    assert result.error is None and result.text
    assert (result.prompt_tokens, result.completion_tokens, client.usage.cost) == (0, 0, 0.0)


# ---------------------------------------------------------------- embeddings


def test_embeddings_shape_and_normalisation(server):
    client = make_client(server)
    texts = [f"note number {i % 50} about a ring" for i in range(130)] + [""]
    matrix = client.embed(texts, model="fake-embed")
    assert matrix.shape == (131, 64) and matrix.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(matrix, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(matrix[3], hashed_embedding(texts[3]), atol=1e-6)
    np.testing.assert_array_equal(matrix[3], matrix[53])  # same text, same row, order kept
    assert not np.allclose(matrix[3], matrix[4])
    assert server.counts["embeddings"] == 2  # batched
    assert client.usage.prompt_tokens == sum(len(t.split()) for t in texts)
    assert client.embed([], model="fake-embed").shape == (0, 0)


def test_embeddings_failure_raises_engine_error():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = OpenAIClient(LLMSettings(base_url=f"http://127.0.0.1:{port}/v1", model="m", max_retries=0))
    with pytest.raises(EngineError):
        client.embed(["a"], model="e")
    assert client.usage.failures == {"connection": 1}


# ---------------------------------------------------------------- secrets, logs, misuse


def test_api_key_and_text_never_exposed(server, caplog):
    client = make_client(server)
    assert SECRET not in repr(client.settings) and SECRET not in str(client.settings)
    assert SECRET not in repr(client) and SECRET not in client.settings.model_dump_json()
    assert client.settings.api_key.get_secret_value() == SECRET
    marker = "Zebulon-unique-marker-text"
    request = paraphrase(f"{marker} wants the parcel back")
    assert marker not in repr(request)
    server.misbehave("rate_limit")
    server.misbehave("copy_prompt")
    with caplog.at_level(logging.DEBUG):
        result = client.chat(request)
    assert marker in result.text and marker not in repr(result)
    assert caplog.records  # something was logged, and none of it is secret or user text
    assert SECRET not in caplog.text and marker not in caplog.text
    with pytest.raises(pydantic.ValidationError) as info:  # a key pasted into the wrong field
        LLMSettings(base_url="nope", model="m", api_key=SECRET, token=SECRET)
    assert SECRET not in str(info.value) and "token" in str(info.value)


def test_empty_key_sends_placeholder():
    settings = LLMSettings(base_url="http://127.0.0.1:1/v1", model="m")
    assert settings.api_key_value() == "unused"


def test_misuse_raises(server):
    client = make_client(server)
    assert client.chat_many([]) == []
    with pytest.raises(TypeError):
        client.chat_many(["not a request"])  # type: ignore[list-item]
    with pytest.raises(ValueError):
        ChatRequest(messages=[])
    with pytest.raises(TypeError):
        ChatRequest(messages=[{"role": "user"}])
    with pytest.raises(pydantic.ValidationError):
        LLMSettings(base_url=server.base_url, model="m", concurrency=0)
    with pytest.raises(pydantic.ValidationError):
        LLMSettings(base_url=server.base_url, model="m", unknown_field=1)

    async def inside_loop() -> None:
        client.chat_many([paraphrase("x y z")])

    with pytest.raises(RuntimeError):
        asyncio.run(inside_loop())


def test_async_variant(server):
    client = make_client(server)
    results = asyncio.run(client.achat_many([paraphrase(t) for t in TEXTS[:3]]))
    assert [r.error for r in results] == [None] * 3


def test_progress_exception_propagates(server):
    class Cancelled(Exception):
        pass

    def progress(fraction: float) -> None:
        if fraction >= 0.25:
            raise Cancelled

    server.always("slow", delay_s=0.05)
    client = make_client(server, concurrency=2)
    with pytest.raises(Cancelled):
        client.chat_many([paraphrase(t) for t in TEXTS], progress=progress)
    assert server.counts["chat"] < len(TEXTS)  # the rest was cancelled, not sent


# ---------------------------------------------------------------- the fake's answers


def test_fake_rewrite_never_copies_8_tokens_and_varies():
    sources = TEXTS + [
        "indeed notably basically frankly honestly essentially clearly apparently admittedly naturally "
        "certainly evidently reportedly seemingly " * 2,
        "The customer said the order was late. It arrived broken! I need a refund now, please help.",
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen",
        "don't can't won't isn't aren't wasn't weren't hasn't haven't hadn't",
    ]
    for k, text in enumerate(sources):
        for key in range(20):
            out = rewrite(text, key * 7919 + k)
            assert longest_shared_run(out, text) < 8, (k, key)
    assert rewrite(TEXTS[0], 1) == rewrite(TEXTS[0], 1)
    assert len({rewrite(TEXTS[0], key) for key in range(10)}) > 5


def test_fake_answers_depend_on_persona_and_seed(server):
    client = make_client(server)
    _, personas = load_list("personas")
    persona = load_prompt("persona")
    requests = [ChatRequest(messages=persona.render(text=TEXTS[0], persona=p), seed=1) for p in personas[:4]]
    requests += [ChatRequest(messages=persona.render(text=TEXTS[0], persona=personas[0]), seed=s) for s in (2, 3)]
    requests += [ChatRequest(messages=persona.render(text=TEXTS[0], persona=personas[0]), seed=1)]  # a repeat
    texts = [r.text for r in client.chat_many(requests)]
    assert len(set(texts[:6])) == 6
    assert texts[6] == texts[0]
    assert all(longest_shared_run(t, TEXTS[0]) < 8 for t in texts)


def test_fake_pe_random_and_judge(server):
    client = make_client(server)
    random_prompt = load_prompt("pe_random").render(description="a support ticket", slots="none")
    texts = [r.text for r in client.chat_many([ChatRequest(messages=random_prompt, seed=0) for _ in range(8)])]
    assert all(t and len(t.split()) >= 4 for t in texts)
    assert len(set(texts)) >= 4
    judge = load_prompt("judge")
    scores = [
        r.text
        for r in client.chat_many(
            [
                ChatRequest(messages=judge.render(text=t, description="a ticket"))
                for t in ("Lorem ipsum dolor sit amet", "too short", "My order arrived damaged, please help.")
            ]
        )
    ]
    assert [s.split('"score": ')[1][0] for s in scores] == ["1", "1", "5"]
