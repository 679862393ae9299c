"""Each text engine through the service: the text report's drift, diversity and leakage figures side by side.

    .venv/bin/python benchmarks/bench_text_reports.py [--rows 2000] [--canaries 10] [--epsilon 4]

One in-process server (real Presidio, real SQLite) with the loopback fake
OpenAI-compatible server as its LLM endpoint (no model: the LLM figures show
what Veil's pipeline does with a generator's output, not a model's quality).
The demo table (diamonds rows, Faker customers, notes naming them) is
uploaded once; each engine synthesizes it with the same seed and the same
planted canaries; the table lists what each text report says.
"""

from __future__ import annotations

import argparse
import math
import pathlib
import re
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TOKEN = "bench-token-" + "x" * 20


def names_follow_rows(frame) -> float:
    """Share of non-empty notes that name their own row's customer (first name, whole word)."""
    named = total = 0
    for name, note in zip(frame["customer_name"], frame["note"]):
        if isinstance(note, str) and isinstance(name, str):
            total += 1
            named += bool(re.search(rf"(?<!\w){re.escape(name.split()[0])}(?!\w)", note))
    return named / total if total else math.nan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--canaries", type=int, default=10)
    parser.add_argument("--epsilon", type=float, default=4.0, help="epsilon of the dp_marginal + PE run")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    from tests.fakes.openai_server import FakeOpenAIServer
    from veil.service.client import VeilClient
    from veil.service.config import ServiceConfig
    from veil.service.demo_data import make_demo_table
    from veil.service.server import VeilServer
    from veil.v1 import veil_pb2 as pb

    print(f"Command: `.venv/bin/python benchmarks/bench_text_reports.py {' '.join(sys.argv[1:])}`".rstrip())
    frame = make_demo_table(args.rows, seed=args.seed)
    runs = [
        ("surrogate", pb.SynthesisConfig(model=pb.MODEL_GAUSSIAN_COPULA)),
        (
            "llm_rewrite",
            pb.SynthesisConfig(
                model=pb.MODEL_GAUSSIAN_COPULA,
                text_model=pb.TEXT_MODEL_LLM_REWRITE,
                text=pb.TextConfig(judge_model="fake-judge"),
            ),
        ),
        (
            f"dp_private_evolution (dp_marginal, eps {args.epsilon:g})",
            pb.SynthesisConfig(
                model=pb.MODEL_DP_MARGINAL, epsilon=args.epsilon, text_model=pb.TEXT_MODEL_DP_PRIVATE_EVOLUTION
            ),
        ),
    ]
    rows = []
    with FakeOpenAIServer() as fake, tempfile.TemporaryDirectory() as tmp:
        config = ServiceConfig(
            host="127.0.0.1",
            port=0,
            data_dir=pathlib.Path(tmp) / "data",
            master_key_file=pathlib.Path(tmp) / "master.key",
            tokens={TOKEN: "bench"},
            llm_base_url=fake.base_url,
            llm_model="fake-writer",
            llm_concurrency=16,
            default_epsilon_budget=100,
        )
        with VeilServer(config) as server, VeilClient(server.address, TOKEN, timeout=3600) as client:
            client.wait_ready()
            dataset = client.upload(frame, pb.DatasetSpec(dataset_id="notes", seed=args.seed))
            for label, cfg in runs:
                cfg.seed = args.seed
                cfg.text.canaries = args.canaries
                fake.reset()
                started = time.perf_counter()
                op = client.wait_operation(client.create_synthesis(dataset.name, cfg).name)
                if op.HasField("error"):
                    raise SystemExit(f"{label}: {op.error.message}")
                synthesis = client.synthesis_of(op)
                out = client.read_records(synthesis.name)
                report = client.report(synthesis.name)
                seconds = time.perf_counter() - started
                (text,) = report.text_columns
                rows.append((label, text, names_follow_rows(out), seconds, report.privacy_guarantee.statement))
                print(f"{label}: {seconds:.1f} s", file=sys.stderr, flush=True)

    def f(x: float, d: int = 3) -> str:
        return "n/a" if x != x else f"{x:.{d}f}"

    print(
        f"\n{args.rows:,} demo rows (train {dataset.train_row_count:,}, holdout {dataset.holdout_row_count:,}); "
        f"{args.canaries} canaries planted in each run (half once, half three times); seed {args.seed}.\n"
    )
    print(
        "| engine | notes naming their row's customer | length KS | vocab TV | embedding AUC (0.5 ideal) | "
        "cluster coverage | distinct-2 | Vendi (holdout) | duplicates | longest overlap max / p50 / p95 | "
        "share >= 8 tokens | PII replay | canaries back | candidates -> kept | rejected | LLM requests | "
        "seconds | guarantee |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|---:|---|---:|---:|---:|---|---|---:|---:|---|")
    for label, t, named, seconds, statement in rows:
        d, v, lk, g = t.drift, t.diversity, t.leakage, t.generation
        rejected = ", ".join(f"{k} {n}" for k, n in sorted(g.rejected.items())) or "-"
        kept = f"{g.candidates:,} -> {g.kept:,}" if g.candidates else "-"
        print(
            f"| {label} | {named:.0%} | {f(d.length_ks)} | {f(d.vocab_tv)} | {f(d.embedding_auc)} | "
            f"{f(d.cluster_coverage, 2)} | {f(v.distinct_2)} | {f(v.vendi, 1)} ({f(v.vendi_real, 1)}) | "
            f"{f(v.duplicate_share, 2)} | {lk.longest_overlap_max} / {f(lk.longest_overlap_p50, 0)} / "
            f"{f(lk.longest_overlap_p95, 0)} | {f(lk.share_over_threshold, 2)} | {lk.pii_replay} | "
            f"{lk.canaries_exposed}/{lk.canaries_planted} | {kept} | {rejected} | {g.requests:,} | "
            f"{seconds:.0f} | {statement} |"
        )


if __name__ == "__main__":
    main()
