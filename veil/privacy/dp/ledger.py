"""Differential-privacy budget ledger (SQLite, WAL).

Every dataset, identified by ``(tenant, dataset)``, has a total budget
``(epsilon_total, delta_total)`` and a policy on non-DP models. A DP synthesis
charges its ``(epsilon, delta)`` before it starts; charges compose by basic
sequential composition (epsilons add, deltas add).

A charge's life::

    charge()/record_non_dp() -> "held"  (counts in full against the budget)
    mark_touched()           -> the job is about to read the data (write-ahead)
    settle()                 -> "spent" with what the accountant says was used
    release()                -> untouched: "refunded"; touched: "spent" (partial)
    recover()                -> held charges of a dead process: untouched refunded,
                                touched spent in full (the partial spend is unknown)

Every write is one ``BEGIN IMMEDIATE`` transaction, so concurrent charges from
threads or processes sharing the file can never overspend. Log lines carry ids
and numbers only.
"""

from __future__ import annotations

import logging
import math
import numbers
import os
import pathlib
import re
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from typing import Any

from veil.privacy.errors import PrivacyError

logger = logging.getLogger(__name__)

# Relative slack for float sums, so that ten charges of 0.1 fit a budget of 1.0.
REL_TOL = 1e-9

KINDS = ("dp", "non_dp")
STATES = ("held", "spent", "refunded")
_ID_RE = re.compile(r"[0-9a-f]{32}")

SCHEMA = """
CREATE TABLE IF NOT EXISTS budgets (
    tenant TEXT NOT NULL,
    dataset TEXT NOT NULL,
    epsilon_total REAL NOT NULL,
    delta_total REAL NOT NULL,
    allow_non_dp INTEGER NOT NULL,
    create_time REAL NOT NULL,
    PRIMARY KEY (tenant, dataset)
);
CREATE TABLE IF NOT EXISTS charges (
    id TEXT PRIMARY KEY,
    tenant TEXT NOT NULL,
    dataset TEXT NOT NULL,
    synthesis TEXT NOT NULL,
    mechanism TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('dp', 'non_dp')),
    epsilon REAL NOT NULL,
    delta REAL NOT NULL,
    epsilon_spent REAL NOT NULL,
    delta_spent REAL NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('held', 'spent', 'refunded')),
    touched INTEGER NOT NULL,
    create_time REAL NOT NULL,
    update_time REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS charges_by_dataset ON charges (tenant, dataset);
"""


# --------------------------------------------------------------------------- errors
class LedgerError(PrivacyError):
    """A ledger argument or serialized record is invalid."""

    code = "INVALID_ARGUMENT"
    reason = "INVALID_PRIVACY_BUDGET"


class BudgetExhaustedError(PrivacyError):
    """A charge would overspend the dataset's privacy budget.

    Attributes:
        epsilon_remaining: Epsilon left before the refused charge.
        delta_remaining: Delta left before the refused charge.
    """

    code = "FAILED_PRECONDITION"
    reason = "PRIVACY_BUDGET_EXHAUSTED"

    def __init__(
        self,
        message: str,
        *,
        epsilon_remaining: float,
        delta_remaining: float,
        violations: Iterable[tuple[str, str]] = (),
    ) -> None:
        super().__init__(message, violations=violations)
        self.epsilon_remaining = float(epsilon_remaining)
        self.delta_remaining = float(delta_remaining)


class NonDpNotAllowedError(PrivacyError):
    """The dataset's policy forbids models without a DP guarantee."""

    code = "FAILED_PRECONDITION"
    reason = "NON_DP_NOT_ALLOWED"


class UnknownBudgetError(PrivacyError):
    """No budget is open for the dataset."""

    code = "NOT_FOUND"
    reason = "PRIVACY_BUDGET_NOT_FOUND"


class UnknownChargeError(PrivacyError):
    """No charge has the given id."""

    code = "NOT_FOUND"
    reason = "PRIVACY_CHARGE_NOT_FOUND"


class BudgetExistsError(PrivacyError):
    """A budget is already open for the dataset."""

    code = "ALREADY_EXISTS"
    reason = "PRIVACY_BUDGET_EXISTS"


def _closed(charge: Charge) -> LedgerError:
    return LedgerError(
        f"privacy charge {charge.id} is already {charge.state}",
        violations=[("charge", f"state is {charge.state}")],
        code="FAILED_PRECONDITION",
        reason="CHARGE_CLOSED",
    )


# --------------------------------------------------------------------------- validation
def _real(value: Any, field: str) -> float:
    """A finite real number (bools refused) as a float."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise LedgerError(f"{field} must be a finite number", violations=[(field, "not a finite number")])
    return float(value)


def _epsilon(value: Any, field: str = "epsilon") -> float:
    eps = _real(value, field)
    if eps <= 0:
        raise LedgerError(f"{field} must be > 0", violations=[(field, "must be > 0")])
    return eps


def _delta(value: Any, field: str = "delta") -> float:
    delta = _real(value, field)
    if not 0 <= delta < 1:
        raise LedgerError(f"{field} must be in [0, 1)", violations=[(field, "must be in [0, 1)")])
    return delta


def _amount(value: Any, field: str) -> float:
    amount = _real(value, field)
    if amount < 0:
        raise LedgerError(f"{field} must be >= 0", violations=[(field, "must be >= 0")])
    return amount


def _text(value: Any, field: str, *, empty: bool = False) -> str:
    if not isinstance(value, str) or (not value and not empty):
        what = "a string" if empty else "a non-empty string"
        raise LedgerError(f"{field} must be {what}", violations=[(field, f"not {what}")])
    return value


def _flag(value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        raise LedgerError(f"{field} must be a bool", violations=[(field, "not a bool")])
    return value


def _choice(value: Any, field: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise LedgerError(f"{field} must be one of {', '.join(allowed)}", violations=[(field, "unknown value")])
    return value


def _keys(data: Any, cls: type, what: str) -> Mapping[str, Any]:
    """``data`` is a mapping with exactly the dataclass's fields."""
    if not isinstance(data, Mapping):
        raise LedgerError(f"{what} must be a mapping", violations=[(what, "not a mapping")])
    expected = {f.name for f in fields(cls)}
    missing, extra = sorted(expected - set(data)), sorted(set(data) - expected)
    if missing or extra:
        violations = [(k, "missing") for k in missing] + [(str(k), "unknown field") for k in extra]
        raise LedgerError(f"{what} has missing or unknown fields", violations=violations)
    return data


def _fits(spent: float, amount: float, total: float) -> bool:
    return spent + amount <= total * (1 + REL_TOL)


# --------------------------------------------------------------------------- records
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
                raise LedgerError("a non-DP charge reserves no budget",
                                  violations=[("epsilon", "must be 0 for non_dp"), ("delta", "must be 0 for non_dp")])
        eps_spent, delta_spent = _amount(d["epsilon_spent"], "epsilon_spent"), _amount(d["delta_spent"], "delta_spent")
        expected = {"held": (epsilon, delta), "refunded": (0.0, 0.0)}.get(state)
        if expected is not None and (eps_spent, delta_spent) != expected:
            raise LedgerError(f"the spent amounts of a {state} charge are inconsistent with its state",
                              violations=[("epsilon_spent", f"inconsistent with state {state}"),
                                          ("delta_spent", f"inconsistent with state {state}")])
        if not (_fits(0.0, eps_spent, epsilon) and _fits(0.0, delta_spent, delta)):
            raise LedgerError("a charge cannot spend more than it reserved",
                              violations=[("epsilon_spent", "exceeds the reservation")])
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
    def _build(cls, *, tenant: str, dataset: str, epsilon_total: float, delta_total: float,
              allow_non_dp: bool, create_time: float, charges: Iterable[Charge]) -> BudgetStatement:
        """A statement with the derived fields computed from ``charges``."""
        charges = tuple(charges)
        counted = [c for c in charges if c.state != "refunded"]
        eps_spent = math.fsum(c.epsilon_spent for c in counted)
        delta_spent = math.fsum(c.delta_spent for c in counted)
        return cls(
            tenant=tenant, dataset=dataset, epsilon_total=epsilon_total, delta_total=delta_total,
            allow_non_dp=allow_non_dp, epsilon_spent=eps_spent, delta_spent=delta_spent,
            epsilon_remaining=max(0.0, epsilon_total - eps_spent), delta_remaining=max(0.0, delta_total - delta_spent),
            guarantee_void=any(c.kind == "non_dp" for c in counted), charges=charges, create_time=create_time,
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
            tenant=tenant, dataset=dataset, epsilon_total=_epsilon(d["epsilon_total"], "epsilon_total"),
            delta_total=_delta(d["delta_total"], "delta_total"), allow_non_dp=_flag(d["allow_non_dp"], "allow_non_dp"),
            create_time=_real(d["create_time"], "create_time"), charges=charges,
        )
        for name in ("epsilon_spent", "delta_spent", "epsilon_remaining", "delta_remaining"):
            if not math.isclose(_real(d[name], name), getattr(built, name), rel_tol=REL_TOL, abs_tol=1e-15):
                raise LedgerError(f"{name} disagrees with the charges", violations=[(name, "inconsistent")])
        if _flag(d["guarantee_void"], "guarantee_void") != built.guarantee_void:
            raise LedgerError("guarantee_void disagrees with the charges",
                              violations=[("guarantee_void", "inconsistent")])
        return built


def _charge_from_row(row: sqlite3.Row) -> Charge:
    return Charge(
        id=row["id"], tenant=row["tenant"], dataset=row["dataset"], synthesis=row["synthesis"],
        mechanism=row["mechanism"], kind=row["kind"], epsilon=float(row["epsilon"]), delta=float(row["delta"]),
        epsilon_spent=float(row["epsilon_spent"]), delta_spent=float(row["delta_spent"]), state=row["state"],
        touched=bool(row["touched"]), create_time=float(row["create_time"]), update_time=float(row["update_time"]),
    )


# --------------------------------------------------------------------------- ledger
class PrivacyLedger:
    """The privacy budgets of every dataset, in one SQLite file.

    Thread-safe (one connection behind a lock). Several instances, in one
    process or many, may share the file: every write is a ``BEGIN IMMEDIATE``
    transaction, which SQLite serialises.
    """

    def __init__(self, path: str | os.PathLike) -> None:
        """Open (or create) the ledger file, its parent directory and tables."""
        self.path = pathlib.Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(self.path, timeout=30.0, check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        # Wait for other writers instead of failing: charges are short transactions.
        self._conn.execute("PRAGMA busy_timeout=30000")
        self._conn.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed charge or touch must survive a power loss, not just a crash.
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.executescript(SCHEMA)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()

    @contextmanager
    def _transaction(self, *, write: bool = True) -> Iterator[sqlite3.Connection]:
        # Reads use a deferred transaction too, so a statement is one consistent snapshot.
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    # ------------------------------------------------------------ budgets
    def open_budget(self, *, tenant: str, dataset: str, epsilon: float, delta: float,
                    allow_non_dp: bool) -> BudgetStatement:
        """Open a dataset's budget.

        Raises:
            BudgetExistsError: The dataset already has a budget.
            LedgerError: ``epsilon`` is not finite and > 0, or ``delta`` not in [0, 1).
        """
        return self._open(tenant=tenant, dataset=dataset, epsilon=epsilon, delta=delta,
                          allow_non_dp=allow_non_dp, exist_ok=False)

    def ensure_budget(self, *, tenant: str, dataset: str, epsilon: float, delta: float,
                      allow_non_dp: bool) -> BudgetStatement:
        """Open a dataset's budget if it has none, else return the existing one unchanged.

        For datasets created before the ledger existed.

        Raises:
            LedgerError: Invalid arguments (checked even when the budget exists).
        """
        _text(tenant, "tenant"), _text(dataset, "dataset"), _epsilon(epsilon), _delta(delta)
        _flag(allow_non_dp, "allow_non_dp")
        try:  # the common case is a read: no write lock on GetDataset / ListDatasets paths
            return self.statement(tenant=tenant, dataset=dataset)
        except UnknownBudgetError:
            pass
        return self._open(tenant=tenant, dataset=dataset, epsilon=epsilon, delta=delta,
                          allow_non_dp=allow_non_dp, exist_ok=True)

    def _open(self, *, tenant: str, dataset: str, epsilon: float, delta: float, allow_non_dp: bool,
              exist_ok: bool) -> BudgetStatement:
        tenant, dataset = _text(tenant, "tenant"), _text(dataset, "dataset")
        epsilon, delta = _epsilon(epsilon), _delta(delta)
        allow_non_dp = _flag(allow_non_dp, "allow_non_dp")
        with self._transaction() as conn:
            inserted = conn.execute(
                "INSERT OR IGNORE INTO budgets VALUES (?,?,?,?,?,?)",
                (tenant, dataset, epsilon, delta, int(allow_non_dp), time.time())).rowcount
            if not inserted and not exist_ok:
                raise BudgetExistsError(f"datasets/{dataset} already has a privacy budget",
                                        violations=[("dataset", "budget already open")])
            statement = self._statement(conn, tenant, dataset)
        if inserted:
            logger.info("privacy budget opened for %s/%s: epsilon=%g delta=%g allow_non_dp=%d",
                        tenant, dataset, epsilon, delta, allow_non_dp)
        return statement

    def statement(self, *, tenant: str, dataset: str) -> BudgetStatement:
        """The dataset's budget and charges.

        Raises:
            UnknownBudgetError: The dataset has no budget.
        """
        with self._transaction(write=False) as conn:
            return self._statement(conn, tenant, dataset)

    def _statement(self, conn: sqlite3.Connection, tenant: str, dataset: str) -> BudgetStatement:
        row = conn.execute("SELECT * FROM budgets WHERE tenant=? AND dataset=?", (tenant, dataset)).fetchone()
        if row is None:
            raise UnknownBudgetError(f"datasets/{dataset} has no privacy budget",
                                     violations=[("dataset", "no privacy budget")])
        charges = conn.execute("SELECT * FROM charges WHERE tenant=? AND dataset=? ORDER BY rowid",
                               (tenant, dataset)).fetchall()
        return BudgetStatement._build(
            tenant=tenant, dataset=dataset, epsilon_total=float(row["epsilon_total"]),
            delta_total=float(row["delta_total"]), allow_non_dp=bool(row["allow_non_dp"]),
            create_time=float(row["create_time"]), charges=map(_charge_from_row, charges),
        )

    def delete_dataset(self, *, tenant: str, dataset: str) -> None:
        """Remove the dataset's budget and all its charges (no error if it has none)."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM charges WHERE tenant=? AND dataset=?", (tenant, dataset))
            conn.execute("DELETE FROM budgets WHERE tenant=? AND dataset=?", (tenant, dataset))
        logger.info("privacy budget deleted for %s/%s", tenant, dataset)

    # ------------------------------------------------------------ charges
    def charge(self, *, tenant: str, dataset: str, synthesis: str, mechanism: str,
               epsilon: float, delta: float) -> Charge:
        """Reserve ``(epsilon, delta)`` for a DP synthesis before it starts.

        Raises:
            UnknownBudgetError: The dataset has no budget.
            BudgetExhaustedError: The charge would overspend epsilon or delta.
            LedgerError: ``epsilon`` is not finite and > 0, or ``delta`` not in [0, 1).
        """
        epsilon, delta = _epsilon(epsilon), _delta(delta)
        synthesis, mechanism = _text(synthesis, "synthesis", empty=True), _text(mechanism, "mechanism")
        with self._transaction() as conn:
            st = self._statement(conn, tenant, dataset)
            eps_ok = _fits(st.epsilon_spent, epsilon, st.epsilon_total)
            delta_ok = _fits(st.delta_spent, delta, st.delta_total)
            if not (eps_ok and delta_ok):
                raise self._exhausted(st, epsilon, delta, eps_ok=eps_ok, delta_ok=delta_ok)
            charge = self._insert(conn, st, synthesis=synthesis, mechanism=mechanism, kind="dp",
                                  epsilon=epsilon, delta=delta)
        logger.info("privacy charge %s held for %s/%s: epsilon=%g delta=%g",
                    charge.id, tenant, dataset, epsilon, delta)
        return charge

    @staticmethod
    def _exhausted(st: BudgetStatement, epsilon: float, delta: float, *, eps_ok: bool,
                   delta_ok: bool) -> BudgetExhaustedError:
        violations = []
        if not eps_ok:
            remaining = f"{st.epsilon_remaining:g} of {st.epsilon_total:g}"
            violations.append(("config.epsilon", f"epsilon {epsilon:g} exceeds the remaining {remaining}"))
        if not delta_ok:
            remaining = f"{st.delta_remaining:g} of {st.delta_total:g}"
            violations.append(("config.delta", f"delta {delta:g} exceeds the remaining {remaining}"))
        logger.warning("privacy charge refused for %s/%s: epsilon=%g delta=%g epsilon_remaining=%g "
                       "delta_remaining=%g", st.tenant, st.dataset, epsilon, delta,
                       st.epsilon_remaining, st.delta_remaining)
        return BudgetExhaustedError(
            f"charging epsilon={epsilon:g} delta={delta:g} would overspend datasets/{st.dataset}'s privacy "
            f"budget: epsilon {st.epsilon_remaining:g} of {st.epsilon_total:g} and delta "
            f"{st.delta_remaining:g} of {st.delta_total:g} remain",
            epsilon_remaining=st.epsilon_remaining, delta_remaining=st.delta_remaining, violations=violations,
        )

    def record_non_dp(self, *, tenant: str, dataset: str, synthesis: str, mechanism: str) -> Charge:
        """Record a synthesis without a DP guarantee (voids the dataset's guarantee).

        Raises:
            UnknownBudgetError: The dataset has no budget.
            NonDpNotAllowedError: The dataset's policy allows only DP models.
        """
        synthesis, mechanism = _text(synthesis, "synthesis", empty=True), _text(mechanism, "mechanism")
        with self._transaction() as conn:
            st = self._statement(conn, tenant, dataset)
            if not st.allow_non_dp:
                raise NonDpNotAllowedError(
                    f"datasets/{dataset} allows only differentially private models",
                    violations=[("config.model", "dataset policy allows only differentially private models")])
            charge = self._insert(conn, st, synthesis=synthesis, mechanism=mechanism, kind="non_dp",
                                  epsilon=0.0, delta=0.0)
        logger.info("privacy charge %s held for %s/%s: non_dp", charge.id, tenant, dataset)
        return charge

    @staticmethod
    def _insert(conn: sqlite3.Connection, st: BudgetStatement, *, synthesis: str, mechanism: str, kind: str,
                epsilon: float, delta: float) -> Charge:
        now = time.time()
        charge = Charge(id=uuid.uuid4().hex, tenant=st.tenant, dataset=st.dataset, synthesis=synthesis,
                        mechanism=mechanism, kind=kind, epsilon=epsilon, delta=delta, epsilon_spent=epsilon,
                        delta_spent=delta, state="held", touched=False, create_time=now, update_time=now)
        conn.execute("INSERT INTO charges VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     (charge.id, charge.tenant, charge.dataset, charge.synthesis, charge.mechanism, charge.kind,
                      charge.epsilon, charge.delta, charge.epsilon_spent, charge.delta_spent, charge.state,
                      int(charge.touched), charge.create_time, charge.update_time))
        return charge

    def get_charge(self, charge_id: str) -> Charge:
        """One charge by id.

        Raises:
            UnknownChargeError: No charge has this id.
        """
        with self._transaction(write=False) as conn:
            return self._charge(conn, charge_id)

    @staticmethod
    def _charge(conn: sqlite3.Connection, charge_id: str) -> Charge:
        row = conn.execute("SELECT * FROM charges WHERE id=?", (charge_id,)).fetchone()
        if row is None:
            raise UnknownChargeError(f"privacy charge {charge_id} not found",
                                     violations=[("charge", "not found")])
        return _charge_from_row(row)

    @staticmethod
    def _update(conn: sqlite3.Connection, charge: Charge, *, state: str, epsilon_spent: float,
                delta_spent: float, touched: bool) -> Charge:
        now = time.time()
        conn.execute("UPDATE charges SET state=?, epsilon_spent=?, delta_spent=?, touched=?, update_time=? "
                     "WHERE id=?", (state, epsilon_spent, delta_spent, int(touched), now, charge.id))
        return Charge(**{**asdict(charge), "state": state, "epsilon_spent": epsilon_spent,
                         "delta_spent": delta_spent, "touched": touched, "update_time": now})

    def mark_touched(self, charge_id: str) -> None:
        """Record, before a job reads the data, that it is about to (write-ahead).

        Raises:
            UnknownChargeError: No charge has this id.
            LedgerError: The charge is no longer held (reason ``CHARGE_CLOSED``).
        """
        with self._transaction() as conn:
            charge = self._charge(conn, charge_id)
            if charge.state != "held":
                raise _closed(charge)
            if not charge.touched:
                self._update(conn, charge, state="held", epsilon_spent=charge.epsilon_spent,
                             delta_spent=charge.delta_spent, touched=True)
        logger.info("privacy charge %s touched", charge_id)

    def settle(self, charge_id: str, *, epsilon_spent: float, delta_spent: float) -> Charge:
        """Close a finished job's charge with what it actually spent; the rest returns to the budget.

        Raises:
            UnknownChargeError: No charge has this id.
            LedgerError: The amounts are negative, not finite or above the reservation,
                or the charge is no longer held (reason ``CHARGE_CLOSED``).
        """
        eps = _amount(epsilon_spent, "epsilon_spent")
        delta = _amount(delta_spent, "delta_spent")
        with self._transaction() as conn:
            charge = self._charge(conn, charge_id)
            if charge.state != "held":
                raise _closed(charge)
            over = [(f, "exceeds the reservation") for f, spent, reserved in
                    (("epsilon_spent", eps, charge.epsilon), ("delta_spent", delta, charge.delta))
                    if not _fits(0.0, spent, reserved)]
            if over:
                raise LedgerError(
                    f"privacy charge {charge_id} spent more than it reserved "
                    f"(epsilon {eps:g} of {charge.epsilon:g}, delta {delta:g} of {charge.delta:g})",
                    violations=over)
            # Clamp the float slack so sums never exceed what was reserved.
            charge = self._update(conn, charge, state="spent", epsilon_spent=min(eps, charge.epsilon),
                                  delta_spent=min(delta, charge.delta), touched=charge.touched)
        logger.info("privacy charge %s settled: epsilon_spent=%g delta_spent=%g",
                    charge_id, charge.epsilon_spent, charge.delta_spent)
        return charge

    def release(self, charge_id: str, *, epsilon_spent: float = 0.0, delta_spent: float = 0.0) -> Charge:
        """Close a failed or cancelled job's charge.

        Untouched charges are refunded in full (a non-DP job that never read the
        data does not void the guarantee). Touched charges become ``"spent"``
        with the given partial amounts, clamped to the reservation. Releasing a
        spent charge is a no-op (a job may fail after settling).

        Raises:
            UnknownChargeError: No charge has this id.
            LedgerError: The amounts are negative or not finite, or the charge
                was refunded (reason ``CHARGE_CLOSED``).
        """
        eps = _amount(epsilon_spent, "epsilon_spent")
        delta = _amount(delta_spent, "delta_spent")
        with self._transaction() as conn:
            charge = self._charge(conn, charge_id)
            if charge.state == "spent":
                return charge
            if charge.state != "held":
                raise _closed(charge)
            if charge.touched:
                charge = self._update(conn, charge, state="spent", epsilon_spent=min(eps, charge.epsilon),
                                      delta_spent=min(delta, charge.delta), touched=True)
            else:
                charge = self._update(conn, charge, state="refunded", epsilon_spent=0.0, delta_spent=0.0,
                                      touched=False)
        logger.info("privacy charge %s released: state=%s epsilon_spent=%g delta_spent=%g",
                    charge_id, charge.state, charge.epsilon_spent, charge.delta_spent)
        return charge

    def recover(self) -> int:
        """Close the held charges of a dead process (call at server start).

        Untouched charges are refunded; touched ones are spent in full, since
        the partial spend is unknown.

        Returns:
            How many charges were changed.
        """
        now = time.time()
        with self._transaction() as conn:
            refunded = conn.execute(
                "UPDATE charges SET state='refunded', epsilon_spent=0, delta_spent=0, update_time=? "
                "WHERE state='held' AND touched=0", (now,)).rowcount
            spent = conn.execute(
                "UPDATE charges SET state='spent', epsilon_spent=epsilon, delta_spent=delta, update_time=? "
                "WHERE state='held' AND touched=1", (now,)).rowcount
        if refunded or spent:
            logger.warning("privacy ledger recovered %d held charges: %d refunded, %d spent in full",
                           refunded + spent, refunded, spent)
        return refunded + spent


__all__ = [
    "BudgetExhaustedError",
    "BudgetExistsError",
    "BudgetStatement",
    "Charge",
    "LedgerError",
    "NonDpNotAllowedError",
    "PrivacyLedger",
    "UnknownBudgetError",
    "UnknownChargeError",
]
