"""What the leakage report's attacks cost beside the default engine's fit, on 10^5 training rows.

ggplot2/diamonds is drawn with replacement to ``--rows`` training rows and as many holdout rows; ``cart``
fits on the training rows and samples as many rows. Then ``run_attacks`` runs on the three frames (it
reads at most 20,000 rows of each, singling-out 5,000, seeded). Both are timed in the same process,
turns alternating over ``--repeats`` runs; the medians and their ratio are printed.

Usage:
    .venv/bin/python benchmarks/bench_attack_cost.py [--rows 100000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import pathlib
import statistics
import sys
import time
import warnings

HERE = pathlib.Path(__file__).resolve().parent
for path in (HERE.parent, HERE):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from bench_dp_quality import load  # noqa: E402

from veil.privacy.leakage.attacks import run_attacks  # noqa: E402
from veil.synthesizers.registry import create_synthesizer  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    frame, kinds = load("diamonds")
    frame = frame.sample(n=2 * args.rows, replace=True, random_state=0).reset_index(drop=True)
    train, holdout = frame.iloc[: args.rows].reset_index(drop=True), frame.iloc[args.rows :].reset_index(drop=True)
    fits, attacks, parts = [], [], {}
    for repeat in range(args.repeats):
        synth = create_synthesizer("cart", seed=repeat)
        started = time.perf_counter()
        synth.fit(train, kinds=kinds)
        fits.append(time.perf_counter() - started)
        synthetic = synth.sample(args.rows)
        started = time.perf_counter()
        suite = run_attacks(train=train, holdout=holdout, synthetic=synthetic, kinds=kinds, seed=repeat)
        attacks.append(time.perf_counter() - started)
        run: dict[str, float] = {}
        for result in suite.risks:
            run[result.attack] = run.get(result.attack, 0.0) + result.seconds
        run["membership"] = suite.membership[0].seconds
        for name, seconds in run.items():
            parts.setdefault(name, []).append(seconds)
    fit, attack = statistics.median(fits), statistics.median(attacks)
    print(f"Command: `benchmarks/bench_attack_cost.py --rows {args.rows} --repeats {args.repeats}`\n")
    print("| step | seconds (median) |\n|---|---:|")
    print(f"| cart fit, {args.rows:,} rows | {fit:.2f} |")
    print(f"| every attack, {args.rows:,} training and synthetic rows | {attack:.2f} |")
    for name, seconds in parts.items():
        print(f"| &nbsp;&nbsp;of which {name} | {statistics.median(seconds):.2f} |")
    print(
        f"\nRatio attacks / fit: {attack / fit:.2f} (runs: {', '.join(f'{a / f:.2f}' for a, f in zip(attacks, fits))})"
    )


if __name__ == "__main__":
    main()
