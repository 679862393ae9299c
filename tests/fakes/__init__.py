"""Test doubles that speak real protocols (e.g. an OpenAI-compatible HTTP server)."""

from tests.fakes.openai_server import FakeOpenAIServer

__all__ = ["FakeOpenAIServer"]
