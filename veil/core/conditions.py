"""Condition groups: rows asked for with constraints on modelled columns (a value set, a numeric or date range).

"500 rows of farmers over 60" is one group: ``ConditionGroup(rows=500, where=(Constraint("occupation",
values=("Farmer",)), Constraint("age", low=60)))``. Values are compared the way the drift metrics read a
column (``veil.core.columns``): labels as text (booleans as ``True``/``False``), numbers and datetimes as
floats (datetimes in seconds since the Unix epoch). Nothing here knows gRPC.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from veil.core import kinds as K
from veil.core.columns import as_float, as_label

MAX_GROUP_ROWS = 1_000_000
_TRUE = ("true", "t", "yes", "y", "1")
_FALSE = ("false", "f", "no", "n", "0")


@dataclass(frozen=True)
class Constraint:
    """What one column must hold: one of ``values`` (labels; with ``exclude``, none of them), or a value in
    ``[low, high]`` (numbers)."""

    column: str
    values: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    exclude: bool = False

    def holds(self, series: pd.Series, kind: str) -> np.ndarray:
        """Which cells meet the constraint. A missing cell meets only an exclusion: it holds none of the values
        (so rebalancing's "the rest" keeps the column's missing share)."""
        if kind in (K.CATEGORICAL, K.BOOLEAN):
            labels = as_label(series, kind)
            listed = labels.isin({_label(v, kind) for v in self.values}).to_numpy()
            return ~listed if self.exclude else listed
        numbers = as_float(series, kind).to_numpy()
        ok = ~np.isnan(numbers)
        if self.low is not None:
            ok &= numbers >= self.low
        if self.high is not None:
            ok &= numbers <= self.high
        return ok


@dataclass(frozen=True)
class ConditionGroup:
    """``rows`` rows that all meet every constraint of ``where``; with ``hard_text``, their texts are hard
    variants (the LLM rewriter makes them harder to read, for testing a reader; same validation gate)."""

    rows: int
    where: tuple[Constraint, ...]
    hard_text: bool = False

    def holds(self, frame: pd.DataFrame, kinds: Mapping[str, str]) -> np.ndarray:
        """Which rows of ``frame`` meet every constraint."""
        ok = np.ones(len(frame), dtype=bool)
        for constraint in self.where:
            ok &= constraint.holds(frame[constraint.column], kinds[constraint.column])
        return ok


def _label(value: str, kind: str) -> str:
    if kind == K.BOOLEAN:
        low = str(value).strip().lower()
        return "True" if low in _TRUE else "False" if low in _FALSE else str(value)
    return str(value)


def rebalance_groups(column: str, shares: Sequence[tuple[str, float]], total: int) -> list[ConditionGroup]:
    """Rebalancing as condition groups: one per value listed, and one for the rest when the shares leave some.

    Rows are the shares of ``total`` rounded by largest remainder, so they sum to ``total`` exactly.
    """
    parts = [*(s for _, s in shares), max(0.0, 1.0 - sum(s for _, s in shares))]
    exact = [p * total for p in parts]
    rows = [math.floor(x) for x in exact]
    for i in sorted(range(len(exact)), key=lambda i: rows[i] - exact[i])[: total - sum(rows)]:
        rows[i] += 1
    groups = [ConditionGroup(n, (Constraint(column, (value,)),)) for (value, _), n in zip(shares, rows)]
    if rows[-1]:
        groups.append(ConditionGroup(rows[-1], (Constraint(column, tuple(v for v, _ in shares), exclude=True),)))
    return [g for g in groups if g.rows]


def gap_groups(
    train: pd.DataFrame, columns: Sequence[str], kinds: Mapping[str, str], *, min_rows: int, k: int
) -> tuple[list[ConditionGroup], list[int], int]:
    """Groups for the cells (value combinations of ``columns``) that fewer than ``min_rows`` training rows hold.

    Each such cell gets as many rows as it lacks; a cell fewer than ``k`` rows hold is skipped, since rows
    asked for it would describe a handful of real people. Cells come in the order of their values.

    Returns:
        The groups, the training rows of each group's cell, and how many cells were skipped.
    """
    labels = pd.DataFrame({c: as_label(train[c], kinds[c]) for c in columns}).dropna()
    counts = labels.value_counts(sort=False)
    groups, held, skipped = [], [], 0
    for cell, count in sorted((c if isinstance(c, tuple) else (c,), int(n)) for c, n in counts.items()):
        if count >= min_rows:
            continue
        if count < k:
            skipped += 1
            continue
        groups.append(ConditionGroup(min_rows - count, tuple(Constraint(c, (v,)) for c, v in zip(columns, cell))))
        held.append(count)
    return groups, held, skipped


def rebalance_problems(
    column: str, shares: Sequence[tuple[str, float]], kinds: Mapping[str, str], *, field: str = "config.rebalance"
) -> list[tuple[str, str]]:
    """Every problem with a rebalancing request; the column and values are never repeated."""
    problems = []
    if kinds.get(column) not in (K.CATEGORICAL, K.BOOLEAN):
        problems.append((f"{field}.column", "names no categorical or boolean column of the dataset"))
    if not shares:
        problems.append((f"{field}.shares", "list at least one value and its share"))
    values = [v for v, _ in shares]
    for i, (value, share) in enumerate(shares):
        if not (math.isfinite(share) and 0 < share <= 1):
            problems.append((f"{field}.shares[{i}].share", "must be in (0, 1]"))
        if values.index(value) != i:
            problems.append((f"{field}.shares[{i}].value", f"repeats shares[{values.index(value)}]"))
    if sum(s for _, s in shares if math.isfinite(s)) > 1 + 1e-9:
        problems.append((f"{field}.shares", "the shares sum to more than 1"))
    return problems


def condition_problems(
    groups: Sequence[ConditionGroup], kinds: Mapping[str, str], *, field: str = "config.conditions"
) -> list[tuple[str, str]]:
    """Every problem with the groups, as ``(field path, description)``; columns are named by position only."""
    problems: list[tuple[str, str]] = []
    for i, group in enumerate(groups):
        where = f"{field}[{i}]"
        if not 1 <= group.rows <= MAX_GROUP_ROWS:
            problems.append((f"{where}.rows", f"must be between 1 and {MAX_GROUP_ROWS}"))
        if not group.where:
            problems.append((f"{where}.where", "a group needs at least one constraint"))
        seen: dict[str, int] = {}
        for j, constraint in enumerate(group.where):
            at = f"{where}.where[{j}]"
            kind = kinds.get(constraint.column)
            if constraint.column in seen:
                problems.append((f"{at}.column", f"names the same column as where[{seen[constraint.column]}]"))
                continue
            seen[constraint.column] = j
            if kind not in K.MODELLED_KINDS:
                problems.append((f"{at}.column", "names no modelled column of the dataset"))
            elif kind in (K.CATEGORICAL, K.BOOLEAN):
                if not constraint.values:
                    problems.append((f"{at}.values", f"a {kind} column is constrained by a set of values"))
                if constraint.low is not None or constraint.high is not None:
                    problems.append((f"{at}.min", f"a {kind} column takes values, not a range"))
            else:
                problems += _range_problems(constraint, at, kind)
    return problems


def _range_problems(constraint: Constraint, at: str, kind: str) -> list[tuple[str, str]]:
    problems = []
    if constraint.values:
        problems.append((f"{at}.values", f"a {kind} column takes a range (min, max), not values"))
    bounds = [b for b in (constraint.low, constraint.high) if b is not None]
    if not bounds:
        problems.append((f"{at}.min", "give min, max or both"))
    elif not all(math.isfinite(b) for b in bounds):
        problems.append((f"{at}.min", "bounds must be finite"))
    elif len(bounds) == 2 and constraint.low > constraint.high:
        problems.append((f"{at}.max", "must not be below min"))
    return problems


__all__ = [
    "MAX_GROUP_ROWS",
    "ConditionGroup",
    "Constraint",
    "condition_problems",
    "gap_groups",
    "rebalance_groups",
    "rebalance_problems",
]
