"""The service's use of the privacy budget ledger: policies at upload, charges around syntheses.

A DP synthesis reserves its target (ε, δ) before its job is queued; the job
marks the charge touched (write-ahead) just before it reads the training
data, settles it with the accountant's figure when it succeeds, and releases
it when it fails or is cancelled: an untouched charge is refunded, a touched
one keeps what the engine had spent. A non-DP synthesis records a non-DP
charge, which the dataset's policy may refuse, and which voids the dataset's
guarantee once it touches the data.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from veil.privacy.dp import BudgetExhaustedError, BudgetStatement, PrivacyLedger
from veil.service.pipeline.context import ServiceContext
from veil.service.storage.db import DatasetRow

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PolicySpec:
    """The privacy policy an upload asks for (zeros and ``None`` mean the service's defaults)."""

    epsilon_budget: float = 0.0
    delta_budget: float = 0.0
    allow_non_dp: bool | None = None


def open_budget(ctx: ServiceContext, *, tenant: str, dataset_id: str, policy: PolicySpec) -> BudgetStatement:
    config = ctx.config
    return ctx.ledger.open_budget(
        tenant=tenant,
        dataset=dataset_id,
        epsilon=policy.epsilon_budget or config.default_epsilon_budget,
        delta=policy.delta_budget or config.default_delta_budget,
        allow_non_dp=config.default_allow_non_dp if policy.allow_non_dp is None else policy.allow_non_dp,
    )


def statement(ctx: ServiceContext, dataset: DatasetRow) -> BudgetStatement:
    """The dataset's budget; datasets stored before the ledger existed get the defaults."""
    config = ctx.config
    return ctx.ledger.ensure_budget(
        tenant=dataset.tenant,
        dataset=dataset.id,
        epsilon=config.default_epsilon_budget,
        delta=config.default_delta_budget,
        allow_non_dp=config.default_allow_non_dp,
    )


def reserve(
    ctx: ServiceContext, dataset: DatasetRow, *, synthesis_id: str, model: str, dp: bool, epsilon: float, delta: float
) -> str:
    """Charge the synthesis before its job exists; returns the charge id.

    Raises:
        BudgetExhaustedError: FAILED_PRECONDITION; ErrorInfo metadata says what is left.
        NonDpNotAllowedError: FAILED_PRECONDITION: the dataset's policy allows DP models only.
    """
    statement(ctx, dataset)
    ledger: PrivacyLedger = ctx.ledger
    try:
        if dp:
            charge = ledger.charge(
                tenant=dataset.tenant,
                dataset=dataset.id,
                synthesis=synthesis_id,
                mechanism=model,
                epsilon=epsilon,
                delta=delta,
            )
        else:
            charge = ledger.record_non_dp(
                tenant=dataset.tenant, dataset=dataset.id, synthesis=synthesis_id, mechanism=f"non_dp:{model}"
            )
    except BudgetExhaustedError as exc:
        exc.metadata = {
            "epsilon_remaining": f"{exc.epsilon_remaining:.6g}",
            "delta_remaining": f"{exc.delta_remaining:.6g}",
        }
        raise
    return charge.id
