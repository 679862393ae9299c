"""Persistence of tabular synthesizers: config dicts and the saved-model file format.

``to_dict``/``from_dict`` carry config and books (JSON-able; ``from_dict`` builds
an unfitted twin through the engine catalog); ``save``/``load`` write and read
the fitted model as a pickle, atomically. ``Synthesizer`` mixes these in.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Self

import numpy as np

from veil.synthesizers.catalog import AUTO, TABULAR, resolve_auto
from veil.synthesizers.errors import InvalidStateError, NotFittedError
from veil.synthesizers.protection import DEFAULT_K
from veil.synthesizers.warnings import EpochsIgnoredWarning

SAVE_FORMAT = "veil.synthesizer"
SAVE_VERSION = 1

# fmt: off
_DICT_KEYS = frozenset({"name", "requested_name", "resolved_name", "seed", "epochs", "text_model", "locale",
                        "fitted", "books", "engine_options", "text_options", "rare_value_k"})
# fmt: on

# Held by a synthesizer for its run only: clients with API keys, open connections, loaded models and locks.
_NOT_PICKLED = ("llm", "pii_scanner")


class SynthesizerPersistence:
    """``to_dict``/``from_dict``/``state_dict`` and ``save``/``load`` of ``Synthesizer``.

    Reads the config attributes a ``Synthesizer`` sets (``name``, ``seed``, ``epochs``,
    ``text_model``, ``text_options``, ``locale``, ``rare_value_k``, ``requested_name``,
    ``resolved_name``, ``fitted``, ``_books``).
    """

    name: str

    def to_dict(self) -> dict[str, Any]:
        """Config and books, JSON-able. ``from_dict`` rebuilds an unfitted twin; weights go through ``save``."""
        return {
            "name": self.name,
            "requested_name": self.requested_name,
            "resolved_name": self.resolved_name,
            "seed": self.seed,
            "epochs": self.epochs,
            "text_model": self.text_model,
            "text_options": self.text_options.model_dump(),
            "rare_value_k": self.rare_value_k,
            "locale": self.locale,
            "fitted": self.fitted,
            "books": None if self._books is None else _jsonable(self._books),
        }

    def state_dict(self) -> dict[str, Any]:
        """Same as ``to_dict`` (config + books); the fitted model itself persists with ``save``/``load``."""
        return self.to_dict()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Rebuild an unfitted synthesizer with the same config from ``to_dict`` output.

        Raises:
            InvalidStateError: No name, unexpected keys, or a dict of another engine than ``cls``.
            UnknownSynthesizerError: The name is no registered engine.
        """
        if not isinstance(data, Mapping) or not isinstance(data.get("resolved_name", data.get("name")), str):
            raise InvalidStateError("synthesizer dict needs a 'name'", violations=[("name", "missing")])
        unknown = sorted(set(data) - _DICT_KEYS)
        if unknown:
            raise InvalidStateError(
                "unexpected keys in synthesizer dict", violations=[(k, "unexpected key") for k in unknown]
            )
        name = data.get("resolved_name", data["name"])
        engine_cls = TABULAR.get(resolve_auto() if name == AUTO else name)
        # Every registered engine is a Synthesizer: asked on the base, any engine will do.
        if not issubclass(engine_cls, cls):
            raise InvalidStateError(f"dict describes {engine_cls.name!r}, not {cls.name!r}")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", EpochsIgnoredWarning)
            synth = engine_cls(
                seed=data.get("seed", 0),
                epochs=data.get("epochs"),
                text_model=data.get("text_model", "surrogate"),
                locale=data.get("locale", "en_US"),
                text_options=data.get("text_options"),
                rare_value_k=data.get("rare_value_k", DEFAULT_K),
                **dict(data.get("engine_options") or {}),
            )
        synth.requested_name = str(data.get("requested_name", synth.name))
        return synth

    def save(self, path: str | os.PathLike[str]) -> None:
        """Pickle the fitted synthesizer to ``path`` atomically (temp file + ``os.replace``).

        Only load files from a trusted artifact store: loading runs pickle.

        Raises:
            NotFittedError: ``fit`` has not completed.
        """
        if not self.fitted:
            raise NotFittedError(f"synthesizer {self.name!r} is not fitted; nothing to save")
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(
                    {"format": SAVE_FORMAT, "version": SAVE_VERSION, "config": self.to_dict(), "synthesizer": self},
                    fh,
                    protocol=pickle.HIGHEST_PROTOCOL,
                )
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            raise

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Self:
        """Load a synthesizer written by ``save`` (trusted files only).

        Raises:
            InvalidStateError: No such file, not a saved synthesizer, another save version, or another class.
        """
        try:
            with open(path, "rb") as fh:
                payload = pickle.load(fh)
        except FileNotFoundError:
            raise InvalidStateError("saved synthesizer not found", violations=[("path", "no such file")]) from None
        except Exception as exc:
            raise InvalidStateError(
                f"cannot read saved synthesizer ({type(exc).__name__})",
                violations=[("path", "not a saved synthesizer")],
            ) from None
        if not isinstance(payload, dict) or payload.get("format") != SAVE_FORMAT:
            raise InvalidStateError("not a saved Veil synthesizer", violations=[("path", "not a saved synthesizer")])
        if payload.get("version") != SAVE_VERSION:
            raise InvalidStateError(
                f"unsupported save version {payload.get('version')!r}", violations=[("path", "unsupported version")]
            )
        synth = payload.get("synthesizer")
        if not isinstance(synth, cls):
            raise InvalidStateError(
                f"file holds {type(synth).__name__}, not {cls.__name__}",
                violations=[("path", "wrong synthesizer class")],
            )
        return synth

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, **dict.fromkeys(_NOT_PICKLED)}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    return value


__all__ = ["SAVE_FORMAT", "SAVE_VERSION", "SynthesizerPersistence"]
