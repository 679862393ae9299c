from __future__ import annotations

import pandas as pd
import pytest

from synthesizers.errors import NotFittedError, UnknownSynthesizerError
from synthesizers.text import TextSynthesizer, available_text_synthesizers, create_text_synthesizer


def test_registry():
    assert available_text_synthesizers() == ["surrogate"]
    with pytest.raises(UnknownSynthesizerError) as info:
        create_text_synthesizer("nope")
    assert info.value.violations[0][0] == "config.text_model"
    assert "surrogate" in str(info.value)


def test_surrogate_samples_from_scrubbed_pool_seeded():
    texts = pd.Series(["alpha beta", "gamma delta", None, "epsilon"] * 25)
    engine = create_text_synthesizer("surrogate", seed=3)
    with pytest.raises(NotFittedError):
        engine.sample(3)
    engine.fit(texts)
    a, b = engine.sample(400), engine.sample(400)
    assert a.equals(b)
    assert not a.equals(engine.sample(400, seed=4))
    assert set(a.dropna()) <= {"alpha beta", "gamma delta", "epsilon"}
    assert 0.15 < a.isna().mean() < 0.35


def test_state_dict_round_trip():
    engine = create_text_synthesizer("surrogate", seed=1)
    engine.fit(pd.Series(["one two", "three"]))
    again = TextSynthesizer.from_state_dict(engine.state_dict())
    assert again.sample(50).equals(engine.sample(50))
    assert TextSynthesizer.from_dict(engine.to_dict()).fitted is False
