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
import os
import pathlib
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict

from veil.privacy.dp.errors import (
    BudgetExhaustedError,
    BudgetExistsError,
    LedgerError,
    NonDpNotAllowedError,
    UnknownBudgetError,
    UnknownChargeError,
)
from veil.privacy.dp.records import BudgetStatement, Charge
from veil.privacy.dp.validation import _amount, _delta, _epsilon, _fits, _flag, _text

logger = logging.getLogger(__name__)

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


def _closed(charge: Charge) -> LedgerError:
    return LedgerError(
        f"privacy charge {charge.id} is already {charge.state}",
        violations=[("charge", f"state is {charge.state}")],
        code="FAILED_PRECONDITION",
        reason="CHARGE_CLOSED",
    )


def _charge_from_row(row: sqlite3.Row) -> Charge:
    return Charge(
        id=row["id"],
        tenant=row["tenant"],
        dataset=row["dataset"],
        synthesis=row["synthesis"],
        mechanism=row["mechanism"],
        kind=row["kind"],
        epsilon=float(row["epsilon"]),
        delta=float(row["delta"]),
        epsilon_spent=float(row["epsilon_spent"]),
        delta_spent=float(row["delta_spent"]),
        state=row["state"],
        touched=bool(row["touched"]),
        create_time=float(row["create_time"]),
        update_time=float(row["update_time"]),
    )


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
    def open_budget(
        self, *, tenant: str, dataset: str, epsilon: float, delta: float, allow_non_dp: bool
    ) -> BudgetStatement:
        """Open a dataset's budget.

        Raises:
            BudgetExistsError: The dataset already has a budget.
            LedgerError: ``epsilon`` is not finite and > 0, or ``delta`` not in [0, 1).
        """
        return self._open(
            tenant=tenant, dataset=dataset, epsilon=epsilon, delta=delta, allow_non_dp=allow_non_dp, exist_ok=False
        )

    def ensure_budget(
        self, *, tenant: str, dataset: str, epsilon: float, delta: float, allow_non_dp: bool
    ) -> BudgetStatement:
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
        return self._open(
            tenant=tenant, dataset=dataset, epsilon=epsilon, delta=delta, allow_non_dp=allow_non_dp, exist_ok=True
        )

    def _open(
        self, *, tenant: str, dataset: str, epsilon: float, delta: float, allow_non_dp: bool, exist_ok: bool
    ) -> BudgetStatement:
        tenant, dataset = _text(tenant, "tenant"), _text(dataset, "dataset")
        epsilon, delta = _epsilon(epsilon), _delta(delta)
        allow_non_dp = _flag(allow_non_dp, "allow_non_dp")
        with self._transaction() as conn:
            inserted = conn.execute(
                "INSERT OR IGNORE INTO budgets VALUES (?,?,?,?,?,?)",
                (tenant, dataset, epsilon, delta, int(allow_non_dp), time.time()),
            ).rowcount
            if not inserted and not exist_ok:
                raise BudgetExistsError(
                    "the dataset already has a privacy budget", violations=[("dataset", "budget already open")]
                )
            statement = self._statement(conn, tenant, dataset)
        if inserted:
            logger.info(
                "privacy budget opened for %s/%s: epsilon=%g delta=%g allow_non_dp=%d",
                tenant,
                dataset,
                epsilon,
                delta,
                allow_non_dp,
            )
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
            raise UnknownBudgetError("the dataset has no privacy budget", violations=[("dataset", "no privacy budget")])
        charges = conn.execute(
            "SELECT * FROM charges WHERE tenant=? AND dataset=? ORDER BY rowid", (tenant, dataset)
        ).fetchall()
        return BudgetStatement._build(
            tenant=tenant,
            dataset=dataset,
            epsilon_total=float(row["epsilon_total"]),
            delta_total=float(row["delta_total"]),
            allow_non_dp=bool(row["allow_non_dp"]),
            create_time=float(row["create_time"]),
            charges=map(_charge_from_row, charges),
        )

    def delete_dataset(self, *, tenant: str, dataset: str) -> None:
        """Remove the dataset's budget and all its charges (no error if it has none)."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM charges WHERE tenant=? AND dataset=?", (tenant, dataset))
            conn.execute("DELETE FROM budgets WHERE tenant=? AND dataset=?", (tenant, dataset))
        logger.info("privacy budget deleted for %s/%s", tenant, dataset)

    # ------------------------------------------------------------ charges
    def charge(
        self, *, tenant: str, dataset: str, synthesis: str, mechanism: str, epsilon: float, delta: float
    ) -> Charge:
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
            charge = self._insert(
                conn, st, synthesis=synthesis, mechanism=mechanism, kind="dp", epsilon=epsilon, delta=delta
            )
        logger.info("privacy charge %s held for %s/%s: epsilon=%g delta=%g", charge.id, tenant, dataset, epsilon, delta)
        return charge

    @staticmethod
    def _exhausted(
        st: BudgetStatement, epsilon: float, delta: float, *, eps_ok: bool, delta_ok: bool
    ) -> BudgetExhaustedError:
        violations = []
        if not eps_ok:
            remaining = f"{st.epsilon_remaining:g} of {st.epsilon_total:g}"
            violations.append(("config.epsilon", f"epsilon {epsilon:g} exceeds the remaining {remaining}"))
        if not delta_ok:
            remaining = f"{st.delta_remaining:g} of {st.delta_total:g}"
            violations.append(("config.delta", f"delta {delta:g} exceeds the remaining {remaining}"))
        logger.warning(
            "privacy charge refused for %s/%s: epsilon=%g delta=%g epsilon_remaining=%g delta_remaining=%g",
            st.tenant,
            st.dataset,
            epsilon,
            delta,
            st.epsilon_remaining,
            st.delta_remaining,
        )
        return BudgetExhaustedError(
            "the requested epsilon and delta would overspend the dataset's privacy "
            f"budget: epsilon {st.epsilon_remaining:g} of {st.epsilon_total:g} and delta "
            f"{st.delta_remaining:g} of {st.delta_total:g} remain",
            epsilon_remaining=st.epsilon_remaining,
            delta_remaining=st.delta_remaining,
            violations=violations,
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
                    "the dataset's policy allows only differentially private models",
                    violations=[("config.model", "dataset policy allows only differentially private models")],
                )
            charge = self._insert(
                conn, st, synthesis=synthesis, mechanism=mechanism, kind="non_dp", epsilon=0.0, delta=0.0
            )
        logger.info("privacy charge %s held for %s/%s: non_dp", charge.id, tenant, dataset)
        return charge

    @staticmethod
    def _insert(
        conn: sqlite3.Connection,
        st: BudgetStatement,
        *,
        synthesis: str,
        mechanism: str,
        kind: str,
        epsilon: float,
        delta: float,
    ) -> Charge:
        now = time.time()
        charge = Charge(
            id=uuid.uuid4().hex,
            tenant=st.tenant,
            dataset=st.dataset,
            synthesis=synthesis,
            mechanism=mechanism,
            kind=kind,
            epsilon=epsilon,
            delta=delta,
            epsilon_spent=epsilon,
            delta_spent=delta,
            state="held",
            touched=False,
            create_time=now,
            update_time=now,
        )
        conn.execute(
            "INSERT INTO charges VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                charge.id,
                charge.tenant,
                charge.dataset,
                charge.synthesis,
                charge.mechanism,
                charge.kind,
                charge.epsilon,
                charge.delta,
                charge.epsilon_spent,
                charge.delta_spent,
                charge.state,
                int(charge.touched),
                charge.create_time,
                charge.update_time,
            ),
        )
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
            raise UnknownChargeError(f"privacy charge {charge_id} not found", violations=[("charge", "not found")])
        return _charge_from_row(row)

    @staticmethod
    def _update(
        conn: sqlite3.Connection, charge: Charge, *, state: str, epsilon_spent: float, delta_spent: float, touched: bool
    ) -> Charge:
        now = time.time()
        # A ledger never records less than was spent: an overspend (beyond float slack) raises the
        # reservation to it; slack is clamped so sums never exceed what was reserved.
        epsilon = max(charge.epsilon, epsilon_spent)
        delta = max(charge.delta, delta_spent)
        if _fits(0.0, epsilon_spent, charge.epsilon):
            epsilon, epsilon_spent = charge.epsilon, min(epsilon_spent, charge.epsilon)
        if _fits(0.0, delta_spent, charge.delta):
            delta, delta_spent = charge.delta, min(delta_spent, charge.delta)
        conn.execute(
            "UPDATE charges SET state=?, epsilon=?, delta=?, epsilon_spent=?, delta_spent=?, touched=?, update_time=? "
            "WHERE id=?",
            (state, epsilon, delta, epsilon_spent, delta_spent, int(touched), now, charge.id),
        )
        return Charge(
            **{
                **asdict(charge),
                "state": state,
                "epsilon": epsilon,
                "delta": delta,
                "epsilon_spent": epsilon_spent,
                "delta_spent": delta_spent,
                "touched": touched,
                "update_time": now,
            }
        )

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
                self._update(
                    conn,
                    charge,
                    state="held",
                    epsilon_spent=charge.epsilon_spent,
                    delta_spent=charge.delta_spent,
                    touched=True,
                )
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
            over = [
                (f, "exceeds the reservation")
                for f, spent, reserved in (("epsilon_spent", eps, charge.epsilon), ("delta_spent", delta, charge.delta))
                if not _fits(0.0, spent, reserved)
            ]
            reserved = (charge.epsilon, charge.delta)
            charge = self._update(
                conn, charge, state="spent", epsilon_spent=eps, delta_spent=delta, touched=charge.touched
            )
        if over:  # recorded in full above, then refused: the job's output is not released
            logger.error("privacy charge %s spent more than it reserved", charge_id)
            raise LedgerError(
                f"privacy charge {charge_id} spent more than it reserved "
                f"(epsilon {eps:g} of {reserved[0]:g}, delta {delta:g} of {reserved[1]:g}); the spend is recorded",
                violations=over,
            )
        logger.info(
            "privacy charge %s settled: epsilon_spent=%g delta_spent=%g",
            charge_id,
            charge.epsilon_spent,
            charge.delta_spent,
        )
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
                charge = self._update(conn, charge, state="spent", epsilon_spent=eps, delta_spent=delta, touched=True)
            else:
                charge = self._update(conn, charge, state="refunded", epsilon_spent=0.0, delta_spent=0.0, touched=False)
        logger.info(
            "privacy charge %s released: state=%s epsilon_spent=%g delta_spent=%g",
            charge_id,
            charge.state,
            charge.epsilon_spent,
            charge.delta_spent,
        )
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
                "WHERE state='held' AND touched=0",
                (now,),
            ).rowcount
            spent = conn.execute(
                "UPDATE charges SET state='spent', epsilon_spent=epsilon, delta_spent=delta, update_time=? "
                "WHERE state='held' AND touched=1",
                (now,),
            ).rowcount
        if refunded or spent:
            logger.warning(
                "privacy ledger recovered %d held charges: %d refunded, %d spent in full",
                refunded + spent,
                refunded,
                spent,
            )
        return refunded + spent


__all__ = [
    "PrivacyLedger",
]
