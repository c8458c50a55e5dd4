"""The values of the money pages: checkpoints and the correction agenda, economics, forecast, automation."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from markupsafe import Markup

from generator.compute.figures import Figures
from generator.model import LoadedPlan
from generator.present.automation import automation_view
from generator.present.checkpoints import checkpoints_view
from generator.present.economics import customer_groups, economics_view, missing_text
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
)
from generator.present.summary import escaped


def context_checkpoints(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Step 8: targets against actuals on each checkpoint, and where to correct the strategy."""
    ctx = base_context(loaded, figures, "checkpoints")
    view = checkpoints_view(figures)
    ctx["cp"] = escaped(view, html)
    if view is None:
        ctx["empty"] = _empty(ctx["words"], "checkpoints")
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
    """Step 8: the ROI forecast per scenario (chart, months, ROI, payback) and plan against fact."""
    ctx = base_context(loaded, figures, "forecast")
    words: Words = ctx["words"]
    segments = _segment_names(loaded.plan)
    pvf = plan_vs_fact_view(figures)
    # the charts are drawn by `generator.draw.charts`, which escapes every label itself
    ctx["pvf"] = replace(escaped(pvf, html), chart=Markup(pvf.chart)) if pvf is not None else None
    ctx["groups"] = escaped(customer_groups(figures, segments), html)
    ctx["reforecast"] = escaped(reforecast_view(figures), html)
    view = forecast_view(figures)
    ctx["f"] = replace(escaped(view, html), chart=Markup(view.chart)) if view is not None else None
    ctx["headings"] = tuple(md(s.name) for s in view.scenarios) if view is not None else ()  # Markdown headings
    if view is None:
        missing = escaped(missing_text(figures, segments), html)
        empty = {"title": words.label("site.empty.title"), "text": missing} if missing else None
        ctx["empty"] = empty or _empty(words, "forecast")
    return ctx


def context_automation(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Problem 2: what is still done by hand, and the hours it costs (`AutomationView`)."""
    ctx = base_context(loaded, figures, "automation")
    view = automation_view(figures)
    ctx["a"] = escaped(view, html) if view is not None else None
    if view is None:
        ctx["empty"] = _empty(ctx["words"], "automation")
    return ctx
