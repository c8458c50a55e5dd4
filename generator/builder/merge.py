"""`playbook merge`: the shards of a portfolio build (`generator.builder.shards`) assembled into the
site one `playbook build` would have written, byte for byte.

- **Files.** Every file of every shard goes in, but the shard's manifest and the three files that
  list the whole portfolio. A file that several shards hold (the home page, 404.html, the method
  pages, the assets) must be the same bytes in each: a difference means the shards were not built
  alike, and the merge stops naming the file rather than publish a mix.
- **The sitemap and the search index** are the common entries (identical in every shard, checked)
  followed by each client's entries — taken from the shard that built the client — in the
  portfolio's order, as the single build lists its pages (`shards.in_client_order`). They are
  written in the very format the shards' files have (MkDocs' sitemap text and its gzip with the
  day's timestamp; the search index as Material, playbook's pruning or the encryption plugin last
  wrote it).
- **Safety.** The merged site is written into a locked staging folder and swapped into place at the
  end (`generator.builder.staging`), like a build; the output folder may be neither a shard nor an
  input of the project, nor a folder of other files (`generator.builder.outputs.check_output_folder`).
"""

from __future__ import annotations

import filecmp
import itertools
import json
import os
import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.builder.shards import (
    MANIFEST,
    Manifest,
    check_complete,
    gzip_mtime,
    owner,
    read_manifest,
    shard_of,
    sitemap_gzip,
)
from generator.builder.staging import Staging, clean_stale
from generator.errors import UserError

SITEMAP = "sitemap.xml"
SITEMAP_GZ = "sitemap.xml.gz"
SEARCH_INDEX = "search/search_index.json"
REBUILT = {MANIFEST, SITEMAP, SITEMAP_GZ, SEARCH_INDEX}
_URL_RE = re.compile(r"\s*<url>.*?</url>", re.S)
_LOC_RE = re.compile(r"<loc>(.*?)</loc>", re.S)
# How the search index may have been written last: the encryption plugin (json.dump), Material's
# search plugin, or playbook's pruning of unlisted clients (generator.adapters.visibility).
_SEARCH_FORMATS: tuple[Callable[[Any], str], ...] = (
    lambda data: json.dumps(data),
    lambda data: json.dumps(data, separators=(",", ":"), default=str),
    lambda data: json.dumps(data, ensure_ascii=False, separators=(",", ":")),
)


@dataclass(frozen=True)
class MergeOutcome:
    """What a merge wrote: the site, how many shards, the clients in the portfolio's order."""

    site_dir: Path
    shards: int
    clients: tuple[str, ...]


def merge_shards(folders: Sequence[Path], site_dir: Path, *, project_check: Callable[[Path], None]) -> MergeOutcome:
    """Assemble the shard folders into `site_dir` (replaced atomically); see the module docstring.

    `project_check` refuses an output folder over an input of the project (the CLI passes
    `check_output_folder` for the project's mkdocs.yml)."""
    shards = check_complete([(folder, read_manifest(folder)) for folder in folders])
    site_dir = site_dir.resolve()
    for folder, manifest in shards:
        resolved = folder.resolve()
        if site_dir == resolved or site_dir.is_relative_to(resolved) or resolved.is_relative_to(site_dir):
            raise UserError(
                f"--site-dir {site_dir}: would replace or enter shard {manifest.shard} ({folder}); "
                "choose an output folder apart from the shards, e.g. site"
            )
    project_check(site_dir)
    clean_stale(site_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Staging(site_dir)
    try:
        _copy_files(shards, staging.path)
        _merge_sitemap(shards, staging.path)
        _merge_search(shards, staging.path)
        staging.swap_into_place()
    except BaseException:
        staging.discard()
        raise
    finally:
        staging.release()
    first = shards[0][1]
    return MergeOutcome(site_dir, first.shard.count, first.clients)


def _copy_files(shards: list[tuple[Path, Manifest]], target: Path) -> None:
    """Every shard's files (and folders) into `target`; a file two shards hold must be the same bytes."""
    origin: dict[str, Path] = {}
    for folder, _ in shards:
        for here, dirs, files in os.walk(folder):
            dirs.sort()
            rel_dir = Path(here).relative_to(folder)
            (target / rel_dir).mkdir(exist_ok=True)
            for name in sorted(files):
                rel = (rel_dir / name).as_posix()
                if rel in REBUILT:
                    continue
                source = Path(here) / name
                if rel in origin:
                    if not filecmp.cmp(origin[rel], source, shallow=False):
                        raise UserError(
                            f"{rel}: {origin[rel]} and {source} differ, though "
                            "every shard writes it alike; build every shard from the same commit and settings"
                        )
                    continue
                origin[rel] = source
                shutil.copy2(source, target / rel)


def _blocks(
    shards: list[tuple[Path, Manifest]], lists: list[list[Any]], owner_of: Callable[[Any], str | None], what: str
) -> list[Any]:
    """The merged entries: the common ones (checked equal in every shard), then each client's block
    from its own shard, in the portfolio's order."""
    manifest = shards[0][1]
    common = [entry for entry in lists[0] if owner_of(entry) is None]
    per_shard: list[dict[str, list[Any]]] = []
    for (folder, _), entries in zip(shards, lists, strict=True):
        if [entry for entry in entries if owner_of(entry) is None] != common:
            raise UserError(
                f"{folder}: its {what} lists other common pages than {shards[0][0]}'s; "
                "build every shard from the same commit and settings"
            )
        by_client: dict[str, list[Any]] = {}
        for entry in entries:
            slug = owner_of(entry)
            if slug is not None:
                by_client.setdefault(slug, []).append(entry)
        per_shard.append(by_client)
    merged = list(common)
    for slug in manifest.clients:
        merged += per_shard[shard_of(slug, manifest.shard.count) - 1].get(slug, [])
    return merged


def _merge_sitemap(shards: list[tuple[Path, Manifest]], target: Path) -> None:
    texts = [(folder / SITEMAP).read_text("utf-8") if (folder / SITEMAP).is_file() else None for folder, _ in shards]
    if texts[0] is None:
        return
    if any(text is None for text in texts):
        raise UserError(f"{SITEMAP}: some shards have one and others not; build every shard with the same settings")
    manifest = shards[0][1]
    base = urlsplit(manifest.site_url or "/").path
    base = base if base.endswith("/") else base + "/"
    slugs = set(manifest.clients)

    def owner_of(block: str) -> str | None:
        loc = _LOC_RE.search(block)
        path = urlsplit(loc.group(1).strip()).path if loc else ""
        return owner(path[len(base) :] if path.startswith(base) else path.lstrip("/"), slugs)

    parts = [_split_sitemap(text or "", folder) for text, (folder, _) in zip(texts, shards, strict=True)]
    head, _, tail = parts[0]
    blocks = _blocks(shards, [p[1] for p in parts], owner_of, SITEMAP)
    text = head + "".join(blocks) + tail
    (target / SITEMAP).write_text(text, "utf-8")
    packed = [folder / SITEMAP_GZ for folder, _ in shards]
    if packed[0].is_file():
        mtimes = {gzip_mtime(path.read_bytes()) for path in packed if path.is_file()}
        if len(mtimes) != 1:
            raise UserError(f"{SITEMAP_GZ}: the shards were built for different days; build them with the same --today")
        (target / SITEMAP_GZ).write_bytes(sitemap_gzip(text, mtimes.pop()))


def _split_sitemap(text: str, folder: Path) -> tuple[str, list[str], str]:
    """A sitemap as its head, its `<url>` blocks (each with the blank before it), and its tail."""
    matches = list(_URL_RE.finditer(text))
    if not matches:  # the blank before </urlset> is the tail's, as after a last block
        head = text[: text.rindex("</urlset>")].rstrip() if "</urlset>" in text else text
        return head, [], text[len(head) :]
    for before, after in itertools.pairwise(matches):
        if before.end() != after.start():
            raise UserError(f"{folder / SITEMAP}: not a sitemap as MkDocs writes it; build the shard again")
    return text[: matches[0].start()], [m.group(0) for m in matches], text[matches[-1].end() :]


def _merge_search(shards: list[tuple[Path, Manifest]], target: Path) -> None:
    paths = [folder / SEARCH_INDEX for folder, _ in shards]
    if not paths[0].is_file():
        return
    raws = [path.read_text("utf-8") for path in paths]
    datas = [json.loads(raw) for raw in raws]
    fmt = next(
        (f for f in _SEARCH_FORMATS if all(f(d) == raw for d, raw in zip(datas, raws, strict=True))),
        None,
    )
    if fmt is None:
        raise UserError(f"{SEARCH_INDEX}: the shards' search indexes are not in one known format; build them again")
    if any(d.get("config") != datas[0].get("config") for d in datas):
        raise UserError(f"{SEARCH_INDEX}: the shards' search settings differ; build them with the same mkdocs.yml")
    slugs = set(shards[0][1].clients)
    lists = [d.get("docs", []) for d in datas]
    docs = _blocks(shards, lists, lambda entry: owner(str(entry.get("location", "")), slugs), SEARCH_INDEX)
    merged = {**datas[0], "docs": docs}
    (target / SEARCH_INDEX).parent.mkdir(parents=True, exist_ok=True)
    (target / SEARCH_INDEX).write_text(fmt(merged), "utf-8")
