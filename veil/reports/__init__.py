"""Drift + leakage reports: structured model, JSON and a self-contained HTML page.

Entry points:

* :func:`veil.reports.assemble.build_report` -> :class:`veil.reports.model.Report`
* :func:`veil.reports.render.render_json` / :func:`veil.reports.render.render_html`

The heavy entry points (SDMetrics, scikit-learn) are imported lazily, so
``import reports`` stays cheap for code that only needs the model.
"""

from __future__ import annotations

from typing import Any

from veil.reports.errors import InvalidReportInputError, ReportDecodeError, ReportError, ReportWarning
from veil.reports.model import (
    ColumnDrift,
    DriftReport,
    LeakageReport,
    PairDrift,
    PiiReplay,
    PrivacyGuarantee,
    Report,
    Utility,
)

__all__ = [
    "ColumnDrift",
    "DriftReport",
    "InvalidReportInputError",
    "LeakageReport",
    "PairDrift",
    "PiiReplay",
    "PrivacyGuarantee",
    "Report",
    "ReportDecodeError",
    "ReportError",
    "ReportWarning",
    "Utility",
    "build_report",
    "render_html",
    "render_json",
]


def __getattr__(name: str) -> Any:
    if name == "build_report":
        from veil.reports.assemble import build_report

        return build_report
    if name in ("render_html", "render_json"):
        from veil.reports import render

        return getattr(render, name)
    raise AttributeError(f"module 'reports' has no attribute {name!r}")
