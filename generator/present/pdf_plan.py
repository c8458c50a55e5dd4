"""The PDF's sections about the plan (forecast, checkpoints, strategy, content).

The audit's own sections (cover, families, summary, practices, comparison) and the shared
`Inputs` and helpers are in `generator.present.pdf_sections`; `generator.present.pdf` gathers both
with the views every output shares (economics, automation).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from generator.compute.schedule import CalendarFigures
from generator.draw import charts
from generator.draw.markup import render_inline, render_markdown
from generator.model import Plan
from generator.present.briefs import brief_lines, slot_headline, source_rows, split_text
from generator.present.checkpoints import CheckpointsView, checkpoints_view
from generator.present.forecast import ForecastView, forecast_view
from generator.present.i18n import (
    fmt_date,
    fmt_decimal,
    fmt_money,
    fmt_number,
    fmt_percent,
    t,
)
from generator.present.pdf_sections import Inputs
from generator.present.views import (
    component_label,
    goal_views,
)


def forecast_section(x: Inputs) -> ForecastView | None:
    """The ROI forecast: horizon, chart, scenarios (the view every output lays out)."""
    return forecast_view(x.figures)


def checkpoints_section(x: Inputs) -> CheckpointsView | None:
    """Checkpoints, the KPIs to correct and the next meeting's agenda."""
    return checkpoints_view(x.figures)


def strategy_section(x: Inputs) -> dict[str, Any] | None:
    """Goals, initiatives (custom tools by name) and the roadmap's Gantt over the forecast's months."""
    plan, lang, cur = x.plan, x.lang, x.cur
    strategy = None
    s = plan.strategy
    if plan.goals or s:
        goals = tuple(
            (g.title, g.business_goal, "" if g.metric == "—" else g.metric, g.baseline, g.target, g.deadline)
            for g in goal_views(plan, lang)
        )
        initiatives = tuple(
            (
                i.title,
                component_label(i.component, plan, lang),
                fmt_money(i.budget_monthly, cur, lang) if i.budget_monthly is not None else "—",
                fmt_number(i.new_customers_monthly, lang) if i.new_customers_monthly is not None else "—",
                render_inline(i.rationale),
            )
            for i in (s.initiatives if s else [])
        )
        strategy = {
            "summary": render_markdown(s.summary) if s else Markup(""),
            "goals": goals,
            "initiatives": initiatives,
            "gantt": _gantt(x),
        }
    return strategy


def _gantt(x: Inputs) -> Markup | str:
    """The roadmap's initiatives over the forecast's months (none without a forecast)."""
    fc = x.figures.forecast
    base = fc.base if fc is not None else None
    if fc is None or base is None or not fc.initiatives:
        return ""
    return Markup(
        charts.render_gantt(
            [charts.Span(i.title, i.months, [m for m, _ in i.one_off]) for i in fc.initiatives],
            [m.month for m in base.months],
            x.lang,
            title=t("pdf.roadmap", x.lang),
            width=640,
        )
    )


def content_section(x: Inputs) -> dict[str, Any] | None:
    """The content discipline: heatmap and the calendar's statistics."""
    cal, lang = x.figures.calendar, x.lang
    content = None
    if cal:
        content = {
            "heatmap": Markup(
                charts.render_heatmap(
                    [(d.date, d.kind) for d in cal.days],
                    cal.start,
                    cal.end,
                    lang,
                    title=t("pdf.calendar_heatmap", lang),
                    today=cal.today,
                    cell=9.5,
                )
            ),
            "period": f"{fmt_date(cal.start, lang)} – {fmt_date(cal.end, lang)}",
            "split": split_text(cal, lang),
            "stats": (
                (t("pdf.slots", lang), fmt_number(cal.slots, lang)),
                (t("pdf.done", lang), fmt_number(cal.done, lang)),
                (t("pdf.missed", lang), fmt_number(cal.missed, lang)),
                (
                    t("pdf.rate", lang),
                    fmt_percent(cal.completion_rate, lang) if cal.completion_rate is not None else "—",
                ),
                (t("pdf.streak", lang), fmt_number(cal.current_streak, lang)),
                (t("pdf.longest", lang), fmt_number(cal.longest_streak, lang)),
                (t("pdf.hours_invested", lang), fmt_decimal(cal.hours, lang, 1)),
                (t("pdf.projected", lang), fmt_number(cal.projected, lang)),
            ),
            **content_ideas(x.plan, cal, lang),
        }
    return content


BRIEF_SLOTS = 14  # the next two weeks of a daily calendar, as briefs


def content_ideas(plan: Plan, cal: CalendarFigures, lang: str) -> dict[str, Any]:
    """The idea engine in the content section: where the slots still to write come from (counts
    by source, each with its share) and the next slots as briefs (title, then the brief)."""
    segments = {s.id: s.name for s in plan.segments}
    return {
        "sources": source_rows(cal, lang),
        "briefs": tuple(
            (
                fmt_date(slot.date, lang, "short"),
                t(f"slot.{slot.kind}", lang),
                slot_headline(slot, lang),
                " · ".join(brief_lines(slot, lang, segments, cal.minutes_per_day)),
            )
            for slot in [s for s in cal.days if s.planned][:BRIEF_SLOTS]
        ),
    }
