"""Validated options shared by the text engines (one object, from the request or the CLI)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from veil.synthesizers.errors import InvalidConfigError


class TextOptions(BaseModel):
    """How text columns are generated, validated and filtered.

    The LLM endpoint (``llm``; the service owns its API key) and the PII scanner
    of the validation (``pii_scanner``; the service builds it on its own PII
    engine) are given separately; neither is part of ``to_dict`` output.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    llm_model: str = ""
    judge_model: str = ""
    allow_same_judge: bool = False
    judge_min_score: float = Field(default=3.0, ge=1, le=5)
    # Rewrite kind of ``llm_rewrite``; "mixed" draws one of the other four per text.
    rewrite: Literal["paraphrase", "persona", "style", "backtranslate", "mixed"] = "mixed"
    oversample: float = Field(default=2.0, ge=1.0, le=10.0)
    leakage_ngram: int = Field(default=8, ge=3, le=256)
    embedder: str = "minilm"
    # The endpoint's embedding model for the "openai" embedder ("" = the embedder's default).
    embedding_model: str = ""
    description: str = Field(default="a short free-text note written in a customer-facing business", max_length=500)
    pe_iterations: int = Field(default=3, ge=1, le=20)
    pe_population: int = Field(default=64, ge=2, le=5000)

    @classmethod
    def coerce(cls, value: TextOptions | Mapping[str, Any] | None) -> TextOptions:
        """An options object from itself, a dict (fields named ``config.text.<field>`` on error) or ``None``."""
        if isinstance(value, TextOptions):
            return value
        try:
            return cls.model_validate(dict(value or {}))
        except ValidationError as exc:
            violations = [("config.text." + ".".join(str(p) for p in err["loc"]), err["msg"]) for err in exc.errors()]
            raise InvalidConfigError("invalid text options", violations=violations) from None
