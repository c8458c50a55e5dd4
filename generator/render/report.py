"""The report of `playbook report`: every derived figure of a plan, as terminal tables or as JSON.

Both outputs are renderers over `generator.compute.figures.Figures`: nothing is recomputed here.
The JSON (`figures_to_json`) is a public interface for scripts and other tools, documented
in docs/report-json.md: numbers unrounded, shares as fractions (0.125, not 12.5), scores as
integers, dates ISO (`YYYY-MM-DD`, months `YYYY-MM`). The tables use English headings
whatever the plan's language, and the plan's number format.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from typing import Any

from rich.console import Console
from rich.table import Table

from generator.compute.arithmetic import Arithmetic
from generator.compute.checkpoints import KpiFigure
from generator.compute.figures import Figures
from generator.present.i18n import PlanLanguage, fmt_arithmetic, fmt_decimal, fmt_money, fmt_percent

JSON_VERSION = 1


# JSON -------------------------------------------------------------------------------------------


def render_json(figures: Figures) -> str:
    """The JSON text of `figures_to_json`, UTF-8 as written (Cyrillic stays readable)."""
    return json.dumps(figures_to_json(figures), ensure_ascii=False, indent=2) + "\n"


def _n(value: float | int | None) -> float | int | None:
    """A number for JSON: unrounded, but a whole float written as an integer (182500, not 182500.0)."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _work(work: Arithmetic | None) -> dict[str, Any] | None:
    """Worked arithmetic as data: operator, operands (numbers or nested), result."""
    if work is None:
        return None
    return {
        "operator": work.operator,
        "operands": [_work(o) if isinstance(o, Arithmetic) else _n(o) for o in work.operands],
        "result": _n(work.result),
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _kpi(kpi: KpiFigure) -> dict[str, Any]:
    return {
        "date": kpi.date.isoformat(),
        "goal": kpi.goal,
        "title": kpi.goal_title,
        "unit": kpi.unit,
        "direction": kpi.direction,
        "target": _n(kpi.target),
        "target_from_goal": kpi.target_from_goal,
        "actual": _n(kpi.actual),
        "status": kpi.status,
    }


def figures_to_json(figures: Figures) -> dict[str, Any]:
    """Every figure as JSON-ready data (pure; the shape is documented in docs/report-json.md)."""
    return {
        "version": JSON_VERSION,
        "slug": figures.slug,
        "name": figures.name,
        "language": figures.language,
        "currency": figures.currency,
        "today": figures.today.isoformat(),
        "steps": [{"number": s.number, "key": s.key, "filled": s.filled} for s in figures.steps],
        "audit": _audit_json(figures),
        "economics": _economics_json(figures),
        "forecast": _forecast_json(figures),
        "checkpoints": [
            {
                "date": c.date.isoformat(),
                "passed": c.passed,
                "kpis": [{k: v for k, v in _kpi(kpi).items() if k != "date"} for kpi in c.kpis],
            }
            for c in figures.checkpoints
        ],
        "corrections": [_kpi(kpi) for kpi in figures.corrections],
        "automation": _automation_json(figures),
        "calendar": _calendar_json(figures),
    }


def _audit_json(figures: Figures) -> dict[str, Any] | None:
    audit = figures.audit
    if audit is None:
        return None

    def tool(t: Any) -> dict[str, Any]:
        return {
            "family": t.family,
            "id": t.id,
            "label": t.label_en if figures.language != "ru" else t.label_ru,
            "custom": t.custom,
            "status": t.status,
            "weight": _n(t.weight),
            "priority": t.priority,
            "finding": t.finding,
            "recommendation": t.recommendation,
        }

    comparison = None
    if audit.comparison is not None:
        c = audit.comparison
        comparison = {
            "previous_date": _iso(c.previous_date),
            "families": {s.id: {"before": s.before, "after": s.after, "change": s.change} for s in c.families},
            "overall": {"before": c.overall.before, "after": c.overall.after, "change": c.overall.change},
        }
    return {
        "date": _iso(audit.date),
        "overall": audit.overall,
        "band": audit.band,
        "overall_work": _work(audit.overall_work),
        "families": {f.id: f.score for f in audit.families},
        "family_details": [
            {
                "id": f.id,
                "score": f.score,
                "band": f.band,
                "exact": _n(f.exact),
                "points": _n(f.points),
                "weight": _n(f.weight),
                "work": _work(f.work),
                "counts": f.counts,
                "tools": [tool(t) for t in f.tools],
            }
            for f in audit.families
        ],
        "recommendations": [tool(t) for t in audit.recommendations],
        "practices": {
            p.id: {
                "status": p.status,
                "finding": p.finding,
                "recommendation": p.recommendation,
                "tool": p.tool,
                "evidence": {
                    "metric": p.evidence.metric,
                    "value": _n(p.evidence.value) if not isinstance(p.evidence.value, str) else p.evidence.value,
                    "status": p.evidence.status,
                },
            }
            for p in audit.practices
        },
        "comparison": comparison,
    }


def _economics_json(figures: Figures) -> dict[str, Any] | None:
    e = figures.economics
    if e is None:
        return None
    nps = e.nps
    return {
        "average_check": _n(e.average_check),
        "purchases_per_year": _n(e.purchases_per_year),
        "lifetime_years": _n(e.lifetime_years),
        "gross_margin": _n(e.gross_margin),
        "customers": e.customers,
        "cac": _n(e.cac),
        "ltv": _n(e.ltv),
        "ltv_profit": _n(e.ltv_profit),
        "ltv_cac": _n(e.ltv_cac),
        "ltv_cac_basis": e.ltv_cac_basis,
        "nps": _n(nps.score) if nps else None,
        "nps_answers": (
            {
                "promoters": nps.promoters,
                "passives": nps.passives,
                "detractors": nps.detractors,
                "total": nps.total,
                "from_scores": nps.from_scores,
            }
            if nps
            else None
        ),
        "funnel": [
            {
                "stage": s.stage,
                "count": s.count,
                "from_previous": _n(s.from_previous),
                "from_first": _n(s.from_first),
            }
            for s in e.funnel
        ],
        "work": {
            "ltv": _work(e.ltv_work),
            "ltv_profit": _work(e.ltv_profit_work),
            "ltv_cac": _work(e.ltv_cac_work),
            "nps": _work(nps.work) if nps else None,
        },
    }


def _forecast_json(figures: Figures) -> dict[str, Any] | None:
    f = figures.forecast
    if f is None:
        return None
    return {
        "start": f.start.strftime("%Y-%m"),
        "start_source": f.start_source,
        "months": f.months,
        "margin": _n(f.margin),
        "profit_per_customer_month": _n(f.profit_per_customer_month),
        "initiatives": [
            {
                "id": i.id,
                "title": i.title,
                "months": list(i.months),
                "budget_monthly": _n(i.budget_monthly),
                "new_customers_monthly": _n(i.new_customers_monthly),
                "one_off": [{"month": m, "cost": _n(c)} for m, c in i.one_off],
            }
            for i in f.initiatives
        ],
        "scenarios": {
            s.name: {
                "multiplier": _n(s.multiplier),
                "cost": _n(s.cost),
                "profit": _n(s.profit),
                "new_customers": _n(s.new_customers),
                "roi": _n(s.roi),
                "payback_month": s.payback_month,
                "payback_date": s.payback_date.strftime("%Y-%m") if s.payback_date else None,
                "months": [
                    {
                        "number": m.number,
                        "month": m.month.strftime("%Y-%m"),
                        "cost": _n(m.cost),
                        "new_customers": _n(m.new_customers),
                        "customers": _n(m.customers),
                        "profit": _n(m.profit),
                        "cumulative_cost": _n(m.cumulative_cost),
                        "cumulative_profit": _n(m.cumulative_profit),
                    }
                    for m in s.months
                ],
            }
            for s in f.scenarios
        },
    }


def _automation_json(figures: Figures) -> dict[str, Any] | None:
    a = figures.automation
    if a is None:
        return None
    return {
        "manual_hours": _n(a.manual_hours),
        "planned_hours": _n(a.planned_hours),
        "automated_hours": _n(a.automated_hours),
        "total_hours": _n(a.total_hours),
        "by_hand_hours": _n(a.by_hand_hours),
        "by_hand_hours_year": _n(a.by_hand_year_work.result),
        "items": [
            {"process": i.process, "hours_per_month": _n(i.hours_per_month), "tool": i.tool, "status": i.status}
            for i in a.items
        ],
    }


def _calendar_json(figures: Figures) -> dict[str, Any] | None:
    c = figures.calendar
    if c is None:
        return None
    return {
        "start": c.start.isoformat(),
        "end": c.end.isoformat(),
        "today": c.today.isoformat(),
        "minutes_per_day": c.minutes_per_day,
        "slots": c.slots,
        "done": c.done,
        "missed": c.missed,
        "due": c.due,
        "completion_rate": _n(c.completion_rate),
        "current_streak": c.current_streak,
        "longest_streak": c.longest_streak,
        "hours": _n(c.hours),
        "projected": _n(c.projected),
        "days": [
            {
                "date": d.date.isoformat(),
                "kind": d.kind,
                "title": d.title,
                "query": d.query,
                "segment": d.segment,
                "url": d.url,
            }
            for d in c.days
        ],
    }


# terminal tables --------------------------------------------------------------------------------


def render_text(figures: Figures, width: int = 120) -> str:
    """The figures as plain rich tables (English headings, the plan's number format)."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None, highlight=False)
    lang = PlanLanguage(figures.language, figures.locale)

    def num(value: float | None, digits: int = 2) -> str:
        return fmt_decimal(value, lang, digits)

    def money(value: float | None) -> str:
        return fmt_money(value, figures.currency, lang)

    def share(value: float | None) -> str:
        return fmt_percent(value, lang)

    def work(value: Arithmetic | None, percent: bool = False) -> str:
        return fmt_arithmetic(value, lang, percent_result=percent) if value is not None else "—"

    console.print(f"{figures.name} ({figures.slug}) — figures on {figures.today.isoformat()}", markup=False)
    filled = sum(s.filled for s in figures.steps)
    console.print(f"Steps filled: {filled} of {len(figures.steps)}", markup=False)

    audit = figures.audit
    if audit is not None:
        table = Table(title=f"Audit {_iso(audit.date) or ''}".strip(), title_justify="left")
        for column in ("Family", "Score", "Band", "Worked", "absent", "partial", "done", "n/a", "not assessed"):
            table.add_column(column, justify="left" if column in ("Family", "Band", "Worked") else "right")
        for f in audit.families:
            table.add_row(
                f.label_en,
                _s(f.score),
                f.band or "—",
                work(f.work),
                *[str(f.counts[s]) for s in ("absent", "partial", "done", "n/a", "not assessed")],
            )
        table.add_row("Overall", _s(audit.overall), audit.band or "—", work(audit.overall_work), *[""] * 5)
        console.print(table)
        if audit.comparison is not None:
            comparison = audit.comparison
            since = _iso(comparison.previous_date) or "the previous audit"
            table = Table(title=f"Change since {since}", title_justify="left")
            for column in ("Family", "Before", "After", "Change"):
                table.add_column(column, justify="left" if column == "Family" else "right")
            for change in (*comparison.families, comparison.overall):
                table.add_row(change.id, _s(change.before), _s(change.after), _signed(change.change))
            console.print(table)
        if audit.recommendations:
            table = Table(title="Recommendations", title_justify="left")
            for column in ("Priority", "Tool", "Status", "Recommendation"):
                table.add_column(column)
            for t in audit.recommendations:
                table.add_row(t.priority or "—", f"{t.family}.{t.id}", t.status, t.recommendation or t.finding or "")
            console.print(table)
        table = Table(title="Practices", title_justify="left")
        for column in ("Practice", "Status", "Evidence", "Evidence suggests"):
            table.add_column(column)
        for p in audit.practices:
            value = p.evidence.value
            if value is None or isinstance(value, str):
                shown = value or "—"
            else:
                shown = share(value) if p.evidence.metric == "completion_rate" else num(value)
            table.add_row(
                p.label_en, p.status, f"{p.evidence.metric.replace('_', ' ')}: {shown}", p.evidence.status or "—"
            )
        console.print(table)

    e = figures.economics
    if e is not None:
        table = Table(title="Economics", title_justify="left")
        table.add_column("Figure")
        table.add_column("Value", justify="right")
        table.add_column("Worked")
        table.add_row("LTV (revenue)", money(e.ltv), work(e.ltv_work))
        table.add_row("LTV (profit)", money(e.ltv_profit), work(e.ltv_profit_work))
        table.add_row(f"LTV/CAC ({e.ltv_cac_basis or '—'})", num(e.ltv_cac), work(e.ltv_cac_work))
        if e.nps is not None:
            table.add_row(
                f"NPS ({e.nps.promoters}/{e.nps.passives}/{e.nps.detractors})", num(e.nps.score), work(e.nps.work)
            )
        console.print(table)
        if e.funnel:
            table = Table(title="Funnel", title_justify="left")
            for column in ("Stage", "Count", "From previous", "From first"):
                table.add_column(column, justify="left" if column == "Stage" else "right")
            for stage in e.funnel:
                table.add_row(stage.stage, num(stage.count, 0), share(stage.from_previous), share(stage.from_first))
            console.print(table)

    fc = figures.forecast
    if fc is not None:
        table = Table(
            title=f"Forecast from {fc.start.strftime('%Y-%m')} ({fc.start_source}), {fc.months} months; "
            f"profit a customer a month: {work(fc.profit_per_customer_month_work)}",
            title_justify="left",
        )
        for column in ("Scenario", "×", "Cost", "Profit", "New customers", "ROI", "Payback month"):
            table.add_column(column, justify="left" if column == "Scenario" else "right")
        for sc in fc.scenarios:
            payback = f"{sc.payback_month} ({sc.payback_date.strftime('%Y-%m')})" if sc.payback_date else "none"
            roi = share(sc.roi)
            table.add_row(
                sc.name, num(sc.multiplier), money(sc.cost), money(sc.profit), num(sc.new_customers), roi, payback
            )
        console.print(table)
        for sc in fc.scenarios:
            table = Table(title=f"Scenario {sc.name}", title_justify="left")
            for column in ("Month", "Cost", "New", "Customers", "Profit", "Cum. cost", "Cum. profit"):
                table.add_column(column, justify="right")
            for m in sc.months:
                table.add_row(
                    f"{m.number} ({m.month.strftime('%Y-%m')})",
                    money(m.cost),
                    num(m.new_customers),
                    num(m.customers),
                    money(m.profit),
                    money(m.cumulative_cost),
                    money(m.cumulative_profit),
                )
            console.print(table)

    if figures.checkpoints:
        table = Table(title="Checkpoints", title_justify="left")
        for column in ("Date", "Goal", "Direction", "Target", "Actual", "Status"):
            table.add_column(column)
        for checkpoint in figures.checkpoints:
            for k in checkpoint.kpis:
                show: Callable[[float | None], str] = share if k.unit == "%" else num
                target = show(k.target) + (" (goal)" if k.target_from_goal else "")
                table.add_row(checkpoint.date.isoformat(), k.goal, k.direction, target, show(k.actual), k.status)
        console.print(table)
        if figures.corrections:
            console.print(
                "To correct: " + "; ".join(f"{k.date.isoformat()} {k.goal} ({k.status})" for k in figures.corrections),
                markup=False,
            )

    a = figures.automation
    if a is not None:
        table = Table(title="Automation (hours a month)", title_justify="left")
        for column in ("Process", "Hours", "Tool", "Status"):
            table.add_column(column, justify="right" if column == "Hours" else "left")
        for i in a.items:
            table.add_row(i.process, num(i.hours_per_month), i.tool or "—", i.status)
        console.print(table)
        console.print(
            f"By hand: {num(a.by_hand_hours)} h a month (manual {num(a.manual_hours)}, planned "
            f"{num(a.planned_hours)}), {work(a.by_hand_year_work)} h a year; automated {num(a.automated_hours)}",
            markup=False,
        )

    cal = figures.calendar
    if cal is not None:
        table = Table(title=f"Article calendar {cal.start.isoformat()} … {cal.end.isoformat()}", title_justify="left")
        for column in ("Slots", "Done", "Missed", "Rate", "Streak", "Longest", "Hours", "Projected"):
            table.add_column(column, justify="right")
        table.add_row(
            str(cal.slots),
            str(cal.done),
            str(cal.missed),
            share(cal.completion_rate),
            str(cal.current_streak),
            str(cal.longest_streak),
            num(cal.hours),
            num(cal.projected),
        )
        console.print(table)
        upcoming = [d for d in cal.days if d.date >= figures.today][:7]
        if upcoming:
            table = Table(title="Next slots", title_justify="left")
            for column in ("Date", "Kind", "Title"):
                table.add_column(column)
            for d in upcoming:
                table.add_row(d.date.isoformat(), d.kind, d.title or "—")
            console.print(table)
    return buffer.getvalue()


def _s(value: int | None) -> str:
    return "—" if value is None else str(value)


def _signed(value: int | None) -> str:
    return "—" if value is None else f"{value:+d}"
