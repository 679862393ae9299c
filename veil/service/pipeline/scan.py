"""ScanPii on an inline sample: nothing is stored."""

from __future__ import annotations

from veil.core.kinds import split_kind
from veil.service.errors import InvalidArgument
from veil.service.pipeline.context import ServiceContext
from veil.service.pipeline.upload import UploadSpec, assemble_table, resolve_kinds, scan_frame, to_frame


def scan_inline(ctx: ServiceContext, data: bytes) -> tuple[dict, dict[str, str]]:
    """Scan an Arrow IPC sample; returns (scan as dict, column -> base kind)."""
    if len(data) > ctx.config.max_chunk_bytes:
        raise InvalidArgument(
            "the inline sample is too large",
            reason="MESSAGE_TOO_LARGE",
            violations=[("arrow_ipc", f"at most {ctx.config.max_chunk_bytes} bytes")],
        )
    table = assemble_table([data], min_rows=1)
    frame = to_frame(table)
    kinds, overridden = resolve_kinds(frame, UploadSpec())
    kinds, scan = scan_frame(ctx, frame, kinds, seed=0, overridden=overridden)
    result = scan.to_dict()
    # Every column is listed; those never scanned (numeric, datetime...) show their kind and no entities.
    result["columns"] = {
        column: result["columns"].get(
            column, {"kind": "none", "confidence": 1.0, "entities": [], "masked_samples": [], "scanned_cells": 0}
        )
        for column in frame.columns
    }
    return result, {c: split_kind(k)[0] for c, k in kinds.items()}
