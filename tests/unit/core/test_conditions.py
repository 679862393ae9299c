"""Condition groups: how constraints read a column, and what makes a group malformed."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from veil.core.conditions import (
    ConditionGroup,
    Constraint,
    condition_problems,
    gap_groups,
    rebalance_groups,
    rebalance_problems,
)

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


def test_constraints_read_values_the_way_the_metrics_do(frame):
    group = ConditionGroup(
        rows=1, where=(Constraint("job", values=("Farmer",)), Constraint("age", low=60), Constraint("member", ("yes",)))
    )
    expected = (frame.job == "Farmer") & (frame.age >= 60) & frame.member
    assert (group.holds(frame, KINDS) == expected.to_numpy()).all()
    since = pd.Timestamp("2020-01-01").timestamp()
    assert (Constraint("joined", low=since).holds(frame.joined, "datetime") == (frame.joined >= "2020-01-01")).all()


def test_a_missing_cell_meets_only_an_exclusion():
    jobs = pd.Series(["Farmer", None, "Nurse", np.nan], dtype=object)
    assert Constraint("job", ("Farmer",)).holds(jobs, "categorical").tolist() == [True, False, False, False]
    assert Constraint("job", ("Farmer",), exclude=True).holds(jobs, "categorical").tolist() == [
        False,
        True,
        True,
        True,
    ]
    assert not Constraint("age", low=0).holds(pd.Series([np.nan, None], dtype=object), "numeric").any()


def test_problems_name_positions_never_values():
    bad = [
        ConditionGroup(rows=0, where=()),
        ConditionGroup(
            rows=5,
            where=(
                Constraint("Ann Lee", values=("x",)),
                Constraint("age", values=("3",)),
                Constraint("job", low=1.0),
                Constraint("age", low=2.0),
                Constraint("note", values=("ok",)),
            ),
        ),
        ConditionGroup(rows=5, where=(Constraint("age", low=9.0, high=1.0), Constraint("joined"))),
    ]
    problems = dict(condition_problems(bad, KINDS))
    assert set(problems) == {
        "config.conditions[0].rows",
        "config.conditions[0].where",
        "config.conditions[1].where[0].column",
        "config.conditions[1].where[1].values",
        "config.conditions[1].where[1].min",
        "config.conditions[1].where[2].values",
        "config.conditions[1].where[2].min",
        "config.conditions[1].where[3].column",
        "config.conditions[1].where[4].column",
        "config.conditions[2].where[0].max",
        "config.conditions[2].where[1].min",
    }
    assert not any("Ann Lee" in text for text in problems.values())


def test_rebalancing_is_one_group_per_value_and_one_for_the_rest_summing_exactly():
    groups = rebalance_groups("job", [("Farmer", 0.3), ("Nurse", 0.25)], 101)
    assert [g.rows for g in groups] == [30, 25, 46] and sum(g.rows for g in groups) == 101
    assert groups[2].where == (Constraint("job", ("Farmer", "Nurse"), exclude=True),)
    labels = pd.Series(["Farmer", "Nurse", "Clerk", None])
    assert list(groups[2].where[0].holds(labels, "categorical")) == [False, False, True, True]
    assert [g.rows for g in rebalance_groups("job", [("Farmer", 0.5), ("Nurse", 0.5)], 7)] == [4, 3]


def test_rebalancing_problems_name_positions():
    problems = dict(rebalance_problems("age", [("a", 0.7), ("a", 0.6), ("b", float("nan"))], KINDS))
    assert set(problems) == {
        "config.rebalance.column",
        "config.rebalance.shares[1].value",
        "config.rebalance.shares[2].share",
        "config.rebalance.shares",
    }


def test_gap_groups_fill_the_cells_short_of_min_rows_and_skip_those_fewer_than_k_hold():
    train = pd.DataFrame(
        {
            "job": ["a"] * 50 + ["a"] * 8 + ["b"] * 30 + ["b"] * 3,
            "member": [True] * 50 + [False] * 8 + [True] * 30 + [False] * 3,
        }
    )
    kinds = {"job": "categorical", "member": "boolean"}
    groups, held, skipped = gap_groups(train, ["job", "member"], kinds, min_rows=40, k=5)
    assert [(g.rows, [c.values for c in g.where]) for g in groups] == [
        (32, [("a",), ("False",)]),
        (10, [("b",), ("True",)]),
    ]
    assert held == [8, 30] and skipped == 1
    assert groups[0].holds(train, kinds).sum() == 8
