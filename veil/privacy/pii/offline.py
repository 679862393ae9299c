"""Keep Presidio's dependencies off the network.

Presidio's ``EmailRecognizer`` calls ``tldextract.extract``, whose module-level
extractor downloads the public suffix list on first use. We replace that
extractor with one that never fetches anything and uses the snapshot bundled
with the tldextract wheel.
"""

from __future__ import annotations

import logging
import threading

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_done = False


def ensure_offline() -> None:
    """Install an offline tldextract extractor (idempotent, thread-safe)."""
    global _done
    if _done:
        return
    with _lock:
        if _done:
            return
        import tldextract.tldextract as tld

        tld.TLD_EXTRACTOR = tld.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
        _done = True
        logger.debug("tldextract switched to its bundled public suffix snapshot")


__all__ = ["ensure_offline"]
