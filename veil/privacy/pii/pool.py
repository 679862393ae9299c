"""Presidio/spaCy analysis in spawned worker processes, so that a scrub uses every core.

spaCy's NER holds one core per process. The analysis of a text depends on no other text, so the
distinct texts of a call are cut into chunks that workers analyse, each with an analyzer of the same
settings, loaded once when the pool starts (spawned, never forked: the caller may hold gRPC threads).
The calling process analyses chunks from the back of the queue while the workers take them from the
front, so a pool whose workers are still loading costs no time. Only texts go out and spans come back:
the keyed surrogates, the fingerprints and the one-to-one bookkeeping stay in the calling process, so
the output is the one a single process gives.

A pool that cannot start or loses a worker (killed for memory, say) leaves the work to the calling
process, with one warning in the log; results are never partial.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from presidio_analyzer import RecognizerResult

from veil.core.progress import ProgressFn
from veil.privacy.pii.batch import BatchAnalyzer

logger = logging.getLogger(__name__)

CHUNK_TEXTS = 256
"""Texts a worker analyses per task: large enough for spaCy's batching, small enough to share out."""
MIN_TEXTS = 2 * CHUNK_TEXTS
"""Fewer texts than this are analysed in the calling process (the round trip would cost more)."""
IN_FLIGHT = 3
"""Chunks handed to the workers ahead, per worker: enough that none idles while this process works on one."""
START_TEXTS = 8192
"""A pool made to wait starts on a call with at least this many texts. Loading a worker's analyzer
takes about 10 s of CPU, about what one process needs for 3,600 notes; below this a smaller job
finishes sooner without spawning (on 2 cores the loading workers would take the caller's core)."""

Hit = tuple[str, int, int, float]

_analyzer: Any = None  # the worker's own analyzer, loaded by _load


def _load(factory: Callable[..., Any], settings: Mapping[str, Any]) -> None:
    """A worker's first act: build its analyzer (one process, no pool of its own)."""
    global _analyzer
    _analyzer = factory(**settings, n_process=1)


def _analyze(texts: list[str], threshold: float, context: list[str] | None, allow: list[str] | None) -> list[list[Hit]]:
    results = _analyzer.analyze(texts, threshold=threshold, context=context, allow_list=allow)
    return [[(r.entity_type, r.start, r.end, r.score) for r in found] for found in results]


def _ready() -> bool:
    return _analyzer is not None


class AnalyzerPool:
    """``processes`` spawned workers, each with a ``factory(**settings, n_process=1)``.

    Args:
        factory: Makes a worker's analyzer (a class or module-level function: it travels by name).
        settings: The analyzer's keyword arguments (all must pickle).
        processes: Worker processes.
        start: Spawn them now; else on the first call with at least ``START_TEXTS`` texts.
    """

    def __init__(
        self, factory: Callable[..., Any], settings: Mapping[str, Any], processes: int, *, start: bool = True
    ) -> None:
        self.processes = processes
        self._factory, self._settings = factory, dict(settings)
        self._lock = threading.Lock()
        self._broken = False
        self._pool: ProcessPoolExecutor | None = None
        self._warming: list[Future[bool]] = []
        if start:
            self.start()

    def start(self) -> None:
        """Spawn the workers now; their analyzers load in the background (a started pool is left alone)."""
        with self._lock:
            if self._pool is not None or self._broken:
                return
            self._pool = ProcessPoolExecutor(
                max_workers=self.processes,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_load,
                initargs=(self._factory, self._settings),
            )
            # Workers start on demand: ask each for its readiness now, so every model loads before work comes.
            self._warming = [self._pool.submit(_ready) for _ in range(self.processes)]

    @property
    def usable(self) -> bool:
        """Whether work still goes to the workers (started or not)."""
        return not self._broken

    def wait_ready(self) -> None:
        """Block until every worker has loaded its analyzer (a broken pool is noted, not raised)."""
        try:
            for future in self._warming:
                future.result()
        except BrokenProcessPool:
            self._lose()

    def _lose(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
            first = not self._broken
            self._broken = True
        if pool is not None:
            # A broken pool fails its pending futures itself; cancelling them too races its manager thread.
            pool.shutdown(wait=False)
        if first:
            logger.warning("a PII analysis worker stopped; analysing in the calling process from now on")

    def analyze(
        self,
        texts: Sequence[str],
        *,
        threshold: float,
        fallback: BatchAnalyzer,
        context: list[str] | None = None,
        allow_list: list[str] | None = None,
        progress: ProgressFn | None = None,
    ) -> list[list[RecognizerResult]]:
        """What ``fallback.analyze`` returns, worked out in the workers (``fallback`` does it if they are gone)."""
        texts = list(texts)
        if not self._broken and len(texts) >= START_TEXTS:
            self.start()  # a pool made not to start at once starts on its first large call
        pool = self._pool
        if self._broken or pool is None or len(texts) < MIN_TEXTS:
            return fallback.analyze(
                texts, threshold=threshold, context=context, allow_list=allow_list, progress=progress
            )
        chunks = [texts[i : i + CHUNK_TEXTS] for i in range(0, len(texts), CHUNK_TEXTS)]
        done: list[list[list[RecognizerResult]] | None] = [None] * len(chunks)

        def finished() -> None:
            if progress is not None:
                progress(sum(part is not None for part in done) / len(chunks))

        # The workers take chunks from the front, a few at a time; this process takes them from the back
        # meanwhile (it would otherwise only wait, and workers still loading lose nothing). Chunks are
        # handed out, never taken back: Python 3.11's pool cannot fail a cancelled task when it breaks.
        waiting = deque(range(len(chunks)))
        out: dict[Future[list[list[Hit]]], int] = {}
        try:
            while waiting or out:
                while waiting and len(out) < IN_FLIGHT * self.processes:
                    k = waiting.popleft()
                    out[pool.submit(_analyze, chunks[k], threshold, context, allow_list)] = k
                if waiting:
                    k = waiting.pop()
                    done[k] = fallback.analyze(chunks[k], threshold=threshold, context=context, allow_list=allow_list)
                    finished()
                else:
                    wait(out, return_when=FIRST_COMPLETED)
                for future in [f for f in out if f.done()]:
                    k = out.pop(future)
                    done[k] = [[RecognizerResult(*hit) for hit in found] for found in future.result()]
                    finished()
        except (BrokenProcessPool, RuntimeError):  # RuntimeError: the pool was shut down meanwhile
            self._lose()
            return fallback.analyze(
                texts, threshold=threshold, context=context, allow_list=allow_list, progress=progress
            )
        return [found for part in done for found in part or []]


_shared: dict[str, AnalyzerPool] = {}
_shared_lock = threading.Lock()


def shared_pool(
    factory: Callable[..., Any], settings: Mapping[str, Any], processes: int, *, start: bool = True
) -> AnalyzerPool:
    """The process's pool for these settings: analyzers of the same settings share their workers.

    ``start``: spawn the workers now (a service, before it serves); else on the first large call (a
    one-shot command on a small file never pays for them). A pool whose workers were lost is replaced
    by a new one (a new analyzer, say a service restart, tries again).
    """
    key = repr((getattr(factory, "__qualname__", factory), sorted(settings.items()), processes))
    with _shared_lock:
        pool = _shared.get(key)
        if pool is None or not pool.usable:
            pool = _shared[key] = AnalyzerPool(factory, settings, processes, start=start)
        elif start:
            pool.start()
        return pool


__all__ = ["AnalyzerPool", "shared_pool"]
