"""Plan against fact: planned and actual CAC per initiative, month by month, and the actual ROI to date.

The method's last step checks results and judges cost-effectiveness before correcting the
strategy; these are its numbers. They need only the forecast's horizon (`forecast.start`,
`forecast.months`), so they are computed whenever the plan has a `forecast` section, even when
the profit forecast is not (then the ROI to date says which keys are missing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from generator.compute.arithmetic import Arithmetic, decimal_fraction, div, sub
from generator.compute.forecast import ForecastBasis, forecast_basis, month_index
from generator.model import Initiative, Plan


@dataclass(frozen=True)
class FactMonth:
    """One reported month of an initiative inside the horizon, against its plan (multiplier 1)."""

    number: int  # forecast month 1..months
    month: date
    planned_cost: float  # budget_monthly when it runs that month, else 0 (one-off costs are not in it)
    planned_new: float  # new_customers_monthly when it runs that month, else 0
    spend: float | None  # None: not reported (counts as 0 in sums)
    new_customers: float | None


@dataclass(frozen=True)
class InitiativeFact:
    """An initiative's planned and actual cost of a customer."""

    id: str
    title: str
    planned_cac: float | None  # budget_monthly / new_customers_monthly (both > 0)
    planned_cac_work: Arithmetic | None
    actual_cac: float | None  # Σ spend / Σ new_customers inside the horizon (Σ new > 0)
    actual_cac_work: Arithmetic | None
    cac_ratio: float | None  # actual / planned: > 1 means each customer costs more than planned
    cac_ratio_exact: Fraction | None  # the same, exactly, for ordering the correction list
    cac_ratio_work: Arithmetic | None
    months: tuple[FactMonth, ...]  # inside the horizon, in month order
    outside: tuple[date, ...]  # reported months outside the horizon: shown, counted nowhere
    future: tuple[date, ...] = ()  # reported months that begin after today: not facts yet, counted nowhere


@dataclass(frozen=True)
class RoiToDate:
    """The plan's actual ROI over forecast months 1..M (M: the latest month with a reported figure)."""

    through_month: int
    through_date: date
    cost: float  # Σ actual spend over months 1..M
    profit: float | None  # what the actual new customers brought by the cohort rule; None: keys missing
    roi: float | None  # (profit − cost) / cost; None without cost or profit
    roi_work: Arithmetic | None
    missing: tuple[tuple[str | None, str], ...]  # (group, key) the profit needs and the plan lacks
    cost_by_month: tuple[float, ...] = ()  # actual spend in months 1..M
    profit_by_month: tuple[float, ...] | None = None  # what the actual customers brought in months 1..M


@dataclass(frozen=True)
class PlanVsFact:
    """Plan against fact of every initiative, and the actual ROI to date (None: nothing reported)."""

    initiatives: tuple[InitiativeFact, ...]  # plan order
    roi_to_date: RoiToDate | None

    def initiative(self, initiative_id: str) -> InitiativeFact:
        """One initiative's figures by id."""
        return next(i for i in self.initiatives if i.id == initiative_id)


def _exact(value: float) -> Fraction:
    return decimal_fraction(value)


def _initiative_fact(initiative: Initiative, basis: ForecastBasis, today: date) -> InitiativeFact:
    span = next(s for s in basis.spans if s.id == initiative.id)
    budget, planned_new = initiative.budget_monthly, initiative.new_customers_monthly
    planned_work = div(budget, planned_new) if budget and planned_new else None
    inside, outside, future = [], [], []
    for actual in sorted(initiative.actuals, key=lambda a: a.month):
        if actual.month.replace(day=1) > today:
            future.append(actual.month)  # a month not begun cannot have been measured (check warns, M111)
            continue
        number = month_index(basis.start, actual.month)
        if not 1 <= number <= basis.months:
            outside.append(actual.month)
            continue
        runs = number in span.months
        inside.append(
            FactMonth(
                number=number,
                month=actual.month.replace(day=1),
                planned_cost=span.budget_monthly if runs else 0.0,
                planned_new=span.new_customers_monthly if runs else 0.0,
                spend=actual.spend,
                new_customers=actual.new_customers,
            )
        )
    spend = sum((m.spend or 0.0 for m in inside), 0.0)
    new = sum((m.new_customers or 0.0 for m in inside), 0.0)
    actual_work = div(spend, new) if new > 0 else None
    ratio_work = div(actual_work.result, planned_work.result) if actual_work and planned_work else None
    exact = None
    if actual_work and budget and planned_new:
        spend_exact = sum((_exact(m.spend or 0.0) for m in inside), Fraction(0))
        new_exact = sum((_exact(m.new_customers or 0.0) for m in inside), Fraction(0))
        exact = (spend_exact / new_exact) / (_exact(budget) / _exact(planned_new))
    return InitiativeFact(
        id=initiative.id,
        title=initiative.title,
        planned_cac=planned_work.result if planned_work else None,
        planned_cac_work=planned_work,
        actual_cac=actual_work.result if actual_work else None,
        actual_cac_work=actual_work,
        cac_ratio=ratio_work.result if ratio_work else None,
        cac_ratio_exact=exact,
        cac_ratio_work=ratio_work,
        months=tuple(inside),
        outside=tuple(outside),
        future=tuple(future),
    )


def _roi_to_date(basis: ForecastBasis, facts: tuple[InitiativeFact, ...]) -> RoiToDate | None:
    """Actual spend against the profit the actual new customers brought in months 1..M (cohort rule)."""
    reported = [m.number for f in facts for m in f.months if m.spend is not None or m.new_customers is not None]
    if not reported:
        return None
    last = max(reported)
    cost = sum((m.spend or 0.0 for f in facts for m in f.months if m.number <= last), 0.0)
    profit = 0.0
    by_month = [0.0] * last
    missing: list[tuple[str | None, str]] = []
    for fact in facts:
        for group_id, weight in basis.splits[fact.id]:
            group = basis.groups[group_id]
            for m in fact.months:
                customers = (m.new_customers or 0.0) * float(weight)
                if customers <= 0 or m.number > last:
                    continue
                if group.profit_per_month is None:
                    missing.extend((group_id, key) for key in group.missing if (group_id, key) not in missing)
                    continue
                # acquired in month k, buying in months k .. min(M, k + L − 1)
                lifetime = group.lifetime_months
                end = last if lifetime is None else min(last, m.number + lifetime - 1)
                profit += customers * group.profit_per_month * (end - m.number + 1)
                for month in range(m.number, end + 1):
                    by_month[month - 1] += customers * group.profit_per_month
    roi_work = div(sub(profit, cost), cost) if cost > 0 and not missing else None
    return RoiToDate(
        through_month=last,
        through_date=next(m.month for f in facts for m in f.months if m.number == last),
        cost=cost,
        profit=None if missing else profit,
        roi=roi_work.result if roi_work else None,
        roi_work=roi_work,
        missing=tuple(missing),
        cost_by_month=tuple(
            sum((m.spend or 0.0 for f in facts for m in f.months if m.number == month), 0.0)
            for month in range(1, last + 1)
        ),
        profit_by_month=None if missing else tuple(by_month),
    )


def compute_plan_vs_fact(plan: Plan, today: date) -> PlanVsFact | None:
    """Plan against fact; None without a `forecast` section or without initiatives."""
    if plan.forecast is None or plan.strategy is None:
        return None
    basis = forecast_basis(plan, today)
    if basis is None:
        return None
    facts = tuple(_initiative_fact(i, basis, today) for i in plan.strategy.initiatives)
    return PlanVsFact(initiatives=facts, roi_to_date=_roi_to_date(basis, facts))


def planned_only(plan: Plan, initiative_id: str) -> InitiativeFact:
    """An initiative's planned CAC when the plan has no forecast horizon to set actuals against."""
    initiatives = plan.strategy.initiatives if plan.strategy else []
    initiative = next(i for i in initiatives if i.id == initiative_id)
    budget, new = initiative.budget_monthly, initiative.new_customers_monthly
    work = div(budget, new) if budget and new else None
    return InitiativeFact(
        id=initiative.id,
        title=initiative.title,
        planned_cac=work.result if work else None,
        planned_cac_work=work,
        actual_cac=None,
        actual_cac_work=None,
        cac_ratio=None,
        cac_ratio_exact=None,
        cac_ratio_work=None,
        months=(),
        outside=(),
    )
