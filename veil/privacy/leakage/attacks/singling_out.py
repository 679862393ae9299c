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
BATCH = 250
"""Multivariate queries written and checked against the synthetic rows at once."""
SCREEN_ROWS = 256
"""Synthetic rows a batch is first checked against; only the queries no other sampled row matches are counted on all."""
BLOCK_ROWS = 512
"""Rows the surviving queries are checked against at a time (most are ruled out by the first blocks)."""
MAX_ROWS = 5_000
"""Rows of each frame the queries are written from and counted on (a seeded cut beyond: stated in the result)."""


@dataclass(frozen=True)
class Predicate:
    column: int
    op: str  # ==, !=, <=, >=, <, >, isnull, notnull
    value: float = 0.0  # unused by isnull / notnull (0.0, not NaN, so that equal queries compare and hash equal)

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


def _multivariate_candidates(
    table: AttackTable, synthetic: np.ndarray, medians: np.ndarray, n_cols: int, rng: np.random.Generator
) -> list[Query]:
    """A batch of multivariate queries that single out one synthetic row each (checked all at once)."""
    rows, width = synthetic.shape
    k = min(n_cols, width)
    picked = np.sort(np.argsort(rng.random((BATCH, width)), axis=1)[:, :k], axis=1)
    source = rng.integers(rows, size=BATCH)
    values = synthetic[source[:, None], picked]
    continuous = table.continuous[picked]
    upper = continuous & (values > medians[picked])
    lower = continuous & ~upper & ~np.isnan(values)

    def matches(candidates: np.ndarray, among: np.ndarray) -> np.ndarray:
        """candidates x rows: whether each of the rows ``among`` matches each candidate query."""
        hit = np.ones((len(candidates), len(among)), dtype=bool)
        with np.errstate(invalid="ignore"):
            for p in range(k):
                data = synthetic[among[None, :], picked[candidates, p : p + 1]]
                v = values[candidates, p : p + 1]
                up, low = upper[candidates, p : p + 1], lower[candidates, p : p + 1]
                hit &= np.where(
                    np.isnan(v), np.isnan(data), np.where(up, data >= v, np.where(low, data <= v, data == v))
                )
        return hit

    # A query one other row matches cannot single out: most are dropped on a sample, the rest block by
    # block over every row, each block checking only the queries no row so far has ruled out (the
    # queries left match their own row alone, as a full count would find).
    sample = rng.choice(rows, min(rows, SCREEN_ROWS), replace=False)
    everyone = np.arange(BATCH)
    screened = matches(everyone, sample) & (sample[None, :] != source[:, None])
    single = everyone[~screened.any(axis=1)]
    for start in range(0, rows, BLOCK_ROWS):
        if single.size == 0:
            break
        block = np.arange(start, min(rows, start + BLOCK_ROWS))
        others = matches(single, block) & (block[None, :] != source[single, None])
        single = single[~others.any(axis=1)]
    out = []
    for b in single:
        predicates = []
        for p in range(k):
            j, value = int(picked[b, p]), float(values[b, p])
            op = "isnull" if np.isnan(value) else ">=" if upper[b, p] else "<=" if lower[b, p] else "=="
            predicates.append(Predicate(j, op, 0.0 if op == "isnull" else value))
        out.append(tuple(predicates))
    return out


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
    synthetic, train, control = (
        _distinct(rows[np.sort(rng.choice(len(rows), MAX_ROWS, replace=False))] if len(rows) > MAX_ROWS else rows)
        for rows in (table.synthetic, table.train, table.control)
    )
    width = 1 if mode == "univariate" else n_cols
    queries: list[Query] = []
    seen: set[Query] = set()
    tried = 0
    if synthetic.shape[1] and len(synthetic):
        if mode == "univariate":
            candidates = _univariate_candidates(table, synthetic, rng)
            tried = len(candidates)
            for query in candidates:
                if len(queries) >= attempts:
                    break
                if query not in seen and count_matches(query, synthetic) == 1:
                    seen.add(query)
                    queries.append(query)
        else:
            medians = np.array(
                [np.nanmedian(c) if np.isfinite(c).any() else np.nan for c in synthetic.T], dtype=np.float64
            )
            while len(queries) < attempts and tried < MAX_CANDIDATES:
                tried += BATCH
                for query in _multivariate_candidates(table, synthetic, medians, n_cols, rng):
                    if query not in seen and len(queries) < attempts:
                        seen.add(query)
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
