"""The HTML page's attack section: anonymeter's risks and membership inference, each with its verdict."""

from __future__ import annotations

from veil.reports.html_format import esc, fmt
from veil.reports.model import AttackReport, LeakageReport, PrivacyGuarantee

_VERDICT_CLASS = {"pass": "good", "warn": "warn", "fail": "bad", "inconclusive": "muted"}


def _verdict(verdict: str) -> str:
    return f'<span class="{_VERDICT_CLASS.get(verdict, "muted")}">{esc(verdict)}</span>'


def attacks_section(attacks: AttackReport, leak: LeakageReport, guarantee: PrivacyGuarantee) -> list[str]:
    """The "Attacks" section: what is empirical, what is guaranteed, and each attack's risk and verdict.

    Args:
        attacks: The report's attacks.
        leak: The report's leakage figures (distances beside their natural rates).
        guarantee: The privacy guarantee (the one figure that is proven, when there is one).

    Returns:
        The section's page lines; nothing when no attack ran.
    """
    if not attacks.risks and not attacks.membership:
        return []
    t = attacks.thresholds
    proven = (
        f"The only guaranteed figure is the privacy guarantee: {esc(guarantee.statement)}."
        if guarantee.kind == "differential_privacy"
        else "No figure here is guaranteed: this release has no formal privacy guarantee."
    )
    out = [
        f"<h2>Attacks: {_verdict(attacks.verdict)}</h2>",
        '<p class="small">Every figure in this section is empirical: measured by attacking this release, '
        f"with 95% intervals. {proven} Each attack runs against {attacks.rows_compared:,} training rows "
        f"(main), as many holdout rows no model saw (control) and as a random guess (baseline); "
        "risk = (main &minus; control) / (1 &minus; control). A risk warns when its whole interval lies above "
        f"{fmt(t.get('risk_warn'), '.2f')} and fails when it lies above {fmt(t.get('risk_fail'), '.2f')}; "
        "otherwise the attack did not show a risk and it passes.</p>",
        "<table><tr><th>Attack</th><th>Mode</th><th>Attempts</th><th>Main</th><th>Control</th>"
        "<th>Baseline</th><th>Risk [95% interval]</th><th>Verdict</th></tr>",
    ]
    for r in attacks.risks:
        note = "" if r.beats_baseline else " (no better than guessing)"
        out.append(
            f"<tr><td>{esc(r.attack)}</td><td>{esc(r.mode)}</td><td class='num'>{r.attempts:,}</td>"
            f"<td class='num'>{fmt(r.main_rate)}</td><td class='num'>{fmt(r.control_rate)}</td>"
            f"<td class='num'>{fmt(r.baseline_rate)}</td>"
            f"<td class='num'>{fmt(r.risk)} [{fmt(r.risk_low)}, {fmt(r.risk_high)}]</td>"
            f"<td>{_verdict(r.verdict)}{esc(note)}</td></tr>"
        )
    out.append("</table>")
    if attacks.membership:
        out.append(
            "<h3>Membership inference</h3><table><tr><th>Attack</th><th>AUC [95%]</th>"
            "<th>TPR at 1% FPR [95%]</th><th>Members / non-members</th><th>Verdict</th></tr>"
        )
        out.extend(
            f"<tr><td>{esc(m.attack)}</td><td class='num'>{fmt(m.auc)} [{fmt(m.auc_low)}, {fmt(m.auc_high)}]</td>"
            f"<td class='num'>{fmt(m.tpr_at_1pct_fpr)} [{fmt(m.tpr_low)}, {fmt(m.tpr_high)}]</td>"
            f"<td class='num'>{m.members:,} / {m.non_members:,}</td><td>{_verdict(m.verdict)}</td></tr>"
            for m in attacks.membership
        )
        out.append("</table>")
    subset = ", ".join(esc(c) for c in leak.dcr_share_max_columns)
    out.append(
        "<h3>Distances beside their natural rates</h3><table><tr><th>Figure</th><th>Synthetic</th>"
        "<th>Holdout (natural)</th></tr>"
        f"<tr><td>Median distance to the closest training row</td><td class='num'>{fmt(leak.dcr_median)}</td>"
        f"<td class='num'>{fmt(leak.natural_dcr_median)}</td></tr>"
        f"<tr><td>Nearest-neighbour distance ratio, 5th percentile</td><td class='num'>{fmt(leak.nndr_p05)}</td>"
        f"<td class='num'>{fmt(leak.natural_nndr_p05)}</td></tr>"
        f"<tr><td>DCR share, largest over column subsets ({subset})</td>"
        f"<td class='num'>{fmt(leak.dcr_share_max)}</td><td class='num'>0.500 (even odds)</td></tr></table>"
    )
    return out
