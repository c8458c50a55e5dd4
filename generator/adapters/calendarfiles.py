"""The calendar files of a site build in MkDocs' terms: known to MkDocs from the start (the pages
link to them), written into the built site once the build's worker has rendered them
(`generator.builder.stream`: after the pages, since MkDocs needs them last); then the clients
completed in this build go to the cache."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.builder.cache import ClientCache
from generator.builder.clients import CALENDAR_FILES, Client, remember_client
from generator.builder.publish import site_secret
from generator.builder.supply import ClientSupply


class LaterFile(File):
    """A file whose bytes `write_calendars` writes: MkDocs knows it, so links to it resolve, but
    does not copy a placeholder over it."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


def add_calendar_files(files: Files, config: MkDocsConfig, clients: list[Client]) -> None:
    """Add every client's calendar files to MkDocs' files: with their bytes when ready (a client from
    the cache), as `LaterFile`s when still rendering."""
    for client in clients:
        if not client.publishes_calendar:
            continue
        later = client.calendar_due
        for name, data in ((n, b"") for n in CALENDAR_FILES) if later else client.files:
            kind = LaterFile if later else File
            path = f"{client.feed_folder}/{name}"
            files.append(kind.generated(config, path, content=data, inclusion=InclusionLevel.INCLUDED))


def finish_clients(
    supply: ClientSupply, clients: list[Client], site_dir: Path, store: ClientCache | None, today: date
) -> None:
    """After the last page: write the calendar files that came last and keep every client completed
    in this build in the cache (the next build takes it whole)."""
    complete = supply.complete(clients, files=True)
    supply.close()
    write_calendars(clients, complete, site_dir)
    if store is not None:
        secret = site_secret()
        for before, client in zip(clients, complete, strict=True):
            if before.pages_due or before.calendar_due:
                remember_client(store, client, today, secret)


def write_calendars(due: list[Client], done: list[Client], site_dir: Path) -> None:
    """Write the calendar files of the clients that were `due` (now `done`) into the built site."""
    for before, client in zip(due, done, strict=True):
        if not before.calendar_due:
            continue
        for name, data in client.files:
            target = site_dir / str(client.feed_folder) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
