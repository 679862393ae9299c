"""The master key and the per-dataset surrogate keys derived from it.

Each dataset stores only a random salt; its key is HMAC(master, salt). The
master key lives outside the data folder, so artifacts and metadata alone do
not let anyone recompute surrogates or fingerprints. Deleting a dataset
deletes its salt, which makes its mapping unrecoverable.
"""

from __future__ import annotations

import logging
import os
import pathlib
import secrets

from veil.service.errors import ConfigError

logger = logging.getLogger(__name__)
KEY_BYTES = 32


def load_or_create_master_key(path: pathlib.Path) -> bytes:
    """Read the master key file, creating it (mode 0600) on first use."""
    path = pathlib.Path(path)
    if path.exists():
        data = path.read_bytes()
        if len(data) < KEY_BYTES:
            raise ConfigError(
                f"master key file {path} is too short",
                reason="BAD_MASTER_KEY",
                violations=[("master_key_file", f"needs at least {KEY_BYTES} bytes")],
            )
        return data[:KEY_BYTES]
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(KEY_BYTES)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key)
    logger.info("created a new master key file at %s", path)
    return key


def new_salt() -> bytes:
    return secrets.token_bytes(16)
