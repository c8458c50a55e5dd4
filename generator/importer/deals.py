"""Deals exports → the won deals' monthly series, window figures and lost customers (contract v3).

Rows are read once, in file order; a skipped row is counted under the first reason that applies
(no date; after today or outside --period; a duplicate deal id of the same CRM; not won; amount not
positive). Customers are keyed as the contract says (phone, else e-mail, else contact id, else
contact name) and the keys never leave this module: only counts and sums do.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from operator import attrgetter, itemgetter
from typing import Any

from generator.importer import cells
from generator.importer.recognise import Found
from generator.importer.spans import Months, month_index, month_of
from generator.model import Plan
from generator.model.data import Mapping
from generator.model.measured import DealGroup, DealMonth, Deals, Lost, Period, Span, Window

WON = frozenset(cells.same(s) for s in ("Успешно реализовано", "Сделка успешна", "WON", "Closed Won"))
SKIP_REASONS = ("no_date", "after_today", "outside_period", "duplicate", "not_won", "amount_not_positive")
_SPLIT = re.compile(r"[,;]")
_DIGITS = re.compile(r"\D+")
UNASSIGNED = "unassigned"


@dataclass(slots=True)
class Deal:
    """A won deal as the figures need it (no personal data but the opaque customer key)."""

    day: date
    time: str
    order: int
    amount: float
    customer: tuple[str, str]
    segment: str
    initiative: str
    month: int = 0  # month_index(day), computed once


@dataclass
class FileStats:
    """What was read of one file."""

    system: str | None
    rows_read: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    first: date | None = None
    last: date | None = None


@dataclass
class DealsRead:
    """Every file's won deals, the dated rows' range, and per-file stats."""

    deals: list[Deal] = field(default_factory=list)
    stats: list[FileStats] = field(default_factory=list)
    first: date | None = None
    last: date | None = None
    contacts: dict[tuple[str, str], tuple[date, str, list[str]]] = field(default_factory=dict)
    contact_header: list[str] = field(default_factory=list)


def system_of(found: Found) -> str | None:
    """The CRM that wrote the export, from its headers (duplicates are per CRM)."""
    if "этап сделки" in found.header or "основной контакт" in found.header:
        return "amoCRM"
    if "стадия сделки" in found.header or "направление" in found.header:
        return "Bitrix24"
    return None


def customer_key(row: list[Any], found: Found) -> tuple[str, str] | None:
    """Phone (last 10 digits of 10 or 11), else e-mail, else contact id, else contact name."""
    for i in found.columns.get("phone", []):
        value = _first(row, i)
        digits = _DIGITS.sub("", value)
        if digits:
            return ("phone", digits[-10:] if len(digits) in (10, 11) else digits)
    for i in found.columns.get("email", []):
        value = _first(row, i)
        if value:
            return ("email", value.lower())
    for name, kind in (("contact_id", "id"), ("contact", "name")):
        index = found.one(name)
        value = _first(row, index) if index is not None else ""
        if value:
            return (kind, cells.same(value) if kind == "name" else value)
    return None


def _first(row: list[Any], i: int) -> str:
    value = cells.text(row[i]) if i < len(row) else ""
    return _SPLIT.split(value, 1)[0].strip() if value else ""


class Matcher:
    """Which segment and initiative a deal belongs to: the first match in the plan's order."""

    def __init__(self, plan: Plan) -> None:
        data = plan.data
        segments = data.segments if data else {}
        initiatives = data.initiatives if data else {}
        order_s = [s.id for s in plan.segments if s.id in segments]
        order_i = [i.id for i in plan.strategy.initiatives if i.id in initiatives] if plan.strategy else []
        self.segments = [(sid, _sets(segments[sid])) for sid in order_s]
        self.initiatives = [(iid, _sets(initiatives[iid])) for iid in order_i]
        self.won = WON | {cells.same(s) for s in (data.won_stages if data else [])}
        self._cache: dict[tuple[str, str, tuple[Any, ...]], tuple[str, str]] = {}

    def match_cells(self, tags: str, pipeline: str, sources: tuple[Any, ...]) -> tuple[str, str]:
        """(segment, initiative) of a deal's raw cells; deals repeat the same few combinations: cached."""
        key = (tags, pipeline, sources)
        found = self._cache.get(key)
        if found is None:
            tag_set = {cells.same(t) for t in _SPLIT.split(tags) if t.strip()}
            found = self.match(tag_set, cells.same(pipeline), {cells.same(cells.text(s)) for s in sources} - {""})
            self._cache[key] = found
        return found

    def match(self, tags: set[str], pipeline: str, sources: set[str]) -> tuple[str, str]:
        """(segment id, initiative id), either `unassigned`."""
        return _first_match(self.segments, tags, pipeline, sources), _first_match(
            self.initiatives, tags, pipeline, sources
        )


def _sets(mapping: Mapping) -> tuple[set[str], set[str], set[str]]:
    return (
        {cells.same(t) for t in mapping.tags},
        {cells.same(p) for p in mapping.pipelines},
        {cells.same(s) for s in mapping.sources},
    )


def _first_match(
    order: list[tuple[str, tuple[set[str], set[str], set[str]]]], tags: set[str], pipeline: str, sources: set[str]
) -> str:
    for ident, (want_tags, want_pipelines, want_sources) in order:
        if tags & want_tags or pipeline in want_pipelines or sources & want_sources:
            return ident
    return UNASSIGNED


def read_deals(
    tables: Iterable[Found], plan: Plan, today: date, period: Period | None, keep_contacts: bool = False
) -> DealsRead:
    """Every row of every deals table, in order: won deals kept, the rest counted by reason."""
    out = DealsRead()
    matcher = Matcher(plan)
    seen: set[tuple[str | None, str]] = set()
    order = 0
    for found in tables:
        stats = FileStats(system=system_of(found))
        out.stats.append(stats)
        if keep_contacts and not out.contact_header:
            out.contact_header = [found.header[i] for i in _contact_columns(found)]
        reader = _RowReader(found, matcher, today, period, stats, seen)
        for row in found.data():
            if not any(row):
                continue
            order += 1
            stats.rows_read += 1
            reason, deal = reader.read(row, order)
            if reason:
                stats.skipped[reason] += 1
                continue
            assert deal is not None
            out.deals.append(deal)
            if keep_contacts:
                _keep_contact(out, deal, row, found)
        for day in (stats.first, stats.last):
            if day is not None:
                out.first = day if out.first is None or day < out.first else out.first
                out.last = day if out.last is None or day > out.last else out.last
    return out


def _cell(row: list[Any], i: int | None) -> Any:
    return row[i] if i is not None and i < len(row) else None


def _text(row: list[Any], i: int | None) -> str:
    """A cell as trimmed text; CSV cells are text already (the common, fast case)."""
    if i is None or i >= len(row):
        return ""
    value = row[i]
    return value.strip() if isinstance(value, str) else cells.text(value)


class _RowReader:
    """One deals table's rows → won deals: the needed cells picked in one call, repeated cells
    cached (a CRM export repeats its stages, tags, sources and customers thousands of times)."""

    def __init__(
        self,
        found: Found,
        matcher: Matcher,
        today: date,
        period: Period | None,
        stats: FileStats,
        seen: set[tuple[str | None, str]],
    ) -> None:
        self.found, self.matcher, self.today, self.period = found, matcher, today, period
        self.stats, self.seen = stats, seen
        pad = len(found.header)  # an absent column reads the empty cell padded at this index
        names = ("closed", "created", "amount", "stage", "tags", "pipeline", "id")
        where = [found.one(name) for name in names]
        self.has_stage = where[3] is not None
        sources = found.columns.get("source", [])
        contact = [found.one("contact_id"), found.one("contact")]
        keys = [
            *found.columns.get("phone", []),
            *found.columns.get("email", []),
            *(i for i in contact if i is not None),
        ]
        columns = [pad if i is None else i for i in where] + sources + keys
        self.width = pad + 1
        self.pick = itemgetter(*columns, pad)  # the trailing pad keeps the result a tuple
        self.n_sources, self.n_keys = len(sources), len(keys)
        self.keys: dict[tuple[Any, ...], tuple[str, str] | None] = {}
        self.stages: dict[Any, bool] = {}

    def read(self, row: list[Any], order: int) -> tuple[str | None, Deal | None]:
        """(skip reason, None) or (None, the won deal): the first reason that applies."""
        if len(row) < self.width:
            row = row + [""] * (self.width - len(row))
        values = self.pick(row)
        closed, created, amount_cell, stage, tags, pipeline, ident = values[:7]
        when = cells.stamp(closed) if closed not in (None, "") else None
        if when is None:
            when = cells.stamp(created)
        if when is None:
            return "no_date", None
        day = when[0]
        if day > self.today:
            return "after_today", None
        period, stats = self.period, self.stats
        if period is not None and not period.start <= day <= period.end:
            return "outside_period", None
        if stats.first is None or day < stats.first:
            stats.first = day
        if stats.last is None or day > stats.last:
            stats.last = day
        ident = ident.strip() if ident.__class__ is str else cells.text(ident)
        if ident:
            if (stats.system, ident) in self.seen:
                return "duplicate", None
            self.seen.add((stats.system, ident))
        if self.has_stage:
            won = self.stages.get(stage)
            if won is None:
                won = self.stages[stage] = cells.same(cells.text(stage)) in self.matcher.won
            if not won:
                return "not_won", None
        amount = cells.number(amount_cell) or 0.0
        if amount <= 0:
            return "amount_not_positive", None
        sources = values[7 : 7 + self.n_sources]
        segment, initiative = self.matcher.match_cells(cells.text(tags), cells.text(pipeline), sources)
        raw = values[7 + self.n_sources : 7 + self.n_sources + self.n_keys]
        if raw in self.keys:
            customer = self.keys[raw]
        else:
            customer = self.keys[raw] = customer_key(row, self.found)
        month = day.year * 12 + day.month - 1
        return None, Deal(day, when[1], order, amount, customer or ("deal", str(order)), segment, initiative, month)


def _contact_columns(found: Found) -> list[int]:
    names = [*found.columns.get("phone", []), *found.columns.get("email", [])]
    for name in ("contact", "contact_id"):
        i = found.one(name)
        if i is not None:
            names.insert(0, i)
    return names


def _keep_contact(out: DealsRead, deal: Deal, row: list[Any], found: Found) -> None:
    """The contact columns of a customer's latest won deal: for --export-lost only."""
    values = [cells.text(_cell(row, i)) for i in _contact_columns(found)]
    known = out.contacts.get(deal.customer)
    if known is None or (deal.day, deal.time) >= known[:2]:
        out.contacts[deal.customer] = (deal.day, deal.time, values)


# the figures ---------------------------------------------------------------------------------


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
    deals = sorted(read.deals, key=attrgetter("day", "time", "order"))
    first_of: dict[tuple[str, str], Deal] = {}
    for deal in deals:
        first_of.setdefault(deal.customer, deal)
    group_ids = ["all", *[s for s, _ in Matcher(plan).segments], UNASSIGNED]
    new_in = {id(d) for d in first_of.values()}
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
    lost, lost_keys = _lost(deals, period, purchases)
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
    for deal in deals:
        key = (deal.segment, deal.initiative, deal.month)
        cell = cells_.get(key)
        if cell is None:
            cell = cells_[key] = [0, 0.0, set(), 0]
        cell[0] += 1
        cell[1] += deal.amount
        cell[2].add(deal.customer)
        if id(deal) in new_in:
            cell[3] += 1
    return cells_


def _all_series(
    cells_: Cells, months: Months, groups: list[str], initiatives: list[str]
) -> tuple[dict[str, list[DealMonth]], dict[str, list[DealMonth]]]:
    """Every group's and initiative's monthly series, summed from the cells."""

    def series(kind: str, ident: str) -> list[DealMonth]:
        out = []
        for m in months.indexes():
            own = [
                c
                for (seg, ini, month), c in cells_.items()
                if month == m and ((kind == "group" and ident == "all") or (seg if kind == "group" else ini) == ident)
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
    deals: list[Deal], period: Period, purchases: dict[str, float]
) -> tuple[dict[str, Lost], set[tuple[str, str]]]:
    by_customer: dict[tuple[str, str], list[Deal]] = defaultdict(list)
    for deal in deals:
        by_customer[deal.customer].append(deal)
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
