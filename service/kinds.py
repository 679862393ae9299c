"""Column kinds as Veil's packages spell them ("numeric", "pii:PERSON", ...)."""

from __future__ import annotations

BASE = ("numeric", "categorical", "datetime", "boolean", "id", "text")


def pii_kind(entity: str) -> str:
    return f"pii:{entity}"


def split_kind(kind: str) -> tuple[str, str]:
    """"pii:PERSON" -> ("pii", "PERSON"); "numeric" -> ("numeric", "")."""
    base, _, entity = kind.partition(":")
    return base, entity
