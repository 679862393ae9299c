"""Runs long jobs (syntheses) in worker threads and keeps their operations current.

Engines report progress through a callback (DESIGN §7.9); the runner maps it
onto the operation row (stage + percent) and turns a cancel request into a
Cancelled error at the job's next progress report.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from veil.core.progress import ProgressFn
from veil.service.errors import Cancelled, ServiceError
from veil.service.storage.db import MetadataDB

logger = logging.getLogger(__name__)


class ServerStopping(ServiceError):
    """A job stopped by a server shutdown: it ends FAILED (ABORTED), as after a crash, not CANCELLED."""

    code = "ABORTED"
    reason = "SERVER_STOPPED"


# How often progress may hit the database; stage changes always do.
PROGRESS_WRITE_INTERVAL_S = 0.5


@dataclass
class JobHandle:
    op_id: str
    db: MetadataDB
    cancel_event: threading.Event = field(default_factory=threading.Event)
    finished: threading.Event = field(default_factory=threading.Event)
    # Set with cancel_event when the server, not the user, stops the job.
    server_stopping: bool = False
    stage: str = "queued"
    percent: float = 0.0
    _last_write: float = 0.0

    def report(self, stage: str, percent: float) -> None:
        """Record progress; raises Cancelled when a cancel was requested."""
        self.check_cancelled()
        percent = max(self.percent if stage == self.stage else 0.0, min(100.0, percent))
        now = time.monotonic()
        if stage != self.stage or now - self._last_write >= PROGRESS_WRITE_INTERVAL_S:
            self.db.update_operation(self.op_id, stage=stage, progress=percent)
            self._last_write = now
        self.stage, self.percent = stage, percent

    def stage_progress(self, stage: str, start: float, end: float) -> ProgressFn:
        """A 0..1 progress callback for one stage, mapped onto [start, end] percent."""
        self.report(stage, start)
        return lambda fraction: self.report(stage, start + (end - start) * min(1.0, max(0.0, fraction)))

    def check_cancelled(self) -> None:
        if self.cancel_event.is_set():
            if self.server_stopping:
                raise ServerStopping("the server stopped while this job was running", reason="SERVER_STOPPED")
            raise Cancelled("the operation was cancelled", reason="CANCELLED")


class OperationRunner:
    def __init__(self, db: MetadataDB, *, workers: int = 1) -> None:
        self._db = db
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="veil-job")
        self._jobs: dict[str, JobHandle] = {}
        self._lock = threading.Lock()

    def submit(self, op_id: str, job: Callable[[JobHandle], None]) -> Future:
        handle = JobHandle(op_id=op_id, db=self._db)
        with self._lock:
            self._jobs[op_id] = handle

        def run() -> None:
            try:
                job(handle)
            except Exception:  # the job records its own failure; this is the last guard
                logger.exception("job %s crashed outside its own error handling", op_id)
            finally:
                handle.finished.set()
                with self._lock:
                    self._jobs.pop(op_id, None)

        return self._pool.submit(run)

    def cancel(self, op_id: str) -> bool:
        """Ask a queued or running job to stop; False when it is not running here."""
        with self._lock:
            handle = self._jobs.get(op_id)
        if handle is None:
            return False
        handle.cancel_event.set()
        return True

    def wait(self, op_id: str, timeout: float) -> bool:
        with self._lock:
            handle = self._jobs.get(op_id)
        if handle is None:  # finished or never ran here: let the caller re-read the row
            time.sleep(min(timeout, 0.2))
            return True
        return handle.finished.wait(timeout)

    def shutdown(self, *, cancel: bool = True) -> None:
        if cancel:
            with self._lock:
                for handle in self._jobs.values():
                    handle.server_stopping = True
                    handle.cancel_event.set()
        self._pool.shutdown(wait=True, cancel_futures=False)
