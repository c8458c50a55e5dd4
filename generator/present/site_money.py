"""The values of the money pages: checkpoints and the correction agenda, economics, forecast, automation."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from markupsafe import Markup

from generator.compute.economics import NpsFigure
from generator.compute.figures import Figures
from generator.draw import charts
from generator.model import LoadedPlan
from generator.present import money
from generator.present.checkpoints import checkpoints_view
from generator.present.forecast import forecast_view, plan_vs_fact_view
from generator.present.reforecast import reforecast_view
from generator.present.site_base import (
    Words,
    _empty,
    _segment_names,
    _svg,
    base_context,
    html,
    md,
    status_badge,
)
from generator.present.summary import escaped, summary_view


def context_checkpoints(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Step 8: targets against actuals on each checkpoint, and where to correct the strategy."""
    ctx = base_context(loaded, figures, "checkpoints")
    view = checkpoints_view(figures)
    ctx["cp"] = escaped(view, html)
    if view is None:
        ctx["empty"] = _empty(ctx["words"], "checkpoints")
    return ctx


def context_economics(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Business metrics with their arithmetic written out: LTV, LTV/CAC, NPS, the funnel."""
    ctx = base_context(loaded, figures, "economics")
    words: Words = ctx["words"]
    e = figures.economics
    view = summary_view(loaded.plan, figures)
    # this client's new customer first, worked out; the plan-level LTV below it
    ctx["new_customer"] = escaped(view.money, html) if view is not None else None
    if e is None:
        ctx["empty"] = _empty(words, "economics")
        ctx["e"] = None
        return ctx
    inputs = []
    for key, value in (
        ("average_check", words.money(e.average_check) if e.average_check is not None else None),
        ("purchases_per_year", words.dec(e.purchases_per_year) if e.purchases_per_year is not None else None),
        ("lifetime_years", words.dec(e.lifetime_years) if e.lifetime_years is not None else None),
        ("gross_margin", words.pct(e.gross_margin) if e.gross_margin is not None else None),
        ("customers", words.num(e.customers) if e.customers is not None else None),
        ("cac", words.money(e.cac) if e.cac is not None else None),
    ):
        if value is not None:
            inputs.append({"label": words.label(f"site.econ.{key}"), "value": html(value)})
    metrics = []
    if e.ltv_work is not None:
        metrics.append(
            {
                "label": words.label("site.econ.ltv"),
                "value": html(words.money(e.ltv)),
                "work": html(words.work(e.ltv_work)),
                "note": words.label("site.econ.ltv_note"),
            }
        )
    if e.ltv_profit_work is not None:
        metrics.append(
            {
                "label": words.label("site.econ.ltv_profit"),
                "value": html(words.money(e.ltv_profit)),
                "work": html(words.work(e.ltv_profit_work)),
                "note": words.label("site.econ.ltv_profit_note"),
            }
        )
    if e.ltv_cac_work is not None:
        metrics.append(
            {
                "label": "LTV / CAC",
                "value": html(words.dec(e.ltv_cac, 1)),
                "work": html(words.work(e.ltv_cac_work)),
                "note": words.label(f"site.econ.ltv_cac_{e.ltv_cac_basis}"),
            }
        )
    nps = _nps(e.nps, words) if e.nps is not None else None
    funnel = [
        {
            "stage": html(s.stage),
            "count": words.num(s.count),
            "from_previous": html(words.work(s.from_previous_work, percent=True)) if s.from_previous_work else "—",
            "from_first": words.pct(s.from_first) if s.from_first is not None else "—",
        }
        for s in e.funnel
    ]
    ctx["e"] = {
        "inputs": inputs,
        "metrics": metrics,
        "nps": nps,
        "funnel": funnel,
        "funnel_chart": _svg(
            charts.render_funnel(
                [charts.Stage(s.stage, s.count, s.from_previous) for s in e.funnel],
                words.language,
                title=words.label("site.econ.funnel"),
            )
        )
        if e.funnel
        else None,
        "segments": money.segment_ltv(figures, html),
    }
    return ctx


def _nps(n: NpsFigure, words: Words) -> dict[str, Any]:
    """NPS with its arithmetic and the answers it counts."""
    return {
        "score": words.dec(n.score, 1) if n.score is not None else "—",
        "work": html(words.work(n.work)),
        "promoters": words.num(n.promoters),
        "passives": words.num(n.passives),
        "detractors": words.num(n.detractors),
        "total": words.num(n.total),
        "source": words.label("site.econ.nps_scores" if n.from_scores else "site.econ.nps_counts"),
    }


def context_forecast(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Step 8: the ROI forecast per scenario (chart, months, ROI, payback) and plan against fact."""
    ctx = base_context(loaded, figures, "forecast")
    words: Words = ctx["words"]
    segments = _segment_names(loaded.plan)
    pvf = plan_vs_fact_view(figures)
    # the charts are drawn by `generator.draw.charts`, which escapes every label itself
    ctx["pvf"] = replace(escaped(pvf, html), chart=Markup(pvf.chart)) if pvf is not None else None
    ctx["groups"] = money.groups(figures, segments, html)
    ctx["reforecast"] = escaped(reforecast_view(figures), html)
    view = forecast_view(figures)
    ctx["f"] = replace(escaped(view, html), chart=Markup(view.chart)) if view is not None else None
    ctx["headings"] = tuple(md(s.name) for s in view.scenarios) if view is not None else ()  # Markdown headings
    if view is None:
        missing = money.missing_keys(figures, segments, html)
        empty = {"title": words.label("site.empty.title"), "text": missing} if missing else None
        ctx["empty"] = empty or _empty(words, "forecast")
    return ctx


def context_automation(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Problem 2: what is still done by hand, and the hours it costs."""
    ctx = base_context(loaded, figures, "automation")
    words: Words = ctx["words"]
    a = figures.automation
    if a is None or not a.items:
        ctx["a"] = None
        ctx["empty"] = _empty(words, "automation")
        return ctx
    ctx["a"] = {
        "rows": [
            {
                "process": html(i.process),
                "hours": words.dec(i.hours_per_month, 1) if i.hours_per_month is not None else "—",
                "tool": html(i.tool or "—"),
                "badge": status_badge(i.status, words, "site.auto"),
            }
            for i in a.items
        ],
        "manual": words.dec(a.manual_hours, 1),
        "planned": words.dec(a.planned_hours, 1),
        "automated": words.dec(a.automated_hours, 1),
        "by_hand": words.dec(a.by_hand_hours, 1),
        "year_work": html(words.work(a.by_hand_year_work)),
        "money": money.automation_cost(figures, html),
    }
    return ctx
