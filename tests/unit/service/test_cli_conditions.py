"""The CLI's condition options, read into the request's messages (the runs themselves: tests/integration)."""

from __future__ import annotations

import json

from veil.service.cli_conditions import parse_condition, read_conditions


def test_a_conditions_file_carries_ranges_value_sets_and_hard_text_variants(tmp_path):
    path = tmp_path / "groups.json"
    groups = [
        {"rows": 40, "where": [{"column": "color", "values": ["E", "F"]}], "hard_text_variants": True},
        {"rows": 9, "where": [{"column": "carat", "min": 0.5, "max": 2}]},
    ]
    path.write_text(json.dumps(groups))
    first, second = read_conditions(path)
    assert first.rows == 40 and list(first.where[0].values) == ["E", "F"] and first.hard_text_variants
    assert not second.hard_text_variants and (second.where[0].min, second.where[0].max) == (0.5, 2.0)


def test_a_condition_option_reads_sets_and_bounds():
    group = parse_condition("occupation=Farmer|Fisher,age>=60,age<=80:500", 0)
    assert group.rows == 500 and not group.hard_text_variants
    assert [(w.column, list(w.values)) for w in group.where] == [("occupation", ["Farmer", "Fisher"]), ("age", [])]
    assert (group.where[1].min, group.where[1].max) == (60.0, 80.0)
