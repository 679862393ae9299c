"""Shared fixtures: one real PiiEngine (real Presidio, real spaCy model) and the demo table."""

from __future__ import annotations

import pytest

from veil.privacy.pii import PiiEngine

PII_COLUMNS = ["customer_name", "email", "phone", "address"]
CANDIDATES = ["order_id", "cut", "color", "clarity", *PII_COLUMNS]
KEY = b"unit-test-key-0123456789abcdef!!"
OTHER_KEY = b"another-unit-test-key-fedcba9876"


@pytest.fixture(scope="session")
def engine() -> PiiEngine:
    return PiiEngine()


@pytest.fixture(scope="session")
def demo():
    from veil.service.demo_data import make_demo_table

    return make_demo_table(2000)


@pytest.fixture(scope="session")
def scan(engine, demo):
    return engine.scan_table(demo, text_columns=["note"], candidate_columns=CANDIDATES)


@pytest.fixture(scope="session")
def scrubbed(engine, demo, scan):
    progress: list[float] = []
    result = engine.scrub_table(demo, scan=scan, key=KEY, progress=progress.append)
    return result, progress
