"""The PDF's sections about the plan (forecast, checkpoints, strategy, content).

The audit's own sections (cover, families, summary, practices, comparison) and the shared
`Inputs` and helpers are in `generator.present.pdf_sections`; `generator.present.pdf` gathers both
with the views every output shares (economics, automation).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from generator.draw import charts
from generator.draw.markup import render_inline, render_markdown
from generator.present.calendar import CalendarView, calendar_view
from generator.present.checkpoints import CheckpointsView, checkpoints_view
from generator.present.forecast import ForecastView, forecast_view
from generator.present.i18n import (
    fmt_money,
    fmt_number,
    t,
)
from generator.present.pdf_sections import Inputs
from generator.present.views import (
    component_label,
    goal_views,
    segment_names,
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
            title=t("page.roadmap", x.lang),
            width=640,
        )
    )


def content_section(x: Inputs) -> CalendarView | None:
    """The content discipline: the calendar's view (`generator.present.calendar`), as the site shows it."""
    return calendar_view(x.figures, segment_names(x.plan))
