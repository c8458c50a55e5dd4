"""The per-client pipeline of a site build: load → compute → render, for one plan or a portfolio.

`load_clients` runs every selected plan through the pipeline (in parallel processes when there
are several, or from the build cache when a plan is unchanged) and raises all plan problems
together; the MkDocs adapter only hands the results to MkDocs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.builder.cache import ClientCache
from generator.builder.progress import BuildProgress
from generator.builder.publish import Feeds, cache_variant, feeds_for, visibility
from generator.builder.stream import Stream
from generator.compute.figures import Figures, compute_figures
from generator.errors import PlanError, PlanValidationError, UserError
from generator.load.loader import load_plan
from generator.load.planfiles import list_plans
from generator.model import LoadedPlan
from generator.present.site import PAGES
from generator.render.site import page_path, render_pages
from generator.workers import start_pool

CALENDAR_FILES = ("calendar.ics", "calendar.csv")
PDF_NAME = "audit.pdf"


@dataclass(frozen=True)
class Client:
    """One client of this build: its plan, its figures, its generated pages."""

    loaded: LoadedPlan
    figures: Figures
    pages: list[tuple[str, str]]
    files: tuple[tuple[str, bytes], ...] = ()  # calendar.ics, calendar.csv (when the plan has a calendar)
    feeds: Feeds | None = None  # where `files` are published (None: beside the pages, `<slug>/`)
    # the calendar files are still to render (`calendar_files`): a site build renders them in the
    # background while MkDocs renders the pages (generator.builder.calendars)
    calendar_due: bool = False
    # the pages are still to come (`pages` is empty): a site build streams them from its workers
    # (generator.builder.stream) and MkDocs reads them when it gets to them
    pages_due: bool = False

    @property
    def slug(self) -> str:
        return self.loaded.slug

    @property
    def language(self) -> str:
        return self.loaded.plan.business.language

    @property
    def visibility(self) -> str:
        return visibility(self.loaded)

    @property
    def page_paths(self) -> list[str]:
        """The Markdown paths of the client's pages, known before they are rendered."""
        return [page_path(self.slug, stem) for stem, _, _ in PAGES]

    @property
    def feed_folder(self) -> str | None:
        """The site folder of the calendar files; None when they are not published."""
        return self.feeds.folder if self.feeds is not None else self.slug


def plan_paths(folder: Path) -> list[Path]:
    """The client plans of a folder: `*.yaml`/`*.yml` directly in it (subfolders such as archive/ are not clients)."""
    return list_plans(folder)


def calendar_files(loaded: LoadedPlan, figures: Figures) -> tuple[tuple[str, bytes], ...]:
    """The `.ics` feed and the CSV of a client's calendar (icalendar is imported only where they render)."""
    from generator.render.calendar import render_csv, render_ics

    assert figures.calendar is not None
    ics = render_ics(loaded.slug, loaded.plan, figures.calendar)
    csv = render_csv(loaded.plan, figures.calendar)
    return tuple(zip(CALENDAR_FILES, (ics, csv), strict=True))


def render_client(
    loaded: LoadedPlan,
    today: date,
    secret: str = "",
    *,
    calendar: bool = True,
    figures: Figures | None = None,
    pages: bool = True,
) -> Client:
    """One client's figures, pages and calendar files: everything the site shows of it.

    `secret` is the portfolio's `PLAYBOOK_SITE_SECRET` ('' when unset): it decides where an
    unlisted or private client's calendar files are published (`generator.builder.publish`).
    Without `calendar`, the calendar files are left to render later (`calendar_due`); without
    `pages`, the pages (`pages_due`). `figures`: the plan's figures when they are computed already."""
    figures = figures if figures is not None else compute_figures(loaded, today)
    feeds = feeds_for(loaded.slug, visibility(loaded), secret)
    files: tuple[tuple[str, bytes], ...] = ()
    has_files = figures.calendar is not None and not feeds.withheld
    if has_files and calendar:
        files = calendar_files(loaded, figures)
    links = {
        "ics": feeds.href("calendar.ics", loaded.slug),
        "csv": feeds.href("calendar.csv", loaded.slug),
        "withheld": feeds.withheld,
        "secret": feeds.folder not in (None, loaded.slug),
    }
    rendered = render_pages(loaded, figures, links) if pages else []
    return Client(loaded, figures, rendered, files, feeds, calendar_due=has_files and not calendar, pages_due=not pages)


def load_client(path: Path, today: date, secret: str = "", calendar: bool = True) -> Client | list[PlanError]:
    """Load, compute and render one plan (in a worker process when there are several)."""
    try:
        loaded = load_plan(path, today=today)
    except PlanValidationError as exc:
        return list(exc.errors)
    return render_client(loaded, today, secret, calendar=calendar)


def _map_clients(
    paths: list[Path], today: date, secret: str, progress: BuildProgress | None = None, calendar: bool = True
) -> list[Client | list[PlanError]]:
    """`load_client` for each path: in parallel processes when there are several plans and cores.

    Results are taken one by one as they come, so the progress display moves with each plan."""
    workers = min(len(paths), os.cpu_count() or 1)
    results: list[Client | list[PlanError]] = []
    if workers <= 1:
        for path in paths:
            results.append(load_client(path, today, secret, calendar))
            if progress is not None:
                progress.advance("plans")
        return results
    with start_pool(workers) as pool:
        chunk = max(1, len(paths) // (workers * 4))
        n = len(paths)
        for outcome in pool.map(load_client, paths, [today] * n, [secret] * n, [calendar] * n, chunksize=chunk):
            results.append(outcome)
            if progress is not None:
                progress.advance("plans")
    return results


def _streamed(
    stream: Stream, paths: list[Path], secret: str, progress: BuildProgress | None
) -> list[Client | list[PlanError]]:
    """Each plan's figures from the stream's load tasks, as a client whose pages are still to come."""
    results: list[Client | list[PlanError]] = []
    for path in paths:
        outcome = stream.loads[path].result()
        if isinstance(outcome, list):
            results.append(outcome)
        else:
            loaded, figures = outcome
            results.append(render_client(loaded, stream.today, secret, calendar=False, figures=figures, pages=False))
        if progress is not None:
            progress.advance("plans")
    return results


def load_clients(
    folder: Path,
    slugs: list[str],
    today: date,
    store: ClientCache | None = None,
    *,
    secret: str = "",
    progress: BuildProgress | None = None,
    calendar: bool = True,
    stream: Callable[[list[Path]], Stream] | None = None,
) -> list[Client]:
    """Load, compute and render every selected plan; all plan problems are raised together.

    With a `store`, a plan whose bytes (and earlier audit) are unchanged since a build on the
    same day (and with the same portfolio secret, by a one-way digest of it) comes back from the
    cache instead of being loaded and rendered again. No password is read here: passwords never
    reach the cache (the adapter reads them after loading, `generator.builder.publish`).
    Without `calendar`, the calendar files are left to the caller (`calendar_due`), which stores
    the complete client in the cache itself (`remember_client`). With `stream` (given the plans
    to load, it returns their `generator.builder.stream.Stream`), plans are loaded in its workers and
    their pages left to come from it (`pages_due`), unless there is a single plan to load.
    """
    if not folder.is_dir():
        raise UserError(f"{folder}: no such folder of plans")
    paths = plan_paths(folder)
    known = {p.stem: p for p in paths}
    for slug in slugs:
        if slug not in known:
            choices = ", ".join(sorted(known)) or "none"
            raise UserError(f"--client {slug}: no plan {folder}/{slug}.yaml (clients: {choices})")
    if slugs:
        paths = [known[s] for s in dict.fromkeys(slugs)]
    errors: list[PlanError] = []
    found: dict[Path, Client] = {}
    variant = cache_variant(secret)
    keys = {path: store.key(path, today.isoformat(), variant) for path in paths} if store is not None else {}
    for path in paths:
        cached = store.get(keys[path]) if store is not None else None
        if isinstance(cached, Client):
            found[path] = cached
    missing = [path for path in paths if path not in found]
    if progress is not None:
        progress.start("plans", len(paths))
        progress.advance("plans", len(found))  # unchanged plans, from the cache
    if stream is not None and len(missing) > 1:
        outcomes = _streamed(stream(missing), missing, secret, progress)
    else:
        outcomes = _map_clients(missing, today, secret, progress, calendar)
    for path, outcome in zip(missing, outcomes, strict=True):
        if isinstance(outcome, Client):
            found[path] = outcome
            if store is not None and not outcome.calendar_due and not outcome.pages_due:
                previous = outcome.loaded.previous
                store.put(keys[path], outcome, previous.path if previous else None)
        else:
            errors.extend(outcome)
    clients = [found[path] for path in paths if path in found]
    if errors:
        raise PlanValidationError(errors)
    if store is not None:
        store.prune()
    return clients


def generated_paths(clients: list[Client]) -> dict[str, str]:
    """Every path the build generates → what generates it (for the collision message)."""
    out = {"index.md": "the portfolio index"}
    for c in clients:
        for path in c.page_paths:
            out[path] = f"the playbook of {c.slug}"
        if c.figures.calendar is not None and c.feed_folder is not None:
            for name in CALENDAR_FILES:
                out[f"{c.feed_folder}/{name}"] = f"the calendar of {c.slug}"
        out[f"{c.slug}/{PDF_NAME}"] = f"the PDF audit of {c.slug}"
    return out


def remember_client(store: ClientCache, client: Client, today: date, secret: str = "") -> None:
    """Store a client whose calendar files were rendered after it was loaded (see `load_clients`)."""
    key = store.key(client.loaded.path, today.isoformat(), cache_variant(secret))
    previous = client.loaded.previous
    store.put(key, client, previous.path if previous else None)
