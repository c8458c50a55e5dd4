"""Measured figures (contract v3): what `measured/<slug>.yaml` says, turned into the method's figures.

The importer keeps counts and sums; here they become the average check, purchases a year,
retention, lifetime and LTV of the whole plan, each segment and the unassigned deals, beside
what the plan assumes; lost customers; NPS by month and now; visits → goal completions → won
deals. Demand and the refresh queue are in `generator.compute.webdata`. Figures stay unrounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.compute.arithmetic import Arithmetic, mul
from generator.compute.webdata import DemandFigures, RefreshItem, compute_demand, compute_refresh_queue
from generator.model import Actual, Economics, Plan, SegmentEconomics
from generator.model.measured import DealGroup, Measured, NpsCounts, NpsGroup, Source

MIN_RETENTION_CUSTOMERS = 10
MAX_LIFETIME = 20.0


@dataclass(frozen=True)
class GroupFigures:
    """A group's measured economics over the window; None where there is not enough history."""

    group: str  # "all", a segment id, or "unassigned"
    won_deals: int | None
    revenue: float | None
    customers: int | None
    previous_customers: int | None
    retained: int | None
    average_check: float | None
    purchases_per_year: float | None
    retention: float | None
    lifetime_years: float | None
    ltv: float | None
    gross_margin: float | None
    ltv_profit: float | None
    lost_count: int
    lost_revenue: float
    lost_limit_days: float | None
    ltv_work: Arithmetic | None = None


@dataclass(frozen=True)
class NpsFigure:
    """Answers by band and their NPS (promoters − detractors, in % of all answers)."""

    promoters: int
    passives: int
    detractors: int

    @property
    def answers(self) -> int:
        return self.promoters + self.passives + self.detractors

    @property
    def nps(self) -> float | None:
        return (self.promoters - self.detractors) / self.answers * 100 if self.answers else None


@dataclass(frozen=True)
class NpsSeries:
    """NPS by month and now, of the whole plan or one segment."""

    months: tuple[tuple[date, NpsFigure, int], ...]  # (month, answers, answers with a comment)
    current: NpsFigure | None
    current_start: date | None
    current_end: date | None


@dataclass(frozen=True)
class Funnel:
    """Visits → goal completions → won deals over the deals window (when visits cover every month)."""

    start: date
    end: date
    visits: int
    goal_completions: int | None
    won_deals: int


@dataclass(frozen=True)
class Provenance:
    """Where a kind's figures come from: the tool, the rows, the period."""

    kind: str
    systems: tuple[str, ...]
    files: tuple[str, ...]
    rows: int  # won deals for deals, answers for nps, rows read otherwise
    start: date | None
    end: date | None
    imported: date


@dataclass(frozen=True)
class MeasuredFigures:
    """Everything measured for one plan (contract v3)."""

    economics: dict[str, GroupFigures]
    window: tuple[date, date] | None
    nps: NpsSeries | None
    nps_segments: dict[str, NpsSeries]
    demand: DemandFigures | None
    refresh_queue: tuple[RefreshItem, ...]
    funnel: Funnel | None
    visits: tuple[tuple[date, int, int | None], ...]
    provenance: tuple[Provenance, ...]
    data_changed: bool  # the plan's data section differs from the one measured/ was computed with (M120)
    forecast_measured: tuple[str, ...] = ()  # forecast.basis measured: the "group.key" figures taken


def _margin(plan: Plan, group: str) -> float | None:
    segment = next((s for s in plan.segments if s.id == group), None)
    if segment is not None and segment.economics is not None and segment.economics.gross_margin is not None:
        return segment.economics.gross_margin
    return plan.economics.gross_margin if plan.economics else None


def group_figures(group_id: str, group: DealGroup, margin: float | None) -> GroupFigures:
    """The contract's economics of one group, from its window counts."""
    window = group.window
    check = purchases = retention = lifetime = ltv = profit = None
    if window is not None and window.won_deals and window.customers:
        check = window.revenue / window.won_deals
        purchases = window.won_deals / window.customers
        if window.previous_customers is not None and window.previous_customers >= MIN_RETENTION_CUSTOMERS:
            retention = (window.retained or 0) / window.previous_customers
            lifetime = MAX_LIFETIME if retention >= 1 else min(MAX_LIFETIME, 1 / (1 - retention))
            ltv = check * purchases * lifetime
            profit = ltv * margin if margin is not None else None
    return GroupFigures(
        group=group_id,
        won_deals=window.won_deals if window else None,
        revenue=window.revenue if window else None,
        customers=window.customers if window else None,
        previous_customers=window.previous_customers if window else None,
        retained=window.retained if window else None,
        average_check=check,
        purchases_per_year=purchases,
        retention=retention,
        lifetime_years=lifetime,
        ltv=ltv,
        gross_margin=margin,
        ltv_profit=profit,
        lost_count=group.lost.count,
        lost_revenue=group.lost.revenue,
        lost_limit_days=group.lost.limit_days,
        ltv_work=mul(check, purchases, lifetime) if ltv is not None and check and purchases and lifetime else None,
    )


def _figure(counts: NpsCounts) -> NpsFigure:
    return NpsFigure(counts.promoters, counts.passives, counts.detractors)


def nps_series(group: NpsGroup) -> NpsSeries:
    """A group's NPS per month and now."""
    months = tuple((m.month, NpsFigure(m.promoters, m.passives, m.detractors), m.comments) for m in group.months)
    current = group.current
    return NpsSeries(
        months=months,
        current=_figure(current) if current else None,
        current_start=current.start if current else None,
        current_end=current.end if current else None,
    )


def _funnel(measured: Measured) -> Funnel | None:
    deals = measured.deals
    if deals is None or deals.window is None or not measured.visits:
        return None
    start, end = deals.window.start, deals.window.end
    inside = [v for v in measured.visits if start <= v.month <= end]
    if len(inside) != 12:
        return None
    goals = [v.goal_completions for v in inside]
    all_group = deals.groups.get("all")
    won = all_group.window.won_deals if all_group and all_group.window else 0
    return Funnel(
        start=start,
        end=end,
        visits=sum(v.visits for v in inside),
        goal_completions=sum(g for g in goals if g is not None) if all(g is not None for g in goals) else None,
        won_deals=won,
    )


def _provenance(measured: Measured) -> tuple[Provenance, ...]:
    out = []
    by_kind: dict[str, list[Source]] = {}
    for source in measured.sources:
        by_kind.setdefault(source.kind, []).append(source)
    for kind, sources in by_kind.items():
        starts = [s.period.start for s in sources if s.period]
        ends = [s.period.end for s in sources if s.period]
        rows = sum(s.rows_read - s.rows_skipped for s in sources)
        if kind == "deals" and measured.deals is not None:
            rows = measured.deals.won_deals
            starts, ends = [measured.deals.period.start], [measured.deals.period.end]
        out.append(
            Provenance(
                kind=kind,
                systems=tuple(dict.fromkeys(s.system for s in sources if s.system)),
                files=tuple(s.file for s in sources),
                rows=rows,
                start=min(starts) if starts else None,
                end=max(ends) if ends else None,
                imported=max(s.imported for s in sources),
            )
        )
    return tuple(out)


def compute_measured(
    plan: Plan, measured: Measured | None, today: date, forecast_measured: tuple[str, ...] = ()
) -> MeasuredFigures | None:
    """The measured figures of a plan with a `measured/` file; None without one."""
    if measured is None:
        return None
    economics = {}
    window = None
    if measured.deals is not None:
        if measured.deals.window is not None:
            window = (measured.deals.window.start, measured.deals.window.end)
        for gid, group in measured.deals.groups.items():
            economics[gid] = group_figures(gid, group, _margin(plan, gid))
    nps = measured.nps
    return MeasuredFigures(
        economics=economics,
        window=window,
        nps=nps_series(nps.all) if nps else None,
        nps_segments={sid: nps_series(g) for sid, g in nps.segments.items()} if nps else {},
        demand=compute_demand(plan, measured.wordstat),
        refresh_queue=compute_refresh_queue(plan, measured, today),
        funnel=_funnel(measured),
        visits=tuple((v.month, v.visits, v.goal_completions) for v in measured.visits),
        provenance=_provenance(measured),
        data_changed=measured.data != plan.data,
        forecast_measured=forecast_measured,
    )


def measured_new_customers(measured: Measured | None, initiative: str) -> dict[date, int]:
    """An initiative's measured new customers by month: full months where they are measured."""
    if measured is None or measured.deals is None:
        return {}
    series = measured.deals.initiatives.get(initiative, [])
    return {m.month: m.new_customers for m in series if m.new_customers is not None and not m.partial}


def with_measured_actuals(plan: Plan, measured: Measured | None, today: date) -> Plan:
    """The plan with each mapped initiative's measured new customers as its actuals, month by month;
    a typed `actuals[].new_customers` wins (M117 warns when it differs). Spend stays typed."""
    if measured is None or plan.strategy is None or plan.data is None or not plan.data.initiatives:
        return plan
    initiatives = []
    for initiative in plan.strategy.initiatives:
        found = measured_new_customers(measured, initiative.id) if initiative.id in plan.data.initiatives else {}
        start = plan.forecast.start if plan.forecast and plan.forecast.start else None
        found = {m: n for m, n in found.items() if m <= today and (start is None or m >= start)}
        if not found:
            initiatives.append(initiative)
            continue
        actuals = []
        for actual in initiative.actuals:
            month = actual.month.replace(day=1)
            if actual.new_customers is None and month in found:
                actual = actual.model_copy(update={"new_customers": float(found[month])})
            found.pop(month, None)
            actuals.append(actual)
        actuals += [Actual.model_validate({"month": month, "new_customers": n}) for month, n in found.items()]
        initiatives.append(initiative.model_copy(update={"actuals": sorted(actuals, key=lambda a: a.month)}))
    strategy = plan.strategy.model_copy(update={"initiatives": initiatives})
    return plan.model_copy(update={"strategy": strategy})


def with_measured_economics(plan: Plan, measured: Measured | None) -> tuple[Plan, tuple[str, ...]]:
    """`forecast.basis: measured`: each group's check, purchases a year and lifetime taken from the
    measured economics where measured, from the plan otherwise; also which (group, key) were taken."""
    if measured is None or measured.deals is None or plan.forecast is None or plan.forecast.basis != "measured":
        return plan, ()
    taken: list[str] = []
    keys = ("average_check", "purchases_per_year", "lifetime_years")

    def values(gid: str) -> dict[str, float]:
        group = measured.deals.groups.get(gid) if measured.deals else None
        if group is None:
            return {}
        figures = group_figures(gid, group, None)
        found = {k: getattr(figures, k) for k in keys if getattr(figures, k) is not None}
        taken.extend(f"{gid}.{k}" for k in found)
        return found

    update: dict[str, object] = {}
    overall = values("all")
    if overall:
        base = plan.economics or Economics()
        update["economics"] = base.model_copy(update=overall)
    segments = []
    for segment in plan.segments:
        own = values(segment.id)
        if own:
            base_s = segment.economics or SegmentEconomics()
            segment = segment.model_copy(update={"economics": base_s.model_copy(update=own)})
        segments.append(segment)
    update["segments"] = segments
    return plan.model_copy(update=update), tuple(taken)
