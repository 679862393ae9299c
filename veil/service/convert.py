"""Proto <-> domain conversions, kept out of the servicers' logic."""

from __future__ import annotations

import math

from google.longrunning import operations_pb2
from google.protobuf import any_pb2, timestamp_pb2
from google.rpc import status_pb2

from veil.privacy.dp import BudgetStatement
from veil.service.enums import CHARGE_STATE, GUARANTEE_KIND, MODEL, STAGE, SYNTHESIS_STATE, TEXT_MODEL
from veil.service.interceptors import build_status
from veil.service.pipeline.budget import PolicySpec
from veil.service.pipeline.synthesis_config import SynthesisConfig
from veil.service.pipeline.upload import ColumnOverride, UploadSpec
from veil.service.storage.db import DatasetRow, OperationRow, SynthesisRow
from veil.v1 import veil_pb2 as pb

KIND_TO_PB = {
    "numeric": pb.COLUMN_KIND_NUMERIC,
    "categorical": pb.COLUMN_KIND_CATEGORICAL,
    "datetime": pb.COLUMN_KIND_DATETIME,
    "boolean": pb.COLUMN_KIND_BOOLEAN,
    "id": pb.COLUMN_KIND_ID,
    "text": pb.COLUMN_KIND_TEXT,
    "pii": pb.COLUMN_KIND_PII,
}
PB_TO_KIND = {v: k for k, v in KIND_TO_PB.items()}
SCAN_KIND_TO_PB = {"pii": pb.COLUMN_KIND_PII, "text": pb.COLUMN_KIND_TEXT}


def timestamp(seconds: float) -> timestamp_pb2.Timestamp:
    ts = timestamp_pb2.Timestamp()
    ts.FromNanoseconds(int(seconds * 1e9))
    return ts


def spec_from_pb(spec: pb.DatasetSpec) -> UploadSpec:
    overrides = []
    for o in spec.column_overrides:
        base = PB_TO_KIND.get(o.kind, "")
        kind = f"pii:{o.pii_entity}" if base == "pii" else base
        overrides.append(ColumnOverride(column=o.column, kind=kind))
    return UploadSpec(
        dataset_id=spec.dataset_id,
        display_name=spec.display_name,
        overrides=tuple(overrides),
        holdout_fraction=spec.holdout_fraction,
        seed=spec.seed,
        policy=policy_from_pb(spec.privacy_policy),
    )


def column_scan_to_pb(column: str, scan: dict, kinds: dict[str, str]) -> pb.ColumnPiiScan:
    kind = SCAN_KIND_TO_PB.get(scan.get("kind"), KIND_TO_PB.get(kinds.get(column, ""), pb.COLUMN_KIND_UNSPECIFIED))
    return pb.ColumnPiiScan(
        column=column,
        kind=kind,
        pii_entity=scan.get("entity_type") or "",
        confidence=float(scan.get("confidence", 0.0)),
        entities=[
            pb.EntityShare(entity_type=e["entity_type"], cell_share=e["cell_share"], mean_score=e["mean_score"])
            for e in scan.get("entities", [])
        ],
        masked_samples=list(scan.get("masked_samples", [])),
        scanned_cells=int(scan.get("scanned_cells", 0)),
    )


def scan_to_pb(scan: dict, kinds: dict[str, str] | None = None) -> pb.PiiScan:
    kinds = kinds or {}
    return pb.PiiScan(
        columns=[column_scan_to_pb(c, s, kinds) for c, s in scan.get("columns", {}).items()],
        scanned_rows=int(scan.get("scanned_rows", 0)),
    )


def dataset_to_pb(row: DatasetRow, budget: BudgetStatement | None = None) -> pb.Dataset:
    kinds = {c["name"]: c["kind"] for c in row.columns}
    return pb.Dataset(
        name=f"datasets/{row.id}",
        display_name=row.display_name,
        columns=[
            pb.Column(
                name=c["name"],
                kind=KIND_TO_PB[c["kind"]],
                pii_entity=c["pii_entity"],
                arrow_type=c["arrow_type"],
                null_count=c["null_count"],
                overridden=c["overridden"],
            )
            for c in row.columns
        ],
        row_count=row.row_count,
        train_row_count=row.train_rows,
        holdout_row_count=row.holdout_rows,
        pii_summary=[
            column_scan_to_pb(c, s, kinds)
            for c, s in row.scan.get("columns", {}).items()
            if s.get("kind") in ("pii", "text") or s.get("entities")
        ],
        create_time=timestamp(row.create_time),
        holdout_fraction=row.holdout_fraction,
        seed=row.seed,
        stage_seconds=row.timings,
        privacy_policy=None
        if budget is None
        else pb.PrivacyPolicy(
            epsilon_budget=budget.epsilon_total,
            delta_budget=budget.delta_total,
            non_dp_syntheses=_NON_DP[budget.allow_non_dp],
        ),
    )


def _public_column(c: pb.PublicColumn) -> dict:
    return {
        "column": c.column,
        "lower": c.lower if c.HasField("lower") else None,
        "upper": c.upper if c.HasField("upper") else None,
        "categories": list(c.categories) if c.categories else None,
    }


def text_config_from_pb(text: pb.TextConfig) -> dict:
    """The fields a request set (proto3 zero values mean "default" and are left out)."""
    return {field.name: value for field, value in text.ListFields()}


def config_from_pb(config: pb.SynthesisConfig) -> SynthesisConfig:
    return SynthesisConfig(
        model=MODEL.name(config.model),
        num_rows=config.num_rows,
        seed=config.seed,
        target_column=config.target_column,
        epochs=config.epochs,
        text_model=TEXT_MODEL.name(config.text_model),
        epsilon=config.epsilon,
        delta=config.delta,
        public_columns=tuple(_public_column(c) for c in config.public_columns),
        public_row_count=config.public_row_count,
        text=text_config_from_pb(config.text),
        rare_value_threshold=config.rare_value_threshold,
        max_risk=config.max_risk,
        link_columns=(tuple(config.link_columns_a), tuple(config.link_columns_b)),
        conditions=tuple(
            {
                "rows": g.rows,
                "where": [
                    {
                        "column": c.column,
                        "values": list(c.values),
                        "low": c.min if c.HasField("min") else None,
                        "high": c.max if c.HasField("max") else None,
                        "exclude": c.exclude,
                    }
                    for c in g.where
                ],
                "hard_text": g.hard_text_variants,
            }
            for g in config.conditions
        ),
        rebalance=(
            {"column": config.rebalance.column, "shares": [[s.value, s.share] for s in config.rebalance.shares]}
            if config.HasField("rebalance")
            else None
        ),
        fill_gaps=(
            {"columns": list(config.fill_gaps.columns), "min_rows": config.fill_gaps.min_rows}
            if config.HasField("fill_gaps")
            else None
        ),
    )


def config_to_pb(config: dict) -> pb.SynthesisConfig:
    public = [
        pb.PublicColumn(
            column=c["column"], lower=c.get("lower"), upper=c.get("upper"), categories=c.get("categories") or []
        )
        for c in config.get("public_columns", [])
    ]
    return pb.SynthesisConfig(
        model=MODEL.number(config["model"]),
        num_rows=config["num_rows"],
        seed=config["seed"],
        target_column=config["target_column"],
        epochs=config["epochs"],
        text_model=TEXT_MODEL.number(config["text_model"]),
        epsilon=config.get("epsilon", 0.0),
        delta=config.get("delta", 0.0),
        public_columns=public,
        public_row_count=config.get("public_row_count", 0),
        text=pb.TextConfig(**config.get("text", {})),
        rare_value_threshold=config.get("rare_value_threshold", 0),
        max_risk=config.get("max_risk", 0.0),
        link_columns_a=(config.get("link_columns") or [[], []])[0],
        link_columns_b=(config.get("link_columns") or [[], []])[1],
        conditions=[
            pb.ConditionGroup(
                rows=g["rows"],
                where=[_condition_to_pb(c) for c in g["where"]],
                hard_text_variants=g.get("hard_text", False),
            )
            for g in config.get("conditions", [])
        ],
        rebalance=(
            pb.Rebalance(
                column=config["rebalance"]["column"],
                shares=[pb.ValueShare(value=v, share=s) for v, s in config["rebalance"]["shares"]],
            )
            if config.get("rebalance")
            else None
        ),
        fill_gaps=pb.FillGaps(**config["fill_gaps"]) if config.get("fill_gaps") else None,
    )


_NON_DP = {True: pb.PrivacyPolicy.NON_DP_SYNTHESES_ALLOW, False: pb.PrivacyPolicy.NON_DP_SYNTHESES_DENY}


def policy_from_pb(policy: pb.PrivacyPolicy) -> PolicySpec:
    allow = {pb.PrivacyPolicy.NON_DP_SYNTHESES_ALLOW: True, pb.PrivacyPolicy.NON_DP_SYNTHESES_DENY: False}.get(
        policy.non_dp_syntheses
    )
    return PolicySpec(epsilon_budget=policy.epsilon_budget, delta_budget=policy.delta_budget, allow_non_dp=allow)


def budget_to_pb(st: BudgetStatement) -> pb.PrivacyBudget:
    return pb.PrivacyBudget(
        name=f"datasets/{st.dataset}/privacyBudget",
        epsilon_total=st.epsilon_total,
        delta_total=st.delta_total,
        epsilon_spent=st.epsilon_spent,
        delta_spent=st.delta_spent,
        epsilon_remaining=st.epsilon_remaining,
        delta_remaining=st.delta_remaining,
        guarantee_void=st.guarantee_void,
        policy=pb.PrivacyPolicy(
            epsilon_budget=st.epsilon_total, delta_budget=st.delta_total, non_dp_syntheses=_NON_DP[st.allow_non_dp]
        ),
        charges=[
            pb.PrivacyCharge(
                synthesis=f"datasets/{st.dataset}/syntheses/{c.synthesis}" if c.synthesis else "",
                mechanism=c.mechanism,
                epsilon=c.epsilon,
                delta=c.delta,
                epsilon_spent=c.epsilon_spent,
                delta_spent=c.delta_spent,
                state=CHARGE_STATE.number(c.state),
                differentially_private=c.kind == "dp",
                create_time=timestamp(c.create_time),
                update_time=timestamp(c.update_time),
            )
            for c in st.charges
        ],
    )


def guarantee_to_pb(g: dict) -> pb.PrivacyGuarantee:
    if not g:
        return pb.PrivacyGuarantee()
    kind = GUARANTEE_KIND.number(g["kind"])
    return pb.PrivacyGuarantee(
        kind=kind,
        epsilon=g.get("epsilon", 0.0),
        delta=g.get("delta", 0.0),
        statement=g.get("statement", ""),
        accountant=g.get("accountant", ""),
        preprocessing=g.get("preprocessing", {}),
        spends=[pb.PrivacySpend(**s) for s in g.get("spends", [])],
        dataset_guarantee_void=g.get("dataset_guarantee_void", False),
    )


def error_to_status(error: dict | None) -> status_pb2.Status | None:
    if not error:
        return None
    return build_status(
        error.get("code", "INTERNAL"),
        error.get("message", ""),
        reason=error.get("reason", "INTERNAL"),
        violations=[tuple(v) for v in error.get("violations", [])],
    )


def synthesis_to_pb(row: SynthesisRow) -> pb.Synthesis:
    msg = pb.Synthesis(
        name=row.name,
        config=config_to_pb(row.config),
        state=SYNTHESIS_STATE.number(row.state),
        resolved_model=MODEL.number(row.resolved_model),
        privacy_guarantee=guarantee_to_pb(row.guarantee),
        row_count=row.row_count,
        create_time=timestamp(row.create_time),
        update_time=timestamp(row.update_time),
        operation=f"operations/{row.operation}",
        stage_seconds=row.timings,
    )
    if row.summary:
        msg.report_summary.CopyFrom(pb.ReportSummary(**_measured_all(row.summary)))
    status = error_to_status(row.error)
    if status is not None:
        msg.error.CopyFrom(status)
    return msg


def operation_to_pb(op: OperationRow, synthesis: SynthesisRow | None) -> operations_pb2.Operation:
    meta = pb.SynthesisOperationMetadata(
        synthesis=op.synthesis,
        stage=STAGE.number(op.stage),
        progress_percent=op.progress,
        create_time=timestamp(op.create_time),
        update_time=timestamp(op.update_time),
        cancel_requested=op.cancel_requested,
    )
    packed = any_pb2.Any()
    packed.Pack(meta)
    msg = operations_pb2.Operation(name=op.name, metadata=packed, done=op.done)
    if op.done:
        status = error_to_status(op.error)
        if status is not None:
            msg.error.CopyFrom(status)
        elif synthesis is not None:
            response = any_pb2.Any()
            response.Pack(synthesis_to_pb(synthesis))
            msg.response.CopyFrom(response)
    return msg


def report_to_pb(name: str, report: dict) -> pb.Report:
    """The structured report from its JSON form (veil.reports.model.Report.to_dict)."""
    drift, leak = report["drift"], report["leakage"]
    msg = pb.Report(
        name=name,
        drift=pb.DriftReport(
            columns=[
                pb.ColumnDrift(
                    column=c["column"],
                    kind=KIND_TO_PB.get(c["kind"], 0),
                    metric=c["metric"],
                    score_vs_holdout=_measured(c["score_vs_holdout"]),
                    score_vs_train=_measured(c["score_vs_train"]),
                )
                for c in drift["columns"]
            ],
            pairs=[pb.PairDrift(**_measured_all(p)) for p in drift["pairs"]],
            column_shape_score=_measured(drift["column_shape_score"]),
            pair_trend_score=_measured(drift["pair_trend_score"]),
            detection_auc=_measured(drift["detection_auc"]),
        ),
        leakage=pb.LeakageReport(
            exact_copies=leak["exact_copies"],
            exact_copy_share=_measured(leak["exact_copy_share"]),
            natural_copy_share=_measured(leak.get("natural_copy_share")),
            engine_guards=_measured_map(leak.get("engine_guards")),
            dcr_share=_measured(leak["dcr_share"]),
            dcr_median=_measured(leak["dcr_median"]),
            nndr_median=_measured(leak["nndr_median"]),
            pii_replay=pb.PiiReplay(**leak["pii_replay"]),
            value_protection=pb.ValueProtection(
                k=leak.get("value_protection", {}).get("k", 0),
                columns=[pb.ProtectedColumn(**c) for c in leak.get("value_protection", {}).get("columns", [])],
            ),
            attacks=attacks_to_pb(leak.get("attacks") or {}),
            natural_dcr_median=_measured(leak.get("natural_dcr_median")),
            nndr_p05=_measured(leak.get("nndr_p05")),
            natural_nndr_p05=_measured(leak.get("natural_nndr_p05")),
            dcr_share_max=_measured(leak.get("dcr_share_max")),
            dcr_share_max_columns=leak.get("dcr_share_max_columns", []),
        ),
        privacy_guarantee=guarantee_to_pb(report["privacy_guarantee"]),
        train_rows=report["train_rows"],
        holdout_rows=report["holdout_rows"],
        synthetic_rows=report["synthetic_rows"],
        warnings=report.get("warnings", []),
    )
    if drift.get("utility"):
        msg.drift.utility.CopyFrom(pb.Utility(**_measured_all(drift["utility"])))
    msg.text_columns.extend(text_report_to_pb(t) for t in report.get("text_columns", []))
    msg.conditions.extend(
        pb.ConditionGroupReport(**_measured_all({**c, "where": [_condition_to_pb(w) for w in c.get("where", [])]}))
        for c in report.get("conditions", [])
    )
    return msg


def _condition_to_pb(c: dict) -> pb.ColumnCondition:
    return pb.ColumnCondition(
        column=c["column"], values=c["values"], min=c["low"], max=c["high"], exclude=c.get("exclude", False)
    )


def _measured(value):
    """A figure for an optional proto field: None (unset) when it was not measured (None or NaN)."""
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _measured_all(fields: dict) -> dict:
    return {k: _measured(v) for k, v in fields.items()}


def _measured_map(values: dict | None) -> dict:
    """A map<string, double>: entries that were not measured are left out."""
    return {k: v for k, v in (values or {}).items() if _measured(v) is not None}


def attacks_to_pb(attacks: dict) -> pb.AttackReport:
    """The report's attack section from its JSON form (null rates become NaN)."""
    return pb.AttackReport(
        risks=[pb.AttackRisk(**_measured_all(r)) for r in attacks.get("risks", [])],
        membership=[pb.MembershipRisk(**_measured_all(m)) for m in attacks.get("membership", [])],
        thresholds=attacks.get("thresholds", {}),
        verdict=attacks.get("verdict", ""),
        rows_compared=attacks.get("rows_compared", 0),
        synthetic_rows_compared=attacks.get("synthetic_rows_compared", 0),
    )


def text_report_to_pb(t: dict) -> pb.TextColumnReport:
    """One text column's report from its JSON form (null scores become NaN)."""
    gen = t.get("generation") or {}
    usage = gen.get("usage") or {}
    return pb.TextColumnReport(
        column=t["column"],
        drift=pb.TextDrift(**_measured_all(t["drift"])),
        diversity=pb.TextDiversity(**_measured_all(t["diversity"])),
        leakage=pb.TextLeakage(**_measured_all(t["leakage"])),
        generation=pb.TextGeneration(
            engine=t.get("engine", ""),
            generator_model=gen.get("generator_model", ""),
            judge_model=gen.get("judge_model", ""),
            prompts=gen.get("prompts", []),
            candidates=gen.get("candidates", 0),
            kept=gen.get("kept", 0),
            rejected={k: int(v) for k, v in (gen.get("rejected") or {}).items()},
            requests=usage.get("requests", 0),
            retries=usage.get("retries", 0),
            prompt_tokens=usage.get("prompt_tokens", 0),
            completion_tokens=usage.get("completion_tokens", 0),
            cost=usage.get("cost", 0.0),
            diversity_before=_measured_map(gen.get("diversity_before")),
            diversity_after=_measured_map(gen.get("diversity_after")),
        ),
        warnings=t.get("warnings", []),
    )
