"""A synthesis request's config and its validation: every problem found, reported at once."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

import pandas as pd

from veil.core.conditions import (
    ConditionGroup,
    Constraint,
    condition_problems,
    gap_groups,
    rebalance_groups,
    rebalance_problems,
)
from veil.core.errors import ViolationCollector
from veil.core.kinds import BOOLEAN, CATEGORICAL, TEXT
from veil.service.config import ServiceConfig
from veil.service.errors import InvalidArgument
from veil.service.pipeline import text as text_stage
from veil.service.storage.db import DatasetRow
from veil.synthesizers.catalog import TABULAR
from veil.synthesizers.errors import SynthesizerError
from veil.synthesizers.protection import DEFAULT_K, check_k
from veil.synthesizers.registry import available_synthesizers
from veil.synthesizers.tabular.dp_domain import PublicMetadata
from veil.synthesizers.text import available_text_synthesizers

MAX_ROWS = 10_000_000


@dataclass(frozen=True)
class SynthesisConfig:
    model: str = "auto"
    num_rows: int = 0
    seed: int = 0
    target_column: str = ""
    epochs: int = 0
    text_model: str = "surrogate"
    # DP models only: target (epsilon, delta) and what the caller declares public.
    epsilon: float = 0.0
    delta: float = 0.0
    public_columns: tuple[dict, ...] = ()
    public_row_count: int = 0
    # TextConfig fields the request set (endpoint, models, filters, canaries).
    text: dict = field(default_factory=dict)
    # Rare-value protection's k for non-DP models (0: the default).
    rare_value_threshold: int = 0
    # Release only when no attack's risk is confidently above this (0: no limit).
    max_risk: float = 0.0
    # The two column sets the linkability attack joins (both empty: the report's default split).
    link_columns: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    # Condition groups ({"rows": n, "where": [{"column", "values", "low", "high", "exclude"}], "hard_text"}):
    # the rows to make instead.
    conditions: tuple[dict, ...] = ()
    # Target shares of a label column's values ({"column": c, "shares": [[value, share], ...]}), made as groups.
    rebalance: dict | None = None
    # Coverage gaps ({"columns": [...], "min_rows": n}): rows for the cells the training data holds too few of.
    fill_gaps: dict | None = None

    @property
    def differentially_private(self) -> bool:
        return self.model in TABULAR.names(differentially_private=True)

    def condition_groups(self, total_rows: int = 1) -> list[ConditionGroup]:
        """The groups to make: the request's conditions, or its rebalancing over ``total_rows`` rows."""
        if self.rebalance:
            shares = [(str(v), float(s)) for v, s in self.rebalance["shares"]]
            return rebalance_groups(self.rebalance["column"], shares, total_rows)
        return [
            ConditionGroup(
                rows=int(g["rows"]),
                where=tuple(
                    Constraint(
                        c["column"], tuple(c.get("values") or ()), c.get("low"), c.get("high"), bool(c.get("exclude"))
                    )
                    for c in g["where"]
                ),
                hard_text=bool(g.get("hard_text")),
            )
            for g in self.conditions
        ]

    def public_metadata(self) -> PublicMetadata:
        return PublicMetadata.from_dict(
            {
                "columns": {c["column"]: {k: v for k, v in c.items() if k != "column"} for c in self.public_columns},
                "row_count": self.public_row_count or None,
            }
        )


MAX_SYNTHESIS_SEED = 2**32 - 1
"""The engines seed numpy's legacy generator and torch, which take 32-bit seeds."""
MAX_EPSILON = 100.0
"""Largest target epsilon accepted: beyond it a DP statement no longer means much."""
MIN_EPSILON = 0.01
"""Smallest target epsilon accepted: below it the output is noise, and the accountants' float
arithmetic (a 1e-300 target) can no longer promise to stay within the reservation."""


def validate_config(
    config: SynthesisConfig, dataset: DatasetRow, *, service: ServiceConfig
) -> tuple[SynthesisConfig, text_stage.TextPlan]:
    problems = ViolationCollector()
    models = available_synthesizers()
    if config.model not in models:
        problems.add(
            "config.model", f"not available on this server; available: {', '.join(models)}", reason="UNKNOWN_MODEL"
        )
    text_models = available_text_synthesizers()
    if config.text_model not in text_models:
        problems.add(
            "config.text_model",
            f"not available on this server; available: {', '.join(text_models)}",
            reason="UNKNOWN_MODEL",
        )
    if not 0 <= config.num_rows <= MAX_ROWS:
        problems.add("config.num_rows", f"must be between 1 and {MAX_ROWS} (0 = training rows)")
    if not 0 <= config.seed <= MAX_SYNTHESIS_SEED:
        problems.add("config.seed", "must be between 0 and 2^32-1", reason="BAD_SEED")
    if config.epochs < 0 or config.epochs > 10_000:
        problems.add("config.epochs", "must be between 0 and 10000")
    _validate_privacy(config, dataset, problems)
    plan = text_stage.plan_text(
        model=config.model,
        text_model=config.text_model,
        text=config.text,
        kinds=dataset_kinds(dataset),
        service=service,
        problems=problems,
    )
    _validate_attacks(config, dataset, problems)
    _validate_conditions(config, dataset, problems)
    if config.target_column:
        kinds = {c["name"]: c["kind"] for c in dataset.columns}
        if config.target_column not in kinds:
            problems.add("config.target_column", "names no column of the dataset", reason="UNKNOWN_COLUMN")
        elif kinds[config.target_column] not in ("numeric", "categorical", "boolean"):
            problems.add(
                "config.target_column",
                f"a {kinds[config.target_column]} column cannot be a target",
                reason="BAD_TARGET",
            )
    problems.raise_if_any("the synthesis config is invalid", error=InvalidArgument)
    if config.differentially_private:
        # The row count is the training data's size: a DP model estimates it (or takes the public one).
        return SynthesisConfig(**{**asdict(config), "delta": config.delta or service.default_synthesis_delta}), plan
    rows = sum(g.rows for g in config.condition_groups()) if config.conditions else 0
    rows = 0 if config.fill_gaps else rows or config.num_rows or dataset.train_rows  # the cells decide, at the job
    return SynthesisConfig(**{**asdict(config), "num_rows": rows}), plan


def _validate_conditions(config: SynthesisConfig, dataset: DatasetRow, problems: ViolationCollector) -> None:
    if config.fill_gaps:
        _validate_fill_gaps(config, dataset, problems)
        return
    if config.rebalance:
        shares = [(str(v), float(s)) for v, s in config.rebalance["shares"]]
        for path, message in rebalance_problems(config.rebalance["column"], shares, dataset_kinds(dataset)):
            problems.add(path, message, reason="BAD_CONDITION")
        if config.conditions:
            problems.add("config.rebalance", "give conditions or rebalance, not both", reason="BAD_CONDITION")
        if config.text.get("canaries"):
            problems.add(
                "config.text.canaries",
                "canaries drop the rows that carry them, and rebalanced shares are exact: use one or the other",
                reason="BAD_CONDITION",
            )
        return
    if not config.conditions:
        return
    groups = config.condition_groups()
    for path, message in condition_problems(groups, dataset_kinds(dataset)):
        problems.add(path, message, reason="BAD_CONDITION")
    if config.num_rows:
        problems.add(
            "config.num_rows", "must be 0 with conditions: the groups' rows are the output", reason="BAD_CONDITION"
        )
    if sum(g.rows for g in groups) > MAX_ROWS:
        problems.add("config.conditions", f"the groups ask for more than {MAX_ROWS} rows", reason="BAD_CONDITION")
    if config.text.get("canaries"):
        problems.add(
            "config.text.canaries",
            "canaries drop the rows that carry them, and condition groups keep exact counts: use one or the other",
            reason="BAD_CONDITION",
        )
    text_columns = [c for c, k in dataset_kinds(dataset).items() if k == TEXT]
    for index, group in enumerate(groups):
        if group.hard_text and (
            config.text_model != "llm_rewrite" or not text_columns or config.differentially_private
        ):
            problems.add(
                f"config.conditions[{index}].hard_text_variants",
                "hard text variants are made by the LLM rewriter (text_model llm_rewrite) for a text column, "
                "under a model that is not differentially private (a DP model withholds its text)",
                reason="BAD_CONDITION",
            )


MAX_GAP_COLUMNS = 4
MAX_GAP_ROWS = 100_000


def _validate_fill_gaps(config: SynthesisConfig, dataset: DatasetRow, problems: ViolationCollector) -> None:
    gaps, kinds = config.fill_gaps, dataset_kinds(dataset)
    columns = gaps["columns"]
    if not 1 <= len(columns) <= MAX_GAP_COLUMNS:
        problems.add("config.fill_gaps.columns", f"name 1 to {MAX_GAP_COLUMNS} columns", reason="BAD_CONDITION")
    for i, column in enumerate(columns):
        if kinds.get(column) not in (CATEGORICAL, BOOLEAN):
            problems.add(
                f"config.fill_gaps.columns[{i}]", "names no categorical or boolean column", reason="BAD_CONDITION"
            )
        elif columns.index(column) != i:
            problems.add(f"config.fill_gaps.columns[{i}]", "repeats an earlier column", reason="BAD_CONDITION")
    if not 2 <= gaps["min_rows"] <= MAX_GAP_ROWS:
        problems.add("config.fill_gaps.min_rows", f"must be between 2 and {MAX_GAP_ROWS}", reason="BAD_CONDITION")
    for name, value in (("config.num_rows", config.num_rows), ("config.conditions", config.conditions)):
        if value:
            problems.add(name, "fill_gaps makes its own rows: leave this unset", reason="BAD_CONDITION")
    if config.rebalance:
        problems.add("config.rebalance", "give fill_gaps or rebalance, not both", reason="BAD_CONDITION")
    if config.differentially_private:
        problems.add(
            "config.fill_gaps",
            "the cells are found from training counts, which a DP model may not read; use conditions instead",
            reason="NOT_FOR_DP_MODEL",
        )
    if config.text.get("canaries"):
        problems.add(
            "config.text.canaries",
            "canaries drop the rows that carry them, and filled cells get exact counts: use one or the other",
            reason="BAD_CONDITION",
        )


def gap_plan(config: SynthesisConfig, train: pd.DataFrame, kinds: dict[str, str]):
    """The cells to fill: (groups, training rows per group, cells skipped as fewer than k rows hold them)."""
    gaps = config.fill_gaps
    k = config.rare_value_threshold or DEFAULT_K
    return gap_groups(train, gaps["columns"], kinds, min_rows=int(gaps["min_rows"]), k=k)


def check_conditions_against_data(config: SynthesisConfig, train: pd.DataFrame, kinds: dict[str, str]) -> None:
    """Refuse a condition group that fewer than k training rows meet (non-DP models; k as rare-value protection).

    Such a group would describe a handful of real people. A DP model may be asked for it: its guarantee
    bounds what any row can change, and its conditioned rows are post-processing. A rebalanced value is a
    group of its own, and so are the values not listed when the shares leave them rows.
    """
    if not (config.conditions or config.rebalance or config.fill_gaps) or config.differentially_private:
        return
    k = config.rare_value_threshold or DEFAULT_K
    problems = ViolationCollector()
    if config.fill_gaps:
        groups, _, _ = gap_plan(config, train, kinds)
        if not groups:
            problems.add(
                "config.fill_gaps.min_rows",
                f"no cell of these columns holds fewer than min_rows training rows and at least {k}: nothing to fill",
                reason="BAD_CONDITION",
            )
        elif sum(g.rows for g in groups) > MAX_ROWS:
            problems.add(
                "config.fill_gaps.min_rows", f"the cells lack more than {MAX_ROWS} rows", reason="BAD_CONDITION"
            )
    message = (
        f"fewer than {k} training rows meet it (the rare-value threshold); a differentially private model "
        "may be asked for it"
    )
    if config.rebalance:
        column, shares = config.rebalance["column"], [(str(v), float(s)) for v, s in config.rebalance["shares"]]
        listed = tuple(v for v, _ in shares)
        for i, value in enumerate(listed):
            if int(Constraint(column, (value,)).holds(train[column], kinds[column]).sum()) < k:
                problems.add(f"config.rebalance.shares[{i}].value", message, reason="CONDITION_TOO_RARE")
        rest = Constraint(column, listed, exclude=True).holds(train[column], kinds[column])
        if sum(s for _, s in shares) < 1 and int(rest.sum()) < k:
            problems.add("config.rebalance.shares", f"the values not listed: {message}", reason="CONDITION_TOO_RARE")
    for index, group in enumerate(config.condition_groups() if config.conditions else []):
        if int(group.holds(train, kinds).sum()) < k:
            problems.add(f"config.conditions[{index}]", message, reason="CONDITION_TOO_RARE")
    problems.raise_if_any("a condition group would describe too few real people", error=InvalidArgument)


def _validate_privacy(config: SynthesisConfig, dataset: DatasetRow, problems: ViolationCollector) -> None:
    if config.differentially_private:
        if config.rare_value_threshold:
            problems.add(
                "config.rare_value_threshold",
                f"model {config.model!r} is differentially private; its "
                "guarantee covers rare values, and rare-value protection applies to the other models only",
                reason="NOT_FOR_DP_MODEL",
            )
    elif config.rare_value_threshold and (problem := check_k(config.rare_value_threshold)) is not None:
        problems.add(
            "config.rare_value_threshold",
            f"{problem}; 0 means the default ({DEFAULT_K})",
            reason="BAD_RARE_VALUE_THRESHOLD",
        )
    if not config.differentially_private:
        for name, value in (
            ("config.epsilon", config.epsilon),
            ("config.delta", config.delta),
            ("config.public_columns", config.public_columns),
            ("config.public_row_count", config.public_row_count),
        ):
            if value:
                problems.add(
                    name,
                    f"model {config.model!r} is not differentially private; this applies only to "
                    f"{', '.join(TABULAR.names(differentially_private=True))}",
                    reason="NOT_A_DP_MODEL",
                )
        return
    if not config.epsilon:
        problems.add(
            "config.epsilon",
            f"model {config.model!r} is differentially private and needs a target epsilon; there is no default",
            reason="EPSILON_REQUIRED",
        )
    elif not (math.isfinite(config.epsilon) and MIN_EPSILON <= config.epsilon <= MAX_EPSILON):
        problems.add("config.epsilon", f"must be in [{MIN_EPSILON:g}, {MAX_EPSILON:g}]", reason="BAD_EPSILON")
    if config.delta and not (math.isfinite(config.delta) and 0 < config.delta < 1):
        problems.add("config.delta", "must be in (0, 1) (0 = the service's default)", reason="BAD_DELTA")
    named = [c["column"] for c in config.public_columns]
    for i, column in enumerate(named):
        if named.index(column) != i:
            problems.add(
                f"config.public_columns[{i}].column",
                f"names the same column as public_columns[{named.index(column)}]",
                reason="BAD_PUBLIC_METADATA",
            )
    if config.public_row_count < 0:
        problems.add("config.public_row_count", "must be >= 0", reason="BAD_PUBLIC_METADATA")
    try:
        if len(set(named)) == len(named):  # the metadata's positions are the request's only without repeats
            config.public_metadata().validate(dataset_kinds(dataset))
    except SynthesizerError as exc:
        for field, message in exc.violations:
            problems.add(field, message, reason="BAD_PUBLIC_METADATA")


def _validate_attacks(config: SynthesisConfig, dataset: DatasetRow, problems: ViolationCollector) -> None:
    if not (math.isfinite(config.max_risk) and 0 <= config.max_risk <= 1):
        problems.add("config.max_risk", "must be in (0, 1] (0 = no limit)", reason="BAD_MAX_RISK")
    left, right = config.link_columns
    if not (left or right):
        return
    modelled = {c["name"] for c in dataset.columns if c["kind"] in ("numeric", "categorical", "datetime", "boolean")}
    for name, side in (("config.link_columns_a", left), ("config.link_columns_b", right)):
        if not side:
            problems.add(name, "both column sets are needed to link (or neither, for the default)", reason="BAD_LINK")
        elif unknown := [c for c in side if c not in modelled]:
            problems.add(name, f"{len(unknown)} name(s) are not modelled columns of the dataset", reason="BAD_LINK")
    if set(left) & set(right):
        problems.add("config.link_columns_b", "shares columns with link_columns_a", reason="BAD_LINK")


def dataset_kinds(dataset: DatasetRow) -> dict[str, str]:
    return {c["name"]: (f"pii:{c['pii_entity']}" if c["kind"] == "pii" else c["kind"]) for c in dataset.columns}
