"""Helpers for driving the real server in tests."""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator

import grpc
from google.rpc import error_details_pb2
from grpc_status import rpc_status


def error_details(exc: grpc.RpcError) -> tuple[grpc.StatusCode, dict[str, str], list[str]]:
    """(code, {field: description}, [ErrorInfo reasons]) of a failed call."""
    status = rpc_status.from_call(exc)
    fields, reasons = status_details(status) if status is not None else ({}, [])
    return exc.code(), fields, reasons


def status_details(status) -> tuple[dict[str, str], list[str]]:
    """({field: description}, [ErrorInfo reasons]) of a google.rpc.Status (a call's, or a failed operation's)."""
    fields: dict[str, str] = {}
    reasons: list[str] = []
    for detail in status.details:
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            detail.Unpack(bad)
            fields.update({v.field: v.description for v in bad.field_violations})
        elif detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            reasons.append(info.reason)
    return fields, reasons


def pii_values(frame, columns=("customer_name", "email", "phone", "address")) -> set[str]:
    return {str(v) for c in columns for v in frame[c].dropna()}


def find_replays(frame, raw_values: set[str]) -> list[tuple[str, int]]:
    """(column, count) of output string cells holding any raw value as a whole word run.

    Word boundaries matter: "Katie Martinez" does not replay "Katie Martin".
    """
    needles = sorted(raw_values, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in needles) + r")(?!\w)")
    hits = []
    for column in frame.columns:
        if frame[column].dtype != object:
            continue
        count = sum(1 for cell in frame[column].dropna() if pattern.search(str(cell)))
        if count:
            hits.append((column, count))
    return hits


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@contextlib.contextmanager
def captured_logs() -> Iterator[list[str]]:
    """Every log line (DEBUG and up, with logger name and level) emitted inside the block."""
    handler = _Collect()
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield handler.lines
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
