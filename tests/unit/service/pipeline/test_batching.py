from __future__ import annotations

import threading

import pytest

from veil.service.pipeline.batching import available_batches


def test_batches_keep_order_and_size():
    batches = list(available_batches(iter(range(1000)), max_batch=64))
    assert [i for b in batches for i in b] == list(range(1000))
    assert all(1 <= len(b) <= 64 for b in batches)


def test_a_batch_never_waits_for_more_items():
    release = threading.Event()

    def slow():
        yield "first"
        release.wait(10)  # the consumer must get "first" before this returns
        yield "second"

    stream = available_batches(slow(), max_batch=8)
    assert next(stream) == ["first"]
    release.set()
    assert next(stream) == ["second"]


def test_errors_of_the_stream_come_after_the_items_read_before():
    def broken():
        yield 1
        yield 2
        raise ValueError("stream broke")

    seen = []
    with pytest.raises(ValueError, match="stream broke"):
        for batch in available_batches(broken(), max_batch=8):
            seen.extend(batch)
    assert seen == [1, 2]
