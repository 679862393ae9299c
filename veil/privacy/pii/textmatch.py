"""Find known PII values (from the table's PII columns) inside free text.

Values are keyed by their canonical token sequence (see
``veil.privacy.pii.fingerprints.iter_tokens``), and a text is scanned left to right
with a longest-match n-gram dictionary lookup: no giant regex, cost linear in
the number of tokens times the longest value's token count.
"""

from __future__ import annotations

from collections.abc import Iterable

from veil.privacy.pii.fingerprints import iter_tokens

MIN_VALUE_CHARS = 3


class ValueLookup:
    """A dictionary of known values -> ``(entity_type, representative raw value)``."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, ...], tuple[str, str, str, str, bool]] = {}
        self._first: set[str] = set()
        self._max_len = 0

    def add(self, entity_type: str, values: Iterable[str]) -> None:
        """Register raw values of one entity type (first registration of a key wins)."""
        for value in values:
            if not isinstance(value, str) or len(value.strip()) < MIN_VALUE_CHARS:
                continue
            tokens = tuple(tok for _, _, tok in iter_tokens(value))
            if not tokens or tokens in self._entries:
                continue
            stripped = value.strip()
            spans = list(iter_tokens(stripped))
            lead, trail = stripped[: spans[0][0]], stripped[spans[-1][1] :]
            self._entries[tokens] = (entity_type, value, lead.casefold(), trail.casefold(), False)
            self._first.add(tokens[0])
            self._max_len = max(self._max_len, len(tokens))

    def add_name_parts(self, entity_type: str, values: Iterable[str]) -> None:
        """Register the single words of multi-word names (e.g. the first name alone).

        Parts match only where the text writes them capitalised and not at the
        start of a sentence, so a name part that is also a common word ("Will",
        "Stone", "Price") is left alone; Presidio's NER still sees those places.
        Whole values registered with :meth:`add` take priority.
        """
        parts: dict[str, str] = {}
        for value in values:
            if not isinstance(value, str):
                continue
            words = value.split()
            if len(words) < 2:
                continue
            for word in words:
                if len(word) >= MIN_VALUE_CHARS and word.isalpha() and word[0].isupper():
                    parts.setdefault(word.casefold(), word)
        for folded, word in parts.items():
            key = (folded,)
            if key in self._entries:
                continue
            self._entries[key] = (entity_type, word, "", "", True)
            self._first.add(folded)
            self._max_len = max(self._max_len, 1)

    def __len__(self) -> int:
        return len(self._entries)

    @staticmethod
    def _mid_sentence_capitalised(text: str, start: int) -> bool:
        """A capitalised word that does not open a sentence (where any word is capitalised)."""
        if not text[start].isupper():
            return False
        before = text[:start].rstrip()
        return bool(before) and before[-1] not in ".!?:;\"'(\n"

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """Non-overlapping matches ``(start, end, entity_type, raw_value)`` in ``text``."""
        if not self._entries:
            return []
        toks = list(iter_tokens(text))
        words = [t[2] for t in toks]
        out = []
        i, n = 0, len(toks)
        first, entries, max_len = self._first, self._entries, self._max_len
        while i < n:
            if words[i] in first:
                for length in range(min(max_len, n - i), 0, -1):
                    hit = entries.get(tuple(words[i : i + length]))
                    if hit is not None and hit[4] and not self._mid_sentence_capitalised(text, toks[i][0]):
                        hit = None
                    if hit is not None:
                        start, end = toks[i][0], toks[i + length - 1][1]
                        lead, trail = hit[2], hit[3]
                        # Extend over edge punctuation the value itself has, e.g. "(" of "(555) 010-2030".
                        if lead and text[max(0, start - len(lead)) : start].casefold() == lead:
                            start -= len(lead)
                        if trail and text[end : end + len(trail)].casefold() == trail:
                            end += len(trail)
                        out.append((start, end, hit[0], hit[1]))
                        i += length
                        break
                else:
                    i += 1
            else:
                i += 1
        return out


__all__ = ["ValueLookup"]
