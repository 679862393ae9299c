"""End-to-end benchmark: the service's path versus bare SDV GaussianCopula, in one run.

    python benchmarks/bench_end_to_end.py --rows 20000 [--repeats 2] [--model cart]

Table: ggplot2/diamonds with Faker PII columns and a free-text note
(veil.service.demo_data). Reports seconds per stage and the ratio

    (upload -> download wall time, minus server-side scan + scrub)
    / (bare SDV GaussianCopula fit + sample on the same training rows)

Baseline and service runs alternate (B S B S ...) and medians are compared,
so a slow spell on a shared machine hits both sides. The service fits
GaussianCopula too (like for like); ``--model cart`` runs it on the default
engine instead (what a new user gets), against the same bare SDV baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import sys
import time
import warnings

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
warnings.filterwarnings("ignore")


def bare_sdv(train, seed: int) -> dict[str, float]:
    """SDV GaussianCopula on the modelled columns, nothing else."""
    import numpy as np
    from sdv.metadata import Metadata
    from sdv.single_table import GaussianCopulaSynthesizer

    from veil.service.demo_data import DIAMOND_KINDS

    frame = train[list(DIAMOND_KINDS)]
    np.random.seed(seed)
    t0 = time.perf_counter()
    metadata = Metadata.detect_from_dataframes({"t": frame})
    synth = GaussianCopulaSynthesizer(metadata)
    synth.fit({"t": frame})
    t1 = time.perf_counter()
    synth.sample(len(frame))["t"]
    t2 = time.perf_counter()
    return {"fit": t1 - t0, "sample": t2 - t1, "total": t2 - t0}


def service_run(frame, seed: int, index: int, model: str = "gaussian_copula") -> dict[str, float]:
    from veil.service.cli import _local_server
    from veil.service.client import VeilClient
    from veil.service.enums import MODEL
    from veil.v1 import veil_pb2 as pb

    with _local_server(None) as (address, token), VeilClient(address, token) as client:
        client.wait_ready()
        t0 = time.perf_counter()
        dataset = client.upload(frame, pb.DatasetSpec(dataset_id=f"bench-{index}", seed=seed))
        t1 = time.perf_counter()
        op = client.create_synthesis(dataset.name, pb.SynthesisConfig(model=MODEL.number(model), seed=seed))
        op = client.wait_operation(op.name, poll=0.05)
        synthesis = client.synthesis_of(op)
        t2 = time.perf_counter()
        records = client.read_records(synthesis.name)
        t3 = time.perf_counter()
        assert len(records) == dataset.train_row_count
        up = dict(dataset.stage_seconds)
        syn = dict(synthesis.stage_seconds)
        scrub = up.get("scan", 0.0) + up.get("scrub", 0.0)
        return {
            "upload_rpc": t1 - t0,
            "upload_scan": up.get("scan", 0.0),
            "upload_scrub": up.get("scrub", 0.0),
            "upload_other": (t1 - t0) - scrub,
            "synthesis_op": t2 - t1,
            "fit": syn.get("fit", 0.0),
            "sample": syn.get("sample", 0.0),
            "filter": syn.get("filter", 0.0),
            "report": syn.get("report", 0.0),
            "store": syn.get("store", 0.0),
            "download": t3 - t2,
            "service_excl_scrub": (t3 - t0) - scrub,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--model", default="gaussian_copula", help="the service's engine (default: like for like)")
    parser.add_argument("--json", type=pathlib.Path, default=None, help="also write the figures here")
    args = parser.parse_args()

    from veil.service.demo_data import make_demo_table
    from veil.service.pipeline.upload import split_holdout

    frame = make_demo_table(args.rows, seed=args.seed)
    train_idx, _ = split_holdout(len(frame), fraction=0.2, seed=args.seed)
    train = frame.iloc[train_idx].reset_index(drop=True)

    baselines, services = [], []
    for i in range(args.repeats):
        baselines.append(bare_sdv(train, args.seed))
        services.append(service_run(frame, args.seed, i, args.model))
        print(
            f"run {i + 1}: bare {baselines[-1]['total']:.2f}s, service {services[-1]['service_excl_scrub']:.2f}s",
            file=sys.stderr,
        )

    def med(rows, key):
        return statistics.median(r[key] for r in rows)

    ratios = [s["service_excl_scrub"] / b["total"] for s, b in zip(services, baselines)]
    result = {
        "rows": args.rows,
        "train_rows": len(train),
        "service_model": args.model,
        "repeats": args.repeats,
        "bare_sdv": {k: round(med(baselines, k), 3) for k in baselines[0]},
        "service": {k: round(med(services, k), 3) for k in services[0]},
        "ratio_service_excl_scrub_to_bare": round(statistics.median(ratios), 3),
        "ratios": [round(r, 3) for r in ratios],
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
