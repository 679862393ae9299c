"""Stages of a synthesis operation and the share of its 0..100 progress each covers."""

STAGE_RANGES = {"fit": (0.0, 55.0), "sample": (55.0, 70.0), "filter": (70.0, 75.0), "report": (75.0, 97.0)}
