"""Group the items of a blocking stream into batches of what has already arrived.

A bidirectional stream's client may wait for each answer before sending the
next request, so a batch can never wait for more items; it takes the first
item (blocking) and then whatever else is already queued.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
_END = object()


def available_batches(items: Iterable[T], *, max_batch: int) -> Iterator[list[T]]:
    """Yield lists of 1..max_batch items, in order, without waiting for more than the first.

    Errors raised while reading ``items`` are raised here, after the items read before them.
    """
    pending: queue.Queue = queue.Queue(maxsize=max_batch * 4)

    def read() -> None:
        try:
            for item in items:
                pending.put(item)
        except BaseException as exc:  # noqa: BLE001 - handed over to the consumer
            pending.put(_Failure(exc))
        finally:
            pending.put(_END)

    threading.Thread(target=read, name="stream-reader", daemon=True).start()
    while True:
        first = pending.get()
        if first is _END:
            return
        if isinstance(first, _Failure):
            raise first.error
        batch = [first]
        ended = failure = None
        while len(batch) < max_batch:
            try:
                item = pending.get_nowait()
            except queue.Empty:
                break
            if item is _END or isinstance(item, _Failure):
                ended, failure = True, item if isinstance(item, _Failure) else None
                break
            batch.append(item)
        yield batch
        if failure is not None:
            raise failure.error
        if ended:
            return


class _Failure:
    def __init__(self, error: BaseException) -> None:
        self.error = error


__all__ = ["available_batches"]
