"""The privacy budget ledger's serializable records: charges and budget statements."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from veil.privacy.dp.errors import LedgerError
from veil.privacy.dp.validation import REL_TOL, _amount, _choice, _delta, _epsilon, _fits, _flag, _keys, _real, _text

KINDS = ("dp", "non_dp")
STATES = ("held", "spent", "refunded")
_ID_RE = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class Charge:
    """One charge against a dataset's budget.

    Attributes:
        id: uuid4 hex.
        tenant: Tenant id.
        dataset: Dataset id.
        synthesis: Synthesis id (``""`` allowed).
        mechanism: Engine name, e.g. ``"dp_marginal"`` or ``"non_dp:gaussian_copula"``.
        kind: ``"dp"`` or ``"non_dp"``.
        epsilon: Epsilon reserved (0 for non-DP).
        delta: Delta reserved (0 for non-DP).
        epsilon_spent: Epsilon counted against the budget (== ``epsilon`` while held).
        delta_spent: Delta counted against the budget (== ``delta`` while held).
        state: ``"held"``, ``"spent"`` or ``"refunded"``.
        touched: True once the job started reading the data.
        create_time: Unix seconds.
        update_time: Unix seconds.
    """

    id: str
    tenant: str
    dataset: str
    synthesis: str
    mechanism: str
    kind: str
    epsilon: float
    delta: float
    epsilon_spent: float
    delta_spent: float
    state: str
    touched: bool
    create_time: float
    update_time: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-compatible dict; inverse of :meth:`from_dict`."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Charge:
        """Validate and decode a dict made by :meth:`to_dict`.

        Raises:
            LedgerError: ``data`` is not a consistent charge.
        """
        d = _keys(data, cls, "charge")
        if not isinstance(d["id"], str) or not _ID_RE.fullmatch(d["id"]):
            raise LedgerError("charge id must be 32 lowercase hex digits", violations=[("id", "not a uuid4 hex")])
        kind = _choice(d["kind"], "kind", KINDS)
        state = _choice(d["state"], "state", STATES)
        if kind == "dp":
            epsilon, delta = _epsilon(d["epsilon"]), _delta(d["delta"])
        else:
            epsilon, delta = _amount(d["epsilon"], "epsilon"), _amount(d["delta"], "delta")
            if epsilon or delta:
                raise LedgerError(
                    "a non-DP charge reserves no budget",
                    violations=[("epsilon", "must be 0 for non_dp"), ("delta", "must be 0 for non_dp")],
                )
        eps_spent, delta_spent = _amount(d["epsilon_spent"], "epsilon_spent"), _amount(d["delta_spent"], "delta_spent")
        expected = {"held": (epsilon, delta), "refunded": (0.0, 0.0)}.get(state)
        if expected is not None and (eps_spent, delta_spent) != expected:
            raise LedgerError(
                f"the spent amounts of a {state} charge are inconsistent with its state",
                violations=[
                    ("epsilon_spent", f"inconsistent with state {state}"),
                    ("delta_spent", f"inconsistent with state {state}"),
                ],
            )
        if not (_fits(0.0, eps_spent, epsilon) and _fits(0.0, delta_spent, delta)):
            raise LedgerError(
                "a charge cannot spend more than it reserved", violations=[("epsilon_spent", "exceeds the reservation")]
            )
        return cls(
            id=d["id"],
            tenant=_text(d["tenant"], "tenant"),
            dataset=_text(d["dataset"], "dataset"),
            synthesis=_text(d["synthesis"], "synthesis", empty=True),
            mechanism=_text(d["mechanism"], "mechanism"),
            kind=kind,
            epsilon=epsilon,
            delta=delta,
            epsilon_spent=eps_spent,
            delta_spent=delta_spent,
            state=state,
            touched=_flag(d["touched"], "touched"),
            create_time=_real(d["create_time"], "create_time"),
            update_time=_real(d["update_time"], "update_time"),
        )


@dataclass(frozen=True)
class BudgetStatement:
    """A dataset's budget and every charge against it.

    Attributes:
        tenant: Tenant id.
        dataset: Dataset id.
        epsilon_total: Total epsilon.
        delta_total: Total delta.
        allow_non_dp: Whether models without a DP guarantee may be trained.
        epsilon_spent: Sum of ``epsilon_spent`` over held and spent charges.
        delta_spent: Sum of ``delta_spent`` over held and spent charges.
        epsilon_remaining: ``max(0, epsilon_total - epsilon_spent)``.
        delta_remaining: ``max(0, delta_total - delta_spent)``.
        guarantee_void: True when a non-DP charge exists that is not refunded.
        charges: Charges, oldest first.
        create_time: Unix seconds.
    """

    tenant: str
    dataset: str
    epsilon_total: float
    delta_total: float
    allow_non_dp: bool
    epsilon_spent: float
    delta_spent: float
    epsilon_remaining: float
    delta_remaining: float
    guarantee_void: bool
    charges: tuple[Charge, ...]
    create_time: float

    @classmethod
    def _build(
        cls,
        *,
        tenant: str,
        dataset: str,
        epsilon_total: float,
        delta_total: float,
        allow_non_dp: bool,
        create_time: float,
        charges: Iterable[Charge],
    ) -> BudgetStatement:
        """A statement with the derived fields computed from ``charges``."""
        charges = tuple(charges)
        counted = [c for c in charges if c.state != "refunded"]
        eps_spent = math.fsum(c.epsilon_spent for c in counted)
        delta_spent = math.fsum(c.delta_spent for c in counted)
        return cls(
            tenant=tenant,
            dataset=dataset,
            epsilon_total=epsilon_total,
            delta_total=delta_total,
            allow_non_dp=allow_non_dp,
            epsilon_spent=eps_spent,
            delta_spent=delta_spent,
            epsilon_remaining=max(0.0, epsilon_total - eps_spent),
            delta_remaining=max(0.0, delta_total - delta_spent),
            guarantee_void=any(c.kind == "non_dp" for c in counted),
            charges=charges,
            create_time=create_time,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-compatible dict (charges as a list); inverse of :meth:`from_dict`."""
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "charges"}
        data["charges"] = [c.to_dict() for c in self.charges]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BudgetStatement:
        """Validate and decode a dict made by :meth:`to_dict`.

        The derived fields (spent, remaining, guarantee_void) must agree with
        the charges.

        Raises:
            LedgerError: ``data`` is not a consistent statement.
        """
        d = _keys(data, cls, "statement")
        tenant, dataset = _text(d["tenant"], "tenant"), _text(d["dataset"], "dataset")
        if not isinstance(d["charges"], (list, tuple)):
            raise LedgerError("charges must be a list", violations=[("charges", "not a list")])
        charges = tuple(Charge.from_dict(c) for c in d["charges"])
        if any((c.tenant, c.dataset) != (tenant, dataset) for c in charges):
            raise LedgerError("a charge belongs to another dataset", violations=[("charges", "wrong dataset")])
        built = cls._build(
            tenant=tenant,
            dataset=dataset,
            epsilon_total=_epsilon(d["epsilon_total"], "epsilon_total"),
            delta_total=_delta(d["delta_total"], "delta_total"),
            allow_non_dp=_flag(d["allow_non_dp"], "allow_non_dp"),
            create_time=_real(d["create_time"], "create_time"),
            charges=charges,
        )
        for name in ("epsilon_spent", "delta_spent", "epsilon_remaining", "delta_remaining"):
            if not math.isclose(_real(d[name], name), getattr(built, name), rel_tol=REL_TOL, abs_tol=1e-15):
                raise LedgerError(f"{name} disagrees with the charges", violations=[(name, "inconsistent")])
        if _flag(d["guarantee_void"], "guarantee_void") != built.guarantee_void:
            raise LedgerError(
                "guarantee_void disagrees with the charges", violations=[("guarantee_void", "inconsistent")]
            )
        return built


__all__ = [
    "BudgetStatement",
    "Charge",
]
