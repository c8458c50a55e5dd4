"""The JSON of the one-page summary and of the re-forecast (`report --json`: `summary`, `forecast.reforecast`).

The same values as the site's overview, the PDF's page 2 and `playbook today`: numbers unrounded,
dates ISO; the week's titles are the client's words (`generator.present.summary.task_title`).
docs/report-json.md documents the shape.
"""

from __future__ import annotations

from typing import Any

from generator.compute.figures import Figures
from generator.compute.priorities import Action
from generator.compute.summary import MoneySummary
from generator.present.briefs import slot_headline
from generator.present.i18n import PlanLanguage
from generator.present.summary import task_title
from generator.render.jsonvalues import json_number as _n
from generator.render.jsonvalues import json_work as _work


def _action(a: Action, language: str) -> dict[str, Any]:
    return {
        "key": a.key,
        "title": a.item.label(language),
        "action": a.item.recommendation,
        "priority": a.priority,
        "merged": a.merged.id if a.merged is not None else None,
        "initiatives": list(a.initiatives),
        "goals": list(a.goals),
        "start": a.start.isoformat() if a.start else None,
    }


def _money(m: MoneySummary) -> dict[str, Any]:
    v = m.verdict
    return {
        "value": _n(m.value),
        "value_basis": m.value_basis,
        "value_work": _work(m.value_work),
        "mix": [
            {"segment": p.group, "new_customers": _n(p.new_customers), "share": _n(p.share), "ltv": _n(p.ltv)}
            for p in m.mix
        ],
        "cost": _n(m.cost),
        "cost_source": m.cost_source,
        "cost_work": _work(m.cost_work),
        "costs": [
            {"initiative": c.id, "new_customers": _n(c.new_customers), "cac": _n(c.cac), "measured": c.measured}
            for c in m.costs
        ],
        "ratio": _n(m.ratio),
        "ratio_work": _work(m.ratio_work),
        "verdict": None
        if v is None
        else {
            "source": v.source,
            "months": v.months,
            "roi": _n(v.roi),
            "payback_month": v.payback_month,
            "payback_date": v.payback_date.strftime("%Y-%m") if v.payback_date else None,
            "planned_payback_month": v.planned_payback_month,
            "planned_payback_date": v.planned_payback_date.strftime("%Y-%m") if v.planned_payback_date else None,
            "contradicted": v.contradicted,
        },
    }


def summary_json(figures: Figures) -> dict[str, Any] | None:
    """`summary`: priorities (at most 3), put aside, week (at most 5), the next 90 days, money."""
    s = figures.summary
    if s is None:
        return None
    lang = PlanLanguage(figures.language, figures.locale)
    p = s.priorities
    week = []
    for item in s.week:
        if item.source == "article":
            slot = figures.calendar.today_slot if figures.calendar else None
            title = slot_headline(slot, lang) if slot is not None else item.title
        else:
            title = task_title(item, lang)
        week.append({"date": item.date.isoformat(), "kind": item.kind, "title": title, "source": item.source})
    return {
        "priorities": [_action(a, lang) for a in p.top] if p else [],
        "put_aside": [{**_action(a, lang), "reason": "sales_department", "team": p.team} for a in p.demoted]
        if p
        else [],
        "team": p.team if p else None,
        "week": week,
        "next_90_days": [
            {
                "days": w.days,
                "from": w.first.isoformat(),
                "to": w.last.isoformat(),
                "items": [
                    {"date": i.date.isoformat(), "what": i.what, "title": i.title, "ref": i.ref} for i in w.items
                ],
            }
            for w in s.horizon
        ],
        "money": _money(s.money) if s.money is not None else None,
    }


def reforecast_json(figures: Figures) -> dict[str, Any] | None:
    """`forecast.reforecast`: the horizon redone from the actuals, with the rates it used; null before any."""
    r = figures.reforecast
    if r is None:
        return None
    return {
        "through_month": r.through_month,
        "through": r.through_date.strftime("%Y-%m"),
        "rates": [
            {
                "initiative": a.id,
                "months_reported": a.months_reported,
                "spend_rate": _n(a.spend_rate),
                "spend_rate_work": _work(a.spend_rate_work),
                "new_rate": _n(a.new_rate),
                "new_rate_work": _work(a.new_rate_work),
            }
            for a in r.rates
        ],
        "cost": _n(r.cost),
        "profit": _n(r.profit),
        "new_customers": _n(r.new_customers),
        "roi": _n(r.roi),
        "roi_work": _work(r.roi_work),
        "payback_month": r.payback_month,
        "payback_date": r.payback_date.strftime("%Y-%m") if r.payback_date else None,
        "months": [
            {
                "number": m.number,
                "month": m.month.strftime("%Y-%m"),
                "actual": m.actual,
                "cost": _n(m.cost),
                "new_customers": _n(m.new_customers),
                "profit": _n(m.profit),
                "cumulative_cost": _n(m.cumulative_cost),
                "cumulative_profit": _n(m.cumulative_profit),
            }
            for m in r.months
        ],
    }
