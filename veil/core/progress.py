"""Progress callbacks: engines report how far they are; the edges (gRPC, CLI) render it."""

from __future__ import annotations

from collections.abc import Callable

ProgressFn = Callable[[float], None]
"""Called with the share of the work done, from 0.0 to 1.0."""
