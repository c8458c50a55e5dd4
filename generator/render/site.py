"""The site's pages as Markdown: a pure renderer, with no MkDocs import.

`render_pages` turns one client's loaded plan and its computed figures into `(path, Markdown)`
pairs under `<slug>/`, in the method's order; `render_portfolio` writes the home page that
lists the clients. Values are prepared in `generator.present.site` (escaped, formatted) and
laid out by the templates in `theme/pages/`; the MkDocs adapter (`generator.adapters.mkdocs`)
only hands these strings to MkDocs, so another static-site engine could take them as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from generator.compute.figures import Figures
from generator.model import LoadedPlan
from generator.present.pages import page_path
from generator.present.site import CONTEXTS, PAGES, context_portfolio
from generator.render.templating import render_template

TEMPLATES: dict[str, str] = {stem: f"pages/{'overview' if stem == 'index' else stem}.j2.md" for stem, _, _ in PAGES}


# A data table not yet inside a scroll box (the forecast's month tables already are).
_BARE_TABLE = re.compile(r'(?<!<div class="pb-scroll" tabindex="0">\n)(<table class="pb-table[^"]*">.*?</table>)', re.S)


def scroll_tables(markdown: str) -> str:
    """Wrap every data table in its own horizontal scroll box.

    A phone is narrower than a table of six money columns; without a box of its own the whole
    page scrolls sideways (or, with Material's layout, the last columns are cut off). The box is
    focusable so a keyboard can scroll it too.
    """
    return _BARE_TABLE.sub(r'<div class="pb-scroll" tabindex="0">\n\1\n</div>', markdown)


# Where the calendar files are linked from the client's pages: beside them, unless the build
# publishes them elsewhere (`generator.builder.publish`: a secret path, or not at all).
DEFAULT_FEEDS: Mapping[str, Any] = {"ics": "calendar.ics", "csv": "calendar.csv", "withheld": False, "secret": False}


def render_page(loaded: LoadedPlan, figures: Figures, stem: str, feeds: Mapping[str, Any] | None = None) -> str:
    """One client page as Markdown."""
    context = CONTEXTS[stem](loaded, figures)
    return scroll_tables(render_template(TEMPLATES[stem], **context, feeds=feeds or DEFAULT_FEEDS))


def render_pages(loaded: LoadedPlan, figures: Figures, feeds: Mapping[str, Any] | None = None) -> list[tuple[str, str]]:
    """Every page of one client, `(path, Markdown)`, in the method's order (overview first)."""
    return [(page_path(loaded.slug, stem), render_page(loaded, figures, stem, feeds)) for stem, _, _ in PAGES]


def render_portfolio(clients: Iterable[tuple[LoadedPlan, Figures]], language: str) -> str:
    """The home page: the clients of this site, with their scores and steps filled."""
    return render_template("pages/portfolio.j2.md", **context_portfolio(clients, language))
