"""The HTML page's section on condition groups: what each asked for, how it was met, how it compares."""

from __future__ import annotations

from veil.reports.html_format import esc, fmt
from veil.reports.model import ConditionGroupReport


def _constraint(c: dict) -> str:
    if c.get("values"):
        values = " | ".join(str(v) for v in c["values"])
        return f"{c['column']} {'not in' if c.get('exclude') else 'in'} {{{values}}}"
    bounds = [
        f">= {c['low']:g}" if c.get("low") is not None else "",
        f"<= {c['high']:g}" if c.get("high") is not None else "",
    ]
    return f"{c['column']} {' and '.join(b for b in bounds if b)}"


def conditions_section(groups: list[ConditionGroupReport]) -> list[str]:
    """The "Condition groups" table; nothing for an unconditioned synthesis.

    Args:
        groups: The report's condition groups, in request order.

    Returns:
        The section's page lines.
    """
    if not groups:
        return []
    out = [
        "<h2>Condition groups</h2><table><tr><th>Group</th><th>Constraints</th><th>Rows made / asked</th>"
        "<th>Share</th><th>Method (rows drawn)</th><th>Holdout rows like them</th><th>Column shape vs them</th></tr>"
    ]
    for g in groups:
        out.append(
            f'<tr><td class="num">{g.group}</td><td>{esc("; ".join(_constraint(c) for c in g.where))}</td>'
            f'<td class="num">{g.rows_made:,} / {g.rows_asked:,}</td><td class="num">{g.share:.1%}</td>'
            f"<td>{esc(g.method)} ({g.rows_drawn:,})</td>"
            f'<td class="num">{g.holdout_rows:,}</td><td class="num">{fmt(g.column_shape_score)}</td></tr>'
        )
    out.append("</table>")
    if any(g.method == "model_given_evidence" for g in groups):
        out.append(
            "<p>model_given_evidence: the rows were sampled from the fitted differentially private model given "
            "the group's constraints. That is post-processing of the model, so it spends no privacy budget and "
            "the stated guarantee covers these rows as it covers the rest.</p>"
        )
    return out
