"""Text metrics shared by the text engines and the reports: tokens, n-grams, diversity, verbatim runs.

* :func:`tokens` is the one tokenizer used everywhere (lowercased ``\\w+`` runs).
* :func:`distinct_n` and :func:`vendi_score` measure diversity.
* :class:`NgramIndex` answers "does this text share a verbatim run of n tokens
  with any source?" and "how long is its longest shared run?" quickly over tens
  of thousands of sources (hashed token windows, numpy throughout).
"""

from __future__ import annotations

import math
import re
import threading
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

_TOKEN_RE = re.compile(r"\w+")


def tokens(text: str | None) -> list[str]:
    """Lowercased word tokens (``\\w+`` runs; punctuation and whitespace dropped).

    The single tokenizer behind every text metric, the leakage index and the
    TF-IDF embedder, so "a run of n tokens" means the same thing everywhere.
    """
    if not text:
        return []
    return _TOKEN_RE.findall(text.lower())


def clean_texts(texts: Iterable[str | None]) -> list[str]:
    """Drop nulls (None / NaN); keep everything else as str."""
    out = []
    for t in texts:
        if t is None or (isinstance(t, float) and math.isnan(t)):
            continue
        out.append(str(t))
    return out


def distinct_n(texts: Iterable[str | None], n: int) -> float:
    """Distinct n-grams / total n-grams over ``texts`` (n-grams never cross texts).

    Returns NaN when the texts hold no n-gram at all.
    """
    if n < 1:
        raise ValueError("n must be >= 1")
    seen: set[tuple[str, ...]] = set()
    total = 0
    for text in clean_texts(texts):
        toks = tokens(text)
        grams = [tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)]
        total += len(grams)
        seen.update(grams)
    return len(seen) / total if total else math.nan


def vendi_score(embeddings: np.ndarray) -> float:
    """Vendi score (Friedman & Dieng 2023) of row embeddings with the cosine kernel.

    The effective number of distinct items: 1 for k identical rows, k for k
    orthogonal rows. NaN for an empty matrix.
    """
    from vendi_score import vendi

    x = np.asarray(embeddings, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] == 0 or x.shape[1] == 0:
        return math.nan
    # score_dual works on the d x d covariance: cheap for thousands of rows.
    return float(vendi.score_dual(x))


# --- whole-word replacement ----------------------------------------------------------------


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # what ``\w`` matches in a str pattern


def _whole_word_spans(haystack: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``haystack`` with no word character on either side."""
    spans, end_of_text = [], len(haystack)
    start = haystack.find(needle) if needle else -1
    while start >= 0:
        end = start + len(needle)
        if (start == 0 or not _is_word(haystack[start - 1])) and (end == end_of_text or not _is_word(haystack[end])):
            spans.append((start, end))
        start = haystack.find(needle, start + 1)
    return spans


def replace_whole_words(text: str, pairs: Sequence[tuple[str, str]], *, ignore_case: bool = False) -> str:
    """Replace each ``(before, after)`` pair's whole-word occurrences in one pass.

    Earlier pairs win where occurrences overlap, and an inserted value is never matched again
    (replacing "Ann Lee" by "Lee Park" and then "Lee" by "Park" leaves "Lee Park"). A string
    search, not a pattern compiled per value: callers run this on every row of a table.
    """
    haystack = text.lower() if ignore_case else text
    if len(haystack) != len(text):  # a character whose lower case is longer: offsets would not line up
        for before, after in pairs:
            pattern = re.compile(rf"(?<!\w){re.escape(before)}(?!\w)", re.IGNORECASE if ignore_case else 0)
            text = pattern.sub(lambda _m, a=after: a, text)
        return text
    taken: list[tuple[int, int, str]] = []
    for before, after in pairs:
        for start, end in _whole_word_spans(haystack, before.lower() if ignore_case else before):
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, after))
    if not taken:
        return text
    parts, at = [], 0
    for start, end, after in sorted(taken):
        parts += [text[at:start], after]
        at = end
    return "".join(parts) + text[at:]


# --- verbatim-run index ----------------------------------------------------------------

_MASK64 = (1 << 64) - 1
_ANCHOR = 4  # window length of the position index used to verify longer runs
_BATCH_LEVELS = 24  # longest_runs grows runs in batch up to this length, then text by text


class NgramIndex:
    """Hashed token windows of a set of source texts, for verbatim-overlap queries.

    Sources are tokenised with :func:`tokens` and concatenated (a separator token
    between texts). Every window gets a position-independent 64-bit polynomial
    hash over random per-token values, computable in O(1) from prefix hashes, so:

    * :meth:`shares_run` (``n`` fixed, the validator's hot path) is one sorted-array
      lookup of the text's n-gram hashes against the sources' n-gram hashes
      (built lazily once per ``n``);
    * :meth:`longest_run` grows the best run with a non-shrinking sliding window;
      a window longer than 4 tokens is first screened with the 4-gram hit mask and
      then verified at the source positions of its rarest 4-gram.

    Hash collisions (probability ~ queries x sources / 2^64) are ignored.
    Thread-safe: lazily built tables are guarded by a lock.

    Args:
        sources: Source texts; nulls and texts without tokens are skipped.
        seed: Seed of the random token values (results do not depend on it barring collisions).
    """

    def __init__(self, sources: Iterable[str | None], *, seed: int = 0) -> None:
        # Token -> id at C speed: a defaultdict that numbers unseen keys by arrival;
        # ids go to a compact buffer text by text, so token strings never pile up.
        numbering: defaultdict[str, int] = defaultdict()
        numbering.default_factory = numbering.__len__
        sep = numbering[""]  # separator between texts: no query token is ever empty
        buffer = array("q")
        docs = 0
        for text in clean_texts(sources):
            toks = tokens(text)
            if toks:
                buffer.extend(map(numbering.__getitem__, toks))
                buffer.append(sep)
                docs += 1
        arr = np.frombuffer(buffer, dtype=np.int64) if len(buffer) else np.zeros(0, dtype=np.int64)
        self._vocab: dict[str, int] = dict(numbering)
        self.num_sources = docs
        rng = np.random.default_rng([int(seed), 0x7E17])
        self._base = int(rng.integers(1 << 62, 1 << 63)) * 2 + 1  # odd -> invertible mod 2^64
        self._values = rng.integers(
            0, np.iinfo(np.uint64).max, size=max(len(self._vocab), 1), dtype=np.uint64, endpoint=True
        )
        self._n = len(arr)
        self._prefix = self._prefix_hashes(self._values[arr]) if self._n else np.zeros(1, dtype=np.uint64)
        # seps[i] = separators among the first i positions: a window is inside one text iff it has none.
        self._seps = np.concatenate([[0], np.cumsum(arr == sep)]).astype(np.int32)
        self._sets: dict[int, np.ndarray] = {}
        self._anchor: tuple[np.ndarray, np.ndarray] | None = None
        self._lock = threading.Lock()

    # -- hashing helpers --

    def _pow(self, k: int) -> np.uint64:
        return np.uint64(pow(self._base, k, 1 << 64))

    def _prefix_hashes(self, vals: np.ndarray) -> np.ndarray:
        """H[i] = sum_{j<i} vals[j] * B^(i-1-j) mod 2^64, vectorised via B^-1 powers and a cumsum."""
        n = len(vals)
        out = np.zeros(n + 1, dtype=np.uint64)
        if n == 0:
            return out
        # In place, one scratch array: sources can hold millions of tokens.
        scratch = np.full(n, pow(self._base, -1, 1 << 64), dtype=np.uint64)
        scratch[0] = 1
        np.cumprod(scratch, out=scratch)  # B^-j
        np.multiply(vals, scratch, out=scratch)
        np.cumsum(scratch, out=out[1:])  # sum_{j<i} vals[j] B^-j
        scratch.fill(self._base)
        scratch[0] = 1
        np.cumprod(scratch, out=scratch)  # B^(i-1)
        np.multiply(out[1:], scratch, out=out[1:])
        return out

    @staticmethod
    def _window_hashes(prefix: np.ndarray, starts: np.ndarray, length: int, b_pow: np.uint64) -> np.ndarray:
        return prefix[starts + length] - prefix[starts] * b_pow

    def _source_ngrams(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """(hashes, start positions) of every n-token window lying inside one source."""
        if self._n < n:
            return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
        starts = np.arange(self._n - n + 1)
        inside = self._seps[starts + n] == self._seps[starts]
        starts = starts[inside]
        return self._window_hashes(self._prefix, starts, n, self._pow(n)), starts

    def _ngram_set(self, n: int) -> np.ndarray:
        with self._lock:
            table = self._sets.get(n)
            if table is None:
                if n == _ANCHOR:
                    table = self._anchor_table()[0]
                else:
                    table = np.sort(self._source_ngrams(n)[0])
                    # sort + neighbour mask: much faster than np.unique on millions of uint64
                    if len(table) > 1:
                        table = table[np.concatenate([[True], table[1:] != table[:-1]])]
                self._sets[n] = table
            return table

    def _anchor_table(self) -> tuple[np.ndarray, np.ndarray]:
        """Sorted 4-gram hashes with their source start positions (caller holds the lock)."""
        if self._anchor is None:
            if self._n >= _ANCHOR:
                hashes, starts = self._source_ngrams(_ANCHOR)
                order = np.argsort(hashes)
                self._anchor = (hashes[order], starts[order].astype(np.int32 if self._n < 2**31 else np.int64))
            else:
                self._anchor = (np.zeros(0, np.uint64), np.zeros(0, np.int64))
        return self._anchor

    def _query(self, text: str | None) -> tuple[np.ndarray, np.ndarray]:
        """(prefix hashes, known-token mask) of a query text."""
        ids = np.asarray([self._vocab.get(t, -2) for t in tokens(text)], dtype=np.int64)
        known = ids >= 0
        vals = self._values[np.where(known, ids, 0)]
        return self._prefix_hashes(vals), known

    @staticmethod
    def _member(table: np.ndarray, hashes: np.ndarray) -> np.ndarray:
        if len(table) == 0 or len(hashes) == 0:
            return np.zeros(len(hashes), dtype=bool)
        pos = np.searchsorted(table, hashes)
        pos[pos == len(table)] = 0
        return table[pos] == hashes

    def _window_mask(self, prefix: np.ndarray, known_cum: np.ndarray, n: int) -> np.ndarray:
        """For each start s: the query window [s, s+n) occurs in some source."""
        m = len(prefix) - 1
        if m < n:
            return np.zeros(0, dtype=bool)
        starts = np.arange(m - n + 1)
        all_known = known_cum[starts + n] - known_cum[starts] == n
        hashes = self._window_hashes(prefix, starts, n, self._pow(n))
        return all_known & self._member(self._ngram_set(n), hashes)

    # -- public queries --

    def shares_run(self, text: str | None, n: int) -> bool:
        """Whether ``text`` shares a verbatim run of at least ``n`` tokens with any source."""
        if n < 1:
            raise ValueError("n must be >= 1")
        prefix, known = self._query(text)
        if len(known) < n or self.num_sources == 0:
            return False
        known_cum = np.concatenate([[0], np.cumsum(known)])
        return bool(self._window_mask(prefix, known_cum, n).any())

    def longest_run(self, text: str | None) -> int:
        """Tokens in the longest verbatim run ``text`` shares with any single source (0 if none)."""
        prefix, known = self._query(text)
        m = len(known)
        if m == 0 or self.num_sources == 0 or not known.any():
            return 0
        known_cum = np.concatenate([[0], np.cumsum(known)])
        # Exact presence of every short window (lengths 1..4) from the hashed n-gram tables.
        short = {n: self._window_mask(prefix, known_cum, n) for n in range(1, min(_ANCHOR, m) + 1)}
        if m <= _ANCHOR or not short[_ANCHOR].any():
            return max((n for n, mask in short.items() if mask.any()), default=0)

        with self._lock:
            anchor_hashes, anchor_pos = self._anchor_table()
        hits = short[_ANCHOR]
        q_anchor = self._window_hashes(prefix, np.arange(m - _ANCHOR + 1), _ANCHOR, self._pow(_ANCHOR))
        lo = np.searchsorted(anchor_hashes, q_anchor, side="left")
        hi = np.searchsorted(anchor_hashes, q_anchor, side="right")
        counts = np.where(hits, hi - lo, 0)
        # reach[s]: the longest window from s whose 4-grams all occur somewhere (an upper bound).
        reach = np.zeros(m, dtype=np.int64)
        run = 0
        for s in range(m - 1, -1, -1):
            if s <= m - _ANCHOR and hits[s]:
                run += 1
                reach[s] = run + _ANCHOR - 1
            else:
                run = 0
                reach[s] = max((n for n in range(_ANCHOR - 1, 0, -1) if s + n <= m and short[n][s]), default=0)

        def present(s: int, length: int) -> bool:
            if length > reach[s]:
                return False
            if length <= _ANCHOR:
                return True  # reach is exact up to the anchor length
            last = s + length - _ANCHOR
            j = s + int(np.argmin(np.where(hits[s : last + 1], counts[s : last + 1], np.iinfo(np.int64).max)))
            starts = anchor_pos[lo[j] : hi[j]].astype(np.int64) - (j - s)
            starts = starts[(starts >= 0) & (starts + length <= self._n)]
            if len(starts) == 0:
                return False
            b_pow = self._pow(length)
            want = self._window_hashes(prefix, np.array([s]), length, b_pow)[0]  # arrays: wrap without warnings
            got = self._window_hashes(self._prefix, starts, length, b_pow)
            return bool((got == want).any())

        best = 0
        for s in range(m):
            if s + best >= m:
                break
            if not present(s, best + 1):
                continue
            # Binary search the longest run from s in (best, reach[s]] (presence is monotone in length).
            lo_len, hi_len = best + 1, int(reach[s])
            while lo_len < hi_len:
                mid = (lo_len + hi_len + 1) // 2
                if present(s, mid):
                    lo_len = mid
                else:
                    hi_len = mid - 1
            best = lo_len
        return best

    def longest_runs(self, texts: Iterable[str | None]) -> list[int]:
        """:meth:`longest_run` of each text, all texts at once (repeated texts computed once).

        Presence is monotone in length (a window that occurs has every sub-window occurring), so
        the runs grow level by level: at length ``n`` only the start positions whose ``n-1`` window
        occurred are tried, for every text in one vectorised lookup. Texts still growing after
        :data:`_BATCH_LEVELS` tokens finish with :meth:`longest_run`.
        """
        texts = list(texts)
        distinct = list(dict.fromkeys(texts))
        if self.num_sources == 0 or not distinct:
            return [0] * len(texts)
        ids = [np.fromiter((self._vocab.get(t, -2) for t in tokens(text)), dtype=np.int64) for text in distinct]
        lengths = np.fromiter((len(x) for x in ids), dtype=np.int64, count=len(ids))
        flat = np.concatenate(ids) if lengths.sum() else np.zeros(0, dtype=np.int64)
        known = flat >= 0
        prefix = self._prefix_hashes(self._values[np.where(known, flat, 0)])
        known_cum = np.concatenate([[0], np.cumsum(known)])
        owner = np.repeat(np.arange(len(distinct)), lengths)
        text_end = np.cumsum(lengths)[owner]  # where each position's text ends
        best = np.zeros(len(distinct), dtype=np.int64)
        starts = np.flatnonzero(known)
        for n in range(1, _BATCH_LEVELS + 1):
            starts = starts[(starts + n <= text_end[starts])]
            starts = starts[known_cum[starts + n] - known_cum[starts] == n]
            if len(starts) == 0:
                break
            hashes = self._window_hashes(prefix, starts, n, self._pow(n))
            starts = starts[self._member(self._level_set(n), hashes)]
            best[owner[starts]] = n
        else:
            for i in np.unique(owner[starts]):  # runs longer than the batched levels
                best[i] = self.longest_run(distinct[i])
        found = dict(zip(distinct, best.tolist()))
        return [found[text] for text in texts]

    def _level_set(self, n: int) -> np.ndarray:
        """Sorted source n-gram hashes: kept for the short lengths others ask for, built afresh above them."""
        if n <= _ANCHOR or n in self._sets:
            return self._ngram_set(n)
        return np.sort(self._source_ngrams(n)[0])


def longest_common_run(text: str | None, sources_index: NgramIndex | Iterable[str | None]) -> int:
    """Tokens in the longest verbatim run ``text`` shares with any source.

    Args:
        text: The text to check.
        sources_index: An :class:`NgramIndex` (reuse one for many texts) or the source texts.
    """
    index = sources_index if isinstance(sources_index, NgramIndex) else NgramIndex(sources_index)
    return index.longest_run(text)
