"""A portfolio built in shards: which shard builds which client, and the note each shard leaves.

`playbook build --shard K/N` builds the clients of shard K of N — pages, calendar files, PDF
audits — on one CI runner while other runners build the others; `playbook merge`
(`generator.builder.merge`) then assembles the site a single build would have written.

- **Assignment.** A client belongs to shard `1 + (the first 8 bytes of SHA-256(slug), big-endian) mod N`:
  stable (the same slug always lands in the same shard, whatever other plans exist or in which
  order they are listed, on any machine and Python version), spread evenly by the hash, and
  needing nothing but the slug and N.
- **What every shard still reads.** The portfolio-wide parts of the site — the home page (it lists
  every public client with its figures), the site's language and which method pages stay (decided
  from all clients' languages), 404.html, the method pages, the assets — depend on every plan. So a
  shard loads and computes every plan (a few hundredths of a second each; a plan problem anywhere
  fails every shard, as it fails a single build) but renders pages, calendar files and PDFs only
  for its own clients. Those common files come out identical in every shard.
- **Order.** A build lists the site's pages with the pages of no client first, then each client's
  pages together, clients in the order of their plan files (`in_client_order`), so the sitemap and
  the search index are the common entries followed by one block per client: a merge puts each
  shard's blocks back in that order.
- **The manifest** (`.playbook-shard.json`, never part of the merged site) says which shard of how
  many a folder holds, the fingerprint of the build's inputs (plans, hand-written pages,
  mkdocs.yml, theme, playbook's code and libraries, the day, the site URL, a one-way digest of the
  feeds' secret, N), every client in the portfolio's order with its shard, and the site URL. A
  merge refuses shards that do not belong together.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from generator.errors import UserError

MANIFEST = ".playbook-shard.json"
MANIFEST_FORMAT = 1
CLIENT_PAGES_DIR = "clients"  # a client's hand-written pages: content/clients/<slug>/ (generator.adapters.docs)
_SPEC = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


@dataclass(frozen=True)
class Shard:
    """Shard `index` of `count` (1 ≤ index ≤ count)."""

    index: int
    count: int

    def owns(self, slug: str) -> bool:
        return shard_of(slug, self.count) == self.index

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def shard_of(slug: str, count: int) -> int:
    """The shard (1…count) that builds the client `slug`: see the module docstring."""
    digest = hashlib.sha256(slug.encode("utf-8")).digest()
    return 1 + int.from_bytes(digest[:8], "big") % count


def parse_shard(text: str, *, with_clients: bool = False) -> Shard:
    """`--shard K/N` → Shard; a one-line UserError for anything else, or for a shard of chosen clients."""
    match = _SPEC.fullmatch(text)
    if match is None:
        raise UserError(f"--shard {text}: write K/N, e.g. --shard 2/4 for the second of four shards")
    index, count = int(match.group(1)), int(match.group(2))
    if count < 1 or not 1 <= index <= count:
        raise UserError(f"--shard {text}: K must be between 1 and N (N at least 1), e.g. --shard 1/{max(count, 2)}")
    if with_clients:
        raise UserError(
            f"--shard {text} cannot be combined with --client (or PLAYBOOK_CLIENTS): a shard is a share of the "
            "whole portfolio; build chosen clients without --shard"
        )
    return Shard(index, count)


def build_shard(text: str, chosen: Sequence[str]) -> Shard | None:
    """The shard a build renders, from the plugin's `shard` option ('' or None: the whole portfolio)."""
    return parse_shard(text, with_clients=bool(chosen)) if text else None


def gzip_mtime(data: bytes) -> int:
    """The modification time a gzip member's header holds (RFC 1952: bytes 4–7, little-endian)."""
    return int.from_bytes(data[4:8], "little")


def sitemap_gzip(text: str, mtime: int) -> bytes:
    """sitemap.xml.gz exactly as MkDocs writes it: level 9, the name `sitemap.xml` in the header, `mtime`."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="sitemap.xml.gz", mode="wb", fileobj=buffer, mtime=mtime) as handle:
        handle.write(text.encode("utf-8"))
    return buffer.getvalue()


def owner(path: str, slugs: Iterable[str]) -> str | None:
    """The client a site path belongs to — its generated pages `<slug>/…`, its hand-written pages
    `clients/<slug>/…` — or None for the portfolio's common pages. `path` is a source path
    (`kolosok/audit.md`) or a site-relative URL (`kolosok/audit/#anchor`)."""
    known = slugs if isinstance(slugs, (set, frozenset, dict)) else set(slugs)
    parts = path.split("/")
    if parts[0] == CLIENT_PAGES_DIR and len(parts) > 2:
        return parts[1] if parts[1] in known else None
    return parts[0] if len(parts) > 1 and parts[0] in known else None


class _HasSource(Protocol):
    @property
    def src_uri(self) -> str: ...


T = TypeVar("T", bound=_HasSource)


def in_client_order(files: Iterable[T], slugs: Sequence[str]) -> list[T]:
    """The site's files with the common ones first, then each client's together, in the order of `slugs`.

    A stable sort: within the common files and within a client, the order MkDocs gave them stays.
    A shard builds a subset of the clients in the same relative order, so its sitemap and search
    index are the full build's with other clients' blocks left out."""
    rank = {slug: i for i, slug in enumerate(slugs)}

    def key(file: T) -> int:
        slug = owner(file.src_uri, rank)
        return 0 if slug is None else 1 + rank[slug]

    return sorted(files, key=key)


@dataclass(frozen=True)
class Manifest:
    """What `.playbook-shard.json` records of one shard's build."""

    shard: Shard
    inputs: str  # the fingerprint of the build's inputs, equal for every shard of one portfolio build
    clients: tuple[str, ...]  # every client of the portfolio, in the build's order
    site_url: str | None

    def to_json(self) -> str:
        data = {
            "format": MANIFEST_FORMAT,
            "shard": self.shard.index,
            "of": self.shard.count,
            "inputs": self.inputs,
            "site_url": self.site_url,
            "clients": [{"slug": slug, "shard": shard_of(slug, self.shard.count)} for slug in self.clients],
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    @property
    def own_clients(self) -> tuple[str, ...]:
        return tuple(slug for slug in self.clients if self.shard.owns(slug))


def write_manifest(site: Path, manifest: Manifest) -> None:
    (site / MANIFEST).write_text(manifest.to_json(), encoding="utf-8")


def read_manifest(folder: Path) -> Manifest:
    """The manifest of a shard's folder; a UserError naming the folder when it is not a shard."""
    path = folder / MANIFEST
    if not folder.is_dir():
        what = "not a folder" if folder.exists() else "no such folder"
        raise UserError(f"{folder}: {what}; give the folders playbook build --shard K/N wrote")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != MANIFEST_FORMAT:
            raise ValueError(data.get("format"))
        shard = Shard(int(data["shard"]), int(data["of"]))
        clients = tuple(str(c["slug"]) for c in data["clients"])
        return Manifest(shard, str(data["inputs"]), clients, data.get("site_url"))
    except FileNotFoundError:
        raise UserError(
            f"{folder}: not a shard of a playbook build (no {MANIFEST}); build it with playbook build --shard K/N"
        ) from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UserError(f"{path}: not a manifest this playbook can read ({exc}); build the shard again") from None


def check_complete(found: Sequence[tuple[Path, Manifest]]) -> list[tuple[Path, Manifest]]:
    """The shards ordered 1…N, once each, all of one build; else a one-line UserError saying what is wrong."""
    if not found:
        raise UserError("give the shard folders to merge, e.g. playbook merge shard-1 shard-2 --site-dir site")
    first_path, first = found[0]
    for path, manifest in found[1:]:
        if manifest.shard.count != first.shard.count:
            raise UserError(
                f"{path} is shard {manifest.shard} but {first_path} is shard {first.shard}: "
                "merge the shards of one build, all built with the same N"
            )
        if manifest.inputs != first.inputs or manifest.clients != first.clients:
            raise UserError(
                f"{path} and {first_path} were built from different inputs (plans, pages, mkdocs.yml, --today, "
                "SITE_URL or playbook's version): build every shard from the same commit with the same --today"
            )
    by_index: dict[int, Path] = {}
    for path, manifest in found:
        if manifest.shard.index in by_index:
            raise UserError(
                f"shard {manifest.shard} is given twice ({by_index[manifest.shard.index]} and {path}); "
                "give each shard once"
            )
        by_index[manifest.shard.index] = path
    missing = [str(k) for k in range(1, first.shard.count + 1) if k not in by_index]
    if missing:
        raise UserError(
            f"shard {', '.join(missing)} of {first.shard.count} missing: give all {first.shard.count} shard folders"
        )
    return sorted(found, key=lambda item: item[1].shard.index)

