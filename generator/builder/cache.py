"""The build cache: skip work whose inputs have not changed since it was last done.

Three levels, each keyed on everything its output depends on (never on timestamps):

- **whole build** — `playbook build` records, per output folder, a key over the plans, the
  hand-written pages, mkdocs.yml, the theme, the generator's own code, the versions of the
  libraries that render, "today" and the chosen clients; and a manifest (path, size, mtime) of
  the site it wrote. When the key and the manifest both still match, the site on disk *is*
  the site a full build would write, so nothing is rebuilt.
- **clients** — each plan's loaded model, figures, pages and calendar files (`ClientCache`):
  a build after editing one plan loads and renders that plan alone.
- **PDF audits** — the slowest step. Each PDF is stored under a key of its plan file, the
  earlier audit's plan, "today", and the code fingerprint. Editing one plan of a portfolio
  re-renders one PDF; `mkdocs serve` reuses PDFs between rebuilds the same way.

Secrets (contract v2, *publish*) never reach the cache: a private client's password is in no key
and no entry — a build with a private client is never taken as up to date (its password may
have changed, and even a hash of a weak password can be guessed offline), the client entries do
not depend on it, and PDFs are stored unencrypted under the plan's key and encrypted on their way
into the site. The portfolio's `PLAYBOOK_SITE_SECRET` (feed paths) enters the whole-build and
client keys only as an HMAC of a fixed label under it (`generator.builder.publish.cache_variant`),
which cannot be turned back into the secret.

The cache lives in `.cache/playbook/` beside mkdocs.yml (or `$PLAYBOOK_CACHE_DIR`); deleting
it is always safe. `playbook build --no-cache` ignores and leaves it alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import stat
import sys
import tempfile
import time
from collections.abc import Iterable
from contextlib import suppress
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parents[1]
THEME = PACKAGE.parent / "theme"
# Libraries whose output ends up in the site or the PDF: a new version can change a byte.
RENDERING_LIBRARIES = (
    "mkdocs",
    "mkdocs-material",
    "pymdown-extensions",
    "markdown",
    "jinja2",
    "weasyprint",
    "pydyf",
    "fonttools",
    "babel",
    "holidays",
    "icalendar",
    "nh3",
    "pydantic",
)
PDF_KEEP_DAYS = 30  # cached PDFs not used for this long are removed
FORMAT = 1  # bump when the layout of the cache changes


def cache_dir(project: Path) -> Path:
    """Where the cache of a project lives: $PLAYBOOK_CACHE_DIR, else .cache/playbook beside mkdocs.yml."""
    override = os.environ.get("PLAYBOOK_CACHE_DIR")
    return Path(override) if override else project / ".cache" / "playbook"


def _hash_tree(digest: hashlib._Hash, root: Path, label: str) -> None:
    """Feed every file under `root` (name and bytes, symlinks followed) to `digest`, in a fixed order."""
    digest.update(f"\0tree:{label}\0".encode())
    if not root.exists():
        digest.update(b"\0missing\0")
        return
    if root.is_file():
        digest.update(root.read_bytes())
        return
    for folder, dirs, files in os.walk(root, followlinks=True):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith(".cache"))
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = Path(folder) / name
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            try:
                if not stat.S_ISREG(path.stat().st_mode):  # a FIFO or a device would block or never end
                    digest.update(b"\0not a file\0")
                    continue
                digest.update(hashlib.sha256(path.read_bytes()).digest())
            except (OSError, RuntimeError):  # unreadable, or a link loop
                digest.update(b"\0unreadable\0")


@cache
def _hash_measured(digest: Any, plan: Path) -> None:
    """A plan's measured figures (`measured/<slug>.yaml`, v3) are an input of its outputs."""
    from generator.load.planfiles import measured_path

    measured = measured_path(plan)
    if measured.is_file():
        digest.update(b"\0measured\0" + measured.read_bytes())


def code_fingerprint() -> str:
    """The generator's code and theme and the rendering libraries' versions, as one hash.

    Computed once per process: the code does not change under a running build.
    """
    digest = hashlib.sha256(f"format {FORMAT}; python {sys.version_info[:2]}".encode())
    _hash_tree(digest, PACKAGE, "generator")
    _hash_tree(digest, THEME, "theme")
    for name in RENDERING_LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"\0{name}={version}".encode())
    return digest.hexdigest()


def compute_build_key(
    *, config_file: Path, docs_dir: Path, plans: Path, today: str, clients: Iterable[str], extra: Iterable[str] = ()
) -> str:
    """A key over every input of a site build: equal keys mean an identical site."""
    digest = hashlib.sha256(code_fingerprint().encode())
    _hash_tree(digest, config_file, "config")
    _hash_tree(digest, docs_dir, "content")
    _hash_tree(digest, plans, "plans")
    _hash_tree(digest, plans.parent / "measured", "measured")  # playbook import's figures (v3)
    project_theme = config_file.parent / "theme"
    if project_theme.resolve() != THEME:
        _hash_tree(digest, project_theme, "project theme")
    digest.update(f"\0today={today}\0clients={','.join(clients)}\0".encode())
    for item in extra:
        digest.update(f"\0{item}".encode())
    return digest.hexdigest()


def _manifest(site: Path) -> list[list[object]]:
    """Every file of a built site with its size and modification time: cheap to re-read and compare."""
    rows: list[list[object]] = []
    for folder, dirs, files in os.walk(site):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            stat = path.lstat()
            rows.append([path.relative_to(site).as_posix(), stat.st_size, stat.st_mtime_ns])
    return rows


def _record_path(project: Path, site: Path) -> Path:
    name = hashlib.sha256(str(site.resolve()).encode()).hexdigest()[:24]
    return cache_dir(project) / "builds" / f"{name}.json"


def _write_json_atomic(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
    os.replace(temp, path)


def is_build_current(project: Path, site: Path, key: str) -> bool:
    """Whether `site` is exactly what a build with inputs `key` wrote, untouched since."""
    record = _record_path(project, site)
    if not site.is_dir() or not record.is_file():
        return False
    try:
        stored = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(stored.get("key") == key and stored.get("files") == _manifest(site))


def record_build(project: Path, site: Path, key: str) -> None:
    """Remember that `site` now holds the output of the build with inputs `key`."""
    with suppress(OSError):  # a read-only cache only costs speed
        _write_json_atomic(_record_path(project, site), {"key": key, "site": str(site), "files": _manifest(site)})


def forget_build(project: Path, site: Path) -> None:
    """The site is being replaced: the old record no longer describes it."""
    _record_path(project, site).unlink(missing_ok=True)


class PdfCache:
    """PDF audits by key (plan bytes, earlier audit's plan bytes, today, code)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / "pdf"

    @staticmethod
    def key(plan: Path, previous: Path | None, today: str) -> str:
        digest = hashlib.sha256(code_fingerprint().encode())
        digest.update(f"\0{plan.name}\0".encode())
        digest.update(plan.read_bytes())
        _hash_measured(digest, plan)
        if previous is not None:
            digest.update(f"\0previous {previous.name}\0".encode())
            digest.update(previous.read_bytes())
        digest.update(f"\0today={today}".encode())
        return digest.hexdigest()

    def get(self, key: str) -> bytes | None:
        path = self.folder / f"{key}.pdf"
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if not data.startswith(b"%PDF-"):
            return None
        with suppress(OSError):
            os.utime(path)  # recently used: kept by `prune`
        return data

    def put(self, key: str, data: bytes) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".pdf.", dir=self.folder)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temp, self.folder / f"{key}.pdf")
        except OSError:
            pass  # a read-only or full cache only costs speed

    def prune(self, keep_days: int = PDF_KEEP_DAYS) -> None:
        """Remove PDFs no build has used for `keep_days`."""
        if not self.folder.is_dir():
            return
        limit = time.time() - keep_days * 86400
        for path in self.folder.glob("*.pdf"):
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
            except OSError:
                pass


class ClientCache:
    """Each client's loaded plan, figures, pages and calendar files, by plan bytes, today and code.

    Editing one plan of a portfolio then loads, computes and renders that plan alone; the others
    come back from here. An entry also records the earlier audit's plan (`audit.previous`) and its
    bytes, and is a miss when that file changed. Only valid plans are stored, so a plan with
    problems is always read anew and its problems always shown. Entries are pickles written by
    playbook itself into the project's own cache folder (the same trust as its .venv).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder / "clients"

    @staticmethod
    def key(plan: Path, today: str, variant: str = "") -> str:
        """`variant`: what else the entry depends on — a one-way digest of the portfolio secret
        (`generator.builder.publish.cache_variant`), never a secret or a password itself."""
        digest = hashlib.sha256(code_fingerprint().encode())
        digest.update(f"\0{plan.resolve()}\0today={today}\0{variant}\0".encode())
        digest.update(plan.read_bytes())
        _hash_measured(digest, plan)
        return digest.hexdigest()

    def has(self, key: str) -> bool:
        """Whether an entry is there (without reading it: `get` may still find it stale)."""
        return (self.folder / f"{key}.pickle").is_file()

    def get(self, key: str) -> Any:
        path = self.folder / f"{key}.pickle"
        try:
            previous, previous_hash, value = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
            return None
        if previous is not None:
            try:
                if hashlib.sha256(Path(previous).read_bytes()).hexdigest() != previous_hash:
                    return None
            except OSError:
                return None
        with suppress(OSError):
            os.utime(path)
        return value

    def put(self, key: str, value: Any, previous: Path | None) -> None:
        previous_hash = hashlib.sha256(previous.read_bytes()).hexdigest() if previous is not None else None
        record = (str(previous) if previous else None, previous_hash, value)
        data = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
        with suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".client.", dir=self.folder)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temp, self.folder / f"{key}.pickle")

    def prune(self, keep_days: int = PDF_KEEP_DAYS) -> None:
        """Remove entries no build has used for `keep_days`."""
        limit = time.time() - keep_days * 86400
        for path in self.folder.glob("*.pickle") if self.folder.is_dir() else ():
            with suppress(OSError):
                if path.stat().st_mtime < limit:
                    path.unlink()
