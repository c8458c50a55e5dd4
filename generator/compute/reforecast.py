"""The re-forecast: the plan's horizon again, with what has happened and the actual rates for the rest.

A forecast made before anything was measured keeps promising its payback month after the
actuals have contradicted it (the bakery's base scenario "pays back in November" while its actual
ROI to date is −55%). Once actuals exist, the client needs the plan redone from them:

- months 1 … M (M: the latest month with a reported actual, as in the actual ROI to date): an
  initiative with actuals counts its reported spend and new customers (an unreported month
  counts 0); an initiative without actuals counts its plan;
- months M + 1 … the horizon: a measured initiative continues, in the months it runs, at its
  *actual rates*: spend = Σ spend / k and new customers = Σ new customers / k over its k reported
  months (so each new customer costs its actual CAC); its one-off roadmap costs after M as
  planned; an initiative without actuals as planned;
- profit by the forecast's cohort rule (customers split among segments, each group's profit a
  month for its lifetime); ROI and payback month as in the forecast.

docs/plan-format.md ("The re-forecast") works an example by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from generator.compute.actuals import PlanVsFact
from generator.compute.arithmetic import Arithmetic, div, sub
from generator.compute.forecast import ForecastBasis, InitiativeSpan, add_months


@dataclass(frozen=True)
class ActualRate:
    """A measured initiative's actual rates: what the remaining months continue at."""

    id: str
    title: str
    months_reported: int  # k: reported months inside the horizon, none after today
    spend_rate: float  # Σ spend / k, a month
    spend_rate_work: Arithmetic
    new_rate: float  # Σ new customers / k, a month
    new_rate_work: Arithmetic


@dataclass(frozen=True)
class ReforecastMonth:
    """One month of the re-forecast; `actual` for months 1 … M."""

    number: int
    month: date
    actual: bool
    cost: float
    new_customers: float
    profit: float
    cumulative_cost: float
    cumulative_profit: float


@dataclass(frozen=True)
class Reforecast:
    """The horizon redone from the actuals: totals, ROI, payback, and the rates it used."""

    through_month: int  # M
    through_date: date
    rates: tuple[ActualRate, ...]  # measured initiatives, plan order
    months: tuple[ReforecastMonth, ...]
    cost: float
    profit: float
    new_customers: float
    roi: float | None  # (profit − cost) / cost; None without cost
    roi_work: Arithmetic | None
    payback_month: int | None
    payback_date: date | None


def _series(
    span: InitiativeSpan, basis: ForecastBasis, facts: PlanVsFact, last: int
) -> tuple[list[float], list[float], ActualRate | None]:
    """An initiative's cost and new customers in months 1..horizon, and its actual rate if measured."""
    horizon = basis.months
    cost = [0.0] * (horizon + 1)
    new = [0.0] * (horizon + 1)
    one_off = dict.fromkeys(range(1, horizon + 1), 0.0)
    for number, amount in span.one_off:
        one_off[number] += amount
    fact = facts.initiative(span.id)
    reported = [m for m in fact.months if m.spend is not None or m.new_customers is not None]
    if not reported:
        for m in range(1, horizon + 1):
            runs = m in span.months
            cost[m] = (span.budget_monthly if runs else 0.0) + one_off[m]
            new[m] = span.new_customers_monthly if runs else 0.0
        return cost, new, None
    k = len(reported)
    spend_work = div(sum((m.spend or 0.0 for m in reported), 0.0), k)
    new_work = div(sum((m.new_customers or 0.0 for m in reported), 0.0), k)
    rate = ActualRate(span.id, span.title, k, spend_work.result, spend_work, new_work.result, new_work)
    for month in fact.months:
        cost[month.number] += month.spend or 0.0
        new[month.number] += month.new_customers or 0.0
    for m in range(last + 1, horizon + 1):
        runs = m in span.months
        cost[m] = (rate.spend_rate if runs else 0.0) + one_off[m]
        new[m] = rate.new_rate if runs else 0.0
    return cost, new, rate


def compute_reforecast(basis: ForecastBasis | None, facts: PlanVsFact | None) -> Reforecast | None:
    """The re-forecast; None before any actual (nothing to redo) or when the forecast cannot be computed."""
    if basis is None or facts is None or facts.roi_to_date is None or basis.missing:
        return None
    last, horizon = facts.roi_to_date.through_month, basis.months
    costs = [0.0] * (horizon + 1)
    news = [0.0] * (horizon + 1)
    by_group: dict[str | None, list[float]] = {g: [0.0] * (horizon + 1) for g in basis.used}
    rates = []
    for span in basis.spans:
        cost, new, rate = _series(span, basis, facts, last)
        if rate is not None:
            rates.append(rate)
        for m in range(1, horizon + 1):
            costs[m] += cost[m]
            news[m] += new[m]
            for group, weight in basis.splits[span.id]:
                if weight > 0 and new[m]:
                    by_group.setdefault(group, [0.0] * (horizon + 1))[m] += new[m] * float(Fraction(weight))
    months = []
    cumulative_cost = cumulative_profit = 0.0
    payback: int | None = None
    for m in range(1, horizon + 1):
        profit = 0.0
        for group, series in by_group.items():
            economics = basis.groups[group]
            if economics.profit_per_month is None:
                continue
            lifetime = economics.lifetime_months
            first = 1 if lifetime is None else max(1, m - lifetime + 1)
            profit += sum(series[first : m + 1]) * economics.profit_per_month
        cumulative_cost += costs[m]
        cumulative_profit += profit
        if payback is None and cumulative_cost > 0 and cumulative_profit >= cumulative_cost:
            payback = m
        months.append(
            ReforecastMonth(
                m,
                add_months(basis.start, m - 1),
                m <= last,
                costs[m],
                news[m],
                profit,
                cumulative_cost,
                cumulative_profit,
            )
        )
    roi_work = div(sub(cumulative_profit, cumulative_cost), cumulative_cost) if cumulative_cost > 0 else None
    return Reforecast(
        through_month=last,
        through_date=facts.roi_to_date.through_date,
        rates=tuple(rates),
        months=tuple(months),
        cost=cumulative_cost,
        profit=cumulative_profit,
        new_customers=sum(news),
        roi=roi_work.result if roi_work else None,
        roi_work=roi_work,
        payback_month=payback,
        payback_date=add_months(basis.start, payback - 1) if payback else None,
    )
