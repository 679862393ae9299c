"""SDV-backed tabular engines: GaussianCopula, CTGAN, TVAE and CopulaGAN.

This is the only module in Veil that imports SDV (and, through it, ctgan, rdt
and copulas), all under BUSL-1.1: fine for internal use, not for offering
synthetic data generation to third parties as a service. DP engines must not
import this module.

SDV 2.0 single-table API, as installed: ``Metadata.load_from_dict`` builds the
metadata (built here from Veil's kinds, never detected, so SDV does not guess
PII), ``synth.fit({"t": frame})`` takes a one-table dict (a bare DataFrame is
rejected) and ``synth.sample(n)`` returns ``{"t": frame}``.

Network: SDV 2.0 has no telemetry or update check; its usage logger writes a
CSV only when ``log_registry`` is configured (it is ``null`` by default) and it
is silenced here anyway. Nothing in fit/sample reaches the network.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import warnings
from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any, ClassVar

import pandas as pd
import torch

# SDV's usage loggers: keep them quiet and off any handler before SDV configures them.
for _name in ("SingleTableSynthesizer", "MultiTableSynthesizer", "Metadata", "SingleTableMetadata"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)
    logging.getLogger(_name).propagate = False

import sdv.single_table.base as _sdv_base  # noqa: E402
import tqdm  # noqa: E402
from sdv.metadata import Metadata  # noqa: E402
from sdv.sampling import Condition  # noqa: E402
from sdv.single_table import CopulaGANSynthesizer as _SdvCopulaGAN  # noqa: E402
from sdv.single_table import CTGANSynthesizer as _SdvCTGAN  # noqa: E402
from sdv.single_table import GaussianCopulaSynthesizer as _SdvGaussianCopula  # noqa: E402
from sdv.single_table import TVAESynthesizer as _SdvTVAE  # noqa: E402

from veil.core import kinds as K  # noqa: E402
from veil.core.conditions import ConditionGroup  # noqa: E402
from veil.core.progress import ProgressFn  # noqa: E402
from veil.synthesizers.base import Synthesizer  # noqa: E402
from veil.synthesizers.coercion import is_discrete_integer  # noqa: E402
from veil.synthesizers.conditioned import draw_given  # noqa: E402
from veil.synthesizers.registry import register  # noqa: E402

logger = logging.getLogger(__name__)

TABLE = "t"
SDTYPES = {K.NUMERIC: "numerical", K.CATEGORICAL: "categorical", K.DATETIME: "datetime", K.BOOLEAN: "boolean"}
DEFAULT_EPOCHS = 100
"""CPU-sane default for the neural engines (SDV's own default is 300)."""
SDV_CONDITIONS = "sdv_conditions"
"""How condition groups are met: SDV's conditional sampling on the single-value labels, the rest checked."""


def build_metadata(kinds: Mapping[str, str], frame: pd.DataFrame | None = None) -> Metadata:
    """SDV metadata for the modelled columns, from Veil kinds (no detection).

    With ``frame``, integer columns with few distinct values are categorical, so that they come
    back as the values they hold (``coercion.is_discrete_integer``).
    """
    columns = {}
    for col, kind in kinds.items():
        discrete = frame is not None and kind == K.NUMERIC and is_discrete_integer(frame[col])
        columns[str(col)] = {"sdtype": "categorical" if discrete else SDTYPES[kind]}
    return Metadata.load_from_dict({"METADATA_SPEC_VERSION": "V1", "tables": {TABLE: {"columns": columns}}})


def _set_torch_threads() -> None:
    torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))


# --- per-epoch progress ----------------------------------------------------------------
# ctgan's CTGAN and TVAE loop over ``tqdm(range(epochs), ...)``; wrapping the name
# ``tqdm`` in those modules lets the active fit (per thread) see each epoch end.

_progress_local = threading.local()


def _install_epoch_hook() -> bool:
    try:
        import ctgan.synthesizers.ctgan as ctgan_mod
        import ctgan.synthesizers.tvae as tvae_mod
    except ImportError:  # pragma: no cover - ctgan ships with sdv
        return False
    for mod in (ctgan_mod, tvae_mod):
        original = getattr(mod, "tqdm", None)
        if original is None or getattr(original, "_veil_hook", False):
            continue

        def hooked(iterable=None, *args, _original=original, **kwargs):
            bar = _original(iterable, *args, **kwargs)
            callback = getattr(_progress_local, "callback", None)
            if callback is None:
                return bar
            total = len(iterable) if hasattr(iterable, "__len__") else None

            def generate():
                for i, item in enumerate(bar):
                    yield item
                    if total:
                        callback((i + 1) / total)

            return _EpochIterator(bar, generate())

        hooked._veil_hook = True  # type: ignore[attr-defined]
        mod.tqdm = hooked
    return True


class _EpochIterator:
    """Iterates like the tqdm bar it wraps and forwards attribute access (set_description...)."""

    def __init__(self, bar: Any, gen: Any) -> None:
        self._bar, self._gen = bar, gen

    def __iter__(self):
        return self._gen

    def __getattr__(self, name: str) -> Any:
        return getattr(self._bar, name)


_EPOCH_HOOK = _install_epoch_hook()

# SDV's conditional sampling draws a tqdm bar on stderr that no one reads in a service; the bars its
# sampling makes are kept off (a caller's own ``disable=`` still wins).
_sdv_base.tqdm = SimpleNamespace(tqdm=functools.partial(tqdm.tqdm, disable=True))


# --- engines ---------------------------------------------------------------------------


class _SdvSynthesizer(Synthesizer):
    """Shared SDV plumbing: metadata from kinds, seeding, dict in / dict out."""

    sdv_class: ClassVar[type]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._model: Any = None

    def _engine_kwargs(self) -> dict[str, Any]:
        return {}

    def _fit(self, frame: pd.DataFrame, kinds: Mapping[str, str], progress: ProgressFn | None) -> None:
        if progress:
            progress(0.0)
        _set_torch_threads()
        metadata = build_metadata(kinds, frame)
        model = self.sdv_class(metadata, **self._engine_kwargs())
        _progress_local.callback = progress if self.uses_epochs else None
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", module=r"sdv\..*|rdt\..*|copulas\..*|ctgan\..*")
                warnings.filterwarnings("ignore", category=FutureWarning)
                model.fit({TABLE: frame})
        finally:
            _progress_local.callback = None
        self._model = model
        # the values each label column holds, for conditions (SDV conditions on the values themselves)
        self._values = {
            col: list(pd.unique(frame[col].dropna()))
            for col, kind in kinds.items()
            if kind in (K.CATEGORICAL, K.BOOLEAN)
        }
        if progress:
            progress(1.0)

    def _sample(self, num_rows: int, progress: ProgressFn | None) -> pd.DataFrame:
        if progress:
            progress(0.0)
        _set_torch_threads()
        model = self._model
        # Make the draw a function of the seed: reset the transformers' sampling state
        # and seed the model's RNGs (SDV otherwise uses a fixed seed on the first draw).
        model.reset_sampling()
        model._set_random_state(self._sampling_seed)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", module=r"sdv\..*|rdt\..*|copulas\..*|ctgan\..*")
            out = model.sample(num_rows)
        frame = out[TABLE] if isinstance(out, dict) else out
        if progress:
            progress(1.0)
        return frame

    def _sample_given(self, group: ConditionGroup, seed: int) -> tuple[pd.DataFrame, int, str] | None:
        """Rows given a condition group by SDV's conditional sampling on the group's single-value labels.

        SDV conditions on exact column values (GaussianCopula conditions its copula on them, the GANs
        their conditional vector, with SDV's own rejection behind); a group's other constraints (value
        sets, ranges) are checked on the rows it returns. A group with no single-value label is left to
        the base's rejection.
        """
        values = getattr(self, "_values", None)
        fixed: dict[str, Any] = {}
        for constraint in group.where:
            if values is None or constraint.column not in values or constraint.exclude or len(constraint.values) != 1:
                continue
            held = pd.Series(values[constraint.column], dtype=object)
            match = held[constraint.holds(held, self.books["kinds"][constraint.column])]
            if match.empty:  # a value training never held: SDV cannot condition on it
                return pd.DataFrame(columns=list(self.books["modelled_columns"])), 0, SDV_CONDITIONS
            fixed[constraint.column] = match.iloc[0]
        if not fixed:
            return None
        _set_torch_threads()
        model = self._model
        model.reset_sampling()
        model._set_random_state(seed % 2**32)

        def draw(batch: int) -> pd.DataFrame | None:
            try:
                with warnings.catch_warnings():
                    warnings.filterwarnings("ignore", module=r"sdv\..*|rdt\..*|copulas\..*|ctgan\..*")
                    out = model.sample_from_conditions([Condition(column_values=fixed, num_rows=batch)])
            except ValueError:  # SDV made no row with these values in its tries
                return None
            return out[TABLE] if isinstance(out, dict) else out

        kept, drawn = draw_given(group, self.books["kinds"], draw, min_batch=256, max_batch=200_000)
        frame = (
            pd.concat(kept, ignore_index=True) if kept else pd.DataFrame(columns=list(self.books["modelled_columns"]))
        )
        return frame, drawn, SDV_CONDITIONS


@register
class GaussianCopulaSynthesizer(_SdvSynthesizer):
    """SDV GaussianCopula: fast, CPU-friendly, no epochs (``auto`` resolves here)."""

    name = "gaussian_copula"
    sdv_class = _SdvGaussianCopula


class _NeuralSdvSynthesizer(_SdvSynthesizer):
    default_epochs = DEFAULT_EPOCHS

    def _engine_kwargs(self) -> dict[str, Any]:
        return {"epochs": self.effective_epochs, "enable_gpu": False, "verbose": False}


@register
class CTGANSynthesizer(_NeuralSdvSynthesizer):
    """SDV CTGAN (conditional GAN), CPU, ``epochs`` default 100."""

    name = "ctgan"
    sdv_class = _SdvCTGAN


@register
class TVAESynthesizer(_NeuralSdvSynthesizer):
    """SDV TVAE (variational autoencoder), CPU, ``epochs`` default 100."""

    name = "tvae"
    sdv_class = _SdvTVAE


@register
class CopulaGANSynthesizer(_NeuralSdvSynthesizer):
    """SDV CopulaGAN (CTGAN on Gaussian-copula-transformed inputs), CPU, ``epochs`` default 100."""

    name = "copulagan"
    sdv_class = _SdvCopulaGAN
