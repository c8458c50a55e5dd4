"""Writing one file so that nothing is ever half-written or silently replaced.

Every output file of playbook (a PDF, a calendar, an edited plan) goes through `write_atomic`:
a temporary file in the same folder, flushed to disk, then renamed over the target, so a
reader sees the old file or the new one, never a mixture.
"""

from __future__ import annotations

import os
import tempfile
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
