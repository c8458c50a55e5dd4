"""The PDF audit's sections, one builder each: the values `generator.present.pdf.build_context` gathers.

Split from `generator.present.pdf` so that no builder runs past a screen and the module stays small;
each takes the `Inputs` of one plan and returns what its part of `theme/pdf/audit.j2.html` prints.
The rules of `generator.present.pdf` hold here too: nothing is computed, plan text stays `str`
(the template autoescapes it), only sanitised Markdown and our own SVG are `Markup`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup

from generator.catalogue import FAMILIES
from generator.compute.arithmetic import Arithmetic
from generator.compute.audit import PRIORITY_ORDER, STATUS_ORDER, FamilyFigure, PracticeFigure, ToolFigure
from generator.compute.figures import Figures
from generator.draw import charts
from generator.draw.markup import render_inline, render_markdown
from generator.model import Plan
from generator.present.i18n import (
    PlanLanguage,
    fmt_arithmetic,
    fmt_date,
    fmt_decimal,
    fmt_money,
    fmt_number,
    fmt_percent,
    fmt_signed,
    t,
)
from generator.present.views import completion_band, evidence, nps_band, scenario_name

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
    """An action as the PDF lists it: what to do for a tool or practice, why it matters, with what."""

    family: str
    tool: str
    status: str
    status_label: str
    priority: str | None
    priority_label: str
    text: Markup  # the action (the plan's recommendation or the default advice), never a finding
    default: bool = False  # built-in advice, tagged discreetly so the consultant can tell it from their own
    why: str = ""
    tools: str = ""  # typical tools, comma-separated


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
class Inputs:
    """What every section builder reads: the plan, its figures, the language (with its locale), the currency."""

    plan: Plan
    figures: Figures
    lang: PlanLanguage
    cur: str
    changes: dict[str, Any]


def _band(band: str | None) -> str:
    return (band or "none").replace(" ", "-")


def _status_label(status: str, lang: str) -> str:
    return t(f"status.{status}", lang)


def _work(work: Arithmetic | None, lang: str, percent: bool = False) -> str:
    return fmt_arithmetic(work, lang, percent_result=percent) if work is not None else ""


def _signed(change: int | None, lang: str) -> str:
    return fmt_signed(change, lang)


def _recommendation(item: ToolFigure | PracticeFigure, lang: str) -> Recommendation:
    where = FAMILIES[item.family].label.in_(lang) if isinstance(item, ToolFigure) else t("pdf.practice", lang)
    return Recommendation(
        family=where,
        tool=item.label(lang),
        status=item.status.replace("/", "").replace(" ", "-"),
        status_label=_status_label(item.status, lang),
        priority=item.priority,
        priority_label=t(f"priority.{item.priority}", lang) if item.priority else "",
        text=render_inline(item.recommendation),
        default=item.recommendation_source == "default",
        why=item.why or "",
        tools=", ".join(item.typical_tools),
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
    acting = sorted(
        (tool for tool in family.tools if tool.recommendation),
        key=lambda tool: (PRIORITY_ORDER.index(tool.priority), STATUS_ORDER.index(tool.status)),
    )
    # inside its family's section the family's name goes without saying
    recommendations = tuple(replace(_recommendation(tool, lang), family="") for tool in acting)
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


_scenario_name = scenario_name  # the site's and the report's words (generator.present.views)
_evidence = evidence


def cover_section(x: Inputs) -> dict[str, Any]:
    """The cover: the client, the facts of the audit, the overall gauge and band."""
    business, audit, lang = x.plan.business, x.figures.audit, x.lang
    audit_day = audit.date if audit and audit.date else None
    figures = x.figures
    overall_label = t("pdf.overall", lang)
    cover = {
        "name": business.name,
        # a long company name is set smaller, so it keeps to two or three lines inside the cover's band
        "name_size": "long" if len(business.name) > 60 else "medium" if len(business.name) > 32 else "",
        "facts": [
            (t("fact.industry", lang), business.industry),
            (t("fact.region", lang), business.region),
            (t("fact.consultant", lang), business.consultant),
            (t("pdf.audit_date", lang), fmt_date(audit_day, lang) if audit_day else None),
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


def families_section(x: Inputs) -> tuple[tuple[FamilySection, ...], list[charts.Bar]]:
    """One section per family of tools, and the bars of the summary chart."""
    audit, lang, changes = x.figures.audit, x.lang, x.changes
    families = tuple(
        _family(f, lang, _signed(changes[f.id].change, lang) if f.id in changes else "")
        for f in (audit.families if audit else ())
    )
    bars = [
        charts.Bar(f.label(lang), f.score, f.band, changes[f.id].before if f.id in changes else None)
        for f in (audit.families if audit else ())
    ]
    return families, bars


def summary_section(x: Inputs, cover: dict[str, Any], bars: list[charts.Bar]) -> dict[str, Any]:
    """The summary: overall score, scores chart, key figures, top recommendations."""
    figures, lang, cur, audit, business = x.figures, x.lang, x.cur, x.figures.audit, x.plan.business
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
            tone = completion_band(rate)
            value = fmt_percent(rate, lang)
            detail = t("pdf.slots_done", lang).format(done=fmt_number(cal.done, lang), due=fmt_number(cal.due, lang))
        else:
            tone, value, detail = "neutral", "—", t("pdf.no_due", lang)
        key_figures.append(KeyFigure(t("pdf.content", lang), value, detail, tone))

    actions = audit.actions if audit else ()
    ranked = figures.summary.priorities if figures.summary else None
    if ranked is not None:
        # the summary's ranking: the CRM tool and practice as one action, sales-department advice put aside
        top = tuple(_recommendation(a.item, lang) for a in ranked.high)
    else:
        top = tuple(_recommendation(r, lang) for r in actions if r.priority == HIGH)
    issues = tuple(
        (p, fmt_number((audit.issues if audit else {}).get(p, 0), lang), t(f"pdf.issue.{p}", lang))
        for p in ("high", "medium", "low")
    )
    summary = {
        "overall": fmt_number(audit.overall, lang) if audit and audit.overall is not None else "—",
        "overall_work": _work(audit.overall_work, lang) if audit else "",
        "band": cover["band"],
        "band_label": cover["band_label"],
        "bars": Markup(charts.render_score_bars(bars, lang, title=t("pdf.scores", lang), width=470)) if bars else "",
        "key_figures": tuple(key_figures),
        "top": top,
        "issues": issues,
        "issues_total": sum(audit.issues.values()) if audit else 0,
        "more": t("pdf.more_actions", lang).format(count=fmt_number(len(actions) - len(top), lang))
        if len(actions) > len(top)
        else "",
        "description": render_markdown(business.description),
        "current_state": render_markdown(business.current_state),
    }
    return summary


def practices_section(x: Inputs) -> tuple[dict[str, Any], ...]:
    """The four standing problems: status, finding, evidence."""
    audit, lang = x.figures.audit, x.lang
    practices = tuple(
        {
            "name": p.label(lang),
            "status": p.status.replace("/", "").replace(" ", "-"),
            "status_label": _status_label(p.status, lang),
            "finding": render_markdown(p.finding),
            "recommendation": render_markdown(p.recommendation),
            "default": p.recommendation_source == "default",
            "tool": p.tool or "",
            "evidence": _evidence(p.evidence.metric, p.evidence.value, lang),
            "differs": p.evidence.status is not None
            and p.status in ("absent", "partial", "done")
            and p.evidence.status != p.status,
        }
        for p in (audit.practices if audit else ())
    )
    return practices


def comparison_section(x: Inputs) -> dict[str, Any] | None:
    """Scores before and after, against the previous audit."""
    audit, lang = x.figures.audit, x.lang
    comparison = audit.comparison if audit else None
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
    return comparison_ctx


def _num_or_dash(value: int | None, lang: str) -> str:
    return fmt_number(value, lang) if value is not None else "—"


def _trend(change: int | None) -> str:
    if change is None or change == 0:
        return "flat"
    return "up" if change > 0 else "down"


