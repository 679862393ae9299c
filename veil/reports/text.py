"""Text-column metrics: drift, diversity and verbatim leakage of synthetic texts.

Everything here works on plain strings and an ``embed`` callable (texts ->
float matrix), so ``reports`` never imports ``synthesizers``.

* :func:`tokens` is the one tokenizer used everywhere (lowercased ``\\w+`` runs).
* :class:`NgramIndex` answers "does this text share a verbatim run of n tokens
  with any source?" and "how long is its longest shared run?" quickly over tens
  of thousands of sources (hashed token windows, numpy throughout).
* :func:`text_column_report` builds a :class:`TextColumnReport` for one column.

Every random choice derives from one integer seed; raw texts never reach logs
or warnings (only counts and scores do).
"""

from __future__ import annotations

import logging
import math
import re
import threading
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from veil.reports.model import TextColumnReport, TextDiversity, TextDrift, TextLeakage

logger = logging.getLogger(__name__)

Embed = Callable[[Sequence[str]], np.ndarray]

_TOKEN_RE = re.compile(r"\w+")

VOCAB_TOP = 1_000
MMD_TEXTS = 1_000
AUC_FOLDS = 5
MAX_CLUSTERS = 20
LOW_COVERAGE = 0.5
MANY_DUPLICATES = 0.1  # share of synthetic texts repeating an earlier one (after tokenisation)


def tokens(text: str | None) -> list[str]:
    """Lowercased word tokens (``\\w+`` runs; punctuation and whitespace dropped).

    The single tokenizer behind every text metric, the leakage index and the
    TF-IDF embedder, so "a run of n tokens" means the same thing everywhere.
    """
    if not text:
        return []
    return _TOKEN_RE.findall(text.lower())


def _clean(texts: Iterable[str | None]) -> list[str]:
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
    for text in _clean(texts):
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


# --- verbatim-run index ----------------------------------------------------------------

_MASK64 = (1 << 64) - 1
_ANCHOR = 4  # window length of the position index used to verify longer runs


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
        for text in _clean(sources):
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
        self._values = rng.integers(0, np.iinfo(np.uint64).max, size=max(len(self._vocab), 1), dtype=np.uint64,
                                    endpoint=True)
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
        """:meth:`longest_run` of each text (repeated texts computed once)."""
        cache: dict[str | None, int] = {}
        out = []
        for text in texts:
            if text not in cache:
                cache[text] = self.longest_run(text)
            out.append(cache[text])
        return out


def longest_common_run(text: str | None, sources_index: NgramIndex | Iterable[str | None]) -> int:
    """Tokens in the longest verbatim run ``text`` shares with any source.

    Args:
        text: The text to check.
        sources_index: An :class:`NgramIndex` (reuse one for many texts) or the source texts.
    """
    index = sources_index if isinstance(sources_index, NgramIndex) else NgramIndex(sources_index)
    return index.longest_run(text)


# --- metric pieces -----------------------------------------------------------------------


def _rng(seed: int, stream: int) -> np.random.Generator:
    return np.random.default_rng([int(seed), 0x7E, stream])


def _subsample(texts: list[str], n: int, rng: np.random.Generator) -> list[str]:
    if len(texts) <= n:
        return list(texts)
    rows = np.sort(rng.choice(len(texts), size=n, replace=False))
    return [texts[i] for i in rows]


def length_ks(real: Sequence[str], synthetic: Sequence[str]) -> float:
    """KSComplement of token counts (SDMetrics, as the tabular drift uses)."""
    import pandas as pd

    from veil.reports.drift import (
        _ks_complement,  # lazy: SDMetrics takes ~2 s to import (validator imports us)
    )

    if not real or not synthetic:
        return math.nan
    lens = [pd.Series([len(tokens(t)) for t in side], dtype="float64") for side in (real, synthetic)]
    return _ks_complement(lens[0], lens[1])


def vocab_tv(real: Sequence[str], synthetic: Sequence[str], *, top: int = VOCAB_TOP) -> float:
    """1 - total variation distance of unigram distributions over the top shared vocabulary."""
    import pandas as pd

    from veil.reports.drift import _tv_complement

    real_counts = Counter(t for text in real for t in tokens(text))
    synth_counts = Counter(t for text in synthetic for t in tokens(text))
    both = real_counts + synth_counts
    # Ties broken by token so the vocabulary does not depend on input order.
    vocab = [t for t, _ in sorted(both.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    if not vocab:
        return math.nan
    real_series = pd.Series(np.repeat(vocab, [real_counts.get(t, 0) for t in vocab]), dtype=object)
    synth_series = pd.Series(np.repeat(vocab, [synth_counts.get(t, 0) for t in vocab]), dtype=object)
    return _tv_complement(real_series, synth_series)


def embedding_mmd(real: np.ndarray, synthetic: np.ndarray) -> float:
    """Unbiased squared MMD with an RBF kernel, bandwidth = median pooled squared distance (clipped at 0)."""
    x, y = np.asarray(real, dtype=np.float64), np.asarray(synthetic, dtype=np.float64)
    if len(x) < 2 or len(y) < 2:
        return math.nan
    z = np.vstack([x, y])
    sq = np.sum(z * z, axis=1)
    d2 = np.maximum(sq[:, None] + sq[None, :] - 2.0 * (z @ z.T), 0.0)
    off = d2[~np.eye(len(z), dtype=bool)]
    gamma = float(np.median(off))
    if gamma <= 0:
        gamma = float(off.mean()) if off.mean() > 0 else 1.0
    k = np.exp(-d2 / gamma)
    n, m = len(x), len(y)
    kxx, kyy, kxy = k[:n, :n], k[n:, n:], k[:n, n:]
    mmd2 = (kxx.sum() - np.trace(kxx)) / (n * (n - 1)) + (kyy.sum() - np.trace(kyy)) / (m * (m - 1)) - 2 * kxy.mean()
    return float(max(mmd2, 0.0))


def embedding_auc(real: np.ndarray, synthetic: np.ndarray, real_texts: Sequence[str], synthetic_texts: Sequence[str],
                  *, seed: int, folds: int = AUC_FOLDS) -> float:
    """Mean cross-validated ROC AUC of a logistic regression telling synthetic from real embeddings.

    Both classes are cut to the same size; identical texts share a fold (a copied
    text would otherwise be learnt with one label and tested with the other).
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    from veil.reports.drift import _one_thread

    n = min(len(real), len(synthetic))
    if n < folds * 2:
        return math.nan
    pick_r = np.sort(_rng(seed, 21).permutation(len(real))[:n])
    pick_s = np.sort(_rng(seed, 22).permutation(len(synthetic))[:n])
    x = np.vstack([np.asarray(real, dtype=np.float64)[pick_r], np.asarray(synthetic, dtype=np.float64)[pick_s]])
    y = np.concatenate([np.zeros(n, dtype=int), np.ones(n, dtype=int)])
    keys = [" ".join(tokens(real_texts[i])) for i in pick_r] + [" ".join(tokens(synthetic_texts[i])) for i in pick_s]
    _, group = np.unique(np.asarray(keys, dtype=object), return_inverse=True)
    fold = (_rng(seed, 20).permutation(group.max() + 1) % folds)[group]
    aucs = []
    for k in range(folds):
        train, test = fold != k, fold == k
        if len(np.unique(y[train])) < 2 or len(np.unique(y[test])) < 2:
            continue
        model = LogisticRegression(max_iter=1000, C=1.0)
        with _one_thread():
            model.fit(x[train], y[train])
            proba = model.predict_proba(x[test])[:, 1]
        aucs.append(roc_auc_score(y[test], proba))
    return float(np.mean(aucs)) if aucs else math.nan


def cluster_coverage(real: np.ndarray, synthetic: np.ndarray, *, seed: int) -> float:
    """Share of k-means clusters of the real embeddings that receive >= 1 synthetic text.

    k = min(20, n_real // 5); every synthetic embedding is assigned to its nearest
    real centroid. NaN when fewer than 2 clusters fit or no synthetic text exists.
    """
    from sklearn.cluster import KMeans

    from veil.reports.drift import _one_thread

    real = np.asarray(real, dtype=np.float64)
    synthetic = np.asarray(synthetic, dtype=np.float64)
    k = min(MAX_CLUSTERS, len(real) // 5)
    distinct = len(np.unique(real, axis=0)) if len(real) else 0
    k = min(k, distinct)
    if k < 2 or len(synthetic) == 0:
        return math.nan
    model = KMeans(n_clusters=k, n_init=3, random_state=int(seed) % (2**32))
    with _one_thread():
        model.fit(real)
        labels = model.predict(synthetic)
    return len(np.unique(labels)) / k


def duplicate_share(texts: Sequence[str]) -> float:
    """Share of texts whose token sequence repeats an earlier text's (case/punctuation-insensitive)."""
    if not texts:
        return math.nan
    keys = {" ".join(tokens(t)) for t in texts}
    return 1.0 - len(keys) / len(texts)


def canary_exposure(canaries: Sequence[str], synthetic: Sequence[str], *, threshold: int) -> tuple[int, int]:
    """(planted, exposed): a canary is exposed when some synthetic text holds a run of
    >= min(threshold, its token count) of its tokens. Canaries without tokens are not counted."""
    planted = [c for c in canaries if tokens(c)]
    if not planted:
        return 0, 0
    index = NgramIndex(synthetic)  # canaries are few, outputs many: index the outputs once
    exposed = sum(index.shares_run(c, min(threshold, len(tokens(c)))) for c in planted)
    return len(planted), int(exposed)


def _mean_tokens(texts: Sequence[str]) -> float:
    return float(np.mean([len(tokens(t)) for t in texts])) if texts else math.nan


def text_column_report(
    *,
    column: str,
    engine: str,
    train: Sequence[str | None],
    holdout: Sequence[str | None],
    synthetic: Sequence[str | None],
    embed: Embed,
    seed: int,
    threshold: int = 8,
    canaries: Sequence[str] = (),
    max_texts: int = 2000,
    train_index: NgramIndex | None = None,
) -> TextColumnReport:
    """Drift, diversity and leakage of one synthetic text column.

    Args:
        column: Column name (used in warnings; values never are).
        engine: Name of the text engine that produced ``synthetic``.
        train: Texts the engine saw (leakage reference).
        holdout: Real texts the engine did not see (drift/diversity reference).
        synthetic: Generated texts.
        embed: Texts -> (n, d) float matrix, rows L2-normalised; called once on
            the holdout + synthetic subsamples together.
        seed: Seed of every subsample, fold and clustering.
        threshold: Verbatim-run length (tokens) counted as leakage.
        canaries: Planted secret texts; reported as exposed when they come back.
        max_texts: Cap on texts per side for the embedding-based metrics.
        train_index: A prebuilt :class:`NgramIndex` over ``train`` (else built here).

    Returns:
        The :class:`TextColumnReport`; metrics that cannot be computed are NaN.
        Nulls are ignored everywhere. Length, duplicate and leakage metrics use
        every text; vocabulary, distinct-n and embedding metrics use the seeded
        ``max_texts`` subsamples (MMD at most 1,000 per side).
    """
    if threshold < 1:
        raise ValueError("threshold must be >= 1")
    train_t, holdout_t, synth_t = _clean(train), _clean(holdout), _clean(synthetic)
    warnings: list[str] = []

    real_sub = _subsample(holdout_t, max_texts, _rng(seed, 1))
    synth_sub = _subsample(synth_t, max_texts, _rng(seed, 2))
    mmd = auc = coverage = vendi = vendi_real = math.nan
    if real_sub and synth_sub:
        try:
            emb = np.asarray(embed(real_sub + synth_sub), dtype=np.float64)
            if emb.shape[0] != len(real_sub) + len(synth_sub):
                raise ValueError("embed returned the wrong number of rows")
        except Exception as exc:  # noqa: BLE001 -- a failing embedder degrades the report, it does not sink it
            logger.warning("text embedding metrics skipped for a column: %s", type(exc).__name__)
            warnings.append(f"text column {column!r}: embedding failed ({type(exc).__name__}); embedding metrics skipped")
        else:
            e_real, e_synth = emb[: len(real_sub)], emb[len(real_sub) :]
            # Vendi grows with sample size: compare both sides at the same size.
            same = min(len(e_real), len(e_synth))
            vendi = vendi_score(e_synth[_rng(seed, 3).permutation(len(e_synth))[:same]])
            vendi_real = vendi_score(e_real[_rng(seed, 4).permutation(len(e_real))[:same]])
            pick_r = np.sort(_rng(seed, 5).permutation(len(e_real))[:MMD_TEXTS])
            pick_s = np.sort(_rng(seed, 6).permutation(len(e_synth))[:MMD_TEXTS])
            mmd = embedding_mmd(e_real[pick_r], e_synth[pick_s])
            auc = embedding_auc(e_real, e_synth, real_sub, synth_sub, seed=seed)
            coverage = cluster_coverage(e_real, e_synth, seed=seed)

    drift = TextDrift(
        length_ks=length_ks(holdout_t, synth_t),
        vocab_tv=vocab_tv(real_sub, synth_sub),
        embedding_mmd=mmd,
        embedding_auc=auc,
        cluster_coverage=coverage,
        mean_tokens_real=_mean_tokens(holdout_t),
        mean_tokens_synthetic=_mean_tokens(synth_t),
    )
    dup = duplicate_share(synth_t)
    diversity = TextDiversity(
        distinct_1=distinct_n(synth_sub, 1),
        distinct_2=distinct_n(synth_sub, 2),
        vendi=vendi,
        vendi_real=vendi_real,
        cluster_coverage=coverage,
        duplicate_share=dup,
    )

    index = train_index if train_index is not None else NgramIndex(train_t)
    runs = np.asarray(index.longest_runs(synth_t), dtype=np.int64)
    planted, exposed = canary_exposure(canaries, synth_t, threshold=threshold)
    leakage = TextLeakage(
        longest_overlap_max=int(runs.max()) if len(runs) else 0,
        longest_overlap_p50=float(np.percentile(runs, 50)) if len(runs) else math.nan,
        longest_overlap_p95=float(np.percentile(runs, 95)) if len(runs) else math.nan,
        share_over_threshold=float(np.mean(runs >= threshold)) if len(runs) else math.nan,
        threshold=threshold,
        canaries_planted=planted,
        canaries_exposed=exposed,
        canary_exposure=exposed / planted if planted else math.nan,
    )

    if not math.isnan(coverage) and coverage < LOW_COVERAGE:
        warnings.append(
            f"text column {column!r}: low cluster coverage ({coverage:.2f} < {LOW_COVERAGE}): "
            "the synthetic texts miss much of the real topic spread"
        )
    if not math.isnan(dup) and dup > MANY_DUPLICATES:
        warnings.append(f"text column {column!r}: many near-duplicates ({dup:.0%} of synthetic texts repeat another)")
    if leakage.longest_overlap_max >= threshold:
        warnings.append(
            f"text column {column!r}: longest verbatim overlap with training texts is "
            f"{leakage.longest_overlap_max} tokens (>= threshold {threshold}); "
            f"{leakage.share_over_threshold:.1%} of synthetic texts share such a run"
        )
    if exposed:
        warnings.append(f"text column {column!r}: {exposed} of {planted} planted canaries came back")
    logger.info(
        "text report: column texts train=%d holdout=%d synthetic=%d, embedded %d+%d",
        len(train_t), len(holdout_t), len(synth_t), len(real_sub), len(synth_sub),
    )
    return TextColumnReport(column=column, engine=engine, drift=drift, diversity=diversity, leakage=leakage,
                            warnings=warnings)
