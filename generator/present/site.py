"""Values for the site's page templates, prepared once so that templates hold layout only.

The page templates (`theme/pages/*.j2.md`) are rendered by a Jinja environment without
autoescaping (they produce Markdown), so everything that comes from a plan is escaped *here*:
Markdown fields become sanitised HTML (`render_markdown`/`render_inline`), plain fields are
escaped for the context they land in — `escape_text` inside HTML blocks, `escape_markdown` in
Markdown lines (headings). Numbers and dates are formatted with `generator.present.i18n` in the plan's
language; nothing is recomputed: every figure arrives from `generator.compute.figures`.

Charts come from `generator.render.charts` (shared with the PDF); a chart that module does not offer
yet is simply left out of the page.
"""

from __future__ import annotations

import calendar as calendar_lib
from collections.abc import Callable
from datetime import date
from typing import Any

from markupsafe import Markup

from generator.catalogue import FAMILIES
from generator.compute.audit import PracticeFigure, ToolFigure
from generator.compute.checkpoints import KpiFigure
from generator.compute.figures import Figures
from generator.compute.schedule import CalendarFigures, Slot
from generator.model import LoadedPlan
from generator.present import money
from generator.present.briefs import brief_lines, slot_headline, source_rows
from generator.present.format import fmt_months
from generator.present.i18n import (
    fmt_month,
    fmt_month_from,
)
from generator.present.site_base import (
    HOURS_YARDSTICK,
    PAGES,
    STEP_PAGES,
    WEEKDAY_KEYS,
    Labels,
    Words,
    _empty,
    _goal_value,
    _scenario_name,
    _segment_names,
    _svg,
    band_badge,
    base_context,
    chart_title,
    front_matter,
    html,
    md,
    status_badge,
)
from generator.present.site_steps import (
    context_audience,
    context_competitors,
    context_goals,
    context_overview,
    context_portfolio,
    context_roadmap,
    context_strategy,
)
from generator.render import charts
from generator.render.markup import escape_text, render_inline


def _source_tag(source: str | None, words: Words) -> Markup:
    """A discreet tag on built-in advice, so the consultant can tell it from their own (nothing on theirs)."""
    if source != "default":
        return Markup("")
    title = escape_text(words.label("site.audit.default_title"))
    text = escape_text(words.label("site.audit.default_tag"))
    return Markup(f'<span class="pb-tag" title="{title}">{text}</span>')


def _tool_row(tool: ToolFigure, words: Words) -> dict[str, Any]:
    return {
        "label": html(tool.label(words.language)),
        "badge": status_badge(tool.status, words),
        "weight": words.dec(tool.weight) if tool.scored else "—",
        "finding": render_inline(tool.finding),
        "recommendation": render_inline(tool.recommendation),
        "source": _source_tag(tool.recommendation_source, words),
        "priority": status_badge(tool.priority, words, "priority") if tool.priority else Markup(""),
        "family": html(FAMILIES[tool.family].label.in_(words.language)),
    }


def _action(item: ToolFigure | PracticeFigure, words: Words) -> dict[str, Any]:
    """One entry of the ordered list of actions: what to do, why it matters, with what; the finding apart."""
    if isinstance(item, ToolFigure):
        where = FAMILIES[item.family].label.in_(words.language)
    else:
        where = words.label("site.audit.practice")
    return {
        "priority": item.priority or "none",
        "badge": status_badge(item.priority, words, "priority") if item.priority else Markup(""),
        "label": html(item.label(words.language)),
        "where": html(where),
        "status": status_badge(item.status, words),
        "text": render_inline(item.recommendation),
        "source": _source_tag(item.recommendation_source, words),
        "why": html(item.why) if item.why else None,
        "tools": html(", ".join(item.typical_tools)) if item.typical_tools else None,
        "finding": render_inline(item.finding) if item.finding else None,
    }


def _issues(issues: dict[str, int], words: Words) -> list[dict[str, Any]]:
    """Issues counted by priority, Lighthouse-style: high, medium, low, each with its number."""
    return [
        {"priority": p, "count": words.num(issues.get(p, 0)), "label": html(words.label(f"priority.{p}"))}
        for p in ("high", "medium", "low")
    ]


def _signed(change: int | None, words: Words) -> str:
    if change is None:
        return "—"
    return ("+" if change > 0 else "−" if change < 0 else "±") + words.num(abs(change))


def context_audit(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Step 6: scores per family with bands, tools with status badges, findings, practices, change."""
    ctx = base_context(loaded, figures, "audit")
    words: Words = ctx["words"]
    a = figures.audit
    if a is None:
        ctx["empty"] = _empty(words, "audit")
        ctx["audit"] = None
        return ctx
    families = [
        {
            "label": html(f.label(words.language)),
            "anchor": f"family-{f.id}",
            "score": str(f.score) if f.score is not None else "—",
            "band": band_badge(f.band, words),
            "work": html(words.work(f.work)) if f.work else html(words.label("site.audit.no_scored")),
            "tools": [_tool_row(tool, words) for tool in f.tools],
        }
        for f in a.families
    ]
    practices = [
        {
            "label": html(p.label(words.language)),
            "badge": status_badge(p.status, words),
            "finding": render_inline(p.finding),
            "recommendation": render_inline(p.recommendation),
            "source": _source_tag(p.recommendation_source, words),
            "why": html(p.why) if p.why and p.recommendation else None,
            "priority": status_badge(p.priority, words, "priority") if p.priority else Markup(""),
            "tool": html(p.tool) if p.tool else None,
            "evidence": html(_evidence(p.evidence.metric, p.evidence.value, words)),
            "suggested": status_badge(p.evidence.status, words) if p.evidence.status else Markup(""),
        }
        for p in a.practices
    ]
    comparison = None
    if a.comparison is not None:
        rows = [
            {
                "label": html(a.family(ch.id).label(words.language)),
                "before": words.num(ch.before),
                "after": words.num(ch.after),
                "change": _signed(ch.change, words),
                "trend": "up" if (ch.change or 0) > 0 else "down" if (ch.change or 0) < 0 else "same",
            }
            for ch in a.comparison.families
        ]
        o = a.comparison.overall
        rows.append(
            {
                "label": html(words.label("site.audit.overall")),
                "before": words.num(o.before),
                "after": words.num(o.after),
                "change": _signed(o.change, words),
                "trend": "up" if (o.change or 0) > 0 else "down" if (o.change or 0) < 0 else "same",
            }
        )
        comparison = {"date": words.day(a.comparison.previous_date), "rows": rows}
    ctx["audit"] = {
        "date": words.day(a.date),
        "overall": str(a.overall) if a.overall is not None else "—",
        "band": band_badge(a.band, words),
        "overall_work": html(words.work(a.overall_work)),
        "gauge": _svg(charts.render_gauge(a.overall, a.band, words.language, title=words.label("site.audit.overall"))),
        "bars": _svg(
            charts.render_score_bars(
                [
                    charts.Bar(
                        f.label(words.language),
                        f.score,
                        f.band,
                        a.comparison.families[i].before if a.comparison else None,
                    )
                    for i, f in enumerate(a.families)
                ],
                words.language,
                title=words.label("site.audit.families"),
            )
        ),
        "families": families,
        "issues": _issues(a.issues, words),
        "issues_total": sum(a.issues.values()),
        "actions": [_action(item, words) for item in a.actions],
        "practices": practices,
        "comparison": comparison,
    }
    return ctx


def _evidence(metric: str, value: float | str | None, words: Words) -> str:
    """What the rest of the plan says about a practice, in words."""
    if value is None:
        return words.label("site.evidence.none")
    if metric == "crm_status":
        return words.label("site.evidence.crm_status").format(value=words.label(f"status.{value}"))
    number = float(value)
    if metric == "completion_rate":
        return words.label("site.evidence.completion_rate").format(value=words.pct(number))
    if metric == "manual_hours":
        return words.label("site.evidence.manual_hours").format(value=words.dec(number, 1))
    return words.label("site.evidence.business_metrics").format(value=words.num(number))


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
    if not ctx["checkpoints"]:
        ctx["empty"] = _empty(words, "checkpoints")
    return ctx


def context_economics(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Business metrics with their arithmetic written out: LTV, LTV/CAC, NPS, the funnel."""
    ctx = base_context(loaded, figures, "economics")
    words: Words = ctx["words"]
    e = figures.economics
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
    nps = None
    if e.nps is not None:
        nps = {
            "score": words.dec(e.nps.score, 1) if e.nps.score is not None else "—",
            "work": html(words.work(e.nps.work)),
            "promoters": words.num(e.nps.promoters),
            "passives": words.num(e.nps.passives),
            "detractors": words.num(e.nps.detractors),
            "total": words.num(e.nps.total),
            "source": words.label("site.econ.nps_scores" if e.nps.from_scores else "site.econ.nps_counts"),
        }
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


def context_forecast(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Step 8: the ROI forecast per scenario: chart, months, ROI and payback."""
    ctx = base_context(loaded, figures, "forecast")
    words: Words = ctx["words"]
    f = figures.forecast
    segments = _segment_names(loaded.plan)
    ctx["pvf"] = money.plan_vs_fact(figures, html)
    ctx["groups"] = money.groups(figures, segments, html)
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
            )
        )
        if f.scenarios
        else None,
    }
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


def _slot_text(slot: Slot, words: Words, segments: dict[str, str]) -> str:
    """One line describing a slot (for the grid's tooltip and the upcoming list)."""
    kind = {
        "done": "slot.done",
        "missed": "slot.missed",
        "new": "slot.new",
        "refresh": "slot.refresh",
        "repurpose": "slot.repurpose",
        "research": "slot.research",
    }[slot.kind]
    text = words.label(kind)
    if slot.planned and slot.kind != "research":
        text = slot_headline(slot, words.language)
    elif slot.title:
        text += f": {slot.title}"
    if slot.segment:
        text += f" ({segments.get(slot.segment, slot.segment)})"
    return text


def _mark(slot: Slot) -> tuple[str, str]:
    """CSS modifier and a one-letter text mark, so the grid never relies on colour alone."""
    if slot.kind == "done":
        return "done", "✓"
    if slot.kind == "missed":
        return "missed", "✗"
    if slot.is_today:
        return "today", "●"
    return slot.kind, {"new": "+", "refresh": "↻", "repurpose": "↗", "research": "?"}[slot.kind]


def _month_grids(c: CalendarFigures, words: Words, segments: dict[str, str]) -> list[dict[str, Any]]:
    by_day = {s.date: s for s in c.days}
    holidays = set(c.holidays)
    months = []
    year, month = c.start.year, c.start.month
    while (year, month) <= (c.end.year, c.end.month):
        weeks = []
        for week in calendar_lib.Calendar(firstweekday=0).monthdatescalendar(year, month):
            cells: list[dict[str, Any] | None] = []
            for day in week:
                if day.month != month:
                    cells.append(None)
                    continue
                slot = by_day.get(day)
                if slot is None:
                    css = "holiday" if day in holidays else "off"
                    title = words.label("site.cal.holiday" if day in holidays else "site.cal.no_slot")
                    cells.append({"day": day.day, "css": css, "mark": "", "title": html(title)})
                else:
                    css, mark = _mark(slot)
                    cells.append(
                        {"day": day.day, "css": css, "mark": mark, "title": html(_slot_text(slot, words, segments))}
                    )
            weeks.append(cells)
        months.append({"title": fmt_month(date(year, month, 1), words.language), "weeks": weeks})
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return months


def context_calendar(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Problem 1: the daily content discipline: month grids, heatmap, streaks, hours, projection."""
    ctx = base_context(loaded, figures, "calendar")
    words: Words = ctx["words"]
    c = figures.calendar
    if c is None:
        ctx["c"] = None
        ctx["empty"] = _empty(words, "calendar")
        return ctx
    segments = _segment_names(loaded.plan)
    next_slot = c.next_slot
    upcoming = [s for s in c.days if s.planned][:14]
    ctx["c"] = {
        "period": f"{words.day(c.start)} – {words.day(c.end)}",  # the en dash of the PDF and the report
        "stats": [
            {"label": words.label("site.cal.slots"), "value": words.num(c.slots)},
            {"label": words.label("site.cal.done"), "value": words.num(c.done)},
            {"label": words.label("site.cal.missed"), "value": words.num(c.missed)},
            {
                "label": words.label("site.cal.rate"),
                "value": words.pct(c.completion_rate) if c.completion_rate is not None else "—",
            },
            {"label": words.label("site.cal.current_streak"), "value": words.num(c.current_streak)},
            {"label": words.label("site.cal.longest_streak"), "value": words.num(c.longest_streak)},
            {"label": words.label("site.cal.projected"), "value": words.num(c.projected)},
            {"label": words.label("site.cal.to_write"), "value": words.num(c.to_write)},
        ],
        "hours": words.dec(c.hours, 1),
        "yardstick": words.num(HOURS_YARDSTICK),
        "hours_share": words.pct(c.hours / HOURS_YARDSTICK),
        "hours_width": f"{min(100.0, 100 * c.hours / HOURS_YARDSTICK):.1f}%",
        "hours_text": words.label("site.cal.hours_text").format(
            hours=words.dec(c.hours, 1), yardstick=words.num(HOURS_YARDSTICK), minutes=words.num(c.minutes_per_day)
        ),
        "planned": words.label("ideas.site.planned_text").format(
            new=words.num(c.planned_new),
            refresh=words.num(c.planned_refresh),
            repurpose=words.num(c.planned_repurpose),
            research=words.num(c.planned_research),
        ),
        "next": html(slot_headline(next_slot, words.language)) if next_slot else None,
        "next_date": words.day(next_slot.date) if next_slot else None,
        "next_brief": [html(line) for line in brief_lines(next_slot, words.language, segments, c.minutes_per_day)]
        if next_slot
        else [],
        "sources": [{"label": a, "count": b, "share": c_} for a, b, c_ in source_rows(c, words.language)],
        "briefs": [
            {
                "date": words.day(s.date, "short"),
                "kind": status_badge(s.kind, words, "site.slotkind"),
                "title": html(slot_headline(s, words.language)),
                "brief": [html(line) for line in brief_lines(s, words.language, segments, c.minutes_per_day)],
                "idea": html(s.idea or ""),
            }
            for s in upcoming
        ],
        "weekdays": [words.label(f"site.wd.{d}") for d in WEEKDAY_KEYS],
        "months": _month_grids(c, words, segments),
        "heatmap": _svg(
            charts.render_heatmap(
                [(s.date, s.kind) for s in c.days],
                c.start,
                c.end,
                words.language,
                title=words.label("site.cal.heatmap"),
                today=c.today,
            )
        ),
        "off_slot": len(c.off_slot),
    }
    return ctx


def context_downloads(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """The PDF audit, the .ics feed to subscribe to, and the CSV."""
    ctx = base_context(loaded, figures, "downloads")
    ctx["has_calendar"] = figures.calendar is not None
    ctx["slug"] = loaded.slug
    return ctx


CONTEXTS: dict[str, Callable[[LoadedPlan, Figures], dict[str, Any]]] = {
    "index": context_overview,
    "goals": context_goals,
    "audience": context_audience,
    "competitors": context_competitors,
    "audit": context_audit,
    "strategy": context_strategy,
    "roadmap": context_roadmap,
    "checkpoints": context_checkpoints,
    "economics": context_economics,
    "forecast": context_forecast,
    "automation": context_automation,
    "calendar": context_calendar,
    "downloads": context_downloads,
}


__all__ = [
    "CONTEXTS",
    "PAGES",
    "STEP_PAGES",
    "Labels",
    "Words",
    "band_badge",
    "chart_title",
    "context_portfolio",
    "front_matter",
    "status_badge",
]
