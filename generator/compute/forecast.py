"""Step 8: the ROI forecast, month by month, per scenario — exactly the contract's rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from generator.compute.arithmetic import Arithmetic, add, div, mul, sub
from generator.model import Plan

DEFAULT_SCENARIOS: dict[str, float] = {"pessimistic": 0.5, "base": 1.0, "optimistic": 1.5}


@dataclass(frozen=True)
class InitiativeSpan:
    """When an initiative runs within the forecast horizon (month numbers 1..months, inclusive)."""

    id: str
    title: str
    months: tuple[int, ...]  # the month numbers it runs in (empty: outside the horizon)
    budget_monthly: float
    new_customers_monthly: float
    one_off: tuple[tuple[int, float], ...]  # (month number, cost) of roadmap costs inside the horizon

    @property
    def first_month(self) -> int | None:
        """The first month it runs in, or None."""
        return self.months[0] if self.months else None

    @property
    def last_month(self) -> int | None:
        """The last month it runs in, or None."""
        return self.months[-1] if self.months else None


@dataclass(frozen=True)
class ForecastMonth:
    """One month of one scenario."""

    number: int  # 1..months
    month: date  # first day of the month
    cost: float  # budgets of running initiatives + one-off costs starting this month
    new_customers: float  # multiplier × Σ new_customers_monthly of running initiatives
    customers: float  # acquired in months 1..number
    profit: float  # customers × average_check × purchases_per_year / 12 × margin
    cumulative_cost: float
    cumulative_profit: float
    cost_work: Arithmetic  # budget + budget + one-off … = cost
    new_customers_work: Arithmetic  # multiplier × (n + n …) = new
    profit_work: Arithmetic  # customers × profit a customer a month = profit


@dataclass(frozen=True)
class ScenarioFigures:
    """A forecast scenario over the horizon: months, totals, ROI, payback."""

    name: str
    multiplier: float
    months: tuple[ForecastMonth, ...]
    cost: float
    profit: float
    new_customers: float
    roi: float | None  # (profit − cost) / cost; None when cost is 0
    roi_work: Arithmetic | None
    payback_month: int | None  # first month with cumulative cost > 0 and cumulative profit ≥ cumulative cost
    payback_date: date | None


@dataclass(frozen=True)
class ForecastFigures:
    """Step 8: the ROI forecast, month by month, per scenario."""

    start: date  # first day of month 1
    start_source: Literal["forecast", "roadmap", "audit", "today"]  # where `start` came from
    months: int
    margin: float  # gross_margin, or 1 where absent
    profit_per_customer_month: float  # average_check × purchases_per_year / 12 × margin
    profit_per_customer_month_work: Arithmetic
    initiatives: tuple[InitiativeSpan, ...]
    scenarios: tuple[ScenarioFigures, ...]  # the plan's order (default pessimistic, base, optimistic)

    def scenario(self, name: str) -> ScenarioFigures:
        """One scenario by name."""
        return next(s for s in self.scenarios if s.name == name)


def _month_index(start: date, day: date) -> int:
    """Month number of `day` in a horizon whose month 1 begins at `start` (may be ≤ 0 or beyond)."""
    return (day.year - start.year) * 12 + (day.month - start.month) + 1


def _add_months(start: date, months: int) -> date:
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def forecast_start(plan: Plan, today: date) -> tuple[date, Literal["forecast", "roadmap", "audit", "today"]]:
    """Month 1 of the forecast: `forecast.start`; else the month of the earliest roadmap start
    (when the plan begins to cost and earn); else the audit's month; else today's month."""
    if plan.forecast and plan.forecast.start:
        return plan.forecast.start.replace(day=1), "forecast"
    starts = [item.start for item in plan.roadmap if item.start is not None]
    if starts:
        return min(starts).replace(day=1), "roadmap"
    if plan.audit and plan.audit.date:
        return plan.audit.date.replace(day=1), "audit"
    return today.replace(day=1), "today"


def compute_forecast(plan: Plan, today: date) -> ForecastFigures | None:
    """The ROI forecast per scenario, exactly the contract's rule.

    None when `average_check` or `purchases_per_year` is missing, or when the strategy has no
    initiative (nothing to forecast).
    """
    e = plan.economics
    initiatives = plan.strategy.initiatives if plan.strategy else []
    if e is None or e.average_check is None or e.purchases_per_year is None or not initiatives:
        return None
    start, source = forecast_start(plan, today)
    horizon = plan.forecast.months if plan.forecast else 12
    scenarios = dict(plan.forecast.scenarios) if plan.forecast else dict(DEFAULT_SCENARIOS)
    margin = e.gross_margin if e.gross_margin is not None else 1.0
    per_customer = mul(div(mul(e.average_check, e.purchases_per_year), 12), margin)

    spans = []
    for initiative in initiatives:
        entries = [item for item in plan.roadmap if item.initiative == initiative.id]
        running: set[int] = set()
        one_off: list[tuple[int, float]] = []
        if not entries:
            running.update(range(1, horizon + 1))
        for item in entries:
            first = _month_index(start, item.start) if item.start else 1
            last = _month_index(start, item.end) if item.end else horizon
            running.update(range(max(first, 1), min(last, horizon) + 1))
            # A cost with no start date is due when the initiative starts: month 1.
            if item.cost and 1 <= first <= horizon:
                one_off.append((first, item.cost))
        spans.append(
            InitiativeSpan(
                id=initiative.id,
                title=initiative.title,
                months=tuple(sorted(running)),
                budget_monthly=initiative.budget_monthly or 0.0,
                new_customers_monthly=initiative.new_customers_monthly or 0.0,
                one_off=tuple(one_off),
            )
        )

    results = []
    for name, multiplier in scenarios.items():
        months = []
        customers = cumulative_cost = cumulative_profit = 0.0
        payback: int | None = None
        for m in range(1, horizon + 1):
            running_spans = [s for s in spans if m in s.months]
            cost_work = add(
                *[s.budget_monthly for s in running_spans], *[c for s in spans for n, c in s.one_off if n == m]
            )
            new_work = mul(multiplier, add(*[s.new_customers_monthly for s in running_spans]))
            cost, new = cost_work.result, new_work.result
            customers += new
            profit_work = mul(customers, per_customer.result)
            profit = profit_work.result
            cumulative_cost += cost
            cumulative_profit += profit
            if payback is None and cumulative_cost > 0 and cumulative_profit >= cumulative_cost:
                payback = m
            months.append(
                ForecastMonth(
                    number=m,
                    month=_add_months(start, m - 1),
                    cost=cost,
                    new_customers=new,
                    customers=customers,
                    profit=profit,
                    cumulative_cost=cumulative_cost,
                    cumulative_profit=cumulative_profit,
                    cost_work=cost_work,
                    new_customers_work=new_work,
                    profit_work=profit_work,
                )
            )
        roi_work = div(sub(cumulative_profit, cumulative_cost), cumulative_cost) if cumulative_cost > 0 else None
        results.append(
            ScenarioFigures(
                name=name,
                multiplier=multiplier,
                months=tuple(months),
                cost=cumulative_cost,
                profit=cumulative_profit,
                new_customers=customers,
                roi=roi_work.result if roi_work else None,
                roi_work=roi_work,
                payback_month=payback,
                payback_date=_add_months(start, payback - 1) if payback else None,
            )
        )
    return ForecastFigures(
        start=start,
        start_source=source,
        months=horizon,
        margin=margin,
        profit_per_customer_month=per_customer.result,
        profit_per_customer_month_work=per_customer,
        initiatives=tuple(spans),
        scenarios=tuple(results),
    )
