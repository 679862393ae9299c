"""Concurrent, retrying client of an OpenAI-compatible chat/embeddings API.

Retries, backoff and ``Retry-After`` / ``retry-after-ms`` handling are the
``openai`` library's own (``max_retries``). To still count attempts and the
reason of every failed attempt per request, the library gets an
``httpx2.AsyncClient`` subclass whose ``send`` records into a per-task
context variable. The only hand-written retry is the one fresh attempt after
a malformed or empty answer, which the library treats as success.

Message contents are user text (may hold PII): nothing here logs them, and
errors carry only kinds and counts. The API key lives in a ``SecretStr`` and is
read only when the ``openai`` client is built.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import threading
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx2
import numpy as np
import openai

from veil.core.progress import ProgressFn
from veil.synthesizers.errors import EngineError
from veil.synthesizers.text.llm.settings import LLMSettings

log = logging.getLogger(__name__)

ERROR_KINDS = ("rate_limited", "timeout", "server_error", "connection", "bad_request", "malformed", "empty")
"""Values of ``ChatResult.error`` (and keys of ``LLMUsage.failures``)."""


_EMBED_BATCH = 128  # inputs per embeddings call; well under every provider's limit
_PROGRESS_STEPS = 200  # at most this many progress callbacks per batch (plus the final 1.0)


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class ChatRequest:
    """One chat completion request.

    Attributes:
        messages: ``[{"role": "system"|"user"|"assistant", "content": ...}]``.
        temperature: ``None`` uses the settings' temperature.
        max_tokens: ``None`` uses the settings' max_tokens.
        seed: Passed through to the API (best-effort determinism).
        model: ``None`` uses the settings' model (a judge passes its own).
    """

    # repr=False: messages are user text and must not end up in logs via repr
    messages: list[dict[str, str]] = field(repr=False)
    temperature: float | None = None
    max_tokens: int | None = None
    seed: int | None = None
    model: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.messages, (list, tuple)):
            raise TypeError("ChatRequest.messages must be a list of {'role', 'content'} dicts")
        if not self.messages:
            raise ValueError("ChatRequest.messages must not be empty")
        for i, message in enumerate(self.messages):
            if (
                not isinstance(message, dict)
                or not isinstance(message.get("role"), str)
                or not isinstance(message.get("content"), str)
            ):
                raise TypeError(f"ChatRequest.messages[{i}] must be a dict with str 'role' and 'content'")


@dataclass(frozen=True)
class ChatResult:
    """The outcome of one ``ChatRequest``.

    Attributes:
        text: The answer, ``None`` when the request failed.
        error: ``None`` on success, else one of ``ERROR_KINDS``.
        prompt_tokens: Prompt tokens over all attempts (from the API's usage field).
        completion_tokens: Completion tokens over all attempts.
        attempts: HTTP attempts made (1 = no retry).
    """

    text: str | None = field(repr=False)  # generated text may still echo user data
    error: str | None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    attempts: int = 1

    @property
    def ok(self) -> bool:
        """True when the request produced text."""
        return self.error is None


@dataclass
class LLMUsage:
    """Per-job LLM bookkeeping; ``add`` is thread-safe.

    Attributes:
        requests: Logical requests made (chat requests + embedding batches).
        retries: Extra HTTP attempts beyond the first, over all requests.
        failures: Final failure kind -> number of requests that failed so.
        prompt_tokens: Prompt tokens reported by the API.
        completion_tokens: Completion tokens reported by the API.
        cost: ``tokens / 1000 * price`` summed over both token kinds.
        retry_reasons: Reason of each retried attempt -> count (same kinds as failures).
    """

    requests: int = 0
    retries: int = 0
    failures: dict[str, int] = field(default_factory=dict)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost: float = 0.0
    retry_reasons: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(
        self,
        *,
        requests: int = 0,
        retries: int = 0,
        failure: str | None = None,
        prompt_tokens: int = 0,
        completion_tokens: int = 0,
        cost: float = 0.0,
        retry_reasons: Sequence[str] = (),
    ) -> None:
        """Add one request's (or batch's) numbers atomically."""
        with self._lock:
            self.requests += requests
            self.retries += retries
            if failure is not None:
                self.failures[failure] = self.failures.get(failure, 0) + 1
            self.prompt_tokens += prompt_tokens
            self.completion_tokens += completion_tokens
            self.cost += cost
            for reason in retry_reasons:
                self.retry_reasons[reason] = self.retry_reasons.get(reason, 0) + 1

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready snapshot."""
        with self._lock:
            return {
                "requests": self.requests,
                "retries": self.retries,
                "failures": dict(sorted(self.failures.items())),
                "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens,
                "cost": round(self.cost, 6),
                "retry_reasons": dict(sorted(self.retry_reasons.items())),
            }


# --------------------------------------------------------------------------- interface


class LLMClient(ABC):
    """A chat + embeddings endpoint used by the text engines.

    Attributes:
        usage: Running totals for the job (shared across calls).
        model: The default chat model.
    """

    usage: LLMUsage
    model: str

    @abstractmethod
    def chat_many(self, requests: Sequence[ChatRequest], *, progress: ProgressFn | None = None) -> list[ChatResult]:
        """Run all requests concurrently (<= concurrency in flight); results in input order.

        Never raises for per-request failures (they come back as ``ChatResult.error``);
        raises only for misuse, or re-raises what ``progress`` raised (e.g. a cancel).
        """

    def chat(self, request: ChatRequest) -> ChatResult:
        """Run one request (see ``chat_many``)."""
        return self.chat_many([request])[0]

    @abstractmethod
    def embed(self, texts: Sequence[str], *, model: str) -> np.ndarray:
        """Embed texts: float32 ``(n, d)`` with L2-normalised rows; ``(0, 0)`` for no texts."""


# --------------------------------------------------------------------------- attempt tracking


@dataclass
class _Attempts:
    """HTTP attempts of one logical request and the reason each failed one failed."""

    count: int = 0
    reasons: list[str] = field(default_factory=list)


# Each request runs in its own asyncio task, so a context variable attributes
# the HTTP attempts made inside the library's retry loop to that request.
_CURRENT: contextvars.ContextVar[_Attempts | None] = contextvars.ContextVar("veil_llm_attempts", default=None)


def _status_kind(status: int) -> str:
    if status == 429:
        return "rate_limited"
    if status == 408:
        return "timeout"
    if status == 409 or status >= 500:
        return "server_error"
    return "bad_request"


class _CountingAsyncClient(httpx2.AsyncClient):
    """``httpx2.AsyncClient`` that records every attempt the ``openai`` library sends."""

    async def send(self, request: httpx2.Request, **kwargs: Any) -> httpx2.Response:  # type: ignore[override]
        tracker = _CURRENT.get()
        if tracker is not None:
            tracker.count += 1
        try:
            response = await super().send(request, **kwargs)
        except httpx2.TimeoutException:
            if tracker is not None:
                tracker.reasons.append("timeout")
            raise
        except httpx2.TransportError:
            if tracker is not None:
                tracker.reasons.append("connection")
            raise
        if tracker is not None and response.status_code >= 400:
            tracker.reasons.append(_status_kind(response.status_code))
        return response


def _error_kind(exc: openai.APIError) -> str:
    if isinstance(exc, openai.APITimeoutError):
        return "timeout"
    if isinstance(exc, openai.APIConnectionError):
        return "connection"
    if isinstance(exc, openai.APIStatusError):
        return _status_kind(exc.status_code)
    return "malformed"  # APIResponseValidationError and other unparsable answers


def _answer_text(completion: object) -> str | None:
    """The first choice's content, or None when the answer has no usable shape."""
    choices = getattr(completion, "choices", None)
    if not choices:
        return None
    message = getattr(choices[0], "message", None)
    content = getattr(message, "content", None)
    if content is None:
        # a reply with a message but no content (e.g. refusal-only) counts as empty
        return "" if message is not None else None
    return content if isinstance(content, str) else None


def _usage_tokens(response: object) -> tuple[int, int]:
    usage = getattr(response, "usage", None)
    prompt = getattr(usage, "prompt_tokens", None)
    completion = getattr(usage, "completion_tokens", None)
    return (
        prompt if isinstance(prompt, int) and prompt > 0 else 0,
        completion if isinstance(completion, int) and completion > 0 else 0,
    )


def _l2_normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0  # an all-zero row stays zero instead of becoming NaN
    return (matrix / norms).astype(np.float32, copy=False)


def _no_running_loop(what: str) -> None:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return
    raise RuntimeError(f"{what} is synchronous and cannot run inside an event loop; await its async variant")


# --------------------------------------------------------------------------- OpenAI client


class OpenAIClient(LLMClient):
    """``LLMClient`` over ``openai.AsyncOpenAI``.

    The sync methods run their own event loop (``asyncio.run``) in the calling
    thread, so they can be called from gRPC worker threads; every call builds
    its own HTTP client because connections are bound to a loop.
    """

    def __init__(self, settings: LLMSettings) -> None:
        """Create a client.

        Args:
            settings: Endpoint, model, limits and prices.
        """
        if not isinstance(settings, LLMSettings):
            raise TypeError("settings must be an LLMSettings")
        self.settings = settings
        self.model = settings.model
        self.usage = LLMUsage()

    def __repr__(self) -> str:
        s = self.settings
        return f"OpenAIClient(base_url={s.base_url!r}, model={s.model!r}, concurrency={s.concurrency})"

    # ---- plumbing

    @asynccontextmanager
    async def _open(self) -> AsyncIterator[openai.AsyncOpenAI]:
        s = self.settings
        timeout = httpx2.Timeout(s.timeout_s, connect=min(s.timeout_s, 10.0))
        limits = httpx2.Limits(max_connections=s.concurrency, max_keepalive_connections=s.concurrency)
        http = _CountingAsyncClient(timeout=timeout, limits=limits)
        client = openai.AsyncOpenAI(
            api_key=s.api_key_value(),
            base_url=s.base_url,
            max_retries=s.max_retries,
            timeout=timeout,
            http_client=http,
        )
        try:
            yield client
        finally:
            await client.close()

    def _cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        s = self.settings
        return prompt_tokens / 1000.0 * s.prompt_cost_per_1k + completion_tokens / 1000.0 * s.completion_cost_per_1k

    def _record(self, tracker: _Attempts, failure: str | None, prompt_tokens: int, completion_tokens: int) -> int:
        """Add one logical request to the usage books; returns its HTTP attempts.

        The last failed attempt's reason is the request's failure, not a retry reason.
        """
        attempts = max(tracker.count, 1)
        reasons = tracker.reasons[:-1] if failure is not None and tracker.reasons else tracker.reasons
        self.usage.add(
            requests=1,
            retries=attempts - 1,
            failure=failure,
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            cost=self._cost(prompt_tokens, completion_tokens),
            retry_reasons=reasons,
        )
        return attempts

    # ---- chat

    def chat_many(self, requests: Sequence[ChatRequest], *, progress: ProgressFn | None = None) -> list[ChatResult]:
        """Run all requests concurrently; see ``LLMClient.chat_many``.

        Args:
            requests: The requests; results come back in the same order.
            progress: Optional callback receiving the completed fraction (0..1].

        Returns:
            One ``ChatResult`` per request.

        Raises:
            TypeError: An item is not a ``ChatRequest``.
            RuntimeError: Called from inside a running event loop (use ``achat_many``).
        """
        batch = self._check_requests(requests)
        if not batch:
            if progress is not None:
                progress(1.0)
            return []
        _no_running_loop("chat_many")
        return asyncio.run(self.achat_many(batch, progress=progress))

    async def achat_many(
        self, requests: Sequence[ChatRequest], *, progress: ProgressFn | None = None
    ) -> list[ChatResult]:
        """Async variant of ``chat_many`` for callers already inside an event loop."""
        batch = self._check_requests(requests)
        if not batch:
            if progress is not None:
                progress(1.0)
            return []
        semaphore = asyncio.Semaphore(self.settings.concurrency)
        async with self._open() as client:
            tasks = [asyncio.ensure_future(self._chat_one(client, semaphore, r)) for r in batch]
            try:
                await self._report(tasks, progress)
            finally:
                # a raising progress callback (cancel) must not leave requests running
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
        results = [task.result() for task in tasks]
        failed = Counter(r.error for r in results if r.error is not None)
        log.info(
            "LLM chat batch: %d requests, %d failed %s, %d retries",
            len(results),
            sum(failed.values()),
            dict(failed),
            sum(r.attempts - 1 for r in results),
        )
        return results

    @staticmethod
    def _check_requests(requests: Sequence[ChatRequest]) -> list[ChatRequest]:
        batch = list(requests)
        for i, request in enumerate(batch):
            if not isinstance(request, ChatRequest):
                raise TypeError(f"requests[{i}] is {type(request).__name__}, expected ChatRequest")
        return batch

    @staticmethod
    async def _report(tasks: list[asyncio.Future[ChatResult]], progress: ProgressFn | None) -> None:
        total, last_step = len(tasks), -1
        for done, next_done in enumerate(asyncio.as_completed(tasks), start=1):
            await next_done
            step = done * _PROGRESS_STEPS // total
            if progress is not None and (step != last_step or done == total):
                last_step = step
                progress(done / total)

    async def _chat_one(
        self, client: openai.AsyncOpenAI, semaphore: asyncio.Semaphore, request: ChatRequest
    ) -> ChatResult:
        s = self.settings
        kwargs: dict[str, Any] = {
            "model": request.model or s.model,
            "messages": [dict(m) for m in request.messages],
            "temperature": s.temperature if request.temperature is None else request.temperature,
            "max_tokens": s.max_tokens if request.max_tokens is None else request.max_tokens,
        }
        if request.seed is not None:
            kwargs["seed"] = int(request.seed)
        tracker = _Attempts()
        token = _CURRENT.set(tracker)
        prompt_tokens = completion_tokens = 0
        text: str | None = None
        error: str | None = None
        try:
            async with semaphore:
                # Loop runs twice at most: the library retries transport/status errors itself;
                # a malformed or empty answer gets exactly one fresh attempt here.
                for fresh_attempt in range(2):
                    try:
                        completion = await client.chat.completions.create(**kwargs)
                    except openai.APIError as exc:
                        error = _error_kind(exc)
                    except ValueError:  # body is not JSON (json.JSONDecodeError)
                        error = "malformed"
                    else:
                        p, c = _usage_tokens(completion)
                        prompt_tokens, completion_tokens = prompt_tokens + p, completion_tokens + c
                        answer = _answer_text(completion)
                        if answer is None:
                            error = "malformed"
                        elif not answer.strip():
                            error = "empty"
                        else:
                            text, error = answer, None
                    if error in ("malformed", "empty"):
                        tracker.reasons.append(error)
                        if fresh_attempt == 0:
                            continue
                    break
        finally:
            _CURRENT.reset(token)
        attempts = self._record(tracker, error, prompt_tokens, completion_tokens)
        if error is not None:
            log.debug("LLM request failed: %s after %d attempts", error, attempts)
        return ChatResult(
            text=text,
            error=error,
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            attempts=attempts,
        )

    # ---- embeddings

    def embed(self, texts: Sequence[str], *, model: str) -> np.ndarray:
        """Embed texts with the endpoint's embeddings API.

        Args:
            texts: Texts to embed (empty strings are sent as a single space,
                which some providers require).
            model: Embedding model name.

        Returns:
            float32 ``(n, d)`` array with L2-normalised rows; ``(0, 0)`` for no texts.

        Raises:
            EngineError: A batch still failed after the library's retries, or the
                answer did not have one vector per input.
        """
        batch = self._check_texts(texts, model)
        if not batch:
            return np.zeros((0, 0), dtype=np.float32)
        _no_running_loop("embed")
        return asyncio.run(self.aembed(batch, model=model))

    async def aembed(self, texts: Sequence[str], *, model: str) -> np.ndarray:
        """Async variant of ``embed``."""
        batch = self._check_texts(texts, model)
        if not batch:
            return np.zeros((0, 0), dtype=np.float32)
        chunks = [batch[i : i + _EMBED_BATCH] for i in range(0, len(batch), _EMBED_BATCH)]
        semaphore = asyncio.Semaphore(self.settings.concurrency)
        async with self._open() as client:
            parts = await asyncio.gather(*(self._embed_chunk(client, semaphore, c, model) for c in chunks))
        return _l2_normalise(np.concatenate(parts, axis=0))

    @staticmethod
    def _check_texts(texts: Sequence[str], model: str) -> list[str]:
        if not isinstance(model, str) or not model:
            raise ValueError("embed needs a non-empty model name")
        batch = list(texts)
        for i, text in enumerate(batch):
            if not isinstance(text, str):
                raise TypeError(f"texts[{i}] is {type(text).__name__}, expected str")
        return [t if t else " " for t in batch]

    async def _embed_chunk(
        self, client: openai.AsyncOpenAI, semaphore: asyncio.Semaphore, chunk: list[str], model: str
    ) -> np.ndarray:
        tracker = _Attempts()
        token = _CURRENT.set(tracker)
        failure: str | None = None
        prompt_tokens = 0
        try:
            async with semaphore:
                response = await client.embeddings.create(model=model, input=chunk, encoding_format="float")
            prompt_tokens = _usage_tokens(response)[0]
            data = sorted(getattr(response, "data", None) or [], key=lambda d: getattr(d, "index", 0))
            matrix = np.asarray([d.embedding for d in data], dtype=np.float32)
            if matrix.ndim != 2 or matrix.shape[0] != len(chunk) or matrix.shape[1] == 0:
                raise ValueError("embeddings answer does not hold one vector per input")
            return matrix
        except openai.APIError as exc:
            failure = _error_kind(exc)
            raise EngineError("openai-embeddings", "embed", exc) from None
        except (ValueError, TypeError, AttributeError) as exc:
            failure = "malformed"
            raise EngineError("openai-embeddings", "embed", exc) from None
        finally:
            _CURRENT.reset(token)
            attempts = self._record(tracker, failure, prompt_tokens, 0)
            if failure is not None:
                log.warning("LLM embeddings batch failed: %s after %d attempts", failure, attempts)


def create_llm_client(settings: LLMSettings) -> LLMClient:
    """Build the LLM client for ``settings`` (an OpenAI-compatible endpoint).

    Args:
        settings: Endpoint, model, limits and prices.

    Returns:
        An ``OpenAIClient``.
    """
    return OpenAIClient(settings)
