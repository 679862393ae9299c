"""Fixtures shared by the unit tests: the real demo table (ggplot2/diamonds + Faker PII)."""

from __future__ import annotations

import pandas as pd
import pytest

from veil.service.demo_data import make_demo_table


@pytest.fixture(scope="session")
def demo() -> pd.DataFrame:
    return make_demo_table(1000)
