"""Progress of a long build, so a 200-client portfolio never sits silent for minutes.

A build goes through stages — plans loaded and rendered, MkDocs pages read and written, PDF
audits done — each with a known total. On a terminal they show as live rich progress bars
(done / total, elapsed, remaining); when stderr is not a terminal, or under CI, as plain log
lines: one when a stage starts, one at each tenth of it, one when it completes, each with the
stage's elapsed time and an estimate of what is left. Counting is thread-safe: PDFs finish in
the worker pool's thread while MkDocs renders pages in the main one.
"""

from __future__ import annotations

import math
import os
import sys
import threading
import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

# stage → what its count is of, in the order a build goes through them
STAGES = {
    "plans": "plans loaded and rendered",
    "read": "MkDocs pages read",
    "pages": "MkDocs pages written",
    "pdfs": "PDF audits done",
}


def is_interactive(stream: object = None) -> bool:
    """A person watching a terminal: stderr is a TTY and this is not a CI run (CI=true, as CI services set)."""
    stream = stream if stream is not None else sys.stderr
    ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return bool(getattr(stream, "isatty", lambda: False)()) and not ci


def clock(seconds: float) -> str:
    """0:01:05, as rich shows elapsed and remaining time."""
    whole = max(0, round(seconds))
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


class _Stage:
    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self.step = max(1, math.ceil(total / 10))


class BuildProgress:
    """The progress display of one build: live bars on a terminal, log lines otherwise."""

    def __init__(self, console: Console | None, *, live: bool | None = None) -> None:
        """`console` None: a build nobody watches this way (plain `mkdocs build`), which shows nothing."""
        self.quiet = console is None
        self.console = console or Console(quiet=True)
        self.live = not self.quiet and (is_interactive(self.console.file) if live is None else live)
        self._lock = threading.Lock()
        self._stages: dict[str, _Stage] = {}
        self._tasks: dict[str, TaskID] = {}
        self._bars = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            console=self.console,
            disable=not self.live,
            transient=False,
        )

    def __enter__(self) -> BuildProgress:
        self._bars.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._bars.stop()

    def start(self, stage: str, total: int) -> None:
        """A stage begins with `total` steps (a stage started again, e.g. a second MkDocs pass, restarts)."""
        if self.quiet:
            return
        with self._lock:
            self._stages[stage] = _Stage(total)
            if self.live:
                if stage in self._tasks:
                    self._bars.reset(self._tasks[stage], total=total)
                else:
                    self._tasks[stage] = self._bars.add_task(STAGES[stage], total=total)
            else:
                self._line(stage)

    def advance(self, stage: str, count: int = 1) -> None:
        """`count` more steps of `stage` are done (ignored for a stage never started)."""
        with self._lock:
            state = self._stages.get(stage)
            if state is None or state.done >= state.total:
                return
            before = state.done
            state.done = min(state.total, state.done + count)
            if self.live:
                self._bars.update(self._tasks[stage], completed=state.done)
            elif state.done == state.total or state.done // state.step > before // state.step:
                self._line(stage)

    def complete(self, stage: str) -> None:
        """The stage is over, whatever its count said (a page MkDocs skipped still ends the stage)."""
        state = self._stages.get(stage)
        if state is not None:
            self.advance(stage, state.total - state.done)

    def _line(self, stage: str) -> None:
        state = self._stages[stage]
        elapsed = time.monotonic() - state.started
        line = f"playbook: {STAGES[stage]}: {state.done}/{state.total}, {clock(elapsed)} elapsed"
        if 0 < state.done < state.total:
            line += f", about {clock(elapsed / state.done * (state.total - state.done))} left"
        self.console.print(line, markup=False, highlight=False)
