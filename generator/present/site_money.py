"""The values of the money pages: checkpoints and the correction agenda, economics, forecast, automation."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.compute.checkpoints import KpiFigure
from generator.compute.figures import Figures
from generator.draw import charts
from generator.model import LoadedPlan
from generator.present import money
from generator.present.automation import automation_view
from generator.present.economics import economics_view
from generator.present.format import fmt_months
from generator.present.i18n import (
    fmt_month,
    fmt_month_from,
)
from generator.present.reforecast import reforecast_view
from generator.present.site_base import (
    Words,
    _empty,
    _goal_value,
    _scenario_name,
    _segment_names,
    _svg,
    base_context,
    html,
    md,
    status_badge,
)
from generator.present.summary import escaped, nothing_to_correct


def _kpi_value(value: float | None, kpi: KpiFigure, words: Words) -> str:
    return _goal_value(value, kpi.unit, words)


def _kpi_row(kpi: KpiFigure, words: Words) -> dict[str, Any]:
    return {
        "date": words.day(kpi.date),
        "goal": html(kpi.goal_title),
        "target": html(_kpi_value(kpi.target, kpi, words)),
        "actual": html(_kpi_value(kpi.actual, kpi, words)),
        "direction": words.label(f"site.direction.{kpi.direction}"),
        "badge": status_badge(kpi.status, words, "kpi"),
        "advice": words.label(f"site.correct.{kpi.status}")
        if kpi.status in ("behind", "not measured", "no target")
        else "",
    }


def context_checkpoints(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Step 8: targets against actuals on each checkpoint, and where to correct the strategy."""
    ctx = base_context(loaded, figures, "checkpoints")
    words: Words = ctx["words"]
    ctx["checkpoints"] = [
        {
            "date": words.day(c.date),
            "state": words.label("site.cp.passed" if c.passed else "site.cp.upcoming"),
            "kpis": [_kpi_row(k, words) for k in c.kpis],
        }
        for c in figures.checkpoints
    ]
    ctx["corrections"] = [_kpi_row(k, words) for k in figures.corrections]
    ctx["agenda"] = money.agenda(figures, html)
    for item, row in zip(ctx["agenda"], ctx["corrections"], strict=True):
        item["badge"], item["advice"] = row["badge"], row["advice"]
    ctx["nothing"] = html(nothing_to_correct(figures))
    if not ctx["checkpoints"]:
        ctx["empty"] = _empty(words, "checkpoints")
    return ctx


def context_economics(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Business metrics with their arithmetic written out: LTV, LTV/CAC, NPS, the funnel (`EconomicsView`)."""
    ctx = base_context(loaded, figures, "economics")
    words: Words = ctx["words"]
    view = economics_view(figures)
    if view is None:
        ctx["empty"] = _empty(words, "economics")
        ctx["e"] = None
        return ctx
    ctx["e"] = escaped(replace(view, funnel_chart=""), html)
    ctx["funnel_chart"] = _svg(view.funnel_chart) if view.funnel_chart else None
    return ctx


def context_forecast(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Step 8: the ROI forecast per scenario: chart, months, ROI and payback."""
    ctx = base_context(loaded, figures, "forecast")
    words: Words = ctx["words"]
    f = figures.forecast
    segments = _segment_names(loaded.plan)
    ctx["pvf"] = money.plan_vs_fact(figures, html)
    ctx["groups"] = money.groups(figures, segments, html)
    ctx["reforecast"] = escaped(reforecast_view(figures), html)
    if f is None:
        ctx["f"] = None
        missing = money.missing_keys(figures, segments, html)
        empty = {"title": words.label("site.empty.title"), "text": missing} if missing else None
        ctx["empty"] = empty or _empty(words, "forecast")
        return ctx
    scenarios = []
    for s in f.scenarios:
        scenarios.append(
            {
                "name_md": md(_scenario_name(s.name, words)),
                "name": html(_scenario_name(s.name, words)),
                "multiplier": words.dec(s.multiplier),
                "cost": html(words.money(s.cost)),
                "profit": html(words.money(s.profit)),
                "new_customers": words.num(s.new_customers),
                "roi": words.pct(s.roi) if s.roi is not None else "—",
                "roi_work": html(words.work(s.roi_work, percent=True)) if s.roi_work else "",
                "payback": (
                    words.label("site.fc.payback_month").format(
                        month=s.payback_month, date=fmt_month(s.payback_date, words.language)
                    )
                    if s.payback_month is not None and s.payback_date is not None
                    else words.label("site.fc.no_payback")
                ),
                "months": [
                    {
                        "number": m.number,
                        "month": fmt_month(m.month, words.language),
                        "cost": html(words.money(m.cost)),
                        "new": words.num(m.new_customers),
                        "customers": words.num(m.customers),
                        "active": words.num(m.active_customers),
                        "profit": html(words.money(m.profit)),
                        "cum_cost": html(words.money(m.cumulative_cost)),
                        "cum_profit": html(words.money(m.cumulative_profit)),
                    }
                    for m in s.months
                ],
            }
        )
    ctx["f"] = {
        "start": fmt_month_from(f.start, words.language),
        "months_text": fmt_months(f.months, words.language),
        "start_source": words.label(f"site.fc.start_{f.start_source}"),
        "months": f.months,
        "per_customer": html(words.work(f.profit_per_customer_month_work)),
        "scenarios": scenarios,
        "chart": _svg(
            charts.render_forecast(
                [m.month for m in f.scenarios[0].months],
                [m.cumulative_cost for m in f.scenarios[0].months],
                [
                    charts.Series(_scenario_name(s.name, words), [m.cumulative_profit for m in s.months])
                    for s in f.scenarios
                ],
                words.language,
                words.currency,
                title=words.label("site.page.forecast"),
                cost_label=words.label("site.fc.cum_cost"),
                cap=f.cumulative_cap,
                cap_label=words.label("chart.budget_cap"),
            )
        )
        if f.scenarios
        else None,
    }
    return ctx


def context_automation(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Problem 2: what is still done by hand, and the hours it costs (`AutomationView`)."""
    ctx = base_context(loaded, figures, "automation")
    view = automation_view(figures)
    ctx["a"] = escaped(view, html) if view is not None else None
    if view is None:
        ctx["empty"] = _empty(ctx["words"], "automation")
    return ctx
