"""Renderings of a :class:`~reports.model.Report`: JSON and one self-contained HTML page.

The HTML page has no external resources at all (no scripts, stylesheets,
fonts or images from anywhere): CSS is inline and every plot is an inline
SVG. Every string that comes from the report is escaped. The page's parts
live in the ``html_*`` modules; this one puts them in order.
"""

from __future__ import annotations

from veil.reports.html_attacks import attacks_section
from veil.reports.html_conditions import conditions_section
from veil.reports.html_drift import columns_section, correlations_section, pair_trends_section, utility_section
from veil.reports.html_leakage import engine_guards_section, pii_replay_sections, protection_section
from veil.reports.html_page import page_foot, page_head
from veil.reports.html_summary import guarantee_banner, summary_cards, warnings_list
from veil.reports.html_text import text_columns_section
from veil.reports.model import Report


def render_json(report: Report) -> str:
    """The report as JSON text: sorted keys, floats as floats, NaN as ``null``.

    Args:
        report: The report.

    Returns:
        The JSON text.
    """
    return report.to_json()


def render_html(report: Report) -> str:
    """One self-contained HTML page (inline CSS and SVG, no scripts or external links).

    Args:
        report: The report.

    Returns:
        The page's HTML text.
    """
    plots = report.plots if isinstance(report.plots, dict) else {}
    out = page_head(report)
    out += guarantee_banner(report.privacy_guarantee)
    out += summary_cards(report)
    out += warnings_list(report.warnings)
    out += pii_replay_sections(report.leakage.pii_replay)
    out += protection_section(report.leakage.value_protection)
    out += engine_guards_section(report.leakage.engine_guards)
    out += attacks_section(report.leakage.attacks, report.leakage, report.privacy_guarantee)
    out += utility_section(report.drift.utility)
    out += columns_section(report.drift, plots.get("columns", {}))
    out += pair_trends_section(report.drift)
    out += correlations_section(plots.get("correlation", {}))
    out += conditions_section(report.conditions)
    out += text_columns_section(report.text_columns)
    out += page_foot(report.timings)
    return "\n".join(out)
