"""Privacy accounting: zero-concentrated DP and DP-SGD, through Opacus's RDP analysis.

One currency for every DP engine: Rényi DP curves over a fixed grid of orders.

* A Gaussian measurement of ρ-zCDP has the RDP curve ``ε(α) = ρ·α`` at every order.
* A DP-SGD run (Poisson sampling rate ``q``, noise multiplier ``σ``, ``T`` steps)
  has the curve Opacus's ``compute_rdp`` gives.

Curves add under composition; the (ε, δ) a report states is Opacus's
``get_privacy_spent`` conversion of the summed curve (Balle et al. 2020,
Theorem 21). Calibration (the noise for a target ε) is a bisection over that
same computation, so the reported ε is by construction the accountant's.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import numpy as np
from opacus.accountants import RDPAccountant
from opacus.accountants.analysis import rdp as rdp_analysis

from veil.privacy.errors import PrivacyInvalidArgumentError

#: RDP orders: Opacus's defaults plus large orders, which small ρ (ε < 1) needs for a tight bound.
# fmt: off
ORDERS: tuple[float, ...] = tuple(RDPAccountant.DEFAULT_ALPHAS) + (
    64, 80, 96, 128, 160, 192, 256, 384, 512, 768, 1024, 2048, 4096, 8192)
# fmt: on

_ORDERS = np.asarray(ORDERS, dtype=float)


def check_target(*, epsilon: float, delta: float) -> None:
    """Raise when (ε, δ) is not a usable DP target (ε finite > 0, 0 < δ < 1)."""
    violations = []
    if not (isinstance(epsilon, (int, float)) and math.isfinite(epsilon) and epsilon > 0):
        violations.append(("config.epsilon", "must be a finite number > 0"))
    if not (isinstance(delta, (int, float)) and math.isfinite(delta) and 0 < delta < 1):
        violations.append(("config.delta", "must be in (0, 1)"))
    if violations:
        raise PrivacyInvalidArgumentError(
            "invalid privacy target", violations=violations, reason="INVALID_PRIVACY_TARGET"
        )


def epsilon_from_rdp(rdp: np.ndarray, delta: float) -> float:
    """The smallest ε over the order grid for a composed RDP curve at ``delta``."""
    if delta <= 0:
        return math.inf
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "optimal order is the largest alpha": the grid is wide on purpose
        eps, _ = rdp_analysis.get_privacy_spent(orders=list(ORDERS), rdp=np.asarray(rdp, float), delta=delta)
    return float(eps)


def zcdp_curve(rho: float) -> np.ndarray:
    """RDP curve of ρ-zCDP."""
    return rho * _ORDERS


def zcdp_epsilon(rho: float, delta: float) -> float:
    """ε of ρ-zCDP at ``delta``."""
    if rho <= 0:
        return 0.0
    return epsilon_from_rdp(zcdp_curve(rho), delta)


def zcdp_rho_for(epsilon: float, delta: float) -> float:
    """The largest ρ whose (ε, δ) conversion stays within ``epsilon`` (bisection in log space)."""
    check_target(epsilon=epsilon, delta=delta)
    lo, hi = 1e-12, max(1.0, epsilon)
    while zcdp_epsilon(hi, delta) < epsilon:
        hi *= 2
    for _ in range(200):
        mid = math.sqrt(lo * hi)
        if zcdp_epsilon(mid, delta) <= epsilon:
            lo = mid
        else:
            hi = mid
        if hi / lo < 1 + 1e-10:
            break
    return lo


def dpsgd_curve(*, noise_multiplier: float, sample_rate: float, steps: int) -> np.ndarray:
    """RDP curve of ``steps`` Poisson-subsampled Gaussian steps (Opacus's analysis)."""
    if steps <= 0:
        return np.zeros_like(_ORDERS)
    return np.asarray(
        rdp_analysis.compute_rdp(q=sample_rate, noise_multiplier=noise_multiplier, steps=steps, orders=list(ORDERS)),
        dtype=float,
    )


def dpsgd_epsilon(
    *, noise_multiplier: float, sample_rate: float, steps: int, delta: float, extra_rho: float = 0.0
) -> float:
    """ε of a DP-SGD run composed with ``extra_rho`` of zCDP spent elsewhere (e.g. preprocessing)."""
    curve = dpsgd_curve(noise_multiplier=noise_multiplier, sample_rate=sample_rate, steps=steps)
    return epsilon_from_rdp(curve + zcdp_curve(extra_rho), delta)


def dpsgd_noise_for(
    *, epsilon: float, delta: float, sample_rate: float, steps: int, extra_rho: float = 0.0, precision: float = 1e-4
) -> float:
    """The smallest noise multiplier whose composed ε stays within ``epsilon``.

    Raises:
        PrivacyInvalidArgumentError: ``extra_rho`` alone already spends ``epsilon``.
    """
    check_target(epsilon=epsilon, delta=delta)
    if zcdp_epsilon(extra_rho, delta) >= epsilon:
        raise PrivacyInvalidArgumentError(
            "the preprocessing share leaves nothing for training",
            violations=[("config.epsilon", "too small for this configuration")],
            reason="INVALID_PRIVACY_TARGET",
        )

    def eps(sigma: float) -> float:
        return dpsgd_epsilon(
            noise_multiplier=sigma, sample_rate=sample_rate, steps=steps, delta=delta, extra_rho=extra_rho
        )

    lo, hi = 0.0, 1.0
    while eps(hi) > epsilon:
        lo, hi = hi, hi * 2
        if hi > 1e6:
            raise PrivacyInvalidArgumentError(
                "no noise multiplier reaches the target",
                violations=[("config.epsilon", "unreachable for these steps")],
                reason="INVALID_PRIVACY_TARGET",
            )
    while hi - lo > precision * hi:
        mid = (lo + hi) / 2
        if eps(mid) > epsilon:
            lo = mid
        else:
            hi = mid
    return hi


@dataclass
class ZcdpBudget:
    """A ρ budget that data-touching steps draw from, in order, with what each was for.

    ``spend`` is called before the step touches the data; the list of spends
    is what the report shows as the engine's privacy ledger.
    """

    total_rho: float
    spends: list[tuple[str, float]] = field(default_factory=list)

    @property
    def spent(self) -> float:
        return float(sum(rho for _, rho in self.spends))

    @property
    def remaining(self) -> float:
        return max(0.0, self.total_rho - self.spent)

    def spend(self, purpose: str, rho: float) -> float:
        """Record ``rho`` for ``purpose``; returns it. Refuses to overspend (relative tolerance 1e-9)."""
        if not (rho > 0 and math.isfinite(rho)):
            raise ValueError("rho must be finite and > 0")
        if self.spent + rho > self.total_rho * (1 + 1e-9):
            raise RuntimeError(f"zCDP budget overspent by {purpose}")
        self.spends.append((purpose, float(rho)))
        return rho

    def to_dict(self) -> dict:
        return {"total_rho": self.total_rho, "spends": [[p, r] for p, r in self.spends]}

    @classmethod
    def from_dict(cls, data: dict) -> "ZcdpBudget":
        try:
            return cls(
                total_rho=float(data["total_rho"]), spends=[(str(p), float(r)) for p, r in data.get("spends", [])]
            )
        except (KeyError, TypeError, ValueError):
            raise PrivacyInvalidArgumentError("not a zCDP budget", violations=[("budget", "malformed")]) from None
