"""Explicit name -> class registry of tabular synthesizers.

Built-in engines are listed by import path and imported on first use, so
``import synthesizers`` stays light and the SDV-backed engines (BUSL-1.1) are
only imported when one of them is asked for; DP engines register here too and
never pull SDV in.

``"auto"`` is not a class: ``create_synthesizer("auto", ...)`` resolves it with
``resolve_auto`` to a concrete engine and returns that engine with
``requested_name == "auto"`` and ``resolved_name`` the concrete name.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from veil.synthesizers.base import Synthesizer
from veil.synthesizers.errors import InvalidConfigError, UnknownSynthesizerError

AUTO = "auto"

_REGISTRY: dict[str, type[Synthesizer]] = {}
_BUILTIN: dict[str, str] = {
    "gaussian_copula": "veil.synthesizers.tabular.sdv_engines:GaussianCopulaSynthesizer",
    "ctgan": "veil.synthesizers.tabular.sdv_engines:CTGANSynthesizer",
    "tvae": "veil.synthesizers.tabular.sdv_engines:TVAESynthesizer",
    "copulagan": "veil.synthesizers.tabular.sdv_engines:CopulaGANSynthesizer",
    # differentially private engines: no SDV import on these paths
    "dp_sgd": "veil.synthesizers.tabular.dp_sgd:DPSGDSynthesizer",
    "dp_marginal": "veil.synthesizers.tabular.dp_marginal:DPMarginalSynthesizer",
}

#: Names of the differentially private engines (known without importing them).
DP_ENGINES = ("dp_sgd", "dp_marginal")


def register(cls: type[Synthesizer]) -> type[Synthesizer]:
    """Register a ``Synthesizer`` subclass under ``cls.name`` (usable as a decorator).

    Raises:
        TypeError: Not a Synthesizer subclass, or no ``name``.
        ValueError: The name is taken by another class, or is ``"auto"``.
    """
    if not (isinstance(cls, type) and issubclass(cls, Synthesizer)):
        raise TypeError("only Synthesizer subclasses can be registered")
    name = getattr(cls, "name", None)
    if not isinstance(name, str) or not name:
        raise TypeError("a synthesizer class needs a non-empty 'name'")
    if name == AUTO:
        raise ValueError("'auto' is reserved")
    existing = _REGISTRY.get(name)
    if existing is not None and existing is not cls:
        raise ValueError(f"synthesizer name {name!r} is already registered")
    _REGISTRY[name] = cls
    return cls


def available_synthesizers() -> list[str]:
    """Every name ``create_synthesizer`` accepts, sorted (includes ``"auto"``)."""
    return sorted(set(_REGISTRY) | set(_BUILTIN) | {AUTO})


def get_synthesizer_class(name: str) -> type[Synthesizer]:
    """The concrete class registered as ``name`` (``"auto"`` resolves with default hints).

    Raises:
        UnknownSynthesizerError: Unknown name (field ``config.model``); lists the known names.
    """
    if name == AUTO:
        name = resolve_auto()
    if isinstance(name, str) and name in _REGISTRY:
        return _REGISTRY[name]
    if isinstance(name, str) and name in _BUILTIN:
        module_name, _, attr = _BUILTIN[name].partition(":")
        return register(getattr(importlib.import_module(module_name), attr))
    raise UnknownSynthesizerError(str(name), known=available_synthesizers(), field="config.model")


def resolve_auto(*, kinds: Mapping[str, str] | None = None, num_rows_hint: int | None = None) -> str:
    """The engine ``"auto"`` stands for.

    Rule (CPU deployments): always ``"gaussian_copula"``. It fits in seconds at
    10^5-10^6 rows on 2 cores, handles every modelled kind, and its fidelity on
    marginals and pairwise correlations is competitive with the neural engines
    at CPU-affordable epoch counts; the neural engines stay opt-in. ``kinds``
    and ``num_rows_hint`` are accepted so the rule can grow (e.g. a GPU rule)
    without changing callers; it must stay a pure function of its inputs so the
    same request always resolves to the same engine.
    """
    del kinds, num_rows_hint
    return "gaussian_copula"


def create_synthesizer(
    name: str,
    *,
    seed: int,
    epochs: int | None = None,
    num_rows_hint: int | None = None,
    text_model: str = "surrogate",
    kinds: Mapping[str, str] | None = None,
    locale: str = "en_US",
    epsilon: float | None = None,
    delta: float | None = None,
    public: Any = None,
    text_options: Any = None,
    llm: Any = None,
    rare_value_k: int | None = None,
) -> Synthesizer:
    """Instantiate the synthesizer registered as ``name`` (or the one ``"auto"`` resolves to).

    Args:
        name: Engine name, see ``available_synthesizers``.
        seed: Job seed.
        epochs: Training epochs for neural engines (``None``: engine default).
            Ignored without a warning when ``name`` is ``"auto"`` and the resolved
            engine does not train in epochs.
        num_rows_hint: Expected training rows (used by ``"auto"``).
        text_model: Text engine for ``text`` columns.
        kinds: Column kinds, if known (used by ``"auto"``).
        locale: Faker locale for ``pii:*`` columns.
        epsilon: Target ε of a DP engine (required for them, refused for the others).
        delta: Target δ of a DP engine (engine default when ``None``).
        public: ``PublicMetadata`` (or its dict) the caller vouches for; DP engines only.
        text_options: ``TextOptions`` (or its dict) of the text engine.
        llm: ``LLMClient`` of the LLM endpoint, for text engines that need one.
        rare_value_k: Rare-value protection's k (``None``: the default, 5; 1: off); non-DP engines only.

    Raises:
        UnknownSynthesizerError: Unknown ``name`` or ``text_model``.
        InvalidConfigError: Bad seed or epochs; a privacy target for a non-DP engine, or none for a DP one.
    """
    requested = name
    if name == AUTO:
        name = resolve_auto(kinds=kinds, num_rows_hint=num_rows_hint)
    cls = get_synthesizer_class(name)
    if requested == AUTO and not cls.uses_epochs:
        epochs = None
    options: dict[str, Any] = {}
    if getattr(cls, "differentially_private", False):
        options = {"epsilon": epsilon, "delta": delta, "public": public}
    elif epsilon is not None or delta is not None or public is not None:
        field = "config.epsilon" if epsilon is not None else "config.delta" if delta is not None else "config.public_columns"
        raise InvalidConfigError(f"{cls.name!r} is not differentially private; a privacy target applies only to "
                                 f"{', '.join(DP_ENGINES)}", violations=[(field, f"not used by model {cls.name}")])
    if rare_value_k is not None:
        options["rare_value_k"] = rare_value_k
    synth = cls(seed=seed, epochs=epochs, text_model=text_model, locale=locale, text_options=text_options, llm=llm,
                **options)
    synth.requested_name = requested
    return synth
