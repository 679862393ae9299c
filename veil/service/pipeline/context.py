"""Shared state of a running service: config, stores, keys and engines."""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from functools import cached_property

from veil.privacy.dp import PrivacyLedger
from veil.privacy.pii import PiiEngine, derive_dataset_key
from veil.service.config import ServiceConfig
from veil.service.storage.artifacts import ArtifactStore
from veil.service.storage.db import DatasetRow, MetadataDB

logger = logging.getLogger(__name__)


@dataclass
class ServiceContext:
    config: ServiceConfig
    db: MetadataDB
    store: ArtifactStore
    master_key: bytes
    ledger: PrivacyLedger
    # spaCy pipelines are not safe to share across threads; one scrub at a time.
    pii_lock: threading.Lock = field(default_factory=threading.Lock)
    # Spawn the PII analysis workers with the engine (a service), or on the first large call (a one-shot run).
    pii_workers_at_start: bool = True

    @cached_property
    def pii(self) -> PiiEngine:
        logger.info("loading PII engine (spaCy model %s)", self.config.spacy_model)
        config = self.config
        return PiiEngine(
            spacy_model=config.spacy_model,
            locale=config.pii_locale,
            allow_list=config.pii_allow_list,
            deny_list=config.pii_deny_list,
            n_process=config.pii_processes or os.cpu_count() or 1,
            start_workers=self.pii_workers_at_start,
            ray_address=config.ray_address or None,
            ray_actors=config.ray_actors,
        )

    def dataset_key(self, dataset: DatasetRow) -> bytes:
        return derive_dataset_key(self.master_key, dataset.key_salt)
