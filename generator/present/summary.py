"""The one-page summary's display values, decided once for the site's overview, the PDF's page 2,
`playbook today` and the terminal report.

Plain strings in the plan's language (the site escapes them, the PDF template autoescapes them).
Nothing here is consultant-facing: no plan keys, idea ids or commands (those stay in `check` and
`report`); the method's textbook example never appears, only this client's figures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date
from typing import Any

from babel.dates import format_skeleton

from generator.compute.figures import Figures
from generator.compute.priorities import Action
from generator.compute.summary import MoneySummary, Verdict
from generator.compute.week import WeekItem, Window
from generator.model import Plan
from generator.present.briefs import slot_headline
from generator.present.format import fmt_count, fmt_months, fmt_quantity
from generator.present.i18n import (
    PlanLanguage,
    fmt_arithmetic,
    fmt_date,
    fmt_decimal,
    fmt_money,
    fmt_month,
    fmt_percent,
    locale,
    t,
)


@dataclass(frozen=True)
class Line:
    """One area's state in one sentence."""

    area: str
    text: str


@dataclass(frozen=True)
class PriorityView:
    """One of the three priorities: what, the action, why (goals and the plan's initiative)."""

    title: str
    action: str
    why: str


@dataclass(frozen=True)
class MoneyView:
    """Value of a new customer, its cost, their ratio, and the verdict: labels, values, notes."""

    value_label: str
    value: str
    value_note: str
    cost_label: str
    cost: str
    cost_note: str
    ratio_label: str
    ratio: str
    ratio_note: str
    verdict: str
    value_basis: str = ""  # what the value counts ("прибыли за всё время покупок"): the PDF key figure's note
    value_work: str = ""  # the worked arithmetic (the economics page shows it)
    cost_work: str = ""
    ratio_work: str = ""


@dataclass(frozen=True)
class WeekRow:
    """A dated item of this week."""

    day: str  # "пн, 7 декабря" / "Mon, December 7" (en-US) / "Mon 7 December" (en-GB)
    kind: str  # Статья / Улучшение
    title: str


@dataclass(frozen=True)
class WindowView:
    """One of the next three 30-day windows."""

    heading: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class SummaryView:
    """Everything the one-page summary shows, as text."""

    title: str
    state: tuple[Line, ...]
    priorities: tuple[PriorityView, ...]
    priorities_none: str | None
    aside: str | None
    money: MoneyView | None
    week: tuple[WeekRow, ...]
    week_none: str | None
    windows: tuple[WindowView, ...]
    labels: dict[str, str]  # headings: state, priorities, money, week, next90, week_intro


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def verdict_text(v: Verdict, lang: PlanLanguage) -> str:
    """The verdict in one sentence (or two, when the actuals contradict the plan's payback month)."""
    return _verdict(v, lang)


def _verdict(v: Verdict, lang: PlanLanguage) -> str:
    horizon = fmt_months(v.months, lang)
    roi = fmt_percent(v.roi, lang) if v.roi is not None else "—"
    kind = "plan" if v.source == "plan" else "actual"
    if v.payback_month is not None and v.payback_date is not None:
        months, month = fmt_months(v.payback_month, lang), fmt_month(v.payback_date, lang)
        text = t(f"summary.verdict.{kind}", lang).format(months=months, month=month, horizon=horizon, roi=roi)
    else:
        text = t(f"summary.verdict.{kind}_none", lang).format(horizon=horizon, roi=roi)
    text = _cap(text)
    if v.source == "actuals":
        if v.contradicted and v.planned_payback_date is not None:
            text += " " + t("summary.verdict.contradicted", lang).format(month=fmt_month(v.planned_payback_date, lang))
        elif v.planned_payback_date is not None and v.planned_payback_month != v.payback_month:
            text += " " + t("summary.verdict.planned", lang).format(month=fmt_month(v.planned_payback_date, lang))
        elif v.planned_payback_month is None and v.payback_month is None:
            text += " " + t("summary.verdict.planned_none", lang)
    return text


def _money(m: MoneySummary, lang: PlanLanguage, currency: str) -> MoneyView:
    def money(value: float | None) -> str:
        return fmt_money(value, currency, lang)

    mix = "; ".join(
        t("summary.money.mix", lang).format(share=fmt_percent(p.share, lang), name=p.name or "—", ltv=money(p.ltv))
        for p in m.mix
        if p.name is not None
    )
    if len({p.ltv for p in m.mix}) < 2:
        mix = ""  # every group is worth the same: the mix says nothing
    basis = t(f"summary.money.value.{m.value_basis}", lang)
    value_note = basis + (f": {mix}" if mix else f", {t('summary.money.plan_level', lang)}")
    cost_note = t(f"summary.money.cost.{m.cost_source}", lang) if m.cost_source else ""
    measured = [c for c in m.costs if c.measured]
    if measured:
        cost_note += ": " + "; ".join(f"{c.title} — {money(c.cac)}" for c in measured)
    return MoneyView(
        value_label=t("summary.money.value", lang),
        value=money(m.value),
        value_note=value_note,
        value_basis=basis,
        cost_label=t("summary.money.cost", lang),
        cost=money(m.cost),
        cost_note=cost_note,
        ratio_label=t("summary.money.ratio", lang),
        ratio=fmt_decimal(m.ratio, lang, 1) if m.ratio is not None else "—",
        ratio_note=t("summary.money.ratio.note", lang),
        verdict=_verdict(m.verdict, lang) if m.verdict is not None else "",
        value_work=fmt_arithmetic(m.value_work, lang) if m.value_work is not None else "",
        cost_work=fmt_arithmetic(m.cost_work, lang) if m.cost_work is not None else "",
        ratio_work=fmt_arithmetic(m.ratio_work, lang) if m.ratio_work is not None else "",
    )


def _state(plan: Plan, figures: Figures, lang: PlanLanguage) -> tuple[Line, ...]:
    lines = []
    audit = figures.audit
    scored = [f for f in audit.families if f.score is not None] if audit else []
    if audit is not None and audit.overall is not None and audit.band is not None and scored:
        weakest = min(scored, key=lambda f: f.score or 0)
        text = t("summary.audit", lang).format(
            score=audit.overall,
            band=t(f"band.{audit.band}", lang),
            family=weakest.label(lang),
            family_score=weakest.score,
        )
        lines.append(Line(t("summary.area.audit", lang), _cap(text)))
    facts = figures.plan_vs_fact
    measured = [f for f in facts.initiatives if f.actual_cac is not None] if facts else []
    if measured:
        worst = max(measured, key=lambda f: f.cac_ratio or 0)
        unit = t("summary.customers", lang)
        text = t("summary.results", lang).format(
            title=worst.title,
            actual=fmt_count(sum(m.new_customers or 0 for m in worst.months), unit, lang),
            planned=fmt_decimal(sum(m.planned_new for m in worst.months), lang),
            cac=fmt_money(worst.actual_cac, figures.currency, lang),
            planned_cac=fmt_money(worst.planned_cac, figures.currency, lang),
        )
        lines.append(Line(t("summary.area.results", lang), text))
    verdict = figures.summary.money.verdict if figures.summary and figures.summary.money else None
    if verdict is not None:
        lines.append(Line(t("summary.area.forecast", lang), _verdict(verdict, lang)))
    cal = figures.calendar
    if cal is not None and cal.start > figures.today:
        text = t("summary.content.starts", lang).format(date=fmt_date(cal.start, lang))
        lines.append(Line(t("summary.area.content", lang), _cap(text)))
    elif cal is not None:
        streak = fmt_count(cal.current_streak, t("summary.days", lang), lang)
        text = t("summary.content", lang).format(done=cal.done, due=cal.due, streak=streak)
        lines.append(Line(t("summary.area.content", lang), _cap(text)))
    checkpoint = _checkpoint(plan, figures, lang)
    if checkpoint:
        lines.append(Line(t("summary.area.checkpoint", lang), checkpoint))
    return tuple(lines)


def _checkpoint(plan: Plan, figures: Figures, lang: PlanLanguage) -> str | None:
    """The next checkpoint and its KPIs; whether anything has been measured yet."""
    ahead = [c for c in figures.checkpoints if c.date >= figures.today]
    if not ahead:
        return None
    nxt = ahead[0]
    kpis = "; ".join(
        t("summary.checkpoint.kpi", lang).format(
            goal=k.goal_title, target=fmt_quantity(k.target, k.unit, lang, figures.currency)
        )
        for k in nxt.kpis
    )
    text = t("summary.checkpoint", lang).format(date=fmt_date(nxt.date, lang), kpis=kpis)
    measured = [k for c in figures.checkpoints for k in c.kpis if k.actual is not None]
    if not measured:
        return f"{text} {t('summary.checkpoint.unmeasured', lang).format(date=fmt_date(nxt.date, lang))}"
    met = sum(k.status == "met" for k in measured)
    return f"{text} {t('summary.checkpoint.measured', lang).format(met=met, measured=len(measured))}"


def _priority(action: Action, plan: Plan, lang: PlanLanguage) -> PriorityView:
    goals = {g.id: g.title for g in plan.goals}
    initiatives = {i.id: i.title for i in plan.strategy.initiatives} if plan.strategy else {}
    why = []
    if action.goals:
        why.append(t("summary.priority.goals", lang).format(goals=", ".join(goals[g] for g in action.goals)))
    if action.initiatives:
        title = initiatives[action.initiatives[0]]
        if action.start is not None:
            why.append(t("summary.priority.initiative", lang).format(title=title, date=fmt_date(action.start, lang)))
        else:
            why.append(t("summary.priority.initiative_nodate", lang).format(title=title))
    if action.merged is not None:
        why.append(t("summary.priority.merged", lang).format(practice=action.merged.label(lang)))
    return PriorityView(action.item.label(lang), action.item.recommendation or "", " ".join(why))


def task_title(item: WeekItem, lang: str) -> str:
    """A task of the week in words: a one-hour step of a roadmap entry or a priority, or a checkpoint to measure."""
    if item.source == "roadmap":
        key = "summary.task.roadmap" if item.until else "summary.task.roadmap_open"
        until = fmt_date(item.until, lang) if item.until else ""
        return t(key, lang).format(title=item.title or "", until=until)
    if item.source == "checkpoint":
        return t("summary.task.checkpoint", lang).format(date=fmt_date(item.until, lang))
    return t("summary.task.priority", lang).format(title=item.title or "")


def _week_row(item: WeekItem, figures: Figures, lang: PlanLanguage) -> WeekRow:
    day = format_skeleton("MMMMEd", item.date, locale=locale(lang))  # the locale's order: "Mon, December 7"
    if item.source == "article":
        slot = figures.calendar.today_slot if figures.calendar else None
        title = slot_headline(slot, lang) if slot is not None else item.title or ""
        return WeekRow(day, t("summary.week.article", lang), title)
    title = task_title(item, lang)
    return WeekRow(day, t("summary.week.task", lang), title)


def _window(window: Window, today: date, lang: PlanLanguage) -> WindowView:
    first = (window.first - today).days + 1
    span = f"{fmt_date(window.first, lang)} — {fmt_date(window.last, lang)}"
    heading = f"{t('summary.window', lang).format(first=first, last=window.days)} · {span}"
    items = []
    for item in window.items:
        if item.what == "checkpoint":
            items.append(f"{fmt_date(item.date, lang)} — {t('summary.h.checkpoint', lang)}")
        elif item.what == "priority":
            items.append(_cap(t("summary.h.priority", lang).format(title=item.title)))
        else:
            items.append(f"{fmt_date(item.date, lang)} — {t(f'summary.h.{item.what}', lang).format(title=item.title)}")
    return WindowView(heading, tuple(items) or (_cap(t("summary.window.empty", lang)),))


def summary_view(plan: Plan, figures: Figures) -> SummaryView | None:
    """The summary's values; None when the figures carry no summary."""
    s = figures.summary
    if s is None:
        return None
    lang = PlanLanguage(figures.language, figures.locale)
    p = s.priorities
    aside = None
    if p is not None and p.demoted and p.team is not None:
        items = ", ".join(a.item.label(lang) for a in p.demoted)
        aside = t("summary.aside", lang).format(team=fmt_count(p.team, t("summary.people", lang), lang), items=items)
    top = tuple(_priority(a, plan, lang) for a in p.top) if p is not None else ()
    state = _state(plan, figures, lang)
    if not (state or top or s.money or s.week):
        return None  # a plan with nothing to summarise yet: its empty steps say what to fill
    windows = tuple(_window(w, figures.today, lang) for w in s.horizon) if any(w.items for w in s.horizon) else ()
    return SummaryView(
        title=t("summary.title", lang),
        state=state,
        priorities=top,
        priorities_none=t("summary.priorities.none", lang) if p is not None and not top else None,
        aside=aside,
        money=_money(s.money, lang, figures.currency) if s.money is not None else None,
        week=tuple(_week_row(i, figures, lang) for i in s.week),
        week_none=None if s.week else t("summary.week.none", lang),
        windows=windows,
        labels={
            key: t(f"summary.{key}", lang)
            for key in ("state", "priorities", "money", "week", "next90", "week.intro", "area.checkpoint")
        },
    )


def escaped(value: Any, esc: Callable[[object], Any]) -> Any:
    """The same view with every string made safe by `esc` (the site's `html`; the PDF autoescapes)."""
    if isinstance(value, str):
        return esc(value)
    if isinstance(value, tuple):
        return tuple(escaped(v, esc) for v in value)
    if isinstance(value, dict):
        return {k: escaped(v, esc) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: escaped(getattr(value, f.name), esc) for f in fields(value)})
    return value


def nothing_to_correct(figures: Figures) -> str:
    """What the checkpoints page says when there is nothing to correct: before any measurement,
    that nothing is measured yet and when the first measurement is due (not "every KPI is met")."""
    lang = PlanLanguage(figures.language, figures.locale)
    measured = any(k.actual is not None for c in figures.checkpoints for k in c.kpis)
    ahead = [c.date for c in figures.checkpoints if c.date >= figures.today]
    if not measured and ahead:
        return t("summary.checkpoint.unmeasured", lang).format(date=fmt_date(ahead[0], lang))
    return t("cp.nothing", lang)
