"""A service that analyses PII on a local Ray (`veil serve --ray auto`) against one that does not.

The same table and seed on both: the same columns, kinds and PII findings, no raw value in the output,
and the same report figures within tolerance (each dataset has its own surrogate key, so the scrubbed
values, and with them the figures, differ a little).
"""

from __future__ import annotations

import pytest

from tests.integration.conftest import TOKEN_A, make_config
from tests.integration.helpers import find_replays, pii_values
from veil.privacy.pii.ray_pool import LOCAL, RayAnalyzerPool
from veil.service.client import VeilClient
from veil.service.server import VeilServer
from veil.v1 import veil_pb2 as pb


@pytest.fixture(scope="module")
def ray_client(local_ray, tmp_path_factory):
    root = tmp_path_factory.mktemp("veil-ray")
    config = make_config(root / "data", root / "keys" / "master.key", ray_address=LOCAL, text_embedding_worker=False)
    server = VeilServer(config).start()
    try:
        with VeilClient(server.address, TOKEN_A, timeout=300) as client:
            client.wait_ready()
            yield server, client
    finally:
        server.stop()


def _columns(dataset):
    return [(c.name, c.kind, c.pii_entity) for c in dataset.columns]


def _findings(dataset):
    """Per column: its PII kind and entity, and the entity types found in its cells with their shares."""
    return [
        (s.column, s.kind, s.pii_entity, sorted((e.entity_type, round(e.cell_share, 4)) for e in s.entities))
        for s in dataset.pii_summary
    ]


def test_a_service_on_ray_scrubs_and_synthesises_as_one_without(ray_client, dataset, finished, demo_frame):
    server, client = ray_client
    assert isinstance(server.ctx.pii._analyzer._pool, RayAnalyzerPool)
    on_ray = client.upload(demo_frame, pb.DatasetSpec(dataset_id="diamonds", display_name="diamonds + PII", seed=3))
    assert _columns(on_ray) == _columns(dataset) and _findings(on_ray) == _findings(dataset)
    assert (on_ray.train_row_count, on_ray.holdout_row_count) == (dataset.train_row_count, dataset.holdout_row_count)

    done = client.wait_operation(
        client.create_synthesis(
            on_ray.name,
            pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA, seed=11, target_column="cut"),
            synthesis_id="gc",
        ).name
    )
    assert not done.HasField("error"), done.error
    synthesis = client.synthesis_of(done)
    records = client.read_records(synthesis.name)
    assert find_replays(records, pii_values(demo_frame)) == []
    ours, theirs = synthesis.report_summary, finished[1].report_summary
    assert ours.column_shape_score == pytest.approx(theirs.column_shape_score, abs=0.03)
    assert ours.pair_trend_score == pytest.approx(theirs.pair_trend_score, abs=0.05)
    assert ours.detection_auc == pytest.approx(theirs.detection_auc, abs=0.08)
    assert ours.dcr_share == pytest.approx(theirs.dcr_share, abs=0.08)
    assert (ours.exact_copies, ours.pii_replay_count) == (theirs.exact_copies, theirs.pii_replay_count) == (0, 0)
