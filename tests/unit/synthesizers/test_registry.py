from __future__ import annotations

import warnings

import pytest

from veil.synthesizers import (
    Synthesizer,
    available_synthesizers,
    create_synthesizer,
    get_synthesizer_class,
    register,
    resolve_auto,
)
from veil.synthesizers.errors import InvalidConfigError, SynthesizerError, UnknownSynthesizerError
from veil.synthesizers.warnings import EpochsIgnoredWarning


def test_available_names():
    assert set(available_synthesizers()) >= {"auto", "gaussian_copula", "ctgan", "tvae", "copulagan"}


def test_unknown_name_lists_known_names():
    with pytest.raises(UnknownSynthesizerError) as info:
        create_synthesizer("gpt9", seed=0)
    err = info.value
    assert isinstance(err, SynthesizerError)
    assert err.code == "INVALID_ARGUMENT"
    assert err.reason == "UNKNOWN_MODEL"
    assert err.violations and err.violations[0][0] == "config.model"
    for name in ["auto", "gaussian_copula", "ctgan", "tvae", "copulagan"]:
        assert name in str(err)
    with pytest.raises(UnknownSynthesizerError):
        get_synthesizer_class("nope")


def test_unknown_text_model():
    with pytest.raises(UnknownSynthesizerError) as info:
        create_synthesizer("gaussian_copula", seed=0, text_model="llm9")
    assert info.value.violations[0][0] == "config.text_model"
    assert "surrogate" in str(info.value)


def test_auto_resolves_to_concrete_engine():
    assert resolve_auto() == "cart"
    assert resolve_auto(kinds={"a": "numeric"}, num_rows_hint=10**6) == "cart"
    synth = create_synthesizer("auto", seed=1, epochs=5, num_rows_hint=1000)
    assert synth.requested_name == "auto"
    assert synth.resolved_name == "cart"
    assert synth.name == "cart"
    assert synth.to_dict()["requested_name"] == "auto"


def test_concrete_engines_are_classes_with_names():
    for name in ["cart", "gaussian_copula", "ctgan", "tvae", "copulagan"]:
        cls = get_synthesizer_class(name)
        assert issubclass(cls, Synthesizer) and cls.name == name
        synth = create_synthesizer(name, seed=0)
        assert synth.resolved_name == name == synth.requested_name
    assert create_synthesizer("ctgan", seed=0).effective_epochs == 100
    assert create_synthesizer("ctgan", seed=0, epochs=3).effective_epochs == 3


def test_config_validation_collects_all_problems():
    with pytest.raises(InvalidConfigError) as info:
        create_synthesizer("ctgan", seed=-1, epochs=0)
    fields = [f for f, _ in info.value.violations]
    assert fields == ["config.seed", "config.epochs"]
    assert info.value.code == "INVALID_ARGUMENT"
    with pytest.raises(InvalidConfigError):
        create_synthesizer("ctgan", seed=True)


def test_epochs_on_gaussian_copula_warns():
    with pytest.warns(EpochsIgnoredWarning):
        create_synthesizer("gaussian_copula", seed=0, epochs=10)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        create_synthesizer("auto", seed=0, epochs=10)  # auto drops epochs silently when unused


def test_register_rejects_bad_classes():
    with pytest.raises(TypeError):
        register(int)  # type: ignore[arg-type]
    ctgan_cls = get_synthesizer_class("ctgan")

    class Clash(ctgan_cls):  # type: ignore[misc, valid-type]
        name = "ctgan"

    with pytest.raises(ValueError):
        register(Clash)


def test_importing_package_does_not_import_sdv():
    import subprocess
    import sys

    code = "import sys, veil.synthesizers; veil.synthesizers.create_synthesizer; print('sdv' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
