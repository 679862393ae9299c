"""A deterministic OpenAI-compatible HTTP server for tests (stdlib only).

Serves ``POST /v1/chat/completions``, ``POST /v1/embeddings`` and
``GET /v1/models`` on a free loopback port. Chat answers are keyed on the
``veil-prompt: <name>.v<N>`` line of the system message (see
``veil/synthesizers/text/prompts``), and the server can misbehave on demand
(rate limits, 5xx, slow, malformed or empty bodies, copying, PII).

The well-behaved rewrite keeps the input's words (with a few synonym swaps)
but inserts a filler word that does not occur in the input after every
``_CHUNK`` input words, so no run of more than ``_CHUNK + 1`` output tokens can
also occur in the input: rewrites never share 8 consecutive tokens with it.
"""

from __future__ import annotations

import base64
import collections
import hashlib
import json
import math
import random
import re
import struct
import threading
from collections import Counter, deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

KINDS = ("slow", "rate_limit", "server_error", "malformed", "empty", "copy_prompt", "pii", "no_usage")
PII_SUFFIX = " Call Sarah Connor at 415-555-0132 or sarah.connor@example.com."
EMBEDDING_DIM = 64

_CHUNK = 3  # input words between two fillers; + a one-word opener keeps shared runs <= 4 tokens
_TAG_RE = re.compile(r"^veil-prompt:\s*([a-z][a-z0-9_]*)\.v\d+\s*$", re.MULTILINE)
_TEXT_RE = re.compile(r"<text>\n?(.*?)\n?</text>", re.DOTALL)
_WORD_RE = re.compile(r"\w+")
_SLOT_RE = re.compile(r"\[\[[A-Z0-9_]+(?::[A-Z]+)?\]\]")
# A slot such as [[CUSTOMER_NAME:FIRST]] is one piece: a rewrite keeps it as it is, as a real LLM is told to.
_PIECE_RE = re.compile(r"\[\[[A-Z0-9_]+(?::[A-Z]+)?\]\]|\w+|(?:(?!\[\[)[^\w\s])+")
_REWRITE_PROMPTS = {"paraphrase", "persona", "style", "translate", "pe_variation"}
HARD_OPENER = "Hard to say for sure, but"

# fmt: off
_SYNONYMS = {
    "problem": "issue", "issue": "problem", "issues": "problems", "problems": "issues",
    "buy": "purchase", "bought": "purchased", "help": "assist", "need": "require", "needs": "requires",
    "quick": "fast", "fast": "quick", "big": "large", "large": "big", "small": "little",
    "customer": "client", "client": "customer", "said": "stated", "ask": "request", "asked": "requested",
    "get": "obtain", "got": "received", "received": "got", "start": "begin", "started": "began",
    "broken": "damaged", "damaged": "broken", "arrived": "came", "late": "delayed", "delayed": "late",
    "happy": "pleased", "angry": "upset", "very": "really", "really": "truly", "good": "fine",
    "bad": "poor", "price": "cost", "cost": "price", "store": "shop", "shop": "store",
    "order": "purchase", "package": "parcel", "parcel": "package", "wrong": "incorrect",
    "fix": "repair", "repair": "fix", "send": "ship", "sent": "shipped",
    "maybe": "perhaps", "perhaps": "maybe", "soon": "shortly", "now": "currently",
}
# fmt: on
# fmt: off
_FILLERS = (
    "indeed", "notably", "basically", "frankly", "honestly", "essentially", "clearly",
    "apparently", "admittedly", "naturally", "certainly", "evidently", "reportedly", "seemingly",
)
# fmt: on
_OPENERS = ("Briefly,", "Overall,", "Basically,", "So,", "Well,", "Anyway,", "Summarising,", "Okay,")

# fmt: off
_SUBJECTS = (
    "My order", "The invoice", "The delivery", "My account", "The replacement ring", "The app",
    "The refund", "The warranty claim", "The necklace I ordered", "My subscription",
)
# fmt: on
_PROBLEMS = (
    "has not arrived yet",
    "shows the wrong amount",
    "was charged twice",
    "cannot be opened",
    "arrived damaged",
    "is still pending",
    "was cancelled without notice",
    "keeps failing at checkout",
)
_WHEN = ("since last week", "after two weeks", "for three days", "since Monday", "after the update", "")
_ASKS = (
    "Please advise.",
    "Can you check?",
    "I would like a refund.",
    "Please send an update.",
    "What are my options?",
    "Thanks for looking into it.",
    "This is urgent.",
)


def _stable_int(*parts: object) -> int:
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _match_case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def rewrite(text: str, key: int) -> str:
    """Deterministic "paraphrase" of text that varies with key and shares no 8-token run with it.

    Args:
        text: Source text.
        key: Variation key (derived from seed, temperature and the persona/style line).

    Returns:
        The rewritten text.
    """
    rng = random.Random(key)
    lowered = text.lower()
    # a filler must not occur in the source under any plausible tokenisation
    present = set(_WORD_RE.findall(lowered)) | set(re.findall(r"[a-z]+", lowered))
    fillers = [f for f in _FILLERS if f not in present]
    n = 0
    while not fillers:  # only for texts holding every filler word
        candidate = f"zz{'q' * (n + 1)}"
        fillers = [candidate] if candidate not in present else []
        n += 1
    rng.shuffle(fillers)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
    if len(sentences) > 1:  # clause reordering: rotate the sentences
        shift = rng.randrange(len(sentences))
        sentences = sentences[shift:] + sentences[:shift]
    out: list[str] = [rng.choice(_OPENERS)]
    words, filler_i = 0, 0
    for piece in _PIECE_RE.findall(" ".join(sentences)):
        if _SLOT_RE.fullmatch(piece):
            out.append(piece)
            words += 1
        elif _WORD_RE.fullmatch(piece):
            if words == _CHUNK:
                out.append(fillers[filler_i % len(fillers)])
                filler_i += 1
                words = 0
            synonym = _SYNONYMS.get(piece.lower())
            if synonym is not None and rng.random() < 0.7:
                piece = _match_case(synonym, piece)
            elif len(out) == 1 and piece[:1].isupper() and piece[1:].islower():
                piece = piece.lower()  # the opener now starts the sentence
            out.append(piece)
            words += 1
        elif out:
            out[-1] += piece  # punctuation sticks to the previous word
    return " ".join(out)


def random_ticket(key: int) -> str:
    """A short ticket-like text drawn from a small vocabulary."""
    rng = random.Random(key)
    when = rng.choice(_WHEN)
    first = f"{rng.choice(_SUBJECTS)} {rng.choice(_PROBLEMS)}" + (f" {when}" if when else "")
    return f"{first}. {rng.choice(_ASKS)}"


def hashed_embedding(text: str, dim: int = EMBEDDING_DIM) -> list[float]:
    """Hashed bag-of-words vector, L2-normalised (empty text -> a fixed unit vector)."""
    vector = [0.0] * dim
    for token in _WORD_RE.findall(text.lower()):
        h = _stable_int("emb", token)
        vector[h % dim] += 1.0 if (h >> 32) & 1 else -1.0
    norm = math.sqrt(sum(v * v for v in vector))
    if norm == 0:
        vector[0], norm = 1.0, 1.0
    return [v / norm for v in vector]


def _whitespace_tokens(text: str) -> int:
    return len(text.split())


class FakeOpenAIServer:
    """An OpenAI-compatible server on ``127.0.0.1`` with a free port; use as a context manager.

    Attributes:
        base_url: ``"http://127.0.0.1:PORT/v1"`` once started.
    """

    def __init__(self, *, embedding_dim: int = EMBEDDING_DIM) -> None:
        self.embedding_dim = embedding_dim
        self.base_url = ""
        self._lock = threading.Lock()
        self._queue: deque[tuple[str, float]] = deque()
        self._always: tuple[str, float] | None = None
        self._requests: list[dict[str, Any]] = []
        self._counts: Counter = collections.Counter()
        self._in_flight = 0
        self._max_in_flight = 0
        # reset() starts a new generation: it wakes sleeping handlers of the old one and
        # stops counting them, so one test's stragglers cannot skew the next test's numbers
        self._generation = 0
        self._wake = threading.Event()
        self._random_counters: Counter = collections.Counter()
        self._n_answers = 0
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ---- lifecycle

    def start(self) -> Self:
        """Bind a free loopback port and serve in a daemon thread."""
        if self._httpd is not None:
            return self
        handler = type("_BoundHandler", (_Handler,), {"fake": self})
        httpd = _Server(("127.0.0.1", 0), handler)
        httpd.daemon_threads = True  # slow handlers must not block stop()
        with self._lock:
            if self._wake.is_set():  # set by an earlier stop()
                self._wake = threading.Event()
        self._httpd = httpd
        self.base_url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-openai", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket (sleeping handlers are woken up)."""
        if self._httpd is None:
            return
        with self._lock:
            self._wake.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None
        self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- control

    def misbehave(self, kind: str, *, times: int = 1, delay_s: float = 0.0) -> None:
        """Make the next ``times`` chat requests misbehave like ``kind`` (see ``KINDS``)."""
        self._check_kind(kind)
        with self._lock:
            self._queue.extend([(kind, float(delay_s))] * int(times))

    def always(self, kind: str | None, *, delay_s: float = 0.0) -> None:
        """Make every chat request misbehave like ``kind``; ``None`` switches it off."""
        if kind is not None:
            self._check_kind(kind)
        with self._lock:
            self._always = None if kind is None else (kind, float(delay_s))

    def reset(self) -> None:
        """Forget queued misbehaviour, recorded requests, counts and the in-flight maximum.

        Handlers still sleeping for a "slow" answer are woken (they answer at once) and no
        longer count as in flight.
        """
        with self._lock:
            self._queue.clear()
            self._always = None
            self._requests.clear()
            self._counts.clear()
            self._random_counters.clear()
            self._generation += 1
            self._in_flight = 0
            self._max_in_flight = 0
            self._wake.set()
            self._wake = threading.Event()

    @staticmethod
    def _check_kind(kind: str) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown misbehaviour {kind!r}; known: {', '.join(KINDS)}")

    # ---- observations

    @property
    def requests(self) -> list[dict[str, Any]]:
        """Bodies of the chat requests received (a copy)."""
        with self._lock:
            return [json.loads(json.dumps(r)) for r in self._requests]

    @property
    def max_in_flight(self) -> int:
        """The most chat requests handled at the same time."""
        with self._lock:
            return self._max_in_flight

    @property
    def counts(self) -> Counter:
        """Requests by endpoint (``"chat"``, ``"embeddings"``, ``"models"``) and responses by status code (int)."""
        with self._lock:
            return collections.Counter(self._counts)

    # ---- internals used by the handler

    def _count(self, key: object) -> None:
        with self._lock:
            self._counts[key] += 1

    def _enter_chat(self, body: dict[str, Any]) -> tuple[tuple[str, float] | None, int, threading.Event]:
        with self._lock:
            self._requests.append(body)
            self._counts["chat"] += 1
            self._in_flight += 1
            self._max_in_flight = max(self._max_in_flight, self._in_flight)
            misbehaviour = self._queue.popleft() if self._queue else self._always
            return misbehaviour, self._generation, self._wake

    def _leave_chat(self, generation: int) -> None:
        with self._lock:
            if generation == self._generation:
                self._in_flight -= 1

    def answer(self, body: dict[str, Any]) -> str:
        """The well-behaved answer to a chat request body (also used by tests to predict answers)."""
        messages = [m for m in body.get("messages", []) if isinstance(m, dict)]
        system = "\n".join(str(m.get("content", "")) for m in messages if m.get("role") == "system")
        user = "\n".join(str(m.get("content", "")) for m in messages if m.get("role") == "user")
        tag = _TAG_RE.search(system)
        prompt = tag.group(1) if tag else None
        block = _TEXT_RE.search(user)
        text = block.group(1) if block else ""
        # the persona/style/language line is whatever the user message says outside the <text> block
        instruction = _TEXT_RE.sub("", user)
        seed, temperature = body.get("seed"), body.get("temperature")
        if prompt in _REWRITE_PROMPTS:
            return rewrite(text, _stable_int(prompt, instruction, text, seed, temperature))
        if prompt == "hard":  # a hard variant says it hedges, so tests can tell one from a plain rewrite
            return HARD_OPENER + " " + rewrite(text, _stable_int(prompt, instruction, text, seed, temperature))
        if prompt == "pe_random":
            key = (instruction, seed, temperature)
            with self._lock:
                n = self._random_counters[key]
                self._random_counters[key] += 1
            ticket = random_ticket(_stable_int("pe_random", *key, n))
            # Half the texts name their subject through the first placeholder the prompt offers.
            slots = _SLOT_RE.findall(system)
            if slots and _stable_int("sign", *key, n) % 2:
                ticket += f" Signed, {slots[0]}."
            return ticket
        if prompt == "judge":
            words = _WORD_RE.findall(text.lower())
            if "lorem" in words or len(words) < 3:
                return json.dumps({"score": 1, "reason": "placeholder or too short"})
            return json.dumps({"score": 5, "reason": "fluent and plausible"})
        return "This is a generic answer from the fake server."

    def copied_text(self, body: dict[str, Any]) -> str:
        """What a copying model returns: the prompt's <text> block (or the whole user message)."""
        user = "\n".join(
            str(m.get("content", ""))
            for m in body.get("messages", [])
            if isinstance(m, dict) and m.get("role") == "user"
        )
        block = _TEXT_RE.search(user)
        return block.group(1) if block else user

    def completion(self, body: dict[str, Any], content: str, *, usage: bool = True) -> dict[str, Any]:
        """An OpenAI chat.completion envelope around content."""
        with self._lock:
            self._n_answers += 1
            n = self._n_answers
        result: dict[str, Any] = {
            "id": f"chatcmpl-fake-{n}",
            "object": "chat.completion",
            "created": 0,
            "model": str(body.get("model", "")),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        }
        if usage:
            prompt = sum(_whitespace_tokens(str(m.get("content", ""))) for m in body.get("messages", []))
            completion = _whitespace_tokens(content)
            result["usage"] = {
                "prompt_tokens": prompt,
                "completion_tokens": completion,
                "total_tokens": prompt + completion,
            }
        return result

    def embeddings(self, body: dict[str, Any]) -> dict[str, Any] | None:
        """The embeddings answer, or None when the input is not a string or list of strings."""
        raw = body.get("input")
        texts = [raw] if isinstance(raw, str) else raw
        if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
            return None
        as_base64 = body.get("encoding_format") == "base64"
        data = []
        for i, text in enumerate(texts):
            vector = hashed_embedding(text, self.embedding_dim)
            value: Any = base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode() if as_base64 else vector
            data.append({"object": "embedding", "index": i, "embedding": value})
        tokens = sum(_whitespace_tokens(t) for t in texts)
        return {
            "object": "list",
            "data": data,
            "model": str(body.get("model", "")),
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
        }


class _Server(ThreadingHTTPServer):
    # A burst of connects (64 requests in flight) must not overflow the stdlib's backlog of 5.
    request_queue_size = 256


class _Handler(BaseHTTPRequestHandler):
    fake: FakeOpenAIServer
    protocol_version = "HTTP/1.1"  # keep-alive, like real API servers
    # Headers and body go out in two writes: with Nagle's algorithm each answer would wait
    # about 40 ms for the client's delayed ACK.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet tests; bodies may hold test PII anyway

    # ---- helpers

    def _send(self, status: int, payload: bytes, *, headers: dict[str, str] | None = None) -> None:
        self.fake._count(status)
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (timeout); nothing to do

    def _json(self, status: int, obj: object, *, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(obj).encode(), headers=headers)

    def _error(self, status: int, message: str, kind: str, headers: dict[str, str] | None = None) -> None:
        self._json(status, {"error": {"message": message, "type": kind, "code": None}}, headers=headers)

    def _body(self) -> dict[str, Any] | None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            return None
        return body if isinstance(body, dict) else None

    # ---- endpoints

    def do_GET(self) -> None:
        if self.path.rstrip("/") == "/v1/models":
            self.fake._count("models")
            models = [
                {"id": m, "object": "model", "created": 0, "owned_by": "veil-fake"}
                for m in ("fake-chat", "fake-judge", "fake-embed")
            ]
            self._json(200, {"object": "list", "data": models})
        else:
            self._error(404, "not found", "not_found")

    def do_POST(self) -> None:
        path = self.path.rstrip("/")
        body = self._body()
        if path == "/v1/embeddings":
            self.fake._count("embeddings")
            answer = self.fake.embeddings(body) if body is not None else None
            if answer is None:
                self._error(400, "input must be a string or a list of strings", "invalid_request_error")
            else:
                self._json(200, answer)
        elif path == "/v1/chat/completions":
            if body is None or not isinstance(body.get("messages"), list):
                self.fake._count("chat")
                self._error(400, "messages must be a list", "invalid_request_error")
                return
            self._chat(body)
        else:
            self._error(404, "not found", "not_found")

    def _chat(self, body: dict[str, Any]) -> None:
        fake = self.fake
        misbehaviour, generation, wake = fake._enter_chat(body)
        try:
            kind, delay = misbehaviour if misbehaviour is not None else (None, 0.0)
            if delay > 0:
                wake.wait(delay)
            if kind == "rate_limit":
                self._error(429, "rate limit reached", "rate_limit_exceeded", headers={"retry-after-ms": "20"})
            elif kind == "server_error":
                self._error(503, "service unavailable", "server_error")
            elif kind == "malformed":
                self._send(200, b'{"id": "chatcmpl-broken", "choices": [{"message": ')
            elif kind == "empty":
                self._json(200, fake.completion(body, ""))
            elif kind == "copy_prompt":
                self._json(200, fake.completion(body, fake.copied_text(body)))
            elif kind == "pii":
                self._json(200, fake.completion(body, fake.answer(body) + PII_SUFFIX))
            elif kind == "no_usage":
                self._json(200, fake.completion(body, fake.answer(body), usage=False))
            else:  # None or "slow"
                self._json(200, fake.completion(body, fake.answer(body)))
        finally:
            fake._leave_chat(generation)
