"""A large CSV deals export read column by column (polars), with the row reader's exact results.

`playbook import` of a 200 000-row CRM export spent most of its time in Python's per-row work
(`deals._RowReader.read_all`, about 6 µs a row). Here the file is parsed by polars into columns of
text, the skip reasons are decided on whole columns, and Python runs only on *distinct* cells —
the days, amounts, stages, tag/pipeline/source combinations and customer keys a CRM export
repeats — through the very functions the row reader uses (`cells`, `Matcher`, `customer_key`),
so both readers give the same deals, counts and dates.

The row reader stays the reference and the fallback: XLSX, HTML and sitemap tables, small files,
`--export-lost` (which keeps raw contact cells), and any CSV whose parse polars refuses or whose
first rows polars reads differently from Python's `csv` module.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from generator.importer import cells
from generator.importer.deals import Deal, DealsRead, FileStats, customer_key

if TYPE_CHECKING:
    from generator.importer.deals import Matcher
    from generator.importer.recognise import Found
    from generator.model.measured import Period

MIN_BYTES = 1 << 20  # below this (about 6 000 CRM rows) polars' import costs more than it saves
CHECKED_ROWS = 200  # first rows parsed by both readers and compared
# the CRMs' usual date form; any other cell goes through cells.stamp itself
_USUAL = r"^[0-9]{2}\.[0-9]{2}\.[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2}$"
# what Python's str.strip() strips (polars' own whitespace differs in \x1c–\x1f)
_SPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())


def read_columns(
    found: Found,
    matcher: Matcher,
    today: date,
    period: Period | None,
    stats: FileStats,
    seen: set[str],
    order: int,
    out: DealsRead,
    remember: bool = True,
) -> int | None:
    """The table's won deals appended to `out` and its skips counted, as the row reader would;
    the last row's order, or None (nothing read) when this table is for the row reader. Its deal
    ids join `seen` when `remember` (a later file of the same CRM is checked against them)."""
    whole = found.table.whole
    if whole is None:
        return None
    data, separator = whole()
    if len(data) < MIN_BYTES:
        return None
    wanted = [found.one(name) for name in ("closed", "created", "amount", "stage", "id", "tags", "pipeline")]
    wanted += [*found.columns.get("source", []), *_key_columns(found)]
    frame = _parse(data, separator, found.header_index + 1, sorted({i for i in wanted if i is not None}))
    del data
    if frame is None:
        return None
    height = frame.height
    won = _won(frame, found, matcher, today, period, stats, seen, order, remember)
    del frame  # before the deals are made: the peak memory is the text columns or the deals, not both
    _append(won, matcher, found, out)
    return order + height


def _key_columns(found: Found) -> list[int]:
    """The customer key's columns, in `customer_key`'s order."""
    where = [*found.columns.get("phone", []), *found.columns.get("email", [])]
    return where + [i for i in (found.one("contact_id"), found.one("contact")) if i is not None]


def _polars() -> Any:
    """polars, its allocator told to hand freed memory back at once: the text columns are freed
    before the deals are made, and the peak is then the larger of the two, not their sum."""
    os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")
    import polars

    return polars


def _parse(data: bytes, separator: str, skip: int, wanted: list[int]) -> Any:
    """The data rows' `wanted` columns as text, or None when polars refuses the file, reads its
    first rows otherwise than Python's `csv`, or a row has none of these cells (the row reader
    skips a wholly empty row uncounted, and only the other cells would tell)."""
    pl = _polars()

    try:
        frame = pl.read_csv(
            data,
            separator=separator,
            has_header=False,
            infer_schema=False,
            skip_rows=skip,
            quote_char='"',
            columns=wanted,
        )
    except (pl.exceptions.PolarsError, ValueError):
        return None
    frame = frame.with_columns(pl.all().fill_null(""))
    if frame.select(pl.all_horizontal(pl.all() == "").any()).item():
        return None
    head = data[: 1 << 20].decode("utf-8", errors="ignore")
    rows = csv.reader(io.StringIO(head, newline=""), delimiter=separator)
    expected = list(itertools.islice(rows, skip, skip + CHECKED_ROWS + 1))[:CHECKED_ROWS]
    if len(expected) > frame.height:
        return None
    for mine, theirs in zip(expected, frame.head(len(expected)).rows(), strict=False):
        if [mine[i] if i < len(mine) else "" for i in wanted] != list(theirs):
            return None
    return frame


def _stamps(column: Any) -> tuple[Any, Any]:
    """A date column → (days, times), as `cells.stamp` reads each cell."""
    import polars as pl

    usual = column.str.contains(_USUAL)
    heads = column.str.slice(0, 10)
    day_of = {h: cells.day_of(h) for h in heads.filter(usual).unique().to_list()}
    days = heads.replace_strict(day_of, default=None, return_dtype=pl.Date)
    times = column.str.slice(11, 8)
    other = {v: cells.stamp(v) for v in column.filter(~usual & (column != "")).unique().to_list()}
    if other:  # cells in any other form, each read once
        read = {k: s for k, s in other.items() if s}
        days = days.zip_with(
            usual, column.replace_strict({k: s[0] for k, s in read.items()}, default=None, return_dtype=pl.Date)
        )
        times = times.zip_with(
            usual, column.replace_strict({k: s[1] for k, s in read.items()}, default="", return_dtype=pl.String)
        )
    elif not usual.all():  # only empty cells besides the usual form
        days = days.zip_with(usual, pl.Series([None] * len(column), dtype=pl.Date))
    return days, times


def _columns(frame: Any, found: Found, order: int) -> Any:
    """The columns the deals need: order, the deal's day and time (the closing date, else the
    creation date), id, stage, amount, and the group (`g…`) and customer key (`k…`) cells."""
    import polars as pl

    empty = pl.Series([""] * frame.height, dtype=pl.String)

    def column(index: int | None) -> Any:
        return frame[f"column_{index}"] if index is not None else empty

    day, time = _stamps(column(found.one("closed")))
    dated = day.is_not_null()
    if not dated.all():  # the creation date where the closing date is empty or not a date
        created_day, created_time = _stamps(column(found.one("created")))
        day, time = day.zip_with(dated, created_day), time.zip_with(dated, created_time)
    work = pl.DataFrame(
        {"order": pl.int_range(order + 1, order + 1 + frame.height, eager=True), "day": day, "time": time}
    )
    picked = {
        "ident": column(found.one("id")).str.strip_chars(_SPACE),
        "stage": column(found.one("stage")),
        "amount": column(found.one("amount")),
    }
    groups = [column(found.one("tags")), column(found.one("pipeline"))]
    groups += [column(i) for i in found.columns.get("source", [])]
    keys = [column(i) for i in _key_columns(found)]
    work = work.with_columns(
        **picked,
        **{f"g{n}": s for n, s in enumerate(groups)},
        **{f"k{n}": s for n, s in enumerate(keys)},
    )
    return work


def _won(
    frame: Any,
    found: Found,
    matcher: Matcher,
    today: date,
    period: Period | None,
    stats: FileStats,
    seen: set[str],
    order: int,
    remember: bool,
) -> Any:
    """The won rows (day, time, order, amount and the group and key cells); the others counted
    under the first reason that applies, as `_RowReader.read_all` does row by row."""
    import polars as pl

    work = _columns(frame, found, order)
    stats.rows_read += frame.height
    alive = pl.Series([True] * frame.height)

    def drop(mask: Any, reason: str) -> None:
        """Rows still read that `mask` skips are counted under `reason` (the first that applies)."""
        nonlocal alive
        mask = alive & mask
        count = int(mask.sum())
        if count:
            stats.skipped[reason] += count
            alive = alive & ~mask

    day = work["day"]
    drop(day.is_null(), "no_date")
    drop(day > today, "after_today")
    if period is not None:
        drop((day < period.start) | (day > period.end), "outside_period")
    if alive.any():
        first: date = day.filter(alive).min()  # a Date column's min is a date
        last: date = day.filter(alive).max()
        stats.first = first if stats.first is None or first < stats.first else stats.first
        stats.last = last if stats.last is None or last > stats.last else stats.last
    ident = work["ident"]
    has_id = ident != ""
    candidate = alive & has_id
    duplicate = candidate & ~pl.select(pl.when(candidate).then(ident)).to_series().is_first_distinct()
    if seen:  # ids of an earlier file of the same CRM
        duplicate = duplicate | (candidate & ident.is_in(list(seen)))
    if remember:
        seen.update(ident.filter(candidate & ~duplicate).to_list())
    drop(duplicate, "duplicate")
    if found.one("stage") is not None:
        stages = work["stage"]
        won = {s: cells.same(cells.text(s)) in matcher.won for s in stages.filter(alive).unique().to_list()}
        drop(~stages.replace_strict(won, default=False, return_dtype=pl.Boolean), "not_won")
    amounts = work["amount"]
    value = {a: cells.number(a) or 0.0 for a in amounts.filter(alive).unique().to_list()}
    work = work.with_columns(amount=amounts.replace_strict(value, default=0.0, return_dtype=pl.Float64))
    drop(work["amount"] <= 0, "amount_not_positive")
    return work.filter(alive).drop("ident", "stage")


def _append(work: Any, matcher: Matcher, found: Found, out: DealsRead) -> None:
    """The won rows → `Deal`s in (day, time, order) order; groups and customers decided once per
    distinct combination of cells, joined back as indexes."""
    import polars as pl

    group_names = [c for c in work.columns if c.startswith("g")]
    key_names = [c for c in work.columns if c.startswith("k")]
    groups = work.select(group_names).unique(maintain_order=True).with_row_index("group")
    group_of = [matcher.match_cells(cells.text(g[0]), cells.text(g[1]), g[2:]) for g in groups.drop("group").rows()]
    index = work.select(group_names).join(groups, on=group_names, how="left", maintain_order="left")["group"]
    work = work.drop(group_names).with_columns(group=index)
    customer_of: list[tuple[str, str] | None] = [None]
    if key_names:
        keys = work.select(key_names).unique(maintain_order=True).with_row_index("customer")
        where = _key_columns(found)
        customer_of = []
        for raw in keys.drop("customer").rows():
            row: list[Any] = [""] * (len(found.header) + 1)
            for i, value in zip(where, raw, strict=True):
                row[i] = value
            customer_of.append(customer_key(row, found))
        index = work.select(key_names).join(keys, on=key_names, how="left", maintain_order="left")["customer"]
        work = work.drop(key_names).with_columns(customer=index)
    else:
        work = work.with_columns(customer=pl.lit(0, dtype=pl.UInt32))
    work = work.select("day", "time", "order", "amount", "group", "customer").sort("day", "time", "order")
    orders = work["order"].to_list()
    customers = [customer_of[c] for c in work["customer"].to_list()]
    if None in customer_of:  # a won deal with no key is a customer of its own
        customers = [c or ("deal", str(o)) for c, o in zip(customers, orders, strict=True)]
    pairs = [group_of[g] for g in work["group"].to_list()]
    months = work["day"].dt.year().cast(pl.Int32) * 12 + work["day"].dt.month().cast(pl.Int32) - 1
    columns = (work["day"].to_list(), work["time"].to_list(), orders, work["amount"].to_list(), customers)
    segments, initiatives = [p[0] for p in pairs], [p[1] for p in pairs]
    rows = zip(*columns, segments, initiatives, months.to_list(), strict=True)
    out.deals.extend(map(partial(tuple.__new__, Deal), rows))
