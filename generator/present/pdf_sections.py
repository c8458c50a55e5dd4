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
from generator.present.views import completion_band, nps_band


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
    changes: dict[str, Any]


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


def summary_section(x: Inputs) -> dict[str, Any]:
    """The summary's key figures and the business in the plan's words (its audit part: `AuditView`)."""
    figures, lang, cur, business = x.figures, x.lang, x.cur, x.plan.business
    key_figures: list[KeyFigure] = []
    e = figures.economics
    money = figures.summary.money if figures.summary else None
    if money is not None and money.value is not None:
        # this client's new customer by its segments' mix; the method's textbook LTV stays on the method pages
        detail = t(f"summary.money.value.{money.value_basis}", lang)
        key_figures.append(KeyFigure(t("summary.money.value", lang), fmt_money(money.value, cur, lang), detail))
    if e and e.nps and e.nps.score is not None:
        nps = e.nps.score
        tone = nps_band(nps)
        key_figures.append(KeyFigure(t("econ.nps", lang), fmt_decimal(nps, lang, 1), _work(e.nps.work, lang), tone))
    if e and len(e.funnel) > 1 and e.funnel[-1].from_first is not None:
        last = e.funnel[-1]
        key_figures.append(
            KeyFigure(
                t("pdf.funnel_conversion", lang),
                fmt_percent(last.from_first, lang),
                f"{e.funnel[0].stage} → {last.stage}: {_work(last.from_first_work, lang, percent=True)}",
            )
        )
    a = figures.automation
    if a:
        key_figures.append(
            KeyFigure(
                t("pdf.manual_hours", lang),
                f"{fmt_decimal(a.by_hand_hours, lang, 1)} {t('pdf.hours_month', lang)}",
                f"{_work(a.by_hand_year_work, lang)} {t('pdf.hours_year', lang)}",
                "poor" if a.by_hand_hours and not a.automated_hours else "neutral",
            )
        )
    cal = figures.calendar
    if cal:
        if cal.completion_rate is not None:
            rate = cal.completion_rate
            tone = completion_band(rate)
            value = fmt_percent(rate, lang)
            detail = t("pdf.slots_done", lang).format(done=fmt_number(cal.done, lang), due=fmt_number(cal.due, lang))
        else:
            tone, value, detail = "neutral", "—", t("pdf.no_due", lang)
        key_figures.append(KeyFigure(t("pdf.content", lang), value, detail, tone))

    summary = {
        # the audit's own part (score, chart, issues, what to do first) is the audit's view: c.audit
        "key_figures": tuple(key_figures),
        "description": render_markdown(business.description),
        "current_state": render_markdown(business.current_state),
    }
    return summary
