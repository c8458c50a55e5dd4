"""The calendar files of a site build in MkDocs' terms: known to MkDocs from the start (the pages
link to them), written into the built site once the background process has rendered them
(`generator.builder.calendars`)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.builder.calendars import CalendarBatch
from generator.builder.clients import CALENDAR_FILES, Client


class LaterFile(File):
    """A file whose bytes `write_calendars` writes: MkDocs knows it, so links to it resolve, but
    does not copy a placeholder over it."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


def add_calendar_files(files: Files, config: MkDocsConfig, clients: list[Client]) -> CalendarBatch:
    """Add every client's calendar files to MkDocs' files and start rendering those not ready.

    Files ready (a client from the cache) go in with their bytes; the others start rendering in the
    background and stand in the site's files as `LaterFile`s."""
    due = [c for c in clients if c.calendar_due and c.feed_folder is not None]
    batch = CalendarBatch(due)
    for client in clients:
        folder = client.feed_folder
        if folder is None:
            continue
        later = client.calendar_due
        for name, data in ((n, b"") for n in CALENDAR_FILES) if later else client.files:
            kind = LaterFile if later else File
            files.append(kind.generated(config, f"{folder}/{name}", content=data, inclusion=InclusionLevel.INCLUDED))
    return batch


def write_calendars(batch: CalendarBatch | None, site_dir: Path) -> dict[str, tuple[tuple[str, bytes], ...]]:
    """Wait for the background calendar files and write them into the site; slug → the files."""
    out = {}
    for client in batch.finish() if batch is not None else []:
        for name, data in client.files:
            target = site_dir / str(client.feed_folder) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        out[client.slug] = client.files
    return out
