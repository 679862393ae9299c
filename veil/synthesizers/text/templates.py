"""Row slots in texts: how a note is tied to the structured columns of its row.

Upstream scrubbing replaces a person consistently: the surrogate in a row's
``name`` column is the same string as in that row's note. A template is the
scrubbed text with each of its row's PII values (and, for names, their first
and last words) replaced by a slot such as ``[[CUSTOMER_NAME]]`` or
``[[CUSTOMER_NAME:FIRST]]``. Filling the slots from a synthetic row makes the
note name that row's person, whatever engine rewrote the template in between
(an LLM sees and keeps the slots; it never sees the values).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from veil.core.text import replace_whole_words

NAME_ENTITIES = frozenset({"PERSON"})
"""Entities whose first and last words also get slots (a note says "Ana" for "Ana Ruiz")."""

_SLOT_RE = re.compile(r"\[\[([A-Z0-9_]+)(?::(FIRST|LAST))?\]\]")
_MIN_VALUE_CHARS = 2
_MIN_PART_CHARS = 3


def slot_name(column: str) -> str:
    """The slot spelling of a column: upper case, runs of other characters as ``_``."""
    return re.sub(r"[^A-Z0-9]+", "_", str(column).upper()).strip("_") or "COLUMN"


@dataclass(frozen=True)
class SlotColumns:
    """The PII columns that can fill slots: slot name -> (column, entity)."""

    by_slot: Mapping[str, tuple[str, str]]

    @classmethod
    def from_entities(cls, entities: Mapping[str, str]) -> SlotColumns:
        """Build from column -> entity; columns whose slot names collide keep the first."""
        by_slot: dict[str, tuple[str, str]] = {}
        for column, entity in entities.items():
            by_slot.setdefault(slot_name(column), (str(column), str(entity)))
        return cls(by_slot=by_slot)

    def to_dict(self) -> dict[str, list[str]]:
        return {slot: [col, ent] for slot, (col, ent) in self.by_slot.items()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Sequence[str]]) -> SlotColumns:
        return cls(by_slot={str(s): (str(v[0]), str(v[1])) for s, v in data.items()})


def extract_template(text: str, row: Mapping[str, object], slots: SlotColumns) -> str:
    """Replace the row's PII values in ``text`` by slots (longest values first, whole words only)."""
    text = text.replace("[[", "[ [")  # a literal "[[" must not read as a slot
    needles: list[tuple[str, str]] = []
    for slot, (column, entity) in slots.by_slot.items():
        value = row.get(column)
        if not isinstance(value, str) or len(value.strip()) < _MIN_VALUE_CHARS:
            continue
        value = value.strip()
        needles.append((value, f"[[{slot}]]"))
        if entity in NAME_ENTITIES:
            words = value.split()
            if len(words) > 1:
                for part, tag in ((words[0], "FIRST"), (words[-1], "LAST")):
                    if len(part) >= _MIN_PART_CHARS and part.isalpha():
                        needles.append((part, f"[[{slot}:{tag}]]"))
    return replace_whole_words(text, sorted(needles, key=lambda n: -len(n[0])), ignore_case=True)


def template_slots(template: str) -> frozenset[str]:
    """The slot names (without FIRST/LAST) a template needs."""
    return frozenset(m.group(1) for m in _SLOT_RE.finditer(template))


def slot_tokens(template: str) -> list[str]:
    """Every slot token in order of appearance, e.g. ``["[[NAME:FIRST]]", "[[EMAIL]]"]``."""
    return [m.group(0) for m in _SLOT_RE.finditer(template)]


def fill_template(template: str, row: Mapping[str, object], slots: SlotColumns) -> str | None:
    """Fill the slots from ``row``; ``None`` when a needed value is null or the slot is unknown."""
    missing = False

    def value_for(match: re.Match[str]) -> str:
        nonlocal missing
        column = slots.by_slot.get(match.group(1), (None, ""))[0]
        value = row.get(column) if column is not None else None
        if not isinstance(value, str) or not value.strip():
            missing = True
            return ""
        words = value.split()
        part = match.group(2)
        return words[0] if part == "FIRST" else words[-1] if part == "LAST" else value

    filled = _SLOT_RE.sub(value_for, template)
    return None if missing else filled
