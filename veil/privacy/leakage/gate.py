"""The release gate: a synthesis leaves only when no raw PII value of its input is in it.

Before a non-DP synthesis is stored for download, every string cell of the
output (whole values and runs inside text) is checked against the dataset's
keyed fingerprints of the raw PII that scrubbing replaced:

* values generated fresh (the ``pii:*`` columns, drawn without looking at the
  data) can coincide with a real value by chance; such a cell is replaced by
  another fresh value, and the row's texts follow (a note keeps naming its row);
* a run inside any other string (a slot filled by chance with a real value, an
  LLM writing a real name, a generated date equal to a real birth date) is
  replaced by a stand-in of the same shape (dates by a shifted date);
* a categorical or boolean column is never patched: its values are labels the
  model copied from the scrubbed training rows, so a raw value there means
  scrubbing missed it, and the row around it may carry the rest of that
  person's record. Patching the value would hide that; the release is refused
  instead.

Then every column that replayed or was rewritten is checked again (the others were checked
whole and are unchanged); anything left refuses the release
(:class:`~veil.privacy.errors.PiiReplayError`, ``FAILED_PRECONDITION`` / ``PII_REPLAY``,
naming columns and counts, never values).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from veil.privacy.errors import PiiReplayError
from veil.privacy.pii.fingerprints import PiiFingerprints

if TYPE_CHECKING:  # pragma: no cover
    from veil.privacy.pii.surrogates import SurrogateFactory

logger = logging.getLogger(__name__)

_MAX_TRIES = 50


@dataclass
class GateOutcome:
    """What the gate did to one output.

    Attributes:
        frame: The output with coincident values replaced.
        replaced: Cells changed per column.
        remaining: Cells per column that still carry a raw value (empty when releasable).
    """

    frame: pd.DataFrame
    replaced: dict[str, int] = field(default_factory=dict)
    remaining: dict[str, int] = field(default_factory=dict)

    @property
    def releasable(self) -> bool:
        return not self.remaining

    def raise_if_refused(self) -> None:
        """Raise :class:`PiiReplayError` naming each column and its count when anything remains."""
        if self.remaining:
            total = sum(self.remaining.values())
            raise PiiReplayError(
                f"the synthesis still carries raw PII values of its input in {total} cell(s) of "
                f"{len(self.remaining)} column(s) and is not released; scrubbing missed these values "
                "(declare the columns as PII or add the terms to the deny list, then upload again)",
                violations=[
                    (f"columns.{c}", f"{n} cell(s) carry a raw PII value of the input")
                    for c, n in sorted(self.remaining.items())
                ],
            )


def _entity_of(run: str) -> str:
    """The entity type whose stand-in suits a run of text best."""
    if "@" in run:
        return "EMAIL_ADDRESS"
    if "://" in run or run.casefold().startswith("www."):
        return "URL"
    digits = sum(c.isdigit() for c in run)
    letters = sum(c.isalpha() for c in run)
    if digits >= 5 and digits >= letters:
        return "PHONE_NUMBER"
    if digits:
        return "ADDRESS"
    return "PERSON"


def _stand_in(
    run: str, fingerprints: PiiFingerprints, factory: SurrogateFactory, entity: str | None = None
) -> str | None:
    """A stand-in for ``run`` that is itself no raw value (``None`` if none is found)."""
    entity = entity or _entity_of(run)
    for attempt in range(_MAX_TRIES):
        candidate = factory.surrogate(entity, run if attempt == 0 else f"{run}\x1f{attempt}")
        if not fingerprints.replays_in(candidate):
            return candidate
    return None


def _patch(
    series: pd.Series,
    values: list[str],
    fingerprints: PiiFingerprints,
    factory: SurrogateFactory,
    entity: str | None = None,
) -> tuple[pd.Series, int]:
    """``series`` with the fingerprinted runs of ``values`` (its replaying values) replaced."""
    patched: dict[str, str] = {}
    for value in values:
        pieces, pos = [], 0
        for start, end in fingerprints.replay_runs(value):
            stand_in = _stand_in(value[start:end], fingerprints, factory, entity)
            if stand_in is None:
                break
            pieces += [value[pos:start], stand_in]
            pos = end
        else:
            patched[value] = "".join(pieces) + value[pos:]
    if not patched:
        return series, 0
    mask = series.isin(list(patched))
    return series.astype(object).where(~mask, series.map(patched)), int(mask.sum())


def release_gate(
    frame: pd.DataFrame,
    *,
    fingerprints: PiiFingerprints,
    fresh_columns: Mapping[str, str],
    text_columns: Sequence[str],
    label_columns: Sequence[str],
    factory: SurrogateFactory,
    date_columns: Sequence[str] = (),
) -> GateOutcome:
    """Replace what generation produced by chance, then check again every column that replayed or changed.

    Args:
        frame: The synthetic output (not modified).
        fingerprints: Keyed fingerprints of the dataset's raw PII.
        fresh_columns: ``{column: entity_type}`` of the columns generated fresh (``pii:*``).
        text_columns: Generated text columns (they follow their row's replaced fresh values).
        label_columns: Columns whose values are labels copied from the training rows (categorical,
            boolean): never patched, so a raw value there refuses the release.
        factory: Makes fresh values and stand-ins (keyed apart from the dataset's surrogates).
        date_columns: Date columns: a replayed value is replaced by a shifted date.

    Returns:
        A :class:`GateOutcome`; call :meth:`GateOutcome.raise_if_refused` before releasing.
    """
    out, _ = fingerprints.redact_replays(
        frame,
        entity_by_column=fresh_columns,
        factory=factory,
        text_columns=[c for c in text_columns if c in frame.columns],
    )
    replaced: dict[str, int] = {}
    for column in frame.columns:
        before, after = frame[column], out[column]
        was, now = before.astype(object), after.astype(object)
        changed = int(((was != now) & (was.notna() | now.notna())).sum())
        if changed:
            replaced[str(column)] = changed
    # One cheap pass finds the replaying values of every other string column; only those are
    # patched, and only the columns that had one (or were rewritten) are checked again.
    suspects = set(fresh_columns) | set(replaced)
    for column in out.columns:
        series = out[column]
        if column in fresh_columns or not (
            pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series)
        ):
            continue
        values = fingerprints.replaying(series.dropna().unique())
        if not values:
            continue
        suspects.add(column)
        if column in label_columns:
            continue
        out[column], n = _patch(series, values, fingerprints, factory, "DATE_TIME" if column in date_columns else None)
        if n:
            replaced[str(column)] = replaced.get(str(column), 0) + n
    remaining = fingerprints.count_replays(out[[c for c in out.columns if c in suspects]]) if suspects else {}
    if replaced:
        logger.warning("release gate replaced %d cell(s) in %d column(s)", sum(replaced.values()), len(replaced))
    if remaining:
        logger.error(
            "release gate: %d cell(s) in %d column(s) still carry raw PII", sum(remaining.values()), len(remaining)
        )
    return GateOutcome(frame=out, replaced=replaced, remaining=remaining)


__all__ = ["GateOutcome", "release_gate"]
