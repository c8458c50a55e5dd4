"""The built site's size against the host's limit, checked before upload.

GitHub Pages publishes sites of at most 1 GB; a portfolio past it fails at deployment, after the
whole build and upload, with a message that names no cause. `playbook site-size` (run by
.github/workflows/pages.yml between the build and the upload) fails at once instead, and says
which top-level folders weigh most, so the consultant knows which clients to split off.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import UserError

# GitHub Pages: "Published GitHub Pages sites may be no larger than 1 GB". Counted in decimal bytes,
# the smaller reading, so a site that passes here is under the limit however GitHub counts it.
PAGES_LIMIT = 1_000_000_000
_UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9}
_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*$", re.I)


@dataclass(frozen=True)
class SiteSize:
    """The bytes of a site's regular files, in all and per top-level entry (a client's folder, search/, …)."""

    total: int
    parts: dict[str, int]

    def largest(self, count: int = 5) -> list[tuple[str, int]]:
        return sorted(self.parts.items(), key=lambda item: (-item[1], item[0]))[:count]


def parse_size(text: str) -> int:
    """A size as people write it: 1GB, 500MB, 2.5 GB, 1000 (bytes); units are decimal (1 KB = 1 000 bytes)."""
    match = _SIZE_RE.match(text)
    if not match:
        raise UserError(f"--limit {text!r}: write a size such as 1GB, 500MB or 1000000 (bytes)")
    number, unit = match.groups()
    unit = unit.upper()
    return int(float(number) * _UNITS[unit if unit.endswith("B") or not unit else unit + "B"])


def human(size: int) -> str:
    """1 234 567 890 → '1.23 GB' (decimal units, as the limit is stated)."""
    for unit in ("GB", "MB", "KB"):
        if size >= _UNITS[unit]:
            return f"{size / _UNITS[unit]:.2f} {unit}"
    return f"{size} B"


def measure(site: Path) -> SiteSize:
    """Add up the site's regular files (a symlink counts as itself: uploads do not follow it)."""
    if not site.is_dir():
        raise UserError(f"{site}: no such folder; build the site first (playbook build --site-dir {site})")
    parts: dict[str, int] = {}
    for folder, dirs, files in os.walk(site):
        top = Path(folder).relative_to(site).parts
        for name in files:
            path = Path(folder) / name
            if path.is_symlink() or not path.is_file():
                continue
            key = top[0] + "/" if top else name
            parts[key] = parts.get(key, 0) + path.stat().st_size
        dirs.sort()
    return SiteSize(sum(parts.values()), parts)


def check_size(site: Path, limit: int = PAGES_LIMIT) -> SiteSize:
    """The site's size, or a UserError naming the size, the limit and the heaviest folders."""
    size = measure(site)
    if size.total <= limit:
        return size
    heaviest = ", ".join(f"{name} {human(n)}" for name, n in size.largest())
    shown, allowed = human(size.total), human(limit)
    if shown == allowed:  # "1.05 KB, over the limit of 1.05 KB" would read as a mistake
        shown, allowed = f"{size.total} bytes", f"{limit} bytes"
    raise UserError(
        f"{site} is {shown}, over the host's limit of {allowed} for a published site "
        f"(GitHub Pages: 1 GB); heaviest: {heaviest}. Publish part of the portfolio as a site of its own "
        "(playbook build --client SLUG ... --site-dir DIR) or drop old files from content/"
    )
