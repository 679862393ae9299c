"""The tabular synthesizer plug point: one abstract base, template-method fit/sample.

``Synthesizer.fit`` and ``Synthesizer.sample`` validate, keep the books and
route columns by kind; engines implement only ``_fit``/``_sample`` over the
modelled columns (numeric, categorical, datetime, boolean):

* ``id`` columns are never modelled: ``sample`` emits fresh sequential ids in the
  input's format that cannot equal an input id;
* ``pii:<ENTITY>`` columns are never modelled: ``sample`` emits fresh, seeded Faker
  values of that entity (never taken from the training frame);
* ``text`` columns go to a text engine (``text_model``, default ``"surrogate"``).

Seeds: ``fit`` and ``sample`` seed ``random``, numpy and (when loaded) torch from
``seed``; the same seed, data and config give the same output frame. ``sample``
is a pure function of (fitted model, seed, num_rows): calling it twice with the
same seed returns the same frame; pass ``seed=`` for another draw.

Persistence (``to_dict``/``from_dict``, ``save``/``load``) is mixed in from
``veil.synthesizers.persistence``; the dtype coercion of modelled columns is in
``veil.synthesizers.coercion``.
"""

from __future__ import annotations

import logging
import random
import sys
import time
import warnings
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import pandas as pd

from veil.core import kinds as K
from veil.core.conditions import ConditionGroup
from veil.core.progress import ProgressFn
from veil.synthesizers.catalog import NO_CAPABILITIES, Capabilities, capability
from veil.synthesizers.coercion import coerce_modelled, restore
from veil.synthesizers.conditioned import sample_conditions
from veil.synthesizers.errors import (
    EngineError,
    InvalidConfigError,
    InvalidDataError,
    InvalidKindsError,
    InvalidSampleRequestError,
    NotFittedError,
    SynthesizerError,
)
from veil.synthesizers.generators import (
    IdSpec,
    PiiSpec,
    column_seed,
    generate_ids,
    generate_pii,
    learn_id_spec,
    learn_pii_spec,
)
from veil.synthesizers.persistence import SynthesizerPersistence
from veil.synthesizers.protection import DEFAULT_K, ValueProtection, check_k, learn_protection, pool_rare, protect
from veil.synthesizers.text.base import TextSynthesizer
from veil.synthesizers.text.options import TextOptions
from veil.synthesizers.text.registry import create_text_synthesizer, get_text_synthesizer_class
from veil.synthesizers.warnings import EpochsIgnoredWarning, FewRowsWarning

if TYPE_CHECKING:
    from veil.synthesizers.text.llm import LLMClient
    from veil.synthesizers.text.validation import PiiScanner

logger = logging.getLogger(__name__)


FEW_ROWS_MIN = 50
FEW_ROWS_PER_COLUMN = 5


def seed_everything(seed: int) -> None:
    """Seed ``random``, numpy's global RNG and torch (only if already imported)."""
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.manual_seed(seed)


class _CallerAbort(Exception):
    """Carries an exception the caller's progress callback raised (e.g. a cancel) through an engine."""

    def __init__(self, original: BaseException) -> None:
        super().__init__(type(original).__name__)
        self.original = original


def _scaled(progress: ProgressFn | None, lo: float, hi: float) -> ProgressFn | None:
    """Map an engine's 0..1 progress into [lo, hi] of the caller's, monotonic and clamped.

    An exception from the caller's callback is wrapped so that fit/sample can
    re-raise it unchanged instead of reporting an engine failure.
    """
    if progress is None:
        return None
    last = [lo]

    def report(fraction: float) -> None:
        value = lo + (hi - lo) * min(max(float(fraction), 0.0), 1.0)
        if value >= last[0]:
            last[0] = value
            try:
                progress(value)
            except Exception as exc:
                raise _CallerAbort(exc) from exc

    return report


def _check_int(value: object, *, lo: int, hi: int | None = None) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        return False
    return int(value) >= lo and (hi is None or int(value) < hi)


class Synthesizer(SynthesizerPersistence, ABC):
    """Base of every tabular engine.

    Args:
        seed: Job seed, an integer in [0, 2**32).
        epochs: Training epochs for engines that train in epochs (``None``: the
            engine's default). Engines that do not (GaussianCopula) warn with
            ``EpochsIgnoredWarning`` when it is given.
        text_model: Text engine name for ``text`` columns (see
            ``veil.synthesizers.text.available_text_synthesizers``).
        locale: Faker locale for ``pii:*`` columns.
        text_options: Options of the text engine (``TextOptions`` or its dict).
        llm: Client of the LLM endpoint, for text engines that need one.
        pii_scanner: PII scanner of the text engines' validation (generated texts are re-scanned);
            ``None``: one default-configured Presidio engine shared by the process.
        rare_value_k: Rare-value protection (``synthesizers.protection``): a categorical value
            held by fewer than this many training rows is never emitted, and numeric and
            datetime values are clipped to the range that this many rows share at each end.
            1 turns it off. Engines whose ``protects_rare_values`` is false (the DP engines,
            whose guarantee already covers rare values) ignore it.

    Raises:
        InvalidConfigError: Bad seed or epochs (all problems reported at once).
        UnknownSynthesizerError: Unknown ``text_model`` (field ``config.text_model``).
    """

    name: ClassVar[str]
    # Set from the engine's catalog entry when it registers; the flags below read it.
    capabilities: ClassVar[Capabilities] = NO_CAPABILITIES
    differentially_private = capability("differentially_private")
    uses_epochs = capability("trains_in_epochs")
    default_epochs: ClassVar[int | None] = None
    protects_rare_values: ClassVar[bool] = True

    def __init__(
        self,
        *,
        seed: int = 0,
        epochs: int | None = None,
        text_model: str = "surrogate",
        locale: str = "en_US",
        text_options: TextOptions | Mapping[str, Any] | None = None,
        llm: LLMClient | None = None,
        pii_scanner: PiiScanner | None = None,
        rare_value_k: int = DEFAULT_K,
    ) -> None:
        violations: list[tuple[str, str]] = []
        if (problem := check_k(rare_value_k)) is not None:
            violations.append(("config.rare_value_threshold", problem))
        if not _check_int(seed, lo=0, hi=2**32):
            violations.append(("config.seed", "must be an integer in [0, 2**32)"))
        if epochs is not None and not _check_int(epochs, lo=1):
            violations.append(("config.epochs", "must be an integer >= 1 or unset"))
        if not isinstance(locale, str) or not locale:
            violations.append(("config.locale", "must be a non-empty string"))
        if violations:
            raise InvalidConfigError("invalid synthesizer configuration", violations=violations)
        get_text_synthesizer_class(text_model)  # raises UnknownSynthesizerError on config.text_model
        self.text_options = TextOptions.coerce(text_options)
        self.llm = llm  # the generator endpoint's client: used, never serialised
        self.pii_scanner = pii_scanner  # likewise
        if epochs is not None and not self.uses_epochs:
            warnings.warn(
                f"{self.name!r} does not train in epochs; epochs={epochs} is ignored",
                EpochsIgnoredWarning,
                stacklevel=2,
            )
        self.seed = int(seed)
        self.epochs = None if epochs is None else int(epochs)
        self.text_model = text_model
        self.locale = locale
        self.requested_name: str = self.name
        self.rare_value_k = int(rare_value_k)
        self._protection = ValueProtection(k=1)
        self._books: dict[str, Any] | None = None
        self._dtypes: dict[str, Any] = {}
        self._id_specs: dict[str, IdSpec] = {}
        self._pii_specs: dict[str, PiiSpec] = {}
        self._text_engines: dict[str, TextSynthesizer] = {}
        self._sampling_seed: int = self.seed

    # --- properties ----------------------------------------------------------------

    @property
    def resolved_name(self) -> str:
        """The concrete engine name (``requested_name`` may be ``"auto"``)."""
        return self.name

    @property
    def effective_epochs(self) -> int | None:
        """Epochs the engine trains for (``None`` when it does not train in epochs)."""
        if not self.uses_epochs:
            return None
        return self.epochs if self.epochs is not None else self.default_epochs

    @property
    def fitted(self) -> bool:
        """Whether ``fit`` has completed."""
        return self._books is not None

    @property
    def books(self) -> dict[str, Any]:
        """What ``fit`` recorded (columns, dtypes, kinds, row count, fit seconds, ...)."""
        if self._books is None:
            raise NotFittedError(f"synthesizer {self.name!r} is not fitted")
        return self._books

    # --- fit -----------------------------------------------------------------------

    def fit(self, frame: pd.DataFrame, *, kinds: Mapping[str, str], progress: ProgressFn | None = None) -> None:
        """Learn ``frame``.

        Args:
            frame: Training rows (already scrubbed of raw PII upstream).
            kinds: Column -> kind for exactly the frame's columns.
            progress: Optional callback receiving the completed fraction.

        Raises:
            InvalidKindsError: Kinds missing, extra or not valid kind strings.
            InvalidDataError: No rows/columns, or values not matching their kind.
            EngineError: The engine failed.
        """
        started = time.perf_counter()
        kinds = self._validate_fit_args(frame, kinds)
        if progress:
            progress(0.0)
        seed_everything(self.seed)
        modelled, null_columns = self._prepare_modelled(frame, kinds)
        modelled_kinds = {c: kinds[c] for c in modelled.columns}
        protection = learn_protection(modelled, modelled_kinds, k=self.rare_value_k if self.protects_rare_values else 1)
        modelled = pool_rare(modelled, protection)
        if modelled_kinds and len(frame) < max(FEW_ROWS_MIN, FEW_ROWS_PER_COLUMN * len(modelled_kinds)):
            warnings.warn(
                f"{len(frame)} rows for {len(modelled_kinds)} modelled columns; expect low fidelity",
                FewRowsWarning,
                stacklevel=2,
            )
        self._books = None
        self._dtypes = {c: frame[c].dtype for c in frame.columns}
        id_specs = {c: self._learn_id_spec(frame[c]) for c, k in kinds.items() if k == K.ID}
        pii_specs = {c: self._learn_pii_spec(K.pii_entity(k), frame[c]) for c, k in kinds.items() if K.is_pii_kind(k)}
        text_columns = [c for c, k in kinds.items() if k == K.TEXT]

        if modelled_kinds:
            logger.info("fitting %s on %d rows x %d modelled columns", self.name, len(frame), len(modelled_kinds))
            try:
                self._fit(modelled, modelled_kinds, _scaled(progress, 0.02, 0.9))
            except SynthesizerError:
                raise
            except _CallerAbort as abort:  # the caller stopped us (e.g. cancel): its error, unchanged
                raise abort.original from None
            except Exception as exc:  # third-party failure: keep the type, drop the message
                logger.error("engine %s failed during fit (%s)", self.name, type(exc).__name__)
                raise EngineError(self.name, "fit", exc) from None
        text_engines: dict[str, TextSynthesizer] = {}
        text_progress = _scaled(progress, 0.9, 1.0)
        entities = {c: K.pii_entity(k) for c, k in kinds.items() if K.is_pii_kind(k)}
        context = frame[list(entities)].astype(object).reset_index(drop=True) if entities else None
        for i, col in enumerate(text_columns):
            column_progress = (
                _scaled(text_progress, i / len(text_columns), (i + 1) / len(text_columns)) if text_progress else None
            )
            engine = self._unwrap_abort(
                self._fit_text,
                col,
                frame[col].reset_index(drop=True),
                context=context,
                entities=entities,
                progress=column_progress,
            )
            if engine is not None:
                text_engines[col] = engine
            if text_progress:
                text_progress((i + 1) / len(text_columns))

        self._id_specs, self._pii_specs, self._text_engines = id_specs, pii_specs, text_engines
        self._protection = protection
        self._books = {
            "columns": [str(c) for c in frame.columns],
            "dtypes": {str(c): str(frame[c].dtype) for c in frame.columns},
            "kinds": dict(kinds),
            "num_rows": int(len(frame)),
            "modelled_columns": list(modelled_kinds),
            "null_columns": null_columns,
            "text_columns": text_columns,
            "id_columns": {c: s.to_dict() for c, s in id_specs.items()},
            "pii_columns": {c: s.to_dict() for c, s in pii_specs.items()},
            "datetime": self._datetime_books,
            "value_protection": protection.summary(),
            "fit_seconds": round(time.perf_counter() - started, 4),
        }
        if progress:
            progress(1.0)

    def _validate_fit_args(self, frame: object, kinds: object) -> dict[str, str]:
        if not isinstance(frame, pd.DataFrame):
            raise InvalidDataError("frame must be a pandas DataFrame", violations=[("frame", "not a pandas DataFrame")])
        if not isinstance(kinds, Mapping):
            raise InvalidKindsError(
                "kinds must be a mapping of column -> kind", violations=[("kinds", "not a mapping")]
            )
        kind_violations: list[tuple[str, str]] = []
        data_violations: list[tuple[str, str]] = []
        columns = list(frame.columns)
        duplicated = sorted({str(c) for c in frame.columns[frame.columns.duplicated()]})
        for col in duplicated:
            data_violations.append((col, "column name appears more than once"))
        if not columns:
            data_violations.append(("frame", "has no columns"))
        if len(frame) == 0:
            data_violations.append(("frame", "has no rows"))
        column_set = set(columns)
        for col in columns:
            if col not in kinds:
                kind_violations.append((str(col), "no kind given for this column"))
            elif not K.is_valid_kind(kinds[col]):
                kind_violations.append(
                    (str(col), f"invalid kind {kinds[col]!r}; expected one of {sorted(K.BASE_KINDS)} or pii:<ENTITY>")
                )
        for col in kinds:
            if col not in column_set:
                kind_violations.append((str(col), "kind given for a column the frame does not have"))
        if kind_violations:
            raise InvalidKindsError("column kinds do not match the frame", violations=kind_violations + data_violations)
        if data_violations:
            raise InvalidDataError("training frame cannot be used", violations=data_violations)
        return {c: kinds[c] for c in columns}

    def _prepare_modelled(self, frame: pd.DataFrame, kinds: Mapping[str, str]) -> tuple[pd.DataFrame, list[str]]:
        """Coerce modelled columns to what engines expect; collect every problem, raise once.

        Returns the coerced columns and the all-null ones (not modelled); the datetime
        columns' books go to ``self._datetime_books``.
        """
        modelled, null_columns, self._datetime_books = coerce_modelled(frame, kinds, stacklevel=3)
        return modelled, null_columns

    # --- sample --------------------------------------------------------------------

    def sample(
        self,
        num_rows: int,
        *,
        progress: ProgressFn | None = None,
        seed: int | None = None,
        conditions: Sequence[ConditionGroup] = (),
    ) -> pd.DataFrame:
        """Generate ``num_rows`` synthetic rows with the training frame's columns, order and dtypes.

        Args:
            num_rows: Rows to generate (>= 1); with ``conditions``, their rows' sum.
            progress: Optional callback receiving the completed fraction.
            seed: Overrides ``self.seed`` for this draw.
            conditions: Groups of rows to make instead of unconditioned rows, in order; how each was met
                is recorded in ``books["conditions"]``.

        Raises:
            InvalidSampleRequestError: ``num_rows`` or ``seed`` invalid.
            NotFittedError: ``fit`` has not completed.
            ConditionUnmetError: A group's rows were not made within the draws allowed.
            EngineError: The engine failed.
        """
        violations = []
        if not _check_int(num_rows, lo=1):
            violations.append(("num_rows", "must be an integer >= 1"))
        if conditions and num_rows != sum(g.rows for g in conditions):
            violations.append(("num_rows", "must be the condition groups' rows, summed"))
        if seed is not None and not _check_int(seed, lo=0, hi=2**32):
            violations.append(("seed", "must be an integer in [0, 2**32)"))
        if violations:
            raise InvalidSampleRequestError("invalid sample request", violations=violations)
        if self._books is None:
            raise NotFittedError(f"synthesizer {self.name!r} is not fitted; call fit first")
        num_rows = int(num_rows)
        seed = self.seed if seed is None else int(seed)
        books = self._books
        if progress:
            progress(0.0)
        seed_everything(seed)
        self._sampling_seed = seed
        columns: dict[str, pd.Series] = {}
        if books["modelled_columns"]:
            books.pop("conditions", None)
            if conditions:
                modelled = self._sample_conditions(conditions, seed, _scaled(progress, 0.02, 0.8))
            else:
                modelled = self._draw_modelled(num_rows, _scaled(progress, 0.02, 0.8))
            for col in books["modelled_columns"]:
                columns[col] = modelled[col]
        rest = _scaled(progress, 0.8, 1.0)
        # Text last: a text's slots are filled from its row's generated PII values.
        generated = sorted((c for c in books["columns"] if c not in columns), key=lambda c: books["kinds"][c] == K.TEXT)
        pii_columns = [c for c in books["columns"] if K.is_pii_kind(books["kinds"][c])]
        hard = np.repeat([g.hard_text for g in conditions], [g.rows for g in conditions]) if conditions else None
        for i, col in enumerate(generated):
            kind = books["kinds"][col]
            if kind == K.ID:
                columns[col] = generate_ids(self._id_specs[col], num_rows, seed=column_seed(seed, col, "id"))
            elif K.is_pii_kind(kind):
                columns[col] = generate_pii(
                    self._pii_specs[col], num_rows, seed=column_seed(seed, col, "pii"), locale=self.locale
                )
            elif kind == K.TEXT and col in self._text_engines:
                context = (
                    pd.DataFrame({c: columns[c].reset_index(drop=True) for c in pii_columns}) if pii_columns else None
                )
                columns[col] = self._unwrap_abort(
                    self._text_engines[col].sample,
                    num_rows,
                    context=context,
                    seed=column_seed(seed, col, "text"),
                    hard_rows=hard if hard is not None and hard.any() else None,
                    progress=_scaled(rest, i / len(generated), (i + 1) / len(generated)) if rest else None,
                )
            else:  # all-null modelled column, or a text column the engine withholds
                columns[col] = pd.Series([None] * num_rows, dtype=object)
            if rest:
                rest((i + 1) / len(generated))
        frame = pd.DataFrame({col: self._restore(col, columns[col].reset_index(drop=True)) for col in books["columns"]})
        if progress:
            progress(1.0)
        return frame

    def _sample_given(self, group: ConditionGroup, seed: int) -> tuple[pd.DataFrame, int, str] | None:
        """An engine's own way to draw rows given a condition group: (modelled rows, rows drawn, method).

        The rows may be more than ``group.rows``; rare-value protection is applied and every row checked
        against the group after. None (the default): the base draws by rejection.
        """
        return None

    def _draw_modelled(self, num_rows: int, progress: ProgressFn | None) -> pd.DataFrame:
        """``num_rows`` rows of the modelled columns from the engine, rare-value protection applied."""
        books = self._books
        try:
            modelled = self._sample(num_rows, progress)
        except SynthesizerError:
            raise
        except _CallerAbort as abort:
            raise abort.original from None
        except Exception as exc:
            logger.error("engine %s failed during sample (%s)", self.name, type(exc).__name__)
            raise EngineError(self.name, "sample", exc) from None
        missing = [c for c in books["modelled_columns"] if c not in modelled.columns]
        if len(modelled) != num_rows or missing:
            raise EngineError(self.name, "sample", RuntimeError("engine returned a malformed frame"))
        return protect(modelled.reset_index(drop=True), self._protection, books["kinds"])

    def _sample_conditions(
        self, groups: Sequence[ConditionGroup], seed: int, progress: ProgressFn | None
    ) -> pd.DataFrame:
        """Every group's rows, in order (see :func:`veil.synthesizers.conditioned.sample_conditions`)."""
        rows, records = sample_conditions(self, groups, seed, progress)
        self._sampling_seed = seed
        self._books["conditions"] = records
        return rows

    def _restore(self, col: str, values: pd.Series) -> pd.Series:
        """Give a sampled column back its original dtype where that is sensible."""
        dtype = self._dtypes.get(col)
        if dtype is None or self._books is None:
            return values
        return restore(
            col, values, kind=self._books["kinds"][col], dtype=dtype, book=self._books["datetime"].get(col, {})
        )

    # --- engine hooks --------------------------------------------------------------

    def _learn_id_spec(self, values: pd.Series) -> IdSpec:
        """How ``sample`` regenerates an id column (the format is learnt from ``values``)."""
        return learn_id_spec(values)

    def _learn_pii_spec(self, entity: str, values: pd.Series) -> PiiSpec:
        """How ``sample`` regenerates a ``pii:<entity>`` column (null share and layout learnt from ``values``)."""
        return learn_pii_spec(entity, values)

    def _fit_text(
        self,
        column: str,
        values: pd.Series,
        *,
        context: pd.DataFrame | None,
        entities: Mapping[str, str],
        progress: ProgressFn | None = None,
    ) -> TextSynthesizer | None:
        """The fitted text engine of a ``text`` column; ``None`` withholds the column (emitted as nulls).

        ``context`` holds the same rows' PII columns (``entities``: column -> entity), so that
        the engine can tie each text to its row.
        """
        engine = create_text_synthesizer(
            self.text_model,
            seed=column_seed(self.seed, column, "text"),
            options=self.text_options,
            llm=self.llm,
            pii_scanner=self.pii_scanner,
        )
        engine.fit(values, context=context, entities=entities, progress=progress)
        return engine

    @staticmethod
    def _unwrap_abort(call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run ``call``; a progress callback's own error (e.g. a cancel) comes out unchanged."""
        try:
            return call(*args, **kwargs)
        except _CallerAbort as abort:
            raise abort.original from None

    @property
    def withholds_text(self) -> bool:
        """Whether text columns come back empty whatever the data (no text engine this model may use)."""
        return False

    @property
    def text_engines(self) -> dict[str, TextSynthesizer]:
        """The fitted text engine of each text column (withheld columns have none)."""
        return dict(self._text_engines)

    @abstractmethod
    def _fit(self, frame: pd.DataFrame, kinds: Mapping[str, str], progress: ProgressFn | None) -> None:
        """Learn the modelled columns.

        ``frame`` holds only modelled columns, coerced: numeric as float/int,
        datetime as naive ``datetime64[ns]`` (UTC), boolean as bool/object with
        nulls, categorical as object. ``kinds`` maps each to one of ``MODELLED_KINDS``.
        Global RNGs are already seeded from ``self.seed``.
        """

    @abstractmethod
    def _sample(self, num_rows: int, progress: ProgressFn | None) -> pd.DataFrame:
        """Return exactly ``num_rows`` rows of the modelled columns.

        The seed for this draw is ``self._sampling_seed`` (global RNGs are seeded from it).
        """

    def __repr__(self) -> str:
        state = "fitted" if self.fitted else "unfitted"
        return f"{type(self).__name__}(seed={self.seed}, epochs={self.epochs}, text_model={self.text_model!r}, {state})"
