"""The pages and calendar files of a site build's clients as they arrive from the stream's worker
(`generator.builder.stream`): MkDocs asks for a page when it reads it, and waits only if that
client's pages are not rendered yet; the calendar files are collected after the last page.

A client foreseen from the quick read of its plan (`generator.load.facts`) is settled when MkDocs
first needs more of it: its loaded values must agree with the foreseen ones (else the site was laid
out wrong: a bug, and the build stops), and a plan that failed to load stops the build with the
problems of every plan."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from typing import Any

from generator.builder.clients import Client
from generator.builder.stream import Stream
from generator.errors import InternalError, PlanError, PlanValidationError

# what the site was laid out with, before the plan was loaded
FORESEEN = ("slug", "language", "name", "visibility", "feeds", "password_env", "has_calendar")


class ClientSupply:
    """Generated pages by path; those of clients whose pages are due come from `stream`."""

    def __init__(
        self, clients: list[Client], stream: Stream | None, on_settled: Callable[[], None] | None = None
    ) -> None:
        """`on_settled`: called as each foreseen client is loaded (the build's progress display)."""
        self.stream = stream
        self.on_settled = on_settled
        self.text: dict[str, str] = {path: md for c in clients for path, md in c.pages}
        self.due: dict[str, Future[list[tuple[str, str]]]] = {}
        self.foreseen: dict[str, Client] = {c.slug: c for c in clients if c.loaded_due}
        self.loaded: dict[str, Client] = {}
        for client in clients:
            if client.pages_due or client.calendar_due:
                assert stream is not None, "a client's pages or files due without a stream"
            if client.pages_due:
                assert stream is not None
                self.due[client.slug] = stream.pages[client.path]

    def markdown(self, path: str) -> str | None:
        """A generated page's Markdown (None: not a client page of this build)."""
        slug = path.split("/", 1)[0]
        if slug in self.foreseen:
            self._settle(slug)
        if slug in self.due:
            self.text.update(self.due.pop(slug).result())
        return self.text.get(path)

    def complete(self, clients: list[Client], files: bool = False) -> list[Client]:
        """The clients with all their pages (waiting for any still coming) and, with `files`, their
        calendar files."""
        out = []
        for client in clients:
            client = self.settled(client)
            if client.pages_due:
                self.markdown(f"{client.slug}/")
                client = replace(client, pages=[(p, self.text[p]) for p in client.page_paths], pages_due=False)
            if files and client.calendar_due:
                assert self.stream is not None
                client = replace(client, files=self.stream.calendars[client.path].result(), calendar_due=False)
            out.append(client)
        return out

    def settled(self, client: Client) -> Client:
        """The client as loaded (a foreseen one waits for its loading), still due what it was due."""
        if not client.loaded_due:
            return client
        if client.slug in self.foreseen:
            self._settle(client.slug)
        return replace(self.loaded[client.slug], pages_due=client.pages_due, calendar_due=client.calendar_due)

    def settle_all(self) -> None:
        """Wait for every foreseen client's loading (the home page lists them all)."""
        for slug in list(self.foreseen):
            self._settle(slug)

    def _settle(self, slug: str) -> None:
        foreseen = self.foreseen[slug]
        assert self.stream is not None, "a foreseen client without a stream"
        outcome: Any = self.stream.loads[foreseen.path].result()
        if isinstance(outcome, list):
            self._fail()
        for name in FORESEEN:
            if getattr(outcome, name) != getattr(foreseen, name):
                raise InternalError(
                    f"{foreseen.path}: the quick read of the plan gave {name} {getattr(foreseen, name)!r}, "
                    f"the loaded plan {getattr(outcome, name)!r}"
                )
        del self.foreseen[slug]
        self.loaded[slug] = outcome
        if self.on_settled is not None:
            self.on_settled()

    def _fail(self) -> None:
        """A plan did not load: the problems of every plan still loading, together."""
        assert self.stream is not None
        errors: list[PlanError] = []
        for client in self.foreseen.values():
            outcome = self.stream.loads[client.path].result()
            if isinstance(outcome, list):
                errors.extend(outcome)
        raise PlanValidationError(errors)

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
