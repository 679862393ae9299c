"""The HTML page's text-column sections: drift, diversity, leakage and generation of each free-text column."""

from __future__ import annotations

from veil.reports.html_format import esc, fmt, pct, table_row
from veil.reports.model import TextColumnReport


def _val(value: object) -> str:
    """Plain text of a free-form ``generation`` value (escape the result with :func:`~veil.reports.html_format.esc`)."""
    if value is None:
        return "n/a"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return fmt(value, ".4g")
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_val(v)}" for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))) or "none"
    if isinstance(value, (list, tuple)):
        return ", ".join(_val(v) for v in value) or "none"
    return str(value)


def _count(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else _val(value)


# fmt: off
_GEN_SHOWN = {
    "generator_model", "judge_model", "prompts", "candidates", "kept", "selected", "rejected",
    "diversity_before", "diversity_after", "usage", "unfilled_rows", "private_evolution",
}
# fmt: on
_DIVERSITY_KEYS = ("distinct_1", "distinct_2", "vendi")


def _text_generation_table(t: TextColumnReport) -> str:
    gen = t.generation if isinstance(t.generation, dict) else {}
    rows = [table_row("Engine", esc(t.engine))]
    for key, label in (("generator_model", "Generator model"), ("judge_model", "Judge model")):
        if gen.get(key):
            rows.append(table_row(label, esc(_val(gen[key]))))
    if "prompts" in gen:
        rows.append(table_row("Prompt versions", esc(_val(gen["prompts"]))))
    funnel = [(k, gen[k]) for k in ("candidates", "kept", "selected") if k in gen]
    if funnel:
        rows.append(
            table_row(
                " \u2192 ".join(k.capitalize() for k, _ in funnel),
                esc(" \u2192 ".join(_count(v) for _, v in funnel)),
                "generated, passed the filters, used in the output",
            )
        )
    if "rejected" in gen:
        rejected = gen["rejected"]
        text = _val(rejected) if isinstance(rejected, dict) else _count(rejected)
        rows.append(table_row("Rejected by reason", esc(text)))
    usage = gen.get("usage")
    if isinstance(usage, dict) and usage:
        if "requests" in usage or "retries" in usage:
            rows.append(
                table_row(
                    "LLM requests / retries",
                    esc(f"{_count(usage.get('requests'))} / {_count(usage.get('retries'))}"),
                    "retries: " + _val(usage["retry_reasons"]) if usage.get("retry_reasons") else "",
                )
            )
        if "prompt_tokens" in usage or "completion_tokens" in usage:
            rows.append(
                table_row(
                    "Tokens (prompt / completion)",
                    esc(f"{_count(usage.get('prompt_tokens'))} / {_count(usage.get('completion_tokens'))}"),
                )
            )
        if "cost" in usage:
            rows.append(table_row("Cost", esc(fmt(usage["cost"], ".4f")), "at the configured price per 1,000 tokens"))
        if usage.get("failures"):
            rows.append(table_row("Failed requests", esc(_val(usage["failures"]))))
        rest = {
            k: v
            for k, v in usage.items()
            if k
            not in {"requests", "retries", "retry_reasons", "prompt_tokens", "completion_tokens", "cost", "failures"}
        }
        if rest:
            rows.append(table_row("Other LLM usage", esc(_val(rest))))
    elif usage is not None:
        rows.append(table_row("LLM usage", esc(_val(usage))))
    before, after = gen.get("diversity_before"), gen.get("diversity_after")
    if isinstance(before, dict) or isinstance(after, dict):
        before = before if isinstance(before, dict) else {}
        after = after if isinstance(after, dict) else {}
        keys = [k for k in _DIVERSITY_KEYS if k in before or k in after]
        keys += sorted(k for k in {*before, *after} if k not in _DIVERSITY_KEYS)
        for k in keys:
            rows.append(
                table_row(
                    f"Diversity {k} (before \u2192 after filter)",
                    esc(f"{_val(before.get(k))} \u2192 {_val(after.get(k))}"),
                )
            )
    if "unfilled_rows" in gen:
        rows.append(table_row("Unfilled rows", esc(_count(gen["unfilled_rows"])), "rows left empty (no usable text)"))
    if "private_evolution" in gen:
        pe = gen["private_evolution"]
        if isinstance(pe, dict):
            rows.extend(
                table_row(f"Private Evolution: {k}", esc(_val(v)))
                for k, v in sorted(pe.items(), key=lambda kv: str(kv[0]))
            )
        else:
            rows.append(table_row("Private Evolution", esc(_val(pe))))
    rows.extend(
        table_row(str(k), esc(_val(v)))
        for k, v in sorted(gen.items(), key=lambda kv: str(kv[0]))
        if k not in _GEN_SHOWN
    )
    return '<table><tr><th>Generation</th><th class="num">Value</th><th></th></tr>' + "".join(rows) + "</table>"


def _text_column_block(t: TextColumnReport) -> str:
    d, v, lk = t.drift, t.diversity, t.leakage
    out = [f'<div class="textcol"><h3>{esc(t.column)} <span class="muted small">({esc(t.engine)})</span></h3>']

    out.append(
        '<h4>Drift (synthetic vs holdout)</h4><table><tr><th>Measure</th><th class="num">Value</th><th></th></tr>'
    )
    out.append(table_row("Length similarity (KS complement)", fmt(d.length_ks), "1 = same token-count distribution"))
    out.append(table_row("Vocabulary similarity (1 \u2212 TV)", fmt(d.vocab_tv), "1 = same word frequencies"))
    out.append(table_row("Embedding MMD\u00b2", fmt(d.embedding_mmd, ".4f"), "0 = same distribution"))
    out.append(
        table_row(
            "Embedding detection AUC",
            f"{fmt(d.embedding_auc)} [{fmt(d.embedding_auc_low)}, {fmt(d.embedding_auc_high)}]",
            f"0.5 = indistinguishable from real; 95% interval on {d.embedded_texts:,} texts a side",
        )
    )
    out.append(table_row("Cluster coverage", pct(d.cluster_coverage), "holdout clusters reached by synthetic texts"))
    out.append(
        table_row(
            "Mean tokens (holdout / synthetic)",
            f"{fmt(d.mean_tokens_real, '.1f')} / {fmt(d.mean_tokens_synthetic, '.1f')}",
        )
    )
    out.append("</table>")

    out.append(
        '<h4>Diversity</h4><table><tr><th>Measure</th><th class="num">Synthetic</th>'
        '<th class="num">Holdout (real)</th></tr>'
    )
    out.append(
        f'<tr><td>Vendi score</td><td class="num">{fmt(v.vendi, ".2f")}</td>'
        f'<td class="num">{fmt(v.vendi_real, ".2f")}</td></tr>'
    )
    out.append(f'<tr><td>Distinct-1</td><td class="num">{fmt(v.distinct_1)}</td><td></td></tr>')
    out.append(f'<tr><td>Distinct-2</td><td class="num">{fmt(v.distinct_2)}</td><td></td></tr>')
    out.append(f'<tr><td>Cluster coverage</td><td class="num">{pct(v.cluster_coverage)}</td><td></td></tr>')
    out.append(f'<tr><td>Duplicate share</td><td class="num">{pct(v.duplicate_share)}</td><td></td></tr>')
    out.append("</table>")

    out.append(
        '<h4>Leakage (synthetic vs train)</h4><table><tr><th>Measure</th><th class="num">Value</th><th></th></tr>'
    )
    out.append(
        table_row(
            "Longest verbatim overlap, tokens (max / p50 / p95)",
            f"{lk.longest_overlap_max:,} / {fmt(lk.longest_overlap_p50, '.1f')} / {fmt(lk.longest_overlap_p95, '.1f')}",
            "longest run of tokens shared with a train text",
        )
    )
    out.append(table_row(f"Share with an overlap of {lk.threshold:,}+ tokens", pct(lk.share_over_threshold)))
    out.append(table_row("PII replay", f"{lk.pii_replay:,}", "raw input PII values found in the synthetic texts"))
    if lk.canaries_planted:
        out.append(
            table_row(
                "Canaries exposed / planted",
                f"{lk.canaries_exposed:,} / {lk.canaries_planted:,}",
                f"exposure {pct(lk.canary_exposure)}",
            )
        )
    else:
        out.append(table_row("Canaries exposed / planted", f"{lk.canaries_exposed:,} / 0", "no canaries planted"))
    out.append("</table>")

    out.append("<h4>Generation</h4>" + _text_generation_table(t))
    if t.warnings:
        out.append('<ul class="warnings">')
        out.extend(f"<li>{esc(w)}</li>" for w in t.warnings)
        out.append("</ul>")
    out.append("</div>")
    return "".join(out)


def text_columns_section(columns: list[TextColumnReport]) -> list[str]:
    """The "Text columns" section: one block per text column; nothing when there are none.

    Args:
        columns: The report's text columns.

    Returns:
        The section's page lines.
    """
    if not columns:
        return []
    return ["<h2>Text columns</h2>", *(_text_column_block(t) for t in columns)]
