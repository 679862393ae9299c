"""Shared fixtures: the demo table's kinds, a smaller cut of it, and engines fitted on it."""

from __future__ import annotations

import pandas as pd
import pytest

from veil.service.demo_data import DIAMOND_KINDS

PII_KINDS = {
    "customer_name": "pii:PERSON",
    "email": "pii:EMAIL_ADDRESS",
    "phone": "pii:PHONE_NUMBER",
    "address": "pii:ADDRESS",
}


@pytest.fixture(scope="session")
def demo_small(demo: pd.DataFrame) -> pd.DataFrame:
    return demo.iloc[:500].reset_index(drop=True)


@pytest.fixture(scope="session")
def demo_kinds() -> dict[str, str]:
    kinds = {"order_id": "id", **DIAMOND_KINDS, "note": "text"}
    kinds.update(PII_KINDS)
    return kinds


@pytest.fixture(scope="session")
def fitted_gc(demo, demo_kinds):
    from veil.synthesizers import create_synthesizer

    synth = create_synthesizer("gaussian_copula", seed=7)
    synth.fit(demo, kinds=demo_kinds)
    return synth
