"""Presidio is imported without transformers, and transformers still imports afterwards."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
import veil.privacy.pii
from presidio_analyzer.nlp_engine import huggingface_token_pipe
assert "transformers" not in sys.modules, "transformers was imported with Presidio"
assert huggingface_token_pipe.hf_pipeline is None
import transformers
from transformers import AutoTokenizer
print("ok", AutoTokenizer.__name__)
"""


def test_presidio_loads_without_transformers_which_stays_importable():
    # A fresh interpreter: in this one, other tests may have imported either library already.
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["ok", "AutoTokenizer"]
