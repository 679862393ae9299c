"""Metadata in SQLite (WAL): datasets, syntheses and operations.

One connection guarded by a lock; every write is one transaction. Rows are
plain records; JSON columns hold structured metadata (no raw values: column
names, kinds, scan summaries with masked samples, configs, report summaries).
"""

from __future__ import annotations

import json
import pathlib
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS datasets (
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    display_name TEXT NOT NULL,
    create_time REAL NOT NULL,
    row_count INTEGER NOT NULL,
    train_rows INTEGER NOT NULL,
    holdout_rows INTEGER NOT NULL,
    holdout_fraction REAL NOT NULL,
    seed INTEGER NOT NULL,
    columns_json TEXT NOT NULL,
    scan_json TEXT NOT NULL,
    key_salt BLOB NOT NULL,
    timings_json TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant, id)
);
CREATE TABLE IF NOT EXISTS syntheses (
    tenant TEXT NOT NULL,
    dataset TEXT NOT NULL,
    id TEXT NOT NULL,
    config_json TEXT NOT NULL,
    state TEXT NOT NULL,
    resolved_model TEXT NOT NULL DEFAULT '',
    guarantee_json TEXT NOT NULL DEFAULT '{}',
    summary_json TEXT NOT NULL DEFAULT '{}',
    row_count INTEGER NOT NULL DEFAULT 0,
    error_json TEXT NOT NULL DEFAULT '',
    timings_json TEXT NOT NULL DEFAULT '{}',
    operation TEXT NOT NULL,
    create_time REAL NOT NULL,
    update_time REAL NOT NULL,
    PRIMARY KEY (tenant, dataset, id)
);
CREATE TABLE IF NOT EXISTS operations (
    id TEXT PRIMARY KEY,
    tenant TEXT NOT NULL,
    synthesis TEXT NOT NULL,
    stage TEXT NOT NULL,
    progress REAL NOT NULL,
    done INTEGER NOT NULL,
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    error_json TEXT NOT NULL DEFAULT '',
    create_time REAL NOT NULL,
    update_time REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS ops_by_tenant ON operations (tenant, create_time);
"""

ACTIVE_STATES = ("PENDING", "RUNNING")


@dataclass
class DatasetRow:
    tenant: str
    id: str
    display_name: str
    create_time: float
    row_count: int
    train_rows: int
    holdout_rows: int
    holdout_fraction: float
    seed: int
    columns: list[dict[str, Any]]
    scan: dict[str, Any]
    key_salt: bytes
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class SynthesisRow:
    tenant: str
    dataset: str
    id: str
    config: dict[str, Any]
    state: str
    operation: str
    create_time: float
    update_time: float
    resolved_model: str = ""
    guarantee: dict[str, Any] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)
    row_count: int = 0
    error: dict[str, Any] | None = None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"datasets/{self.dataset}/syntheses/{self.id}"


@dataclass
class OperationRow:
    id: str
    tenant: str
    synthesis: str
    stage: str
    progress: float
    done: bool
    cancel_requested: bool
    create_time: float
    update_time: float
    error: dict[str, Any] | None = None

    @property
    def name(self) -> str:
        return f"operations/{self.id}"


class MetadataDB:
    def __init__(self, path: pathlib.Path) -> None:
        self.path = pathlib.Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA busy_timeout=5000")
        self._conn.executescript(SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _query(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def _page(
        self, table: str, where: str, params: tuple, *, limit: int, after: tuple[float, str] | None
    ) -> list[sqlite3.Row]:
        """Newest first, keyset-paginated on (create_time, id)."""
        if after is not None:
            where += " AND (create_time < ? OR (create_time = ? AND id < ?))"
            params = (*params, after[0], after[0], after[1])
        return self._query(
            f"SELECT * FROM {table} WHERE {where} ORDER BY create_time DESC, id DESC LIMIT ?", (*params, limit)
        )

    # ------------------------------------------------------------ datasets
    def insert_dataset(self, row: DatasetRow) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO datasets VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    row.tenant,
                    row.id,
                    row.display_name,
                    row.create_time,
                    row.row_count,
                    row.train_rows,
                    row.holdout_rows,
                    row.holdout_fraction,
                    row.seed,
                    json.dumps(row.columns),
                    json.dumps(row.scan),
                    row.key_salt,
                    json.dumps(row.timings),
                ),
            )

    def dataset_exists(self, tenant: str, dataset: str) -> bool:
        return bool(self._query("SELECT 1 FROM datasets WHERE tenant=? AND id=?", (tenant, dataset)))

    def get_dataset(self, tenant: str, dataset: str) -> DatasetRow | None:
        rows = self._query("SELECT * FROM datasets WHERE tenant=? AND id=?", (tenant, dataset))
        return self._dataset(rows[0]) if rows else None

    def list_datasets(self, tenant: str, *, limit: int, after: tuple[float, str] | None) -> list[DatasetRow]:
        return [self._dataset(r) for r in self._page("datasets", "tenant=?", (tenant,), limit=limit, after=after)]

    def all_dataset_dirs(self) -> set[tuple[str, str]]:
        return {(r["tenant"], r["id"]) for r in self._query("SELECT tenant, id FROM datasets")}

    def delete_dataset(self, tenant: str, dataset: str) -> list[str]:
        """Delete a dataset, its syntheses and their operations; returns the operation ids."""
        with self.transaction() as conn:
            ops = [
                r["operation"]
                for r in conn.execute("SELECT operation FROM syntheses WHERE tenant=? AND dataset=?", (tenant, dataset))
            ]
            conn.executemany("DELETE FROM operations WHERE id=?", [(o,) for o in ops])
            conn.execute("DELETE FROM syntheses WHERE tenant=? AND dataset=?", (tenant, dataset))
            conn.execute("DELETE FROM datasets WHERE tenant=? AND id=?", (tenant, dataset))
        return ops

    @staticmethod
    def _dataset(r: sqlite3.Row) -> DatasetRow:
        return DatasetRow(
            tenant=r["tenant"],
            id=r["id"],
            display_name=r["display_name"],
            create_time=r["create_time"],
            row_count=r["row_count"],
            train_rows=r["train_rows"],
            holdout_rows=r["holdout_rows"],
            holdout_fraction=r["holdout_fraction"],
            seed=r["seed"],
            columns=json.loads(r["columns_json"]),
            scan=json.loads(r["scan_json"]),
            key_salt=bytes(r["key_salt"]),
            timings=json.loads(r["timings_json"]),
        )

    # ------------------------------------------------------------ syntheses + operations
    def insert_synthesis(self, syn: SynthesisRow, op: OperationRow) -> None:
        with self.transaction() as conn:
            if not conn.execute("SELECT 1 FROM datasets WHERE tenant=? AND id=?", (syn.tenant, syn.dataset)).fetchone():
                raise LookupError("dataset vanished")
            conn.execute(
                "INSERT INTO syntheses (tenant, dataset, id, config_json, state, operation, create_time, update_time)"
                " VALUES (?,?,?,?,?,?,?,?)",
                (
                    syn.tenant,
                    syn.dataset,
                    syn.id,
                    json.dumps(syn.config),
                    syn.state,
                    syn.operation,
                    syn.create_time,
                    syn.update_time,
                ),
            )
            conn.execute(
                "INSERT INTO operations (id, tenant, synthesis, stage, progress, done, create_time, update_time)"
                " VALUES (?,?,?,?,?,?,?,?)",
                (op.id, op.tenant, op.synthesis, op.stage, op.progress, int(op.done), op.create_time, op.update_time),
            )

    def synthesis_exists(self, tenant: str, dataset: str, synthesis: str) -> bool:
        return bool(
            self._query("SELECT 1 FROM syntheses WHERE tenant=? AND dataset=? AND id=?", (tenant, dataset, synthesis))
        )

    def get_synthesis(self, tenant: str, dataset: str, synthesis: str) -> SynthesisRow | None:
        rows = self._query(
            "SELECT * FROM syntheses WHERE tenant=? AND dataset=? AND id=?", (tenant, dataset, synthesis)
        )
        return self._synthesis(rows[0]) if rows else None

    def list_syntheses(
        self, tenant: str, dataset: str, *, limit: int, after: tuple[float, str] | None
    ) -> list[SynthesisRow]:
        rows = self._page("syntheses", "tenant=? AND dataset=?", (tenant, dataset), limit=limit, after=after)
        return [self._synthesis(r) for r in rows]

    def update_synthesis(self, tenant: str, dataset: str, synthesis: str, **fields: Any) -> None:
        columns = {
            "config": "config_json",
            "guarantee": "guarantee_json",
            "summary": "summary_json",
            "error": "error_json",
            "timings": "timings_json",
        }
        sets, params = [], []
        for key, value in fields.items():
            column = columns.get(key, key)
            if column.endswith("_json"):
                value = json.dumps(value) if value is not None else ""
            sets.append(f"{column}=?")
            params.append(value)
        sets.append("update_time=?")
        params.append(time.time())
        with self.transaction() as conn:
            conn.execute(
                f"UPDATE syntheses SET {', '.join(sets)} WHERE tenant=? AND dataset=? AND id=?",
                (*params, tenant, dataset, synthesis),
            )

    @staticmethod
    def _synthesis(r: sqlite3.Row) -> SynthesisRow:
        return SynthesisRow(
            tenant=r["tenant"],
            dataset=r["dataset"],
            id=r["id"],
            config=json.loads(r["config_json"]),
            state=r["state"],
            operation=r["operation"],
            create_time=r["create_time"],
            update_time=r["update_time"],
            resolved_model=r["resolved_model"],
            guarantee=json.loads(r["guarantee_json"] or "{}"),
            summary=json.loads(r["summary_json"] or "{}"),
            row_count=r["row_count"],
            error=json.loads(r["error_json"]) if r["error_json"] else None,
            timings=json.loads(r["timings_json"]),
        )

    def get_operation(self, op_id: str) -> OperationRow | None:
        rows = self._query("SELECT * FROM operations WHERE id=?", (op_id,))
        return self._operation(rows[0]) if rows else None

    def list_operations(self, tenant: str, *, limit: int, after: tuple[float, str] | None) -> list[OperationRow]:
        return [self._operation(r) for r in self._page("operations", "tenant=?", (tenant,), limit=limit, after=after)]

    def update_operation(self, op_id: str, **fields: Any) -> None:
        sets, params = [], []
        for key, value in fields.items():
            if key == "error":
                sets.append("error_json=?")
                params.append(json.dumps(value) if value else "")
            else:
                sets.append(f"{key}=?")
                params.append(int(value) if isinstance(value, bool) else value)
        sets.append("update_time=?")
        params.append(time.time())
        with self.transaction() as conn:
            conn.execute(f"UPDATE operations SET {', '.join(sets)} WHERE id=?", (*params, op_id))

    def delete_operation(self, op_id: str) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM operations WHERE id=?", (op_id,))

    def fail_interrupted(self, *, running: str, queued: str) -> int:
        """Mark syntheses and operations left running or queued by a dead server as failed.

        Args:
            running: The error message of jobs that had started.
            queued: The error message of jobs that never started.
        """
        now = time.time()
        with self.transaction() as conn:
            rows = conn.execute(
                "SELECT tenant, dataset, id, operation, state FROM syntheses WHERE state IN (?, ?)", ACTIVE_STATES
            ).fetchall()
            for r in rows:
                message = running if r["state"] == "RUNNING" else queued
                error = {"code": "ABORTED", "reason": "SERVER_RESTARTED", "message": message}
                conn.execute(
                    "UPDATE syntheses SET state='FAILED', error_json=?, update_time=? "
                    "WHERE tenant=? AND dataset=? AND id=?",
                    (json.dumps(error), now, r["tenant"], r["dataset"], r["id"]),
                )
                conn.execute(
                    "UPDATE operations SET done=1, error_json=?, stage='failed', update_time=? WHERE id=?",
                    (json.dumps(error), now, r["operation"]),
                )
        return len(rows)

    @staticmethod
    def _operation(r: sqlite3.Row) -> OperationRow:
        return OperationRow(
            id=r["id"],
            tenant=r["tenant"],
            synthesis=r["synthesis"],
            stage=r["stage"],
            progress=r["progress"],
            done=bool(r["done"]),
            cancel_requested=bool(r["cancel_requested"]),
            create_time=r["create_time"],
            update_time=r["update_time"],
            error=json.loads(r["error_json"]) if r["error_json"] else None,
        )
