"""Writing one file so that nothing is ever half-written or silently replaced.

Every output file of playbook (a PDF, a calendar, an edited plan) goes through `write_atomic`:
a temporary file in the same folder, flushed to disk, then renamed over the target, so a
reader sees the old file or the new one, never a mixture.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from generator.errors import UserError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file beside it and a rename.

    A symlink is written through (the file it points at changes, the link stays), and the file
    keeps its mode — a new file gets the umask's, as any editor would make it — so a web server
    running as another user can still read what playbook wrote.
    """
    if path.is_symlink():
        path = path.resolve()
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UserError(f"{path}: is a folder; name a file to write")
    if not folder.is_dir():
        raise UserError(f"{folder}: no such folder")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


PLAN_SUFFIXES = (".yaml", ".yml")


def check_output_file(
    target: Path,
    *,
    what: str,
    is_previous_output: Callable[[Path], bool],
    inputs: Mapping[Path, str],
    force: bool,
) -> None:
    """Refuse to write `what` (a calendar, a PDF audit) over an input or a hand-written file.

    - A YAML name (a plan, mkdocs.yml) is never an output: refused even with --force, because a
      calendar saved as `plans/b.yaml` would be read as a broken plan by every build after.
    - An existing file is replaced only when it is a previous output of the same kind
      (`is_previous_output` of the file: our calendar, our CSV header, a PDF playbook made);
      anything else is an input or hand-written, and replaced only with --force. The error
      names the input it belongs to (`inputs`: the plans folder, content/, theme/, the code…).
    A new file is always fine. Symlinks are judged by the file they point at, which is the one
    `write_atomic` would change.
    """
    real = target.resolve()
    shown = str(target)
    if real.is_dir():
        raise UserError(f"{shown}: is a folder; name a file to write")
    if real.suffix.lower() in PLAN_SUFFIXES or target.suffix.lower() in PLAN_SUFFIXES:
        raise UserError(
            f"{shown}: a YAML file would be read as a plan or a configuration; write the {what} to another name"
        )
    if not real.exists() or force or is_previous_output(real):
        return
    for folder, name in inputs.items():
        if real == folder or real.is_relative_to(folder):
            raise UserError(
                f"{shown}: is part of {name} ({folder}); refusing to overwrite an input with the {what} "
                "(use --force if you really mean to replace it)"
            )
    raise UserError(
        f"{shown}: exists and is not a {what} written by playbook; refusing to overwrite it "
        "(use --force to replace it, or choose another name)"
    )


def starts_with(path: Path, prefix: bytes) -> bool:
    """Whether the file at `path` begins with `prefix` (a previous output's signature)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(prefix)) == prefix
    except OSError:
        return False


_DISK_HINTS = {
    errno.ENOSPC: "the disk is full; free some space and run it again",
    errno.EDQUOT: "your disk quota is used up; free some space and run it again",
    errno.EFBIG: "the file is larger than this file system (or a limit on file sizes) allows",
    errno.EROFS: "that file system is read-only; choose a writable folder",
    errno.EACCES: "you have no permission there; choose a folder you can write to",
    errno.EPERM: "the system does not allow it there; choose a folder you can write to",
    errno.ENOENT: "it does not exist (was a folder removed, or is playbook's theme/ missing?)",
}


def describe_os_error(exc: OSError) -> str:
    """A disk or permission problem in a consultant's words: what failed, where, and what to do.

    It is never a bug in playbook nor in the plan (exit 2), so it never reads like one."""
    where = exc.filename2 if exc.filename2 is not None else exc.filename
    reason = exc.strerror or type(exc).__name__
    hint = _DISK_HINTS.get(exc.errno or 0, "")
    if where is None:
        text = f"a file operation failed: {reason}"
    else:
        text = f"cannot write to {_visible(Path(os.fsdecode(where)))}: {reason}"
    return f"{text} — {hint}" if hint else text


def _visible(path: Path) -> Path:
    """`path` up to the folder the consultant chose: playbook's own temporary names (a staging
    folder `.site-building-…`, a `.name.xxxx.tmp` file) mean nothing to them."""
    for index, part in enumerate(path.parts):
        if part.startswith(".") and ("-building-" in part or "-new-" in part or part.endswith(".tmp")):
            return Path(*path.parts[:index])
    return path
