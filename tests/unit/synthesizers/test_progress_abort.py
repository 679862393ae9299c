"""An exception raised by the caller's progress callback (a cancel) reaches the caller unchanged."""

from __future__ import annotations

import pytest

from veil.service.demo_data import make_demo_table
from veil.synthesizers.registry import create_synthesizer


class StopNow(Exception):
    pass


def test_progress_exception_passes_through_a_neural_fit():
    frame = make_demo_table(200, seed=1)[["carat", "cut", "price"]]
    calls = []

    def progress(fraction):
        calls.append(fraction)
        if fraction > 0.05:
            raise StopNow()

    synth = create_synthesizer("ctgan", seed=0, epochs=50)
    with pytest.raises(StopNow):
        synth.fit(frame, kinds={"carat": "numeric", "cut": "categorical", "price": "numeric"}, progress=progress)
    assert calls and calls[-1] > 0.05 and calls[-1] < 0.9
