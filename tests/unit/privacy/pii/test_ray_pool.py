"""PII analysis in Ray actors on a local Ray: the same spans and the same scrub as in one process.

Chunks are made small here (the chunk size is the local pool's module setting), so that a few
hundred texts reach every actor.
"""

from __future__ import annotations

import logging
import time

import pandas as pd
import pytest

from tests.unit.privacy.conftest import CANDIDATES, KEY
from veil.privacy.errors import PrivacyInvalidArgumentError, TextTooLongError
from veil.privacy.pii import PiiEngine
from veil.privacy.pii import pool as pool_module
from veil.privacy.pii.analyzer import PiiAnalyzer
from veil.privacy.pii.batch import MAX_TEXT_CHARS
from veil.privacy.pii.ray_pool import LOCAL, RayAnalyzerPool

CHUNK = 16


class Counts:
    """The calling process's analyzer, counting the texts it was left with."""

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


@pytest.fixture(scope="module")
def texts(demo) -> list[str]:
    values = [*demo["note"], *demo["customer_name"], *demo["address"]]
    return list(dict.fromkeys(str(v) for v in values))[:240]


@pytest.fixture(scope="module")
def on_ray(local_ray) -> PiiEngine:
    return PiiEngine(ray_address=LOCAL)


def test_actors_find_the_spans_one_process_finds(engine, on_ray, texts, local_ray):
    pool = on_ray._analyzer._pool
    assert isinstance(pool, RayAnalyzerPool) and pool.size == 2  # one actor per CPU of the local Ray
    expected = engine._analyzer.analyze(texts, threshold=0.3, context=["customer"], allow_list=["Ideal"])
    seen, here = [], Counts(engine)
    found = pool.analyze(
        texts, threshold=0.3, context=["customer"], allow_list=["Ideal"], progress=seen.append, fallback=here
    )
    assert _hits(found) == _hits(expected)
    assert here.texts == 0  # every chunk went to an actor
    assert sum(map(len, found)) > len(texts) // 2  # the texts do hold PII: the comparison has content
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    assert local_ray.cluster_resources().get("CPU") == 2


def test_a_few_texts_go_to_the_actors_too(engine, on_ray, texts):
    here = Counts(engine)
    found = on_ray._analyzer._pool.analyze(texts[:5], threshold=0.5, fallback=here)
    assert here.texts == 0 and _hits(found) == _hits(engine._analyzer.analyze(texts[:5], threshold=0.5))


def test_a_too_long_text_is_refused_before_it_leaves(on_ray, texts):
    with pytest.raises(TextTooLongError) as caught:
        on_ray.analyze_texts([*texts, "x" * (MAX_TEXT_CHARS + 1)])
    assert "x" * 100 not in str(caught.value)


def test_an_engine_on_ray_scans_and_scrubs_a_table_as_one_process_does(engine, on_ray, demo):
    small = demo.head(300)
    scan = engine.scan_table(small, text_columns=["note"], candidate_columns=CANDIDATES)
    assert on_ray.scan_table(small, text_columns=["note"], candidate_columns=CANDIDATES) == scan
    one = engine.scrub_table(small, scan=scan, key=KEY)
    two = on_ray.scrub_table(small, scan=scan, key=KEY)
    pd.testing.assert_frame_equal(one.frame, two.frame)
    assert one.replaced_cells == two.replaced_cells and len(one.fingerprints) == len(two.fingerprints)
    assert (one.frame["note"] != small["note"]).mean() > 0.5  # the notes were scrubbed at all


def test_a_lost_actor_leaves_the_work_to_the_calling_process(engine, on_ray, texts, local_ray, caplog):
    # Last of the tests on the shared actors: the pool is unusable after it (its CPUs are freed).
    pool = on_ray._analyzer._pool
    expected = _hits(engine._analyzer.analyze(texts, threshold=0.5))
    local_ray.kill(pool._actors[0])
    with caplog.at_level(logging.WARNING, logger="veil.privacy.pii.ray_pool"):
        first = pool.analyze(texts, threshold=0.5, fallback=engine._analyzer)
        second = pool.analyze(texts, threshold=0.5, fallback=engine._analyzer)
    assert _hits(first) == expected and _hits(second) == expected
    assert not pool.usable
    messages = [r.getMessage() for r in caplog.records]
    assert messages.count("a Ray PII actor stopped; analysing in the calling process from now on") == 1
    # The other actor was let go too (the cluster's books catch up within a moment).
    deadline = time.monotonic() + 30
    while local_ray.available_resources().get("CPU") != 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert local_ray.available_resources().get("CPU") == 2


@pytest.mark.parametrize("address, actors", [("", 0), ("auto", -1)])
def test_bad_ray_settings_are_named(address, actors):
    with pytest.raises(PrivacyInvalidArgumentError) as caught:
        PiiAnalyzer(ray_address=address, ray_actors=actors)
    fields = [field for field, _ in caught.value.violations]
    assert fields == (["ray_address"] if address == "" else ["ray_actors"])
