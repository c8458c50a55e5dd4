"""A site build's plans in worker processes, their results streamed to MkDocs as it needs them.

MkDocs needs every client's language, name and visibility before it starts (the site's language,
its files, the navigation), a client's pages only when it reads them, the home page's rows last
(`generator.adapters.support.ReadLast`) and the calendar files at the end. So a `Stream` submits a
quick read of every plan (`generator.load.facts`: the site is laid out from it), then for each plan
a load task (load, validate, compute, and the values the site needs: a
`generator.builder.clients.Client`, whose agreement with the quick read `generator.builder.supply`
checks) followed by its pages task, then the calendar tasks; the worker keeps the plan and its
figures between them. The build waits for the quick read, for each client's pages when MkDocs reads
its first page, and for the calendar files after the last page (benchmarks/README.md).

`playbook build` starts the stream before it even imports MkDocs (`BuildSession.prefetch`), so the
plans are loading while MkDocs and its theme load; the plugin then `take`s it from the session.
This module is imported by the command before anything heavy: the plan's model and renderers are
imported by the tasks, in the workers.
"""

from __future__ import annotations

from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import Any

from generator.workers import WorkerPool, start_pool

_memo: dict[str, Any] = {}  # in a worker: (loaded, figures) of the plans it loaded, for their pages task


def load_figures(path: Path, today: date) -> Any:
    """(loaded plan, figures), or the plan's problems (a list of `PlanError`). Imports what loading
    needs only: the renderers are imported by the first pages task, off the figures' critical path."""
    from generator.compute.figures import compute_figures
    from generator.errors import PlanValidationError
    from generator.load.loader import load_plan

    try:
        loaded = load_plan(path, today=today)
    except PlanValidationError as exc:
        return list(exc.errors)
    return loaded, compute_figures(loaded, today)


def _facts_task(paths: list[Path]) -> list[Any]:
    """Each plan's `generator.load.facts.PlanFacts` (None where the quick read is unsure)."""
    from generator.load.facts import read_facts

    return [read_facts(path) for path in paths]


def _load_task(path: Path, today: date, secret: str, rendered: bool) -> Any:
    """The client (`generator.builder.clients.Client`, pages and files to come), or the plan's problems.
    `rendered`: its pages and calendar tasks follow, so the worker keeps the plan for them (the last
    one forgets it); a plan another shard renders is not kept."""
    from generator.builder.clients import describe

    result = load_figures(path, today)
    if isinstance(result, list):
        return result
    if rendered:
        _memo[str(path)] = result
    loaded, figures = result
    return describe(loaded, figures, secret)


def _memoised(path: Path, today: date, *, last: bool = False) -> Any:
    """(loaded, figures) of a plan this worker loaded (`last`: its last task, forget it), else loaded again."""
    got = _memo.pop(str(path), None) if last else _memo.get(str(path))
    return got if got is not None else load_figures(path, today)


def _pages_task(path: Path, today: date, secret: str) -> list[tuple[str, str]]:
    """The client's pages (a plan with problems has none: its load task reports them)."""
    from generator.builder.clients import client_pages
    from generator.builder.publish import feeds_for, visibility

    got = _memoised(path, today)
    if isinstance(got, list):
        return []
    loaded, figures = got
    return client_pages(loaded, figures, feeds_for(loaded.slug, visibility(loaded), secret))


def _calendar_task(path: Path, today: date) -> tuple[tuple[str, bytes], ...]:
    """The client's calendar files (none for a plan without a calendar or with problems)."""
    from generator.builder.clients import calendar_files

    got = _memoised(path, today, last=True)
    if isinstance(got, list) or got[1].calendar is None:
        return ()
    return calendar_files(*got)


def preload() -> None:
    """Import what loading and rendering one plan needs, in this process (the live preview, idle
    after a build: its next plan edit is then rendered here without that wait)."""
    import generator.builder.clients
    import generator.compute.figures
    import generator.load.loader
    import generator.render.calendar
    import generator.render.site  # noqa: F401


class Stream:
    """Load, pages and calendar tasks of `paths` on one worker process."""

    def __init__(
        self,
        paths: list[Path],
        today: date,
        secret: str,
        rendered: set[Path] | None = None,
        pool: WorkerPool | None = None,
    ) -> None:
        """`rendered`: the plans whose pages and calendar files to render (all by default; a shard
        renders its own clients only). `pool`: the build's warm worker (`BuildSession.warm_up`), else
        one is started."""
        self.paths = list(paths)
        self.rendered = set(paths) if rendered is None else set(rendered)
        self.today = today
        self.secret = secret
        # One worker: MkDocs renders a client's pages in about four times what the worker takes to
        # render them, and on two cores a second worker would only slow MkDocs' own process down
        # (each worker first imports the model and the renderers: a third of a second).
        self.pool = pool or start_pool(1)
        # first what lays the site out (a quick read of every plan), then each plan loaded and, when
        # rendered here, its pages right after it: MkDocs reads the clients' pages in this order
        self.facts: Future[list[Any]] = self.pool.submit(_facts_task, self.paths)
        self.loads: dict[Path, Future[Any]] = {}
        self.pages: dict[Path, Future[list[tuple[str, str]]]] = {}
        for p in self.paths:
            self.loads[p] = self.pool.submit(_load_task, p, today, secret, p in self.rendered)
            if p in self.rendered:
                self.pages[p] = self.pool.submit(_pages_task, p, today, secret)
        # last: MkDocs needs them only once it has written every page
        self.calendars: dict[Path, Future[tuple[tuple[str, bytes], ...]]] = {
            p: self.pool.submit(_calendar_task, p, today) for p in self.paths if p in self.rendered
        }

    def covers(self, paths: list[Path], today: date, secret: str, rendered: set[Path]) -> bool:
        same = today == self.today and secret == self.secret
        return same and set(paths) <= set(self.paths) and rendered <= self.rendered

    def close(self) -> None:
        """Stop the worker once its current task is done (what is still queued is dropped). Not
        killed: a result half-written to the pipe would leave the pool's reader blocked at exit."""
        self.pool.shutdown(wait=False, cancel_futures=True)


class BuildSession:
    """One `playbook build`'s worker and plan stream, handed from the command to the plugin.

    The command starts the build's worker first thing (`warm_up`), `build_site` starts the stream
    on it before MkDocs is even imported (`prefetch`), the plugin `take`s it, and the command
    `close`s the session at the end: whatever nobody took is stopped. The session is passed along
    explicitly (`build_site(session=…)`, the plugin's `session`); a plain `mkdocs build` has none
    and its plugin starts its own stream.
    """

    def __init__(self) -> None:
        self.warm: WorkerPool | None = None  # the worker `warm_up` started, until a stream takes it
        self.prefetched: Stream | None = None

    def warm_up(self) -> None:
        """Start the build's worker now and have it import what loading a plan needs.

        `playbook build` calls this first thing, before it has even read its options: the worker
        is what a cold build waits for (benchmarks/README.md), and its imports then overlap with
        the command's own start and MkDocs'."""
        self.close()
        self.warm = start_pool(1)
        self.warm.submit(_warm_task)

    def prefetch(self, paths: list[Path], today: date, secret: str, rendered: set[Path] | None = None) -> Stream | None:
        """Start loading `paths` now, for the build that follows (`take`)."""
        self._drop_prefetched()
        self.prefetched = Stream(paths, today, secret, rendered, self._warm_pool()) if len(paths) > 1 else None
        return self.prefetched

    def take(self, paths: list[Path], today: date, secret: str, rendered: set[Path] | None = None) -> Stream:
        """The prefetched stream when it covers `paths` and `rendered` (for the same day and
        secret), else a new one (on the warm worker, if still unused)."""
        wanted = set(paths) if rendered is None else rendered
        stream, self.prefetched = self.prefetched, None
        if stream is not None and stream.covers(paths, today, secret, wanted):
            return stream
        if stream is not None:
            stream.close()
        return Stream(paths, today, secret, wanted, self._warm_pool())

    def close(self) -> None:
        """Drop a prefetched stream nobody took (the build stopped before MkDocs ran), and the warm
        worker if unused."""
        self._drop_prefetched()
        pool = self._warm_pool()
        if pool is not None:
            # Its worker is importing for a build that will not come (the site was up to date, the
            # options were wrong, `--help`): stop it rather than have the command's exit wait for its
            # imports. Safe to kill: its only result is None, a message too small to be cut in half
            # (unlike a stream's pages or calendar files, see `Stream.close`).
            pool.terminate()

    def _drop_prefetched(self) -> None:
        stream, self.prefetched = self.prefetched, None
        if stream is not None:
            stream.close()

    def _warm_pool(self) -> WorkerPool | None:
        pool, self.warm = self.warm, None
        return pool


def _warm_task() -> None:
    import holidays.countries  # noqa: F401  (every country loads as one package)

    import generator.builder.clients
    import generator.compute.figures
    import generator.load.loader
    import generator.present.site_steps  # noqa: F401
