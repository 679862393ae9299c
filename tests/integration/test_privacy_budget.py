"""DP syntheses and the privacy budget ledger, over gRPC against the real server."""

from __future__ import annotations

import json
import threading

import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from tests.integration.conftest import TOKEN_A, make_config
from tests.integration.helpers import error_details
from veil.service.client import VeilClient
from veil.service.demo_data import make_demo_table
from veil.service.server import VeilServer
from veil.v1 import veil_pb2 as pb


def _small_table(rows: int = 400, seed: int = 5):
    """The demo table cut to a few columns: DP jobs on it take a few seconds."""
    frame = make_demo_table(rows, seed=seed)
    return frame[["order_id", "carat", "cut", "color", "price", "customer_name"]]


def _upload(
    client: VeilClient,
    dataset_id: str,
    *,
    epsilon_budget: float = 0.0,
    non_dp: int = pb.PrivacyPolicy.NON_DP_SYNTHESES_UNSPECIFIED,
    rows: int = 400,
) -> pb.Dataset:
    policy = pb.PrivacyPolicy(epsilon_budget=epsilon_budget, non_dp_syntheses=non_dp)
    return client.upload(_small_table(rows), pb.DatasetSpec(dataset_id=dataset_id, privacy_policy=policy, seed=2))


def _public_columns() -> list[pb.PublicColumn]:
    """Every modelled column of the small table declared public: nothing is left to discover."""
    return [
        pb.PublicColumn(column="carat", lower=0.1, upper=6.0),
        pb.PublicColumn(column="price", lower=0, upper=20000),
        pb.PublicColumn(column="cut", categories=["Fair", "Good", "Very Good", "Premium", "Ideal"]),
        pb.PublicColumn(column="color", categories=list("DEFGHIJ")),
    ]


def _error_metadata(exc: grpc.RpcError) -> dict[str, str]:
    status = rpc_status.from_call(exc)
    for detail in status.details:
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            return dict(info.metadata)
    return {}


@pytest.fixture(scope="module")
def dp_dataset(client_a):
    return _upload(client_a, "dp-small", epsilon_budget=3.0)


@pytest.fixture(scope="module")
def dp_done(client_a, dp_dataset):
    op = client_a.create_synthesis(
        dp_dataset.name, pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=1.0, seed=4), synthesis_id="mst"
    )
    done = client_a.wait_operation(op.name)
    assert not done.HasField("error"), done.error
    return client_a.synthesis_of(done)


def test_dataset_carries_its_policy(client_a, dp_dataset):
    got = client_a.veil.GetDataset(pb.GetDatasetRequest(name=dp_dataset.name), metadata=client_a.metadata)
    assert got.privacy_policy.epsilon_budget == 3.0
    assert got.privacy_policy.delta_budget == pytest.approx(1e-5)  # the service default
    assert got.privacy_policy.non_dp_syntheses == pb.PrivacyPolicy.NON_DP_SYNTHESES_ALLOW


def test_dp_marginal_end_to_end(client_a, dp_dataset, dp_done):
    g = dp_done.privacy_guarantee
    assert g.kind == pb.PrivacyGuarantee.KIND_DIFFERENTIAL_PRIVACY
    assert 0.9 < g.epsilon <= 1.0 and g.delta == pytest.approx(1e-6)
    assert "differential privacy" in g.statement and not g.dataset_guarantee_void
    # nothing was declared public: every data-dependent step was paid for
    assert g.preprocessing["carat.bounds"] == "dp" and g.preprocessing["cut.categories"].startswith("dp")
    assert g.preprocessing["row_count"].startswith("dp")
    purposes = [s.purpose for s in g.spends]
    assert "bounds:carat" in purposes and "select:round" in purposes and any(p.startswith("two-way:") for p in purposes)

    records = client_a.read_records(dp_done.name)
    # the row count is the DP estimate of the 320 training rows, not the true count
    assert abs(len(records) - dp_dataset.train_row_count) < 60
    assert set(records.columns) == {"order_id", "carat", "cut", "color", "price", "customer_name"}
    assert records["order_id"].str.fullmatch(r"[0-9a-f-]{36}").all()  # ids never echo the input's format
    assert set(records["cut"].dropna()) <= {"Fair", "Good", "Very Good", "Premium", "Ideal"}

    report = client_a.report(dp_done.name, view=pb.GetReportRequest.VIEW_JSON)
    assert report.privacy_guarantee.epsilon == g.epsilon
    assert json.loads(report.json)["privacy_guarantee"]["spends"]
    budget = client_a.privacy_budget(dp_dataset.name)
    charge = next(c for c in budget.charges if c.synthesis == dp_done.name)
    assert charge.state == pb.PrivacyCharge.STATE_SPENT and charge.differentially_private
    assert charge.epsilon == 1.0 and charge.epsilon_spent == pytest.approx(g.epsilon)


def test_budget_refuses_overspend_and_says_what_is_left(client_a, dp_dataset, dp_done):
    before = client_a.privacy_budget(dp_dataset.name)
    with pytest.raises(grpc.RpcError) as info:
        client_a.create_synthesis(
            dp_dataset.name, pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=2.5), synthesis_id="too-much"
        )
    code, fields, reasons = error_details(info.value)
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "PRIVACY_BUDGET_EXHAUSTED" in reasons
    assert "config.epsilon" in fields
    left = float(_error_metadata(info.value)["epsilon_remaining"])
    assert left == pytest.approx(before.epsilon_remaining, rel=1e-5) and 1.9 < left < 2.1
    # nothing was created and nothing was charged
    with pytest.raises(grpc.RpcError):
        client_a.veil.GetSynthesis(
            pb.GetSynthesisRequest(name=f"{dp_dataset.name}/syntheses/too-much"), metadata=client_a.metadata
        )
    assert client_a.privacy_budget(dp_dataset.name).epsilon_spent == pytest.approx(before.epsilon_spent)


@pytest.mark.parametrize(
    "config, field, reason",
    [
        (pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL), "config.epsilon", "EPSILON_REQUIRED"),
        (pb.SynthesisConfig(model=pb.MODEL_DP_SGD, epsilon=-1), "config.epsilon", "BAD_EPSILON"),
        (pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=1, delta=2), "config.delta", "BAD_DELTA"),
        (pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA, epsilon=1), "config.epsilon", "NOT_A_DP_MODEL"),
        (
            pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=1, public_columns=[pb.PublicColumn(column="nope")]),
            "config.public_columns[0].column",
            "BAD_PUBLIC_METADATA",
        ),
        (
            pb.SynthesisConfig(
                model=pb.MODEL_DP_MARGINAL,
                epsilon=1,
                public_columns=[pb.PublicColumn(column="carat", lower=3, upper=1)],
            ),
            "config.public_columns[0].lower",
            "BAD_PUBLIC_METADATA",
        ),
    ],
)
def test_bad_privacy_requests_name_the_field(client_a, dp_dataset, config, field, reason):
    spent = client_a.privacy_budget(dp_dataset.name).epsilon_spent
    with pytest.raises(grpc.RpcError) as info:
        client_a.create_synthesis(dp_dataset.name, config)
    code, fields, reasons = error_details(info.value)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and field in fields and reason in reasons
    assert client_a.privacy_budget(dp_dataset.name).epsilon_spent == spent


def test_public_metadata_is_not_paid_for(client_a, dp_dataset):
    public = _public_columns()
    op = client_a.create_synthesis(
        dp_dataset.name,
        pb.SynthesisConfig(
            model=pb.MODEL_DP_MARGINAL, epsilon=0.5, public_columns=public, public_row_count=320, num_rows=100
        ),
    )
    done = client_a.wait_operation(op.name)
    assert not done.HasField("error"), done.error
    g = client_a.synthesis_of(done).privacy_guarantee
    assert g.preprocessing["carat.bounds"] == "public" and g.preprocessing["cut.categories"] == "public"
    assert g.preprocessing["row_count"] == "public"
    assert not any(s.purpose.startswith(("bounds:", "categories:")) for s in g.spends)
    assert g.delta == pytest.approx(1e-6) and g.epsilon <= 0.5


def test_non_dp_policy_deny(client_a):
    ds = _upload(client_a, "dp-only", non_dp=pb.PrivacyPolicy.NON_DP_SYNTHESES_DENY)
    with pytest.raises(grpc.RpcError) as info:
        client_a.create_synthesis(ds.name, pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA))
    code, _, reasons = error_details(info.value)
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "NON_DP_NOT_ALLOWED" in reasons
    assert not client_a.privacy_budget(ds.name).guarantee_void


def test_non_dp_synthesis_voids_the_dataset_guarantee(client_a):
    ds = _upload(client_a, "mixed")
    op = client_a.wait_operation(
        client_a.create_synthesis(ds.name, pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA)).name
    )
    g = client_a.synthesis_of(op).privacy_guarantee
    assert g.kind == pb.PrivacyGuarantee.KIND_NONE and g.dataset_guarantee_void and "void" in g.statement
    budget = client_a.privacy_budget(ds.name)
    assert budget.guarantee_void and budget.epsilon_spent == 0
    op = client_a.wait_operation(
        client_a.create_synthesis(
            ds.name, pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=1.0, num_rows=50)
        ).name
    )
    syn = client_a.synthesis_of(op)
    assert syn.privacy_guarantee.dataset_guarantee_void
    report = client_a.report(syn.name, view=pb.GetReportRequest.VIEW_BASIC)
    assert any("non-DP synthesis" in w for w in report.warnings)


def test_fifty_concurrent_requests_never_overspend(client_a):
    ds = _upload(client_a, "crowd", epsilon_budget=5.0, rows=200)
    barrier = threading.Barrier(50)
    outcomes: list[object] = []
    lock = threading.Lock()

    def request(i: int) -> None:
        barrier.wait()
        try:
            op = client_a.create_synthesis(
                ds.name, pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=1.0, num_rows=20), synthesis_id=f"c{i}"
            )
            result: object = op.name
        except grpc.RpcError as exc:
            result = exc.code()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=request, args=(i,)) for i in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    accepted = [o for o in outcomes if isinstance(o, str)]
    assert len(accepted) == 5
    assert outcomes.count(grpc.StatusCode.FAILED_PRECONDITION) == 45
    budget = client_a.privacy_budget(ds.name)
    assert budget.epsilon_spent <= 5.0 * (1 + 1e-9) and budget.epsilon_remaining < 1.0
    for name in accepted:
        assert not client_a.wait_operation(name).HasField("error")
    settled = client_a.privacy_budget(ds.name)
    assert len(settled.charges) == 5 and all(c.state == pb.PrivacyCharge.STATE_SPENT for c in settled.charges)
    assert settled.epsilon_spent <= 5.0


def test_cancelled_before_touching_the_data_is_refunded(client_a):
    ds = _upload(client_a, "refund", epsilon_budget=2.0)
    # Occupy the single worker, so the DP job is still queued when it is cancelled.
    blocker = client_a.create_synthesis(ds.name, pb.SynthesisConfig(model=pb.MODEL_CTGAN, epochs=300))
    queued = client_a.create_synthesis(ds.name, pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=1.5))
    assert client_a.privacy_budget(ds.name).epsilon_remaining == pytest.approx(0.5)
    client_a.operations.CancelOperation(pb_cancel(queued.name), metadata=client_a.metadata)
    client_a.operations.CancelOperation(pb_cancel(blocker.name), metadata=client_a.metadata)
    client_a.wait_operation(queued.name)
    client_a.wait_operation(blocker.name)
    budget = client_a.privacy_budget(ds.name)
    dp_charge = next(c for c in budget.charges if c.differentially_private)
    assert dp_charge.state == pb.PrivacyCharge.STATE_REFUNDED and dp_charge.epsilon_spent == 0
    assert budget.epsilon_remaining == pytest.approx(2.0)


def pb_cancel(name: str):
    from google.longrunning import operations_pb2

    return operations_pb2.CancelOperationRequest(name=name)


def test_ledger_survives_a_restart(tmp_path):
    config = make_config(tmp_path / "data", tmp_path / "keys" / "master.key")
    server = VeilServer(config).start()
    try:
        with VeilClient(server.address, TOKEN_A, timeout=300) as client:
            client.wait_ready()
            ds = _upload(client, "kept", epsilon_budget=4.0, rows=200)
            op = client.wait_operation(
                client.create_synthesis(
                    ds.name, pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=1.25, num_rows=20)
                ).name
            )
            assert not op.HasField("error")
            before = client.privacy_budget(ds.name)
    finally:
        server.stop()
    server = VeilServer(config).start()
    try:
        with VeilClient(server.address, TOKEN_A, timeout=300) as client:
            client.wait_ready()
            after = client.privacy_budget(ds.name)
            assert after == before
            assert after.epsilon_spent == pytest.approx(1.25, rel=1e-3)
    finally:
        server.stop()


def test_budget_is_tenant_scoped(client_b, dp_dataset):
    with pytest.raises(grpc.RpcError) as info:
        client_b.privacy_budget(dp_dataset.name)
    assert info.value.code() == grpc.StatusCode.NOT_FOUND


def test_a_discovery_that_finds_nothing_warns_and_names_the_column(client_a):
    # 80 rows at epsilon 0.5: too few for any noisy bounds cell or category to clear the noise.
    ds = _upload(client_a, "tiny-dp", rows=80)
    op = client_a.wait_operation(
        client_a.create_synthesis(ds.name, pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=0.5, seed=1)).name
    )
    syn = client_a.synthesis_of(op)
    report = client_a.report(syn.name, view=pb.GetReportRequest.VIEW_BASIC)
    found = {c for c in ("carat", "price", "cut", "color") if any(f"column '{c}'" in w for w in report.warnings)}
    assert found == {"carat", "price", "cut", "color"}, report.warnings
    assert all("public" in w for w in report.warnings if w.startswith("column '"))
    assert syn.privacy_guarantee.preprocessing["carat.problem"].startswith(("no cell", "the DP bounds"))
    # Declared public, nothing is left to discover and nothing is warned about.
    public = _public_columns()
    op = client_a.wait_operation(
        client_a.create_synthesis(
            ds.name, pb.SynthesisConfig(model=pb.MODEL_DP_MARGINAL, epsilon=0.5, seed=1, public_columns=public)
        ).name
    )
    report = client_a.report(client_a.synthesis_of(op).name, view=pb.GetReportRequest.VIEW_BASIC)
    assert not [w for w in report.warnings if w.startswith("column '")], report.warnings
