"""ScrubText (bidirectional stream) and ScanPii on an inline sample."""

from __future__ import annotations

import grpc
import pytest

from tests.integration.helpers import error_details
from veil.v1 import veil_pb2 as pb


def scrub(client, texts, dataset=""):
    requests = (pb.ScrubTextRequest(id=str(i), text=t, dataset=dataset) for i, t in enumerate(texts))
    return list(client.veil.ScrubText(requests, metadata=client.metadata))


def test_scrub_text_streams_spans_and_surrogates(client_a, demo_frame):
    row = demo_frame.iloc[0]
    text = f"Please call {row.customer_name} on {row.phone} or write to {row.email}."
    replies = scrub(client_a, [text, "Nothing personal in here at all."])
    assert [r.id for r in replies] == ["0", "1"]
    first = replies[0]
    for value in (row.customer_name, row.phone, row.email):
        assert value not in first.scrubbed_text
    found = {s.entity_type for s in first.spans}
    assert {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER"} <= found
    for span in first.spans:
        assert 0 <= span.start < span.end <= len(text) and 0 < span.score <= 1
    assert replies[1].scrubbed_text == "Nothing personal in here at all." and not replies[1].spans


def test_scrub_text_many_texts_in_one_stream(client_a, demo_frame):
    rows = demo_frame.iloc[:150]
    texts = [f"Ticket from {r.customer_name}: call {r.phone}." for r in rows.itertuples()] * 2
    replies = scrub(client_a, texts)
    assert [r.id for r in replies] == [str(i) for i in range(len(texts))]
    for reply, row in zip(replies, list(rows.itertuples()) * 2):
        assert row.customer_name not in reply.scrubbed_text and row.phone not in reply.scrubbed_text
    # One stream, one key: a text sent twice comes back the same, however the server batched it.
    assert [r.scrubbed_text for r in replies[:150]] == [r.scrubbed_text for r in replies[150:]]


def test_scrub_text_with_a_dataset_key_is_consistent(client_a, client_b, dataset, demo_frame):
    email = demo_frame.iloc[3].email
    a = scrub(client_a, [f"mail {email} now", f"again: {email}"], dataset=dataset.name)
    surrogate_1 = a[0].scrubbed_text.split()[1]
    assert surrogate_1 != email and surrogate_1 in a[1].scrubbed_text
    with pytest.raises(grpc.RpcError) as info:
        scrub(client_b, ["x"], dataset=dataset.name)
    assert info.value.code() == grpc.StatusCode.NOT_FOUND


def test_inline_scan_lists_every_column_and_stores_nothing(client_a, demo_frame, server):
    before = sorted(p.name for p in (server.config.data_dir / "artifacts").rglob("*"))
    scan = client_a.scan(demo_frame.head(300))
    by_column = {c.column: c for c in scan.columns}
    assert list(by_column) == list(demo_frame.columns)
    assert by_column["customer_name"].kind == pb.COLUMN_KIND_PII and by_column["customer_name"].pii_entity == "PERSON"
    assert by_column["price"].kind == pb.COLUMN_KIND_NUMERIC and not by_column["price"].entities
    assert by_column["note"].kind == pb.COLUMN_KIND_TEXT
    raw = set(demo_frame.head(300).email)
    assert not [s for c in scan.columns for s in c.masked_samples if any(v in s for v in raw)]
    assert sorted(p.name for p in (server.config.data_dir / "artifacts").rglob("*")) == before


def test_scan_needs_a_source(client_a):
    with pytest.raises(grpc.RpcError) as info:
        client_a.veil.ScanPii(pb.ScanPiiRequest(), metadata=client_a.metadata)
    code, fields, _ = error_details(info.value)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "source" in fields
