"""The clients of a site build: load → compute → render for one plan or a portfolio, and what
the site needs of each client as plain values.

A `Client` holds no plan model and no figures: its pages, its calendar files and its row on the
home page arrive rendered, so the process that runs MkDocs never imports the model, the figures or
the renderers (a third of a second of a cold build, benchmarks/README.md). They run in the workers
(`generator.builder.stream`), or here, imported on first use, for a single plan.

`load_clients` runs every selected plan through the pipeline (or takes it from the build cache
when it is unchanged) and raises all plan problems together; the MkDocs adapter only hands the
results to MkDocs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.builder.cache import ClientCache
from generator.builder.progress import BuildProgress
from generator.builder.publish import Feeds, cache_variant, feeds_for, visibility
from generator.errors import PlanError, PlanValidationError, UserError
from generator.load.planfiles import list_plans
from generator.present.pages import PAGES, page_path
from generator.workers import start_pool

if TYPE_CHECKING:  # a Stream is handed in (`load_clients(stream=…)`): its tasks call this module's pipeline
    from generator.builder.stream import Stream
    from generator.compute.figures import Figures
    from generator.load.facts import PlanFacts
    from generator.model import LoadedPlan

CALENDAR_FILES = ("calendar.ics", "calendar.csv")
PDF_NAME = "audit.pdf"


@dataclass(frozen=True)
class Client:
    """One client of this build, as the site needs it: plain values, its pages and calendar files."""

    slug: str
    path: Path  # its plan file
    language: str
    name: str  # business.name, as written
    visibility: str
    feeds: Feeds  # where its calendar files are published
    previous: Path | None = None  # the plan of its earlier audit (audit.previous), part of its cache key
    password_env: str | None = None  # publish.password_env (a private client's password is read by the adapter)
    has_calendar: bool = False
    row: dict[str, Any] = field(default_factory=dict)  # its row on the home page
    pages: list[tuple[str, str]] = field(default_factory=list)
    files: tuple[tuple[str, bytes], ...] = ()  # calendar.ics, calendar.csv (when the plan has a calendar)
    # the calendar files, or the pages, are still to come from the build's worker (`generator.builder.stream`)
    calendar_due: bool = False
    pages_due: bool = False
    # its values are the quick read's (`generator.load.facts`): the loaded plan's come from the worker
    loaded_due: bool = False

    @property
    def page_paths(self) -> list[str]:
        """The Markdown paths of the client's pages, known before they are rendered."""
        return [page_path(self.slug, stem) for stem, _, _ in PAGES]

    @property
    def feed_folder(self) -> str | None:
        """The site folder of the calendar files; None when they are not published."""
        return self.feeds.folder

    @property
    def publishes_calendar(self) -> bool:
        return self.has_calendar and not self.feeds.withheld


def chosen_clients(slugs: list[str]) -> list[str]:
    """The clients a build is for: `slugs` (`--client`, the plugin's `clients` option), else
    $PLAYBOOK_CLIENTS (comma-separated, for `make serve CLIENT=kolosok`); none means all."""
    if slugs:
        return list(slugs)
    return [slug.strip() for slug in os.environ.get("PLAYBOOK_CLIENTS", "").split(",") if slug.strip()]


def plan_paths(folder: Path) -> list[Path]:
    """The client plans of a folder: `*.yaml`/`*.yml` directly in it (subfolders such as archive/ are not clients)."""
    return list_plans(folder)


def describe(loaded: LoadedPlan, figures: Figures, secret: str = "") -> Client:
    """What the site needs of a client, without its pages and files (`pages_due`, `calendar_due`).

    `secret` is the portfolio's `PLAYBOOK_SITE_SECRET` ('' when unset): it decides where an
    unlisted or private client's calendar files are published (`generator.builder.publish`)."""
    from generator.present.site_steps import portfolio_row

    level = visibility(loaded)
    publish = loaded.plan.publish
    client = Client(
        slug=loaded.slug,
        path=loaded.path,
        language=loaded.plan.business.language,
        name=loaded.plan.business.name,
        visibility=level,
        feeds=feeds_for(loaded.slug, level, secret),
        previous=loaded.previous.path if loaded.previous else None,
        password_env=publish.password_env if publish is not None else None,
        has_calendar=figures.calendar is not None,
        row=portfolio_row(loaded, figures),
    )
    return replace(client, pages_due=True, calendar_due=client.publishes_calendar)


def client_pages(loaded: LoadedPlan, figures: Figures, feeds: Feeds) -> list[tuple[str, str]]:
    """The client's pages, linking to its calendar files where `feeds` publishes them."""
    from generator.render.site import render_pages

    links = {
        "ics": feeds.href("calendar.ics", loaded.slug),
        "csv": feeds.href("calendar.csv", loaded.slug),
        "withheld": feeds.withheld,
        "secret": feeds.folder not in (None, loaded.slug),
    }
    return render_pages(loaded, figures, links)


def calendar_files(loaded: LoadedPlan, figures: Figures) -> tuple[tuple[str, bytes], ...]:
    """The `.ics` feed and the CSV of a client's calendar."""
    from generator.render.calendar import render_csv, render_ics

    assert figures.calendar is not None
    ics = render_ics(loaded.slug, loaded.plan, figures.calendar)
    csv = render_csv(loaded.plan, figures.calendar)
    return tuple(zip(CALENDAR_FILES, (ics, csv), strict=True))


def render_client(loaded: LoadedPlan, today: date, secret: str = "", figures: Figures | None = None) -> Client:
    """One client complete: its values, pages and calendar files (`figures` when computed already)."""
    from generator.compute.figures import compute_figures

    figures = figures if figures is not None else compute_figures(loaded, today)
    client = describe(loaded, figures, secret)
    files = calendar_files(loaded, figures) if client.publishes_calendar else ()
    pages = client_pages(loaded, figures, client.feeds)
    return replace(client, pages=pages, files=files, pages_due=False, calendar_due=False)


def load_client(path: Path, today: date, secret: str = "", render: bool = True) -> Client | list[PlanError]:
    """Load, compute and render one plan (in a worker process when there are several); with
    `render` False, load and compute only (a client another shard renders)."""
    from generator.compute.figures import compute_figures
    from generator.load.loader import load_plan

    try:
        loaded = load_plan(path, today=today)
    except PlanValidationError as exc:
        return list(exc.errors)
    if not render:
        return unrendered(describe(loaded, compute_figures(loaded, today), secret))
    return render_client(loaded, today, secret)


def foreseen(path: Path, facts: PlanFacts, secret: str, render: bool) -> Client:
    """A client as the quick read of its plan predicts it, its loading (and its row on the home
    page, pages and files) still to come from the build's worker (`generator.builder.supply` checks
    the loaded plan agrees)."""
    client = Client(
        slug=path.stem,
        path=path,
        language=facts.language,
        name=facts.name,
        visibility=facts.visibility,
        feeds=feeds_for(path.stem, facts.visibility, secret),
        password_env=facts.password_env,
        has_calendar=facts.has_content,
        loaded_due=True,
    )
    return replace(client, pages_due=render, calendar_due=render and client.publishes_calendar)


def unrendered(client: Client) -> Client:
    """A client whose pages and files another shard renders: none here, and none to come."""
    return replace(client, pages=[], files=(), pages_due=False, calendar_due=False)


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
        n = len(paths)
        for outcome in pool.map(load_client, paths, [today] * n, [secret] * n, flags, chunksize=chunk):
            results.append(outcome)
            if progress is not None:
                progress.advance("plans")
    return results


def _streamed(
    stream: Stream, paths: list[Path], renders: list[bool], secret: str, progress: BuildProgress | None
) -> list[Client | list[PlanError]]:
    """Each plan's client as the quick read of its plan foresees it, else from the stream's load task
    (its pages and calendar files still to come, unless another shard renders them)."""
    facts = dict(zip(stream.paths, stream.facts.result(), strict=True))
    results: list[Client | list[PlanError]] = []
    for path, render in zip(paths, renders, strict=True):
        if facts.get(path) is not None:  # counted as loaded once settled (`generator.builder.supply`)
            results.append(foreseen(path, facts[path], secret, render))
            continue
        outcome = stream.loads[path].result()
        results.append(outcome if render or isinstance(outcome, list) else unrendered(outcome))
        if progress is not None:
            progress.advance("plans")
    if any(isinstance(r, list) for r in results):  # the build stops: with every plan's problems
        loaded = [stream.loads[p].result() for p in paths]
        results = [r if isinstance(r, list) else outcome for r, outcome in zip(results, loaded, strict=True)]
    return results


def load_clients(
    folder: Path,
    slugs: list[str],
    today: date,
    store: ClientCache | None = None,
    *,
    secret: str = "",
    progress: BuildProgress | None = None,
    stream: Callable[[list[Path], set[Path]], Stream] | None = None,
    render: Callable[[str], bool] | None = None,
) -> list[Client]:
    """Load, compute and render every selected plan; all plan problems are raised together.

    With a `store`, a plan whose bytes (and earlier audit) are unchanged since a build on the
    same day (and with the same portfolio secret, by a one-way digest of it) comes back from the
    cache instead of being loaded and rendered again. No password is read here: passwords never
    reach the cache (the adapter reads them after loading, `generator.builder.publish`).
    With `stream` (given the plans to load, it returns their `generator.builder.stream.Stream`),
    plans are loaded in its worker and their pages and calendar files left to come from it
    (`pages_due`, `calendar_due`; the caller stores the complete client, `remember_client`),
    unless there is a single plan to load. With `render` (a shard build, `generator.builder.shards`),
    the plans whose slug it refuses are loaded and computed only: they come without pages or files.
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
            found[path] = cached if render is None or render(path.stem) else unrendered(cached)
    missing = [path for path in paths if path not in found]
    if progress is not None:
        progress.start("plans", len(paths))
        progress.advance("plans", len(found))  # unchanged plans, from the cache
    renders = [render is None or render(path.stem) for path in missing]
    if stream is not None and len(missing) > 1:
        rendered = {path for path, flag in zip(missing, renders, strict=True) if flag}
        outcomes = _streamed(stream(missing, rendered), missing, renders, secret, progress)
    else:
        outcomes = _map_clients(missing, today, secret, progress, renders)
    for path, outcome, flag in zip(missing, outcomes, renders, strict=True):
        if isinstance(outcome, Client):
            found[path] = outcome
            if store is not None and flag and not outcome.calendar_due and not outcome.pages_due:
                store.put(keys[path], outcome, outcome.previous)
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
        if c.publishes_calendar:
            for name in CALENDAR_FILES:
                out[f"{c.feed_folder}/{name}"] = f"the calendar of {c.slug}"
        out[f"{c.slug}/{PDF_NAME}"] = f"the PDF audit of {c.slug}"
    return out


def remember_client(store: ClientCache, client: Client, today: date, secret: str = "") -> None:
    """Store a client whose pages and calendar files came after it was loaded (see `load_clients`)."""
    store.put(store.key(client.path, today.isoformat(), cache_variant(secret)), client, client.previous)
