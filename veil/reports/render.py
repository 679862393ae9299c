"""Renderings of a :class:`~reports.model.Report`: JSON and one self-contained HTML page.

The HTML page has no external resources at all (no scripts, stylesheets,
fonts or images from anywhere): CSS is inline and every plot is an inline
SVG generated here. Every string that comes from the report is escaped.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from veil.reports.model import Report, TextColumnReport


def render_json(report: Report) -> str:
    """The report as JSON text: sorted keys, floats as floats, NaN as ``null``."""
    return report.to_json()


# ---------------------------------------------------------------- helpers


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _isnum(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _fmt(value: float | None, spec: str = ".3f") -> str:
    return format(value, spec) if _isnum(value) else "n/a"


def _pct(value: float | None) -> str:
    return f"{value * 100:.1f}%" if _isnum(value) else "n/a"


GOOD, WARN, BAD, NEUTRAL = "good", "warn", "bad", "neutral"


def _status_higher_better(value: float | None, good: float, warn: float) -> str:
    if not _isnum(value):
        return NEUTRAL
    return GOOD if value >= good else WARN if value >= warn else BAD


def _status_near_half(value: float | None, good: float, warn: float) -> str:
    if not _isnum(value):
        return NEUTRAL
    off = abs(value - 0.5)
    return GOOD if off <= good else WARN if off <= warn else BAD


def _score_colour(value: float | None) -> str:
    """0 (red) .. 1 (green) on an HSL ramp; grey when missing."""
    if not _isnum(value):
        return "#d9d9d9"
    v = min(max(float(value), 0.0), 1.0)
    # Most interesting differences live in 0.7..1: stretch that range.
    t = min(max((v - 0.5) / 0.5, 0.0), 1.0)
    return f"hsl({int(round(120 * t))},65%,{int(round(62 - 12 * t))}%)"


def _corr_colour(value: float | None) -> str:
    """-1 (blue) .. 0 (white) .. 1 (red)."""
    if not _isnum(value):
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


# ---------------------------------------------------------------- SVG plots

_HOLD, _SYN = "#4c78a8", "#f58518"


def _svg_histogram(plot: dict[str, Any], column: str) -> str:
    edges, real, synth = plot.get("edges", []), plot.get("holdout", []), plot.get("synthetic", [])
    if not edges or not real:
        return '<span class="muted">no data</span>'
    w, h, pad = 260, 90, 14
    n = len(real)
    top = max([*real, *synth, 1e-9])
    bw = (w - 2) / n
    parts = [
        f'<svg class="plot" width="{w}" height="{h + pad}" viewBox="0 0 {w} {h + pad}" role="img" '
        f'aria-label="{_e("histogram of " + column)}">'
    ]
    for i in range(n):
        x = 1 + i * bw
        rh = real[i] / top * (h - 4)
        parts.append(
            f'<rect x="{x:.1f}" y="{h - rh:.1f}" width="{bw - 1:.1f}" height="{rh:.1f}" fill="{_HOLD}" fill-opacity="0.55"/>'
        )
    points = " ".join(
        f"{1 + i * bw:.1f},{h - synth[i] / top * (h - 4):.1f} {1 + (i + 1) * bw:.1f},{h - synth[i] / top * (h - 4):.1f}"
        for i in range(n)
    )
    parts.append(f'<polyline points="{points}" fill="none" stroke="{_SYN}" stroke-width="2"/>')
    kind = plot.get("kind", "numeric")
    parts.append(f'<line x1="0" y1="{h}" x2="{w}" y2="{h}" stroke="#999"/>')
    parts.append(f'<text x="1" y="{h + pad - 2}" class="tick">{_e(_axis_label(edges[0], kind))}</text>')
    parts.append(
        f'<text x="{w - 1}" y="{h + pad - 2}" class="tick" text-anchor="end">{_e(_axis_label(edges[-1], kind))}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _svg_bars(plot: dict[str, Any], column: str) -> str:
    labels, real, synth = plot.get("labels", []), plot.get("holdout", []), plot.get("synthetic", [])
    if not labels:
        return '<span class="muted">no data</span>'
    row, label_w, w = 13, 96, 260
    bar_w = w - label_w - 40
    h = row * len(labels) + 2
    top = max([*real, *synth, 1e-9])
    parts = [
        f'<svg class="plot" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" '
        f'aria-label="{_e("category shares of " + column)}">'
    ]
    for i, label in enumerate(labels):
        y = 1 + i * row
        rw, sw = real[i] / top * bar_w, synth[i] / top * bar_w
        parts.append(
            f'<text x="{label_w - 4}" y="{y + 9}" class="tick" text-anchor="end"><title>{_e(label)}</title>{_e(_short(label))}</text>'
            f'<rect x="{label_w}" y="{y}" width="{rw:.1f}" height="5.5" fill="{_HOLD}"/>'
            f'<rect x="{label_w}" y="{y + 5.5:.1f}" width="{sw:.1f}" height="5.5" fill="{_SYN}"/>'
            f'<text x="{label_w + max(rw, sw) + 3:.1f}" y="{y + 9}" class="tick">{_e(_pct(synth[i]))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _svg_heatmap(
    labels: Sequence[str],
    cell: Callable[[int, int], float | None],
    colour: Callable[[float | None], str],
    caption: str,
    *,
    lower_only: bool = False,
) -> str:
    n = len(labels)
    if n < 2:
        return '<p class="muted">not enough columns</p>'
    size = max(12, min(30, 560 // n))
    label_w = 110
    w = label_w + n * size + 4
    h = label_w + n * size + 4
    parts = [f'<svg class="heat" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{_e(caption)}">']
    for j, label in enumerate(labels):
        x = label_w + j * size + size / 2
        parts.append(
            f'<text transform="translate({x + 3:.1f},{label_w - 4}) rotate(-60)" class="tick">'
            f"<title>{_e(label)}</title>{_e(_short(label))}</text>"
        )
    for i, label in enumerate(labels):
        y = label_w + i * size
        parts.append(
            f'<text x="{label_w - 4}" y="{y + size / 2 + 3:.1f}" class="tick" text-anchor="end">'
            f"<title>{_e(label)}</title>{_e(_short(label))}</text>"
        )
        for j in range(n):
            if lower_only and j >= i:
                continue
            value = cell(i, j)
            tip = f"{labels[i]} \u00d7 {labels[j]}: {_fmt(value)}"
            parts.append(
                f'<rect x="{label_w + j * size}" y="{y}" width="{size - 1}" height="{size - 1}" fill="{colour(value)}">'
                f"<title>{_e(tip)}</title></rect>"
            )
    parts.append("</svg>")
    return "".join(parts)


# ---------------------------------------------------------------- text columns


def _val(value: object) -> str:
    """Plain text of a free-form ``generation`` value (escape the result with :func:`_e`)."""
    if value is None:
        return "n/a"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return _fmt(value, ".4g")
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_val(v)}" for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))) or "none"
    if isinstance(value, (list, tuple)):
        return ", ".join(_val(v) for v in value) or "none"
    return str(value)


def _count(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else _val(value)


def _row(label: str, value_html: str, hint: str = "") -> str:
    return f'<tr><td>{_e(label)}</td><td class="num">{value_html}</td><td class="muted small">{_e(hint)}</td></tr>'


# fmt: off
_GEN_SHOWN = {
    "generator_model", "judge_model", "prompts", "candidates", "kept", "selected", "rejected",
    "diversity_before", "diversity_after", "usage", "unfilled_rows", "private_evolution",
}
# fmt: on
_DIVERSITY_KEYS = ("distinct_1", "distinct_2", "vendi")


def _text_generation_table(t: TextColumnReport) -> str:
    gen = t.generation if isinstance(t.generation, dict) else {}
    rows = [_row("Engine", _e(t.engine))]
    for key, label in (("generator_model", "Generator model"), ("judge_model", "Judge model")):
        if gen.get(key):
            rows.append(_row(label, _e(_val(gen[key]))))
    if "prompts" in gen:
        rows.append(_row("Prompt versions", _e(_val(gen["prompts"]))))
    funnel = [(k, gen[k]) for k in ("candidates", "kept", "selected") if k in gen]
    if funnel:
        rows.append(
            _row(
                " \u2192 ".join(k.capitalize() for k, _ in funnel),
                _e(" \u2192 ".join(_count(v) for _, v in funnel)),
                "generated, passed the filters, used in the output",
            )
        )
    if "rejected" in gen:
        rejected = gen["rejected"]
        text = _val(rejected) if isinstance(rejected, dict) else _count(rejected)
        rows.append(_row("Rejected by reason", _e(text)))
    usage = gen.get("usage")
    if isinstance(usage, dict) and usage:
        if "requests" in usage or "retries" in usage:
            rows.append(
                _row(
                    "LLM requests / retries",
                    _e(f"{_count(usage.get('requests'))} / {_count(usage.get('retries'))}"),
                    "retries: " + _val(usage["retry_reasons"]) if usage.get("retry_reasons") else "",
                )
            )
        if "prompt_tokens" in usage or "completion_tokens" in usage:
            rows.append(
                _row(
                    "Tokens (prompt / completion)",
                    _e(f"{_count(usage.get('prompt_tokens'))} / {_count(usage.get('completion_tokens'))}"),
                )
            )
        if "cost" in usage:
            rows.append(_row("Cost", _e(_fmt(usage["cost"], ".4f")), "at the configured price per 1,000 tokens"))
        if usage.get("failures"):
            rows.append(_row("Failed requests", _e(_val(usage["failures"]))))
        rest = {
            k: v
            for k, v in usage.items()
            if k
            not in {"requests", "retries", "retry_reasons", "prompt_tokens", "completion_tokens", "cost", "failures"}
        }
        if rest:
            rows.append(_row("Other LLM usage", _e(_val(rest))))
    elif usage is not None:
        rows.append(_row("LLM usage", _e(_val(usage))))
    before, after = gen.get("diversity_before"), gen.get("diversity_after")
    if isinstance(before, dict) or isinstance(after, dict):
        before = before if isinstance(before, dict) else {}
        after = after if isinstance(after, dict) else {}
        keys = [k for k in _DIVERSITY_KEYS if k in before or k in after]
        keys += sorted(k for k in {*before, *after} if k not in _DIVERSITY_KEYS)
        for k in keys:
            rows.append(
                _row(
                    f"Diversity {k} (before \u2192 after filter)",
                    _e(f"{_val(before.get(k))} \u2192 {_val(after.get(k))}"),
                )
            )
    if "unfilled_rows" in gen:
        rows.append(_row("Unfilled rows", _e(_count(gen["unfilled_rows"])), "rows left empty (no usable text)"))
    if "private_evolution" in gen:
        pe = gen["private_evolution"]
        if isinstance(pe, dict):
            rows.extend(
                _row(f"Private Evolution: {k}", _e(_val(v))) for k, v in sorted(pe.items(), key=lambda kv: str(kv[0]))
            )
        else:
            rows.append(_row("Private Evolution", _e(_val(pe))))
    rows.extend(
        _row(str(k), _e(_val(v))) for k, v in sorted(gen.items(), key=lambda kv: str(kv[0])) if k not in _GEN_SHOWN
    )
    return '<table><tr><th>Generation</th><th class="num">Value</th><th></th></tr>' + "".join(rows) + "</table>"


def _text_column_block(t: TextColumnReport) -> str:
    d, v, lk = t.drift, t.diversity, t.leakage
    out = [f'<div class="textcol"><h3>{_e(t.column)} <span class="muted small">({_e(t.engine)})</span></h3>']

    out.append(
        '<h4>Drift (synthetic vs holdout)</h4><table><tr><th>Measure</th><th class="num">Value</th><th></th></tr>'
    )
    out.append(_row("Length similarity (KS complement)", _fmt(d.length_ks), "1 = same token-count distribution"))
    out.append(_row("Vocabulary similarity (1 \u2212 TV)", _fmt(d.vocab_tv), "1 = same word frequencies"))
    out.append(_row("Embedding MMD\u00b2", _fmt(d.embedding_mmd, ".4f"), "0 = same distribution"))
    out.append(_row("Embedding detection AUC", _fmt(d.embedding_auc), "0.5 = indistinguishable from real"))
    out.append(_row("Cluster coverage", _pct(d.cluster_coverage), "holdout clusters reached by synthetic texts"))
    out.append(
        _row(
            "Mean tokens (holdout / synthetic)",
            f"{_fmt(d.mean_tokens_real, '.1f')} / {_fmt(d.mean_tokens_synthetic, '.1f')}",
        )
    )
    out.append("</table>")

    out.append(
        '<h4>Diversity</h4><table><tr><th>Measure</th><th class="num">Synthetic</th>'
        '<th class="num">Holdout (real)</th></tr>'
    )
    out.append(
        f'<tr><td>Vendi score</td><td class="num">{_fmt(v.vendi, ".2f")}</td><td class="num">{_fmt(v.vendi_real, ".2f")}</td></tr>'
    )
    out.append(f'<tr><td>Distinct-1</td><td class="num">{_fmt(v.distinct_1)}</td><td></td></tr>')
    out.append(f'<tr><td>Distinct-2</td><td class="num">{_fmt(v.distinct_2)}</td><td></td></tr>')
    out.append(f'<tr><td>Cluster coverage</td><td class="num">{_pct(v.cluster_coverage)}</td><td></td></tr>')
    out.append(f'<tr><td>Duplicate share</td><td class="num">{_pct(v.duplicate_share)}</td><td></td></tr>')
    out.append("</table>")

    out.append(
        '<h4>Leakage (synthetic vs train)</h4><table><tr><th>Measure</th><th class="num">Value</th><th></th></tr>'
    )
    out.append(
        _row(
            "Longest verbatim overlap, tokens (max / p50 / p95)",
            f"{lk.longest_overlap_max:,} / {_fmt(lk.longest_overlap_p50, '.1f')} / {_fmt(lk.longest_overlap_p95, '.1f')}",
            "longest run of tokens shared with a train text",
        )
    )
    out.append(_row(f"Share with an overlap of {lk.threshold:,}+ tokens", _pct(lk.share_over_threshold)))
    out.append(_row("PII replay", f"{lk.pii_replay:,}", "raw input PII values found in the synthetic texts"))
    if lk.canaries_planted:
        out.append(
            _row(
                "Canaries exposed / planted",
                f"{lk.canaries_exposed:,} / {lk.canaries_planted:,}",
                f"exposure {_pct(lk.canary_exposure)}",
            )
        )
    else:
        out.append(_row("Canaries exposed / planted", f"{lk.canaries_exposed:,} / 0", "no canaries planted"))
    out.append("</table>")

    out.append("<h4>Generation</h4>" + _text_generation_table(t))
    if t.warnings:
        out.append('<ul class="warnings">')
        out.extend(f"<li>{_e(w)}</li>" for w in t.warnings)
        out.append("</ul>")
    out.append("</div>")
    return "".join(out)


# ---------------------------------------------------------------- page

_CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;color:#222;background:#f6f7f9}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:1.6em;margin:0 0 4px} h2{font-size:1.2em;margin:28px 0 10px;border-bottom:1px solid #ddd;padding-bottom:4px}
.muted{color:#777} .small{font-size:.85em}
.guarantee{border-radius:8px;padding:14px 18px;margin:14px 0;font-size:1.15em;border:2px solid}
.guarantee.none{background:#fff4e5;border-color:#f0a030} .guarantee.dp{background:#e8f6ec;border-color:#3a9a5b}
.guarantee strong{font-size:1.1em}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:12px}
.card{background:#fff;border-radius:8px;padding:12px 14px;border-top:5px solid #bbb;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.card.good{border-top-color:#3a9a5b} .card.warn{border-top-color:#e0a020} .card.bad{border-top-color:#d04040}
.card .v{font-size:1.7em;font-weight:600;margin:4px 0} .card .k{font-size:.85em;color:#555} .card .h{font-size:.75em;color:#888}
table{border-collapse:collapse;background:#fff;width:100%;box-shadow:0 1px 2px rgba(0,0,0,.08)}
th,td{padding:6px 10px;border-bottom:1px solid #eee;text-align:left;vertical-align:middle}
th{background:#fafafa;font-weight:600;font-size:.9em} td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.chip{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:middle;margin-right:4px}
.warnings li{background:#fff4e5;border-left:4px solid #f0a030;padding:6px 10px;margin:4px 0;list-style:none}
.warnings{padding:0}
svg text.tick{font-size:9px;fill:#555}
.legend span{margin-right:14px}
.heats{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
footer{margin:32px 0 8px;color:#888;font-size:.8em}
h3{font-size:1.05em;margin:22px 0 8px} h4{font-size:.95em;margin:14px 0 6px;color:#444}
.textcol{margin-bottom:18px}
"""


def _card(key: str, value: str, hint: str, status: str) -> str:
    return f'<div class="card {status}"><div class="k">{_e(key)}</div><div class="v">{_e(value)}</div><div class="h">{_e(hint)}</div></div>'


def _legend() -> str:
    return (
        f'<p class="legend small"><span><i class="chip" style="background:{_HOLD}"></i>holdout (real)</span>'
        f'<span><i class="chip" style="background:{_SYN}"></i>synthetic</span></p>'
    )


def _protection_block(protection) -> list[str]:
    if protection.k == 0:
        return []
    if protection.k == 1:
        return ['<h2>Rare-value protection</h2><p class="small">Off (k = 1): rare values may be emitted verbatim.</p>']
    out = [
        f"<h2>Rare-value protection (k = {protection.k})</h2>",
        f'<p class="small">No categorical value held by fewer than {protection.k} training rows is emitted; '
        f"numeric and datetime values stay within the range that {protection.k} rows share at each end.</p>",
    ]
    if not protection.columns:
        out.append('<p class="small muted">Nothing needed protecting.</p>')
        return out
    out.append("<table><tr><th>Column</th><th>Values</th><th>Training rows</th><th>How</th></tr>")
    out.extend(
        f'<tr><td>{_e(c.column)}</td><td class="num">{c.values:,}</td><td class="num">{c.rows:,}</td>'
        f"<td>{_e(c.how)}</td></tr>"
        for c in protection.columns
    )
    out.append("</table>")
    return out


def render_html(report: Report) -> str:
    """One self-contained HTML page (inline CSS and SVG, no scripts or external links)."""
    drift, leak, g = report.drift, report.leakage, report.privacy_guarantee
    title = report.title or "Synthetic data report"
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body><main>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="muted">{report.train_rows:,} train rows &middot; {report.holdout_rows:,} holdout rows &middot; '
        f"{report.synthetic_rows:,} synthetic rows</p>",
    ]

    # Privacy guarantee, prominent.
    if g.kind == "differential_privacy":
        detail = f"&epsilon; = {_e(f'{g.epsilon:g}')}, &delta; = {_e(f'{g.delta:g}')}"
        rows = "".join(f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in sorted(g.preprocessing.items()))
        out.append(
            f'<div class="guarantee dp"><strong>Privacy guarantee:</strong> {_e(g.statement)}'
            f'<div class="small">Differential privacy, {detail}. Accountant: {_e(g.accountant)}.</div>'
            + (
                f"<details><summary>Preprocessing: public or paid for with DP</summary><table>{rows}</table></details>"
                if rows
                else ""
            )
            + "</div>"
        )
    else:
        out.append(
            f'<div class="guarantee none"><strong>Privacy guarantee:</strong> {_e(g.statement)}'
            '<div class="small">No formal guarantee holds. The leakage figures below are empirical '
            "measurements on this data, not a bound.</div></div>"
        )

    # Summary cards.
    pii = leak.pii_replay
    out.append('<h2>Summary</h2><div class="cards">')
    out.append(
        _card(
            "Column shapes",
            _pct(drift.column_shape_score),
            "similarity to holdout, 100% = same",
            _status_higher_better(drift.column_shape_score, 0.9, 0.75),
        )
    )
    out.append(
        _card(
            "Pair trends",
            _pct(drift.pair_trend_score),
            "similarity to holdout, 100% = same",
            _status_higher_better(drift.pair_trend_score, 0.9, 0.75),
        )
    )
    out.append(
        _card(
            "Detection AUC",
            _fmt(drift.detection_auc),
            "0.5 = indistinguishable from real",
            _status_near_half(drift.detection_auc, 0.1, 0.25),
        )
    )
    out.append(
        _card(
            "Exact copies",
            f"{leak.exact_copies:,}",
            f"{_pct(leak.exact_copy_share)} of synthetic rows equal a train row",
            GOOD if leak.exact_copies == 0 else WARN,
        )
    )
    out.append(
        _card(
            "DCR share",
            _pct(leak.dcr_share),
            "closer to train than holdout; 50% is ideal",
            _status_near_half(leak.dcr_share, 0.05, 0.1),
        )
    )
    out.append(
        _card(
            "PII replay",
            f"{pii.count:,}",
            f"raw input PII values in output ({pii.fingerprints_checked:,} checked)",
            GOOD if pii.count == 0 else BAD,
        )
    )
    out.append("</div>")
    out.append(
        f'<p class="small muted">Median distance to the closest train row: {_fmt(leak.dcr_median)}; '
        f"median nearest-neighbour distance ratio: {_fmt(leak.nndr_median)} (close to 0 means rows single out one train record).</p>"
    )

    if report.warnings:
        out.append('<h2>Warnings</h2><ul class="warnings">')
        out.extend(f"<li>{_e(w)}</li>" for w in report.warnings)
        out.append("</ul>")

    if pii.by_column:
        out.append("<h2>PII replay by column</h2><table><tr><th>Column</th><th>Values replayed</th></tr>")
        out.extend(f'<tr><td>{_e(c)}</td><td class="num">{n:,}</td></tr>' for c, n in sorted(pii.by_column.items()))
        out.append("</table>")
    if pii.gate_replaced:
        out.append(
            '<h2>Release gate</h2><p class="small">Generated cells that coincided with a raw PII value of '
            "the input and were replaced before release.</p><table><tr><th>Column</th><th>Cells replaced</th></tr>"
        )
        out.extend(f'<tr><td>{_e(c)}</td><td class="num">{n:,}</td></tr>' for c, n in sorted(pii.gate_replaced.items()))
        out.append("</table>")
    out.extend(_protection_block(leak.value_protection))

    # Utility.
    u = drift.utility
    out.append("<h2>Utility (train on synthetic, test on real holdout)</h2>")
    if u is None:
        out.append('<p class="muted">No target column was named.</p>')
    else:
        out.append(
            '<table><tr><th>Target</th><th>Task</th><th>Metric</th><th class="num">Trained on synthetic</th>'
            '<th class="num">Trained on real</th></tr>'
            f"<tr><td>{_e(u.target_column)}</td><td>{_e(u.task)}</td><td>{_e(u.metric)}</td>"
            f'<td class="num">{_fmt(u.synthetic_score)}</td><td class="num">{_fmt(u.real_score)}</td></tr></table>'
        )

    # Columns.
    plots = report.plots.get("columns", {}) if isinstance(report.plots, dict) else {}
    out.append("<h2>Columns</h2>" + _legend())
    out.append(
        "<table><tr><th>Column</th><th>Kind</th><th>Metric</th><th>vs holdout</th><th>vs train</th><th>Holdout vs synthetic</th></tr>"
    )
    for c in drift.columns:
        plot = plots.get(c.column, {})
        svg = _svg_histogram(plot, c.column) if plot.get("type") == "histogram" else _svg_bars(plot, c.column)
        out.append(
            f"<tr><td>{_e(c.column)}</td><td>{_e(c.kind)}</td><td>{_e(c.metric)}</td>"
            f'<td class="num"><i class="chip" style="background:{_score_colour(c.score_vs_holdout)}"></i>{_fmt(c.score_vs_holdout)}</td>'
            f'<td class="num">{_fmt(c.score_vs_train)}</td><td>{svg}</td></tr>'
        )
    if not drift.columns:
        out.append('<tr><td colspan="6" class="muted">No modelled columns.</td></tr>')
    out.append("</table>")

    # Pair trends heatmap.
    out.append("<h2>Pair trends</h2>")
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
        _svg_heatmap(
            column_order,
            lambda i, j: scores.get((column_order[i], column_order[j])),
            _score_colour,
            "pair trend similarity",
            lower_only=True,
        )
    )
    out.append("</div>")
    if drift.pairs:
        out.append(
            "<details><summary>All pair scores</summary><table><tr><th>Column A</th><th>Column B</th><th>Metric</th><th>Score</th></tr>"
        )
        out.extend(
            f'<tr><td>{_e(p.column_a)}</td><td>{_e(p.column_b)}</td><td>{_e(p.metric)}</td><td class="num">{_fmt(p.score_vs_holdout)}</td></tr>'
            for p in drift.pairs
        )
        out.append("</table></details>")

    # Correlations.
    corr = report.plots.get("correlation", {}) if isinstance(report.plots, dict) else {}
    cols = corr.get("columns", [])
    if len(cols) >= 2 and corr.get("holdout") and corr.get("synthetic"):
        out.append('<h2>Correlations (Pearson)</h2><div class="heats">')
        for side in ("holdout", "synthetic"):
            m = corr[side]
            out.append(f"<div><p><strong>{_e(side)}</strong></p>")
            out.append(_svg_heatmap(cols, lambda i, j, m=m: m[i][j], _corr_colour, f"{side} correlations"))
            out.append("</div>")
        out.append("</div>")

    if report.text_columns:
        out.append("<h2>Text columns</h2>")
        out.extend(_text_column_block(t) for t in report.text_columns)

    timing = ", ".join(f"{_e(k)} {v:.2f}s" for k, v in report.timings.items())
    out.append(f"<footer>Generated by Veil. {timing}</footer>")
    out.append("</main></body></html>")
    return "\n".join(out)
