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
from generator.present.format import fmt_months, fmt_quantity
from generator.present.i18n import (
    fmt_date,
    fmt_decimal,
    fmt_money,
    fmt_month,
    fmt_month_from,
    fmt_number,
    fmt_percent,
    t,
)
from generator.present.pdf_sections import Inputs, _scenario_name, _work
from generator.present.views import (
    component_label,
    goal_views,
)


def forecast_section(x: Inputs) -> dict[str, Any] | None:
    """The ROI forecast: chart, horizon, scenarios and the roadmap's Gantt."""
    figures, lang, cur = x.figures, x.lang, x.cur
    forecast = None
    fc = figures.forecast
    if fc:
        first = fc.scenarios[0]
        months = [m.month for m in first.months]
        chart = charts.render_forecast(
            months,
            [m.cumulative_cost for m in first.months],
            [
                charts.Series(_scenario_name(s.name, lang), [m.cumulative_profit for m in s.months])
                for s in fc.scenarios
            ],
            lang,
            cur,
            title=t("pdf.forecast_chart", lang),
            cost_label=t("pdf.cost", lang),
            cap=fc.cumulative_cap,
            cap_label=t("chart.budget_cap", lang),
            width=640,
            height=250,
        )
        forecast = {
            "chart": Markup(chart),
            "horizon": t("pdf.horizon", lang).format(
                months=fmt_months(fc.months, lang), start=fmt_month_from(fc.start, lang)
            ),
            "per_customer": _work(fc.profit_per_customer_month_work, lang),
            "scenarios": tuple(
                (
                    _scenario_name(s.name, lang),
                    fmt_decimal(s.multiplier, lang),
                    fmt_money(s.cost, cur, lang),
                    fmt_money(s.profit, cur, lang),
                    fmt_number(s.new_customers, lang),
                    fmt_percent(s.roi, lang) if s.roi is not None else "—",
                    fmt_month(s.payback_date, lang) if s.payback_date else t("pdf.no_payback", lang),
                )
                for s in fc.scenarios
            ),
            "gantt": Markup(
                charts.render_gantt(
                    [charts.Span(i.title, i.months, [m for m, _ in i.one_off]) for i in fc.initiatives],
                    months,
                    lang,
                    title=t("pdf.roadmap", lang),
                    width=640,
                )
            )
            if fc.initiatives
            else "",
        }
    return forecast


def checkpoints_section(x: Inputs) -> dict[str, Any] | None:
    """Checkpoints and the KPIs to correct."""
    figures, lang, cur = x.figures, x.lang, x.cur
    checkpoints = None
    if figures.checkpoints:
        checkpoints = {
            "rows": tuple(
                (
                    fmt_date(k.date, lang, "short"),
                    k.goal_title,
                    fmt_quantity(k.target, k.unit, lang, cur),
                    fmt_quantity(k.actual, k.unit, lang, cur),
                    k.status.replace(" ", "-"),
                    t(f"kpi.{k.status}", lang),
                )
                for c in figures.checkpoints
                for k in c.kpis
            ),
            "corrections": tuple(
                f"{fmt_date(k.date, lang)}: {k.goal_title} — {t(f'kpi.{k.status}', lang)}" for k in figures.corrections
            ),
        }
    return checkpoints


def strategy_section(x: Inputs, forecast: dict[str, Any] | None) -> dict[str, Any] | None:
    """Goals, initiatives (custom tools by name) and the roadmap's Gantt."""
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
            "gantt": forecast["gantt"] if forecast else "",
        }
    return strategy


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
