"""The per-client pipeline of a site build: load → compute → render, for one plan or a portfolio.

`load_clients` runs every selected plan through the pipeline (in parallel processes when there
are several, or from the build cache when a plan is unchanged) and raises all plan problems
together; the MkDocs adapter only hands the results to MkDocs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from generator.builder.cache import ClientCache
from generator.builder.progress import BuildProgress
from generator.builder.publish import Feeds, cache_variant, feeds_for, visibility
from generator.compute.figures import Figures, compute_figures
from generator.errors import PlanError, PlanValidationError, UserError
from generator.load.loader import load_plan
from generator.load.planfiles import list_plans
from generator.model import LoadedPlan
from generator.render.calendar import render_csv, render_ics
from generator.render.site import render_pages
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
    def feed_folder(self) -> str | None:
        """The site folder of the calendar files; None when they are not published."""
        return self.feeds.folder if self.feeds is not None else self.slug


def plan_paths(folder: Path) -> list[Path]:
    """The client plans of a folder: `*.yaml`/`*.yml` directly in it (subfolders such as archive/ are not clients)."""
    return list_plans(folder)


def compute_client(loaded: LoadedPlan, today: date, secret: str = "") -> Client:
    """One client's figures and where its feeds go, without pages or calendar files.

    What a shard build needs of a client another shard renders: the home page lists its figures,
    the site's language counts its language, visibility decides the sitemap and search
    (`generator.builder.shards`)."""
    return Client(loaded, compute_figures(loaded, today), [], (), feeds_for(loaded.slug, visibility(loaded), secret))


def render_client(loaded: LoadedPlan, today: date, secret: str = "") -> Client:
    """One client's figures, pages and calendar files: everything the site shows of it.

    `secret` is the portfolio's `PLAYBOOK_SITE_SECRET` ('' when unset): it decides where an
    unlisted or private client's calendar files are published (`generator.builder.publish`)."""
    client = compute_client(loaded, today, secret)
    figures, feeds = client.figures, client.feeds
    assert feeds is not None
    files: tuple[tuple[str, bytes], ...] = ()
    if figures.calendar is not None and not feeds.withheld:
        ics = render_ics(loaded.slug, loaded.plan, figures.calendar)
        csv = render_csv(loaded.plan, figures.calendar)
        files = tuple(zip(CALENDAR_FILES, (ics, csv), strict=True))
    links = {
        "ics": feeds.href("calendar.ics", loaded.slug),
        "csv": feeds.href("calendar.csv", loaded.slug),
        "withheld": feeds.withheld,
        "secret": feeds.folder not in (None, loaded.slug),
    }
    return replace(client, pages=render_pages(loaded, figures, links), files=files)


def load_client(path: Path, today: date, secret: str = "", render: bool = True) -> Client | list[PlanError]:
    """Load, compute and render one plan (in a worker process when there are several); with
    `render` False, load and compute only (a client another shard renders)."""
    try:
        loaded = load_plan(path, today=today)
    except PlanValidationError as exc:
        return list(exc.errors)
    return render_client(loaded, today, secret) if render else compute_client(loaded, today, secret)


def _map_clients(
    paths: list[Path],
    today: date,
    secret: str,
    progress: BuildProgress | None = None,
    renders: list[bool] | None = None,
) -> list[Client | list[PlanError]]:
    """`load_client` for each path: in parallel processes when there are several plans and cores.

    Results are taken one by one as they come, so the progress display moves with each plan."""
    workers = min(len(paths), os.cpu_count() or 1)
    results: list[Client | list[PlanError]] = []
    flags = renders if renders is not None else [True] * len(paths)
    if workers <= 1:
        for path, render in zip(paths, flags, strict=True):
            results.append(load_client(path, today, secret, render))
            if progress is not None:
                progress.advance("plans")
        return results
    with start_pool(workers) as pool:
        chunk = max(1, len(paths) // (workers * 4))
        for outcome in pool.map(
            load_client, paths, [today] * len(paths), [secret] * len(paths), flags, chunksize=chunk
        ):
            results.append(outcome)
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
    render: Callable[[str], bool] | None = None,
) -> list[Client]:
    """Load, compute and render every selected plan; all plan problems are raised together.

    With `render` (a shard build, `generator.builder.shards`), the plans whose slug it refuses are
    loaded and computed only: they come back without pages or calendar files.

    With a `store`, a plan whose bytes (and earlier audit) are unchanged since a build on the
    same day (and with the same portfolio secret, by a one-way digest of it) comes back from the
    cache instead of being loaded and rendered again. No password is read here: passwords never
    reach the cache (the adapter reads them after loading, `generator.builder.publish`).
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
            found[path] = cached if render is None or render(path.stem) else replace(cached, pages=[], files=())
    missing = [path for path in paths if path not in found]
    renders = [render is None or render(path.stem) for path in missing]
    if progress is not None:
        progress.start("plans", len(paths))
        progress.advance("plans", len(found))  # unchanged plans, from the cache
    outcomes = _map_clients(missing, today, secret, progress, renders)
    for path, outcome, rendered in zip(missing, outcomes, renders, strict=True):
        if isinstance(outcome, Client):
            found[path] = outcome
            if store is not None and rendered:
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
        for path, _ in c.pages:
            out[path] = f"the playbook of {c.slug}"
        if c.figures.calendar is not None and c.feed_folder is not None:
            for name in CALENDAR_FILES:
                out[f"{c.feed_folder}/{name}"] = f"the calendar of {c.slug}"
        out[f"{c.slug}/{PDF_NAME}"] = f"the PDF audit of {c.slug}"
    return out
