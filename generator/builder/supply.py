"""The pages and calendar files of a site build's clients as they arrive from the stream's worker
(`generator.builder.stream`): MkDocs asks for a page when it reads it, and waits only if that
client's pages are not rendered yet; the calendar files are collected after the last page."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import replace

from generator.builder.clients import Client
from generator.builder.stream import Stream


class ClientSupply:
    """Generated pages by path; those of clients whose pages are due come from `stream`."""

    def __init__(self, clients: list[Client], stream: Stream | None) -> None:
        self.stream = stream
        self.text: dict[str, str] = {path: md for c in clients for path, md in c.pages}
        self.due: dict[str, Future[list[tuple[str, str]]]] = {}
        for client in clients:
            if client.pages_due or client.calendar_due:
                assert stream is not None, "a client's pages or files due without a stream"
            if client.pages_due:
                assert stream is not None
                self.due[client.slug] = stream.pages[client.path]

    def markdown(self, path: str) -> str | None:
        """A generated page's Markdown (None: not a client page of this build)."""
        slug = path.split("/", 1)[0]
        if slug in self.due:
            self.text.update(self.due.pop(slug).result())
        return self.text.get(path)

    def complete(self, clients: list[Client], files: bool = False) -> list[Client]:
        """The clients with all their pages (waiting for any still coming) and, with `files`, their
        calendar files."""
        out = []
        for client in clients:
            if client.pages_due:
                self.markdown(f"{client.slug}/")
                client = replace(client, pages=[(p, self.text[p]) for p in client.page_paths], pages_due=False)
            if files and client.calendar_due:
                assert self.stream is not None
                client = replace(client, files=self.stream.calendars[client.path].result(), calendar_due=False)
            out.append(client)
        return out

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
