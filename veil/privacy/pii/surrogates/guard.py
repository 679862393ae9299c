"""The in-memory substring guard that keeps raw values out of surrogates while a table is scrubbed."""

from __future__ import annotations

from collections.abc import Iterable


class SubstringGuard:
    """In-memory guard: does a candidate contain one of the given raw values?

    Checks every substring that starts at a word boundary of the candidate
    against the raw values (casefolded, grouped by length). Used transiently
    while scrubbing a table so that no surrogate contains a raw value as a plain
    substring (e.g. "Michelle Harris" inside "Michelle Harrison"). Never persisted.
    """

    def __init__(self, values: Iterable[str] = ()) -> None:
        self._by_len: dict[int, set[str]] = {}
        self.update(values)

    def update(self, values: Iterable[str]) -> None:
        for value in values:
            text = str(value).strip().casefold()
            if len(text) >= 3:
                self._by_len.setdefault(len(text), set()).add(text)
        self._lengths = sorted(self._by_len)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_len.values())

    def hits(self, candidate: str) -> bool:
        if not self._by_len:
            return False
        text = candidate.casefold()
        n = len(text)
        by_len = self._by_len
        for i in range(n):
            if i and text[i - 1].isalnum():
                continue
            room = n - i
            for length in self._lengths:
                if length > room:
                    break
                if text[i : i + length] in by_len[length]:
                    return True
        return False
