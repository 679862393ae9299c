"""The HTML page's drift details: utility, per-column similarity with plots, pair trends and correlations."""

from __future__ import annotations

from typing import Any

from veil.reports.html_format import esc, fmt
from veil.reports.html_svg import corr_colour, legend, score_colour, svg_bars, svg_heatmap, svg_histogram
from veil.reports.model import DriftReport, Utility


def utility_section(u: Utility | None) -> list[str]:
    """The "Utility" section: train-on-synthetic vs train-on-real scores on the holdout.

    Args:
        u: The utility scores, or None when no target column was named.

    Returns:
        The section's page lines.
    """
    out = ["<h2>Utility (train on synthetic, test on real holdout)</h2>"]
    if u is None:
        out.append('<p class="muted">No target column was named.</p>')
    else:
        out.append(
            '<table><tr><th>Target</th><th>Task</th><th>Metric</th><th class="num">Trained on synthetic</th>'
            '<th class="num">Trained on real</th></tr>'
            f"<tr><td>{esc(u.target_column)}</td><td>{esc(u.task)}</td><td>{esc(u.metric)}</td>"
            f'<td class="num">{fmt(u.synthetic_score)}</td><td class="num">{fmt(u.real_score)}</td></tr></table>'
        )
    return out


def columns_section(drift: DriftReport, plots: dict[str, Any]) -> list[str]:
    """The "Columns" section: each modelled column's similarity scores and its holdout vs synthetic plot.

    Args:
        drift: The report's drift figures.
        plots: Plot data per column name.

    Returns:
        The section's page lines.
    """
    out = ["<h2>Columns</h2>" + legend()]
    out.append(
        "<table><tr><th>Column</th><th>Kind</th><th>Metric</th><th>vs holdout</th><th>vs train</th>"
        "<th>Holdout vs synthetic</th></tr>"
    )
    for c in drift.columns:
        plot = plots.get(c.column, {})
        svg = svg_histogram(plot, c.column) if plot.get("type") == "histogram" else svg_bars(plot, c.column)
        out.append(
            f"<tr><td>{esc(c.column)}</td><td>{esc(c.kind)}</td><td>{esc(c.metric)}</td>"
            f'<td class="num"><i class="chip" style="background:{score_colour(c.score_vs_holdout)}"></i>'
            f"{fmt(c.score_vs_holdout)}</td>"
            f'<td class="num">{fmt(c.score_vs_train)}</td><td>{svg}</td></tr>'
        )
    if not drift.columns:
        out.append('<tr><td colspan="6" class="muted">No modelled columns.</td></tr>')
    out.append("</table>")
    return out


def pair_trends_section(drift: DriftReport) -> list[str]:
    """The "Pair trends" section: a heatmap of pair scores, columns in report order, and the full list.

    Args:
        drift: The report's drift figures.

    Returns:
        The section's page lines.
    """
    out = ["<h2>Pair trends</h2>"]
    order: list[str] = []
    for p in drift.pairs:
        for name in (p.column_a, p.column_b):
            if name not in order:
                order.append(name)
    column_order = [c.column for c in drift.columns if c.column in order] + [
        n for n in order if n not in {c.column for c in drift.columns}
    ]
    scores = {}
    for p in drift.pairs:
        scores[(p.column_a, p.column_b)] = scores[(p.column_b, p.column_a)] = p.score_vs_holdout
    out.append(
        '<p class="small muted">Similarity of each pair\'s trend (correlation or contingency table) to the holdout; '
        "green = similar, red = different, grey = not measured.</p>"
    )
    out.append('<div class="heats">')
    out.append(
        svg_heatmap(
            column_order,
            lambda i, j: scores.get((column_order[i], column_order[j])),
            score_colour,
            "pair trend similarity",
            lower_only=True,
        )
    )
    out.append("</div>")
    if drift.pairs:
        out.append(
            "<details><summary>All pair scores</summary>"
            "<table><tr><th>Column A</th><th>Column B</th><th>Metric</th><th>Score</th></tr>"
        )
        out.extend(
            f"<tr><td>{esc(p.column_a)}</td><td>{esc(p.column_b)}</td><td>{esc(p.metric)}</td>"
            f'<td class="num">{fmt(p.score_vs_holdout)}</td></tr>'
            for p in drift.pairs
        )
        out.append("</table></details>")
    return out


def correlations_section(corr: dict[str, Any]) -> list[str]:
    """The "Correlations" section: holdout and synthetic Pearson matrices side by side.

    Args:
        corr: The correlation plot data (``columns``, ``holdout``, ``synthetic``).

    Returns:
        The section's page lines; nothing with fewer than two columns or a missing matrix.
    """
    cols = corr.get("columns", [])
    if not (len(cols) >= 2 and corr.get("holdout") and corr.get("synthetic")):
        return []
    out = ['<h2>Correlations (Pearson)</h2><div class="heats">']
    for side in ("holdout", "synthetic"):
        m = corr[side]
        out.append(f"<div><p><strong>{esc(side)}</strong></p>")
        out.append(svg_heatmap(cols, lambda i, j, m=m: m[i][j], corr_colour, f"{side} correlations"))
        out.append("</div>")
    out.append("</div>")
    return out
