"""Import Presidio without the transformers library, which it would load for nothing.

``presidio_analyzer.nlp_engine`` imports ``transformers`` whenever it is installed (it is, for the
sentence-transformers embedder), for a transformers NER engine that Veil never configures. That import
costs about 2.5 s of every process that analyses text: each command, the service, each PII worker.
Presidio handles a missing transformers (``hf_pipeline = None``), so for the one import of Presidio we
make ``import transformers`` fail, then let later imports (the embedder's) load it as usual.
"""

from __future__ import annotations

import importlib
import sys


def import_presidio() -> None:
    """Import ``presidio_analyzer`` once, with ``transformers`` hidden from it.

    Runs at the first import of ``veil.privacy.pii``, before any of Veil's threads start: a thread that
    imported transformers in that window would get an ImportError.
    """
    if "presidio_analyzer" in sys.modules or "transformers" in sys.modules:
        return
    sys.modules["transformers"] = None  # type: ignore[assignment]  # `import transformers` now raises
    try:
        importlib.import_module("presidio_analyzer")
    finally:
        del sys.modules["transformers"]
