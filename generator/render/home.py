"""The portfolio's home page, from the clients' rows (`generator.present.site_steps.portfolio_row`).

Rendered by the site build's own process, which holds each client's row but never its plan or
figures (`generator.builder.clients`); `generator.render.site.render_portfolio` renders the same
page from plans, for one process that has them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from generator.present.pages import context_home
from generator.render.templating import render_template


def render_home(rows: Iterable[Mapping[str, Any]], language: str) -> str:
    """The home page's Markdown: the clients of this site, with their scores and steps filled."""
    return render_template("pages/portfolio.j2.md", **context_home(rows, language))
