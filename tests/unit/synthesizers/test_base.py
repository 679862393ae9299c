"""Template-method behaviour of Synthesizer, exercised through the real GaussianCopula engine."""

from __future__ import annotations

import json
import os
import re
import warnings

import numpy as np
import pandas as pd
import pytest

from veil.synthesizers import Synthesizer, create_synthesizer
from veil.synthesizers.errors import (
    InvalidDataError,
    InvalidKindsError,
    InvalidSampleRequestError,
    InvalidStateError,
    NotFittedError,
)
from veil.synthesizers.warnings import AllNullColumnWarning, FewRowsWarning, UnparsedValuesWarning

PII_COLUMNS = ["customer_name", "email", "phone", "address"]


def test_sample_shape_order_dtypes(fitted_gc, demo):
    out = fitted_gc.sample(700)
    assert list(out.columns) == list(demo.columns)
    assert len(out) == 700
    assert out.dtypes.equals(demo.dtypes)
    assert set(out["cut"]) <= set(demo["cut"])
    assert out["price"].between(demo["price"].min(), demo["price"].max()).all()


def test_ids_are_fresh_and_in_format(fitted_gc, demo):
    out = fitted_gc.sample(500)
    ids = out["order_id"]
    assert ids.is_unique
    assert not set(ids) & set(demo["order_id"])
    assert all(re.fullmatch(r"SYN-\d{6}", v) for v in ids)


def test_pii_is_fresh_faker_values(fitted_gc, demo):
    out = fitted_gc.sample(1000)
    for col in PII_COLUMNS:
        assert out[col].notna().all()
        assert not set(out[col]) & set(demo[col]), col
    assert out["email"].str.contains("@").all()
    assert out["phone"].str.contains(r"\d{3}").all()
    assert (out["customer_name"].str.split().str.len() >= 2).all()


def test_text_comes_from_the_text_engine_and_names_its_row(fitted_gc, demo):
    out = fitted_gc.sample(200)
    training_names = set(demo["customer_name"])
    named = 0
    for name, note in zip(out["customer_name"], out["note"]):
        if note is None:
            continue
        assert not any(n in note for n in training_names)  # no training row's person leaks into another row
        named += name in note
    assert named > 50  # notes that mention their customer name this row's customer


def test_same_seed_same_frame_and_seed_override(fitted_gc, demo, demo_kinds):
    first = fitted_gc.sample(300)
    assert first.equals(fitted_gc.sample(300))
    other = fitted_gc.sample(300, seed=8)
    assert not first.drop(columns=["order_id"]).equals(other.drop(columns=["order_id"]))
    twin = create_synthesizer("gaussian_copula", seed=7)
    twin.fit(demo, kinds=demo_kinds)
    assert twin.sample(300).equals(first)


def test_books(fitted_gc, demo):
    books = fitted_gc.books
    assert books["columns"] == list(demo.columns)
    assert books["num_rows"] == len(demo)
    assert books["fit_seconds"] >= 0
    assert books["modelled_columns"] == ["carat", "cut", "color", "clarity", "depth", "table", "price", "x", "y", "z"]
    assert books["text_columns"] == ["note"]
    assert books["kinds"]["email"] == "pii:EMAIL_ADDRESS"


def test_to_dict_is_json_and_from_dict_round_trips(fitted_gc):
    data = fitted_gc.to_dict()
    json.dumps(data)
    assert data["fitted"] is True and data["seed"] == 7 and data["resolved_name"] == "gaussian_copula"
    twin = Synthesizer.from_dict(data)
    assert not twin.fitted
    assert {k: v for k, v in twin.to_dict().items() if k not in ("fitted", "books")} == {
        k: v for k, v in data.items() if k not in ("fitted", "books")
    }
    assert fitted_gc.state_dict() == data
    with pytest.raises(InvalidStateError):
        Synthesizer.from_dict({"name": "gaussian_copula", "bogus": 1})


def test_save_load_atomic(fitted_gc, tmp_path):
    path = tmp_path / "models" / "gc.pkl"
    fitted_gc.save(path)
    assert os.listdir(path.parent) == ["gc.pkl"]
    loaded = Synthesizer.load(path)
    assert loaded.sample(100).equals(fitted_gc.sample(100))
    (tmp_path / "junk.pkl").write_bytes(b"not a pickle")
    with pytest.raises(InvalidStateError):
        Synthesizer.load(tmp_path / "junk.pkl")
    with pytest.raises(InvalidStateError):
        Synthesizer.load(tmp_path / "missing.pkl")


def test_not_fitted():
    synth = create_synthesizer("gaussian_copula", seed=0)
    with pytest.raises(NotFittedError) as info:
        synth.sample(10)
    assert info.value.code == "FAILED_PRECONDITION"
    with pytest.raises(NotFittedError):
        synth.save("/tmp/never-written.pkl")


@pytest.mark.parametrize("bad", [0, -3, 2.5, True, "10"])
def test_num_rows_validation(fitted_gc, bad):
    with pytest.raises(InvalidSampleRequestError) as info:
        fitted_gc.sample(bad)
    assert info.value.violations[0][0] == "num_rows"


def test_kind_validation_names_every_bad_column(demo_small, demo_kinds):
    kinds = dict(demo_kinds)
    del kinds["carat"]
    kinds["price"] = "money"
    kinds["ghost"] = "numeric"
    synth = create_synthesizer("gaussian_copula", seed=0)
    with pytest.raises(InvalidKindsError) as info:
        synth.fit(demo_small, kinds=kinds)
    columns = [c for c, _ in info.value.violations]
    assert columns == ["carat", "price", "ghost"]
    assert info.value.code == "INVALID_ARGUMENT" and info.value.reason == "INVALID_COLUMN_KINDS"
    assert not synth.fitted


def test_data_validation(demo_small, demo_kinds):
    synth = create_synthesizer("gaussian_copula", seed=0)
    with pytest.raises(InvalidDataError) as info:
        synth.fit(demo_small.iloc[:0], kinds=demo_kinds)
    assert ("frame", "has no rows") in info.value.violations
    bad = demo_small.copy()
    bad["depth"] = "deep"
    bad["cut"] = "x"
    kinds = dict(demo_kinds, cut="datetime")
    with pytest.raises(InvalidDataError) as info:
        synth.fit(bad, kinds=kinds)
    assert [c for c, _ in info.value.violations] == ["cut", "depth"]
    assert "deep" not in str(info.value)  # no raw values in errors
    with pytest.raises(InvalidDataError):
        synth.fit([[1, 2]], kinds={})  # type: ignore[arg-type]


def test_progress_is_monotonic_and_ends_at_one(demo_small, demo_kinds):
    seen: list[float] = []
    synth = create_synthesizer("gaussian_copula", seed=0)
    synth.fit(demo_small, kinds=demo_kinds, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    seen.clear()
    synth.sample(10, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)


def test_only_generated_columns_need_no_engine():
    frame = pd.DataFrame(
        {"user_id": np.arange(100, 130), "name": [f"N{i}" for i in range(30)], "bio": ["Likes tea."] * 30}
    )
    synth = create_synthesizer("gaussian_copula", seed=0)
    synth.fit(frame, kinds={"user_id": "id", "name": "pii:PERSON", "bio": "text"})
    out = synth.sample(5)
    assert out["user_id"].tolist() == [130, 131, 132, 133, 134]
    assert out["user_id"].dtype == np.int64
    assert (out["bio"] == "Likes tea.").all()


def test_mixed_dtypes_round_trip():
    n = 120
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(
        {
            "when": pd.date_range("2022-01-01", periods=n, freq="D", tz="Europe/Paris"),
            "day": pd.date_range("2022-03-01", periods=n, freq="D").strftime("%d/%m/%Y"),
            "ok": rng.random(n) > 0.3,
            "maybe": pd.array([True, False, None] * (n // 3), dtype="boolean"),
            "count": pd.array(list(rng.integers(0, 50, n - 10)) + [None] * 10, dtype="Int64"),
            "grade": pd.Categorical(rng.choice(["a", "b", "c"], n), categories=["a", "b", "c", "d"]),
            "uuid": [f"123e4567-e89b-42d3-a456-{i:012d}" for i in range(n)],
            "code": [f"SYN-{i}" for i in range(n)],
            "nothing": [np.nan] * n,
        }
    )
    kinds = {
        "when": "datetime",
        "day": "datetime",
        "ok": "boolean",
        "maybe": "boolean",
        "count": "numeric",
        "grade": "categorical",
        "uuid": "id",
        "code": "id",
        "nothing": "numeric",
    }
    synth = create_synthesizer("gaussian_copula", seed=2)
    with pytest.warns(AllNullColumnWarning):
        synth.fit(frame, kinds=kinds)
    out = synth.sample(50)
    assert out.dtypes.equals(frame.dtypes)
    assert str(out["when"].dt.tz) == "Europe/Paris"
    assert pd.to_datetime(out["day"], format="%d/%m/%Y").notna().all()
    assert out["grade"].cat.categories.tolist() == ["a", "b", "c", "d"]
    assert out["uuid"].str.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}").all()
    assert not set(out["uuid"]) & set(frame["uuid"])
    assert not set(out["code"]) & set(frame["code"])  # input already uses SYN-: another prefix is chosen
    assert out["nothing"].isna().all()


def test_soft_problems_warn():
    frame = pd.DataFrame({"a": [1.0, 2.0, 3.0] * 7, "when": ["2021-01-01"] * 20 + ["not a date"]})
    synth = create_synthesizer("gaussian_copula", seed=0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        synth.fit(frame, kinds={"a": "numeric", "when": "datetime"})
    classes = {w.category for w in caught}
    assert FewRowsWarning in classes and UnparsedValuesWarning in classes


def test_engine_failure_is_wrapped_without_its_message(monkeypatch):
    from veil.synthesizers.catalog import TABULAR
    from veil.synthesizers.errors import EngineError
    from veil.synthesizers.registry import register

    monkeypatch.setattr(TABULAR, "_classes", dict(TABULAR._classes))  # restored after the test

    @register
    class Exploding(Synthesizer):
        name = "test_exploding"

        def _fit(self, frame, kinds, progress):
            raise ValueError("secret cell value 555-12-3456")

        def _sample(self, num_rows, progress):  # pragma: no cover - never fitted
            raise AssertionError

    synth = create_synthesizer("test_exploding", seed=0)
    frame = pd.DataFrame({"a": np.arange(60.0)})
    with pytest.raises(EngineError) as info:
        synth.fit(frame, kinds={"a": "numeric"})
    assert "555" not in str(info.value) and info.value.__cause__ is None
    assert info.value.engine_error_type == "ValueError" and info.value.code == "INTERNAL"
    assert not synth.fitted


def test_pii_pool_path_and_null_share(monkeypatch):
    from veil.synthesizers import generators

    monkeypatch.setattr(generators, "PII_POOL_THRESHOLD", 100)
    values = pd.Series(["GB82WEST12345698765432", None, "DE89370400440532013000", "FR1420041010050500013M02606"] * 50)
    # An entity without a vectorised recipe takes the pooled Faker path.
    spec = generators.learn_pii_spec("IBAN_CODE", values)
    out = generators.generate_pii(spec, 2000, seed=4)
    assert out.equals(generators.generate_pii(spec, 2000, seed=4))
    assert 0.2 < out.isna().mean() < 0.3
    assert out.dropna().nunique() <= 100
    assert not set(out.dropna()) & set(values.dropna())
    unknown = generators.generate_pii(generators.learn_pii_spec("SOMETHING_NEW", values), 5, seed=1)
    assert unknown.str.fullmatch(r"[A-Z]{2}\d{7}").all()


def test_fast_recipes_are_fresh_seeded_and_keep_the_digit_layout():
    from veil.synthesizers import generators

    names = pd.Series([f"Name{i} Person{i}" for i in range(300)] + ["Mary Smith"])
    spec = generators.learn_pii_spec("PERSON", names)
    out = generators.generate_pii(spec, 3000, seed=2)
    assert out.equals(generators.generate_pii(spec, 3000, seed=2))
    assert out.nunique() > 2500 and "Mary Smith" not in set(out)
    phones = pd.Series([f"({200 + i}) 555-{1000 + i}" for i in range(200)])
    phone_spec = generators.learn_pii_spec("PHONE_NUMBER", phones)
    assert phone_spec.shape == "(###) ###-####"
    fresh = generators.generate_pii(phone_spec, 500, seed=1)
    assert fresh.str.fullmatch(r"\(\d{3}\) \d{3}-\d{4}").all()
    assert not set(fresh) & set(phones)
