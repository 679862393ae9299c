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
    """What one column must hold: one of ``values`` (labels), or a value in ``[low, high]`` (numbers)."""

    column: str
    values: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None

    def holds(self, series: pd.Series, kind: str) -> np.ndarray:
        """Which cells meet the constraint (a missing cell never does)."""
        if kind in (K.CATEGORICAL, K.BOOLEAN):
            allowed = {_label(v, kind) for v in self.values}
            return as_label(series, kind).isin(allowed).to_numpy()
        numbers = as_float(series, kind).to_numpy()
        ok = ~np.isnan(numbers)
        if self.low is not None:
            ok &= numbers >= self.low
        if self.high is not None:
            ok &= numbers <= self.high
        return ok


@dataclass(frozen=True)
class ConditionGroup:
    """``rows`` rows that all meet every constraint of ``where``."""

    rows: int
    where: tuple[Constraint, ...]

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


__all__ = ["MAX_GROUP_ROWS", "ConditionGroup", "Constraint", "condition_problems"]
