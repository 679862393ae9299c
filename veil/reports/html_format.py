"""Text of the HTML page's values: escaping, number formats, status thresholds and table rows."""

from __future__ import annotations

import html
import math

GOOD, WARN, BAD, NEUTRAL = "good", "warn", "bad", "neutral"


def esc(value: object) -> str:
    """The value as text, escaped for HTML element content and attribute values.

    Args:
        value: Anything; it is converted with ``str``.

    Returns:
        The escaped text (quotes included).
    """
    return html.escape(str(value), quote=True)


def isnum(value: object) -> bool:
    """Whether the value is a finite number (``bool`` does not count).

    Args:
        value: Anything.

    Returns:
        True for a finite ``int`` or ``float``.
    """
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def fmt(value: float | None, spec: str = ".3f") -> str:
    """A number in the given format, or ``n/a`` when it is missing or not finite.

    Args:
        value: The number.
        spec: A :func:`format` specification.

    Returns:
        The formatted number or ``"n/a"``.
    """
    return format(value, spec) if isnum(value) else "n/a"


def pct(value: float | None) -> str:
    """A share as a percentage with one decimal, or ``n/a`` when it is missing or not finite.

    Args:
        value: The share (1.0 is 100%).

    Returns:
        The percentage or ``"n/a"``.
    """
    return f"{value * 100:.1f}%" if isnum(value) else "n/a"


def status_higher_better(value: float | None, good: float, warn: float) -> str:
    """The status of a score where higher is better.

    Args:
        value: The score.
        good: The lowest good score.
        warn: The lowest score that only warns.

    Returns:
        One of ``GOOD``, ``WARN``, ``BAD``, or ``NEUTRAL`` when the score is missing.
    """
    if not isnum(value):
        return NEUTRAL
    return GOOD if value >= good else WARN if value >= warn else BAD


def status_near_half(value: float | None, good: float, warn: float) -> str:
    """The status of a score that is best at 0.5.

    Args:
        value: The score.
        good: The largest good distance from 0.5.
        warn: The largest distance from 0.5 that only warns.

    Returns:
        One of ``GOOD``, ``WARN``, ``BAD``, or ``NEUTRAL`` when the score is missing.
    """
    if not isnum(value):
        return NEUTRAL
    off = abs(value - 0.5)
    return GOOD if off <= good else WARN if off <= warn else BAD


def table_row(label: str, value_html: str, hint: str = "") -> str:
    """One measure of a three-column table: label, value (right-aligned) and a muted hint.

    Args:
        label: The measure's name (escaped here).
        value_html: The value, already HTML.
        hint: How to read the value (escaped here).

    Returns:
        The ``<tr>`` element.
    """
    return f'<tr><td>{esc(label)}</td><td class="num">{value_html}</td><td class="muted small">{esc(hint)}</td></tr>'
