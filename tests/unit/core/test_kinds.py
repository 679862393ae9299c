from __future__ import annotations

import time

import numpy as np
import pandas as pd

from veil.core.inference import infer_kinds
from veil.core.kinds import BASE_KINDS, MODELLED_KINDS, is_pii_kind, is_valid_kind, pii_entity


def test_kind_vocabulary():
    assert BASE_KINDS == {"numeric", "categorical", "datetime", "boolean", "id", "text"}
    assert MODELLED_KINDS == {"numeric", "categorical", "datetime", "boolean"}
    for good in ["numeric", "id", "text", "pii:PERSON", "pii:EMAIL_ADDRESS", "pii:US_SSN"]:
        assert is_valid_kind(good)
    for bad in ["", "Numeric", "pii:", "pii:person", "pii", "float", None, 3]:
        assert not is_valid_kind(bad)
    assert is_pii_kind("pii:CREDIT_CARD") and pii_entity("pii:CREDIT_CARD") == "CREDIT_CARD"


def test_infer_kinds_on_demo_table(demo):
    kinds = infer_kinds(demo)
    assert list(kinds) == list(demo.columns)
    assert kinds["order_id"] == "id"
    for col in ["carat", "depth", "table", "price", "x", "y", "z"]:
        assert kinds[col] == "numeric"
    for col in ["cut", "color", "clarity"]:
        assert kinds[col] == "categorical"
    assert kinds["note"] == "text"
    for col in ["customer_name", "email", "phone", "address"]:
        assert kinds[col] in {"categorical", "id"}
    assert not any(k.startswith("pii:") for k in kinds.values())


def test_infer_kinds_rules():
    n = 200
    rng = np.random.default_rng(0)
    df = pd.DataFrame(
        {
            "customer_id": rng.permutation(n) + 5000,
            "row": np.arange(n),
            "stars": rng.integers(1, 6, n),
            "amount": rng.normal(size=n),
            "flag": rng.random(n) > 0.5,
            "obj_flag": pd.Series(rng.random(n) > 0.5, dtype=object),
            "when": pd.date_range("2021-01-01", periods=n, freq="h"),
            "when_str": pd.date_range("2021-01-01", periods=n, freq="D").strftime("%Y-%m-%d"),
            "when_us": pd.date_range("2021-01-01", periods=n, freq="D").strftime("%m/%d/%Y"),
            "sku": [f"SKU-{i:05d}" for i in range(n)],
            "cat": pd.Categorical(rng.choice(["a", "b"], n)),
            "level": rng.choice(["low", "mid", "high"], n),
            "review": [f"Review number {i}: the product arrived quickly and works as described." for i in range(n)],
            "empty": [None] * n,
        }
    )
    kinds = infer_kinds(df)
    assert kinds == {
        "customer_id": "id",
        "row": "id",
        "stars": "numeric",
        "amount": "numeric",
        "flag": "boolean",
        "obj_flag": "boolean",
        "when": "datetime",
        "when_str": "datetime",
        "when_us": "datetime",
        "sku": "id",
        "cat": "categorical",
        "level": "categorical",
        "review": "text",
        "empty": "categorical",
    }


def test_low_cardinality_ints_and_short_codes_are_not_ids():
    df = pd.DataFrame(
        {"n": [1, 2, 3, 1, 2, 3] * 10, "code": ["A", "B", "C"] * 20, "few": ["x1", "x2", "x3"] + ["x1"] * 57}
    )
    assert infer_kinds(df) == {"n": "numeric", "code": "categorical", "few": "categorical"}


def test_infer_kinds_is_fast_on_a_million_rows():
    n = 1_000_000
    rng = np.random.default_rng(1)
    df = pd.DataFrame(
        {
            "id": np.arange(n),
            "x": rng.random(n),
            "c": rng.choice(["a", "b", "c"], n),
            "code": pd.Series(np.arange(n)).map("C{:07d}".format),
            "d": pd.Series(pd.date_range("2020-01-01", periods=n, freq="s")).dt.strftime("%Y-%m-%d %H:%M:%S"),
        }
    )
    started = time.perf_counter()
    kinds = infer_kinds(df)
    assert time.perf_counter() - started < 3.0
    assert kinds == {"id": "id", "x": "numeric", "c": "categorical", "code": "id", "d": "datetime"}


def test_notes_between_canned_phrases_are_text():
    canned = ["Respondent answered all questions; no follow-up needed."] * 140
    written = [f"Spoke with respondent {i} on the phone; follow up by mail next week." for i in range(60)]
    frame = pd.DataFrame(
        {
            "note": canned + written,
            "job": ["Senior software engineer, backend team"] * 100 + ["Nurse on the night shift"] * 100,
        }
    )
    kinds = infer_kinds(frame)
    assert kinds["note"] == "text"  # 61 distinct values, 30% of rows
    assert kinds["job"] == "categorical"  # two long labels are categories
