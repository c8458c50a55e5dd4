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

from markupsafe import Markup, escape

from generator.compute.figures import Figures
from generator.model import LoadedPlan
from generator.present.i18n import t
from generator.present.pages import page_path
from generator.present.site import CONTEXTS, PAGES, context_portfolio
from generator.render.templating import render_template

TEMPLATES: dict[str, str] = {stem: f"pages/{'overview' if stem == 'index' else stem}.j2.md" for stem, _, _ in PAGES}


# A data table not yet inside a scroll box (the forecast's month tables already are).
_BARE_TABLE = re.compile(r'(?<!<div class="pb-scroll" tabindex="0">\n)(<table class="pb-table[^"]*">.*?</table>)', re.S)
_BOX = '<div class="pb-scroll" tabindex="0">'
_ANY_TABLE = re.compile(r'<table class="pb-table[^"]*">.*?</table>', re.S)
_HEADER = re.compile(r"<th scope=\"col\"[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr([^>]*)>(.*?)</tr>", re.S)
_CELL = re.compile(r"<td(?=[\s>])")
_WIDE_CHART = re.compile(r'<div class="(pb-chart pb-chart--wide[^"]*)">')


def _labelled_cells(table: str) -> str:
    """Every body cell carries its column's header (`data-label`): on a phone a wide table is laid
    out as one card per row, each value under its label (theme CSS), instead of a sideways scroll."""
    headers = [escape(Markup(h).striptags()) for h in _HEADER.findall(table)]
    if not headers:
        return table

    def row(match: re.Match[str]) -> str:
        cells = iter(headers)
        body = _CELL.sub(lambda _: f'<td data-label="{next(cells, "")}"', match.group(2))
        return f"<tr{match.group(1)}>{body}</tr>"

    head, sep, body = table.partition("<tbody>")
    return head + sep + _ROW.sub(row, body) if sep else table


def scroll_tables(markdown: str, label: str = "", chart_label: str = "") -> str:
    """Wrap every data table in its own horizontal scroll box, labelled, its cells labelled too.

    A phone is narrower than a table of six money columns; without a box of its own the whole
    page scrolls sideways (or, with Material's layout, the last columns are cut off). The box is
    focusable so a keyboard can scroll it too, and named (`label`) for a screen reader; on a phone
    most tables become cards (`_labelled_cells`), the month-by-month grids keep the scroll.
    """
    markdown = _BARE_TABLE.sub(rf"{_BOX}\n\1\n</div>", markdown)
    markdown = _ANY_TABLE.sub(lambda m: _labelled_cells(m.group(0)), markdown)
    if label:
        named = f'<div class="pb-scroll" tabindex="0" role="region" aria-label="{escape(label)}">'
        markdown = markdown.replace(_BOX, named)
    if chart_label:  # a wide chart keeps its size on a phone and scrolls in its box: named the same way
        wide = rf'<div class="\1" tabindex="0" role="region" aria-label="{escape(chart_label)}">'
        markdown = _WIDE_CHART.sub(wide, markdown)
    return markdown


# Where the calendar files are linked from the client's pages: beside them, unless the build
# publishes them elsewhere (`generator.builder.publish`: a secret path, or not at all).
DEFAULT_FEEDS: Mapping[str, Any] = {"ics": "calendar.ics", "csv": "calendar.csv", "withheld": False, "secret": False}


def render_page(loaded: LoadedPlan, figures: Figures, stem: str, feeds: Mapping[str, Any] | None = None) -> str:
    """One client page as Markdown."""
    context = CONTEXTS[stem](loaded, figures)
    language = loaded.plan.business.language
    markdown = render_template(TEMPLATES[stem], **context, feeds=feeds or DEFAULT_FEEDS)
    return scroll_tables(markdown, t("site.table.scroll", language), t("site.chart.scroll", language))


def render_pages(loaded: LoadedPlan, figures: Figures, feeds: Mapping[str, Any] | None = None) -> list[tuple[str, str]]:
    """Every page of one client, `(path, Markdown)`, in the method's order (overview first)."""
    return [(page_path(loaded.slug, stem), render_page(loaded, figures, stem, feeds)) for stem, _, _ in PAGES]


def render_portfolio(clients: Iterable[tuple[LoadedPlan, Figures]], language: str) -> str:
    """The home page: the clients of this site, with their scores and steps filled."""
    return render_template("pages/portfolio.j2.md", **context_portfolio(clients, language))
