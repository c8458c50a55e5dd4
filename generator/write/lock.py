"""One writer at a time per plan: commands that edit a plan (`log`, `actual`) hold its lock.

Six `playbook log` runs on one plan at once must keep six entries: each one takes the plan's
lock, re-reads the plan under it, inserts its entry and writes atomically before letting the
next one in. The lock is a file beside the plan (`.<name>.lock`, from the `filelock` library),
so it works across processes and is left harmlessly behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from generator.errors import UserError

LOCK_TIMEOUT_SECONDS = 30


@contextmanager
def plan_lock(path: Path) -> Iterator[None]:
    """Hold the edit lock of the plan at `path` (its real file, through symlinks) for the block."""
    real = path.resolve()
    lock = FileLock(str(real.parent / f".{real.name}.lock"), timeout=LOCK_TIMEOUT_SECONDS)
    try:
        with lock:
            yield
    except Timeout:
        raise UserError(
            f"{path}: another playbook command has been editing this plan for {LOCK_TIMEOUT_SECONDS} s; "
            "try again when it is done"
        ) from None
