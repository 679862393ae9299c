"""Run anonymeter's evaluators on frames written by bench_attacks.py (inside anonymeter's own virtualenv).

Usage (by bench_attacks.py): python anonymeter_runner.py DIR
DIR holds train.parquet, control.parquet, synthetic.parquet and plan.json ({"link": [[...], [...]],
"secrets": {column: regression?}, "attempts": n, "seed": s}); the figures go to DIR/anonymeter.json.
"""

import json
import pathlib
import sys
import time
import warnings

import pandas as pd
from anonymeter.evaluators import InferenceEvaluator, LinkabilityEvaluator, SinglingOutEvaluator

warnings.filterwarnings("ignore")


def risk(evaluator) -> dict:
    r = evaluator.risk()
    return {"risk": float(r.value), "low": float(r.ci[0]), "high": float(r.ci[1])}


def main(folder: pathlib.Path) -> None:
    train, control, synthetic = (
        pd.read_parquet(folder / f"{name}.parquet") for name in ("train", "control", "synthetic")
    )
    plan = json.loads((folder / "plan.json").read_text())
    attempts, seed = plan["attempts"], plan["seed"]
    out = {}
    for mode in ("univariate", "multivariate"):
        started = time.perf_counter()
        evaluator = SinglingOutEvaluator(
            ori=train,
            syn=synthetic,
            control=control,
            n_attacks=attempts,
            seed=seed,
            max_attempts=plan["max_candidates"],
        )
        evaluator.evaluate(mode=mode)
        out[f"singling_out:{mode}"] = {**risk(evaluator), "seconds": time.perf_counter() - started}
    left, right = plan["link"]
    started = time.perf_counter()
    evaluator = LinkabilityEvaluator(
        ori=train, syn=synthetic, control=control, aux_cols=(left, right), n_attacks=attempts
    )
    evaluator.evaluate(n_jobs=1)
    out["linkability:" + "+".join(left) + " | " + "+".join(right)] = {
        **risk(evaluator),
        "seconds": time.perf_counter() - started,
    }
    for secret, regression in plan["secrets"].items():
        started = time.perf_counter()
        aux = [c for c in train.columns if c != secret]
        evaluator = InferenceEvaluator(
            ori=train,
            syn=synthetic,
            control=control,
            aux_cols=aux,
            secret=secret,
            regression=regression,
            n_attacks=attempts,
        )
        evaluator.evaluate(n_jobs=1)
        out[f"inference:{secret}"] = {**risk(evaluator), "seconds": time.perf_counter() - started}
    (folder / "anonymeter.json").write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
