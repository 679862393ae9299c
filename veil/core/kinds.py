"""Column kinds, the vocabulary shared across Veil.

Kinds are plain strings: ``"numeric"``, ``"categorical"``, ``"datetime"``,
``"boolean"``, ``"id"``, ``"text"`` and ``"pii:<ENTITY>"`` (``ENTITY`` is a
Presidio-style entity name such as ``PERSON`` or ``EMAIL_ADDRESS``).

Only ``MODELLED_KINDS`` are learnt by the tabular engines and enter drift and
distance metrics; ``id``, ``text`` and ``pii:*`` columns are generated separately.
"""

from __future__ import annotations

import re

NUMERIC = "numeric"
CATEGORICAL = "categorical"
DATETIME = "datetime"
BOOLEAN = "boolean"
ID = "id"
TEXT = "text"
PII_PREFIX = "pii:"

BASE_KINDS: frozenset[str] = frozenset({NUMERIC, CATEGORICAL, DATETIME, BOOLEAN, ID, TEXT})
MODELLED_KINDS: frozenset[str] = frozenset({NUMERIC, CATEGORICAL, DATETIME, BOOLEAN})
"""Kinds learnt by the tabular engine; id, text and pii:* columns are generated separately."""
CONTINUOUS_KINDS: frozenset[str] = frozenset({NUMERIC, DATETIME})
"""Modelled kinds measured as numbers (datetimes as seconds since the epoch)."""
DISCRETE_KINDS: frozenset[str] = frozenset({CATEGORICAL, BOOLEAN})
"""Modelled kinds measured as labels."""

_ENTITY_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")


def is_pii_kind(kind: str) -> bool:
    """True for ``pii:<ENTITY>`` kinds with a well-formed entity name."""
    return isinstance(kind, str) and kind.startswith(PII_PREFIX) and bool(_ENTITY_RE.match(kind[len(PII_PREFIX) :]))


def pii_entity(kind: str) -> str:
    """The entity of a ``pii:<ENTITY>`` kind (e.g. ``"PERSON"``)."""
    if not is_pii_kind(kind):
        raise ValueError(f"not a pii kind: {kind!r}")
    return kind[len(PII_PREFIX) :]


def split_kind(kind: str) -> tuple[str, str]:
    """``"pii:PERSON"`` -> ``("pii", "PERSON")``; ``"numeric"`` -> ``("numeric", "")``."""
    base, _, entity = kind.partition(":")
    return base, entity


def is_valid_kind(kind: object) -> bool:
    """True when ``kind`` is one of ``BASE_KINDS`` or a well-formed ``pii:<ENTITY>``."""
    return isinstance(kind, str) and (kind in BASE_KINDS or is_pii_kind(kind))
