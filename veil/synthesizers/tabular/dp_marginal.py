"""``dp_marginal``: the MST mechanism (McKenna, Miklau & Sheldon 2021) on Private-PGM.

Under ρ-zCDP, after domain discovery (``dp_domain``):

1. measure every column's one-way marginal with the Gaussian mechanism (done by
   ``discover_domain``; fine cells, then coarse groups);
2. merge categories whose noisy count is under three noise deviations (post-processing);
3. choose a maximum spanning tree of column pairs with the exponential
   mechanism, scoring each pair by how badly the one-way model misses its
   two-way marginal (private Kruskal, one selection per edge);
4. measure the chosen two-way marginals with the Gaussian mechanism;
5. fit a consistent graphical model to all measurements (``mbi``'s mirror
   descent) and sample from it.

The budget is split as MST does: a third each for one-ways, selection and
two-ways, after a small share for bounds and category discovery when the
caller did not declare them public. ``mbi`` (Private-PGM, Apache-2.0) does the
estimation and sampling; the mechanism around it is written here, as the
mechanism scripts in Private-PGM's repository are not part of its package.
"""

from __future__ import annotations

import itertools
import logging
import os
import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

os.environ.setdefault("JAX_PLATFORMS", "cpu")  # never probe for accelerators
import jax  # noqa: E402

jax.config.update("jax_enable_x64", True)  # mbi's estimation stalls in float32 on large tables
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import mbi  # noqa: E402
    from mbi import Domain, LinearMeasurement  # noqa: E402
    from mbi.estimation import MirrorDescent  # noqa: E402

from veil.core.progress import ProgressFn  # noqa: E402
from veil.privacy.dp.accounting import ZcdpBudget, zcdp_rho_for  # noqa: E402
from veil.privacy.dp.mechanisms import ExponentialMechanism, GaussianMechanism  # noqa: E402
from veil.synthesizers.registry import register  # noqa: E402
from veil.synthesizers.tabular.dp_base import DPSynthesizer  # noqa: E402
from veil.synthesizers.tabular.dp_domain import (  # noqa: E402
    ColumnCodec,
    DomainShares,
    columns_needing,
    compress_rare,
    discover_domain,
)

logger = logging.getLogger(__name__)

MAX_BINS = 32
"""Coarse bins of a numeric column in the model."""

MAX_PAIR_CELLS = 100_000
"""Column pairs with more cells than this are never measured (the noise would swamp them)."""

DISCOVERY_SHARE = 0.05
"""Share of ρ for each discovery step (bounds, categories) that the caller did not declare public."""

ESTIMATION_ITERS = 1500


@register
class DPMarginalSynthesizer(DPSynthesizer):
    """MST: one-way and tree-selected two-way marginals, Gaussian noise, Private-PGM inference."""

    name = "dp_marginal"
    accountant = "zCDP (Gaussian and exponential mechanisms), converted with Opacus's RDP analysis"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._codecs: dict[str, ColumnCodec] = {}
        self._model: Any = None
        self._columns: list[str] = []

    def _fit(self, frame: pd.DataFrame, kinds: Mapping[str, str], progress: ProgressFn | None) -> None:
        rng = np.random.default_rng(self.seed)
        self._delta_partition = self._partition_delta(kinds)
        # DP text columns (if any) have their share set aside already.
        rho = zcdp_rho_for(self.epsilon, self.delta - self._delta_partition) - self._text_rho_reserved
        self._budget = budget = ZcdpBudget(total_rho=rho)
        need = columns_needing(kinds, self.public)
        rho_bounds = DISCOVERY_SHARE * rho if need["bounds"] else 0.0
        rho_categories = DISCOVERY_SHARE * rho if need["categories"] else 0.0
        third = (rho - rho_bounds - rho_categories) / 3

        codecs, oneways = discover_domain(
            frame,
            kinds,
            public=self.public,
            budget=budget,
            rng=rng,
            max_bins=MAX_BINS,
            integer_columns=self._integer_columns(frame, kinds),
            shares=DomainShares(
                rho_bounds=rho_bounds,
                rho_categories=rho_categories,
                delta_categories=self._delta_partition,
                rho_oneway=third,
            ),
        )
        for col, codec in codecs.items():
            compress_rare(codec, oneways[col])
        columns = list(kinds)
        domain = Domain(columns, [codecs[c].size for c in columns])
        data = {c: codecs[c].encode(frame[c]) for c in columns}
        measurements = [_coarse_oneway(codecs[c], oneways[c]) for c in columns]
        if progress:
            progress(0.2)

        total = float(self.public.row_count) if self.public.row_count is not None else None
        edges: list[tuple[str, str]] = []
        if len(columns) > 1:
            independent = {c: _oneway_estimate(m) for c, m in zip(columns, measurements)}
            rows = float(np.median([max(o.noisy.sum(), 1.0) for o in oneways.values()]))  # noisy N, post-processing
            edges = _private_tree(data, domain, independent, rows=rows, rho=budget.spend("select:tree", third), rng=rng)
        if progress:
            progress(0.4)
        if edges:
            mech_rho = third / len(edges)
            for a, b in edges:
                mech = GaussianMechanism(rho=budget.spend(f"two-way:{a}|{b}", mech_rho))
                counts = _pair_counts(data[a], data[b], domain[a], domain[b])
                measurements.append(LinearMeasurement(mech.release(counts, rng), (a, b), stddev=mech.sigma))
        self._model = _estimate(
            domain,
            measurements,
            total,
            iters=ESTIMATION_ITERS,
            progress=(lambda f: progress(0.4 + 0.6 * f)) if progress else None,
        )
        self._codecs, self._columns = codecs, columns
        self._estimated_rows = max(1, int(round(float(self._model.total))))
        self._dp_books = {
            "mechanism": "MST (zCDP; Gaussian marginals, exponential-mechanism tree, Private-PGM estimation)",
            "rho": rho,
            "rho_spends": [list(s) for s in budget.spends],
            "delta_partition_selection": self._delta_partition,
            "marginals": [[c] for c in columns] + [list(e) for e in edges],
            "public": self._public_books(codecs),
        }
        logger.info("dp_marginal fitted: %d columns, %d two-way marginals", len(columns), len(edges))

    def _sample(self, num_rows: int, progress: ProgressFn | None) -> pd.DataFrame:
        # mbi samples with numpy's global RNG, which the base has seeded from the sampling seed.
        coded = self._model.synthetic_data(rows=num_rows).to_dict()
        rng = np.random.default_rng(self._sampling_seed)
        out = {c: self._codecs[c].decode(np.asarray(coded[c]), rng) for c in self._columns}
        if progress:
            progress(1.0)
        return pd.DataFrame(out)


def _coarse_oneway(codec: ColumnCodec, oneway: Any) -> LinearMeasurement:
    """The fine one-way measurement expressed over the column's coarse groups (noise weights kept right)."""
    fine = LinearMeasurement(oneway.noisy, (codec.column,), stddev=oneway.sigma)
    if codec.size == codec.fine_size:
        return fine
    return fine.compress({codec.column: codec.fine_to_coarse}, Domain([codec.column], [codec.fine_size]))


def _pair_counts(a: np.ndarray, b: np.ndarray, size_a: int, size_b: int) -> np.ndarray:
    return np.bincount(a * size_b + b, minlength=size_a * size_b).astype(float)


def _estimate(
    domain: Domain, measurements: list, total: float | None, *, iters: int, progress: ProgressFn | None = None
) -> Any:
    calls = [0]
    blocks = max(1, iters // mbi.estimation.CALLBACK_EVERY)

    def callback(_value: Any) -> None:
        calls[0] += 1
        if progress:
            progress(min(1.0, calls[0] / blocks))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return MirrorDescent().estimate(domain, measurements, known_total=total, iters=iters, callback_fn=callback)


def _oneway_estimate(measurement: LinearMeasurement) -> np.ndarray:
    """A column's distribution from its noisy one-way counts (clipped, normalised; post-processing)."""
    y = np.asarray(measurement.noisy_measurement, dtype=float)
    query = measurement.query
    weights = getattr(query, "weights", None)
    if weights is not None:  # a compressed measurement holds y / sqrt(cells per group)
        y = y / np.asarray(weights, dtype=float)
    y = np.clip(y, 0, None) + 1e-9
    return y / y.sum()


def _private_tree(
    data: Mapping[str, np.ndarray],
    domain: Domain,
    independent: Mapping[str, np.ndarray],
    *,
    rows: float,
    rho: float,
    rng: np.random.Generator,
) -> list[tuple[str, str]]:
    """Private Kruskal: each edge picked by the exponential mechanism among pairs joining two components.

    A pair's score is the L1 distance between its true two-way counts and the
    independence model's (product of the noisy one-way distributions, scaled
    to the noisy row count); one record moves it by at most 1 (sensitivity 1).
    """
    columns = list(domain.attributes)
    candidates = [(a, b) for a, b in itertools.combinations(columns, 2) if domain[a] * domain[b] <= MAX_PAIR_CELLS]
    scores = {}
    for a, b in candidates:
        true = _pair_counts(data[a], data[b], domain[a], domain[b])
        fitted = np.outer(independent[a], independent[b]).ravel() * rows
        scores[(a, b)] = float(np.abs(true - fitted).sum())
    component = {c: c for c in columns}

    def root(c: str) -> str:
        while component[c] != c:
            component[c] = component[component[c]]
            c = component[c]
        return c

    rounds = len(columns) - 1
    mech = ExponentialMechanism(rho=rho / rounds, sensitivity=1.0)
    edges: list[tuple[str, str]] = []
    for _ in range(rounds):
        open_pairs = [p for p in candidates if root(p[0]) != root(p[1])]
        if not open_pairs:
            break
        a, b = open_pairs[mech.release(np.array([scores[p] for p in open_pairs]), rng)]
        edges.append((a, b))
        component[root(a)] = root(b)
    return edges


__all__ = ["DPMarginalSynthesizer", "mbi"]
