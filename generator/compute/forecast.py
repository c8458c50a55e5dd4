"""Step 8: the ROI forecast, month by month, per scenario — exactly the contract's rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Literal

from generator.compute.arithmetic import Arithmetic, add, div, mul, sub
from generator.compute.groups import GroupEconomics, group_economics, split
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
    profit: float  # Σ over groups: active customers × p_g (v1: customers × profit a customer a month)
    cumulative_cost: float
    cumulative_profit: float
    cost_work: Arithmetic  # budget + budget + one-off … = cost
    new_customers_work: Arithmetic  # multiplier × (n + n …) = new
    profit_work: Arithmetic  # active customers × profit a customer a month (+ … per group) = profit
    active_customers: float = 0.0  # customers still buying this month (acquired within their lifetime)


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
    margin: float  # the plan's gross_margin, or 1 where absent
    profit_per_customer_month: float | None  # plan level: average_check × purchases_per_year / 12 × margin
    profit_per_customer_month_work: Arithmetic | None  # None when only segments give the keys
    initiatives: tuple[InitiativeSpan, ...]
    scenarios: tuple[ScenarioFigures, ...]  # the plan's order (default pessimistic, base, optimistic)
    groups: tuple[GroupEconomics, ...] = ()  # the used customer groups, plan order (plan level first)
    budget_cap: float | None = None  # strategy.budget_monthly: the client's monthly budget
    cumulative_cap: tuple[float, ...] = ()  # the cap month by month, added up (drawn against cumulative cost)

    def scenario(self, name: str) -> ScenarioFigures:
        """One scenario by name."""
        return next(s for s in self.scenarios if s.name == name)

    @property
    def base(self) -> ScenarioFigures | None:
        """The scenario that stands for the plan, decided here once for every output (a plan may
        rename its scenarios): the first with multiplier 1, else the one named `base`, else the middle
        one (of an even number, the one before the middle); None for a plan with no scenario."""
        chosen = next((s for s in self.scenarios if s.multiplier == 1), None)
        chosen = chosen or next((s for s in self.scenarios if s.name == "base"), None)
        return chosen or (self.scenarios[(len(self.scenarios) - 1) // 2] if self.scenarios else None)


def month_index(start: date, day: date) -> int:
    """Month number of `day` in a horizon whose month 1 begins at `start` (may be ≤ 0 or beyond)."""
    return (day.year - start.year) * 12 + (day.month - start.month) + 1


def _add_months(start: date, months: int) -> date:
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def add_months(start: date, months: int) -> date:
    """The first day of the month `months` after `start`'s month (the public name: the lint's budget-cap rule and
    the re-forecast name months)."""
    return _add_months(start, months)


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


@dataclass(frozen=True)
class ForecastBasis:
    """What the forecast and the plan against fact share: the horizon, the spans, the customer groups."""

    start: date
    start_source: Literal["forecast", "roadmap", "audit", "today"]
    months: int
    scenarios: dict[str, float]
    spans: tuple[InitiativeSpan, ...]
    splits: dict[str, tuple[tuple[str | None, Fraction], ...]]  # initiative id → (group, weight)
    groups: dict[str | None, GroupEconomics]  # every segment's E_g and the plan level's (None)
    used: tuple[str | None, ...]  # groups that receive customers (multiplier 1), in plan order

    @property
    def missing(self) -> tuple[tuple[str | None, str], ...]:
        """(group, key) of each required key a used group lacks: why the forecast is not computed."""
        return tuple((g, key) for g in self.used for key in self.groups[g].missing)


def _spans(plan: Plan, start: date, horizon: int) -> tuple[InitiativeSpan, ...]:
    spans = []
    for initiative in plan.strategy.initiatives if plan.strategy else []:
        entries = [item for item in plan.roadmap if item.initiative == initiative.id]
        running: set[int] = set()
        one_off: list[tuple[int, float]] = []
        if not entries:
            running.update(range(1, horizon + 1))
        for item in entries:
            first = month_index(start, item.start) if item.start else 1
            last = month_index(start, item.end) if item.end else horizon
            window = range(max(first, 1), min(last, horizon) + 1)
            # A seasonal initiative (`months: [4, 10, 11]`) runs only in those calendar months of its window.
            seasons = set(item.months)
            running.update(m for m in window if not seasons or _add_months(start, m - 1).month in seasons)
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
    return tuple(spans)


def forecast_basis(plan: Plan, today: date) -> ForecastBasis | None:
    """The horizon, spans and groups of a plan's forecast; None when the strategy has no initiative."""
    initiatives = plan.strategy.initiatives if plan.strategy else []
    if not initiatives:
        return None
    start, source = forecast_start(plan, today)
    horizon = plan.forecast.months if plan.forecast else 12
    spans = _spans(plan, start, horizon)
    splits = {i.id: split(i, plan) for i in initiatives}
    groups = group_economics(plan)
    receiving = {
        g
        for span in spans
        if span.months and span.new_customers_monthly > 0
        for g, weight in splits[span.id]
        if weight > 0
    }
    # When no group receives customers, the plan level counts as used (as in v1).
    used = tuple(g for g in groups if g in receiving) or (None,)
    scenarios = dict(plan.forecast.scenarios) if plan.forecast else dict(DEFAULT_SCENARIOS)
    return ForecastBasis(start, source, horizon, scenarios, spans, splits, groups, used)


def compute_forecast(plan: Plan, today: date) -> ForecastFigures | None:
    """The ROI forecast per scenario, exactly the contract's rule (v2: customer groups and lifetimes).

    None when the strategy has no initiative (nothing to forecast), or when a used customer group
    has no `average_check` or `purchases_per_year` (`forecast_basis(...).missing` says which).
    """
    basis = forecast_basis(plan, today)
    if basis is None or basis.missing:
        return None
    used = [basis.groups[g] for g in basis.used]
    # Groups with the same economics bring the same profit: one class each, so a v1 plan (one
    # class) is computed exactly as in v1.
    classes = list(dict.fromkeys(g.merge_key for g in used))
    weights = {
        span.id: {
            key: sum((w for g, w in basis.splits[span.id] if basis.groups[g].merge_key == key), Fraction(0))
            for key in classes
        }
        for span in basis.spans
    }
    representative = {key: next(g for g in used if g.merge_key == key) for key in classes}
    results = [
        _scenario(name, multiplier, basis, classes, weights, representative)
        for name, multiplier in basis.scenarios.items()
    ]
    plan_level = basis.groups[None]
    cap = plan.strategy.budget_monthly if plan.strategy else None
    return ForecastFigures(
        start=basis.start,
        start_source=basis.start_source,
        months=basis.months,
        margin=plan_level.gross_margin if plan_level.gross_margin is not None else 1.0,
        profit_per_customer_month=plan_level.profit_per_month,
        profit_per_customer_month_work=plan_level.profit_per_month_work,
        initiatives=basis.spans,
        scenarios=tuple(results),
        groups=tuple(used),
        budget_cap=cap,
        cumulative_cap=tuple(cap * m for m in range(1, basis.months + 1)) if cap is not None else (),
    )


ClassKey = tuple[float | None, float | None, float, int | None]


def _scenario(
    name: str,
    multiplier: float,
    basis: ForecastBasis,
    classes: list[ClassKey],
    weights: dict[str, dict[ClassKey, Fraction]],
    representative: dict[ClassKey, GroupEconomics],
) -> ScenarioFigures:
    """One scenario: cost, new customers by class, the cohorts still buying, profit, ROI, payback."""
    start, horizon = basis.start, basis.months
    new_by_class: dict[ClassKey, list[float]] = {key: [] for key in classes}
    months = []
    customers = cumulative_cost = cumulative_profit = 0.0
    payback: int | None = None
    for m in range(1, horizon + 1):
        running = [s for s in basis.spans if m in s.months]
        cost_work = add(*[s.budget_monthly for s in running], *[c for s in basis.spans for n, c in s.one_off if n == m])
        new_work = mul(multiplier, add(*[s.new_customers_monthly for s in running]))
        cost, new = cost_work.result, new_work.result
        customers += new
        parts = []
        active_total = 0.0
        for key in classes:
            group = representative[key]
            if len(classes) == 1:
                new_by_class[key].append(new)
            else:
                new_by_class[key].append(
                    multiplier * sum(s.new_customers_monthly * float(weights[s.id][key]) for s in running)
                )
            window = new_by_class[key]
            lifetime = group.lifetime_months
            # a customer acquired in month k buys in months k .. k + L − 1
            active = sum(window[max(0, m - lifetime) :]) if lifetime is not None else sum(window)
            active_total += active
            assert group.profit_per_month is not None  # the basis has no missing keys
            parts.append(mul(active, group.profit_per_month))
        profit_work = parts[0] if len(parts) == 1 else add(*parts)
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
                active_customers=active_total,
            )
        )
    roi_work = div(sub(cumulative_profit, cumulative_cost), cumulative_cost) if cumulative_cost > 0 else None
    return ScenarioFigures(
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

