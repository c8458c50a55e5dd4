"""What the site build's own process needs of the presentation: the client pages in the method's
order, interface labels, front matter, and the home page's values.

Kept apart from `generator.present.site` (the pages' contexts) so that the process running MkDocs
imports neither the plan's model nor the figures: every client's values reach it prepared by the
workers (`generator.builder.stream`), its home-page row included (`generator.present.site_steps`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from generator.draw.markup import escape_text
from generator.present.i18n import t

# The client's pages in the method's order: (file stem, label key, step number or None).
PAGES: tuple[tuple[str, str, int | None], ...] = (
    ("index", "page.overview", 1),
    ("goals", "page.goals", 2),
    ("audience", "page.audience", 3),
    ("competitors", "page.competitors", 5),
    ("audit", "site.page.audit", 6),
    ("strategy", "page.strategy", 7),
    ("roadmap", "page.roadmap", 8),
    ("checkpoints", "site.page.checkpoints", 8),
    ("economics", "site.page.economics", None),
    ("forecast", "site.page.forecast", 8),
    ("automation", "site.page.automation", None),
    ("calendar", "page.calendar", None),
    ("downloads", "page.downloads", None),
)


def page_path(slug: str, stem: str) -> str:
    """The Markdown path of a client's page inside the docs: `kolosok/audit.md`."""
    return f"{slug}/{stem}.md"


class Labels:
    """Interface labels of one language, looked up by key in templates: `L["page.goals"]`."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __getitem__(self, key: str) -> str:
        return t(key, self.language)


def front_matter(
    title: str, description: str, language: str, consultant: Mapping[str, Any] | None = None, *, wide: bool = False
) -> str:
    """YAML front matter: titles and descriptions reach Material's templates unescaped, so escape them here.

    JSON strings are valid YAML scalars, so `json.dumps` quotes any text safely. `consultant` is the
    consultant the plan names (`generator.present.branding.plan_consultant`), merged with the
    portfolio's branding by the MkDocs adapter for the page's footer (escaped there by the template).
    `wide`: a client page gives its tables the width of Material's table of contents (`hide: [toc]`),
    so that on a 1366-px laptop no data table needs a sideways scroll.
    """
    lines = [
        "---",
        f"title: {json.dumps(str(escape_text(title)), ensure_ascii=False)}",
        f"description: {json.dumps(str(escape_text(description)), ensure_ascii=False)}",
        f"language: {language}",
        "---",
    ]
    if wide:
        lines.insert(-1, "hide: [toc]")
    if consultant and consultant.get("name"):
        # plan text: JSON (a YAML flow mapping) with <, > and & as \u escapes, which YAML reads back
        # as the characters, so the page's source holds no markup; the footer template escapes them
        value = json.dumps(dict(consultant), ensure_ascii=False)
        value = value.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        lines.insert(-1, f"consultant: {value}")
    return "\n".join(lines) + "\n"


def context_home(rows: Iterable[Mapping[str, Any]], language: str) -> dict[str, Any]:
    """The portfolio's home page: one row per client (`generator.present.site_steps.portfolio_row`)."""
    title = t("site.portfolio.title", language)
    clients = list(rows)
    return {
        "L": Labels(language),
        "clients": clients,
        "show_score": any(c.get("show_score") for c in clients),  # the column only when a client opts in
        "front_matter": front_matter(title, t("site.portfolio.description", language), language),
        "title": title,
    }
