"""The MiniLM worker process: the same rows as in-process, another process, and a fallback when it dies."""

from __future__ import annotations

import logging
import os
import signal

import numpy as np

from veil.synthesizers.text import embedding_worker
from veil.synthesizers.text.embedders import MiniLMEmbedder, PrefetchingEmbedder
from veil.synthesizers.text.embedding_worker import WorkerMiniLMEmbedder

TEXTS = [
    "My order arrived broken and I want a refund.",
    "The package came damaged, please give me my money back.",
    "What time does the store open on Sundays?",
]


def test_the_worker_embeds_in_another_process_and_gives_the_in_process_rows():
    embedding_worker.start()
    pid = embedding_worker.worker_pid()
    assert pid != os.getpid()
    prefetching = PrefetchingEmbedder(WorkerMiniLMEmbedder())
    prefetching.prefetch(TEXTS[:2])
    out = prefetching.embed(TEXTS)
    assert prefetching.local and prefetching.name == "minilm" and out.dtype == np.float32
    np.testing.assert_allclose(out, MiniLMEmbedder().embed(TEXTS), atol=1e-5)
    assert embedding_worker.worker_pid() == pid  # one worker, kept across calls


def test_a_dead_worker_falls_back_to_the_calling_process_until_started_again(caplog):
    embedding_worker.start()
    dead = embedding_worker.worker_pid()
    os.kill(dead, signal.SIGKILL)
    with caplog.at_level(logging.WARNING, logger="veil.synthesizers.text.embedding_worker"):
        first = WorkerMiniLMEmbedder().embed(TEXTS)
        second = WorkerMiniLMEmbedder().embed(TEXTS[:1])  # no second attempt, no second warning
    expected = MiniLMEmbedder().embed(TEXTS)
    np.testing.assert_allclose(first, expected, atol=1e-5)
    np.testing.assert_allclose(second, expected[:1], atol=1e-5)
    assert [r.getMessage() for r in caplog.records].count(
        "the embedding worker stopped; embedding in the service's process from now on"
    ) == 1
    embedding_worker.start()  # a service start tries again, with a new worker
    assert embedding_worker.worker_pid() not in (dead, os.getpid())
    np.testing.assert_allclose(WorkerMiniLMEmbedder().embed(TEXTS), expected, atol=1e-5)
