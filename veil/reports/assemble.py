"""Build the drift + leakage :class:`~veil.reports.model.Report` of one synthesis."""

from __future__ import annotations

import logging
import math
import time
import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from veil.core.kinds import is_valid_kind
from veil.core.progress import ProgressFn
from veil.privacy.leakage.attacks import run_attacks
from veil.privacy.leakage.attacks.verdict import Thresholds
from veil.privacy.leakage.distance import count_exact_copies, distance_leakage
from veil.reports import drift as drift_metrics
from veil.reports.attacks import attack_report, attack_seconds
from veil.reports.errors import (
    AttackBaselineWarning,
    AttackRiskWarning,
    ExactCopiesWarning,
    HighDetectionWarning,
    InvalidReportInputError,
    LowUtilityWarning,
    MembershipRiskWarning,
    MetricSkippedWarning,
    NoModelledColumnsWarning,
    PiiReplayWarning,
    ReportWarning,
    TinyHoldoutWarning,
    TinySyntheticWarning,
    WeakGuaranteeWarning,
)
from veil.reports.frames import modelled_columns, normalise, subsample
from veil.reports.model import DriftReport, LeakageReport, PiiReplay, PrivacyGuarantee, Report
from veil.reports.plots import build_plots

logger = logging.getLogger(__name__)

TINY_ROWS = 200
PLOT_ROWS = 20_000
DCR_SHARE_ALERT = 0.6
DETECTION_ALERT = 0.9
UTILITY_GAP_ALERT = 0.1
WEAK_EPSILON = 10.0
UTILITY_TARGET_KINDS = ("numeric", "categorical", "boolean")


def _validate(
    *,
    train: object,
    holdout: object,
    synthetic: object,
    kinds: Mapping[str, str],
    target_column: str | None,
    seed: object,
) -> None:
    violations: list[tuple[str, str]] = []
    frames = {"train": train, "holdout": holdout, "synthetic": synthetic}
    for name, frame in frames.items():
        if not isinstance(frame, pd.DataFrame):
            violations.append((name, f"must be a pandas DataFrame, got {type(frame).__name__}"))
        elif len(frame) == 0:
            violations.append((name, "has no rows"))
    if not isinstance(kinds, Mapping):
        violations.append(("kinds", "must be a mapping of column name to kind"))
        kinds = {}
    for column, kind in kinds.items():
        if not isinstance(kind, str) or not is_valid_kind(kind):
            violations.append(
                (
                    f"kinds.{column}",
                    "unknown column kind (expected numeric, categorical, datetime, boolean, id, text or pii:<ENTITY>)",
                )
            )
    for name, frame in frames.items():
        if isinstance(frame, pd.DataFrame):
            for column in modelled_columns(kinds, list(kinds)):
                if column not in frame.columns:
                    violations.append((f"{name}.{column}", "column declared in kinds is missing from the table"))
    if target_column is not None:
        if target_column not in kinds:
            violations.append(("target_column", "not a column of the table"))
        elif kinds[target_column] not in UTILITY_TARGET_KINDS:
            violations.append(
                (
                    "target_column",
                    f"target of kind {kinds[target_column]!r} cannot be modelled; need numeric, categorical or boolean",
                )
            )
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        violations.append(("seed", "must be a non-negative integer"))
    if violations:
        raise InvalidReportInputError("invalid report input", violations=violations)


class _Warnings:
    def __init__(self) -> None:
        self.messages: list[str] = []

    def add(self, category: type[ReportWarning], message: str) -> None:
        self.messages.append(message)
        warnings.warn(message, category, stacklevel=3)


def build_report(
    *,
    train: pd.DataFrame,
    holdout: pd.DataFrame,
    synthetic: pd.DataFrame,
    kinds: Mapping[str, str],
    target_column: str | None = None,
    seed: int = 0,
    pii_replay: PiiReplay | None = None,
    guarantee: PrivacyGuarantee | None = None,
    title: str = "",
    progress: ProgressFn | None = None,
    thresholds: Thresholds | None = None,
    link_columns: Sequence[Sequence[str]] | None = None,
) -> Report:
    """Measure drift (synthetic vs holdout/train) and leakage (synthetic vs train) and assemble a report.

    Args:
        train: Real rows the synthesizer was fitted on (scrubbed).
        holdout: Real rows no model saw; the yardstick.
        synthetic: Generated rows.
        kinds: Column name -> kind. Only numeric, categorical, datetime and
            boolean columns are measured; id, text and pii:* are skipped.
        target_column: When given, a TSTR utility check on that column.
        seed: Seed for every subsample and model; same inputs + seed give
            the same report (timings aside).
        pii_replay: PII replay counts computed by the PII package.
        guarantee: The formal privacy guarantee (default: none, empirical only).
        title: Free title shown on the HTML page.
        progress: Called with the completed fraction (0..1) after each stage.
        thresholds: Where each attack's verdict turns to warn and fail (default: ``Thresholds()``).
        link_columns: The two column sets the linkability attack joins (default: a split of all).

    Returns:
        The :class:`Report`; soft problems are emitted as
        :class:`~veil.reports.errors.ReportWarning` and listed in ``warnings``.

    Raises:
        InvalidReportInputError: Bad frames, kinds, target column or seed
            (all problems at once, as ``violations``).
    """
    _validate(train=train, holdout=holdout, synthetic=synthetic, kinds=kinds, target_column=target_column, seed=seed)
    seed = int(seed)
    kinds = dict(kinds)
    timings: dict[str, float] = {}
    notes = drift_metrics.DriftNotes()
    alerts = _Warnings()
    pii_replay = pii_replay if pii_replay is not None else PiiReplay()
    guarantee = guarantee if guarantee is not None else PrivacyGuarantee.none()

    def stage(name: str, started: float, fraction: float) -> float:
        now = time.perf_counter()
        timings[name] = round(now - started, 4)
        if progress is not None:
            progress(fraction)
        return now

    t = time.perf_counter()
    columns = modelled_columns(kinds, list(train.columns))
    if len(holdout) < TINY_ROWS:
        alerts.add(
            TinyHoldoutWarning,
            f"holdout has only {len(holdout)} rows (< {TINY_ROWS}); drift and leakage numbers are noisy",
        )
    if len(synthetic) < TINY_ROWS:
        alerts.add(
            TinySyntheticWarning, f"only {len(synthetic)} synthetic rows (< {TINY_ROWS}); drift numbers are noisy"
        )
    if not columns:
        alerts.add(
            NoModelledColumnsWarning,
            "no numeric, categorical, datetime or boolean column; drift and distance metrics are empty",
        )
    n_train, n_holdout, n_synth = len(train), len(holdout), len(synthetic)
    norm_train = normalise(train, kinds, columns)
    norm_holdout = normalise(holdout, kinds, columns)
    norm_synth = normalise(synthetic, kinds, columns)
    t = stage("prepare", t, 0.05)

    column_scores = drift_metrics.column_drift(
        train=norm_train, holdout=norm_holdout, synthetic=norm_synth, kinds=kinds, columns=columns, notes=notes
    )
    t = stage("column_drift", t, 0.2)

    pairs = drift_metrics.choose_pairs(columns, seed=seed)
    pair_scores = drift_metrics.pair_drift(
        holdout=norm_holdout, synthetic=norm_synth, kinds=kinds, pairs=pairs, seed=seed, notes=notes
    )
    t = stage("pair_drift", t, 0.35)

    auc = drift_metrics.detection_auc(
        holdout=norm_holdout, synthetic=norm_synth, kinds=kinds, columns=columns, seed=seed
    )
    t = stage("detection", t, 0.6)

    utility = None
    if target_column is not None:
        utility = drift_metrics.utility(
            train=norm_train,
            holdout=norm_holdout,
            synthetic=norm_synth,
            kinds=kinds,
            columns=columns,
            target_column=target_column,
            seed=seed,
        )
        t = stage("utility", t, 0.75)

    distances = distance_leakage(train=train, holdout=holdout, synthetic=synthetic, kinds=kinds, seed=seed)
    t = stage("leakage", t, 0.85)

    suite = run_attacks(
        train=train, holdout=holdout, synthetic=synthetic, kinds=kinds, seed=seed, link_columns=link_columns
    )
    attacks = attack_report(suite, thresholds or Thresholds())
    t = stage("attacks", t, 0.95)
    attack_timings = attack_seconds(suite)

    rng = np.random.default_rng([seed, 99])
    plots = build_plots(
        holdout=subsample(norm_holdout, PLOT_ROWS, rng),
        synthetic=subsample(norm_synth, PLOT_ROWS, rng),
        kinds=kinds,
        columns=columns,
    )

    # ---- soft problems
    if notes.skipped:
        shown = "; ".join(notes.skipped[:5]) + (
            f"; and {len(notes.skipped) - 5} more" if len(notes.skipped) > 5 else ""
        )
        alerts.add(MetricSkippedWarning, f"{len(notes.skipped)} metric(s) not computable: {shown}")
    # The natural rate: how many rows of a real sample equal a training row.
    baseline = count_exact_copies(train=train, synthetic=holdout, kinds=kinds, columns=columns) / n_holdout
    if distances.exact_copies > 0:
        if distances.exact_copy_share > baseline + 0.001:
            alerts.add(
                ExactCopiesWarning,
                f"{distances.exact_copies} synthetic rows ({distances.exact_copy_share:.2%}) are exact copies of "
                f"training rows; {baseline:.2%} of holdout rows also match a training row",
            )
    if not math.isnan(distances.dcr_share) and distances.dcr_share > DCR_SHARE_ALERT:
        alerts.add(
            MembershipRiskWarning,
            f"{distances.dcr_share:.1%} of synthetic rows are closer to train than to the holdout (0.5 is ideal)",
        )
    flagged = [f"{r.attack} ({r.mode}) {r.verdict}" for r in attacks.risks if r.verdict in ("warn", "fail")]
    flagged += [f"membership ({m.attack}) {m.verdict}" for m in attacks.membership if m.verdict in ("warn", "fail")]
    if flagged:
        shown = "; ".join(flagged[:5]) + (f"; and {len(flagged) - 5} more" if len(flagged) > 5 else "")
        alerts.add(AttackRiskWarning, f"attacks on the synthetic rows: {shown}")
    guesses = [f"{r.attack} ({r.mode})" for r in attacks.risks if r.attempts and not r.beats_baseline]
    if guesses:
        shown = "; ".join(guesses[:5]) + (f"; and {len(guesses) - 5} more" if len(guesses) > 5 else "")
        alerts.add(
            AttackBaselineWarning,
            f"{len(guesses)} attack(s) did no better than a random guess, so their risk says little "
            f"either way: {shown}",
        )
    if pii_replay.count > 0:
        alerts.add(PiiReplayWarning, f"{pii_replay.count} raw PII value(s) of the input appear in the output")
    if not math.isnan(auc) and auc > DETECTION_ALERT:
        alerts.add(
            HighDetectionWarning, f"a classifier tells synthetic from holdout rows with AUC {auc:.3f} (0.5 is ideal)"
        )
    if utility is not None and not (math.isnan(utility.synthetic_score) or math.isnan(utility.real_score)):
        gap = utility.real_score - utility.synthetic_score
        if gap > UTILITY_GAP_ALERT:
            alerts.add(
                LowUtilityWarning,
                f"{utility.metric} trained on synthetic is {utility.synthetic_score:.3f} vs {utility.real_score:.3f} "
                f"trained on real ({utility.target_column!r})",
            )
    if guarantee.kind == "differential_privacy" and guarantee.epsilon > WEAK_EPSILON:
        alerts.add(WeakGuaranteeWarning, f"epsilon {guarantee.epsilon:g} > {WEAK_EPSILON:g} is a weak guarantee")
    t = stage("plots", t, 1.0)

    report = Report(
        drift=DriftReport(
            columns=column_scores,
            pairs=pair_scores,
            column_shape_score=drift_metrics.mean_score([c.score_vs_holdout for c in column_scores]),
            pair_trend_score=drift_metrics.mean_score([p.score_vs_holdout for p in pair_scores]),
            detection_auc=auc,
            utility=utility,
        ),
        leakage=LeakageReport(
            exact_copies=distances.exact_copies,
            exact_copy_share=distances.exact_copy_share,
            natural_copy_share=baseline,
            dcr_share=distances.dcr_share,
            dcr_median=distances.dcr_median,
            nndr_median=distances.nndr_median,
            pii_replay=pii_replay,
            attacks=attacks,
            natural_dcr_median=distances.natural_dcr_median,
            nndr_p05=distances.nndr_p05,
            natural_nndr_p05=distances.natural_nndr_p05,
            dcr_share_max=distances.dcr_share_max,
            dcr_share_max_columns=list(distances.dcr_share_max_columns),
        ),
        privacy_guarantee=guarantee,
        train_rows=n_train,
        holdout_rows=n_holdout,
        synthetic_rows=n_synth,
        warnings=alerts.messages,
        plots=plots,
        timings={**timings, "total": round(sum(timings.values()), 4), **attack_timings},
        title=title,
    )
    logger.info(
        "report built: %d columns, %d pairs, %.2fs", len(column_scores), len(pair_scores), report.timings["total"]
    )
    return report
