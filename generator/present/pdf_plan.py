"""The PDF's sections about the plan (economics, automation, forecast, checkpoints, strategy, content).

The audit's own sections (cover, families, summary, practices, comparison) and the shared
`Inputs` and helpers are in `generator.present.pdf_sections`; `generator.present.pdf` gathers both.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from generator.draw import charts
from generator.draw.markup import render_inline, render_markdown
from generator.present.calendar import CalendarView, calendar_view
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
    segment_names,
)


def economics_section(x: Inputs) -> dict[str, Any] | None:
    """Customer economics: LTV, LTV/CAC, NPS and the funnel."""
    e, lang, cur = x.figures.economics, x.lang, x.cur
    economics = None
    if e:
        rows = []
        money = x.figures.summary.money if x.figures.summary else None
        if money is not None and money.value is not None and money.mix:
            # this client's new customer first (as the site's economics page), the plan-level LTV after it
            rows.append(
                (t("summary.money.value", lang), fmt_money(money.value, cur, lang), _work(money.value_work, lang))
            )
            if money.cost is not None:
                rows.append(
                    (t("summary.money.cost", lang), fmt_money(money.cost, cur, lang), _work(money.cost_work, lang))
                )
            if money.ratio is not None:
                rows.append(
                    (t("summary.money.ratio", lang), fmt_decimal(money.ratio, lang, 1), _work(money.ratio_work, lang))
                )
        if e.ltv is not None:
            rows.append((t("pdf.ltv", lang), fmt_money(e.ltv, cur, lang), _work(e.ltv_work, lang)))
        if e.ltv_profit is not None:
            rows.append((t("pdf.ltv_profit", lang), fmt_money(e.ltv_profit, cur, lang), _work(e.ltv_profit_work, lang)))
        if e.ltv_cac is not None:
            rows.append((t("pdf.ltv_cac", lang), fmt_decimal(e.ltv_cac, lang, 1), _work(e.ltv_cac_work, lang)))
        if e.nps and e.nps.score is not None:
            counts = t("pdf.nps_counts", lang).format(
                p=fmt_number(e.nps.promoters, lang),
                n=fmt_number(e.nps.passives, lang),
                d=fmt_number(e.nps.detractors, lang),
            )
            rows.append(
                (t("pdf.nps", lang), fmt_decimal(e.nps.score, lang, 1), f"{_work(e.nps.work, lang)} ({counts})")
            )
        funnel = tuple(
            (
                s.stage,
                fmt_number(s.count, lang),
                fmt_percent(s.from_previous, lang) if s.from_previous is not None else "—",
                fmt_percent(s.from_first, lang) if s.from_first is not None else "—",
            )
            for s in e.funnel
        )
        chart = ""
        if e.funnel:
            chart = Markup(
                charts.render_funnel(
                    [charts.Stage(s.stage, s.count, s.from_previous) for s in e.funnel],
                    lang,
                    title=t("pdf.funnel", lang),
                    width=470,
                )
            )
        economics = {"rows": tuple(rows), "funnel": funnel, "funnel_chart": chart}
    return economics


def automation_section(x: Inputs) -> dict[str, Any] | None:
    """Processes still done by hand."""
    a, lang = x.figures.automation, x.lang
    automation = None
    if a:
        automation = {
            "rows": tuple(
                (
                    i.process,
                    fmt_decimal(i.hours_per_month, lang, 1) if i.hours_per_month is not None else "—",
                    i.tool or "—",
                    i.status,
                    t(f"pdf.automation.{i.status}", lang),
                )
                for i in a.items
            ),
            "by_hand": fmt_decimal(a.by_hand_hours, lang, 1),
            "year": _work(a.by_hand_year_work, lang),
        }
    return automation


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
                    title=t("page.roadmap", lang),
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


def content_section(x: Inputs) -> CalendarView | None:
    """The content discipline: the calendar's view (`generator.present.calendar`), as the site shows it."""
    return calendar_view(x.figures, segment_names(x.plan))
