"""The attacks of the leakage report: copies of the training rows score high, a fresh real sample near zero."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

from veil.privacy.leakage.attacks import residual, run_attacks, wilson
from veil.privacy.leakage.attacks.verdict import Thresholds, judge
from veil.reports.assemble import build_report

KINDS = {
    "age": "numeric",
    "income": "numeric",
    "region": "categorical",
    "occupation": "categorical",
    "children": "numeric",
    "owner": "boolean",
    "born": "datetime",
}


def population(n: int, seed: int) -> pd.DataFrame:
    """People with a few quasi-identifiers and relations between them."""
    rng = np.random.default_rng(seed)
    age = rng.integers(18, 90, n)
    region = rng.choice(["north", "south", "east", "west"], n, p=[0.4, 0.3, 0.2, 0.1])
    income = np.round(20_000 + 600 * age + rng.normal(0, 9_000, n), 2)
    return pd.DataFrame(
        {
            "age": age,
            "income": income,
            "region": region,
            "occupation": rng.choice([f"occupation {i}" for i in range(40)], n),
            "children": rng.poisson(1.2, n),
            "owner": rng.random(n) < 0.6,
            "born": pd.Timestamp("1930-01-01") + pd.to_timedelta(rng.integers(0, 70 * 365, n), unit="D"),
        }
    )


@pytest.fixture(scope="module")
def split() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    frame = population(6000, seed=0)
    return frame.iloc[:3000].reset_index(drop=True), frame.iloc[3000:4500], frame.iloc[4500:]


def test_wilson_interval_holds_the_rate_and_narrows_with_attempts():
    small, large = wilson(30, 100), wilson(300, 1000)
    for rate in (small, large):
        low, high = rate.interval
        assert low < 0.3 < high
    assert large.error < small.error
    low, high = wilson(0, 500).interval
    assert (
        low == pytest.approx(0.0, abs=1e-12) and 0.0 < high < 0.01
    )  # nothing guessed: the interval still says "at most 0.8%"
    assert math.isnan(wilson(0, 0).value)


def test_risk_is_the_share_the_control_does_not_explain():
    same = residual(wilson(120, 500), wilson(120, 500))
    assert same.value == pytest.approx(0.0, abs=1e-12)
    main, control = wilson(450, 500), wilson(100, 500)
    leaky = residual(main, control)
    assert leaky.value == pytest.approx((main.value - control.value) / (1 - control.value))
    assert 0.8 < leaky.value < 0.9 and leaky.error > 0


def test_verdicts_follow_the_interval():
    assert judge(0.0, 0.03, 0.05, 0.2) == "pass"
    assert judge(0.0, 0.3, 0.05, 0.2) == "pass"  # nothing shown above 0.05: the attack could not tell
    assert judge(0.08, 0.3, 0.05, 0.2) == "warn"
    assert judge(0.25, 0.4, 0.05, 0.2) == "fail"
    assert judge(math.nan, math.nan, 0.05, 0.2) == "inconclusive"
    tight = Thresholds().tightened(0.1)
    assert tight.risk_fail == 0.1 and tight.risk_warn == Thresholds().risk_warn


def test_a_copy_of_the_training_rows_is_caught_by_every_attack(split):
    train, holdout, _ = split
    suite = run_attacks(train=train, holdout=holdout, synthetic=train.copy(), kinds=KINDS, seed=0)
    attacks = {r.attack for r in suite.risks}
    assert attacks == {"singling_out", "linkability", "inference"}
    for result in suite.risks:
        low, _ = result.risk_interval
        assert low > 0.1, (result.attack, result.mode, result.risk_value)
        assert result.beats_baseline
    for result in suite.membership:
        assert result.auc_interval[0] > 0.75 and result.tpr_interval[0] > 0.3, result


def test_a_fresh_real_sample_scores_near_zero(split):
    train, holdout, fresh = split
    suite = run_attacks(train=train, holdout=holdout, synthetic=fresh, kinds=KINDS, seed=0)
    for result in suite.risks:
        low, high = result.risk_interval
        assert low < 0.05 and result.risk_value < 0.1, (result.attack, result.mode, result.risk_value)
    for result in suite.membership:
        assert result.auc_interval[0] < 0.5 < result.auc_interval[1] + 0.02, result
        assert result.tpr_at_1pct_fpr < 0.05


def test_linkability_joins_the_column_sets_asked_for(split):
    train, holdout, fresh = split
    suite = run_attacks(
        train=train, holdout=holdout, synthetic=fresh, kinds=KINDS, link_columns=[["age", "region"], ["income"]]
    )
    (link,) = [r for r in suite.risks if r.attack == "linkability"]
    assert link.mode == "age+region | income"


def test_same_seed_same_figures(split):
    train, holdout, fresh = split
    runs = [run_attacks(train=train, holdout=holdout, synthetic=fresh, kinds=KINDS, seed=4) for _ in range(2)]
    key = [[(r.attack, r.mode, r.main_successes, r.control_successes) for r in s.risks] for s in runs]
    assert key[0] == key[1]


def test_the_report_warns_when_an_attack_is_no_better_than_guessing(split):
    train, holdout, _ = split
    # synthetic rows that say nothing: one constant row repeated
    constant = pd.DataFrame([train.iloc[0]] * 500).reset_index(drop=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = build_report(train=train, holdout=holdout, synthetic=constant, kinds=KINDS, seed=0)
    weak = [r for r in report.leakage.attacks.risks if not r.beats_baseline]
    assert weak
    assert any("no better than a random guess" in w for w in report.warnings)


def test_a_column_of_thousands_of_labels_is_encoded_sparse_at_the_same_distances(split, monkeypatch):
    from scipy import sparse
    from sklearn.neighbors import NearestNeighbors

    from veil.privacy.leakage.attacks import table as attack_table
    from veil.privacy.leakage.attacks.table import AttackTable

    rng = np.random.default_rng(3)
    train, holdout, fresh = (f.assign(member=rng.integers(0, 2500, len(f)).astype(str)) for f in split)
    kinds = {**KINDS, "member": "categorical"}
    table = AttackTable.build(
        train=train, control=holdout, synthetic=fresh, kinds=kinds, rng=np.random.default_rng(0), max_rows=5000
    )
    columns = list(range(len(table.columns)))

    def nearest(reference, queries):
        return NearestNeighbors(n_neighbors=3, algorithm="brute").fit(reference).kneighbors(queries)[0]

    wide = table.encode_for_distance(columns, table.synthetic, table.train)
    assert all(sparse.issparse(m) for m in wide) and wide[0].shape[1] > attack_table.SPARSE_WIDTH
    monkeypatch.setattr(attack_table, "SPARSE_WIDTH", 10**9)
    dense = table.encode_for_distance(columns, table.synthetic, table.train)
    assert not any(sparse.issparse(m) for m in dense)
    np.testing.assert_allclose(wide[0].toarray(), dense[0])
    np.testing.assert_allclose(nearest(*wide), nearest(*dense), atol=1e-9)
    monkeypatch.undo()
    # The attacks read the sparse rows as they read dense ones: copies are still caught.
    suite = run_attacks(train=train, holdout=holdout, synthetic=train.copy(), kinds=kinds, seed=0)
    assert all(r.risk_interval[0] > 0.1 for r in suite.risks), [(r.attack, r.risk_value) for r in suite.risks]
    assert all(m.auc_interval[0] > 0.75 for m in suite.membership)
