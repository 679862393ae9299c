"""LLM access for the text engines: settings, the client interface and its OpenAI-compatible implementation."""

from veil.synthesizers.text.llm.client import (
    ERROR_KINDS,
    ChatRequest,
    ChatResult,
    LLMClient,
    LLMUsage,
    OpenAIClient,
    create_llm_client,
)
from veil.synthesizers.text.llm.settings import LLMSettings

__all__ = [
    "ERROR_KINDS",
    "ChatRequest",
    "ChatResult",
    "LLMClient",
    "LLMSettings",
    "LLMUsage",
    "OpenAIClient",
    "create_llm_client",
]
