"""Membership inference: can an attacker holding the synthetic rows tell a training row from a new one?

No shadow models are needed. Half of the holdout is the attacker's reference population (real rows
the model never saw); the other half are the non-members scored, beside as many training rows (the
members). Two scores, higher meaning "member":

* ``density_ratio`` (in the style of DOMIAS): how much denser the synthetic rows are around a row than
  the reference rows are, read from nearest-neighbour distances, ``log(d_reference / d_synthetic)``;
* ``distance``: closeness to the nearest synthetic row, ``-d_synthetic``.

Each is reported as ROC AUC (0.5 = a coin; interval by Hanley and McNeil) and as the share of members
caught when 1% of non-members are wrongly accused (TPR at 1% FPR; Wilson interval).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import roc_auc_score
from sklearn.neighbors import NearestNeighbors

from veil.privacy.leakage.attacks.risk import auc_interval, wilson
from veil.privacy.leakage.attacks.table import AttackTable

FALSE_POSITIVE_RATE = 0.01
MAX_ROWS = 5_000
"""Members, non-members and reference rows scored at most (synthetic rows: twice that), seeded."""


@dataclass(frozen=True)
class MembershipResult:
    """One membership attack's AUC and TPR at 1% FPR, each with a 95% interval."""

    attack: str
    auc: float
    auc_interval: tuple[float, float]
    tpr_at_1pct_fpr: float
    tpr_interval: tuple[float, float]
    members: int
    non_members: int
    seconds: float = 0.0


def _result(attack: str, members: np.ndarray, others: np.ndarray, seconds: float) -> MembershipResult:
    labels = np.r_[np.ones(len(members)), np.zeros(len(others))]
    scores = np.r_[members, others]
    auc = float(roc_auc_score(labels, scores)) if len(members) and len(others) else math.nan
    # the score above which only 1% of non-members lie; ties at it are not accused
    threshold = np.quantile(others, 1.0 - FALSE_POSITIVE_RATE) if len(others) else math.inf
    caught = int(np.sum(members > threshold))
    rate = wilson(caught, len(members))
    return MembershipResult(
        attack=attack,
        auc=auc,
        auc_interval=auc_interval(auc, len(members), len(others)),
        tpr_at_1pct_fpr=caught / len(members) if len(members) else math.nan,
        tpr_interval=rate.interval,
        members=len(members),
        non_members=len(others),
        seconds=seconds,
    )


def membership(table: AttackTable, *, rng: np.random.Generator) -> list[MembershipResult]:
    """Both membership attacks on the table's training rows against half of its holdout rows."""
    started = time.perf_counter()
    order = rng.permutation(len(table.control))[: 2 * MAX_ROWS]
    half = len(order) // 2
    reference, non_members = table.control[order[:half]], table.control[order[half:]]
    members = table.train[rng.choice(len(table.train), len(non_members), replace=False)]
    if half == 0 or not len(table.columns):
        return []
    synthetic = table.synthetic
    if len(synthetic) > 2 * MAX_ROWS:
        synthetic = synthetic[rng.choice(len(synthetic), 2 * MAX_ROWS, replace=False)]
    columns = list(range(len(table.columns)))
    synthetic, reference, targets = table.encode_for_distance(
        columns, synthetic, reference, np.vstack([members, non_members])
    )
    to_synthetic = NearestNeighbors(n_neighbors=1, algorithm="brute").fit(synthetic).kneighbors(targets)[0][:, 0]
    to_reference = NearestNeighbors(n_neighbors=1, algorithm="brute").fit(reference).kneighbors(targets)[0][:, 0]
    floor = 1e-6
    ratio = np.log(to_reference + floor) - np.log(to_synthetic + floor)
    closeness = -to_synthetic
    n = len(members)
    seconds = time.perf_counter() - started
    return [
        _result("density_ratio", ratio[:n], ratio[n:], seconds),
        _result("distance", closeness[:n], closeness[n:], seconds),
    ]
