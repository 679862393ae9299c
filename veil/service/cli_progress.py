"""A rich progress display of the pipeline's stages, fed by the client."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskProgressColumn, TextColumn, TimeElapsedColumn

from veil.service.stages import STAGE_RANGES

OPERATION_STAGES = tuple(STAGE_RANGES)


class StageProgress:
    """One bar per stage: upload, scan + scrub, fit, sample, filter, report, download."""

    def __init__(self, console: Console) -> None:
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description:<14}"),
            BarColumn(),
            TaskProgressColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        self._tasks: dict[str, int] = {}

    def __enter__(self) -> "StageProgress":
        self._progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        self._progress.stop()

    def start(self, stage: str, total: float | None = 100.0) -> None:
        if stage not in self._tasks:
            self._tasks[stage] = self._progress.add_task(stage, total=total)

    def update(self, stage: str, completed: float, *, then: str | None = None) -> None:
        self.start(stage)
        self._progress.update(self._tasks[stage], completed=completed)
        if then:
            self.finish(stage)
            self.start(then, total=None)

    def finish(self, stage: str) -> None:
        self.start(stage)
        task = self._tasks[stage]
        total = self._progress.tasks[task].total or 1
        self._progress.update(task, total=total, completed=total)

    def from_operation(self, meta) -> None:
        """Operation metadata (stage, overall percent) -> the stage bars."""
        from veil.service.enums import STAGE

        stage = STAGE.name(meta.stage)
        if stage not in OPERATION_STAGES:
            if stage == "done":
                for name in OPERATION_STAGES:
                    self.finish(name)
            return
        # A stage can begin and end between two polls; it still gets its bar.
        for earlier in OPERATION_STAGES[: OPERATION_STAGES.index(stage)]:
            self.finish(earlier)
        self.start(stage)
        low, high = STAGE_RANGES[stage]
        share = (meta.progress_percent - low) / (high - low) * 100.0
        self._progress.update(self._tasks[stage], completed=max(0.0, min(100.0, share)))
