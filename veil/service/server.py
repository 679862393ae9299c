"""Assembles and runs the gRPC server: Veil, Operations, health and reflection."""

from __future__ import annotations

import logging
from concurrent import futures

import grpc
from google.longrunning import operations_pb2, operations_pb2_grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from veil.privacy.dp import PrivacyLedger
from veil.service.config import ServiceConfig
from veil.service.interceptors import (
    Authenticator,
    AuthInterceptor,
    ErrorInterceptor,
    LoggingInterceptor,
    RequestCheckInterceptor,
)
from veil.service.keys import load_or_create_master_key
from veil.service.offline import go_offline, quiet_library_logs
from veil.service.pipeline.context import ServiceContext
from veil.service.reflection import enable_reflection
from veil.service.runner import OperationRunner
from veil.service.servicers.operations import OperationsServicer
from veil.service.servicers.veil import VeilServicer
from veil.service.storage.artifacts import ArtifactStore
from veil.service.storage.db import MetadataDB
from veil.synthesizers.text import embedding_worker
from veil.v1 import veil_pb2, veil_pb2_grpc

logger = logging.getLogger(__name__)

# gRPC's own ceiling sits above the per-chunk limit, so an oversize chunk gets
# Veil's error with a field violation rather than a bare RESOURCE_EXHAUSTED.
GRPC_MAX_MESSAGE_BYTES = 16 * 1024 * 1024
VEIL_SERVICE = veil_pb2.DESCRIPTOR.services_by_name["Veil"].full_name


class VeilServer:
    """A running Veil service; use as a context manager or call start()/stop()."""

    def __init__(
        self,
        config: ServiceConfig,
        *,
        preload_pii: bool = True,
        master_key: bytes | None = None,
        workers_at_start: bool = True,
    ) -> None:
        """master_key: use this key instead of config.master_key_file (ephemeral in-process servers).

        workers_at_start: spawn the PII analysis and embedding workers before serving; False (a one-shot
        command's server): on first need, the PII workers only for an upload large enough to share out.
        """
        go_offline()
        quiet_library_logs()
        self.config = config
        data_dir = config.data_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        self.db = MetadataDB(data_dir / "veil.sqlite3")
        self.store = ArtifactStore(data_dir)
        # The privacy budget ledger: its own SQLite file, so budgets outlive any job.
        self.ledger = PrivacyLedger(data_dir / "ledger.sqlite3")
        self._recover()
        self.ctx = ServiceContext(
            config=config,
            db=self.db,
            store=self.store,
            ledger=self.ledger,
            master_key=master_key or load_or_create_master_key(config.master_key_file),
            pii_workers_at_start=workers_at_start,
        )
        if config.text_embedding_worker and workers_at_start:  # the model loads in its own process meanwhile
            embedding_worker.start()
        if preload_pii:
            _ = self.ctx.pii  # fail at start, not on the first upload, if the spaCy model is missing
        self.runner = OperationRunner(self.db, workers=config.workers)
        auth = Authenticator(config.tokens)
        self.server = grpc.server(
            futures.ThreadPoolExecutor(max_workers=config.grpc_threads, thread_name_prefix="veil-rpc"),
            interceptors=[LoggingInterceptor(), AuthInterceptor(auth), ErrorInterceptor(), RequestCheckInterceptor()],
            options=[
                ("grpc.max_receive_message_length", GRPC_MAX_MESSAGE_BYTES),
                ("grpc.max_send_message_length", GRPC_MAX_MESSAGE_BYTES),
                ("grpc.so_reuseport", 0),
            ],
        )
        veil_pb2_grpc.add_VeilServicer_to_server(VeilServicer(self.ctx, self.runner, auth), self.server)
        operations_pb2_grpc.add_OperationsServicer_to_server(
            OperationsServicer(self.ctx, self.runner, auth), self.server
        )
        self.health = health.HealthServicer()
        health_pb2_grpc.add_HealthServicer_to_server(self.health, self.server)
        enable_reflection(
            self.server,
            (
                VEIL_SERVICE,
                operations_pb2.DESCRIPTOR.services_by_name["Operations"].full_name,
                health_pb2.DESCRIPTOR.services_by_name["Health"].full_name,
            ),
        )
        self.port = self.server.add_insecure_port(f"{config.host}:{config.port}")
        if self.port == 0:
            raise OSError(f"cannot listen on {config.host}:{config.port}")

    def _recover(self) -> None:
        """After a crash: fail jobs that were running, drop partial uploads and orphan folders."""
        failed = self.db.fail_interrupted(
            running="the server stopped while this job was running",
            queued="the server stopped before this job started; it never read the data",
        )
        if failed:
            logger.warning("marked %d interrupted syntheses as FAILED", failed)
        closed = self.ledger.recover()
        if closed:
            logger.warning("closed %d privacy charges of interrupted jobs", closed)
        self.store.clear_staging()
        known = self.db.all_dataset_dirs()
        for tenant_dir in self.store.artifacts.iterdir():
            for dataset_dir in tenant_dir.iterdir():
                if (tenant_dir.name, dataset_dir.name) not in known:
                    logger.warning("removing an orphan artifact folder of a dataset that was never recorded")
                    self.store.remove_tree(dataset_dir)

    @property
    def address(self) -> str:
        return f"{self.config.host}:{self.port}"

    def start(self) -> "VeilServer":
        self.server.start()
        for service in ("", VEIL_SERVICE):
            self.health.set(service, health_pb2.HealthCheckResponse.SERVING)
        logger.info("veil serving on %s (data in %s)", self.address, self.config.data_dir)
        return self

    def stop(self, grace: float = 2.0) -> None:
        self.health.enter_graceful_shutdown()
        self.server.stop(grace).wait()
        self.runner.shutdown(cancel=True)
        self.db.close()
        self.ledger.close()

    def wait(self) -> None:
        self.server.wait_for_termination()

    def __enter__(self) -> "VeilServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
