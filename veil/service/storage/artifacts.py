"""The artifact store: files under data_dir, written atomically.

Layout (tenant and ids are validated names, never raw values):
  artifacts/{tenant}/{dataset}/train.parquet, holdout.parquet, fingerprints.bin
  artifacts/{tenant}/{dataset}/syntheses/{synthesis}/synthetic.parquet, report.json, report.html
  staging/   partial uploads; emptied on start
"""

from __future__ import annotations

import os
import pathlib
import shutil
import tempfile
import uuid
from collections.abc import Iterator

import pyarrow as pa
import pyarrow.parquet as pq

ROW_GROUP_ROWS = 65_536
"""Rows per Parquet row group: a download reads one group at a time, so a large table never sits whole
in the service's memory."""


class ArtifactStore:
    def __init__(self, root: pathlib.Path) -> None:
        self.root = pathlib.Path(root)
        self.artifacts = self.root / "artifacts"
        self.staging = self.root / "staging"
        self.artifacts.mkdir(parents=True, exist_ok=True)
        self.staging.mkdir(parents=True, exist_ok=True)

    # ------------------------------------------------------------ paths
    def dataset_dir(self, tenant: str, dataset: str) -> pathlib.Path:
        return self.artifacts / tenant / dataset

    def synthesis_dir(self, tenant: str, dataset: str, synthesis: str) -> pathlib.Path:
        return self.dataset_dir(tenant, dataset) / "syntheses" / synthesis

    def new_staging_dir(self) -> pathlib.Path:
        path = self.staging / uuid.uuid4().hex
        path.mkdir(parents=True)
        return path

    # ------------------------------------------------------------ writes
    @staticmethod
    def write_bytes(path: pathlib.Path, data: bytes) -> None:
        """Write a file atomically: temp file in the same folder, fsync, rename."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            pathlib.Path(tmp).unlink(missing_ok=True)
            raise

    def write_text(self, path: pathlib.Path, text: str) -> None:
        self.write_bytes(path, text.encode("utf-8"))

    @staticmethod
    def write_table(path: pathlib.Path, table: pa.Table) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        os.close(fd)
        try:
            pq.write_table(table, tmp, row_group_size=ROW_GROUP_ROWS)
            os.replace(tmp, path)
        except BaseException:
            pathlib.Path(tmp).unlink(missing_ok=True)
            raise

    @staticmethod
    def read_table(path: pathlib.Path, columns: list[str] | None = None) -> pa.Table:
        return pq.read_table(path, columns=columns)

    @staticmethod
    def iter_batches(path: pathlib.Path, *, batch_rows: int) -> Iterator[pa.RecordBatch]:
        """The table's rows in batches of at most ``batch_rows``, read a row group at a time."""
        with pq.ParquetFile(path) as parquet:
            yield from parquet.iter_batches(batch_size=batch_rows)

    def publish_dir(self, staging: pathlib.Path, final: pathlib.Path) -> None:
        """Move a finished staging folder into place (one rename)."""
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging, final)

    @staticmethod
    def remove_tree(path: pathlib.Path) -> None:
        shutil.rmtree(path, ignore_errors=True)

    def clear_staging(self) -> int:
        leftovers = list(self.staging.iterdir())
        for entry in leftovers:
            self.remove_tree(entry)
        return len(leftovers)
