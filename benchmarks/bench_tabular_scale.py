"""How time and memory of a tabular engine grow with the rows: fit + sample, each size in a fresh process.

The table is ggplot2/diamonds (53,940 rows, 10 columns) drawn with replacement to each size (seeded),
so every size has the same columns and distribution. Each run fits on ``n`` rows and samples ``n``
rows in a process of its own; peak RSS is that process's (``ru_maxrss``), so sizes do not share
memory. Engines alternate at each size.

Usage:
    .venv/bin/python benchmarks/bench_tabular_scale.py [--sizes 10000 100000 1000000]
        [--engines cart gaussian_copula] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent

_CHILD = r"""
import json, resource, sys, time, warnings
warnings.filterwarnings("ignore")
sys.path[:0] = [sys.argv[3], sys.argv[3] + "/benchmarks"]
from bench_dp_quality import load
from veil.synthesizers.registry import create_synthesizer
engine, n = sys.argv[1], int(sys.argv[2])
frame, kinds = load("diamonds")
frame = frame.sample(n=n, replace=True, random_state=0).reset_index(drop=True)
synth = create_synthesizer(engine, seed=0)
started = time.perf_counter()
synth.fit(frame, kinds=kinds)
fit = time.perf_counter() - started
started = time.perf_counter()
out = synth.sample(n)
sample = time.perf_counter() - started
assert len(out) == n
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"engine": engine, "rows": n, "fit_s": fit, "sample_s": sample, "peak_mib": peak}))
"""


def run(engine: str, rows: int) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, engine, str(rows), str(HERE.parent)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--engines", nargs="+", default=["cart", "gaussian_copula"])
    parser.add_argument("--json", type=pathlib.Path, help="also write the figures here")
    args = parser.parse_args(argv)
    results = []
    for rows in args.sizes:
        for engine in args.engines:
            result = run(engine, rows)
            results.append(result)
            print(f"{engine} {rows:,}: {result['fit_s']:.1f}s + {result['sample_s']:.1f}s", file=sys.stderr, flush=True)
    command = "benchmarks/bench_tabular_scale.py " + " ".join(sys.argv[1:] if argv is None else argv)
    lines = [
        f"Command: `{command.strip()}`",
        "",
        "| rows | engine | fit s | sample s | peak RSS MiB |",
        "|---:|---|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['rows']:,} | {r['engine']} | {r['fit_s']:.1f} | {r['sample_s']:.1f} | {r['peak_mib']:,.0f} |"
        )
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
