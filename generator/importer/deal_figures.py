"""The deals read (`generator.importer.deals`) → the measured figures of contract v3: monthly series
overall, per segment and per initiative, the window's economics (average check, purchases a year,
retention) and the lost customers.

Customers arrive as opaque keys and leave as counts and sums only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import timedelta
from typing import Any

from generator.importer.deals import UNASSIGNED, Deal, DealsRead, Matcher
from generator.importer.spans import Months, month_index, month_of
from generator.model import Plan
from generator.model.measured import DealGroup, DealMonth, Deals, Lost, Period, Span, Window


def data_period(read: DealsRead, period: Period | None) -> Period | None:
    """`--period`, else the dated rows' first to last day."""
    if period is not None:
        return period
    if read.first is None or read.last is None:
        return None
    return Period(start=read.first, end=read.last)


def measure_deals(read: DealsRead, period: Period, plan: Plan) -> tuple[Deals, set[tuple[str, str]]]:
    """The `deals` section of measured/, and the lost customers' keys (for --export-lost)."""
    months = Months(period)
    deals = sorted(read.deals)  # (day, time, order, …) as tuples: order is unique, so nothing after it counts
    by_customer: dict[tuple[str, str], list[Deal]] = {}
    for deal in deals:
        own = by_customer.get(deal.customer)
        if own is None:
            by_customer[deal.customer] = [deal]
        else:
            own.append(deal)
    group_ids = ["all", *[s for s, _ in Matcher(plan).segments], UNASSIGNED]
    new_in = {own[0].order for own in by_customer.values()}  # each customer's first deal
    window = months.window(0)
    previous = months.window(1)
    measured: dict[str, DealGroup] = {}
    purchases: dict[str, float] = {}
    order_i = [i for i, _ in Matcher(plan).initiatives] + [UNASSIGNED]
    cells_ = _cells(deals, new_in)
    group_series, initiative_series = _all_series(cells_, months, group_ids, order_i)
    for gid in group_ids:
        series = group_series[gid]
        win = _window(cells_, gid, window, previous)
        measured[gid] = DealGroup(months=series, window=win)
        if win is not None and win.customers:
            purchases[gid] = win.won_deals / win.customers
    lost, lost_keys = _lost(by_customer, period, purchases)
    measured = {gid: g.model_copy(update={"lost": lost.get(gid, Lost())}) for gid, g in measured.items()}
    result = Deals(
        period=period,
        window=window,
        previous_window=previous,
        measured_from=months.measured_from,
        groups=measured,
        initiatives=initiative_series,
        won_deals=len(deals),
        spans=_spans(deals, plan),
    )
    return result, lost_keys


def _spans(deals: list[Deal], plan: Plan) -> list[Span]:
    """Distinct customers over each checkpoint span a KPI with metric `customers` asks for."""
    from generator.compute.measured_kpis import checkpoint_spans

    spans = checkpoint_spans(plan)
    wanted = {
        (span, kpi.segment, kpi.initiative)
        for checkpoint in plan.checkpoints
        for kpi in checkpoint.kpis
        if kpi.metric == "customers" and (span := spans.get(checkpoint.date)) is not None
    }
    out = []
    for (start, end), segment, initiative in sorted(wanted, key=lambda w: (w[0], w[1] or "", w[2] or "")):
        customers = {
            d.customer
            for d in deals
            if start <= d.day.replace(day=1) <= end
            and (segment is None or d.segment == segment)
            and (initiative is None or d.initiative == initiative)
        }
        out.append(Span(start=start, end=end, segment=segment, initiative=initiative, customers=len(customers)))
    return out


Cells = dict[tuple[str, str, int], list[Any]]  # (segment, initiative, month) → [won, revenue, customers, new]


def _cells(deals: list[Deal], new_in: set[int]) -> Cells:
    """One pass over the deals into the few (segment, initiative, month) cells every figure sums."""
    cells_: Cells = {}
    for _, _, order, amount, customer, segment, initiative, month in deals:
        key = (segment, initiative, month)
        cell = cells_.get(key)
        if cell is None:
            cell = cells_[key] = [0, 0.0, set(), 0]
        cell[0] += 1
        cell[1] += amount
        cell[2].add(customer)
        if order in new_in:
            cell[3] += 1
    return cells_


def _all_series(
    cells_: Cells, months: Months, groups: list[str], initiatives: list[str]
) -> tuple[dict[str, list[DealMonth]], dict[str, list[DealMonth]]]:
    """Every group's and initiative's monthly series, summed from the cells."""
    by_month: dict[int, list[tuple[str, str, list[Any]]]] = defaultdict(list)
    for (seg, ini, month), c in cells_.items():  # in the cells' order, so sums add up in the same order
        by_month[month].append((seg, ini, c))

    def series(kind: str, ident: str) -> list[DealMonth]:
        out = []
        for m in months.indexes():
            own = [
                c
                for seg, ini, c in by_month.get(m, [])
                if (kind == "group" and ident == "all") or (seg if kind == "group" else ini) == ident
            ]
            customers: set[tuple[str, str]] = set().union(*(c[2] for c in own)) if own else set()
            out.append(
                DealMonth(
                    month=month_of(m),
                    partial=not months.full(m),
                    won_deals=sum(c[0] for c in own),
                    revenue=sum(c[1] for c in own),
                    customers=len(customers),
                    new_customers=sum(c[3] for c in own) if months.new_measured(m) else None,
                )
            )
        return out

    by_group = {g: series("group", g) for g in groups}
    by_initiative = {i: series("initiative", i) for i in initiatives}
    return by_group, by_initiative


def _window(cells_: Cells, group: str, window: Period | None, previous: Period | None) -> Window | None:
    """A group's window figures (windows are whole months, so the month cells add up exactly)."""
    if window is None:
        return None

    def inside(span: Period) -> list[list[Any]]:
        months = range(month_index(span.start), month_index(span.end) + 1)
        return [c for (seg, _, m), c in cells_.items() if m in months and (group == "all" or seg == group)]

    own = inside(window)
    customers: set[tuple[str, str]] = set().union(*(c[2] for c in own))
    before: set[tuple[str, str]] = set().union(*(c[2] for c in inside(previous))) if previous else set()
    return Window(
        won_deals=sum(c[0] for c in own),
        revenue=sum(c[1] for c in own),
        customers=len(customers),
        previous_customers=len(before) if previous is not None else None,
        retained=len(before & customers) if previous is not None else None,
    )


def lost_limit(purchases: float | None) -> float:
    """Days of silence after which a customer is lost: max(60, 2 × 365 ÷ P); 60 when P is unknown."""
    return max(60.0, 730 / purchases) if purchases else 60.0


def _lost(
    by_customer: dict[tuple[str, str], list[Deal]], period: Period, purchases: dict[str, float]
) -> tuple[dict[str, Lost], set[tuple[str, str]]]:
    """Customers with 2+ won deals silent for longer than their limit (`by_customer`: each one's
    won deals in date order)."""
    counts: Counter[str] = Counter()
    revenue: defaultdict[str, float] = defaultdict(float)
    keys = set()
    for key, own in by_customer.items():
        if len(own) < 2:
            continue
        last = own[-1]
        # P of the last deal's segment; the whole plan's when unassigned or not measured
        p = (purchases.get(last.segment) if last.segment != UNASSIGNED else None) or purchases.get("all")
        if (period.end - last.day).days <= lost_limit(p):
            continue
        since = last.day - timedelta(days=364)
        money = sum(d.amount for d in own if since <= d.day <= last.day)
        keys.add(key)
        for gid in ("all", last.segment):
            counts[gid] += 1
            revenue[gid] += money
    limits = {
        gid: lost_limit((purchases.get(gid) if gid != UNASSIGNED else None) or purchases.get("all"))
        for gid in {*purchases, "all"}
    }
    return {
        gid: Lost(count=counts[gid], revenue=revenue[gid], limit_days=limits.get(gid, limits["all"]))
        for gid in {*counts, *purchases, "all"}
    }, keys
