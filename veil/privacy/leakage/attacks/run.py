"""Run every attack of the leakage report on one synthesis, within a bounded cost.

Train and holdout are cut to the same number of rows (at most ``max_rows``), the synthetic rows to at
most ``max_rows``; each attack makes at most ``attempts`` guesses. The cuts are seeded and stated in
the result (``rows_compared``), and the intervals are those of the guesses actually made.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from veil.privacy.leakage.attacks.linkage import default_split, inference, linkability
from veil.privacy.leakage.attacks.membership import MembershipResult, membership
from veil.privacy.leakage.attacks.risk import AttackResult
from veil.privacy.leakage.attacks.singling_out import singling_out
from veil.privacy.leakage.attacks.table import AttackTable

ATTEMPTS = 500
MAX_ROWS = 20_000


@dataclass
class AttackSuite:
    """Every attack's result, what was compared, and how long it took."""

    risks: list[AttackResult] = field(default_factory=list)
    membership: list[MembershipResult] = field(default_factory=list)
    rows_compared: int = 0
    synthetic_rows_compared: int = 0
    seconds: float = 0.0


def run_attacks(
    *,
    train: pd.DataFrame,
    holdout: pd.DataFrame,
    synthetic: pd.DataFrame,
    kinds: Mapping[str, str],
    seed: int = 0,
    attempts: int = ATTEMPTS,
    max_rows: int = MAX_ROWS,
    link_columns: Sequence[Sequence[str]] | None = None,
) -> AttackSuite:
    """Singling-out (both modes), linkability, inference for every column, and membership inference.

    Args:
        link_columns: The two column sets linkability joins; default: ``default_split`` of the modelled columns.
    """
    started = time.perf_counter()
    rng = np.random.default_rng([seed, 0xA77A])
    table = AttackTable.build(
        train=train, control=holdout, synthetic=synthetic, kinds=kinds, rng=rng, max_rows=max_rows
    )
    suite = AttackSuite(rows_compared=len(table.train), synthetic_rows_compared=len(table.synthetic))
    if not table.columns or len(table.train) < 2 or len(table.synthetic) == 0:
        return suite
    for mode in ("univariate", "multivariate"):
        suite.risks.append(singling_out(table, mode=mode, attempts=attempts, rng=rng))
    if len(table.columns) >= 2:
        if link_columns:
            position = {c: j for j, c in enumerate(table.columns)}
            split = tuple([position[c] for c in side if c in position] for side in link_columns)
        else:
            split = default_split(table)
        if split[0] and split[1]:
            suite.risks.append(linkability(table, split=split, attempts=attempts, rng=rng))
    for secret in range(len(table.columns)):
        suite.risks.append(inference(table, secret=secret, attempts=attempts, rng=rng))
    suite.membership = membership(table, rng=rng)
    suite.seconds = time.perf_counter() - started
    return suite
