"""Condition groups from the command line: ``--condition "cut=Fair|Good,carat>=1:500"`` or a JSON file.

A spec is ``CONSTRAINTS:ROWS``; constraints are comma-separated ``column=a|b`` (values), ``column>=x`` and
``column<=x`` (bounds; a date or time is read as seconds since the Unix epoch). Columns whose names hold
``,``, ``=``, ``<``, ``>`` or ``:`` go in a JSON file instead: ``[{"rows": 500, "where": [{"column": "cut",
"values": ["Fair"]}, {"column": "carat", "min": 1}]}]``.
"""

from __future__ import annotations

import json
import math
import pathlib
import re

import pandas as pd

from veil.service.cli_console import fail
from veil.v1 import veil_pb2 as pb

_BOUND = re.compile(r"^(?P<column>[^<>=]+?)\s*(?P<op>>=|<=)\s*(?P<value>.+)$")


def _number(text: str, option: str) -> float:
    """A bound: a number, or a date or time as seconds since the Unix epoch."""
    try:
        value = float(text)
    except ValueError:
        try:
            stamp = pd.Timestamp(text.strip())
        except (ValueError, TypeError):
            fail(f"{option}: a bound must be a number or a date")
        stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp
        value = stamp.timestamp()
    if not math.isfinite(value):
        fail(f"{option}: a bound must be finite")
    return value


def parse_condition(spec: str, index: int) -> pb.ConditionGroup:
    """One ``--condition`` spec; exits 2 naming the option's position when it is malformed."""
    option = f"--condition #{index + 1}"
    constraints, _, rows = spec.rpartition(":")
    if not constraints or not rows.strip().isdigit():
        fail(f"{option}: write CONSTRAINTS:ROWS, e.g. occupation=Farmer,age>=60:500")
    where: dict[str, pb.ColumnCondition] = {}
    for part in (p.strip() for p in constraints.split(",")):
        if match := _BOUND.match(part):
            column = match["column"].strip()
            condition = where.setdefault(column, pb.ColumnCondition(column=column))
            bound = _number(match["value"], option)
            if match["op"] == ">=":
                condition.min = bound
            else:
                condition.max = bound
        elif "=" in part:
            column, _, values = part.partition("=")
            condition = where.setdefault(column.strip(), pb.ColumnCondition(column=column.strip()))
            condition.values.extend(v.strip() for v in values.split("|"))
        else:
            fail(f"{option}: each constraint is column=a|b, column>=x or column<=x")
    return pb.ConditionGroup(rows=int(rows), where=list(where.values()))


def parse_rebalance(spec: str) -> pb.Rebalance:
    """``--rebalance "outcome=default:0.3,late:0.1"``: a column's values and their target shares."""
    column, _, pairs = spec.partition("=")
    shares = []
    for pair in (p for p in pairs.split(",") if p.strip()):
        value, _, share = pair.rpartition(":")
        try:
            shares.append(pb.ValueShare(value=value.strip(), share=float(share)))
        except ValueError:
            fail("--rebalance: write column=value:share,value:share, e.g. outcome=default:0.3")
    if not column.strip() or not shares or any(not s.value for s in shares):
        fail("--rebalance: write column=value:share,value:share, e.g. outcome=default:0.3")
    return pb.Rebalance(column=column.strip(), shares=shares)


def parse_fill_gaps(spec: str) -> pb.FillGaps:
    """``--fill-gaps "cut,color:40"``: the columns whose value combinations are the cells, and min_rows."""
    columns, _, min_rows = spec.rpartition(":")
    names = [c.strip() for c in columns.split(",") if c.strip()]
    if not names or not min_rows.strip().isdigit():
        fail("--fill-gaps: write COLUMN,COLUMN:MIN_ROWS, e.g. cut,color:40")
    return pb.FillGaps(columns=names, min_rows=int(min_rows))


def read_conditions(path: pathlib.Path) -> list[pb.ConditionGroup]:
    """The groups of a JSON file (a list of {"rows", "where": [{"column", "values" | "min" / "max"}],
    "hard_text_variants"?})."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [
            pb.ConditionGroup(
                rows=int(group["rows"]),
                where=[
                    pb.ColumnCondition(
                        column=str(c["column"]),
                        values=[str(v) for v in c.get("values", [])],
                        min=c.get("min"),
                        max=c.get("max"),
                    )
                    for c in group["where"]
                ],
                hard_text_variants=bool(group.get("hard_text_variants", False)),
            )
            for group in data
        ]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        fail(f"--conditions {path}: not a conditions JSON file ({type(exc).__name__})")
