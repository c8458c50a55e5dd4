"""The quick preview: under `mkdocs serve --dirty` (what `make serve` runs), a plan edit rebuilds the
edited client's pages only, so the page shows the change in a moment however many clients exist.

MkDocs' dirty build skips every page whose file says it is not modified. A hand-written page answers
from its file's time stamps; a generated page has no file and always answers "modified", so every
client's pages would be rendered again on any change. Here a generated page is a `PreviewFile`
that answers from what changed since the previous rebuild of the same server:

- a client's pages are all rebuilt when anything of that client changed (its pages, its name or
  visibility, the list of its hand-written extra pages): its navigation is on each of them, and
  only on them (a client's navigation is on its own pages only, `generator.adapters.visibility`);
  its hand-written extra pages are rebuilt too (their built copies are removed);
- the home page is rebuilt when its text changed;
- when what every page shows changes (the site's language, the clients, the hand-written method
  pages), the built site is emptied and everything is rebuilt.

A page that is not rebuilt is not read either, so MkDocs would show it in the navigation of the
rebuilt pages without its title: the titles of the previous rebuild are given back to them. The
search index keeps the entries of the pages a rebuild skips (`merge_search`: Material's own dirty
merge assumes that a single page changed).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable, Sequence
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import clean_directory

from generator.adapters.docs import CLIENT_PAGES_DIR
from generator.builder.clients import Client

log = logging.getLogger("mkdocs.plugins.playbook")
DIRTY_WARNING = "A 'dirty' build is being performed"


class PreviewFile(File):
    """A generated page that tells MkDocs' dirty build whether it changed since the last rebuild."""

    changed: bool = True

    def is_modified(self) -> bool:
        return self.changed


class _QuietDirty(logging.Filter):
    """MkDocs warns on every dirty rebuild that navigation may be stale; the preview keeps it right."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def quiet_dirty_warning() -> None:
    logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirty())


def _digest(parts: Iterable[str]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


class Preview:
    """What the previous rebuild of this server built, to rebuild only what changed."""

    def __init__(self) -> None:
        self.site_key = ""
        self.client_keys: dict[str, str] = {}
        self.home_key = ""
        self.titles: dict[str, Any] = {}  # src_uri → the page's title in the last rebuild that read it
        self.search: dict[str, list[Any]] = {}  # page url → its entries in the search index
        self.order: list[str] = []  # page urls of this rebuild, in build order
        self.built: set[str] = set()  # page urls this rebuild built

    def pages(
        self, files: Files, config: MkDocsConfig, home: str, clients: Sequence[Client], site_language: str
    ) -> list[File]:
        """The generated pages of this rebuild, each marked changed or not; empties the built site
        when what every page shows changed."""
        docs = sorted(f.src_uri for f in files.documentation_pages())
        extras = {c.slug: [p for p in docs if p.startswith(f"{CLIENT_PAGES_DIR}/{c.slug}/")] for c in clients}
        shared = [p for p in docs if not p.startswith(f"{CLIENT_PAGES_DIR}/")]
        site_key = _digest([site_language, *(f"{c.slug}|{c.language}" for c in clients), *shared])
        if site_key != self.site_key:
            clean_directory(config.site_dir)
            self.client_keys, self.home_key, self.site_key = {}, "", site_key
        first = not self.client_keys
        home_key = _digest([home])
        out = [self._file(config, "index.md", home, home_key != self.home_key)]
        self.home_key = home_key
        rebuilt: list[str] = []
        for client in clients:
            key = _digest([client.visibility, *extras[client.slug], *(p + "\0" + md for p, md in client.pages)])
            changed = self.client_keys.get(client.slug) != key
            rebuilt += [client.slug] if changed else []
            self.client_keys[client.slug] = key
            out += [self._file(config, path, markdown, changed) for path, markdown in client.pages]
            if changed:
                for file in files:
                    if file.src_uri in extras[client.slug] and os.path.isfile(file.abs_dest_path):
                        os.remove(file.abs_dest_path)  # MkDocs rebuilds a page whose built copy is missing
        if not first:
            kept = len(clients) - len(rebuilt)
            done = ", ".join(rebuilt) or "no client"
            log.info(f"playbook: preview: rebuilding {done}; {kept} other client(s) kept as built")
        return out

    @staticmethod
    def _file(config: MkDocsConfig, path: str, markdown: str, changed: bool) -> File:
        file = PreviewFile.generated(config, path, content=markdown)
        assert isinstance(file, PreviewFile)
        file.changed = changed
        return file

    def remember(self, page: Any) -> None:
        """Called for each page built: its title, for the navigation of later rebuilds that skip it."""
        self.titles[page.file.src_uri] = page.title
        self.built.add(page.url)

    def start_search(self, config: MkDocsConfig, files: Files) -> None:
        """Before the pages are built: the order of every page (a full build's search order), and
        Material's own dirty merge switched off (it assumes one page changed, and with several drops
        the entries of the rest); `merge_search` does the merging instead."""
        self.order = [f.page.url for f in files.documentation_pages() if f.page is not None]
        self.built = set()
        for plugin in config.plugins.values():
            if hasattr(plugin, "search_index_prev"):
                plugin.search_index_prev = None

    def merge_search(self, site_dir: str) -> None:
        """The search index of the pages this rebuild skipped, kept from the rebuilds that built them."""
        path = os.path.join(site_dir, "search", "search_index.json")
        if not os.path.isfile(path):
            return
        with open(path, encoding="utf-8") as handle:
            index = json.load(handle)
        for url in self.built:
            self.search[url] = []
        for entry in index["docs"]:
            self.search.setdefault(entry["location"].split("#")[0], []).append(entry)
        index["docs"] = [entry for url in self.order for entry in self.search.get(url, [])]
        self.search = {url: self.search.get(url, []) for url in self.order}
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(index, handle, separators=(",", ":"), default=str)  # as Material writes it

    def restore_titles(self, pages: Iterable[Any]) -> None:
        """Pages this rebuild skips keep the title they had (MkDocs reads no title from an unread page)."""
        for page in pages:
            if not page.file.is_modified() and page.file.src_uri in self.titles:
                page.title = self.titles[page.file.src_uri]
