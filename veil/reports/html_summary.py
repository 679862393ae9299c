"""The top of the HTML page: the privacy guarantee banner, the summary cards and the report's warnings."""

from __future__ import annotations

from veil.reports.html_format import (
    BAD,
    GOOD,
    WARN,
    esc,
    fmt,
    pct,
    status_higher_better,
    status_near_half,
)
from veil.reports.model import PrivacyGuarantee, Report


def guarantee_banner(g: PrivacyGuarantee) -> list[str]:
    """The privacy guarantee, prominent: its statement, and for differential privacy its parameters.

    Args:
        g: The report's privacy guarantee.

    Returns:
        The banner's page line.
    """
    if g.kind == "differential_privacy":
        detail = f"&epsilon; = {esc(f'{g.epsilon:g}')}, &delta; = {esc(f'{g.delta:g}')}"
        rows = "".join(f"<tr><td>{esc(k)}</td><td>{esc(v)}</td></tr>" for k, v in sorted(g.preprocessing.items()))
        return [
            f'<div class="guarantee dp"><strong>Privacy guarantee:</strong> {esc(g.statement)}'
            f'<div class="small">Differential privacy, {detail}. Accountant: {esc(g.accountant)}.</div>'
            + (
                f"<details><summary>Preprocessing: public or paid for with DP</summary><table>{rows}</table></details>"
                if rows
                else ""
            )
            + "</div>"
        ]
    return [
        f'<div class="guarantee none"><strong>Privacy guarantee:</strong> {esc(g.statement)}'
        '<div class="small">No formal guarantee holds. The leakage figures below are empirical '
        "measurements on this data, not a bound.</div></div>"
    ]


def _card(key: str, value: str, hint: str, status: str) -> str:
    return (
        f'<div class="card {status}"><div class="k">{esc(key)}</div><div class="v">{esc(value)}</div>'
        f'<div class="h">{esc(hint)}</div></div>'
    )


def summary_cards(report: Report) -> list[str]:
    """The "Summary" section: one card per headline drift or leakage figure, coloured by status.

    Args:
        report: The report.

    Returns:
        The section's page lines, ending with the closest-record distances.
    """
    drift, leak = report.drift, report.leakage
    pii = leak.pii_replay
    return [
        '<h2>Summary</h2><div class="cards">',
        _card(
            "Column shapes",
            pct(drift.column_shape_score),
            "similarity to holdout, 100% = same",
            status_higher_better(drift.column_shape_score, 0.9, 0.75),
        ),
        _card(
            "Pair trends",
            pct(drift.pair_trend_score),
            "similarity to holdout, 100% = same",
            status_higher_better(drift.pair_trend_score, 0.9, 0.75),
        ),
        _card(
            "Detection AUC",
            fmt(drift.detection_auc),
            "0.5 = indistinguishable from real",
            status_near_half(drift.detection_auc, 0.1, 0.25),
        ),
        _card(
            "Exact copies",
            f"{leak.exact_copies:,}",
            f"{pct(leak.exact_copy_share)} of synthetic rows equal a train row; "
            f"{pct(leak.natural_copy_share)} of holdout rows do",
            GOOD if leak.exact_copy_share <= leak.natural_copy_share else WARN,
        ),
        _card(
            "DCR share",
            pct(leak.dcr_share),
            "closer to train than holdout; 50% is ideal",
            status_near_half(leak.dcr_share, 0.05, 0.1),
        ),
        _card(
            "PII replay",
            f"{pii.count:,}",
            f"raw input PII values in output ({pii.fingerprints_checked:,} checked)",
            GOOD if pii.count == 0 else BAD,
        ),
        "</div>",
        f'<p class="small muted">Median distance to the closest train row: {fmt(leak.dcr_median)}; '
        f"median nearest-neighbour distance ratio: {fmt(leak.nndr_median)} "
        "(close to 0 means rows single out one train record).</p>",
    ]


def warnings_list(warnings: list[str]) -> list[str]:
    """The "Warnings" section; nothing when there are none.

    Args:
        warnings: The report's warnings.

    Returns:
        The section's page lines.
    """
    if not warnings:
        return []
    return ['<h2>Warnings</h2><ul class="warnings">', *(f"<li>{esc(w)}</li>" for w in warnings), "</ul>"]
