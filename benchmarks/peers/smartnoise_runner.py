"""Fit smartnoise-synth's MST or AIM on rows written by bench_dp_quality.py (inside smartnoise's own virtualenv).

Usage (by bench_dp_quality.py): python smartnoise_runner.py DIR
DIR holds train.parquet and plan.json ({"synth": "mst"|"aim", "epsilon": e, "preprocessor_share": s,
"categorical": [...], "continuous": [...], "rows": n}); the sample goes to DIR/synthetic.parquet and the
fit seconds to DIR/smartnoise.json.
"""

import json
import pathlib
import sys
import time
import warnings

import pandas as pd
from snsynth import Synthesizer

warnings.filterwarnings("ignore")


def main(folder: pathlib.Path) -> None:
    plan = json.loads((folder / "plan.json").read_text())
    train = pd.read_parquet(folder / "train.parquet")
    synth = Synthesizer.create(plan["synth"], epsilon=plan["epsilon"])
    started = time.perf_counter()
    synth.fit(
        train,
        preprocessor_eps=plan["epsilon"] * plan["preprocessor_share"],
        categorical_columns=plan["categorical"],
        continuous_columns=plan["continuous"],
        nullable=True,
    )
    fit_s = time.perf_counter() - started
    synth.sample(plan["rows"]).to_parquet(folder / "synthetic.parquet")
    (folder / "smartnoise.json").write_text(json.dumps({"fit_s": fit_s}))


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
