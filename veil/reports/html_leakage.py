"""The HTML page's leakage details: PII replayed per column, the release gate's replacements, rare-value protection."""

from __future__ import annotations

from veil.reports.html_format import esc
from veil.reports.model import PiiReplay, ValueProtection


def pii_replay_sections(pii: PiiReplay) -> list[str]:
    """The "PII replay by column" and "Release gate" tables; each only when it has rows.

    Args:
        pii: The report's PII replay figures.

    Returns:
        The sections' page lines.
    """
    out: list[str] = []
    if pii.by_column:
        out.append("<h2>PII replay by column</h2><table><tr><th>Column</th><th>Values replayed</th></tr>")
        out.extend(f'<tr><td>{esc(c)}</td><td class="num">{n:,}</td></tr>' for c, n in sorted(pii.by_column.items()))
        out.append("</table>")
    if pii.gate_replaced:
        out.append(
            '<h2>Release gate</h2><p class="small">Generated cells that coincided with a raw PII value of '
            "the input and were replaced before release.</p><table><tr><th>Column</th><th>Cells replaced</th></tr>"
        )
        out.extend(
            f'<tr><td>{esc(c)}</td><td class="num">{n:,}</td></tr>' for c, n in sorted(pii.gate_replaced.items())
        )
        out.append("</table>")
    return out


def engine_guards_section(guards: dict[str, float]) -> list[str]:
    """The "Engine privacy guards" table: the engine's own guards and what they did; nothing without any.

    Args:
        guards: Guard name -> setting or count, as the engine reported them.

    Returns:
        The section's page lines.
    """
    if not guards:
        return []
    out = ["<h2>Engine privacy guards</h2><table><tr><th>Guard</th><th>Value</th></tr>"]
    out.extend(f'<tr><td>{esc(name)}</td><td class="num">{value:,.6g}</td></tr>' for name, value in guards.items())
    out.append("</table>")
    return out


def protection_section(protection: ValueProtection) -> list[str]:
    """The "Rare-value protection" section: its threshold and the columns it changed; nothing when not applied.

    Args:
        protection: The report's rare-value protection (``k`` 0 = not applied, 1 = off).

    Returns:
        The section's page lines.
    """
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
        f'<tr><td>{esc(c.column)}</td><td class="num">{c.values:,}</td><td class="num">{c.rows:,}</td>'
        f"<td>{esc(c.how)}</td></tr>"
        for c in protection.columns
    )
    out.append("</table>")
    return out
