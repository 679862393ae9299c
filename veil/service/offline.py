"""Switch off everything that would reach the network at run time."""

from __future__ import annotations

import logging
import os

OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "DO_NOT_TRACK": "1",
    "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "",
}


def go_offline() -> None:
    """Set the offline switches of the libraries Veil uses (idempotent)."""
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


# Libraries that log at WARNING about their own setup (Presidio lists every
# spaCy label it does not map), or a line per HTTP call to the LLM endpoint
# (httpx2, openai); quiet them so operators see Veil's lines.
NOISY_LOGGERS = ("presidio-analyzer", "presidio-anonymizer", "httpx", "httpx2", "openai")


def quiet_library_logs() -> None:
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
