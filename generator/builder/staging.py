"""The folders of an atomic site build, and what a killed build leaves behind.

A build writes into a staging folder beside the site (`.site-building-XXXX`) and swaps it into
place at the end. A build killed with `kill -9` (or by a power cut) cannot clean up after
itself, so every build first removes the folders that dead builds left:

- each staging folder is **locked** (`flock` on the folder itself) by the build that owns it,
  for as long as that process lives; the kernel drops the lock when the process dies, however
  it dies. A folder whose lock can be taken has no live owner and is removed. The folder is
  locked under a temporary name and only then renamed to its `-building-` name, so no other
  build ever sees it unlocked while it is alive.
- the swap exchanges the staging folder and the site in one step (Linux `renameat2` with
  `RENAME_EXCHANGE`), so at every instant there is a whole site in place — the old one, then
  the new one. Where the file system cannot exchange, two renames are used (the old site moves
  to `.site-old-XXXX` first); should a build die between them, the next build puts the old
  site back before anything else.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import tempfile
from contextlib import suppress
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class Staging:
    """A locked staging folder beside `site_dir`, owned by this process until `release`."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
        self._fd = os.open(fresh, os.O_RDONLY | os.O_DIRECTORY)
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        self.path = fresh.with_name(fresh.name.replace("-new-", "-building-", 1))
        fresh.rename(self.path)
        # mkdtemp makes a private (0700) folder; the site is read by a web server as anyone else.
        os.chmod(self.path, 0o777 & ~_umask())

    def swap_into_place(self) -> None:
        """Put the staging folder where the site is, leaving a whole site there at every instant."""
        site_dir = self.site_dir
        if not site_dir.exists():
            self.path.rename(site_dir)
            return
        if exchange(self.path, site_dir):
            shutil.rmtree(self.path, ignore_errors=True)  # the old site, now under the staging name
            return
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        old.rmdir()
        held = os.open(site_dir, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(held, fcntl.LOCK_EX)  # no other build restores it while this one is alive
            site_dir.rename(old)
            self.path.rename(site_dir)
        finally:
            os.close(held)
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """The build failed: remove what it wrote."""
        shutil.rmtree(self.path, ignore_errors=True)

    def release(self) -> None:
        with suppress(OSError):
            os.close(self._fd)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where not supported."""
    libc_name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def _owned_by_a_live_build(folder: Path) -> bool:
    """Whether a live build holds `folder`'s lock (taking it, when free, proves nobody does)."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return True  # gone already, or not ours to judge
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # removed meanwhile by another build's cleaning
        return 0.0


def clean_stale(site_dir: Path) -> list[Path]:
    """Remove the staging and old-site folders of dead builds beside `site_dir`; the ones removed.

    A site left in `-old-` by a build killed between its two renames is first put back when no
    site is in place.
    """
    parent = site_dir.parent
    if not parent.is_dir():
        return []
    removed: list[Path] = []
    olds = sorted(parent.glob(f".{site_dir.name}-old-*"), key=_mtime)  # newest last
    if not site_dir.exists() and olds and not _owned_by_a_live_build(olds[-1]):
        with suppress(OSError):
            olds[-1].rename(site_dir)
    for pattern in ("building", "old"):
        for folder in sorted(parent.glob(f".{site_dir.name}-{pattern}-*")):
            if folder.is_dir() and not folder.is_symlink() and not _owned_by_a_live_build(folder):
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
    return removed
