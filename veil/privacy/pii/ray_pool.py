"""Presidio/spaCy analysis in long-lived Ray actors, for texts that outgrow one machine's cores.

The same contract as :class:`~veil.privacy.pii.pool.AnalyzerPool`: the distinct texts of a call go out
in chunks, spans come back, and the keyed surrogates, fingerprints and one-to-one bookkeeping never
leave the calling process, so the output is the one a single process gives. Each actor loads its
analyzer once, when the pool is made, and serves every later call (a streamed scrub makes one call per
batch of rows, a service one per upload). Ray Data's ``map_batches`` would build its actor pool anew
for each dataset it runs, and so reload spaCy in every actor for every batch.

``address``: ``"auto"`` starts a local Ray in this process with one CPU per core; anything else is the
address of a running cluster (``host:6379`` or ``ray://host:10001``), whose nodes must have Veil and
the spaCy model installed. Ray's usage statistics and dashboard are switched off. The texts sent to
actors are raw: a local Ray never spills objects to disk; a cluster's operator must do the same (or
spill to encrypted storage), since raw values are never written to disk.

An actor that dies (killed for memory, a node lost) leaves the work to the calling process, with one
warning in the log; results are never partial.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from presidio_analyzer import RecognizerResult

from veil.core.progress import ProgressFn
from veil.privacy.pii import pool as local_pool
from veil.privacy.pii.batch import BatchAnalyzer
from veil.privacy.pii.pool import Hit

logger = logging.getLogger(__name__)

LOCAL = "auto"
"""The address that starts a local Ray in this process."""


def connect(address: str) -> None:
    """Join Ray at ``address`` (``"auto"``: start a local one), once per process; no telemetry."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # never phone home
    import ray

    if ray.is_initialized():
        return
    if address == LOCAL:
        ray.init(
            num_cpus=os.cpu_count() or 1,
            include_dashboard=False,
            log_to_driver=False,
            configure_logging=False,
            _system_config={"automatic_object_spilling_enabled": False},  # raw texts stay in memory
        )
    else:
        ray.init(address=address, log_to_driver=False, configure_logging=False)


class _Actor:
    """One analyzer, built once in a Ray worker process."""

    def __init__(self, factory: Callable[..., Any], settings: Mapping[str, Any]) -> None:
        self._analyzer = factory(**settings, n_process=1)

    def ready(self) -> bool:
        return True

    def analyze(
        self, texts: list[str], threshold: float, context: list[str] | None, allow: list[str] | None
    ) -> list[list[Hit]]:
        found = self._analyzer.analyze(texts, threshold=threshold, context=context, allow_list=allow)
        return [[(r.entity_type, r.start, r.end, r.score) for r in results] for results in found]


class RayAnalyzerPool:
    """``actors`` Ray actors, each with a ``factory(**settings, n_process=1)``.

    Args:
        factory: Makes an actor's analyzer.
        settings: The analyzer's keyword arguments.
        actors: Actors (one CPU each); 0: one per CPU of the Ray cluster.
        address: See the module's docstring.
    """

    def __init__(self, factory: Callable[..., Any], settings: Mapping[str, Any], *, actors: int, address: str) -> None:
        connect(address)
        import ray

        count = actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
        remote = ray.remote(num_cpus=1, max_restarts=0)(_Actor)
        self._actors = [remote.remote(factory, dict(settings)) for _ in range(count)]
        self._lock = threading.Lock()
        self._broken = False
        self._ready = [actor.ready.remote() for actor in self._actors]  # the models load meanwhile

    def wait_ready(self) -> None:
        """Block until every actor has loaded its analyzer (a lost actor is noted, not raised)."""
        import ray

        try:
            ray.get(self._ready)
        except (ray.exceptions.RayActorError, ray.exceptions.ActorUnavailableError):
            self._lose()

    @property
    def usable(self) -> bool:
        """Whether work still goes to the actors."""
        return not self._broken

    @property
    def size(self) -> int:
        """How many actors analyse."""
        return len(self._actors)

    def _lose(self) -> None:
        import ray

        with self._lock:
            first, self._broken = not self._broken, True
        if first:
            logger.warning("a Ray PII actor stopped; analysing in the calling process from now on")
            for actor in self._actors:  # the survivors' CPUs go back to the cluster
                ray.kill(actor)

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
        """What ``fallback.analyze`` returns, worked out by the actors (``fallback`` does it if one is lost)."""
        texts = list(texts)
        # Chunks as the local pool's. Every call goes out, small ones too: an actor's round trip costs
        # milliseconds, and this process's core may be the cluster's busiest.
        size = local_pool.CHUNK_TEXTS
        if self._broken or not texts:
            return fallback.analyze(
                texts, threshold=threshold, context=context, allow_list=allow_list, progress=progress
            )
        import ray
        from ray.util import ActorPool

        chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
        done: list[list[RecognizerResult]] = []
        try:
            # map keeps the chunks' order; each actor takes the next chunk as it finishes one.
            results = ActorPool(self._actors).map(
                lambda actor, chunk: actor.analyze.remote(chunk, threshold, context, allow_list), chunks
            )
            for k, found in enumerate(results, start=1):
                done.extend([RecognizerResult(*hit) for hit in hits] for hits in found)
                if progress is not None:
                    progress(k / len(chunks))
        except (ray.exceptions.RayActorError, ray.exceptions.ActorUnavailableError):
            self._lose()
            return fallback.analyze(
                texts, threshold=threshold, context=context, allow_list=allow_list, progress=progress
            )
        return done


_shared: dict[str, RayAnalyzerPool] = {}
_shared_lock = threading.Lock()


def shared_ray_pool(
    factory: Callable[..., Any], settings: Mapping[str, Any], *, actors: int, address: str
) -> RayAnalyzerPool:
    """The process's Ray pool for these settings: analyzers of the same settings share their actors."""
    key = repr((getattr(factory, "__qualname__", factory), sorted(settings.items()), actors, address))
    with _shared_lock:
        pool = _shared.get(key)
        if pool is None or not pool.usable:
            pool = _shared[key] = RayAnalyzerPool(factory, settings, actors=actors, address=address)
        return pool


__all__ = ["LOCAL", "RayAnalyzerPool", "connect", "shared_ray_pool"]
