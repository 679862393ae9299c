"""Rare-value protection: what fewer than k training rows hold never leaves a non-DP engine verbatim."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from veil.synthesizers import create_synthesizer
from veil.synthesizers.errors import InvalidConfigError
from veil.synthesizers.protection import RARE, learn_protection, pool_rare, protect


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    n = 600
    occupation = rng.choice(["clerk", "nurse", "driver", "teacher"], size=n).astype(object)
    occupation[:7] = ["astronaut", "astronaut", "falconer", "diver-1", "diver-2", "diver-3", "diver-4"]
    income = rng.lognormal(10, 0.5, size=n)
    income[10] = 5_000_000.0  # one person's income, far above the rest
    return pd.DataFrame(
        {
            "occupation": occupation,
            "income": income,
            "joined": pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 900, n), unit="D"),
            "member": rng.random(n) < 0.02,
        }
    )


KINDS = {"occupation": "categorical", "income": "numeric", "joined": "datetime", "member": "boolean"}


def test_learn_counts_and_pools(table) -> None:
    protection = learn_protection(table, KINDS, k=5)
    assert protection.kept["occupation"] == {"clerk", "nurse", "driver", "teacher"}
    assert protection.rare_values["occupation"] == 6 and protection.rare_rows["occupation"] == 7
    pooled = pool_rare(table, protection)
    assert (pooled["occupation"] == RARE).sum() == 7
    summary = protection.summary()
    assert summary["k"] == 5 and "astronaut" not in str(summary) and "5000000" not in str(summary)
    assert {c["column"] for c in summary["columns"]} == {"occupation", "income", "joined"}
    assert "member" not in protection.bounds  # booleans are known by type


def test_sampled_values_stay_within_what_k_rows_share(table) -> None:
    protection = learn_protection(table, KINDS, k=5)
    wild = pd.DataFrame(
        {
            "occupation": ["astronaut", "nurse", "pilot"],
            "income": [9e9, -1.0, 20_000.0],
            "joined": pd.to_datetime(["1990-01-01", "2021-01-01", "2030-01-01"]),
            "member": [True, False, True],
        }
    )
    out = protect(wild, protection, KINDS)
    assert out["occupation"].tolist() == [RARE, "nurse", RARE]
    incomes = np.sort(table["income"].to_numpy())
    assert out["income"].tolist() == [incomes[-5], incomes[4], 20_000.0]
    dates = np.sort(table["joined"].to_numpy())
    assert out["joined"].iloc[0] == dates[4] and out["joined"].iloc[2] == dates[-5]
    assert out["member"].tolist() == [True, False, True]


def test_an_engine_never_emits_a_rare_value(table) -> None:
    synth = create_synthesizer("gaussian_copula", seed=1)
    synth.fit(table, kinds=KINDS)
    out = synth.sample(3000)
    assert not set(out["occupation"]) & {"astronaut", "falconer", "diver-1", "diver-2", "diver-3", "diver-4"}
    assert (out["occupation"] == RARE).any()
    incomes = np.sort(table["income"].to_numpy())
    assert out["income"].max() <= incomes[-5] and out["income"].min() >= incomes[4]
    assert synth.books["value_protection"]["k"] == 5


def test_k_one_turns_protection_off_and_bad_k_is_refused(table) -> None:
    synth = create_synthesizer("gaussian_copula", seed=1, rare_value_k=1)
    synth.fit(table, kinds=KINDS)
    assert synth.books["value_protection"] == {"k": 1, "columns": []}
    with pytest.raises(InvalidConfigError) as info:
        create_synthesizer("gaussian_copula", seed=1, rare_value_k=0)
    assert info.value.violations[0][0] == "config.rare_value_threshold"
