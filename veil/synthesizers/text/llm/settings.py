"""Connection and sampling settings of an OpenAI-compatible LLM endpoint."""

from __future__ import annotations

from urllib.parse import urlsplit

import pydantic
from pydantic import Field, SecretStr, field_validator


class LLMSettings(pydantic.BaseModel):
    """Where and how to call an OpenAI-compatible chat/embeddings API.

    The API key is a ``SecretStr`` so it never shows in ``repr``, logs or
    validation errors of other fields; read it with ``api_key.get_secret_value()``.

    Attributes:
        base_url: API root including ``/v1``, e.g. ``http://127.0.0.1:8000/v1``.
        model: Default chat model name.
        api_key: Bearer key; ``""`` sends ``"unused"`` (local servers ignore it).
        concurrency: Requests in flight at once (1..256).
        timeout_s: Timeout of one HTTP attempt in seconds.
        max_retries: Retries of one request on 429/408/409/5xx/connection errors/timeouts.
        max_tokens: Default completion token limit.
        temperature: Default sampling temperature (0..2).
        prompt_cost_per_1k: Currency units per 1000 prompt tokens.
        completion_cost_per_1k: Currency units per 1000 completion tokens.
    """

    # hide_input_in_errors: a bad value (a key, a URL with credentials) must not be echoed in errors
    model_config = pydantic.ConfigDict(extra="forbid", hide_input_in_errors=True)

    base_url: str = Field(min_length=1)
    model: str = Field(min_length=1)
    api_key: SecretStr = SecretStr("")
    concurrency: int = Field(default=8, ge=1, le=256)
    timeout_s: float = Field(default=60.0, gt=0, le=3600)
    max_retries: int = Field(default=4, ge=0, le=20)
    max_tokens: int = Field(default=400, ge=1)
    temperature: float = Field(default=0.9, ge=0.0, le=2.0)
    prompt_cost_per_1k: float = Field(default=0.0, ge=0.0)
    completion_cost_per_1k: float = Field(default=0.0, ge=0.0)

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("must be an http(s) URL such as http://127.0.0.1:8000/v1")
        if parts.username or parts.password:
            # credentials in the URL would leak through logs and errors; use api_key
            raise ValueError("must not carry credentials; use api_key")
        return value.rstrip("/")

    def api_key_value(self) -> str:
        """The key to send: the configured one, or ``"unused"`` when empty."""
        return self.api_key.get_secret_value() or "unused"
