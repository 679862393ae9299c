"""Condition groups drawn from a fitted synthesizer: the engine's own way where it has one, else rejection."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from veil.core.conditions import ConditionGroup
from veil.core.progress import ProgressFn
from veil.synthesizers.errors import ConditionUnmetError
from veil.synthesizers.generators import column_seed
from veil.synthesizers.protection import protect

# Rejection: at most this many rows drawn per row a group asks for (a group the model meets once in 200
# draws or more is given up with a clear error), in batches of these sizes.
MAX_DRAWS_PER_ROW = 200
MIN_CONDITION_BATCH = 1_000
MAX_CONDITION_BATCH = 200_000


def draw_given(
    group: ConditionGroup,
    kinds: Mapping[str, str],
    draw: Callable[[int], pd.DataFrame | None],
    *,
    min_batch: int,
    max_batch: int,
) -> tuple[list[pd.DataFrame], int]:
    """The rows of an engine's own conditioned draws (``Synthesizer._sample_given``) that meet ``group``.

    ``draw(batch)`` makes ``batch`` rows already aimed at the group (None: the engine can make no more);
    rounds are sized by the acceptance seen so far, until a fifth more rows than asked (and 16) are kept,
    for the rare-value protection that runs after and may undo a few, or ``MAX_DRAWS_PER_ROW`` rows per row
    asked are drawn.

    Returns:
        The kept blocks, and the rows drawn.
    """
    kept: list[pd.DataFrame] = []
    have, drawn = 0, 0
    want, allowed = math.ceil(group.rows * 1.2) + 16, group.rows * MAX_DRAWS_PER_ROW
    while have < want and drawn < allowed:
        rate = have / drawn if drawn else 1.0
        batch = int(min(allowed - drawn, max_batch, max(min_batch, (want - have) / max(rate, 1e-6) * 1.2)))
        rows = draw(batch)
        if rows is None:
            break
        rows = rows[group.holds(rows, kinds)]
        kept.append(rows)
        have, drawn = have + len(rows), drawn + batch
    return kept, drawn


def sample_conditions(
    synth: Any, groups: Sequence[ConditionGroup], seed: int, progress: ProgressFn | None
) -> tuple[pd.DataFrame, list[dict]]:
    """Every group's rows of a fitted ``Synthesizer``, in order, by rejection: rows drawn from the model, kept
    when they meet the group.

    Each round draws about as many rows as the acceptance seen so far says are needed, under a bound of
    ``MAX_DRAWS_PER_ROW`` draws per row asked; the draws are seeded from the job seed, the group and
    the round. What the rows are is then exactly the model's distribution given the constraints. An engine
    with a way of its own (``Synthesizer._sample_given``) is asked first.

    Returns:
        The groups' rows one after the other, and per group how it was met (method, rows drawn).
    """
    kinds, blocks, records = synth.books["kinds"], [], []
    total = sum(g.rows for g in groups)
    done = 0
    for index, group in enumerate(groups):
        native = synth._sample_given(group, column_seed(seed, f"condition-{index}", "given"))
        if native is not None:
            frame, drawn, method = native
            frame = protect(frame.reset_index(drop=True), synth._protection, kinds)
            frame = frame[group.holds(frame, kinds)].iloc[: group.rows]
            if len(frame) == group.rows:
                blocks.append(frame)
                records.append({"group": index, "method": method, "rows_drawn": drawn})
                done += group.rows
                if progress:
                    progress(done / total)
                continue
        kept: list[pd.DataFrame] = []
        have, drawn, round_ = 0, 0, 0
        allowed = max(MIN_CONDITION_BATCH, group.rows * MAX_DRAWS_PER_ROW)
        while have < group.rows and drawn < allowed:
            rate = have / drawn if drawn else 1.0
            want = math.ceil((group.rows - have) / max(rate, 1.0 / MAX_DRAWS_PER_ROW) * 1.2)
            batch = min(allowed - drawn, MAX_CONDITION_BATCH, max(MIN_CONDITION_BATCH, want))
            synth._sampling_seed = column_seed(seed, f"condition-{index}", str(round_))
            block = synth._draw_modelled(batch, None)
            block = block[group.holds(block, kinds)].iloc[: group.rows - have]
            kept.append(block)
            have, drawn, round_ = have + len(block), drawn + batch, round_ + 1
            if progress:
                progress(min(1.0, (done + have) / total))
        if have < group.rows:
            raise ConditionUnmetError(
                "the model did not make a condition group's rows",
                violations=[
                    (
                        f"config.conditions[{index}]",
                        f"{have} of {group.rows} rows met the group's constraints in {drawn} rows drawn; "
                        "loosen the constraints or ask for fewer rows",
                    )
                ],
            )
        blocks.extend(kept)
        records.append({"group": index, "method": "rejection", "rows_drawn": drawn})
        done += group.rows
    return pd.concat(blocks, ignore_index=True), records
