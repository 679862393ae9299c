"""Linkability and attribute inference: what the synthetic rows let an attacker join or guess.

Both follow anonymeter's protocol and use its row distance (``AttackTable.encode_for_distance``):

* linkability: the attacker holds two halves of a person's record (two sets of columns, say from two
  sources) and links them when the synthetic rows nearest each half share a row;
* inference: the attacker knows every column but a secret one and guesses it as the secret of the
  nearest synthetic row; a number counts as guessed within ``NUMERIC_TOLERANCE`` of the true value.

The main attack targets training rows, the control targets holdout rows; the baseline links random
synthetic rows, or guesses the secret of a random synthetic row.
"""

from __future__ import annotations

import time

import numpy as np
from sklearn.neighbors import NearestNeighbors

from veil.privacy.leakage.attacks.risk import AttackResult
from veil.privacy.leakage.attacks.table import AttackTable

NUMERIC_TOLERANCE = 0.05
"""A numeric secret counts as guessed within 5% of its true value (anonymeter's default)."""


def default_split(table: AttackTable) -> tuple[list[int], list[int]]:
    """Two halves of the columns with about as many distinct values each: the quasi-identifiers of two sources.

    Columns go, from most to fewest distinct values, to the half with fewer distinct values so far.
    """
    distinct = [len(np.unique(table.train[:, j])) for j in range(len(table.columns))]
    halves: tuple[list[int], list[int]] = ([], [])
    weights = [0.0, 0.0]
    for j in sorted(range(len(distinct)), key=lambda j: (-distinct[j], j)):
        side = 0 if (weights[0], len(halves[0])) <= (weights[1], len(halves[1])) else 1
        halves[side].append(j)
        weights[side] += np.log(max(distinct[j], 1))
    return sorted(halves[0]), sorted(halves[1])


def _nearest(table: AttackTable, columns: list[int], k: int, *targets: np.ndarray) -> list[np.ndarray]:
    """For each set of targets, its ``k`` nearest synthetic rows on ``columns`` (one index for all)."""
    reference, *queries = table.encode_for_distance(columns, table.synthetic, *targets)
    index = NearestNeighbors(n_neighbors=min(k, reference.shape[0]), algorithm="brute").fit(reference)
    return [index.kneighbors(q, return_distance=False) for q in queries]


def _targets(rows: np.ndarray, attempts: int, rng: np.random.Generator) -> np.ndarray:
    return rows[rng.choice(len(rows), min(attempts, len(rows)), replace=False)]


def linkability(
    table: AttackTable,
    *,
    split: tuple[list[int], list[int]],
    attempts: int,
    rng: np.random.Generator,
    neighbours: int = 1,
) -> AttackResult:
    """Link the two halves of ``split`` through the synthetic rows, for up to ``attempts`` targets."""
    started = time.perf_counter()
    left, right = split

    main_targets = _targets(table.train, attempts, rng)
    control_targets = _targets(table.control, attempts, rng)
    n = min(len(main_targets), len(control_targets))
    main_targets, control_targets = main_targets[:n], control_targets[:n]
    left_main, left_control = _nearest(table, left, neighbours, main_targets, control_targets)
    right_main, right_control = _nearest(table, right, neighbours, main_targets, control_targets)

    def linked(a: np.ndarray, b: np.ndarray) -> int:
        return int(sum(bool(set(x) & set(y)) for x, y in zip(a, b)))

    synthetic_rows = len(table.synthetic)
    baseline = sum(
        bool(set(rng.choice(synthetic_rows, neighbours, replace=False)) & set(rng.choice(synthetic_rows, neighbours)))
        for _ in range(n)
    )
    names = [table.columns[j] for j in left], [table.columns[j] for j in right]
    return AttackResult(
        attack="linkability",
        mode=f"{'+'.join(names[0])} | {'+'.join(names[1])}",
        attempts=n,
        main_successes=linked(left_main, right_main),
        control_successes=linked(left_control, right_control),
        baseline_successes=int(baseline),
        seconds=time.perf_counter() - started,
    )


def _guessed(guesses: np.ndarray, truths: np.ndarray, continuous: bool) -> int:
    both_missing = np.isnan(guesses) & np.isnan(truths)
    if continuous:
        with np.errstate(invalid="ignore"):
            close = np.abs(guesses - truths) <= NUMERIC_TOLERANCE * np.abs(truths)
    else:
        close = guesses == truths
    return int(np.sum(close | both_missing))


def inference(table: AttackTable, *, secret: int, attempts: int, rng: np.random.Generator) -> AttackResult:
    """Guess column ``secret`` from every other modelled column, for up to ``attempts`` targets."""
    started = time.perf_counter()
    known = [j for j in range(len(table.columns)) if j != secret]
    continuous = bool(table.continuous[secret])
    main_targets = _targets(table.train, attempts, rng)
    control_targets = _targets(table.control, attempts, rng)
    n = min(len(main_targets), len(control_targets))
    main_targets, control_targets = main_targets[:n], control_targets[:n]
    successes = [0, 0]
    if known:
        for i, (targets, nearest) in enumerate(
            zip((main_targets, control_targets), _nearest(table, known, 1, main_targets, control_targets))
        ):
            successes[i] = _guessed(table.synthetic[nearest[:, 0], secret], targets[:, secret], continuous)

    random_rows = rng.choice(len(table.synthetic), n, replace=len(table.synthetic) < n)
    return AttackResult(
        attack="inference",
        mode=table.columns[secret],
        attempts=n,
        main_successes=successes[0],
        control_successes=successes[1],
        baseline_successes=_guessed(table.synthetic[random_rows, secret], main_targets[:, secret], continuous),
        seconds=time.perf_counter() - started,
    )
