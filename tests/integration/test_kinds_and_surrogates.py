"""Kind overrides in the spec, and what scrubbing stores: consistent, format-keeping surrogates."""

from __future__ import annotations

import re

import pandas as pd
import pyarrow.parquet as pq

from veil.service.demo_data import make_demo_table
from veil.v1 import veil_pb2 as pb


def test_overrides_win_over_inference(client_a):
    frame = make_demo_table(200, seed=4)
    spec = pb.DatasetSpec(
        dataset_id="overridden",
        column_overrides=[
            pb.ColumnOverride(column="order_id", kind=pb.COLUMN_KIND_CATEGORICAL),
            pb.ColumnOverride(column="clarity", kind=pb.COLUMN_KIND_PII, pii_entity="PRODUCT_CODE"),
            pb.ColumnOverride(column="address", kind=pb.COLUMN_KIND_TEXT),
        ],
    )
    ds = client_a.upload(frame, spec)
    columns = {c.name: c for c in ds.columns}
    assert columns["order_id"].kind == pb.COLUMN_KIND_CATEGORICAL and columns["order_id"].overridden
    assert (columns["clarity"].kind, columns["clarity"].pii_entity) == (pb.COLUMN_KIND_PII, "PRODUCT_CODE")
    assert columns["address"].kind == pb.COLUMN_KIND_TEXT and columns["address"].overridden
    assert columns["customer_name"].kind == pb.COLUMN_KIND_PII and not columns["customer_name"].overridden
    client_a.veil.DeleteDataset(pb.DeleteDatasetRequest(name=ds.name), metadata=client_a.metadata)


def test_stored_training_split_holds_consistent_surrogates(client_a, server):
    frame = make_demo_table(300, seed=8)
    # The same customer on several rows, and named in notes.
    frame.loc[[0, 5, 9], ["customer_name", "email", "phone"]] = frame.loc[0, ["customer_name", "email", "phone"]].values
    for i in (0, 5, 9):
        frame.loc[i, "note"] = f"Call {frame.loc[0, 'customer_name']} on {frame.loc[0, 'phone']} about the ring."
    ds = client_a.upload(frame, pb.DatasetSpec(dataset_id="surrogates", holdout_fraction=0.01, seed=1))
    folder = server.config.data_dir / "artifacts" / "tenant-a" / "surrogates"
    stored = pq.read_table(folder / "train.parquet").to_pandas()
    holdout = pq.read_table(folder / "holdout.parquet").to_pandas()
    both = pd.concat([stored, holdout], ignore_index=True)
    assert len(stored) + len(holdout) == len(frame) == ds.row_count
    # find the three rows by their (non-PII) order ids
    rows = both[both["order_id"].isin(frame.loc[[0, 5, 9], "order_id"])]
    assert len(rows) == 3
    names, phones = set(rows["customer_name"]), set(rows["phone"])
    assert len(names) == 1 and len(phones) == 1
    name, phone = names.pop(), phones.pop()
    assert name != frame.loc[0, "customer_name"] and phone != frame.loc[0, "phone"]
    assert re.fullmatch(r"\(\d{3}\) \d{3}-\d{4}", phone)  # same shape as the input
    assert all(re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]+", e) for e in stored["email"])
    for note in rows["note"]:
        assert name in note and phone in note  # the note names the row's surrogate
    assert not set(stored["customer_name"]) & set(frame["customer_name"])
    client_a.veil.DeleteDataset(pb.DeleteDatasetRequest(name=ds.name), metadata=client_a.metadata)
