"""Stages of a synthesis operation and the share of its 0..100 progress each covers."""

# Every stage an operation reports, in order (the contract's SynthesisOperationMetadata.Stage).
STAGES = ("queued", "fit", "sample", "filter", "report", "store", "done", "cancelled", "failed")

STAGE_RANGES = {"fit": (0.0, 55.0), "sample": (55.0, 70.0), "filter": (70.0, 75.0), "report": (75.0, 97.0)}
