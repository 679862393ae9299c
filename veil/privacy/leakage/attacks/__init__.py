"""Attacks on the synthetic rows (anonymeter's protocol, membership inference) and the risks they imply."""

from veil.privacy.leakage.attacks.membership import MembershipResult
from veil.privacy.leakage.attacks.risk import AttackResult, Rate, residual, wilson
from veil.privacy.leakage.attacks.run import AttackSuite, run_attacks

__all__ = ["AttackResult", "AttackSuite", "MembershipResult", "Rate", "residual", "run_attacks", "wilson"]
