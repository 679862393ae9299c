"""Attack success rates and the risk they imply, with 95% confidence intervals (anonymeter's protocol).

Each attack runs three times: against the training rows (main), against the holdout that no model saw
(control: what the synthetic rows reveal about anyone, member or not) and as a random guess (baseline).
A success rate is the Wilson score estimate of ``successes / attempts``; the risk is the share of the
main attack's success that the control does not explain::

    risk = (main - control) / (1 - control)

with first-order error propagation for its interval, clipped to [0, 1] (Giomi et al., PoPETs 2023).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from scipy.stats import norm

CONFIDENCE = 0.95


@dataclass(frozen=True)
class Rate:
    """A Wilson score estimate of a success rate and the half-width of its interval."""

    value: float
    error: float

    @property
    def interval(self) -> tuple[float, float]:
        return _clip(self.value - self.error), _clip(self.value + self.error)


def _z(confidence: float) -> float:
    return float(norm.ppf((1.0 + confidence) / 2.0))


def _clip(value: float) -> float:
    return min(1.0, max(0.0, value))


def auc_interval(auc: float, positives: int, negatives: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Hanley and McNeil's standard error of a ROC AUC, as a normal interval clipped to [0, 1]."""
    if not (0.0 < auc < 1.0) or positives == 0 or negatives == 0:
        return (auc, auc)
    q1, q2 = auc / (2.0 - auc), 2.0 * auc * auc / (1.0 + auc)
    variance = (auc * (1.0 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) / (
        positives * negatives
    )
    half = _z(confidence) * math.sqrt(max(variance, 0.0))
    return _clip(auc - half), _clip(auc + half)


def wilson(successes: int, attempts: int, confidence: float = CONFIDENCE) -> Rate:
    """The Wilson score centre and half-width of ``successes`` out of ``attempts`` (no continuity correction)."""
    if attempts <= 0:
        return Rate(math.nan, math.nan)
    z = _z(confidence)
    k, n = float(successes), float(attempts)
    centre = (k + z * z / 2.0) / (n + z * z)
    error = z / (n + z * z) * math.sqrt(k * (n - k) / n + z * z / 4.0)
    return Rate(centre, error)


def residual(main: Rate, control: Rate) -> Rate:
    """The part of the main rate that the control rate does not explain, and its propagated error."""
    if not (main.value == main.value and control.value == control.value) or control.value >= 1.0:
        return Rate(math.nan, math.nan)
    gap = 1.0 - control.value
    value = (main.value - control.value) / gap
    error = math.sqrt((main.error / gap) ** 2 + (control.error * (main.value - 1.0) / gap**2) ** 2)
    return Rate(value, error)


@dataclass(frozen=True)
class AttackResult:
    """One attack's counts, rates and risk (``mode`` says which variant: univariate, a secret column...)."""

    attack: str
    mode: str
    attempts: int
    main_successes: int
    control_successes: int
    baseline_successes: int
    seconds: float = 0.0
    note: str = ""

    @property
    def main_rate(self) -> Rate:
        return wilson(self.main_successes, self.attempts)

    @property
    def control_rate(self) -> Rate:
        return wilson(self.control_successes, self.attempts)

    @property
    def baseline_rate(self) -> Rate:
        return wilson(self.baseline_successes, self.attempts)

    @property
    def risk(self) -> Rate:
        return residual(self.main_rate, self.control_rate)

    @property
    def risk_interval(self) -> tuple[float, float]:
        risk = self.risk
        return (math.nan, math.nan) if risk.value != risk.value else risk.interval

    @property
    def risk_value(self) -> float:
        value = self.risk.value
        return value if value != value else _clip(value)

    @property
    def beats_baseline(self) -> bool:
        """Whether the attack did better than guessing; when not, its figures say little either way."""
        return self.main_rate.value > self.baseline_rate.value
