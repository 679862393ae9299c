"""The bundled MiniLM model in a spawned worker process, so that embedding ahead of need gets a core.

A job embeds its report's texts on a background thread while its own stages run (see
:class:`~veil.synthesizers.text.embedders.PrefetchingEmbedder`). In the same process that thread waits
for the GIL between torch's many small operations: beside a busy Python thread it embedded 2.3x
slower than alone on this project's 2-core machines. A process has its own interpreter. The model
loads there once, when :func:`start` is called (the service calls it before it serves), not per job.

One worker serves the whole process (jobs take their turn, as they did on the shared model's lock).
If it cannot start or dies (say, killed for memory), :class:`WorkerMiniLMEmbedder` embeds in the
calling process from then on, with one warning in the log; the next start of the service tries again.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import numpy as np

from veil.synthesizers.text.embedders import MiniLMEmbedder

logger = logging.getLogger(__name__)

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()
_broken = threading.Event()  # the worker failed once: embed in the calling process from then on


def _warm() -> None:
    """The worker's first act: load the model and run it once (torch's first call is slow)."""
    MiniLMEmbedder().embed_on(["warm-up"], threads=1)


def _embed_in_worker(texts: list[str], threads: int) -> np.ndarray:
    return MiniLMEmbedder().embed_on(texts, threads=threads)


def start() -> None:
    """Spawn the worker (never fork: the caller may hold gRPC threads); the model loads there meanwhile.

    A worker that failed before is tried again.
    """
    _broken.clear()
    _running()


def _running() -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=_warm
            )
            _pool.submit(int)  # spawns the worker now, not on the first embedding
        return _pool


def worker_pid() -> int:
    """The worker's process id (tests use it to see where embedding ran)."""
    return _running().submit(os.getpid).result()


def embed(texts: Sequence[str], *, threads: int) -> np.ndarray:
    """``texts`` embedded by the worker on at most ``threads`` intra-op threads.

    Raises:
        BrokenProcessPool: The worker could not start or died.
    """
    global _pool
    pool = _running()
    try:
        return pool.submit(_embed_in_worker, [str(t) for t in texts], threads).result()
    except BrokenProcessPool:
        with _pool_lock:
            if _pool is pool:
                _pool = None
        # A broken pool fails its pending futures itself; cancelling them too races its manager thread.
        pool.shutdown(wait=False)
        raise


class WorkerMiniLMEmbedder(MiniLMEmbedder):
    """:class:`MiniLMEmbedder` whose work runs in the worker process (the same model, the same rows)."""

    def embed_on(self, texts: Sequence[str], *, threads: int) -> np.ndarray:
        if not _broken.is_set():
            try:
                return embed(texts, threads=threads)
            except BrokenProcessPool:
                if not _broken.is_set():
                    _broken.set()
                    logger.warning("the embedding worker stopped; embedding in the service's process from now on")
        return super().embed_on(texts, threads=threads)


__all__ = ["WorkerMiniLMEmbedder", "embed", "start", "worker_pid"]
