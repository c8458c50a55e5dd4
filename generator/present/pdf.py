"""The values the PDF audit template shows, prepared once: words, formatted numbers, charts.

`theme/pdf/audit.j2.html` holds layout only. Everything it prints comes from
`build_context`: labels in the plan's language (`generator.present.i18n`), numbers and worked
arithmetic formatted by babel, plan Markdown sanitised by `generator.render.markup`, charts drawn by
`generator.render.charts`. Nothing here computes a figure: the figures arrive in `Figures`.

Plain text from the plan stays a `str` (the template autoescapes it); only sanitised
Markdown and our own SVG are `Markup`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from generator.compute.arithmetic import Arithmetic
from generator.compute.audit import FamilyFigure, ToolFigure
from generator.compute.figures import Figures
from generator.model import LoadedPlan
from generator.present.branding import Branding
from generator.present.format import fmt_months, fmt_quantity
from generator.present.i18n import (
    LABELS,
    PlanLanguage,
    fmt_arithmetic,
    fmt_date,
    fmt_decimal,
    fmt_money,
    fmt_month,
    fmt_month_from,
    fmt_number,
    fmt_percent,
    t,
)
from generator.present.views import (
    CompetitorView,
    RoadmapRow,
    SegmentView,
    competitor_views,
    component_label,
    goal_views,
    roadmap_rows,
    segment_views,
)
from generator.render import charts
from generator.render.markup import render_inline, render_markdown

HIGH = "high"


@dataclass(frozen=True)
class KeyFigure:
    """A headline number with its worked arithmetic or a short explanation."""

    label: str
    value: str
    detail: str = ""
    tone: str = "neutral"  # poor | needs-work | good | neutral


@dataclass(frozen=True)
class Recommendation:
    """A tool's recommendation as the PDF lists it."""

    family: str
    tool: str
    status: str
    status_label: str
    priority: str | None
    priority_label: str
    text: Markup


@dataclass(frozen=True)
class ToolRow:
    """A row of a family's tools table."""

    name: str
    custom: bool
    status: str
    status_label: str
    weight: str
    finding: Markup


@dataclass(frozen=True)
class FamilySection:
    """One family's page: score, worked score, tools (failed first), recommendations."""

    id: str
    anchor: str
    name: str
    score: str
    band: str
    band_label: str
    work: str
    tools: tuple[ToolRow, ...]
    recommendations: tuple[Recommendation, ...]
    change: str = ""


@dataclass(frozen=True)
class Context:
    """Everything the template needs; `asdict` is not used, the template reads attributes."""

    lang: str
    L: dict[str, str]
    meta: dict[str, str]
    cover: dict[str, Any]
    summary: dict[str, Any]
    families: tuple[FamilySection, ...]
    practices: tuple[dict[str, Any], ...]
    economics: dict[str, Any] | None
    automation: dict[str, Any] | None
    forecast: dict[str, Any] | None
    checkpoints: dict[str, Any] | None
    strategy: dict[str, Any] | None
    content: dict[str, Any] | None
    comparison: dict[str, Any] | None
    method: dict[str, Any]
    toc: tuple[tuple[str, str], ...] = field(default=())
    audience: tuple[tuple[SegmentView, Markup], ...] = field(default=())  # steps 3–4, with the sanitised portrait
    competitors: tuple[tuple[CompetitorView, Markup], ...] = field(default=())  # step 5, with the notes
    roadmap: tuple[RoadmapRow, ...] = field(default=())  # step 8: owners, dates, costs
    branding: Branding = field(default_factory=Branding)  # the consultant's, from mkdocs.yml


def _band(band: str | None) -> str:
    return (band or "none").replace(" ", "-")


def _status_label(status: str, lang: str) -> str:
    return t(f"status.{status}", lang)


def _work(work: Arithmetic | None, lang: str, percent: bool = False) -> str:
    return fmt_arithmetic(work, lang, percent_result=percent) if work is not None else ""


def _signed(change: int | None, lang: str) -> str:
    if change is None:
        return "—"
    text = fmt_number(abs(change), lang)
    return f"+{text}" if change > 0 else f"−{text}" if change < 0 else "0"


def _recommendation(tool: ToolFigure, lang: str) -> Recommendation:
    return Recommendation(
        family=t("pdf.families", lang),
        tool=tool.label(lang),
        status=tool.status,
        status_label=_status_label(tool.status, lang),
        priority=tool.priority,
        priority_label=t(f"priority.{tool.priority}", lang) if tool.priority else "",
        # a priority without a recommendation still says what was found
        text=render_inline(tool.recommendation or tool.finding),
    )


def _family(family: FamilyFigure, lang: str, change: str) -> FamilySection:
    tools = tuple(
        ToolRow(
            name=tool.label(lang),
            custom=tool.custom,
            status=tool.status.replace("/", "").replace(" ", "-"),
            status_label=_status_label(tool.status, lang),
            weight=fmt_decimal(tool.weight, lang) if tool.scored else "—",
            finding=render_inline(tool.finding),
        )
        for tool in family.tools
    )
    recommendations = tuple(_recommendation(tool, lang) for tool in family.tools if tool.recommendation)
    return FamilySection(
        id=family.id,
        anchor=f"family-{family.id}",
        name=family.label(lang),
        score=fmt_number(family.score, lang) if family.score is not None else "—",
        band=_band(family.band),
        band_label=t(f"band.{family.band}", lang) if family.band else t("status.not assessed", lang),
        work=_work(family.work, lang) if family.work else t("pdf.no_score", lang),
        tools=tools,
        recommendations=recommendations,
        change=change,
    )


def _scenario_name(name: str, lang: str) -> str:
    key = f"pdf.scenario.{name}"
    return t(key, lang) if key in LABELS else name


def _evidence(metric: str, value: float | str | None, lang: str) -> str:
    if value is None:
        return t("pdf.evidence.none", lang)
    if metric == "completion_rate" and isinstance(value, float | int):
        shown = fmt_percent(value, lang)
    elif metric == "crm_status" and isinstance(value, str):
        shown = _status_label(value, lang)
    elif isinstance(value, float | int):
        shown = fmt_decimal(value, lang, 1)
    else:
        shown = str(value)
    return t(f"pdf.evidence.{metric}", lang).format(value=shown)


def build_context(loaded: LoadedPlan, figures: Figures, branding: Branding | None = None) -> Context:
    """The template's values for one plan's audit (pure: same plan and figures, same context)."""
    plan = loaded.plan
    lang = PlanLanguage(figures.language, figures.locale)
    cur = figures.currency
    labels = {key: label.in_(lang) for key, label in LABELS.items()}
    business = plan.business
    audit = figures.audit
    audit_day = audit.date if audit and audit.date else None
    document_day = audit_day or figures.today

    meta = {
        "title": f"{t('pdf.title', lang)} — {business.name}",
        "author": business.consultant or "",
        "date": document_day.isoformat(),
        "description": t("pdf.subtitle", lang),
        "keywords": ", ".join(x for x in (business.industry, business.region) if x),
    }

    comparison = audit.comparison if audit else None
    changes = {c.id: c for c in comparison.families} if comparison else {}

    # cover -------------------------------------------------------------------------------------
    overall_label = t("pdf.overall", lang)
    cover = {
        "name": business.name,
        "facts": [
            (t("pdf.industry", lang), business.industry),
            (t("pdf.region", lang), business.region),
            (t("pdf.consultant", lang), business.consultant),
            (t("pdf.audit_date", lang), fmt_date(audit_day, lang) if audit_day else None),
            (t("pdf.figures_on", lang), fmt_date(figures.today, lang)),
        ],
        "gauge": Markup(
            charts.render_gauge(
                audit.overall if audit else None, audit.band if audit else None, lang, title=overall_label, size=150
            )
        ),
        "band": _band(audit.band if audit else None),
        "band_label": t(f"band.{audit.band}", lang) if audit and audit.band else t("status.not assessed", lang),
    }

    # families ---------------------------------------------------------------------------------------
    families = tuple(
        _family(f, lang, _signed(changes[f.id].change, lang) if f.id in changes else "")
        for f in (audit.families if audit else ())
    )
    bars = [
        charts.Bar(f.label(lang), f.score, f.band, changes[f.id].before if f.id in changes else None)
        for f in (audit.families if audit else ())
    ]

    # summary ----------------------------------------------------------------------------------------
    key_figures: list[KeyFigure] = []
    e = figures.economics
    if e and e.ltv is not None:
        key_figures.append(KeyFigure(t("pdf.ltv", lang), fmt_money(e.ltv, cur, lang), _work(e.ltv_work, lang)))
    if e and e.nps and e.nps.score is not None:
        nps = e.nps.score
        tone = "good" if nps >= 50 else "needs-work" if nps >= 0 else "poor"
        key_figures.append(KeyFigure(t("pdf.nps", lang), fmt_decimal(nps, lang, 1), _work(e.nps.work, lang), tone))
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
            tone = "good" if rate >= 0.9 else "needs-work" if rate >= 0.5 else "poor"
            value = fmt_percent(rate, lang)
            detail = t("pdf.slots_done", lang).format(done=fmt_number(cal.done, lang), due=fmt_number(cal.due, lang))
        else:
            tone, value, detail = "neutral", "—", t("pdf.no_due", lang)
        key_figures.append(KeyFigure(t("pdf.content_completion", lang), value, detail, tone))

    top = tuple(_recommendation(r, lang) for r in (audit.recommendations if audit else ()) if r.priority == HIGH)
    summary = {
        "overall": fmt_number(audit.overall, lang) if audit and audit.overall is not None else "—",
        "overall_work": _work(audit.overall_work, lang) if audit else "",
        "band": cover["band"],
        "band_label": cover["band_label"],
        "bars": Markup(charts.render_score_bars(bars, lang, title=t("pdf.scores", lang), width=470)) if bars else "",
        "key_figures": tuple(key_figures),
        "top": top,
        "description": render_markdown(business.description),
        "current_state": render_markdown(business.current_state),
    }

    # practices --------------------------------------------------------------------------------------
    practices = tuple(
        {
            "name": p.label(lang),
            "status": p.status.replace("/", "").replace(" ", "-"),
            "status_label": _status_label(p.status, lang),
            "finding": render_markdown(p.finding),
            "recommendation": render_markdown(p.recommendation),
            "tool": p.tool or "",
            "evidence": _evidence(p.evidence.metric, p.evidence.value, lang),
            "differs": p.evidence.status is not None
            and p.status in ("absent", "partial", "done")
            and p.evidence.status != p.status,
        }
        for p in (audit.practices if audit else ())
    )

    # economics --------------------------------------------------------------------------------------
    economics = None
    if e:
        rows = []
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

    # forecast ---------------------------------------------------------------------------------------
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

    # checkpoints ------------------------------------------------------------------------------------
    checkpoints = None
    if figures.checkpoints:
        checkpoints = {
            "rows": tuple(
                (
                    fmt_date(k.date, lang, "short"),
                    k.goal_title,
                    _goal_value(k.target, k.unit, lang, cur),
                    _goal_value(k.actual, k.unit, lang, cur),
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

    # strategy ---------------------------------------------------------------------------------------
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

    # content ----------------------------------------------------------------------------------------
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
        }

    # comparison -------------------------------------------------------------------------------------
    comparison_ctx = None
    if comparison and audit:
        names = {f.id: f.label(lang) for f in audit.families}
        rows_c = [
            (
                names[c.id],
                _num_or_dash(c.before, lang),
                _num_or_dash(c.after, lang),
                _signed(c.change, lang),
                _trend(c.change),
            )
            for c in comparison.families
        ]
        o = comparison.overall
        rows_c.append(
            (
                t("pdf.overall", lang),
                _num_or_dash(o.before, lang),
                _num_or_dash(o.after, lang),
                _signed(o.change, lang),
                _trend(o.change),
            )
        )
        comparison_ctx = {
            "previous_date": fmt_date(comparison.previous_date, lang) if comparison.previous_date else "—",
            "rows": tuple(rows_c),
        }

    method = {
        "steps": tuple(
            (
                step.number,
                step.label(lang),
                t("pdf.step_filled" if step.filled else "pdf.step_empty", lang),
                step.filled,
            )
            for step in figures.steps
        ),
    }

    toc: list[tuple[str, str]] = [("summary", t("pdf.summary", lang))]
    toc += [(f.anchor, f.name) for f in families]
    if practices:
        toc.append(("practices", t("pdf.practices", lang)))
    if economics or automation or forecast:
        toc.append(("economics", t("pdf.economics", lang)))
    if checkpoints:
        toc.append(("checkpoints", t("pdf.checkpoints", lang)))
    audience = tuple((s, render_markdown(s.portrait)) for s in segment_views(plan, lang))
    competitors = tuple((c, render_markdown(c.notes)) for c in competitor_views(plan))
    if audience:
        toc.append(("audience", t("pdf.audience", lang)))
    if competitors:
        toc.append(("competitors", t("pdf.competitors", lang)))
    if strategy:
        toc.append(("strategy", t("pdf.strategy", lang)))
    if content:
        toc.append(("content", t("pdf.content", lang)))
    if comparison_ctx:
        toc.append(("comparison", t("pdf.comparison", lang)))
    toc.append(("method", t("pdf.method", lang)))

    return Context(
        lang=lang,
        L=labels,
        meta=meta,
        cover=cover,
        summary=summary,
        families=families,
        practices=practices,
        economics=economics,
        automation=automation,
        forecast=forecast,
        checkpoints=checkpoints,
        strategy=strategy,
        content=content,
        comparison=comparison_ctx,
        method=method,
        toc=tuple(toc),
        audience=audience,
        competitors=competitors,
        roadmap=roadmap_rows(plan, lang),
        branding=branding or Branding(),
    )


def _num_or_dash(value: int | None, lang: str) -> str:
    return fmt_number(value, lang) if value is not None else "—"


def _trend(change: int | None) -> str:
    if change is None or change == 0:
        return "flat"
    return "up" if change > 0 else "down"


def _goal_value(value: float | None, unit: str | None, lang: str, currency: str) -> str:
    return fmt_quantity(value, unit, lang, currency)
