"""The attacks in the service: every synthesis is attacked and judged; max_risk refuses a risky release."""

from __future__ import annotations

import grpc
import numpy as np
import pandas as pd
import pytest

from tests.integration.helpers import error_details, status_details
from veil.v1 import veil_pb2 as pb

MODELLED = {"carat", "cut", "color", "clarity", "depth", "table", "price", "x", "y", "z"}


@pytest.fixture(scope="module")
def attacked(client_a, dataset):
    op = client_a.wait_operation(
        client_a.create_synthesis(dataset.name, pb.SynthesisConfig(seed=2), synthesis_id="attacked").name
    )
    assert not op.HasField("error"), op.error.message
    synthesis = client_a.synthesis_of(op)
    return synthesis, client_a.report(synthesis.name, view=pb.GetReportRequest.VIEW_HTML)


def test_every_attack_runs_and_is_judged(attacked):
    synthesis, report = attacked
    attacks = report.leakage.attacks
    kinds = {(r.attack, r.mode) for r in attacks.risks}
    assert {("singling_out", "univariate"), ("singling_out", "multivariate")} <= kinds
    assert {r.mode for r in attacks.risks if r.attack == "inference"} == MODELLED
    assert sum(r.attack == "linkability" for r in attacks.risks) == 1
    assert {m.attack for m in attacks.membership} == {"density_ratio", "distance"}
    for risk in attacks.risks:
        assert risk.attempts > 0 and 0.0 <= risk.risk_low <= risk.risk <= risk.risk_high <= 1.0
        assert risk.verdict in ("pass", "warn", "fail")
    for member in attacks.membership:
        assert member.auc_low <= member.auc <= member.auc_high and member.members > 0
    assert attacks.verdict in ("pass", "warn", "fail") and set(attacks.thresholds) >= {"risk_warn", "risk_fail"}
    # the default engine on 1,600 training rows: nothing an attacker can single out, link or infer confidently
    assert attacks.verdict != "fail"
    assert synthesis.report_summary.attack_verdict == attacks.verdict
    assert synthesis.report_summary.max_attack_risk == pytest.approx(max(r.risk for r in attacks.risks))
    assert "Attacks:" in report.html and "empirical" in report.html
    # natural rates beside the distances
    assert report.leakage.natural_dcr_median > 0 and 0 <= report.leakage.nndr_p05 <= 1
    assert report.leakage.dcr_share_max >= report.leakage.dcr_share
    assert set(report.leakage.dcr_share_max_columns) <= MODELLED


def test_linkability_joins_the_columns_a_request_names(client_a, dataset):
    config = pb.SynthesisConfig(seed=2, num_rows=300, link_columns_a=["carat", "cut"], link_columns_b=["price"])
    op = client_a.wait_operation(client_a.create_synthesis(dataset.name, config).name)
    assert not op.HasField("error"), op.error.message
    report = client_a.report(client_a.synthesis_of(op).name)
    assert [r.mode for r in report.leakage.attacks.risks if r.attack == "linkability"] == ["carat+cut | price"]


@pytest.mark.parametrize(
    "config, field",
    [
        (pb.SynthesisConfig(max_risk=1.5), "config.max_risk"),
        (pb.SynthesisConfig(max_risk=-0.1), "config.max_risk"),
        (pb.SynthesisConfig(link_columns_a=["carat"]), "config.link_columns_b"),
        (pb.SynthesisConfig(link_columns_a=["carat"], link_columns_b=["customer_name"]), "config.link_columns_b"),
        (pb.SynthesisConfig(link_columns_a=["carat"], link_columns_b=["carat"]), "config.link_columns_b"),
    ],
)
def test_bad_attack_settings_name_the_field(client_a, dataset, config, field):
    with pytest.raises(grpc.RpcError) as info:
        client_a.create_synthesis(dataset.name, config)
    code, fields, _ = error_details(info.value)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and field in fields
    assert "customer_name" not in str(fields)  # names the field; never a value


def test_a_risk_above_max_risk_refuses_the_release(client_a, server):
    # a member code declared categorical, protection off: GaussianCopula hands training codes on, and a code
    # held by one training row singles its member out
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(
        {
            "member": [f"k{i:05d}" for i in range(1000)],
            "score": np.round(rng.normal(50, 10, 1000), 1),
            "band": rng.choice(["a", "b", "c"], 1000),
        }
    )
    spec = pb.DatasetSpec(
        dataset_id="members", column_overrides=[pb.ColumnOverride(column="member", kind=pb.COLUMN_KIND_CATEGORICAL)]
    )
    dataset = client_a.upload(frame, spec)
    released = pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA, rare_value_threshold=1, seed=2)
    op = client_a.wait_operation(client_a.create_synthesis(dataset.name, released, synthesis_id="judged").name)
    assert not op.HasField("error"), op.error.message  # without max_risk: released, and the report says fail
    attacks = client_a.report(client_a.synthesis_of(op).name).leakage.attacks
    (univariate,) = [r for r in attacks.risks if r.mode == "univariate"]
    assert univariate.risk_low > 0.05 and attacks.verdict in ("warn", "fail")

    refused = pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA, rare_value_threshold=1, seed=2, max_risk=0.05)
    op = client_a.wait_operation(client_a.create_synthesis(dataset.name, refused, synthesis_id="too-risky").name)
    assert op.error.code == grpc.StatusCode.FAILED_PRECONDITION.value[0]
    fields, reasons = status_details(op.error)
    assert reasons == ["PRIVACY_RISK"] and "attacks.singling_out.univariate" in fields
    assert "k0" not in op.error.message and not any("k0" in v for v in fields.values())
    synthesis = client_a.veil.GetSynthesis(
        pb.GetSynthesisRequest(name=f"{dataset.name}/syntheses/too-risky"), metadata=client_a.metadata
    )
    assert synthesis.state == pb.Synthesis.STATE_FAILED
    assert not server.ctx.store.synthesis_dir("tenant-a", "members", "too-risky").exists()
