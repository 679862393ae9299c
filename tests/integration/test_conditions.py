"""Condition groups over gRPC: exact counts, every row meeting its group, the k refusal, seeds, the report."""

from __future__ import annotations

import grpc
import numpy as np
import pandas as pd
import pytest

from tests.integration.helpers import error_details, status_details
from veil.service.demo_data import make_demo_table
from veil.v1 import veil_pb2 as pb

FAIR_AND_HEAVY = pb.ConditionGroup(
    rows=150,
    where=[pb.ColumnCondition(column="cut", values=["Fair"]), pb.ColumnCondition(column="carat", min=1.0)],
)
CHEAP_BRIGHT = pb.ConditionGroup(
    rows=100,
    where=[pb.ColumnCondition(column="color", values=["D", "E"]), pb.ColumnCondition(column="price", max=1000)],
)


@pytest.fixture(scope="module")
def gems(client_a):
    return client_a.upload(make_demo_table(2000, seed=7), pb.DatasetSpec(dataset_id="gems", seed=3))


def _run(client, dataset, config):
    op = client.wait_operation(client.create_synthesis(dataset.name, config).name)
    assert not op.HasField("error"), op.error
    synthesis = client.synthesis_of(op)
    return (
        synthesis,
        client.read_records(synthesis.name),
        client.report(synthesis.name, view=pb.GetReportRequest.VIEW_JSON),
    )


def _meets(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    first = (frame.cut == "Fair") & (frame.carat >= 1.0)
    second = frame.color.isin(["D", "E"]) & (frame.price <= 1000)
    return first.to_numpy(), second.to_numpy()


def test_cart_returns_exactly_the_groups_rows_and_reports_each_group(client_a, gems):
    config = pb.SynthesisConfig(model=pb.MODEL_CART, seed=5, conditions=[FAIR_AND_HEAVY, CHEAP_BRIGHT])
    synthesis, records, report = _run(client_a, gems, config)
    assert synthesis.row_count == len(records) == 250
    first, second = _meets(records)
    assert first[:150].all() and second[150:].all()
    assert [list(g.where) for g in synthesis.config.conditions] == [list(g.where) for g in config.conditions]
    reports = list(report.conditions)
    assert [(c.group, c.rows_asked, c.rows_made, c.method) for c in reports] == [
        (0, 150, 150, "tree_prefix"),
        (1, 100, 100, "tree_prefix"),
    ]
    assert all(c.rows_drawn >= c.rows_asked and c.holdout_rows > 0 for c in reports)
    assert reports[1].HasField("column_shape_score") and 0 < reports[1].column_shape_score <= 1
    assert '"conditions"' in report.json
    html = client_a.report(synthesis.name, view=pb.GetReportRequest.VIEW_HTML).html
    assert "<h2>Condition groups</h2>" in html and "cut in {Fair}; carat &gt;= 1" in html
    # The same seed gives the same rows.
    _, again, _ = _run(client_a, gems, config)
    pd.testing.assert_frame_equal(records.drop(columns=["order_id"]), again.drop(columns=["order_id"]))


def test_cart_meets_a_rare_group_that_whole_row_rejection_gives_up_on(client_a, gems):
    """About 7 of 2,000 uploaded rows are Fair stones of 1.7 carats or more: drawing the trees' prefix is cheap."""
    rare = pb.ConditionGroup(
        rows=200,
        where=[pb.ColumnCondition(column="cut", values=["Fair"]), pb.ColumnCondition(column="carat", min=1.7)],
    )
    synthesis, records, report = _run(client_a, gems, pb.SynthesisConfig(model=pb.MODEL_CART, conditions=[rare]))
    assert len(records) == 200 and (records.cut == "Fair").all() and (records.carat >= 1.7).all()
    (group,) = report.conditions
    assert group.method == "tree_prefix" and group.rows_drawn > 200 * 200  # beyond rejection's bound
    # dp_sgd draws whole rows and keeps those that meet the group: it gives up at its bound, naming the group.
    fresh = client_a.upload(make_demo_table(2000, seed=7), pb.DatasetSpec(dataset_id="gems-rejection", seed=3))
    config = pb.SynthesisConfig(model=pb.MODEL_DP_SGD, epsilon=3.0, epochs=1, conditions=[rare])
    refused = client_a.wait_operation(client_a.create_synthesis(fresh.name, config).name)
    fields, reasons = status_details(refused.error)
    assert reasons == ["CONDITION_UNMET"] and list(fields) == ["config.conditions[0]"]
    assert "40000 rows drawn" in fields["config.conditions[0]"]


def test_a_group_too_few_training_rows_meet_is_refused_unless_the_model_is_dp(client_a, gems):
    rare = pb.ConditionGroup(
        rows=20,
        where=[pb.ColumnCondition(column="cut", values=["Fair"]), pb.ColumnCondition(column="carat", min=2.2)],
    )
    before = client_a.veil.ListSyntheses(pb.ListSynthesesRequest(parent=gems.name), metadata=client_a.metadata)
    with pytest.raises(grpc.RpcError) as info:
        client_a.create_synthesis(gems.name, pb.SynthesisConfig(model=pb.MODEL_CART, conditions=[CHEAP_BRIGHT, rare]))
    code, fields, reasons = error_details(info.value)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and reasons == ["CONDITION_TOO_RARE"]
    assert list(fields) == ["config.conditions[1]"]
    after = client_a.veil.ListSyntheses(pb.ListSynthesesRequest(parent=gems.name), metadata=client_a.metadata)
    assert list(after.syntheses) == list(before.syntheses)
    # A DP model may be asked for it. dp_marginal's coarse carat bins make no Fair stone of 2.2 carats and
    # more within the draws allowed: the job fails naming the group, and nothing is released.
    config = pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=1.0, conditions=[CHEAP_BRIGHT, rare])
    op = client_a.wait_operation(client_a.create_synthesis(gems.name, config).name)
    fields, reasons = status_details(op.error)
    assert op.error.code == grpc.StatusCode.FAILED_PRECONDITION.value[0] and reasons == ["CONDITION_UNMET"]
    assert list(fields) == ["config.conditions[1]"] and "4000 rows drawn" in fields["config.conditions[1]"]


def test_a_group_no_holdout_row_meets_is_reported_as_extrapolation(client_a, gems):
    """16 training rows and no holdout row are Good stones of VVS2 clarity; dp_marginal samples its graphical
    model given the group."""
    never = pb.ConditionGroup(
        rows=20,
        where=[
            pb.ColumnCondition(column="cut", values=["Good"]),
            pb.ColumnCondition(column="clarity", values=["VVS2"]),
        ],
    )
    config = pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=1.0, seed=4, conditions=[CHEAP_BRIGHT, never])
    synthesis, records, report = _run(client_a, gems, config)
    assert len(records) == 120 and (records.cut.iloc[100:] == "Good").all()
    assert (records.clarity.iloc[100:] == "VVS2").all() and _meets(records)[1][:100].all()
    assert [(c.method, c.rows_made) for c in report.conditions] == [
        ("model_given_evidence", 100),
        ("model_given_evidence", 20),
    ]
    assert report.conditions[1].holdout_rows == 0
    assert [w for w in report.warnings if w.startswith("condition group")] == [
        "condition group 1: no holdout row meets its constraints, so its rows are the model's extrapolation, "
        "not a resemblance the data can confirm"
    ]
    html = client_a.report(synthesis.name, view=pb.GetReportRequest.VIEW_HTML).html
    assert "spends no privacy budget" in html


@pytest.mark.parametrize(
    "config, field",
    [
        (pb.SynthesisConfig(num_rows=10, conditions=[CHEAP_BRIGHT]), "config.num_rows"),
        (
            pb.SynthesisConfig(
                conditions=[pb.ConditionGroup(rows=5, where=[pb.ColumnCondition(column="note", values=["x"])])]
            ),
            "config.conditions[0].where[0].column",
        ),
        (
            pb.SynthesisConfig(
                conditions=[pb.ConditionGroup(rows=5, where=[pb.ColumnCondition(column="price", values=["9"])])]
            ),
            "config.conditions[0].where[0].values",
        ),
        (
            pb.SynthesisConfig(conditions=[pb.ConditionGroup(rows=0, where=CHEAP_BRIGHT.where)]),
            "config.conditions[0].rows",
        ),
        (pb.SynthesisConfig(text=pb.TextConfig(canaries=3), conditions=[CHEAP_BRIGHT]), "config.text.canaries"),
    ],
)
def test_malformed_conditions_are_refused_naming_the_field(client_a, gems, config, field):
    with pytest.raises(grpc.RpcError) as info:
        client_a.create_synthesis(gems.name, config)
    code, fields, reasons = error_details(info.value)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and field in fields and "BAD_CONDITION" in reasons


def test_rebalancing_makes_the_shares_asked_and_the_rest_follows_the_model(client_a, gems):
    rebalance = pb.Rebalance(column="cut", shares=[pb.ValueShare(value="Fair", share=0.3)])
    config = pb.SynthesisConfig(model=pb.MODEL_CART, num_rows=500, seed=2, rebalance=rebalance)
    synthesis, records, report = _run(client_a, gems, config)
    assert len(records) == 500 and (records.cut == "Fair").sum() == 150
    assert (records.cut.iloc[:150] == "Fair").all() and not (records.cut.iloc[150:] == "Fair").any()
    assert records.cut.iloc[150:].nunique() >= 3  # the values not listed keep the model's mix
    assert [(c.rows_made, round(c.share, 3)) for c in report.conditions] == [(150, 0.3), (350, 0.7)]
    assert synthesis.config.rebalance == rebalance


def test_rebalancing_a_value_too_few_training_rows_hold_is_refused(client_a, gems):
    rebalance = pb.Rebalance(
        column="clarity", shares=[pb.ValueShare(value="SI1", share=0.2), pb.ValueShare(value="FL", share=0.2)]
    )
    with pytest.raises(grpc.RpcError) as info:
        client_a.create_synthesis(gems.name, pb.SynthesisConfig(model=pb.MODEL_CART, rebalance=rebalance))
    code, fields, reasons = error_details(info.value)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and reasons == ["CONDITION_TOO_RARE"]
    assert list(fields) == ["config.rebalance.shares[1].value"]


def test_fill_gaps_tops_up_the_cells_training_holds_too_few_of(client_a, gems):
    gaps = pb.FillGaps(columns=["cut", "color"], min_rows=40)
    synthesis, records, report = _run(client_a, gems, pb.SynthesisConfig(model=pb.MODEL_CART, seed=1, fill_gaps=gaps))
    groups = list(report.conditions)
    assert groups and len(records) == sum(g.rows_asked for g in groups) == synthesis.row_count
    offset = 0
    for group in groups:
        cut, color = (w.values[0] for w in group.where)
        rows = records.iloc[offset : offset + group.rows_asked]
        offset += group.rows_asked
        assert (rows.cut == cut).all() and (rows.color == color).all()
        assert 5 <= group.training_rows < 40 and group.rows_made + group.training_rows == 40
    with pytest.raises(grpc.RpcError) as info:
        client_a.create_synthesis(
            gems.name, pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=1.0, fill_gaps=gaps)
        )
    code, fields, reasons = error_details(info.value)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "config.fill_gaps" in fields and "NOT_FOR_DP_MODEL" in reasons
    with pytest.raises(grpc.RpcError) as info:
        client_a.create_synthesis(gems.name, pb.SynthesisConfig(fill_gaps=pb.FillGaps(columns=["cut"], min_rows=2)))
    code, fields, reasons = error_details(info.value)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and list(fields) == ["config.fill_gaps.min_rows"]


# One family each beyond cart: SDV's conditional sampling (on single values; a value set falls back to rejection),
# the DP graphical model given evidence, and rejection.
FAMILIES = [
    pytest.param(pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA), ("sdv_conditions", "rejection"), id="sdv"),
    pytest.param(
        pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=2.0),
        ("model_given_evidence", "model_given_evidence"),
        id="dp_marginal",
    ),
    pytest.param(
        pb.SynthesisConfig(model=pb.MODEL_DP_SGD, epsilon=3.0, epochs=2), ("rejection", "rejection"), id="dp_sgd"
    ),
]


@pytest.mark.parametrize("base, methods", FAMILIES)
def test_every_engine_family_meets_groups_exactly_and_rebalances(client_a, base, methods):
    # a dataset of its own per family, so the DP families each have a whole budget; each family's seeds are
    # shown to repeat in tests/unit/synthesizers/test_conditioned_sampling.py (cart's over gRPC above)
    family = pb.Model.Name(base.model).lower().replace("_", "-")
    gems = client_a.upload(make_demo_table(2000, seed=7), pb.DatasetSpec(dataset_id=family, seed=3))
    premium = pb.ConditionGroup(rows=120, where=[pb.ColumnCondition(column="cut", values=["Premium"])])
    config = pb.SynthesisConfig(seed=11, conditions=[premium, CHEAP_BRIGHT])
    config.MergeFrom(base)
    synthesis, records, report = _run(client_a, gems, config)
    assert synthesis.row_count == len(records) == 220
    assert (records.cut.iloc[:120] == "Premium").all() and _meets(records)[1][120:].all()
    assert [(c.rows_asked, c.rows_made, c.method) for c in report.conditions] == [
        (120, 120, methods[0]),
        (100, 100, methods[1]),
    ]

    rebalance = pb.Rebalance(column="color", shares=[pb.ValueShare(value="J", share=0.25)])
    config = pb.SynthesisConfig(num_rows=400, seed=11, rebalance=rebalance)
    config.MergeFrom(base)
    _, records, report = _run(client_a, gems, config)
    assert len(records) == 400 and abs((records.color == "J").mean() - 0.25) <= 0.02
    assert [round(c.share, 3) for c in report.conditions] == [0.25, 0.75]
