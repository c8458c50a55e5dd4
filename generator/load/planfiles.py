"""Plan files on disk: which files of a folder are client plans, and reading one safely.

A plans folder is untrusted ground: a plan may be a link that loops, a FIFO that never ends, or
`/dev/zero`. Only regular files are read, their size is checked before reading and at most the
limit + 1 bytes are ever read, and opening never waits on a FIFO. Two plans of one client
(`acme.yaml` beside `acme.yml`) are an error rather than one silently winning.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from generator.errors import PlanError, PlanValidationError, UserError, message
from generator.load.yamlsource import MAX_BYTES

PLAN_SUFFIXES = (".yaml", ".yml")


def list_plans(folder: Path) -> list[Path]:
    """The client plans directly in `folder` (subfolders such as archive/ are not clients).

    Raises `PlanValidationError` when two files are plans of one slug, or a listed name is not a
    regular file of sane size (a FIFO, a device, a link that loops): the build would otherwise
    hang or flood on it before any plan is loaded.
    """
    paths = sorted(p for suffix in PLAN_SUFFIXES for p in folder.glob(f"*{suffix}"))
    first: dict[str, Path] = {}
    errors = []
    for path in paths:
        problem = _not_a_plan_file(path)
        if problem is None and path.stem in first:
            problem = message("duplicate_plan", other=first[path.stem].name)
        first.setdefault(path.stem, path)
        if problem is not None:
            errors.append(PlanError(display_path(path), 1, 1, "", problem))
    if errors:
        raise PlanValidationError(errors)
    return paths


def _not_a_plan_file(path: Path) -> str | None:
    """Why a listed name cannot be read as a plan (checked before anything reads or hashes it)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return message("broken_link")
    except OSError as exc:
        return message("link_loop") if exc.errno == errno.ELOOP else message("unreadable", reason=exc.strerror)
    if not stat.S_ISREG(info.st_mode):
        return message("not_regular")
    if info.st_size > MAX_BYTES:
        return message("too_large", size=info.st_size, limit=MAX_BYTES)
    return None


def display_path(path: Path) -> str:
    """The path as the consultant would type it: relative to the working folder when inside it."""
    try:  # the folder resolved, the name kept: a linked plan is shown under the name it was given
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a link loop in the folder's path
        return str(path)


def read_plan_bytes(path: Path, shown: str) -> bytes:
    """The bytes of a plan file, or a located error when it is not a regular file of sane size."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        if path.is_symlink():
            raise _located(shown, message("broken_link")) from None
        raise UserError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{shown}: is a folder, not a plan file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _located(shown, message("link_loop")) from None
        raise UserError(f"{shown}: cannot read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise UserError(f"{shown}: is a folder, not a plan file")
        if not stat.S_ISREG(info.st_mode):
            raise _located(shown, message("not_regular"))
        if info.st_size > MAX_BYTES:
            raise _located(shown, message("too_large", size=info.st_size, limit=MAX_BYTES))
        try:
            return file.read(MAX_BYTES + 1)  # a file growing while read is still cut off here
        except OSError as exc:
            raise UserError(f"{shown}: cannot read: {exc.strerror}") from None


def _located(shown: str, text: str) -> PlanValidationError:
    return PlanValidationError([PlanError(shown, 1, 1, "", text)])


def measured_path(plan: Path) -> Path:
    """Where `playbook import` keeps a plan's measured figures: `measured/<slug>.yaml` beside the
    plans folder (`plans/garage.yaml` → `measured/garage.yaml`), committed with the plans (v3)."""
    return plan.parent.parent / "measured" / f"{plan.stem}.yaml"
