"""``dp_marginal``: AIM-style adaptive marginals (McKenna et al. 2022) on Private-PGM.

Under ρ-zCDP, after domain discovery (``dp_domain``):

1. measure every column's one-way marginal with the Gaussian mechanism (done by
   ``discover_domain``; fine cells, smoothed, then coarse groups);
2. choose how coarse each numeric column's groups are from the noise the
   two-way measurements will carry and the noisy row count, and merge
   categories whose noisy count is under three noise deviations
   (post-processing: these read only noisy counts);
3. run AIM's rounds over the workload of all column pairs (``dp_select``):
   the exponential mechanism picks the pair the estimate gets most wrong net
   of measurement noise, the Gaussian mechanism measures it, and the budget
   per round grows when measurements stop telling the estimate anything new;
4. fit one graphical model to all measurements (``mbi``'s mirror descent) and
   sample from it.

The budget: each column whose bounds or category set the caller did not
declare public costs ``DISCOVERY_SHARE / columns`` of ρ (so 40% when nothing
is public), then ``ONEWAY_SHARE`` of the rest goes to the one-ways and the
remainder to the rounds (a tenth of each round selects). The shares were
chosen by measurement (BENCHMARKS.md) and the fit states them (``rho_split``). ``mbi``
(Private-PGM, Apache-2.0) does the estimation and sampling; the mechanism
around it is written here, as the mechanism scripts in Private-PGM's
repository are not part of its package.
"""

from __future__ import annotations

import logging
import math
import os
import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

os.environ.setdefault("JAX_PLATFORMS", "cpu")  # never probe for accelerators
import jax  # noqa: E402

jax.config.update("jax_enable_x64", True)  # mbi's estimation stalls in float32 on large tables
jax.config.update("jax_enable_compilation_cache", False)  # mbi's many small programs: a disk cache only costs
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import mbi  # noqa: E402
    from mbi import Domain, LinearMeasurement  # noqa: E402
    from mbi.constraint import Constraint as ModelConstraint  # noqa: E402
    from mbi.estimation import MirrorDescent  # noqa: E402
    from mbi.junction_tree import hypothetical_model_size  # noqa: E402

from veil.core.conditions import ConditionGroup  # noqa: E402
from veil.core.progress import ProgressFn  # noqa: E402
from veil.privacy.dp.accounting import ZcdpBudget, zcdp_rho_for  # noqa: E402
from veil.privacy.dp.mechanisms import GaussianMechanism  # noqa: E402
from veil.synthesizers.conditioned import draw_given  # noqa: E402
from veil.synthesizers.registry import register  # noqa: E402
from veil.synthesizers.tabular.dp_base import DPSynthesizer  # noqa: E402
from veil.synthesizers.tabular.dp_domain import (  # noqa: E402
    ColumnCodec,
    DomainShares,
    coarsen_bins,
    columns_needing,
    compress_rare,
    discover_domain,
)
from veil.synthesizers.tabular.dp_select import SELECT_SHARE, Estimate, pair_candidates, select_and_measure  # noqa: E402

logger = logging.getLogger(__name__)

MAX_BINS = 32
"""Coarse bins of a numeric column in the model."""

MAX_PAIR_CELLS = 100_000
"""Column pairs with more cells than this are never measured (the noise would swamp them)."""

MAX_MODEL_MB = 32.0
"""Largest graphical model (junction-tree parameters) the selection may grow; bounds the fit's time and memory."""

MAX_PAIRS_PER_COLUMN = 2
"""At most this many distinct two-way marginals per column (twice a tree's): the fit's time grows with them."""

DISCOVERY_SHARE = 0.4
"""Share of ρ for domain discovery were no column public: each column whose bounds or category set the
caller did not declare public costs ``DISCOVERY_SHARE / columns`` of ρ. Partition selection drops every
category under about 5 noise deviations, so discovery is where a small budget loses the most."""

ONEWAY_SHARE = 0.2
"""Share of the measurement budget (after discovery) for the one-way marginals; the rest goes to AIM's rounds."""

CELL_SIGMAS = 2.0
"""A numeric column gets as many coarse bins as keep a two-way cell's expected count above this many σ."""

MIN_BINS = 4
"""Fewest coarse bins of a numeric column, however noisy the two-ways."""

ESTIMATION_ITERS = 1500

GIVEN_EVIDENCE = "model_given_evidence"
"""How condition groups are met: sampled from the graphical model given the group as evidence."""


@register
class DPMarginalSynthesizer(DPSynthesizer):
    """AIM-style: one-way and adaptively selected two-way marginals, Gaussian noise, Private-PGM inference."""

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
        per_column = DISCOVERY_SHARE * rho / len(kinds)
        rho_bounds = per_column * len(need["bounds"])
        rho_categories = per_column * len(need["categories"])
        # a single column has no pairs: its one-way takes what the rounds would have had
        rho_oneway = (ONEWAY_SHARE if len(kinds) > 1 else 1.0) * (rho - rho_bounds - rho_categories)
        rho_rounds = rho - rho_bounds - rho_categories - rho_oneway

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
                rho_oneway=rho_oneway,
            ),
        )
        columns = list(kinds)
        rows = _noisy_rows(oneways) if self.public.row_count is None else float(self.public.row_count)
        # the noise of a two-way were the rounds' budget spread over a tree's pairs (data-independent)
        pair_rho = rho_rounds / max(1, len(columns) - 1) * (1 - SELECT_SHARE)
        bins = _coarse_bins(rows, GaussianMechanism(rho=pair_rho).sigma) if pair_rho > 0 else MAX_BINS
        for col, codec in codecs.items():
            if codec.edges is not None:
                coarsen_bins(codec, bins=bins)
            compress_rare(codec, oneways[col])
        domain = Domain(columns, [codecs[c].size for c in columns])
        data = {c: codecs[c].encode(frame[c]) for c in columns}
        measurements = [_coarse_oneway(codecs[c], oneways[c]) for c in columns]
        if progress:
            progress(0.2)

        total = rows  # public, or the noisy one-ways' (post-processing); mbi's own guess fails on one column
        estimate = Estimate(
            sizes={c: domain[c] for c in columns},
            oneway={c: _oneway_estimate(m) for c, m in zip(columns, measurements)},
        )
        rounds = select_and_measure(
            lambda p: _pair_counts(data[p[0]], data[p[1]], domain[p[0]], domain[p[1]]),
            estimate,
            candidates=pair_candidates(estimate.sizes, max_cells=MAX_PAIR_CELLS),
            rows=rows,
            rho=rho_rounds,
            budget=budget,
            rng=rng,
            fits=lambda pairs: (
                len(pairs) <= MAX_PAIRS_PER_COLUMN * len(columns)
                and hypothetical_model_size(domain, pairs) <= MAX_MODEL_MB
            ),
        )
        edges = list(dict.fromkeys(r.pair for r in rounds))
        for pair in edges:  # a pair measured in several rounds: their inverse-variance mean, one term to fit
            combined = estimate.measured[pair]
            measurements.append(LinearMeasurement(combined.counts, pair, stddev=1 / math.sqrt(combined.precision)))
        if progress:
            progress(0.4)
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
            "mechanism": (
                "AIM-style adaptive marginals (zCDP; Gaussian measurements, exponential-mechanism selection "
                "over all column pairs, Private-PGM estimation)"
            ),
            "rho": rho,
            "rho_split": {
                "bounds": rho_bounds,
                "categories": rho_categories,
                "one-ways": rho_oneway,
                "rounds": rho_rounds,
            },
            "rounds": len(rounds),
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

    def _sample_given(self, group: ConditionGroup, seed: int) -> tuple[pd.DataFrame, int, str] | None:
        """Rows given a condition group, sampled from the fitted graphical model given the evidence.

        Each constrained column's codes that cannot decode to a value meeting the group are ruled out as
        structural constraints of the model (mbi folds them into the potentials), so message passing and
        sampling run on the model given the evidence; decoded rows are then checked against the exact
        constraints (a bin across a range's end). Post-processing of the fitted model: free under DP.
        """
        if any(c.column not in self._codecs for c in group.where):
            return None
        evidence = []
        for constraint in group.where:
            codec = self._codecs[constraint.column]
            allowed = np.flatnonzero(codec.codes_meeting(constraint))
            if not allowed.size:
                return pd.DataFrame(columns=self._columns), 0, GIVEN_EVIDENCE
            domain = Domain([constraint.column], [codec.size])
            evidence.append(ModelConstraint(domain, valid=allowed.reshape(-1, 1)))
        model = self._model.replace(constraints=tuple(self._model.constraints) + tuple(evidence))
        rng = np.random.default_rng([seed, 0xE1D])
        np.random.seed(seed % 2**32)  # mbi samples with numpy's global RNG

        def draw(batch: int) -> pd.DataFrame:
            coded = model.synthetic_data(rows=batch).to_dict()
            return pd.DataFrame({c: self._codecs[c].decode(np.asarray(coded[c]), rng) for c in self._columns})

        kept, drawn = draw_given(group, self.books["kinds"], draw, min_batch=1_024, max_batch=500_000)
        return pd.concat(kept, ignore_index=True), drawn, GIVEN_EVIDENCE


def _coarse_oneway(codec: ColumnCodec, oneway: Any) -> LinearMeasurement:
    """The fine one-way measurement expressed over the column's coarse groups (noise weights kept right)."""
    fine = LinearMeasurement(oneway.noisy, (codec.column,), stddev=oneway.sigma)
    if codec.size == codec.fine_size:
        return fine
    return fine.compress({codec.column: codec.fine_to_coarse}, Domain([codec.column], [codec.fine_size]))


def _noisy_rows(oneways: Mapping[str, Any]) -> float:
    """The row count from the noisy one-ways (post-processing).

    Each column's total is an unbiased estimate with variance σ² × its cells;
    their inverse-variance mean leans on the columns of few cells.
    """
    totals = np.array([o.noisy.sum() for o in oneways.values()])
    precision = np.array([1 / (o.sigma**2 * o.noisy.size) for o in oneways.values()])
    return max(1.0, float((totals * precision).sum() / precision.sum()))


def _coarse_bins(rows: float, sigma: float) -> int:
    """Coarse bins per numeric column: a k×k two-way cell should hold rows/k² ≥ CELL_SIGMAS·σ."""
    return int(np.clip(math.floor(math.sqrt(rows / (CELL_SIGMAS * sigma))), MIN_BINS, MAX_BINS))


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


__all__ = ["DPMarginalSynthesizer", "mbi"]
