"""The report of a conditioned synthesis: per group, rows asked and made, and drift against the holdout rows
that meet the same constraints."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from veil.core.conditions import ConditionGroup
from veil.core.kinds import MODELLED_KINDS
from veil.reports.drift import column_drift, mean_score
from veil.reports.errors import ConditionExtrapolationWarning, ReportWarning
from veil.reports.frames import normalise
from veil.reports.model import ConditionGroupReport

MIN_HOLDOUT_ROWS = 20
"""Fewer matching holdout rows than this make a group's drift too noisy to report."""


def condition_reports(
    groups: Sequence[ConditionGroup],
    synthetic: pd.DataFrame,
    holdout: pd.DataFrame,
    kinds: Mapping[str, str],
    how: Sequence[Mapping[str, object]],
) -> tuple[list[ConditionGroupReport], list[ReportWarning]]:
    """One report per group (its rows are ``synthetic``'s next ``group.rows``), and the warnings they raise.

    Args:
        groups: The synthesis's condition groups, in order.
        synthetic: The released rows, the groups' rows one after the other.
        holdout: The holdout rows.
        kinds: Column kinds.
        how: Per group, the engine's record of how it met it (``method``, ``rows_drawn``).
    """
    modelled = [c for c, k in kinds.items() if k in MODELLED_KINDS and c in synthetic.columns]
    reports, warnings, offset = [], [], 0
    for index, (group, record) in enumerate(zip(groups, how, strict=True)):
        rows = synthetic.iloc[offset : offset + group.rows]
        offset += group.rows
        like = holdout[group.holds(holdout, kinds)] if len(holdout) else holdout
        score = float("nan")
        if len(like) >= MIN_HOLDOUT_ROWS and modelled:
            real, made = normalise(like, kinds, modelled), normalise(rows, kinds, modelled)
            drift = column_drift(train=real, holdout=real, synthetic=made, kinds=kinds, columns=modelled)
            score = mean_score([d.score_vs_holdout for d in drift])
        if len(like) == 0:
            warnings.append(
                ConditionExtrapolationWarning(
                    f"condition group {index}: no holdout row meets its constraints, so its rows are the model's "
                    "extrapolation, not a resemblance the data can confirm"
                )
            )
        reports.append(
            ConditionGroupReport(
                group=index,
                rows_asked=group.rows,
                rows_made=int(group.holds(rows, kinds).sum()),
                method=str(record["method"]),
                rows_drawn=int(record["rows_drawn"]),
                holdout_rows=len(like),
                column_shape_score=score,
                share=len(rows) / len(synthetic) if len(synthetic) else 0.0,
                where=[
                    {"column": c.column, "values": list(c.values), "low": c.low, "high": c.high, "exclude": c.exclude}
                    for c in group.where
                ],
                training_rows=int(record.get("training_rows", 0)),
            )
        )
    return reports, warnings
