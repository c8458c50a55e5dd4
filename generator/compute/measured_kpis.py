"""KPIs measured at each checkpoint (contract v3, *Using measured figures*): a KPI naming a
`metric` takes its actual from `measured/` over the checkpoint's span when none is typed.

Checkpoints are taken in date order (one date, one span). A span runs from the month after the
previous span (the first: from `forecast.start`; without a forecast, its last month alone) to the
checkpoint's month when the checkpoint is that month's last day, else to the month before. A span
month the data does not fully cover makes the KPI *not measured* — never zero.
"""

from __future__ import annotations

import calendar
from datetime import date

from generator.model import Kpi, Plan
from generator.model.measured import DealMonth, Measured, NpsData

MEAN_METRICS = ("new_customers", "won_deals", "revenue")


def _month(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def _index(day: date) -> int:
    return day.year * 12 + day.month - 1


def checkpoint_spans(plan: Plan) -> dict[date, tuple[date, date] | None]:
    """Each checkpoint date → its span (first month, last month), or None when the span is empty."""
    spans: dict[date, tuple[date, date] | None] = {}
    previous_end: int | None = None
    start = plan.forecast.start if plan.forecast and plan.forecast.start else None
    for day in sorted({c.date for c in plan.checkpoints}):
        last_day = calendar.monthrange(day.year, day.month)[1]
        end = _index(day) if day.day == last_day else _index(day) - 1
        first = end if start is None else _index(start)
        if previous_end is not None:
            first = previous_end + 1
        spans[day] = (_month(first), _month(end)) if first <= end else None
        previous_end = end
    return spans


def _months(span: tuple[date, date]) -> list[date]:
    return [_month(i) for i in range(_index(span[0]), _index(span[1]) + 1)]


def _deals_metric(kpi: Kpi, measured: Measured, span: tuple[date, date]) -> float | None:
    deals = measured.deals
    if deals is None:
        return None
    if kpi.initiative is not None:
        series = deals.initiatives.get(kpi.initiative)
    else:
        group = deals.groups.get(kpi.segment or "all")
        series = group.months if group else None
    if series is None:
        return None
    by_month: dict[date, DealMonth] = {m.month: m for m in series}
    rows = [by_month.get(m) for m in _months(span)]
    if any(r is None or r.partial for r in rows):
        return None
    full = [r for r in rows if r is not None]
    if kpi.metric == "customers":
        found = [
            s.customers
            for s in deals.spans
            if (s.start, s.end, s.segment, s.initiative) == (span[0], span[1], kpi.segment, kpi.initiative)
        ]
        return float(found[0]) if found else None
    if kpi.metric == "average_check":
        won = sum(r.won_deals for r in full)
        return sum(r.revenue for r in full) / won if won else None
    values = [getattr(r, str(kpi.metric)) for r in full]
    if any(v is None for v in values):
        return None
    return sum(values) / len(values)


def _nps_metric(kpi: Kpi, nps: NpsData | None, span: tuple[date, date]) -> float | None:
    if nps is None or nps.period.start > span[0] or nps.period.end < _end(span[1]):
        return None
    group = nps.segments.get(kpi.segment) if kpi.segment else nps.all
    if group is None:
        return None
    inside = [m for m in group.months if span[0] <= m.month <= span[1]]
    promoters = sum(m.promoters for m in inside)
    detractors = sum(m.detractors for m in inside)
    answers = promoters + detractors + sum(m.passives for m in inside)
    return (promoters - detractors) / answers * 100 if answers else None


def _end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def measured_kpi(kpi: Kpi, measured: Measured, span: tuple[date, date] | None) -> float | None:
    """A KPI's measured actual over its checkpoint's span; None: not measured."""
    if span is None or kpi.metric is None:
        return None
    if kpi.metric in ("visits", "goal_completions"):
        by_month = {v.month: v for v in measured.visits}
        rows = [by_month.get(m) for m in _months(span)]
        values = [getattr(r, kpi.metric) if r is not None else None for r in rows]
        return sum(values) / len(values) if values and all(v is not None for v in values) else None  # type: ignore[arg-type]
    if kpi.metric == "nps":
        return _nps_metric(kpi, measured.nps, span)
    return _deals_metric(kpi, measured, span)


def with_measured_kpis(plan: Plan, measured: Measured | None) -> Plan:
    """The plan with each measured KPI's actual filled in where none is typed (a typed actual wins)."""
    if measured is None or not any(k.metric for c in plan.checkpoints for k in c.kpis):
        return plan
    spans = checkpoint_spans(plan)
    checkpoints = []
    for checkpoint in plan.checkpoints:
        kpis = []
        for kpi in checkpoint.kpis:
            if kpi.metric is not None and kpi.actual is None:
                value = measured_kpi(kpi, measured, spans[checkpoint.date])
                if value is not None:
                    kpi = kpi.model_copy(update={"actual": value})
            kpis.append(kpi)
        checkpoints.append(checkpoint.model_copy(update={"kpis": kpis}))
    return plan.model_copy(update={"checkpoints": checkpoints})
