"""The summary's money: what a new customer is worth, what one costs, their ratio, and the verdict.

The method's textbook LTV (a daily bread buyer over ten years) is a teaching example, not a
client's figure. What a client needs on one page is what *its* new customers are worth:

- **value of a new customer** = Σ_g n_g × LTV_g / Σ_g n_g over the customer groups that receive
  new customers, n_g being the group's planned new customers over the horizon (multiplier 1: each
  initiative's `new_customers_monthly` × the months it runs, split among its segments as the
  forecast splits them) and LTV_g the group's profit LTV (check × purchases × lifetime × margin;
  the revenue LTV when a group has no margin, then for every group);
- **cost of a customer** = Σ_i n_i × CAC_i / Σ_i n_i over the initiatives that bring customers,
  CAC_i being the actual CAC where the initiative has actuals, else its planned CAC
  (`budget_monthly` / `new_customers_monthly`; one-off costs left out, as in plan against fact);
  with no such initiative, `economics.cac`;
- **ratio** = value / cost;
- **verdict**: with actuals, the re-forecast's payback (`generator.compute.reforecast`) beside the
  base scenario's; before them, the base scenario's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Literal

from generator.compute.actuals import PlanVsFact
from generator.compute.arithmetic import Arithmetic, add, decimal_fraction, div, mul
from generator.compute.audit import AuditFigures
from generator.compute.economics import EconomicsFigures
from generator.compute.forecast import ForecastBasis, ForecastFigures
from generator.compute.priorities import Priorities, compute_priorities
from generator.compute.reforecast import Reforecast
from generator.compute.slots import CalendarFigures
from generator.compute.week import WeekItem, Window, compute_horizon, compute_week
from generator.model import Plan


@dataclass(frozen=True)
class MixPart:
    """One customer group's part of the new customers and what one of them is worth."""

    group: str | None  # segment id; None: the plan level
    name: str | None
    new_customers: float  # planned over the horizon, multiplier 1
    share: float  # of all planned new customers
    ltv: float | None  # profit LTV (revenue LTV when the basis is revenue); None: no lifetime


@dataclass(frozen=True)
class CostPart:
    """One initiative's part of the cost of a customer."""

    id: str
    title: str
    new_customers: float  # planned over the horizon, multiplier 1
    cac: float
    measured: bool  # the actual CAC (else the planned one)


@dataclass(frozen=True)
class Verdict:
    """Does the plan pay back within its horizon, by the plan or, once measured, by the actuals?"""

    source: Literal["plan", "actuals"]
    months: int  # the horizon
    roi: float | None
    payback_month: int | None
    payback_date: date | None
    planned_payback_month: int | None  # the base scenario's (beside an actuals verdict)
    planned_payback_date: date | None
    contradicted: bool  # the planned payback month has passed and the actuals have not paid back by it


@dataclass(frozen=True)
class MoneySummary:
    """The summary's money, every figure with its work."""

    value: float | None
    value_basis: Literal["profit", "revenue"]
    value_work: Arithmetic | None
    mix: tuple[MixPart, ...]
    cost: float | None
    cost_source: Literal["actual", "planned", "mixed", "economics"] | None
    cost_work: Arithmetic | None
    costs: tuple[CostPart, ...]
    ratio: float | None
    ratio_work: Arithmetic | None
    verdict: Verdict | None


def _group_ltv(basis: ForecastBasis, group: str | None, profit: bool) -> float | None:
    g = basis.groups[group]
    if g.average_check is None or g.purchases_per_year is None or g.lifetime_years is None:
        return None
    revenue = g.average_check * g.purchases_per_year * g.lifetime_years
    return revenue * (g.gross_margin if profit and g.gross_margin is not None else 1.0)


def _mix(basis: ForecastBasis) -> tuple[tuple[MixPart, ...], Literal["profit", "revenue"]]:
    planned: dict[str | None, Fraction] = {}
    for span in basis.spans:
        total = decimal_fraction(span.new_customers_monthly) * len(span.months)
        for group, weight in basis.splits[span.id]:
            if total * weight > 0:
                planned[group] = planned.get(group, Fraction(0)) + total * weight
    everyone = sum(planned.values(), Fraction(0))
    profit = all(basis.groups[g].gross_margin is not None for g in planned)
    parts = tuple(
        MixPart(g, basis.groups[g].name, float(n), float(n / everyone), _group_ltv(basis, g, profit))
        for g, n in planned.items()
    )
    return parts, "profit" if profit else "revenue"


def _costs(basis: ForecastBasis, facts: PlanVsFact | None) -> tuple[CostPart, ...]:
    parts = []
    for span in basis.spans:
        if span.new_customers_monthly <= 0 or not span.months:
            continue
        fact = facts.initiative(span.id) if facts is not None else None
        measured = fact is not None and fact.actual_cac is not None
        cac = fact.actual_cac if fact is not None and fact.actual_cac is not None else None
        if cac is None:
            cac = span.budget_monthly / span.new_customers_monthly
        parts.append(CostPart(span.id, span.title, span.new_customers_monthly * len(span.months), cac, measured))
    return tuple(parts)


def _verdict(forecast: ForecastFigures | None, reforecast: Reforecast | None) -> Verdict | None:
    base = forecast.base if forecast is not None else None
    if forecast is None or base is None:
        return None
    if reforecast is None:
        return Verdict("plan", forecast.months, base.roi, base.payback_month, base.payback_date, None, None, False)
    planned = base.payback_month
    contradicted = False
    if planned is not None and planned <= reforecast.through_month:
        at = reforecast.months[planned - 1]
        contradicted = at.cumulative_profit < at.cumulative_cost
    return Verdict(
        "actuals",
        forecast.months,
        reforecast.roi,
        reforecast.payback_month,
        reforecast.payback_date,
        planned,
        base.payback_date,
        contradicted,
    )


def compute_money_summary(
    basis: ForecastBasis | None,
    facts: PlanVsFact | None,
    economics: EconomicsFigures | None,
    forecast: ForecastFigures | None,
    reforecast: Reforecast | None,
) -> MoneySummary | None:
    """The summary's money; None when the plan has neither initiatives nor economics to value."""
    mix: tuple[MixPart, ...] = ()
    basis_kind: Literal["profit", "revenue"] = "profit"
    costs: tuple[CostPart, ...] = ()
    if basis is not None and not basis.missing:
        mix, basis_kind = _mix(basis)
        costs = _costs(basis, facts)
    value_work = cost_work = ratio_work = None
    value = cost = None
    if mix and all(p.ltv is not None for p in mix):
        total = sum(p.new_customers for p in mix)
        value_work = div(add(*[mul(p.new_customers, p.ltv or 0.0) for p in mix]), total)
        value = value_work.result
    elif not mix and economics is not None and (economics.ltv_profit or economics.ltv) is not None:
        # no initiative brings customers: the plan-level LTV is all there is
        basis_kind = "profit" if economics.ltv_profit is not None else "revenue"
        value = economics.ltv_profit if economics.ltv_profit is not None else economics.ltv
    source: Literal["actual", "planned", "mixed", "economics"] | None = None
    if costs:
        total = sum(c.new_customers for c in costs)
        cost_work = div(add(*[mul(c.new_customers, c.cac) for c in costs]), total)
        cost = cost_work.result
        measured = {c.measured for c in costs}
        source = "mixed" if len(measured) == 2 else "actual" if measured == {True} else "planned"
    elif economics is not None and economics.cac is not None:
        cost, source = economics.cac, "economics"
    if value is not None and cost is not None and cost > 0:
        ratio_work = div(value, cost)
    verdict = _verdict(forecast, reforecast)
    if value is None and cost is None and verdict is None:
        return None
    return MoneySummary(
        value=value,
        value_basis=basis_kind,
        value_work=value_work,
        mix=mix,
        cost=cost,
        cost_source=source,
        cost_work=cost_work,
        costs=costs,
        ratio=ratio_work.result if ratio_work else None,
        ratio_work=ratio_work,
        verdict=verdict,
    )


@dataclass(frozen=True)
class SummaryFigures:
    """The one-page summary: the money, the three priorities, this week, the next 90 days."""

    money: MoneySummary | None
    priorities: Priorities | None
    week: tuple[WeekItem, ...]
    horizon: tuple[Window, ...]


def compute_summary(
    plan: Plan,
    today: date,
    parts: tuple[ForecastBasis | None, PlanVsFact | None, ForecastFigures | None, Reforecast | None],
    economics: EconomicsFigures | None,
    audit: AuditFigures | None,
    calendar: CalendarFigures | None,
) -> SummaryFigures:
    """Everything the summary shows, from figures computed once (`parts`: basis, facts, forecast, re-forecast)."""
    basis, facts, forecast, reforecast = parts
    priorities = compute_priorities(plan, audit)
    return SummaryFigures(
        money=compute_money_summary(basis, facts, economics, forecast, reforecast),
        priorities=priorities,
        week=compute_week(plan, calendar, priorities, today),
        horizon=compute_horizon(plan, priorities, today),
    )
