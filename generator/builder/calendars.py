"""Calendar files rendered beside MkDocs: the `.ics` feed and CSV of each client, in a background
process, while MkDocs renders the pages.

Building and folding the ~4 500 content lines of a year's `.ics` costs more than a client's pages,
and MkDocs does not need the files until the end: its pages only link to them. So the site build
takes them off its critical path (benchmarks/README.md): the clients are handed to one worker
process at fork time (not pickled), at a lower priority so MkDocs keeps a core, and the files are
collected after the last page and written into the built site.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import replace

from generator.builder.clients import Client, calendar_files
from generator.workers import start_pool

NICE = 5

_clients: list[Client] = []  # the batch's clients, read by the worker it forks (set before the fork)


def _render(index: int) -> tuple[tuple[str, bytes], ...]:
    client = _clients[index]
    return calendar_files(client.loaded, client.figures)


class CalendarBatch:
    """The calendar files of `clients` (each `calendar_due`), rendering in one background process."""

    def __init__(self, clients: list[Client]) -> None:
        global _clients
        _clients = list(clients)
        self.clients = list(clients)
        self.pool = start_pool(1, nice=NICE) if clients else None
        self.futures: list[Future[tuple[tuple[str, bytes], ...]]] = []
        if self.pool is not None:
            self.futures = [self.pool.submit(_render, i) for i in range(len(clients))]

    def finish(self) -> list[Client]:
        """Wait for every file; the clients with their files."""
        try:
            pairs = zip(self.clients, self.futures, strict=True)
            return [replace(c, files=f.result(), calendar_due=False) for c, f in pairs]
        finally:
            self.cancel()

    def cancel(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
