"""The engine catalog: a generic name -> engine registry, and its tabular and text instances.

An entry names its engine class by import path (``"module:Class"``) and carries
the engine's capabilities, so a caller can ask what an engine is (differentially
private, needs an LLM endpoint, trains in epochs) without importing it: the
SDV-backed engines (BUSL-1.1) load only when one of them is asked for. The
capabilities are stated here once; an engine class reads them from its entry
(``Synthesizer.uses_epochs``, ``TextSynthesizer.needs_llm``, ...).

``"auto"`` is not an engine but a tabular name resolved to one (``resolve_auto``).
The function-style API built on these registries is in ``veil.synthesizers.registry``
(tabular) and ``veil.synthesizers.text.registry`` (text).
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from veil.synthesizers.errors import UnknownSynthesizerError


@dataclass(frozen=True, kw_only=True)
class Capabilities:
    """What an engine is, known without importing it.

    Attributes:
        differentially_private: The engine's output carries a DP guarantee (it takes a privacy target).
        needs_llm: The engine calls an LLM endpoint (it needs an ``LLMClient``).
        trains_in_epochs: The engine trains in epochs (it takes ``epochs``).
    """

    differentially_private: bool = False
    needs_llm: bool = False
    trains_in_epochs: bool = False


NO_CAPABILITIES = Capabilities()

_FLAGS = frozenset(f.name for f in dataclasses.fields(Capabilities))


class capability:
    """A class attribute that reads one flag of the class's ``capabilities`` (on the class and on instances)."""

    def __init__(self, flag: str) -> None:
        if flag not in _FLAGS:
            raise ValueError(f"unknown capability {flag!r}")
        self.flag = flag

    def __get__(self, instance: object, owner: type) -> bool:
        return bool(getattr(owner.capabilities, self.flag))


@dataclass(frozen=True)
class Entry:
    """A built-in engine: where its class is and what it can do."""

    target: str
    """``"module:Class"``, imported on first use."""
    capabilities: Capabilities = NO_CAPABILITIES


class Registry:
    """Explicit name -> engine class registry of one plug point.

    Built-in engines are listed as entries and imported on first use; other
    classes join with ``register``. Each name has one set of capabilities: a
    built-in's is its entry's, and ``register`` sets it on the class
    (``cls.capabilities``) so the class reads what the registry says.

    Args:
        kind: What the engines are, for messages (``"synthesizer"``, ``"text synthesizer"``).
        base: ``"module:Class"`` of the base every engine must subclass (imported on the
            first ``register``, so the modules defining engines can import this one).
        field: The config field an unknown name is reported on (``config.model``...).
        builtins: Name -> entry of the built-in engines, in the order ``names`` lists them.
        reserved: Names the caller resolves itself (e.g. ``"auto"``): they cannot be
            registered and are listed among the known names when a name is unknown.
    """

    def __init__(
        self, *, kind: str, base: str, field: str, builtins: Mapping[str, Entry], reserved: Iterable[str] = ()
    ) -> None:
        self.kind = kind
        self.field = field
        self.reserved = frozenset(reserved)
        self._base = base
        self._builtins = dict(builtins)
        self._classes: dict[str, type] = {}

    # --- what is known -------------------------------------------------------------

    def names(self, **flags: bool) -> list[str]:
        """Known names whose capabilities match every given flag, built-ins first in declared order.

        Example: ``TABULAR.names(differentially_private=True)``.

        Raises:
            TypeError: A flag that is not a field of ``Capabilities``.
        """
        unknown = set(flags) - _FLAGS
        if unknown:
            raise TypeError(f"unknown capabilities: {', '.join(sorted(unknown))}")
        names = [*self._builtins, *(n for n in self._classes if n not in self._builtins)]
        caps = {n: self.capabilities(n) for n in names}
        return [n for n in names if all(getattr(caps[n], f) == bool(v) for f, v in flags.items())]

    def capabilities(self, name: str) -> Capabilities:
        """The capabilities of ``name`` (no import for a built-in).

        Raises:
            UnknownSynthesizerError: Unknown name (on ``field``); lists the known names.
        """
        if isinstance(name, str) and name in self._builtins:
            return self._builtins[name].capabilities
        return self.get(name).capabilities

    # --- classes ---------------------------------------------------------------------

    def get(self, name: str) -> Any:
        """The class registered as ``name``, importing a built-in on first use.

        Raises:
            UnknownSynthesizerError: Unknown name (on ``field``); lists the known names.
        """
        if isinstance(name, str) and name in self._classes:
            return self._classes[name]
        if isinstance(name, str) and name in self._builtins:
            # Importing the module registers the class (its decorator); register again to be sure.
            return self.register(_load(self._builtins[name].target))
        raise UnknownSynthesizerError(str(name), known=sorted({*self.names(), *self.reserved}), field=self.field)

    def register(self, cls: Any, *, capabilities: Capabilities | None = None) -> Any:
        """Register an engine class under ``cls.name`` (usable as a decorator).

        Args:
            cls: A subclass of the registry's base with a non-empty ``name``.
            capabilities: Only for a name without a built-in entry; ``None`` keeps the
                class's (inherited) ``capabilities``.

        Raises:
            TypeError: Not a subclass of the base, or no ``name``.
            ValueError: The name is taken by another class, is reserved, or is a built-in's
                whose entry states other capabilities.
        """
        base = _load(self._base)
        if not (isinstance(cls, type) and issubclass(cls, base)):
            raise TypeError(f"only {base.__name__} subclasses can be registered")
        name = getattr(cls, "name", None)
        if not isinstance(name, str) or not name:
            raise TypeError(f"a {self.kind} class needs a non-empty 'name'")
        if name in self.reserved:
            raise ValueError(f"{name!r} is reserved")
        existing = self._classes.get(name)
        if existing is not None and existing is not cls:
            raise ValueError(f"{self.kind} name {name!r} is already registered")
        entry = self._builtins.get(name)
        if entry is not None:
            if capabilities is not None and capabilities != entry.capabilities:
                raise ValueError(f"{name!r} is built in; its capabilities are its entry's")
            capabilities = entry.capabilities
        if capabilities is not None:
            cls.capabilities = capabilities
        self._classes[name] = cls
        return cls


def _load(target: str) -> Any:
    module_name, _, attr = target.partition(":")
    return getattr(importlib.import_module(module_name), attr)


AUTO = "auto"
"""Not an engine: the tabular name that ``resolve_auto`` turns into one."""


def resolve_auto(*, kinds: Mapping[str, str] | None = None, num_rows_hint: int | None = None) -> str:
    """The engine ``"auto"`` stands for.

    Rule: always ``"cart"``, the sequential-tree engine: on the benchmark tables it comes
    within 2-3% of the quality a fresh real sample reaches (often at it), a classifier
    barely tells its rows from real ones, it is faster than GaussianCopula, and it is free
    of SDV (BENCHMARKS.md). ``kinds`` and ``num_rows_hint`` are accepted so the rule can
    grow without changing callers; it must stay a pure function of its inputs so the same
    request always resolves to the same engine.
    """
    del kinds, num_rows_hint
    return "cart"


#: Tabular engines (``AUTO`` is reserved: callers resolve it with ``resolve_auto``).
TABULAR = Registry(
    kind="synthesizer",
    base="veil.synthesizers.base:Synthesizer",
    field="config.model",
    reserved=(AUTO,),
    builtins={
        "cart": Entry("veil.synthesizers.tabular.cart:CARTSynthesizer"),
        "gaussian_copula": Entry("veil.synthesizers.tabular.sdv_engines:GaussianCopulaSynthesizer"),
        "ctgan": Entry("veil.synthesizers.tabular.sdv_engines:CTGANSynthesizer", Capabilities(trains_in_epochs=True)),
        "tvae": Entry("veil.synthesizers.tabular.sdv_engines:TVAESynthesizer", Capabilities(trains_in_epochs=True)),
        "copulagan": Entry(
            "veil.synthesizers.tabular.sdv_engines:CopulaGANSynthesizer", Capabilities(trains_in_epochs=True)
        ),
        # differentially private engines: no SDV import on these paths
        "dp_sgd": Entry(
            "veil.synthesizers.tabular.dp_sgd:DPSGDSynthesizer",
            Capabilities(differentially_private=True, trains_in_epochs=True),
        ),
        "dp_marginal": Entry(
            "veil.synthesizers.tabular.dp_marginal:DPMarginalSynthesizer", Capabilities(differentially_private=True)
        ),
    },
)

#: Text engines of ``text`` columns.
TEXT = Registry(
    kind="text synthesizer",
    base="veil.synthesizers.text.base:TextSynthesizer",
    field="config.text_model",
    builtins={
        "surrogate": Entry("veil.synthesizers.text.surrogate:SurrogateTextSynthesizer"),
        "llm_rewrite": Entry("veil.synthesizers.text.llm_rewrite:LLMRewriteSynthesizer", Capabilities(needs_llm=True)),
        "dp_private_evolution": Entry(
            "veil.synthesizers.text.dp_private_evolution:PrivateEvolutionSynthesizer",
            Capabilities(differentially_private=True, needs_llm=True),
        ),
    },
)

__all__ = [
    "AUTO",
    "NO_CAPABILITIES",
    "TABULAR",
    "TEXT",
    "Capabilities",
    "Entry",
    "Registry",
    "capability",
    "resolve_auto",
]
