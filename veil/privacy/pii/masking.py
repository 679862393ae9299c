"""Sample values safe to show in a scan: detected spans masked, and anything unsure reduced to its shape.

A scan shows a few values of each column so that a data owner can see what a
column holds. Detection can miss a name, so a sample masks more than the
detector found: every detected span becomes ``<ENTITY_TYPE>``, and every other
word that could identify someone (a capitalised word outside a list of common
words, anything with a digit) becomes its shape (``Xxxxx``, ``(999) 999-9999``).
Common lower-case words, punctuation and one-letter words stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from veil.privacy.pii.recognizers.lexicons import common_words
from veil.privacy.pii.types import Span

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


def shape(word: str) -> str:
    """A word's shape: upper-case letters -> ``X``, other letters -> ``x``, digits -> ``9``."""
    return "".join("9" if c.isdigit() else ("X" if c.isupper() else "x") if c.isalpha() else c for c in word)


def _unsure(word: str, common: frozenset[str]) -> bool:
    if any(c.isdigit() for c in word):
        return True
    if len(word) <= 1:
        return False
    if word.casefold() in common:
        return False
    # A lower-case word is a common word in all but rare cases; a capitalised one may be a name.
    return any(c.isupper() for c in word)


def mask_unsure(text: str) -> str:
    """``text`` with every word that could identify someone reduced to its shape."""
    common = common_words()
    return _WORD.sub(lambda m: shape(m.group(0)) if _unsure(m.group(0), common) else m.group(0), text)


def masked_sample(text: str, spans: Sequence[Span]) -> str:
    """``text`` with detected spans as ``<ENTITY_TYPE>`` and the rest passed through :func:`mask_unsure`."""
    out, pos = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < pos:
            continue
        out.append(mask_unsure(text[pos : span.start]))
        out.append(f"<{span.entity_type}>")
        pos = span.end
    out.append(mask_unsure(text[pos:]))
    return "".join(out)


__all__ = ["mask_unsure", "masked_sample", "shape"]
