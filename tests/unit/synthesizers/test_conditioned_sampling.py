"""Conditioned sampling through the synthesizer base: exact counts, every row meeting its group, seeded."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from veil.core.conditions import ConditionGroup, Constraint
from veil.synthesizers.errors import ConditionUnmetError
from veil.synthesizers.registry import create_synthesizer

KINDS = {"age": "numeric", "job": "categorical", "member": "boolean", "joined": "datetime", "note": "text"}


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    n = 1500
    job = rng.choice(["Farmer", "Teacher", "Nurse", "Clerk"], n, p=[0.1, 0.3, 0.3, 0.3])
    age = np.where(job == "Farmer", rng.normal(58, 8, n), rng.normal(40, 10, n)).round()
    return pd.DataFrame(
        {
            "age": age,
            "job": job,
            "member": rng.random(n) < 0.4,
            "joined": pd.Timestamp("2015-01-01") + pd.to_timedelta(rng.integers(0, 3000, n), unit="D"),
            "note": ["ok"] * n,
        }
    )


def _fitted(model: str, frame: pd.DataFrame, **options):
    synth = create_synthesizer(model, seed=3, **options)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        synth.fit(frame, kinds=KINDS)
    return synth


@pytest.mark.parametrize(
    "model, options, method",
    [
        ("cart", {}, "tree_prefix"),
        ("gaussian_copula", {}, "sdv_conditions"),
        ("dp_marginal", {"epsilon": 3.0}, "model_given_evidence"),
        ("dp_sgd", {"epsilon": 3.0, "epochs": 2}, "rejection"),
    ],
)
def test_every_group_gets_exactly_its_rows_and_each_row_meets_it(frame, model, options, method):
    synth = _fitted(model, frame, **options)
    groups = [
        ConditionGroup(rows=120, where=(Constraint("job", values=("Farmer",)), Constraint("age", low=55))),
        ConditionGroup(rows=80, where=(Constraint("member", values=("false",)),)),
    ]
    out = synth.sample(200, conditions=groups, seed=9)
    assert len(out) == 200
    assert groups[0].holds(out.iloc[:120], KINDS).all() and groups[1].holds(out.iloc[120:], KINDS).all()
    books = synth.books["conditions"]
    assert [b["method"] for b in books] == [method, method] and books[0]["rows_drawn"] >= 120
    again = synth.sample(200, conditions=groups, seed=9)
    pd.testing.assert_frame_equal(out, again)  # seeded per group and round
    assert "conditions" not in _after_plain_sample(synth)


def _after_plain_sample(synth):
    synth.sample(10)
    return synth.books


def test_a_group_the_model_cannot_meet_is_refused_naming_it(frame):
    synth = _fitted("cart", frame)
    impossible = ConditionGroup(rows=10, where=(Constraint("job", values=("Astronaut",)),))
    with pytest.raises(ConditionUnmetError) as info:
        synth.sample(10, conditions=[impossible])
    assert info.value.violations[0][0] == "config.conditions[0]"
    assert info.value.code == "FAILED_PRECONDITION" and info.value.reason == "CONDITION_UNMET"


@pytest.mark.parametrize("model, options, within", [("cart", {}, 3.0), ("dp_marginal", {"epsilon": 3.0}, 6.0)])
def test_the_other_columns_are_drawn_given_the_constraint(frame, model, options, within):
    """Farmers are older in the data: rows asked for farmers carry farmers' ages, not everyone's (the DP
    model's ages are binned and noisy, hence the wider margin)."""
    synth = _fitted(model, frame, **options)
    farmers = synth.sample(300, conditions=[ConditionGroup(rows=300, where=(Constraint("job", ("Farmer",)),))], seed=4)
    real = frame.age[frame.job == "Farmer"]
    assert (farmers.job == "Farmer").all()
    assert abs(farmers.age.mean() - real.mean()) < within and abs(farmers.age.mean() - frame.age.mean()) > 8
