"""Singling-out: can the synthetic rows write a description that fits exactly one real person?

Following anonymeter's protocol: queries are written from the synthetic rows alone, each one a
conjunction of predicates that matches exactly one synthetic row. A query singles out a real row when
exactly one row of the (deduplicated) real frame matches it; the main attack counts those among the
training rows, the control among the holdout rows, and the baseline writes random queries instead.

* univariate: one predicate, on a value only one synthetic row holds, a column's minimum or maximum, or
  its only missing value;
* multivariate: a random synthetic row and ``n_cols`` random columns; a number above the column's median
  gives ``column >= value``, one at or below it ``column <= value``, anything else ``column == value``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from veil.privacy.leakage.attacks.risk import AttackResult
from veil.privacy.leakage.attacks.table import AttackTable

MAX_CANDIDATES = 50_000
"""Queries tried before the attack stops looking (it then runs with fewer, and says so)."""


@dataclass(frozen=True)
class Predicate:
    column: int
    op: str  # ==, !=, <=, >=, <, >, isnull, notnull
    value: float = np.nan

    def matches(self, values: np.ndarray) -> np.ndarray:
        if self.op == "isnull":
            return np.isnan(values)
        if self.op == "notnull":
            return ~np.isnan(values)
        with np.errstate(invalid="ignore"):
            if self.op == "==":
                return values == self.value
            if self.op == "!=":
                return (values != self.value) & ~np.isnan(values)
            if self.op == "<=":
                return values <= self.value
            if self.op == ">=":
                return values >= self.value
            if self.op == "<":
                return values < self.value
            return values > self.value


Query = tuple[Predicate, ...]


def count_matches(query: Query, rows: np.ndarray, *, stop_at: int = 2) -> int:
    """Rows matching every predicate, counted up to ``stop_at`` (enough to tell one from several)."""
    match = np.flatnonzero(query[0].matches(rows[:, query[0].column]))
    for predicate in query[1:]:
        if match.size == 0:
            return 0
        match = match[predicate.matches(rows[match, predicate.column])]
    return min(int(match.size), stop_at)


def _distinct(rows: np.ndarray) -> np.ndarray:
    if len(rows) == 0:
        return rows
    # NaN-safe: compare rows through their bytes
    view = np.ascontiguousarray(np.nan_to_num(rows, nan=np.inf))
    _, first = np.unique(view.view([("", view.dtype)] * view.shape[1]), return_index=True)
    return rows[np.sort(first)]


def _univariate_candidates(table: AttackTable, synthetic: np.ndarray, rng: np.random.Generator) -> list[Query]:
    out: list[Query] = []
    for j in range(synthetic.shape[1]):
        column = synthetic[:, j]
        missing = np.isnan(column)
        if missing.sum() == 1:
            out.append((Predicate(j, "isnull"),))
        finite = column[~missing]
        if finite.size == 0:
            continue
        if table.continuous[j]:
            out.append((Predicate(j, "<=", float(finite.min())),))
            out.append((Predicate(j, ">=", float(finite.max())),))
        values, counts = np.unique(finite, return_counts=True)
        out.extend((Predicate(j, "==", float(v)),) for v in values[counts == 1])
    order = rng.permutation(len(out))
    return [out[i] for i in order]


def _multivariate_candidate(
    table: AttackTable, synthetic: np.ndarray, medians: np.ndarray, n_cols: int, rng: np.random.Generator
) -> Query:
    row = synthetic[rng.integers(len(synthetic))]
    columns = np.sort(rng.choice(synthetic.shape[1], min(n_cols, synthetic.shape[1]), replace=False))
    predicates = []
    for j in columns:
        value = row[j]
        if np.isnan(value):
            predicates.append(Predicate(int(j), "isnull"))
        elif table.continuous[j]:
            predicates.append(Predicate(int(j), ">=" if value > medians[j] else "<=", float(value)))
        else:
            predicates.append(Predicate(int(j), "==", float(value)))
    return tuple(predicates)


def _baseline_query(
    table: AttackTable, synthetic: np.ndarray, n_cols: int, rng: np.random.Generator, uniques: list[np.ndarray]
) -> Query:
    columns = rng.choice(synthetic.shape[1], min(n_cols, synthetic.shape[1]), replace=False)
    predicates = []
    for j in columns:
        value = uniques[j][rng.integers(len(uniques[j]))]
        if np.isnan(value):
            predicates.append(Predicate(int(j), str(rng.choice(["isnull", "notnull"]))))
            continue
        ops = ["==", "!=", "<", ">", "<=", ">="] if table.continuous[j] else ["==", "!="]
        predicates.append(Predicate(int(j), str(rng.choice(ops)), float(value)))
    return tuple(predicates)


def singling_out(
    table: AttackTable, *, mode: str, attempts: int, rng: np.random.Generator, n_cols: int = 3
) -> AttackResult:
    """The singling-out attack in ``mode`` ("univariate" or "multivariate") with up to ``attempts`` queries."""
    started = time.perf_counter()
    synthetic = _distinct(table.synthetic)
    train, control = _distinct(table.train), _distinct(table.control)
    width = 1 if mode == "univariate" else n_cols
    queries: list[Query] = []
    seen: set[Query] = set()
    tried = 0
    if synthetic.shape[1] and len(synthetic):
        if mode == "univariate":
            candidates = iter(_univariate_candidates(table, synthetic, rng))
        else:
            medians = np.array(
                [np.nanmedian(c) if np.isfinite(c).any() else np.nan for c in synthetic.T], dtype=np.float64
            )
            candidates = (_multivariate_candidate(table, synthetic, medians, n_cols, rng) for _ in iter(int, 1))
        for query in candidates:
            if len(queries) >= attempts or tried >= MAX_CANDIDATES:
                break
            tried += 1
            if query in seen:
                continue
            seen.add(query)
            if count_matches(query, synthetic) == 1:
                queries.append(query)
    found = len(queries)
    uniques = [np.unique(c) for c in synthetic.T]  # NaN sorts last and stays one value
    baseline = [_baseline_query(table, synthetic, width, rng, uniques) for _ in range(found)]
    return AttackResult(
        attack="singling_out",
        mode=mode,
        attempts=found,
        main_successes=sum(count_matches(q, train) == 1 for q in queries),
        control_successes=sum(count_matches(q, control) == 1 for q in queries),
        baseline_successes=sum(count_matches(q, train) == 1 for q in baseline),
        seconds=time.perf_counter() - started,
        note="" if found >= attempts else f"{found} of {attempts} queries found: the risk may be underestimated",
    )
