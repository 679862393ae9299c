"""Embedders: MiniLM semantics, TF-IDF determinism, the OpenAI adapter and the registry."""

from __future__ import annotations

import numpy as np
import pytest

from veil.synthesizers.errors import InvalidConfigError, UnknownSynthesizerError
from veil.synthesizers.text.embedders import (
    MiniLMEmbedder,
    OpenAIEmbedder,
    PrefetchingEmbedder,
    TfidfEmbedder,
    available_embedders,
    create_embedder,
)

TEXTS = [
    "My order arrived broken and I want a refund.",
    "The package came damaged, please give me my money back.",
    "What time does the store open on Sundays?",
    "Can I change the delivery address of my order?",
    "The app crashes every time I open the settings page.",
    "I forgot my password and cannot log in.",
]


def _unit_rows(x: np.ndarray) -> bool:
    return bool(np.allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5))


def test_registry_names_and_errors():
    assert available_embedders() == ["minilm", "openai", "tfidf"]
    with pytest.raises(UnknownSynthesizerError) as err:
        create_embedder("word2vec")
    assert err.value.violations[0][0] == "config.text.embedder"
    assert "minilm" in str(err.value) and "tfidf" in str(err.value)
    with pytest.raises(InvalidConfigError) as err:
        create_embedder("openai")
    assert err.value.violations[0][0] == "config.text.embedder"
    assert isinstance(create_embedder("tfidf"), TfidfEmbedder)
    assert isinstance(create_embedder("minilm"), MiniLMEmbedder)


def test_minilm_paraphrases_closer_than_unrelated():
    emb = create_embedder("minilm").embed(TEXTS)
    assert emb.dtype == np.float32 and emb.shape == (len(TEXTS), 384)
    assert _unit_rows(emb)
    sim = emb @ emb.T
    paraphrase = sim[0, 1]
    unrelated = max(sim[0, 2], sim[0, 4], sim[1, 2], sim[1, 4])
    assert paraphrase > unrelated + 0.2


def test_minilm_empty_and_cached_model():
    a, b = MiniLMEmbedder(), MiniLMEmbedder()
    assert a.embed([]).shape == (0, 384)
    np.testing.assert_allclose(a.embed(TEXTS[:2]), b.embed(TEXTS[:2]), atol=1e-6)


def test_tfidf_deterministic_normalised_and_fits_on_first_call():
    corpus = [f"{t} extra words number {i}" for i, t in enumerate(TEXTS * 5)]
    one = TfidfEmbedder(seed=3)
    assert not one.fitted
    a = one.embed(corpus)
    assert one.fitted
    b = TfidfEmbedder(seed=3).fit(corpus).embed(corpus)
    assert a.dtype == np.float32 and a.shape[0] == len(corpus) and 2 <= a.shape[1] <= 128
    np.testing.assert_array_equal(a, b)
    assert _unit_rows(a)
    # Shares the vocabulary learnt on the first call: the same text embeds the same later.
    np.testing.assert_allclose(one.embed([corpus[0]])[0], a[0], atol=1e-6)
    # Word overlap drives similarity: a text is nearest to itself among different ones.
    sim = a @ a.T
    assert int(np.argmax(sim[0])) == 0


def test_tfidf_unknown_words_give_zero_row_and_empty_input():
    emb = TfidfEmbedder().fit(TEXTS)
    out = emb.embed(["zzzz qqqq"])
    assert out.shape[0] == 1 and not out.any()
    assert emb.embed([]).shape[0] == 0
    assert TfidfEmbedder().embed([]).shape[0] == 0


class _FakeLLM:
    """A stand-in with the LLMClient.embed signature (unnormalised output)."""

    def __init__(self):
        self.calls = []

    def embed(self, texts, *, model):
        self.calls.append((list(texts), model))
        return np.array([[len(t), 1.0, 0.0] for t in texts], dtype=np.float64) * 3


def test_openai_embedder_calls_client_and_normalises():
    llm = _FakeLLM()
    emb = create_embedder("openai", llm=llm, model="embed-small")
    assert isinstance(emb, OpenAIEmbedder)
    out = emb.embed(["ab", "abcd"])
    assert llm.calls == [(["ab", "abcd"], "embed-small")]
    assert out.dtype == np.float32 and out.shape == (2, 3)
    assert _unit_rows(out)
    assert emb.embed([]).shape[0] == 0 and len(llm.calls) == 1  # no request for nothing


class _CountingMiniLM(MiniLMEmbedder):
    """The real MiniLM, recording what it was asked to embed; the first call fails when told to."""

    def __init__(self, *, fail_first: bool = False) -> None:
        self.calls: list[list[str]] = []
        self.fail_first = fail_first

    def embed_on(self, texts, *, threads):
        self.calls.append(list(texts))
        if self.fail_first and len(self.calls) == 1:
            raise RuntimeError("embedding service unavailable")
        return super().embed_on(texts, threads=threads)


def test_prefetched_rows_are_reused_and_equal_to_embedding_at_once():
    inner = _CountingMiniLM()
    prefetching = PrefetchingEmbedder(inner)
    prefetching.prefetch(TEXTS[:3])
    prefetching.prefetch(TEXTS[1:4])  # only the text not prefetched yet is started
    out = prefetching.embed([TEXTS[5], *TEXTS[:4], TEXTS[5]])
    assert not prefetching.busy and prefetching.local
    # Only the texts not prefetched are embedded when asked (once, though asked twice).
    # Two threads, in either order; a prefetch embeds its texts shortest first (less padding per chunk).
    shortest_first = sorted(TEXTS[:3], key=len)
    assert inner.calls[:2] in ([shortest_first, [TEXTS[3]]], [[TEXTS[3]], shortest_first])
    assert inner.calls[2:] == [[TEXTS[5]]]
    np.testing.assert_allclose(out, MiniLMEmbedder().embed([TEXTS[5], *TEXTS[:4], TEXTS[5]]), atol=1e-5)
    assert out.dtype == np.float32 and prefetching.name == "minilm"
    assert prefetching.embed([]).shape == (0, 384)


def test_a_failed_prefetch_is_embedded_again_and_tfidf_cannot_prefetch():
    inner = _CountingMiniLM(fail_first=True)
    prefetching = PrefetchingEmbedder(inner)
    prefetching.prefetch(TEXTS[:3])
    out = prefetching.embed(TEXTS[:3])
    assert inner.calls == [sorted(TEXTS[:3], key=len), TEXTS[:3]] and out.shape == (3, 384) and _unit_rows(out)
    with pytest.raises(InvalidConfigError) as err:
        PrefetchingEmbedder(TfidfEmbedder())
    assert err.value.violations[0][0] == "config.text.embedder"


def test_a_prefetch_longer_than_a_chunk_gives_the_rows_of_one_call():
    texts = [f"{text} (case {i})" for i in range(12) for text in TEXTS]  # 72 texts: two chunks
    prefetching = PrefetchingEmbedder(MiniLMEmbedder())
    prefetching.prefetch(texts)
    np.testing.assert_allclose(prefetching.embed(texts), MiniLMEmbedder().embed(texts), atol=1e-5)


def test_a_closed_embedder_stops_its_prefetches_and_still_answers():
    inner = _CountingMiniLM()
    prefetching = PrefetchingEmbedder(inner)
    prefetching.close()
    texts = [f"{text} (case {i})" for i in range(12) for text in TEXTS]
    prefetching.prefetch(texts)
    out = prefetching.embed(texts[:3])
    # The prefetch stopped before its first chunk; the texts asked for are embedded on request.
    assert inner.calls == [texts[:3]] and out.shape == (3, 384)
