"""The report of `playbook report`: every derived figure of a plan, as terminal tables or as JSON.

Both outputs are renderers over `generator.compute.figures.Figures`: nothing is recomputed here.
The JSON (`figures_to_json`) is a public interface for scripts and other tools, documented
in docs/report-json.md: numbers unrounded, shares as fractions (0.125, not 12.5), scores as
integers, dates ISO (`YYYY-MM-DD`, months `YYYY-MM`). The terminal tables
(`render_text`, in `generator.render.report_text`) speak the plan's language.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from generator.compute.checkpoints import KpiFigure
from generator.compute.figures import Figures
from generator.present.i18n import PlanLanguage
from generator.present.lint import lint_message
from generator.render import money as money_json
from generator.render.jsonvalues import json_number as _n
from generator.render.jsonvalues import json_work as _work
from generator.render.measured import measured_json
from generator.render.report_text import render_text
from generator.render.summary_json import reforecast_json, summary_json

JSON_VERSION = 1
__all__ = ["figures_to_json", "render_json", "render_text"]


# JSON -------------------------------------------------------------------------------------------


def render_json(figures: Figures) -> str:
    """The JSON text of `figures_to_json`, UTF-8 as written (Cyrillic stays readable)."""
    return json.dumps(figures_to_json(figures), ensure_ascii=False, indent=2) + "\n"


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
    language = PlanLanguage(figures.language, figures.locale)
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
        "corrections": [
            {**_kpi(kpi), "initiatives": ids}
            for kpi, ids in zip(figures.corrections, money_json.correction_initiatives(figures), strict=True)
        ],
        "automation": _automation_json(figures),
        "calendar": _calendar_json(figures),
        "summary": summary_json(figures),
        "lint": [  # worded in the plan's locale: an en-GB plan's dates day first
            {"code": w.code, "line": w.line, "col": w.col, "path": w.path, "message": lint_message(w, language)}
            for w in figures.lint
        ],
        **({"measured": measured_json(figures.measured)} if figures.measured is not None else {}),
    }


def _tool_json(t: Any, language: str) -> dict[str, Any]:
    return {
        "family": t.family,
        "id": t.id,
        "label": t.label_en if language != "ru" else t.label_ru,
        "custom": t.custom,
        "status": t.status,
        "weight": _n(t.weight),
        "priority": t.priority,
        "priority_source": t.priority_source,
        "finding": t.finding,
        "recommendation": t.recommendation,
        "recommendation_source": t.recommendation_source,
        "why": t.why,
        "typical_tools": list(t.typical_tools),
    }


def _practice_json(p: Any) -> dict[str, Any]:
    return {
        "status": p.status,
        "priority": p.priority,
        "finding": p.finding,
        "recommendation": p.recommendation,
        "recommendation_source": p.recommendation_source,
        "why": p.why,
        "typical_tools": list(p.typical_tools),
        "tool": p.tool,
        "evidence": {
            "metric": p.evidence.metric,
            "value": _n(p.evidence.value) if not isinstance(p.evidence.value, str) else p.evidence.value,
            "status": p.evidence.status,
        },
    }


def _comparison_json(c: Any) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "previous_date": _iso(c.previous_date),
        "families": {s.id: {"before": s.before, "after": s.after, "change": s.change} for s in c.families},
        "overall": {"before": c.overall.before, "after": c.overall.after, "change": c.overall.change},
    }


def _audit_json(figures: Figures) -> dict[str, Any] | None:
    audit = figures.audit
    if audit is None:
        return None
    lang = figures.language
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
                "tools": [_tool_json(t, lang) for t in f.tools],
            }
            for f in audit.families
        ],
        "recommendations": [_tool_json(t, lang) for t in audit.recommendations],
        "practices": {p.id: _practice_json(p) for p in audit.practices},
        "issues": audit.issues,
        "actions": [
            {
                "family": getattr(a, "family", None),
                "id": a.id,
                "status": a.status,
                "priority": a.priority,
                "recommendation": a.recommendation,
                "recommendation_source": a.recommendation_source,
            }
            for a in audit.actions
        ],
        "comparison": _comparison_json(audit.comparison),
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
        "segments": money_json.segments_json(e),
    }


def _forecast_json(figures: Figures) -> dict[str, Any] | None:
    f = figures.forecast
    if f is None:
        if figures.plan_vs_fact is None and not figures.forecast_missing:
            return None
        # not computed (keys missing), yet plan against fact needs only the horizon
        return {"start": None, "scenarios": None, **money_json.forecast_extra_json(figures), "reforecast": None}
    return {
        **money_json.forecast_extra_json(figures),
        "reforecast": reforecast_json(figures),
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
                        "active_customers": _n(m.active_customers),
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
        **money_json.automation_cost_json(figures),
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
        "planned": {
            "new": c.planned_new,
            "refresh": c.planned_refresh,
            "repurpose": c.planned_repurpose,
            "research": c.planned_research,
        },
        "days": [
            {
                "date": d.date.isoformat(),
                "kind": d.kind,
                "title": d.title,
                "query": d.query,
                "segment": d.segment,
                "url": d.url,
                "source": d.source,
                "idea": d.idea,
                "intent": d.intent,
                "angle": d.angle,
                "outline": list(d.outline),
                "cta": d.cta,
            }
            for d in c.days
        ],
    }


def _s(value: int | None) -> str:
    return "—" if value is None else str(value)


