"""What every page context of the site shares: the pages in the method's order, words and formats of a plan, escaping.

Split from `generator.present.site` (the pages' contexts) so that each module stays small;
`generator.present.site` re-exports these names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import Markup

from generator.compute.arithmetic import Arithmetic
from generator.compute.figures import Figures
from generator.draw.markup import escape_markdown, escape_text
from generator.model import LoadedPlan, Plan
from generator.present.branding import plan_consultant
from generator.present.format import fmt_quantity
from generator.present.i18n import (
    PlanLanguage,
    fmt_arithmetic,
    fmt_date,
    fmt_decimal,
    fmt_money,
    fmt_number,
    fmt_percent,
    t,
)
from generator.present.pages import PAGES, Labels, front_matter
from generator.present.views import segment_names

# Which page shows each of the eight steps (overview links).
STEP_PAGES: dict[str, str] = {
    "business": "index",
    "goals": "goals",
    "segments": "audience",
    "places": "audience",
    "competitors": "competitors",
    "audit": "audit",
    "strategy": "strategy",
    "plan": "roadmap",
}


@dataclass(frozen=True)
class Words:
    """Formatting in one plan's language and currency (formatting only: values arrive computed)."""

    language: PlanLanguage
    currency: str

    def num(self, value: float | None, digits: int = 0) -> str:
        return fmt_number(value, self.language, digits)

    def dec(self, value: float | None, digits: int = 2) -> str:
        return fmt_decimal(value, self.language, digits)

    def money(self, value: float | None) -> str:
        return fmt_money(value, self.currency, self.language)

    def pct(self, share: float | None, digits: int | None = None) -> str:
        return fmt_percent(share, self.language, digits)

    def day(self, value: date | None, style: str = "long") -> str:
        return fmt_date(value, self.language, style)

    def work(self, work: Arithmetic | None, percent: bool = False) -> str:
        return fmt_arithmetic(work, self.language, percent_result=percent) if work is not None else "—"

    def label(self, key: str) -> str:
        return t(key, self.language)


def _svg(svg: str) -> Markup:
    """A chart from `generator.draw.charts` (it escapes every label itself), embedded as-is."""
    return Markup(svg)


def chart_title(words: Words, key: str, name: str) -> str:
    """The accessible title of a chart: what it is and whose."""
    return f"{words.label(key)} · {name}"


def html(text: object) -> Markup:
    """A plain plan field inside an HTML block."""
    return escape_text(text)


def md(text: object) -> str:
    """A plain plan field on a Markdown line (a heading).

    Quotes need no escaping outside attributes, and the table of contents would show their
    entities (`&#x27;`) literally, so only `&`, `<`, `>` and Markdown's own characters are escaped
    (HTML first, then Markdown, so no entity's `#` is ever backslashed into literal text).
    """
    return escape_markdown(text, quote=False)


def status_badge(status: str, words: Words, prefix: str = "status") -> Markup:
    """A coloured badge whose text says the status (never colour alone)."""
    css = status.replace("/", "").replace(" ", "-")
    return Markup(f'<span class="pb-badge pb-badge--{css}">{escape_text(words.label(f"{prefix}.{status}"))}</span>')


def band_badge(band: str | None, words: Words) -> Markup:
    """The audit band as a badge (poor, needs work, good)."""
    if band is None:
        return Markup("")
    return status_badge(band, words, "band")


def _goal_value(value: float | None, unit: str | None, words: Words) -> str:
    """A goal's baseline or target: a share where the unit is `%`, else the number and its unit."""
    return fmt_quantity(value, unit, words.language, words.currency)


_segment_names = segment_names  # one definition for every output (generator.present.views)


def _goal_titles(plan: Plan) -> dict[str, str]:
    return {g.id: g.title for g in plan.goals}


def base_context(loaded: LoadedPlan, figures: Figures, page: str) -> dict[str, Any]:
    """What every client page needs: labels, the client's name, the page's title and front matter."""
    language = PlanLanguage(figures.language, figures.locale)
    words = Words(language, figures.currency)
    label_key = next(key for stem, key, _ in PAGES if stem == page)
    page_title = words.label(label_key)
    name = loaded.plan.business.name
    title = name if page == "index" else f"{page_title} · {name}"
    description = words.label(f"site.describe.{page}").format(name=name)
    empty_step = None
    return {
        "L": Labels(language),
        "words": words,
        "name_md": md(name),
        "name_html": html(name),
        "page_title": page_title,
        "front_matter": front_matter(title, description, language, plan_consultant(loaded.plan), wide=True),
        "empty": empty_step,
        "today": words.day(figures.today),
    }


def _empty(words: Words, step: str) -> dict[str, str]:
    """An empty step: which plan section to fill."""
    return {"title": words.label("site.empty.title"), "text": words.label(f"site.empty.{step}")}
