"""The v2 money figures as JSON-ready data, for `playbook report --json` (docs/report-json.md).

Segment LTV, plan against fact, the actual ROI to date, the initiatives of each correction and
what the hours by hand cost. Kept apart from `generator.render.report` so that module stays a
readable size; the conventions are the same (numbers unrounded, months `YYYY-MM`).
"""

from __future__ import annotations

from typing import Any

from generator.compute.actuals import InitiativeFact, PlanVsFact
from generator.compute.economics import EconomicsFigures
from generator.compute.figures import Figures
from generator.compute.groups import GroupEconomics
from generator.render.jsonvalues import json_number as _n
from generator.render.jsonvalues import json_work as _work


def group_json(group: GroupEconomics) -> dict[str, Any]:
    """A customer group's economics E_g: `segment` null for the plan level."""
    return {
        "segment": group.id,
        "average_check": _n(group.average_check),
        "purchases_per_year": _n(group.purchases_per_year),
        "lifetime_years": _n(group.lifetime_years),
        "gross_margin": _n(group.gross_margin),
        "own": list(group.own),
        "lifetime_months": group.lifetime_months,
        "profit_per_customer_month": _n(group.profit_per_month),
        "work": _work(group.profit_per_month_work),
    }


def segments_json(economics: EconomicsFigures) -> list[dict[str, Any]]:
    """`economics.segments`: LTV (revenue, profit) of each segment with `economics`."""
    return [
        {
            "id": s.id,
            "name": s.name,
            "ltv": _n(s.ltv),
            "ltv_profit": _n(s.ltv_profit),
            "economics": group_json(s.economics),
            "work": {"ltv": _work(s.ltv_work), "ltv_profit": _work(s.ltv_profit_work)},
        }
        for s in economics.segments
    ]


def fact_json(fact: InitiativeFact) -> dict[str, Any]:
    """An initiative's planned against actual CAC, and its reported months inside the horizon."""
    return {
        "title": fact.title,
        "planned_cac": _n(fact.planned_cac),
        "actual_cac": _n(fact.actual_cac),
        "cac_ratio": _n(fact.cac_ratio),
        "months": [
            {
                "month": m.month.strftime("%Y-%m"),
                "planned_cost": _n(m.planned_cost),
                "planned_new": _n(m.planned_new),
                "spend": _n(m.spend),
                "new_customers": _n(m.new_customers),
            }
            for m in fact.months
        ],
        "outside_horizon": [m.strftime("%Y-%m") for m in fact.outside],
        "not_begun": [m.strftime("%Y-%m") for m in fact.future],  # after today: counted nowhere (M111)
        "work": {
            "planned_cac": _work(fact.planned_cac_work),
            "actual_cac": _work(fact.actual_cac_work),
            "cac_ratio": _work(fact.cac_ratio_work),
        },
    }


def plan_vs_fact_json(facts: PlanVsFact | None) -> dict[str, Any] | None:
    """`forecast.plan_vs_fact`: initiative id → its figures, in plan order."""
    if facts is None:
        return None
    return {f.id: fact_json(f) for f in facts.initiatives}


def roi_to_date_json(facts: PlanVsFact | None) -> dict[str, Any] | None:
    """`forecast.roi_to_date`; null when nothing is reported inside the horizon."""
    roi = facts.roi_to_date if facts is not None else None
    if roi is None:
        return None
    return {
        "through_month": roi.through_date.strftime("%Y-%m"),
        "through_number": roi.through_month,
        "cost": _n(roi.cost),
        "profit": _n(roi.profit),
        "roi": _n(roi.roi),
        "missing": [{"segment": g, "key": k} for g, k in roi.missing],
        "work": _work(roi.roi_work),
    }


def forecast_extra_json(figures: Figures) -> dict[str, Any]:
    """The v2 keys of `forecast`: computed or not (and why), the groups, plan against fact."""
    f = figures.forecast
    return {
        "computed": f is not None,
        "missing": [{"segment": g, "key": k} for g, k in figures.forecast_missing],
        "groups": [group_json(g) for g in f.groups] if f is not None else [],
        "plan_vs_fact": plan_vs_fact_json(figures.plan_vs_fact),
        "roi_to_date": roi_to_date_json(figures.plan_vs_fact),
    }


def correction_initiatives(figures: Figures) -> list[list[str]]:
    """For each entry of `corrections`, the ids of the initiatives serving its goal, worst CAC ratio first."""
    return [[f.id for f in c.initiatives] for c in figures.agenda]


def automation_cost_json(figures: Figures) -> dict[str, Any]:
    """`automation.cost_monthly`, `cost_yearly` (null without `economics.hour_cost`), with the arithmetic."""
    a = figures.automation
    assert a is not None
    return {
        "hour_cost": _n(a.hour_cost),
        "cost_monthly": _n(a.cost_monthly),
        "cost_yearly": _n(a.cost_yearly),
        "cost_work": {"monthly": _work(a.cost_monthly_work), "yearly": _work(a.cost_yearly_work)},
    }
