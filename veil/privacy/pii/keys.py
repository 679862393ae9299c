"""Dataset keys: the per-dataset key every surrogate and fingerprint of a dataset derives from."""

from __future__ import annotations

import hmac

from veil.privacy.errors import PrivacyInvalidArgumentError


def derive_dataset_key(master_key: bytes, salt: bytes) -> bytes:
    """Derive a per-dataset key: ``HMAC-SHA256(master_key, b"veil-dataset:" + salt)``."""
    violations = []
    if not isinstance(master_key, (bytes, bytearray)) or len(master_key) == 0:
        violations.append(("master_key", "must be non-empty bytes"))
    if not isinstance(salt, (bytes, bytearray)):
        violations.append(("salt", "must be bytes"))
    if violations:
        raise PrivacyInvalidArgumentError("invalid key material", violations=violations)
    return hmac.digest(bytes(master_key), b"veil-dataset:" + bytes(salt), "sha256")


__all__ = ["derive_dataset_key"]
