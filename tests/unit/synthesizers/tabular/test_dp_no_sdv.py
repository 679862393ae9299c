"""The DP engines never import SDV (BUSL-1.1) or its ctgan, rdt and copulas."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("engine", ["dp_marginal", "dp_sgd"])
def test_fitting_a_dp_engine_imports_no_sdv(engine):
    code = (
        "import sys, warnings; warnings.simplefilter('ignore'); import pandas as pd;"
        "from veil.synthesizers.registry import create_synthesizer;"
        f"s = create_synthesizer({engine!r}, seed=0, epsilon=1.0, epochs=1 if {engine!r} == 'dp_sgd' else None);"
        "s.fit(pd.DataFrame({'a': [1.0, 2.0, 3.0] * 40, 'b': ['x', 'y', 'z'] * 40}),"
        " kinds={'a': 'numeric', 'b': 'categorical'}); s.sample(10);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sdv', 'ctgan', 'rdt', 'copulas')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "[]"
