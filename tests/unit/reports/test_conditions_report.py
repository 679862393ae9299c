"""The conditioned synthesis's report: per group counts, drift against the like holdout rows, extrapolation."""

from __future__ import annotations

import numpy as np
import pandas as pd

from veil.core.conditions import ConditionGroup, Constraint
from veil.reports.conditions import MIN_HOLDOUT_ROWS, condition_reports

KINDS = {"age": "numeric", "job": "categorical"}


def test_groups_are_read_in_order_and_compared_with_the_holdout_rows_like_them():
    rng = np.random.default_rng(1)
    holdout = pd.DataFrame({"age": rng.normal(40, 10, 400).round(), "job": rng.choice(["a", "b"], 400)})
    old = ConditionGroup(rows=30, where=(Constraint("age", low=50),))
    astronaut = ConditionGroup(rows=10, where=(Constraint("job", values=("astronaut",)),))
    synthetic = pd.concat(
        [
            pd.DataFrame({"age": rng.normal(58, 5, 30).round().clip(50), "job": rng.choice(["a", "b"], 30)}),
            pd.DataFrame({"age": [30.0] * 10, "job": ["astronaut"] * 10}),
        ],
        ignore_index=True,
    )
    how = [{"method": "rejection", "rows_drawn": 300}, {"method": "rejection", "rows_drawn": 10}]
    reports, warnings = condition_reports([old, astronaut], synthetic, holdout, KINDS, how)
    assert [(r.group, r.rows_asked, r.rows_made, r.rows_drawn) for r in reports] == [(0, 30, 30, 300), (1, 10, 10, 10)]
    assert reports[0].holdout_rows == int((holdout.age >= 50).sum()) >= MIN_HOLDOUT_ROWS
    assert 0 < reports[0].column_shape_score <= 1
    assert reports[1].holdout_rows == 0 and np.isnan(reports[1].column_shape_score)
    assert len(warnings) == 1 and "condition group 1" in str(warnings[0]) and "astronaut" not in str(warnings[0])
