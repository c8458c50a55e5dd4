"""The PDF audit's sections, one builder each: the values `generator.present.pdf.build_context` gathers.

Split from `generator.present.pdf` so that no builder runs past a screen and the module stays small;
each takes the `Inputs` of one plan and returns what its part of `theme/pdf/audit.j2.html` prints.
The rules of `generator.present.pdf` hold here too: nothing is computed, plan text stays `str`
(the template autoescapes it), only sanitised Markdown and our own SVG are `Markup`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.compute.arithmetic import Arithmetic
from generator.compute.figures import Figures
from generator.draw import charts
from generator.draw.markup import render_markdown
from generator.model import Plan
from generator.present.automation import AutomationView
from generator.present.calendar import CalendarView
from generator.present.economics import EconomicsView
from generator.present.i18n import (
    PlanLanguage,
    fmt_arithmetic,
    fmt_date,
    t,
)
from generator.present.summary import SummaryView

DASH = "—"


@dataclass(frozen=True)
class KeyFigure:
    """A headline number with its worked arithmetic or a short explanation."""

    label: str
    value: str
    detail: str = ""
    tone: str = "neutral"  # poor | needs-work | good | neutral


@dataclass(frozen=True)
class Inputs:
    """What every section builder reads: the plan, its figures, the language (with its locale), the currency."""

    plan: Plan
    figures: Figures
    lang: PlanLanguage
    cur: str


def _band(band: str | None) -> str:
    return (band or "none").replace(" ", "-")


def _work(work: Arithmetic | None, lang: str, percent: bool = False) -> str:
    return fmt_arithmetic(work, lang, percent_result=percent) if work is not None else ""


def cover_section(x: Inputs) -> dict[str, Any]:
    """The cover: the client, the facts of the audit, the overall gauge and band."""
    business, audit, lang = x.plan.business, x.figures.audit, x.lang
    audit_day = audit.date if audit and audit.date else None
    figures = x.figures
    overall_label = t("audit.overall", lang)
    cover = {
        "name": business.name,
        # a long company name is set smaller, so it keeps to two or three lines inside the cover's band
        "name_size": "long" if len(business.name) > 60 else "medium" if len(business.name) > 32 else "",
        "facts": [
            (t("fact.industry", lang), business.industry),
            (t("fact.region", lang), business.region),
            (t("fact.consultant", lang), business.consultant),
            (t("fact.audit_date", lang), fmt_date(audit_day, lang) if audit_day else None),
            (t("fact.today", lang), fmt_date(figures.today, lang)),
        ],
        "gauge": Markup(
            charts.render_gauge(
                audit.overall if audit else None, audit.band if audit else None, lang, title=overall_label, size=150
            )
        ),
        "band": _band(audit.band if audit else None),
        "band_label": t(f"band.{audit.band}", lang) if audit and audit.band else t("status.not assessed", lang),
    }
    return cover


def summary_section(
    x: Inputs,
    digest: SummaryView | None,
    economics: EconomicsView | None,
    automation: AutomationView | None,
    calendar: CalendarView | None,
) -> dict[str, Any]:
    """The summary's key figures, each taken from its section's view (the same strings the site and
    the terminal show), and the business in the plan's words (its audit part: `AuditView`)."""
    lang, business = x.lang, x.plan.business
    key_figures: list[KeyFigure] = []
    money = digest.money if digest else None
    if money is not None and money.value != DASH:
        # this client's new customer by its segments' mix; the method's textbook LTV stays on the method pages
        key_figures.append(KeyFigure(money.value_label, money.value, money.value_basis))
    nps = economics.nps if economics else None
    if nps is not None:
        key_figures.append(KeyFigure(t("econ.nps", lang), nps.score, nps.work, nps.band))
    funnel = economics.funnel if economics else ()
    if len(funnel) > 1 and funnel[-1].from_first != DASH:
        first, last = funnel[0], funnel[-1]
        detail = f"{first.stage} → {last.stage}: {last.from_first_work}"
        key_figures.append(KeyFigure(t("pdf.funnel_conversion", lang), last.from_first, detail))
    if automation is not None:
        a = x.figures.automation  # only the card's colour: hours by hand and nothing automated yet
        tone = "poor" if a is not None and a.by_hand_hours and not a.automated_hours else "neutral"
        value = f"{automation.by_hand} {t('pdf.hours_month', lang)}"
        year = f"{automation.year_work} {t('pdf.hours_year', lang)}"
        key_figures.append(KeyFigure(t("pdf.manual_hours", lang), value, year, tone))
    if calendar is not None:
        rate = calendar.rate
        key_figures.append(KeyFigure(t("pdf.content", lang), rate.value, calendar.rate_note, calendar.rate_band))
    return {
        # the audit's own part (score, chart, issues, what to do first) is the audit's view: c.audit
        "key_figures": tuple(key_figures),
        "description": render_markdown(business.description),
        "current_state": render_markdown(business.current_state),
    }
