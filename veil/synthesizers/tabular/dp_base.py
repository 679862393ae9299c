"""Shared base of the differentially private tabular engines (no SDV here).

A DP engine is given a target (ε, δ) and keeps its own books of every step
that touches the data (``ZcdpBudget`` spends, DP-SGD steps, the δ of category
discovery); ``privacy_spent`` is the accountant's (ε, δ) for what has touched
the data so far, also after a failure half-way, so a job can be charged for
exactly that.

What the base ``Synthesizer`` would otherwise learn from the data outside the
model is made data-independent here:

* id columns are regenerated as UUIDs (the input's format and largest id stay unknown);
* ``pii:*`` columns are fresh Faker values with no nulls and the locale's layout
  (no null share, layout or replay hashes learnt from the input);
* text columns are withheld (emitted as nulls) unless the text engine is
  differentially private (``dp_private_evolution``): that engine draws its
  zCDP ρ from the same target (a share ``TEXT_SHARE`` when there are modelled
  columns too, all of it otherwise), and its spends are in the same books;
* all-null columns are modelled like any other (whether a column is all null is a fact about the data).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from veil.core import kinds as K
from veil.privacy.dp.accounting import ZcdpBudget, check_target, epsilon_from_rdp, zcdp_curve, zcdp_rho_for
from veil.privacy.dp.mechanisms import GaussianMechanism
from veil.privacy.errors import PrivacyError
from veil.synthesizers.base import Synthesizer
from veil.synthesizers.catalog import TEXT
from veil.synthesizers.coercion import coerce
from veil.synthesizers.errors import InvalidConfigError, NotFittedError
from veil.synthesizers.generators import IdSpec, PiiSpec, column_seed
from veil.synthesizers.tabular.dp_domain import PROBLEM, PublicMetadata, columns_needing
from veil.synthesizers.text.base import TextSynthesizer
from veil.synthesizers.text.registry import create_text_synthesizer
from veil.synthesizers.warnings import DomainDiscoveryWarning

DEFAULT_DELTA = 1e-6
"""δ of a DP request that names none: well below 1/n for the tables Veil serves."""

PARTITION_DELTA_SHARE = 0.1
"""Share of δ given to Gaussian partition selection when some category set is not public."""

TEXT_SHARE = 0.5
"""Share of the zCDP ρ given to DP text columns when the table also has modelled columns."""


class DPSynthesizer(Synthesizer):
    """Base of the DP engines.

    Args:
        epsilon: Target ε (required, > 0).
        delta: Target δ in (0, 1); default ``DEFAULT_DELTA``.
        public: Facts the caller vouches are public (bounds, category sets, row count).
        **kwargs: ``Synthesizer`` arguments (seed, epochs, text_model, locale).

    Raises:
        InvalidConfigError: ε missing or invalid, δ invalid (fields ``config.epsilon``, ``config.delta``).
    """

    # Rare values are the guarantee's business: a DP model's output bounds what any row can change.
    protects_rare_values: ClassVar[bool] = False
    accountant: ClassVar[str] = "RDP (Opacus analysis) over zCDP measurements"

    def __init__(
        self,
        *,
        epsilon: float | None = None,
        delta: float | None = None,
        public: PublicMetadata | Mapping[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if epsilon is None:
            raise InvalidConfigError(
                f"{self.name!r} is differentially private and needs a target epsilon",
                violations=[("config.epsilon", f"required for model {self.name}")],
            )
        delta = DEFAULT_DELTA if delta is None else delta
        try:
            check_target(epsilon=epsilon, delta=delta)
        except PrivacyError as exc:
            raise InvalidConfigError("invalid privacy target", violations=exc.violations) from None
        self.epsilon, self.delta = float(epsilon), float(delta)
        self.public = public if isinstance(public, PublicMetadata) else PublicMetadata.from_dict(public)
        self._budget: ZcdpBudget | None = None
        self._extra_rdp: np.ndarray | None = None
        self._delta_partition = 0.0
        self._estimated_rows: int | None = None
        self._dp_books: dict[str, Any] = {}
        # DP text columns: the ρ set aside for them, and each of their spends (purpose, ρ).
        self._text_rho_reserved = 0.0
        self._text_spends: list[tuple[str, float]] = []
        self._dp_text: list[str] = []

    # --- the accountant's view -------------------------------------------------------

    @property
    def privacy_spent(self) -> tuple[float, float]:
        """(ε, δ) of every data-touching step so far; (0, 0) before any."""
        rho = (self._budget.spent if self._budget else 0.0) + sum(r for _, r in self._text_spends)
        if rho == 0 and self._extra_rdp is None and self._delta_partition == 0:
            return 0.0, 0.0
        curve = zcdp_curve(rho) + (self._extra_rdp if self._extra_rdp is not None else 0.0)
        return epsilon_from_rdp(curve, self.delta - self._delta_partition), self.delta

    @property
    def estimated_rows(self) -> int:
        """Rows of the training data: public, or the engine's DP estimate."""
        if self._estimated_rows is None:
            raise NotFittedError(f"synthesizer {self.name!r} is not fitted")
        return self._estimated_rows

    @property
    def dp_books(self) -> dict[str, Any]:
        """The engine's privacy books: target, spent, mechanisms, and what was public vs DP-estimated."""
        epsilon, delta = self.privacy_spent
        books = {
            "target_epsilon": self.epsilon,
            "target_delta": self.delta,
            "epsilon": epsilon,
            "delta": delta,
            "accountant": self.accountant,
            **self._dp_books,
        }
        if self._text_spends:
            books["rho_spends"] = [*books.get("rho_spends", []), *([p, r] for p, r in self._text_spends)]
            books["text_rho"] = self._text_rho_reserved
        return books

    # --- DP text columns -------------------------------------------------------------

    @property
    def withholds_text(self) -> bool:
        """Text columns need a DP text engine here; without one they come back empty."""
        return not TEXT.capabilities(self.text_model).differentially_private

    def _dp_text_columns(self, kinds: Mapping[str, str]) -> list[str]:
        if self.withholds_text:
            return []
        return [c for c, k in kinds.items() if k == K.TEXT]

    def fit(self, frame: pd.DataFrame, *, kinds: Mapping[str, str], progress: Any = None) -> None:
        """As the base; first sets aside the ρ of DP text columns, and estimates the row count from
        them when there is no modelled column to estimate it from."""
        self._text_spends = []
        self._text_rho_reserved = 0.0
        text_columns = self._dp_text_columns(kinds) if isinstance(kinds, Mapping) else []
        self._dp_text = text_columns
        if text_columns:
            modelled = {c: k for c, k in kinds.items() if k in K.MODELLED_KINDS}
            rho_all = zcdp_rho_for(self.epsilon, self.delta - (self._partition_delta(modelled) if modelled else 0.0))
            self._text_rho_reserved = rho_all * (TEXT_SHARE if modelled else 1.0)
        super().fit(frame, kinds=kinds, progress=progress)
        if self._estimated_rows is None:
            if self.public.row_count is not None:
                self._estimated_rows = int(self.public.row_count)
            else:  # DP estimates of the text engines (post-processing of their noisy votes)
                estimates = [
                    e.estimated_rows for e in self._text_engines.values() if getattr(e, "estimated_rows", None)
                ]
                self._estimated_rows = int(np.mean(estimates)) if estimates else self._noisy_row_count(frame)
        if "public" not in self._dp_books:  # no modelled column: only the schema-level facts to state
            self._dp_books["public"] = self._public_books({})
        for column, problem in self.discovery_problems.items():
            warnings.warn(f"column {column!r}: {problem}", DomainDiscoveryWarning, stacklevel=2)

    @property
    def discovery_problems(self) -> dict[str, str]:
        """Column -> what DP discovery of its bounds or categories could not find (names only, no values)."""
        columns = self._dp_books.get("public", {}).get("columns", {})
        return {c: steps[PROBLEM] for c, steps in columns.items() if PROBLEM in steps}

    def _noisy_row_count(self, frame: pd.DataFrame) -> int:
        """Nothing else touched the data (only ids, PII and withheld text): the whole budget buys the row count."""
        self._budget = ZcdpBudget(total_rho=zcdp_rho_for(self.epsilon, self.delta))
        rho = self._budget.spend("row-count", self._budget.total_rho)
        self._dp_books["rho_spends"] = [["row-count", rho]]
        noisy = GaussianMechanism(rho=rho, sensitivity=1.0).release(
            np.array([float(len(frame))]), np.random.default_rng(self.seed)
        )[0]
        return max(1, round(float(noisy)))

    def _spend_text(self, column: str) -> Callable[[str, float], None]:
        def spend(purpose: str, rho: float) -> None:
            spent = sum(r for _, r in self._text_spends)
            if spent + rho > self._text_rho_reserved * (1 + 1e-9):
                raise RuntimeError(f"text zCDP budget overspent by {column}:{purpose}")
            self._text_spends.append((f"text:{column}:{purpose}", float(rho)))

        return spend

    def _partition_delta(self, kinds: Mapping[str, str]) -> float:
        """δ set aside for category discovery (zero when every category set is public)."""
        return self.delta * PARTITION_DELTA_SHARE if columns_needing(kinds, self.public)["categories"] else 0.0

    def _public_books(self, codecs: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "columns": {c: dict(codec.provenance) for c, codec in codecs.items()},
            "row_count": "public" if self.public.row_count is not None else "dp (from noisy counts)",
            "id_columns": "regenerated as UUIDs",
            "pii_columns": "fresh Faker values",
            "text_columns": (
                f"{self.text_model} (DP, its votes in the same books)"
                if self._text_rho_reserved
                else "withheld (no DP text engine)"
            ),
        }

    @staticmethod
    def _integer_columns(frame: pd.DataFrame, kinds: Mapping[str, str]) -> set[str]:
        """Numeric columns stored as integers (a schema fact, not a data fact)."""
        return {c for c, k in kinds.items() if k == K.NUMERIC and pd.api.types.is_integer_dtype(frame[c].dtype)}

    # --- data-independent non-modelled columns ------------------------------------

    def _learn_id_spec(self, values: pd.Series) -> IdSpec:
        return IdSpec(style="uuid")

    def _learn_pii_spec(self, entity: str, values: pd.Series) -> PiiSpec:
        return PiiSpec(entity=entity)

    def _fit_text(
        self,
        column: str,
        values: pd.Series,
        *,
        context: pd.DataFrame | None,
        entities: Mapping[str, str],
        progress: Any = None,
    ) -> TextSynthesizer | None:
        """A DP text engine with its share of ρ; other text engines would see the data outside the
        accountant, so their columns are withheld."""
        columns = self._dp_text
        if column not in columns:
            return None
        engine = create_text_synthesizer(
            self.text_model,
            seed=column_seed(self.seed, column, "text"),
            options=self.text_options,
            llm=self.llm,
            pii_scanner=self.pii_scanner,
        )
        engine.set_budget(rho=self._text_rho_reserved / len(columns), spend=self._spend_text(column))
        engine.fit(values, context=context, entities=entities, progress=progress)
        return engine

    def _prepare_modelled(self, frame: pd.DataFrame, kinds: Mapping[str, str]) -> tuple[pd.DataFrame, list[str]]:
        """As the base, but all-null columns are modelled too (their nulls are measured, not looked at)."""
        modelled, _ = super()._prepare_modelled(frame, kinds)
        for col, kind in kinds.items():
            if kind in K.MODELLED_KINDS and col not in modelled.columns:
                coerced, _, _ = coerce(frame[col].reset_index(drop=True), kind)
                modelled[col] = coerced
        order = [c for c in frame.columns if c in modelled.columns]
        return modelled[order], []

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["books"] = None if data["books"] is None else {**data["books"], "dp": _finite(self.dp_books)}
        data["engine_options"] = {"epsilon": self.epsilon, "delta": self.delta, "public": self.public.to_dict()}
        return data


def _finite(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
