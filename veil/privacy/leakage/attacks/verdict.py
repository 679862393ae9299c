"""Pass / warn / fail for each attack, against thresholds a request may tighten.

A verdict weighs what an attack showed, not what it could not rule out: a risk (singling-out,
linkability, inference) warns when its whole 95% interval lies above ``warn`` and fails when it lies
above ``fail``; otherwise it passes (the attack did not show a risk above ``warn``). This is the rule by
which ``max_risk`` refuses a release. Membership inference is judged the same way on its AUC and on its
TPR at 1% FPR. A figure that could not be computed is "inconclusive".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# fmt: off
RISK_WARN = 0.05      # a risk shown above 5%: more than a residual one
RISK_FAIL = 0.20      # a risk shown above 20%: one attack in five on a training row succeeds beyond chance
AUC_WARN = 0.60       # detection AUC's goal: a membership attacker no better than this is a near coin
AUC_FAIL = 0.75
TPR_WARN = 0.05       # 5x the 1% an attacker catches by chance
TPR_FAIL = 0.20
# fmt: on


@dataclass(frozen=True)
class Thresholds:
    """Where a risk starts to warn and to fail; ``tightened`` lowers them to a request's ``max_risk``."""

    risk_warn: float = RISK_WARN
    risk_fail: float = RISK_FAIL
    auc_warn: float = AUC_WARN
    auc_fail: float = AUC_FAIL
    tpr_warn: float = TPR_WARN
    tpr_fail: float = TPR_FAIL

    def tightened(self, max_risk: float) -> Thresholds:
        if not max_risk or max_risk <= 0:
            return self
        return Thresholds(
            risk_warn=min(self.risk_warn, max_risk),
            risk_fail=min(self.risk_fail, max_risk),
            auc_warn=self.auc_warn,
            auc_fail=self.auc_fail,
            tpr_warn=min(self.tpr_warn, max_risk),
            tpr_fail=min(self.tpr_fail, max_risk),
        )

    def as_dict(self) -> dict[str, float]:
        return dict(self.__dict__)


def judge(low: float, high: float, warn: float, fail: float) -> str:
    """ "fail" when the interval lies above ``fail``, "warn" when above ``warn``, else "pass"."""
    if math.isnan(low) or math.isnan(high):
        return "inconclusive"
    if low > fail:
        return "fail"
    if low > warn:
        return "warn"
    return "pass"


ORDER = {"pass": 0, "inconclusive": 1, "warn": 2, "fail": 3}


def worst(verdicts: list[str]) -> str:
    """The most severe of ``verdicts`` ("pass" when there are none)."""
    return max(verdicts, key=ORDER.__getitem__, default="pass")
