"""The synthesis job's stages, in order: fit -> sample -> filter -> report -> store.

The synthesizer sees only the scrubbed training split; the holdout is read for the report alone.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd
import pyarrow as pa

from veil.core.kinds import BOOLEAN, CATEGORICAL, DATETIME, split_kind
from veil.privacy.errors import PrivacyRiskError
from veil.privacy.leakage.attacks.verdict import Thresholds
from veil.privacy.leakage.gate import release_gate
from veil.privacy.pii import PiiFingerprints, SurrogateFactory
from veil.reports.assemble import build_report
from veil.reports.conditions import condition_reports
from veil.reports.errors import (
    CanariesDroppedWarning,
    DatasetGuaranteeVoidWarning,
    DomainDiscoveryWarning,
    GapsSkippedWarning,
    GateReplacedWarning,
    TextWithheldWarning,
)
from veil.reports.model import PiiReplay, PrivacyGuarantee, Report, ValueProtection
from veil.reports.render import render_html, render_json
from veil.reports.text import REAL_SAMPLE, SYNTHETIC_SAMPLE
from veil.service.pipeline import budget
from veil.service.pipeline import text as text_stage
from veil.service.pipeline.context import ServiceContext
from veil.service.pipeline.synthesis_config import SynthesisConfig, dataset_kinds, gap_plan
from veil.service.runner import JobHandle
from veil.service.stages import STAGE_RANGES
from veil.service.storage.db import DatasetRow
from veil.synthesizers.protection import DEFAULT_K
from veil.synthesizers.registry import create_synthesizer
from veil.synthesizers.text.embedders import Embedder, PrefetchingEmbedder
from veil.synthesizers.text.validation import presidio_scanner

logger = logging.getLogger(__name__)


class SynthesisJob:
    """One synthesis, run stage by stage; each stage reads what the one before it left on the job."""

    def __init__(
        self,
        ctx: ServiceContext,
        handle: JobHandle,
        dataset: DatasetRow,
        synthesis_id: str,
        config: SynthesisConfig,
        plan: text_stage.TextPlan,
        *,
        charge_id: str,
    ) -> None:
        self.ctx, self.handle, self.dataset, self.synthesis_id = ctx, handle, dataset, synthesis_id
        self.config, self.plan, self.charge_id = config, plan, charge_id
        self.kinds = dataset_kinds(dataset)
        self.dp = config.differentially_private
        self.data_dir = ctx.store.dataset_dir(dataset.tenant, dataset.id)
        self.timings: dict[str, float] = {}
        self.synth = None
        self.embedder: Embedder | None = None  # the text report's, opened at fit when there are text columns

    def run(self) -> dict:
        """Every stage in order; returns what the synthesis row records on success."""
        try:
            self.fit()
            self.sample()
            self.filter()
            self.report()
            return self.store()
        finally:
            if isinstance(self.embedder, PrefetchingEmbedder):  # a failed job's prefetches stop too
                self.embedder.close()

    def spent(self) -> tuple[float, float]:
        """The (epsilon, delta) the engine's accountant says it used so far ((0, 0) before fitting)."""
        return getattr(self.synth, "privacy_spent", (0.0, 0.0))

    @contextmanager
    def _timed(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        self.timings[stage] = time.perf_counter() - started

    # --- fit ---------------------------------------------------------------------------------------

    def fit(self) -> None:
        """Build the engine, plant the canaries and fit on the scrubbed training split."""
        ctx, config, plan = self.ctx, self.config, self.plan
        self.llm = text_stage.open_llm(plan)
        # Generated texts are re-scanned with the service's own PII engine (its spaCy model, lists and locale).
        pii_scanner = presidio_scanner(engine=ctx.pii, lock=ctx.pii_lock) if plan.columns else None
        privacy = (
            {"epsilon": config.epsilon, "delta": config.delta, "public": config.public_metadata()}
            if self.dp
            else {"rare_value_k": config.rare_value_threshold or DEFAULT_K}
        )
        self.synth = create_synthesizer(
            config.model,
            seed=config.seed,
            epochs=config.epochs or None,
            text_model=config.text_model,
            text_options=plan.options,
            llm=self.llm,
            pii_scanner=pii_scanner,
            **privacy,
        )
        self.handle.check_cancelled()
        ctx.ledger.mark_touched(self.charge_id)  # write-ahead: from here on the charge is not refundable
        self.real_train = ctx.store.read_table(self.data_dir / "train.parquet").to_pandas()
        self.holdout = ctx.store.read_table(self.data_dir / "holdout.parquet").to_pandas()
        self.embedder = (
            text_stage.open_embedder(plan, self.llm, worker=ctx.config.text_embedding_worker) if plan.columns else None
        )
        # Withheld texts (a DP model without a DP text engine) leave the report nothing to embed.
        if self.embedder is not None and not self.synth.withholds_text:  # the holdout embeds while the model fits
            text_stage.prefetch_report_texts(self.embedder, self.holdout, plan, side=REAL_SAMPLE, seed=config.seed)
        self.canaries = text_stage.make_canaries(plan.canaries, seed=config.seed) if plan.columns else []
        self.train = text_stage.plant_canaries(self.real_train, plan.columns, self.canaries, seed=config.seed)
        with self._timed("fit"):
            self.synth.fit(
                self.train, kinds=self.kinds, progress=self.handle.stage_progress("fit", *STAGE_RANGES["fit"])
            )

    # --- sample ------------------------------------------------------------------------------------

    def sample(self) -> None:
        """Draw the rows (or the condition groups' rows) and strip generated texts that carry part of a canary."""
        num_rows = self.config.num_rows or (self.synth.estimated_rows if self.dp else len(self.train))
        wanted = self.config.conditions or self.config.rebalance
        self.groups = self.config.condition_groups(total_rows=num_rows) if wanted else []
        self.gap_held, self.gaps_skipped = [], 0
        if self.config.fill_gaps:
            self.groups, self.gap_held, self.gaps_skipped = gap_plan(self.config, self.real_train, self.kinds)
        if self.groups:
            num_rows = sum(g.rows for g in self.groups)
        with self._timed("sample"):
            synthetic = self.synth.sample(
                num_rows,
                progress=self.handle.stage_progress("sample", *STAGE_RANGES["sample"]),
                conditions=self.groups,
            )
        self.exposed = synthetic  # what the engine produced: canary exposure is measured on it
        self.synthetic, self.canary_drops = text_stage.strip_canaries(
            synthetic, self.plan.columns, self.canaries, threshold=self.plan.options.leakage_ngram
        )

    # --- filter ------------------------------------------------------------------------------------

    def filter(self) -> None:
        """The release gate: no raw PII value of the input leaves (DP output is measured, not filtered)."""
        with self._timed("filter"):
            self.handle.report("filter", STAGE_RANGES["filter"][0])
            if self.embedder is not None:  # most texts pass the gate unchanged: embed them meanwhile
                text_stage.prefetch_report_texts(
                    self.embedder,
                    self.synthetic,
                    self.plan,
                    side=SYNTHETIC_SAMPLE,
                    seed=self.config.seed,
                    released=False,
                )
            key = self.ctx.dataset_key(self.dataset)
            self.fingerprints = PiiFingerprints.from_bytes(key, (self.data_dir / "fingerprints.bin").read_bytes())
            self.gate_replaced: dict[str, int] = {}
            if self.dp:
                # A DP model's PII columns are drawn without looking at the data; filtering them against it
                # would make the release depend on the data outside the accountant's view.
                self.replays = self.fingerprints.count_replays(self.synthetic)  # the whole output, every column
                return
            # Not even by coincidence; a label a model copied raw is refused, not patched.
            kinds = self.kinds
            outcome = release_gate(
                self.synthetic,
                fingerprints=self.fingerprints,
                fresh_columns={c: split_kind(k)[1] for c, k in kinds.items() if k.startswith("pii:")},
                text_columns=self.plan.columns,
                factory=SurrogateFactory(key + b"fresh", avoid=self.fingerprints),
                label_columns=[c for c, k in kinds.items() if k in (CATEGORICAL, BOOLEAN)],
                date_columns=[c for c, k in kinds.items() if k == DATETIME],
            )
            outcome.raise_if_refused()
            self.synthetic, self.gate_replaced, self.replays = outcome.frame, outcome.replaced, outcome.remaining

    # --- report ------------------------------------------------------------------------------------

    def report(self) -> None:
        """Drift and leakage against the holdout, the text columns' reports, and the job's warnings."""
        config, plan, replays = self.config, self.plan, self.replays
        with self._timed("report"):
            holdout = self.holdout
            if self.embedder is not None:  # what the gate changed embeds while the tabular report runs
                text_stage.prefetch_report_texts(
                    self.embedder, self.synthetic, plan, side=SYNTHETIC_SAMPLE, seed=config.seed
                )
            void = budget.statement(self.ctx, self.dataset).guarantee_void
            self.guarantee = _guarantee(self.synth, dp=self.dp, void=void)
            with text_stage.beside_prefetch(self.embedder):
                report = self._tabular_report(holdout, replays)
            self._refuse_risky(report)
            if self.groups:
                how = [{**h, "training_rows": n} for h, n in zip(self.synth.books["conditions"], self.gap_held)]
                how += self.synth.books["conditions"][len(how) :]
                report.conditions, warnings = condition_reports(self.groups, self.synthetic, holdout, self.kinds, how)
                for warning in warnings:
                    report.warn(warning)
            if self.gaps_skipped:
                report.warn(
                    GapsSkippedWarning(
                        f"fill_gaps: {self.gaps_skipped} cell(s) fewer than the rare-value threshold of training "
                        "rows hold were not filled (rows asked for them would describe a handful of real people)"
                    )
                )
            if not self.dp:
                report.leakage.value_protection = ValueProtection.model_validate(self.synth.books["value_protection"])
            guards = self.synth.books.get("privacy_guards") or {}
            report.leakage.engine_guards = {name: float(value) for name, value in guards.items()}
            if plan.columns:
                report.text_columns = self._text_reports(holdout)
            if self.canary_drops:
                report.warn(
                    CanariesDroppedWarning(
                        f"{self.canary_drops} generated texts carried part of a planted canary and were dropped"
                    )
                )
        report.timings.update({k: round(v, 3) for k, v in self.timings.items()})
        self._warn(report, void=void)
        self.result = report

    def _tabular_report(self, holdout: pd.DataFrame, replays: dict[str, int]) -> Report:
        config = self.config
        return build_report(
            train=self.real_train,
            holdout=holdout,
            synthetic=self.synthetic,
            kinds=self.kinds,
            target_column=config.target_column or None,
            seed=config.seed,
            pii_replay=PiiReplay(
                count=sum(replays.values()),
                by_column=replays,
                fingerprints_checked=len(self.fingerprints),
                gate_replaced=self.gate_replaced,
            ),
            guarantee=self.guarantee,
            title=f"datasets/{self.dataset.id}/syntheses/{self.synthesis_id}",
            progress=self.handle.stage_progress("report", *STAGE_RANGES["report"]),
            thresholds=Thresholds().tightened(config.max_risk),
            link_columns=config.link_columns if all(config.link_columns) else None,
        )

    def _refuse_risky(self, report: Report) -> None:
        """Fail closed when an attack's risk is confidently above the request's ``max_risk``: nothing is stored."""
        limit = self.config.max_risk
        over = report.leakage.attacks.above(limit) if limit else []
        if over:
            raise PrivacyRiskError(
                f"{len(over)} attack(s) on the synthetic rows are confidently above max_risk {limit:g}; "
                "the synthesis is not released",
                violations=[(f"attacks.{label}", f"95% lower bound {low:.3f} > {limit:g}") for label, low in over],
            )

    def _text_reports(self, holdout: pd.DataFrame) -> list:
        return text_stage.text_reports(
            synth=self.synth,
            plan=self.plan,
            train=self.real_train,
            holdout=holdout,
            synthetic=self.synthetic,
            exposed=self.exposed,
            embedder=self.embedder,
            llm=self.llm,
            replays=self.replays,
            canaries=self.canaries,
            seed=self.config.seed,
        )

    def _warn(self, report: Report, *, void: bool) -> None:
        if self.gate_replaced:
            replaced = self.gate_replaced
            report.warn(
                GateReplacedWarning(
                    f"release gate: {sum(replaced.values())} generated cells coincided with raw PII "
                    f"values of the input and were replaced ({', '.join(sorted(replaced))})"
                )
            )
        if self.dp and void:
            guarantee = self.guarantee
            report.warn(
                DatasetGuaranteeVoidWarning(
                    "a non-DP synthesis of this dataset exists: this release is "
                    f"({guarantee.epsilon:.3g}, {guarantee.delta:.3g})-DP, but no DP guarantee holds "
                    "for the dataset as a whole"
                )
            )
        if self.dp:
            for column, problem in self.synth.discovery_problems.items():
                report.warn(DomainDiscoveryWarning(f"column {column!r}: {problem}"))
        if self.dp and self.plan.columns and not self.synth.text_engines:
            report.warn(TextWithheldWarning("text columns are withheld (emitted empty): no DP text model was selected"))

    # --- store -------------------------------------------------------------------------------------

    def store(self) -> dict:
        """Write the rows and the report renderings; return what the synthesis row records."""
        self.handle.report("store", 97)
        store, dataset, report = self.ctx.store, self.dataset, self.result
        with self._timed("store"):
            out_dir = store.synthesis_dir(dataset.tenant, dataset.id, self.synthesis_id)
            store.write_table(out_dir / "synthetic.parquet", pa.Table.from_pandas(self.synthetic, preserve_index=False))
            store.write_text(out_dir / "report.json", render_json(report))
            store.write_text(out_dir / "report.html", render_html(report))
        logger.info(
            "synthesis %s/%s done: %s",
            dataset.id,
            self.synthesis_id,
            ", ".join(f"{k} {v:.1f}s" for k, v in self.timings.items()),
        )
        drift, leak = report.drift, report.leakage
        return {
            "resolved_model": getattr(self.synth, "resolved_name", self.config.model),
            "guarantee": report.privacy_guarantee.model_dump(mode="json"),
            "summary": {
                "column_shape_score": drift.column_shape_score,
                "pair_trend_score": drift.pair_trend_score,
                "detection_auc": drift.detection_auc,
                "exact_copies": leak.exact_copies,
                "dcr_share": leak.dcr_share,
                "pii_replay_count": leak.pii_replay.count,
                "attack_verdict": leak.attacks.verdict,
                "max_attack_risk": max((r.risk for r in leak.attacks.risks if r.risk == r.risk), default=None),
            },
            "row_count": len(self.synthetic),
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
        }


def _guarantee(synth: object, *, dp: bool, void: bool) -> PrivacyGuarantee:
    """What the report states: the accountant's (epsilon, delta) for DP models, else none."""
    if not dp:
        return PrivacyGuarantee.none(dataset_guarantee_void=void)
    epsilon, delta = synth.privacy_spent
    books = synth.dp_books
    public = books["public"]
    preprocessing = {f"{col}.{step}": how for col, steps in public["columns"].items() for step, how in steps.items()}
    preprocessing.update({k: v for k, v in public.items() if k != "columns"})
    return PrivacyGuarantee.differential_privacy(
        epsilon=epsilon,
        delta=delta,
        accountant=books["accountant"],
        preprocessing=preprocessing,
        spends=[{"purpose": p, "rho": r} for p, r in books.get("rho_spends", [])],
        dataset_guarantee_void=void,
    )
