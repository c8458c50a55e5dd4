"""Small pieces of the MkDocs adapter: plan problems and disk problems as MkDocs plugin errors,
the build's "today", the home page read last, and the preview's report of PDFs that finish in
the background."""

from __future__ import annotations

import functools
import logging
import os
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from generator.builder import outputs
from generator.builder.publish import read_passwords, secret_notes
from generator.errors import PlanError, PlanValidationError
from generator.render.templating import THEME
from generator.render.terminal import printable
from generator.write.files import describe_os_error

log = logging.getLogger("mkdocs.plugins.playbook")


class PlanErrors(PluginError):
    """Plans with problems: the located messages, one a line."""

    def __init__(self, errors: list[PlanError]) -> None:
        self.errors = errors
        files = len({e.file for e in errors})
        noun = "problem" if len(errors) == 1 else "problems"
        lines = [printable(str(e)) for e in errors]  # shown by MkDocs' own logger under mkdocs serve
        lines.append(f"{len(errors)} {noun} in {files} plan file{'s' if files != 1 else ''}; the site was not built")
        super().__init__("\n".join(lines))


_Hook = TypeVar("_Hook", bound=Callable[..., Any])


def disk_errors_reported(hook: _Hook) -> _Hook:
    """A hook whose disk problems (full, read-only, no permission) and missing templates are reported
    as MkDocs reports a plugin's error — one clear line, the preview of `mkdocs serve` keeps
    running — instead of a traceback."""

    @functools.wraps(hook)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return hook(*args, **kwargs)
        except OSError as exc:
            raise PluginError(printable(f"playbook: {describe_os_error(exc)}")) from None
        except jinja2.TemplateNotFound as exc:
            raise PluginError(printable(f"playbook: template {exc.name} is missing from {THEME}")) from None

    return wrapper  # type: ignore[return-value]


def plan_problems_reported(hook: _Hook) -> _Hook:
    """A hook of the plugin (its first argument) that may meet plans with problems: they become
    the plugin's `errors` and one `PlanErrors`, wherever in the build a plan turned out not to load."""

    @functools.wraps(hook)
    def wrapper(plugin: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return hook(plugin, *args, **kwargs)
        except PlanValidationError as exc:
            plugin.errors = exc.errors
            raise PlanErrors(exc.errors) from None

    return wrapper  # type: ignore[return-value]


class ReadLast:
    """Has MkDocs read one page (the home page) after every other, then puts the order back.

    MkDocs reads every page in the order of its files, then writes them in that order. The home page
    lists each client's row, which comes with the plan's loading in the build's worker: read last,
    it waits for nothing, while the clients' pages are read as their plans load. The order is back
    before the first page is written, so the sitemap and the search index (and `playbook merge`)
    see the usual one."""

    def __init__(self) -> None:
        self.moved: list[File] = []

    def move(self, files: Files, path: str) -> None:
        """In `on_nav`: `path` goes last."""
        last = files.get_file_from_path(path)
        if last is None:
            return
        order = list(files)
        self.moved = order[order.index(last) :]
        files.remove(last)
        files.append(last)

    def restore(self, files: Files) -> None:
        """In `on_env`: the order MkDocs was given."""
        for file in self.moved:
            files.remove(file)
            files.append(file)
        self.moved = []


def resolve_today(text: str) -> date:
    """The build's "today": the option, else $PLAYBOOK_TODAY, else the real date."""
    value = text or os.environ.get("PLAYBOOK_TODAY", "")
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PluginError(f"playbook: today '{value}' is not a date; write YYYY-MM-DD") from None


def report_background_pdf(outcome: Any, done: int = 0, total: int = 0, started: float | None = None) -> None:
    """The live preview's PDFs report when ready: a line on success, the problem otherwise; with the
    count so far (`done` of `total`), the time since they started and an estimate of what is left."""
    from generator.builder.progress import clock

    counted = ""
    if total and started is not None:
        elapsed = time.monotonic() - started
        counted = f"; {done}/{total} PDF audits, {clock(elapsed)} elapsed"
        if 0 < done < total:
            counted += f", about {clock(elapsed / done * (total - done))} left"
    if isinstance(outcome, BaseException):
        log.warning(printable(f"playbook: a PDF audit failed in the preview: {outcome}{counted}"))
    elif getattr(outcome, "stale", False):
        return  # the plan changed meanwhile: the newer build's PDF reports instead
    elif outcome.errors:
        for error in outcome.errors:
            log.warning(printable(str(error)))
    else:
        log.info(f"playbook: PDF ready: {outcome.shown} ({outcome.pages} pages, {outcome.seconds:.1f} s){counted}")


def background_reporter(total: int, current: Callable[[], bool]) -> Callable[[Any], None]:
    """The preview's report of `total` PDFs rendering in the background: a line now, then one per PDF as
    it is ready (while `current()`: a newer preview build's PDFs report instead), counted like a build's."""
    started, done = time.monotonic(), [0]
    log.info(f"playbook: {total} PDF audit{'s' if total != 1 else ''} rendering in the background")

    def report(outcome: Any) -> None:
        if current():
            done[0] += 1
            report_background_pdf(outcome, done[0], total, started)

    return report


def console_warnings(brand: Any, clients: Any) -> list[str]:
    """What a site build tells the consultant before it starts: the example branding still in
    mkdocs.yml, and each private client whose calendar feeds are withheld (and how to publish them)."""
    from generator.builder.publish import withheld_feeds_warnings
    from generator.present.branding import example_warning

    return [line for line in (example_warning(brand), *withheld_feeds_warnings(clients)) if line]


def check_output_folder(site_dir: Path, project: Path, config: Any, plans: Path) -> None:
    """The builder's output-folder check for a plain `mkdocs build` too (`-d plans` would empty the
    plans folder just as `playbook build --site-dir plans` would)."""
    config_path = Path(config.config_file_path or "mkdocs.yml").resolve()
    outputs.check_output_folder(site_dir, project=project, config_path=config_path, plans=plans)


def passwords_and_notes(clients: Any, built: Any, brand: Any, review: bool) -> tuple[dict[str, str], list[str]]:
    """The private clients' passwords from the environment, and what the console is told: a secret's
    line break removed, the example branding still in mkdocs.yml, feeds withheld. A review copy
    encrypts nothing and tells nothing (the site's own build said it)."""
    if review:
        return {}, []
    notes: list[str] = []
    passwords = read_passwords(clients, notes=notes)
    return passwords, [f"playbook: {note}" for note in [*notes, *secret_notes()]] + console_warnings(brand, built)
