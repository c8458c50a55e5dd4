"""Deals exports → the won deals' monthly series, window figures and lost customers (contract v3).

Rows are read once, in file order; a skipped row is counted under the first reason that applies
(no date; after today or outside --period; a duplicate deal id of the same CRM; not won; amount not
positive). Customers are keyed as the contract says (phone, else e-mail, else contact id, else
contact name) and the keys never leave the deals modules: only counts and sums do. A large CSV
export may be read column by column instead (`read_deals(columns=deal_columns.read_columns)`,
as `playbook import` does) with the same results; this row reader is the reference, and reads
every other table.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import Any, NamedTuple, Protocol

from generator.importer import cells
from generator.importer.recognise import Found
from generator.model import Plan
from generator.model.data import Mapping
from generator.model.measured import Period

WON = frozenset(cells.same(s) for s in ("Успешно реализовано", "Сделка успешна", "WON", "Closed Won"))
SKIP_REASONS = ("no_date", "after_today", "outside_period", "duplicate", "not_won", "amount_not_positive")
_SPLIT = re.compile(r"[,;]")
_DIGITS = re.compile(r"\D+")
UNASSIGNED = "unassigned"


class Deal(NamedTuple):
    """A won deal as the figures need it (no personal data but the opaque customer key). A named
    tuple: a large export makes 160 000 of them, and a tuple is made in C (half a dataclass' time)."""

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


class ColumnReader(Protocol):
    """A faster reader of a whole table (`deal_columns.read_columns`): the same deals and counts
    as the row reader, or None (nothing read) for a table it leaves to the row reader."""

    def __call__(
        self,
        found: Found,
        matcher: Matcher,
        today: date,
        period: Period | None,
        stats: FileStats,
        seen: set[str],
        order: int,
        out: DealsRead,
        remember: bool = True,
    ) -> int | None: ...


def read_deals(
    tables: Iterable[Found],
    plan: Plan,
    today: date,
    period: Period | None,
    keep_contacts: bool = False,
    columns: ColumnReader | None = None,
) -> DealsRead:
    """Every row of every deals table, in order: won deals kept, the rest counted by reason. Each
    table goes to `columns` first when given (not with `keep_contacts`, which keeps raw cells)."""
    out = DealsRead()
    matcher = Matcher(plan)
    seen_by: dict[str | None, set[str]] = {}  # deal ids read, per CRM
    order = 0
    listed = list(tables)
    for at, found in enumerate(listed):
        stats = FileStats(system=system_of(found))
        later = any(system_of(f) == stats.system for f in listed[at + 1 :])  # whose ids are checked against these
        out.stats.append(stats)
        if keep_contacts and not out.contact_header:
            out.contact_header = [found.header[i] for i in _contact_columns(found)]
        seen = seen_by.setdefault(stats.system, set())
        done = None
        if columns is not None and not keep_contacts:
            done = columns(found, matcher, today, period, stats, seen, order, out, remember=later)
        if done is None:
            reader = _RowReader(found, matcher, today, period, stats, seen)
            order = reader.read_all(found.data(), order, out, keep_contacts)
        else:
            order = done
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
    """One deals table's rows → won deals, in one tight loop: the needed cells picked in one call,
    repeated cells parsed once (a CRM export repeats its days, amounts, stages, tags, sources and
    customers thousands of times; only the time of day is new on every row)."""

    def __init__(
        self,
        found: Found,
        matcher: Matcher,
        today: date,
        period: Period | None,
        stats: FileStats,
        seen: set[str],
    ) -> None:
        self.found, self.matcher, self.today, self.period = found, matcher, today, period
        self.stats, self.seen = stats, seen
        pad = len(found.header)  # an absent column reads the empty cell padded at this index
        names = ("closed", "created", "amount", "stage", "id", "tags", "pipeline")
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
        self.days: dict[str, date | None] = {}
        self.amounts: dict[Any, float] = {}
        self.groups: dict[tuple[Any, ...], tuple[str, str]] = {}

    def stamp(self, value: Any) -> cells.Stamp | None:
        """`cells.stamp`, with the CRMs' usual `DD.MM.YYYY HH:MM:SS` read from a cache of its days."""
        if value.__class__ is str:
            raw = value.strip()
            if len(raw) == 19 and raw[10] == " " and raw[13] == ":" and raw[16] == ":":
                head = raw[:10]
                try:
                    day = self.days[head]
                except KeyError:
                    day = self.days[head] = cells.day_of(head)
                return (day, raw[11:]) if day is not None else None
        return cells.stamp(value)

    def read_all(self, rows: Iterable[list[Any]], order: int, out: DealsRead, keep_contacts: bool) -> int:
        """Every row of the table: won deals appended to `out`, the rest counted by the first reason
        that applies; returns the last row's order."""
        stats, seen, today, period = self.stats, self.seen, self.today, self.period
        skipped, width, pick, stamp = stats.skipped, self.width, self.pick, self.stamp
        stages, amounts, groups, keys, won = self.stages, self.amounts, self.groups, self.keys, self.matcher.won
        has_stage, group_end = self.has_stage, 7 + self.n_sources
        key_end = group_end + self.n_keys
        deals, first, last, read = out.deals, stats.first, stats.last, 0
        for row in rows:
            if not any(row):
                continue
            order += 1
            read += 1
            if len(row) < width:
                row = row + [""] * (width - len(row))
            values = pick(row)
            closed, created, amount_cell, stage, ident = values[:5]
            when = stamp(closed) if closed not in (None, "") else None
            if when is None:
                when = stamp(created)
                if when is None:
                    skipped["no_date"] += 1
                    continue
            day = when[0]
            if day > today:
                skipped["after_today"] += 1
                continue
            if period is not None and not period.start <= day <= period.end:
                skipped["outside_period"] += 1
                continue
            if first is None or day < first:
                first = day
            if last is None or day > last:
                last = day
            ident = ident.strip() if ident.__class__ is str else cells.text(ident)
            if ident:
                if ident in seen:
                    skipped["duplicate"] += 1
                    continue
                seen.add(ident)
            if has_stage:
                is_won = stages.get(stage)
                if is_won is None:
                    is_won = stages[stage] = cells.same(cells.text(stage)) in won
                if not is_won:
                    skipped["not_won"] += 1
                    continue
            amount = amounts.get(amount_cell)
            if amount is None:
                amount = amounts[amount_cell] = cells.number(amount_cell) or 0.0
            if amount <= 0:
                skipped["amount_not_positive"] += 1
                continue
            group_cells = values[5:group_end]
            group = groups.get(group_cells)
            if group is None:
                tags, pipeline = group_cells[:2]
                group = groups[group_cells] = self.matcher.match_cells(
                    cells.text(tags), cells.text(pipeline), group_cells[2:]
                )
            raw = values[group_end:key_end]
            if raw in keys:
                customer = keys[raw]
            else:
                customer = keys[raw] = customer_key(row, self.found)
            deal = Deal(
                day,
                when[1],
                order,
                amount,
                customer or ("deal", str(order)),
                group[0],
                group[1],
                day.year * 12 + day.month - 1,
            )
            deals.append(deal)
            if keep_contacts:
                _keep_contact(out, deal, row, self.found)
        stats.first, stats.last, stats.rows_read = first, last, stats.rows_read + read
        return order


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
