"""The report's attack section: each attack's figures and verdict, from the privacy package's results."""

from __future__ import annotations

from veil.privacy.leakage.attacks import AttackSuite
from veil.privacy.leakage.attacks.verdict import Thresholds, judge, worst
from veil.reports.model import AttackReport, AttackRisk, MembershipRisk


def attack_report(suite: AttackSuite, thresholds: Thresholds) -> AttackReport:
    """Judge every attack of ``suite`` against ``thresholds``; the report's verdict is the worst one."""
    risks = []
    for result in suite.risks:
        low, high = result.risk_interval
        risks.append(
            AttackRisk(
                attack=result.attack,
                mode=result.mode,
                attempts=result.attempts,
                main_rate=result.main_rate.value,
                control_rate=result.control_rate.value,
                baseline_rate=result.baseline_rate.value,
                risk=result.risk_value,
                risk_low=low,
                risk_high=high,
                beats_baseline=result.beats_baseline,
                verdict=judge(low, high, thresholds.risk_warn, thresholds.risk_fail),
                note=result.note,
            )
        )
    membership = []
    for result in suite.membership:
        by_auc = judge(*result.auc_interval, thresholds.auc_warn, thresholds.auc_fail)
        by_tpr = judge(*result.tpr_interval, thresholds.tpr_warn, thresholds.tpr_fail)
        membership.append(
            MembershipRisk(
                attack=result.attack,
                auc=result.auc,
                auc_low=result.auc_interval[0],
                auc_high=result.auc_interval[1],
                tpr_at_1pct_fpr=result.tpr_at_1pct_fpr,
                tpr_low=result.tpr_interval[0],
                tpr_high=result.tpr_interval[1],
                members=result.members,
                non_members=result.non_members,
                verdict=worst([by_auc, by_tpr]),
            )
        )
    verdicts = [r.verdict for r in risks] + [m.verdict for m in membership]
    return AttackReport(
        risks=risks,
        membership=membership,
        thresholds=thresholds.as_dict(),
        verdict=worst(verdicts) if verdicts else "inconclusive",
        rows_compared=suite.rows_compared,
        synthetic_rows_compared=suite.synthetic_rows_compared,
    )


def attack_seconds(suite: AttackSuite) -> dict[str, float]:
    """Seconds each kind of attack took (timings stay out of the figures, which a seed fixes)."""
    out: dict[str, float] = {}
    for result in suite.risks:
        key = f"attacks.{result.attack}"
        out[key] = round(out.get(key, 0.0) + result.seconds, 4)
    if suite.membership:
        out["attacks.membership"] = round(suite.membership[0].seconds, 4)
    return out
