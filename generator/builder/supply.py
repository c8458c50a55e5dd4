"""The pages of a site build's clients as they arrive from the stream's workers
(`generator.builder.stream`): MkDocs asks for a page when it reads it, and waits only if that
client's pages are not rendered yet."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import replace

from generator.builder.clients import Client
from generator.builder.stream import Stream


class PageSupply:
    """Generated pages by path; those of clients whose pages are due come from `stream`."""

    def __init__(self, clients: list[Client], stream: Stream | None) -> None:
        self.stream = stream
        self.text: dict[str, str] = {path: md for c in clients for path, md in c.pages}
        self.due: dict[str, Future[list[tuple[str, str]]]] = {}
        for client in clients:
            if client.pages_due:
                assert stream is not None, "pages due without a stream"
                self.due[client.slug] = stream.pages[client.loaded.path]

    def markdown(self, path: str) -> str | None:
        """A generated page's Markdown (None: not a client page of this build)."""
        slug = path.split("/", 1)[0]
        if slug in self.due:
            self.text.update(self.due.pop(slug).result())
        return self.text.get(path)

    def complete(self, clients: list[Client]) -> list[Client]:
        """The clients with all their pages (waiting for any still coming)."""
        out = []
        for client in clients:
            if client.pages_due:
                self.markdown(f"{client.slug}/")
                pages = [(path, self.text[path]) for path in client.page_paths]
                client = replace(client, pages=pages, pages_due=False)
            out.append(client)
        return out

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
