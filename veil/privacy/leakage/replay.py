"""PII replay in synthetic output: the keyed fingerprints of raw PII values, under their leakage name.

The fingerprints are made while scrubbing, so they are defined in :mod:`veil.privacy.pii.fingerprints` and
re-exported here. :meth:`PiiFingerprints.count_replays` counts, per column, the cells of an output that are or
contain a raw value; :meth:`PiiFingerprints.redact_replays` replaces such cells with fresh values.
"""

from veil.privacy.pii.fingerprints import DIGEST_SIZE, MAX_TOKENS, PiiFingerprints, canonical, iter_tokens, normalise

__all__ = ["DIGEST_SIZE", "MAX_TOKENS", "PiiFingerprints", "canonical", "iter_tokens", "normalise"]
