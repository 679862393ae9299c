"""Inline SVG plots of the HTML page: histograms, category bars, heatmaps, their colours and legend."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from veil.reports.html_format import esc, fmt, isnum, pct

HOLDOUT_COLOUR, SYNTHETIC_COLOUR = "#4c78a8", "#f58518"


def score_colour(value: float | None) -> str:
    """A similarity score as a colour: 0 (red) .. 1 (green) on an HSL ramp; grey when missing.

    Args:
        value: The score.

    Returns:
        A CSS colour.
    """
    if not isnum(value):
        return "#d9d9d9"
    v = min(max(float(value), 0.0), 1.0)
    # Most interesting differences live in 0.7..1: stretch that range.
    t = min(max((v - 0.5) / 0.5, 0.0), 1.0)
    return f"hsl({int(round(120 * t))},65%,{int(round(62 - 12 * t))}%)"


def corr_colour(value: float | None) -> str:
    """A correlation as a colour: -1 (blue) .. 0 (white) .. 1 (red); grey when missing.

    Args:
        value: The correlation.

    Returns:
        A CSS colour.
    """
    if not isnum(value):
        return "#d9d9d9"
    v = min(max(float(value), -1.0), 1.0)
    light = int(round(97 - 45 * abs(v)))
    hue = 0 if v >= 0 else 215
    return f"hsl({hue},70%,{light}%)"


def _short(label: str, n: int = 14) -> str:
    return label if len(label) <= n else label[: n - 1] + "\u2026"


def _axis_label(value: float, kind: str) -> str:
    if kind == "datetime":
        try:
            return pd.Timestamp(value, unit="s").strftime("%Y-%m-%d")
        except (ValueError, OverflowError):
            return f"{value:.4g}"
    return f"{value:.4g}"


def legend() -> str:
    """The legend of the holdout and synthetic colours.

    Returns:
        A ``<p>`` element.
    """
    return (
        f'<p class="legend small"><span><i class="chip" style="background:{HOLDOUT_COLOUR}"></i>holdout (real)</span>'
        f'<span><i class="chip" style="background:{SYNTHETIC_COLOUR}"></i>synthetic</span></p>'
    )


def svg_histogram(plot: dict[str, Any], column: str) -> str:
    """Holdout bins as bars, synthetic bins as a step line, first and last edge as ticks.

    Args:
        plot: The column's histogram plot data (``edges``, ``holdout``, ``synthetic``, ``kind``).
        column: The column's name, for the accessible label.

    Returns:
        An ``<svg>`` element, or a muted note when there is no data.
    """
    edges, real, synth = plot.get("edges", []), plot.get("holdout", []), plot.get("synthetic", [])
    if not edges or not real:
        return '<span class="muted">no data</span>'
    w, h, pad = 260, 90, 14
    n = len(real)
    top = max([*real, *synth, 1e-9])
    bw = (w - 2) / n
    parts = [
        f'<svg class="plot" width="{w}" height="{h + pad}" viewBox="0 0 {w} {h + pad}" role="img" '
        f'aria-label="{esc("histogram of " + column)}">'
    ]
    for i in range(n):
        x = 1 + i * bw
        rh = real[i] / top * (h - 4)
        parts.append(
            f'<rect x="{x:.1f}" y="{h - rh:.1f}" width="{bw - 1:.1f}" height="{rh:.1f}" '
            f'fill="{HOLDOUT_COLOUR}" fill-opacity="0.55"/>'
        )
    points = " ".join(
        f"{1 + i * bw:.1f},{h - synth[i] / top * (h - 4):.1f} {1 + (i + 1) * bw:.1f},{h - synth[i] / top * (h - 4):.1f}"
        for i in range(n)
    )
    parts.append(f'<polyline points="{points}" fill="none" stroke="{SYNTHETIC_COLOUR}" stroke-width="2"/>')
    kind = plot.get("kind", "numeric")
    parts.append(f'<line x1="0" y1="{h}" x2="{w}" y2="{h}" stroke="#999"/>')
    parts.append(f'<text x="1" y="{h + pad - 2}" class="tick">{esc(_axis_label(edges[0], kind))}</text>')
    parts.append(
        f'<text x="{w - 1}" y="{h + pad - 2}" class="tick" text-anchor="end">{esc(_axis_label(edges[-1], kind))}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def svg_bars(plot: dict[str, Any], column: str) -> str:
    """Per category, a holdout bar over a synthetic bar, labelled with the synthetic share.

    Args:
        plot: The column's category plot data (``labels``, ``holdout``, ``synthetic``).
        column: The column's name, for the accessible label.

    Returns:
        An ``<svg>`` element, or a muted note when there is no data.
    """
    labels, real, synth = plot.get("labels", []), plot.get("holdout", []), plot.get("synthetic", [])
    if not labels:
        return '<span class="muted">no data</span>'
    row, label_w, w = 13, 96, 260
    bar_w = w - label_w - 40
    h = row * len(labels) + 2
    top = max([*real, *synth, 1e-9])
    parts = [
        f'<svg class="plot" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" '
        f'aria-label="{esc("category shares of " + column)}">'
    ]
    for i, label in enumerate(labels):
        y = 1 + i * row
        rw, sw = real[i] / top * bar_w, synth[i] / top * bar_w
        parts.append(
            f'<text x="{label_w - 4}" y="{y + 9}" class="tick" text-anchor="end">'
            f"<title>{esc(label)}</title>{esc(_short(label))}</text>"
            f'<rect x="{label_w}" y="{y}" width="{rw:.1f}" height="5.5" fill="{HOLDOUT_COLOUR}"/>'
            f'<rect x="{label_w}" y="{y + 5.5:.1f}" width="{sw:.1f}" height="5.5" fill="{SYNTHETIC_COLOUR}"/>'
            f'<text x="{label_w + max(rw, sw) + 3:.1f}" y="{y + 9}" class="tick">{esc(pct(synth[i]))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def svg_heatmap(
    labels: Sequence[str],
    cell: Callable[[int, int], float | None],
    colour: Callable[[float | None], str],
    caption: str,
    *,
    lower_only: bool = False,
) -> str:
    """A square matrix of coloured cells with rotated column labels and a tooltip per cell.

    Args:
        labels: The row and column labels, in order.
        cell: The value at row ``i``, column ``j``.
        colour: The colour of a value.
        caption: The accessible label.
        lower_only: Draw only the cells below the diagonal.

    Returns:
        An ``<svg>`` element, or a muted note with fewer than two labels.
    """
    n = len(labels)
    if n < 2:
        return '<p class="muted">not enough columns</p>'
    size = max(12, min(30, 560 // n))
    label_w = 110
    w = label_w + n * size + 4
    h = label_w + n * size + 4
    parts = [
        f'<svg class="heat" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{esc(caption)}">'
    ]
    for j, label in enumerate(labels):
        x = label_w + j * size + size / 2
        parts.append(
            f'<text transform="translate({x + 3:.1f},{label_w - 4}) rotate(-60)" class="tick">'
            f"<title>{esc(label)}</title>{esc(_short(label))}</text>"
        )
    for i, label in enumerate(labels):
        y = label_w + i * size
        parts.append(
            f'<text x="{label_w - 4}" y="{y + size / 2 + 3:.1f}" class="tick" text-anchor="end">'
            f"<title>{esc(label)}</title>{esc(_short(label))}</text>"
        )
        for j in range(n):
            if lower_only and j >= i:
                continue
            value = cell(i, j)
            tip = f"{labels[i]} \u00d7 {labels[j]}: {fmt(value)}"
            parts.append(
                f'<rect x="{label_w + j * size}" y="{y}" width="{size - 1}" height="{size - 1}" fill="{colour(value)}">'
                f"<title>{esc(tip)}</title></rect>"
            )
    parts.append("</svg>")
    return "".join(parts)
