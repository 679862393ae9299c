"""Structured report model (pydantic v2).

Field names mirror the ``veil.v1`` proto messages (``ColumnDrift``,
``PairDrift``, ``Utility``, ``DriftReport``, ``PiiReplay``, ``LeakageReport``,
``PrivacyGuarantee``, ``TextDrift``, ``TextDiversity``, ``TextLeakage``,
``TextColumnReport``, ``Report``) so the servicer converts field by field.

Scores that could not be computed are ``NaN`` in memory and ``null`` in JSON;
``from_dict`` turns ``null`` back into ``NaN`` so the round trip is exact.
"""

from __future__ import annotations

import json
import math
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, ValidationError

from veil.reports.errors import ReportDecodeError, ReportWarning


def _none_to_nan(value: Any) -> Any:
    return math.nan if value is None else value


def _nan_to_none(value: float) -> float | None:
    return None if value is None or math.isnan(value) or math.isinf(value) else float(value)


Score = Annotated[
    float,
    BeforeValidator(_none_to_nan),
    PlainSerializer(_nan_to_none, return_type=float | None, when_used="json"),
]
"""A float that may be NaN (not computable); serialised to JSON as ``null``."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class ColumnDrift(_Model):
    """Marginal similarity of one column (1 = same distribution)."""

    column: str
    kind: str
    metric: str
    score_vs_holdout: Score
    score_vs_train: Score


class PairDrift(_Model):
    """Similarity of the joint trend of two columns, synthetic vs holdout."""

    column_a: str
    column_b: str
    metric: str
    score_vs_holdout: Score


class Utility(_Model):
    """Train-synthetic-test-real (TSTR) result against the train-real-test-real reference."""

    target_column: str
    task: Literal["classification", "regression"]
    metric: str
    synthetic_score: Score
    real_score: Score


class DriftReport(_Model):
    """How far the synthetic table drifts from the real one."""

    columns: list[ColumnDrift] = Field(default_factory=list)
    pairs: list[PairDrift] = Field(default_factory=list)
    column_shape_score: Score
    pair_trend_score: Score
    detection_auc: Score
    utility: Utility | None = None


class PiiReplay(_Model):
    """Raw input PII values found in the output (computed by the PII package)."""

    count: int = 0
    by_column: dict[str, int] = Field(default_factory=dict)
    fingerprints_checked: int = 0
    # Cells the release gate replaced before release (generated values that coincided with raw ones).
    gate_replaced: dict[str, int] = Field(default_factory=dict)


class ProtectedColumn(_Model):
    """One column whose rare values were protected (counts only, never a value)."""

    column: str
    kind: Literal["categorical", "range"]
    values: int
    rows: int
    how: str


class ValueProtection(_Model):
    """Rare-value protection of a non-DP synthesis (``k`` 0 for DP syntheses, 1 when off)."""

    k: int = 0
    columns: list[ProtectedColumn] = Field(default_factory=list)


class AttackRisk(_Model):
    """One attack of anonymeter's protocol: success rates on train (main), holdout (control) and by guess
    (baseline), and the risk ``(main - control) / (1 - control)`` with its 95% interval."""

    attack: Literal["singling_out", "linkability", "inference"]
    mode: str
    """univariate / multivariate; the two column sets linked; the secret column inferred."""
    attempts: int
    main_rate: Score
    control_rate: Score
    baseline_rate: Score
    risk: Score
    risk_low: Score
    risk_high: Score
    beats_baseline: bool
    verdict: Literal["pass", "warn", "fail", "inconclusive"]
    note: str = ""


class MembershipRisk(_Model):
    """A membership-inference attack: ROC AUC and TPR at 1% FPR, members against non-members, with intervals."""

    attack: str
    auc: Score
    auc_low: Score
    auc_high: Score
    tpr_at_1pct_fpr: Score
    tpr_low: Score
    tpr_high: Score
    members: int
    non_members: int
    verdict: Literal["pass", "warn", "fail", "inconclusive"]


class AttackReport(_Model):
    """The attacks on the synthetic rows, each judged against ``thresholds``; ``verdict`` is the worst."""

    risks: list[AttackRisk] = Field(default_factory=list)
    membership: list[MembershipRisk] = Field(default_factory=list)
    thresholds: dict[str, float] = Field(default_factory=dict)
    verdict: Literal["pass", "warn", "fail", "inconclusive"] = "inconclusive"
    rows_compared: int = 0
    """Training rows attacked, as many as holdout rows (both cut to the same size)."""
    synthetic_rows_compared: int = 0

    def above(self, limit: float) -> list[tuple[str, float]]:
        """The attacks whose risk is confidently above ``limit`` (95% lower bound), as (label, lower bound)."""
        out = [(f"{r.attack}.{r.mode}", r.risk_low) for r in self.risks if r.risk_low > limit]
        # membership: the members caught beyond the 1% of non-members accused, on the same scale as a risk
        advantage = [(f"membership.{m.attack}", (m.tpr_low - 0.01) / 0.99) for m in self.membership]
        return out + [(label, low) for label, low in advantage if low > limit]


class LeakageReport(_Model):
    """Empirical leakage of the training rows into the synthetic table."""

    exact_copies: int
    exact_copy_share: Score
    dcr_share: Score
    natural_copy_share: Score = math.nan
    """Share of holdout rows that equal a training row: the rate of copies a real sample shows."""
    dcr_median: Score
    nndr_median: Score
    pii_replay: PiiReplay = Field(default_factory=PiiReplay)
    value_protection: ValueProtection = Field(default_factory=ValueProtection)
    engine_guards: dict[str, float] = Field(default_factory=dict)
    """The engine's own privacy guards and what they did (e.g. ``cart``'s leaf size and dropped rows)."""
    attacks: AttackReport = Field(default_factory=AttackReport)
    natural_dcr_median: Score = math.nan
    """Median distance from a holdout row to its closest training row: what ``dcr_median`` is for real rows."""
    nndr_p05: Score = math.nan
    """5th percentile of the nearest-neighbour distance ratio (a low ratio singles one training row out)."""
    natural_nndr_p05: Score = math.nan
    dcr_share_max: Score = math.nan
    """The largest DCR share over column subsets (all columns and seeded subsets of three): a leak in three
    columns hides in thirty."""
    dcr_share_max_columns: list[str] = Field(default_factory=list)


class PrivacySpend(_Model):
    """One data-touching step of a DP model and the zCDP rho it spent."""

    purpose: str
    rho: float


class PrivacyGuarantee(_Model):
    """The formal guarantee that holds for the synthetic table, if any."""

    kind: Literal["none", "differential_privacy"]
    epsilon: float = 0.0
    delta: float = 0.0
    statement: str
    # DP models: how the steps were composed, what was public or estimated with DP, and the steps.
    accountant: str = ""
    preprocessing: dict[str, str] = Field(default_factory=dict)
    spends: list[PrivacySpend] = Field(default_factory=list)
    # A non-DP synthesis of the same dataset exists: no DP guarantee holds for the dataset.
    dataset_guarantee_void: bool = False

    @classmethod
    def none(cls, *, dataset_guarantee_void: bool = False) -> PrivacyGuarantee:
        """No formal guarantee: leakage is measured empirically only."""
        statement = "none (empirical only)"
        if dataset_guarantee_void:
            statement += "; the dataset's differential privacy guarantee is void (a non-DP model has seen it)"
        return cls(kind="none", statement=statement, dataset_guarantee_void=dataset_guarantee_void)

    @classmethod
    def differential_privacy(
        cls,
        *,
        epsilon: float,
        delta: float,
        accountant: str = "",
        preprocessing: dict[str, str] | None = None,
        spends: list | None = None,
        dataset_guarantee_void: bool = False,
    ) -> PrivacyGuarantee:
        """An (epsilon, delta)-DP guarantee as stated by the accountant."""
        statement = f"({epsilon:.4g}, {delta:g})-differential privacy"
        if dataset_guarantee_void:
            statement += " for this release; void for the dataset as a whole (a non-DP model has seen it)"
        return cls(
            kind="differential_privacy",
            epsilon=float(epsilon),
            delta=float(delta),
            statement=statement,
            accountant=accountant,
            preprocessing=dict(preprocessing or {}),
            spends=list(spends or []),
            dataset_guarantee_void=dataset_guarantee_void,
        )


class TextDrift(_Model):
    """How far the synthetic texts drift from the real (holdout) texts.

    * ``length_ks``: KSComplement of token counts (1 = same length distribution).
    * ``vocab_tv``: 1 - total variation distance of unigram distributions restricted
      to the 1,000 most frequent tokens of holdout + synthetic.
    * ``embedding_mmd``: squared MMD (unbiased, clipped at 0) with an RBF kernel whose
      bandwidth is the median pairwise squared distance (0 = same distribution).
    * ``embedding_auc``: cross-validated ROC AUC of a logistic regression telling
      synthetic from holdout embeddings (0.5 = indistinguishable), with its 95% interval
      (``embedding_auc_low``/``_high``, Hanley and McNeil on the texts embedded).
    * ``cluster_coverage``: k-means (k = min(20, n_holdout // 5)) on holdout embeddings;
      each synthetic text is assigned to its nearest centroid; the share of clusters
      that receive at least one synthetic text.
    """

    length_ks: Score
    vocab_tv: Score
    embedding_mmd: Score
    embedding_auc: Score
    cluster_coverage: Score
    mean_tokens_real: Score
    mean_tokens_synthetic: Score
    embedding_auc_low: Score = math.nan
    embedding_auc_high: Score = math.nan
    embedded_texts: int = 0
    """Texts embedded per side (a seeded subsample) for the embedding measures, Vendi and distinct-n."""


class TextDiversity(_Model):
    """Diversity of the synthetic texts (``vendi_real``: the same measure on the holdout)."""

    distinct_1: Score
    distinct_2: Score
    vendi: Score
    vendi_real: Score
    cluster_coverage: Score
    duplicate_share: Score


class TextLeakage(_Model):
    """Verbatim overlap of synthetic texts with the training texts, and canary exposure."""

    longest_overlap_max: int
    longest_overlap_p50: Score
    longest_overlap_p95: Score
    share_over_threshold: Score
    threshold: int
    pii_replay: int = 0
    canaries_planted: int = 0
    canaries_exposed: int = 0
    canary_exposure: Score = math.nan


class TextColumnReport(_Model):
    """Drift, diversity and leakage of one synthetic text column."""

    column: str
    engine: str
    drift: TextDrift
    diversity: TextDiversity
    leakage: TextLeakage
    generation: dict[str, Any] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)

    def warn(self, warning: ReportWarning) -> None:
        """Record a soft problem of this column; its message (which names no value) goes to ``warnings``."""
        self.warnings.append(str(warning))


class ConditionGroupReport(_Model):
    """How one condition group of the synthesis was met, and how its rows compare with the real ones like them."""

    group: int
    rows_asked: int
    rows_made: int
    method: str
    """rejection (whole rows drawn from the model, kept when they meet the group), tree_prefix (cart: the
    columns up to the last constrained one drawn and kept when they meet it, the rest drawn given them),
    sdv_conditions (SDV's conditional sampling on the group's single values, the rest checked) or
    model_given_evidence (dp_marginal: the graphical model sampled given the group; free under DP)."""
    rows_drawn: int
    holdout_rows: int
    """Holdout rows meeting the same constraints."""
    column_shape_score: Score = math.nan
    """Mean per-column similarity to those holdout rows (NaN below ``MIN_HOLDOUT_ROWS`` of them)."""
    share: float = 0.0
    """The group's share of the synthetic rows (for rebalancing, the share achieved)."""
    where: list[dict[str, Any]] = Field(default_factory=list)
    """The group's constraints ({"column", "values", "low", "high", "exclude"}), derived ones included."""
    training_rows: int = 0
    """Filled cells: the training rows the cell held."""


class Report(_Model):
    """The full drift + leakage report of one synthesis."""

    drift: DriftReport
    leakage: LeakageReport
    privacy_guarantee: PrivacyGuarantee
    train_rows: int
    holdout_rows: int
    synthetic_rows: int
    warnings: list[str] = Field(default_factory=list)
    text_columns: list[TextColumnReport] = Field(default_factory=list)
    conditions: list[ConditionGroupReport] = Field(default_factory=list)
    plots: dict[str, Any] = Field(default_factory=dict)
    timings: dict[str, float] = Field(default_factory=dict)
    title: str = ""

    def warn(self, warning: ReportWarning) -> None:
        """Record a soft problem of the synthesis; its message (which names no value) goes to ``warnings``."""
        self.warnings.append(str(warning))

    def to_dict(self) -> dict[str, Any]:
        """JSON-compatible dict (NaN scores become ``None``)."""
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """Inverse of :meth:`to_dict`.

        Raises:
            ReportDecodeError: ``data`` is not a valid report.
        """
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            violations = [(".".join(str(p) for p in err["loc"]) or "report", err["msg"]) for err in exc.errors()]
            raise ReportDecodeError("not a valid report", violations=violations) from None

    def to_json(self) -> str:
        """Stable JSON text (sorted keys)."""
        return json.dumps(self.to_dict(), sort_keys=True, indent=2, allow_nan=False)

    @classmethod
    def from_json(cls, text: str) -> Report:
        """Inverse of :meth:`to_json`.

        Raises:
            ReportDecodeError: ``text`` is not JSON or not a valid report.
        """
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise ReportDecodeError("report JSON does not parse", violations=[("json", str(exc))]) from None
        if not isinstance(data, dict):
            raise ReportDecodeError("report JSON must be an object", violations=[("json", "not an object")])
        return cls.from_dict(data)
