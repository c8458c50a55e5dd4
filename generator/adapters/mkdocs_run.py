"""Running MkDocs for a site build: the second of the two modules that import MkDocs.

`generator.builder.site` decides what to build and makes the result atomic; this module loads
the MkDocs configuration, points the playbook plugin at the plans, the clients and the day,
and runs MkDocs' own build into a staging folder, with MkDocs' messages on stderr.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console

from generator.errors import BuildAborted, UserError
from generator.render.terminal import printable

if TYPE_CHECKING:
    from generator.builder.stream import BuildSession


class _ConsoleHandler(logging.Handler):
    """MkDocs' warnings and errors (and our plugin's notes) on stderr, without MkDocs' CLI set-up."""

    def __init__(self, console: Console) -> None:
        super().__init__(logging.INFO)
        self.console = console

    def emit(self, record: logging.LogRecord) -> None:
        message = printable(record.getMessage())
        if record.levelno >= logging.WARNING or record.name.startswith("mkdocs.plugins.playbook"):
            self.console.print(message, markup=False, highlight=False)


@dataclass(frozen=True)
class Built:
    """What a MkDocs run built: the clients' slugs, and whether any of them is private (encrypted).

    A shard build (`generator.builder.shards`) renders some clients of the `portfolio` (every
    client, in the build's order) on a site whose URL is `site_url`."""

    clients: list[str]
    encrypted: bool
    portfolio: tuple[str, ...] = ()
    site_url: str | None = None


def run_mkdocs(
    config_path: Path,
    site_dir: Path,
    *,
    plans: Path,
    clients: list[str],
    today: str,
    use_cache: bool,
    shard: str = "",
    session: BuildSession | None = None,
    review: bool = False,
) -> Built:
    """Build the MkDocs site of `config_path` into `site_dir`; the clients built.

    Raises `BuildAborted` when MkDocs stops (plan problems, or a page problem under --strict),
    and `UserError` for a configuration that cannot be loaded or lacks the playbook plugin.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner is not for consultants
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from generator.adapters.mkdocs import PlaybookPlugin
    from generator.builder.progress import BuildProgress

    logger = logging.getLogger("mkdocs")
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    handler = _ConsoleHandler(console)  # the same console: messages print above the live progress bars
    logger.addHandler(handler)
    previous_level = logger.level
    logger.setLevel(logging.INFO)
    try:
        try:
            config = load_config(str(config_path), site_dir=str(site_dir))
        except ConfigurationError as exc:
            raise UserError(f"{config_path}: {exc}") from None
        plugin = config.plugins.get("playbook")
        if not isinstance(plugin, PlaybookPlugin):
            raise UserError(f"{config_path}: the playbook plugin is not listed under plugins:")
        plugin.config.plans = str(plans)
        plugin.config.clients = list(clients)
        plugin.config.today = today
        plugin.config.cache = use_cache
        plugin.config.shard = shard
        plugin.session = session  # the stream `playbook build` started (generator.builder.stream)
        plugin.config.review = review
        plugin.progress = BuildProgress(console)
        # A plan found broken while MkDocs reads pages: MkDocs names the page it was reading, which is
        # not at fault; the plan problems that follow say what is.
        handler.addFilter(lambda record: not (plugin.errors and record.getMessage().startswith("Error reading page")))
        try:
            with plugin.progress:
                build(config)
        except Abort:
            raise BuildAborted(plan_problems=bool(plugin.errors)) from None
        except KeyboardInterrupt:
            plugin.interrupted()  # MkDocs calls no plugin event for it
            raise
        portfolio = tuple(c.slug for c in plugin.clients)
        return Built([c.slug for c in plugin.built], bool(plugin.passwords), portfolio, config.site_url)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous_level)
