"""What rare-value protection costs in quality, against the real holdout.

For each table: the seeded 80/20 split of ``bench_dp_quality`` (train/holdout); the
default non-DP engine fits on train with k = 1 (protection off) and with each k asked
for; SDMetrics' QualityReport scores the synthetic rows against the holdout, which no
model has seen. Also printed: the categorical values pooled into ``_RARE_`` and the
training rows outside the clipped numeric/datetime range, and the share of synthetic
cells that are ``_RARE_``.

Usage:
    .venv/bin/python benchmarks/bench_value_protection.py [--tables diamonds seattlepets]
        [--k 1 5 10] [--seeds 2] [--engine gaussian_copula]
"""

from __future__ import annotations

import argparse
import pathlib
import statistics
import sys
import warnings

HERE = pathlib.Path(__file__).resolve().parent
for path in (HERE.parent, HERE):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from bench_dp_quality import load, quality  # noqa: E402

from veil.synthesizers.protection import RARE  # noqa: E402
from veil.synthesizers.registry import create_synthesizer  # noqa: E402


def run(table: str, engine: str, ks: list[int], seeds: int) -> list[dict]:
    frame, kinds = load(table)
    frame = frame.sample(frac=1.0, random_state=0).reset_index(drop=True)
    cut = int(len(frame) * 0.8)
    train, holdout = frame.iloc[:cut].reset_index(drop=True), frame.iloc[cut:].reset_index(drop=True)
    rows = []
    for k in ks:
        scores, rare_share = [], []
        books = {}
        for seed in range(seeds):
            synth = create_synthesizer(engine, seed=seed, rare_value_k=k)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                synth.fit(train, kinds=kinds)
                synthetic = synth.sample(len(holdout))
                scores.append(quality(holdout, synthetic, kinds))
            categorical = [c for c, kind in kinds.items() if kind == "categorical"]
            cells = synthetic[categorical].size or 1
            rare_share.append(float((synthetic[categorical] == RARE).to_numpy().sum()) / cells)
            books = synth.books["value_protection"]
        pooled = {c["column"]: c["values"] for c in books["columns"] if c["kind"] == "categorical"}
        clipped = {c["column"]: c["rows"] for c in books["columns"] if c["kind"] == "range"}
        rows.append(
            {
                "table": table,
                "k": k,
                "quality": statistics.mean(s[0] for s in scores),
                "shapes": statistics.mean(s[1] for s in scores),
                "pairs": statistics.mean(s[2] for s in scores),
                "pooled_values": pooled,
                "clipped_rows": clipped,
                "rare_cell_share": statistics.mean(rare_share),
                "train_rows": len(train),
            }
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", nargs="+", default=["diamonds", "seattlepets"])
    parser.add_argument("--k", nargs="+", type=int, default=[1, 5, 10])
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--engine", default="gaussian_copula")
    args = parser.parse_args(argv)
    print(f"engine {args.engine}, mean of {args.seeds} seed(s); quality = SDMetrics QualityReport vs holdout\n")
    print(
        "| table | k | quality | column shapes | pair trends | categorical values pooled | training rows "
        "clipped | synthetic categorical cells `_RARE_` |"
    )
    print("|---|---:|---:|---:|---:|---|---|---:|")
    for table in args.tables:
        for row in run(table, args.engine, args.k, args.seeds):
            pooled = ", ".join(f"{c} {n}" for c, n in row["pooled_values"].items()) or "–"
            clipped = ", ".join(f"{c} {n}" for c, n in row["clipped_rows"].items()) or "–"
            print(
                f"| {table} ({row['train_rows']:,} train) | {row['k']} | {row['quality']:.3f} | {row['shapes']:.3f} "
                f"| {row['pairs']:.3f} | {pooled} | {clipped} | {row['rare_cell_share']:.2%} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
