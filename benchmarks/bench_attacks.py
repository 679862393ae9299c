"""The leakage report's attacks against anonymeter's, on the same rows, for every kind of engine.

For each table a seeded shuffle is cut into train and holdout; an engine fits on train and samples as
many rows as the holdout has. The attacked rows are a seeded cut of train to the holdout's size (the
members), the holdout (the control) and the synthetic rows; Veil's attacks (``run_attacks``) and
anonymeter 1.1.0's evaluators read exactly these frames. anonymeter pins numpy < 1.27 and cannot join
Veil's environment: it runs in a virtualenv of its own (``.venv-anonymeter``, created on first use from
the package index) through ``benchmarks/peers/anonymeter_runner.py``.

Engines: cart (the default), gaussian_copula, ctgan with many epochs on few rows (a model that
memorises), dp_marginal at epsilon 1. Datetime columns are given to both as seconds (anonymeter reads
only numbers and labels).

Every risk is printed with its 95% interval beside anonymeter's, and whether Veil's figure falls within
anonymeter's interval; membership inference (Veil only) as AUC and TPR at 1% FPR.

Usage:
    .venv/bin/python benchmarks/bench_attacks.py [--tables diamonds seattlepets arrests]
        [--engines cart gaussian_copula ctgan dp_marginal] [--rows 5000] [--attempts 500] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np
import pandas as pd

HERE = pathlib.Path(__file__).resolve().parent
for path in (HERE.parent, HERE):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from bench_tabular import load  # noqa: E402

from veil.core.columns import as_float  # noqa: E402
from veil.core.kinds import DATETIME, MODELLED_KINDS  # noqa: E402
from veil.privacy.leakage.attacks import run_attacks  # noqa: E402
from veil.privacy.leakage.attacks.linkage import default_split  # noqa: E402
from veil.privacy.leakage.attacks.singling_out import MAX_CANDIDATES  # noqa: E402
from veil.privacy.leakage.attacks.table import AttackTable  # noqa: E402
from veil.synthesizers.registry import create_synthesizer  # noqa: E402

VENV = HERE.parent / ".venv-anonymeter"
ANONYMETER = "anonymeter==1.1.0"
ENGINES = {
    "cart": {},
    "gaussian_copula": {},
    "ctgan": {"epochs": 1000},  # on CTGAN_ROWS training rows: it memorises
    "dp_marginal": {"epsilon": 1.0},
}
CTGAN_ROWS = 1000


def anonymeter_python() -> pathlib.Path:
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", ANONYMETER], check=True)
    return python


def for_anonymeter(frame: pd.DataFrame, kinds: dict[str, str]) -> pd.DataFrame:
    """Datetimes as seconds; everything else as it is."""
    out = frame.copy()
    for column, kind in kinds.items():
        if kind == DATETIME:
            out[column] = as_float(frame[column], kind)
    return out.reset_index(drop=True)


def run(table: str, engine: str, rows: int, attempts: int, seed: int) -> list[dict]:
    frame, kinds = load(table)
    kinds = {c: k for c, k in kinds.items() if k in MODELLED_KINDS}
    frame = frame[list(kinds)]
    n = min(CTGAN_ROWS * 2 if engine == "ctgan" else rows, len(frame))
    frame = frame.sample(n=n, random_state=seed).reset_index(drop=True)
    cut = len(frame) // 2
    train, holdout = frame.iloc[:cut].reset_index(drop=True), frame.iloc[cut:].reset_index(drop=True)
    synth = create_synthesizer(engine, seed=seed, **ENGINES[engine])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        started = time.perf_counter()
        synth.fit(train, kinds=kinds)
        synthetic = synth.sample(len(holdout))
        fit_seconds = time.perf_counter() - started
    members = train.sample(n=len(holdout), random_state=seed).reset_index(drop=True)
    started = time.perf_counter()
    suite = run_attacks(train=members, holdout=holdout, synthetic=synthetic, kinds=kinds, seed=seed, attempts=attempts)
    veil_seconds = time.perf_counter() - started
    table_view = AttackTable.build(
        train=members, control=holdout, synthetic=synthetic, kinds=kinds, rng=np.random.default_rng(0), max_rows=10**9
    )
    left, right = default_split(table_view)
    link = [[table_view.columns[j] for j in left], [table_view.columns[j] for j in right]]
    with tempfile.TemporaryDirectory() as folder:
        folder = pathlib.Path(folder)
        for name, part in (("train", members), ("control", holdout), ("synthetic", synthetic)):
            for_anonymeter(part, kinds).to_parquet(folder / f"{name}.parquet")
        plan = {
            "link": link,
            "secrets": {c: kinds[c] in ("numeric", "datetime") for c in kinds},
            "attempts": attempts,
            "seed": seed,
            "max_candidates": MAX_CANDIDATES,  # as many queries tried as Veil tries before it stops looking
        }
        (folder / "plan.json").write_text(json.dumps(plan))
        started = time.perf_counter()
        subprocess.run(
            [str(anonymeter_python()), str(HERE / "peers" / "anonymeter_runner.py"), str(folder)], check=True
        )
        theirs = json.loads((folder / "anonymeter.json").read_text())
        their_seconds = time.perf_counter() - started
    out = []
    for result in suite.risks:
        key = f"{result.attack}:{result.mode}"
        other = theirs.get(key, {})
        low, high = result.risk_interval
        out.append(
            {
                "table": table,
                "engine": engine,
                "attack": key,
                "veil": result.risk_value,
                "veil_low": low,
                "veil_high": high,
                "anonymeter": other.get("risk", float("nan")),
                "anonymeter_low": other.get("low", float("nan")),
                "anonymeter_high": other.get("high", float("nan")),
                "within": other.get("low", 2) - 1e-9 <= result.risk_value <= other.get("high", -1) + 1e-9,
            }
        )
    for result in suite.membership:
        out.append(
            {
                "table": table,
                "engine": engine,
                "attack": f"membership:{result.attack}",
                "auc": result.auc,
                "auc_low": result.auc_interval[0],
                "auc_high": result.auc_interval[1],
                "tpr": result.tpr_at_1pct_fpr,
                "tpr_low": result.tpr_interval[0],
                "tpr_high": result.tpr_interval[1],
            }
        )
    out.append(
        {
            "table": table,
            "engine": engine,
            "attack": "seconds",
            "fit_sample": fit_seconds,
            "veil": veil_seconds,
            "anonymeter": their_seconds,
            "rows": len(members),
        }
    )
    print(f"{table}: {engine} done ({veil_seconds:.1f}s Veil, {their_seconds:.1f}s anonymeter)", file=sys.stderr)
    return out


def markdown(results: list[dict], command: str) -> str:
    lines = [f"Command: `{command}`", ""]
    lines += [
        "| table | engine | attack | Veil risk [95%] | anonymeter risk [95%] | within |",
        "|---|---|---|---:|---:|:---:|",
    ]
    for r in results:
        if "within" in r:
            lines.append(
                f"| {r['table']} | {r['engine']} | {r['attack']} | {r['veil']:.3f} [{r['veil_low']:.3f}, "
                f"{r['veil_high']:.3f}] | {r['anonymeter']:.3f} [{r['anonymeter_low']:.3f}, "
                f"{r['anonymeter_high']:.3f}] | {'yes' if r['within'] else '**no**'} |"
            )
    lines += ["", "| table | engine | membership attack | AUC [95%] | TPR at 1% FPR [95%] |", "|---|---|---|---:|---:|"]
    for r in results:
        if "auc" in r:
            lines.append(
                f"| {r['table']} | {r['engine']} | {r['attack'].split(':')[1]} | {r['auc']:.3f} [{r['auc_low']:.3f}, "
                f"{r['auc_high']:.3f}] | {r['tpr']:.3f} [{r['tpr_low']:.3f}, {r['tpr_high']:.3f}] |"
            )
    lines += [
        "",
        "| table | engine | rows attacked | fit + sample s | Veil's attacks s | anonymeter s |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for r in results:
        if r["attack"] == "seconds":
            lines.append(
                f"| {r['table']} | {r['engine']} | {r['rows']:,} | {r['fit_sample']:.1f} | {r['veil']:.1f} "
                f"| {r['anonymeter']:.1f} |"
            )
    within = [r["within"] for r in results if "within" in r]
    lines += ["", f"Veil's risk within anonymeter's interval: {sum(within)} of {len(within)}."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", nargs="+", default=["diamonds", "seattlepets", "arrests"])
    parser.add_argument("--engines", nargs="+", default=list(ENGINES))
    parser.add_argument("--rows", type=int, default=5000, help="rows drawn from each table (half train, half holdout)")
    parser.add_argument("--attempts", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=pathlib.Path)
    args = parser.parse_args(argv)
    results = [
        row
        for table in args.tables
        for engine in args.engines
        for row in run(table, engine, args.rows, args.attempts, args.seed)
    ]
    command = "benchmarks/bench_attacks.py " + " ".join(sys.argv[1:] if argv is None else argv)
    print(markdown(results, command.strip()))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=float))


if __name__ == "__main__":
    main()
