"""The column reader gives exactly the row reader's deals, skips, dates and duplicates.

The row reader (`deals._RowReader`, tested by hand-worked figures in test_deals.py) is the
reference: `read_deals` without `columns` uses it alone, so each test reads the same export both
ways and compares every deal and every count.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from generator.importer import deal_columns, deals
from generator.importer.recognise import Found, recognise
from generator.importer.tables import read_export
from generator.load.loader import load_plan
from generator.model.measured import Period
from tests.importer.helpers import DEALS_HEADER, WON, csv_bytes, deal, plan_file, write

TODAY = date(2026, 3, 20)


def _rows(count: int, seed: int = 5) -> list[list[str]]:
    """A CRM export with every form a cell may take: other date forms, bad and future dates,
    amounts with spaces, commas and signs, duplicate ids, several phones, missing keys, short rows."""
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        day, month, year = rng.randrange(1, 29), rng.randrange(1, 13), rng.choice([2024, 2025, 2026])
        closed = f"{day:02d}.{month:02d}.{year} {rng.randrange(24):02d}:{rng.randrange(60):02d}:00"
        created = f"{day:02d}.{month:02d}.{year} 08:00:00"
        customer = rng.randrange(count // 8)
        row = deal(
            str(10_000 + i),
            f"{rng.randrange(1, 900) * 100:,}".replace(",", " "),
            closed,
            created=created,
            stage=rng.choice([WON, WON, WON, "Переговоры", " успешно  реализовано "]),
            tags=rng.choice(["ta", "tb", "ta, tb", "", "TA; x"]),
            phone=f"+7 900 {customer:07d}",
            email=f"c{customer}@example.org",
            contact=f"Клиент {customer}",
            source=rng.choice(["sx", "", "other"]),
            pipeline=rng.choice(["Main", "PB"]),
        )
        k = rng.randrange(24)
        changes = {
            0: (5, ""),  # no closing date: the creation date counts
            1: (5, " " + closed[:-3]),  # spaces and no seconds
            2: (5, f"{year}-{month:02d}-{day:02d}" + closed[10:]),
            3: (5, "скоро"),  # not a date: the creation date counts
            4: (5, "31.02.2025 10:00:00"),  # no such day
            5: (5, "01.01.2027 10:00:00"),  # after today
            6: (1, "1\u00a0234,50"),
            7: (1, ""),  # an empty amount is 0
            8: (1, "-100"),
            9: (0, str(10_000 + rng.randrange(i + 1))),  # a duplicate id (or its own)
            10: (0, ""),  # no id: never a duplicate
            11: (8, "+7 900 0000001, 8 900 0000002"),  # the first of several phones
            12: (8, ""),  # no phone: the e-mail keys the customer
            13: (5, f"{day}/{month}/{year}"),
            14: (4, ""),  # neither date
        }
        if k in changes:
            column, value = changes[k]
            row[column] = value
            if k == 14:
                row[5] = ""
        if k == 15:
            row[8] = row[9] = row[7] = ""  # no key at all: a customer of its own
        if k == 16:
            row = row[:7]  # a short row: the missing cells are empty
        rows.append(row)
    return rows


def _found(tmp_path: Path, rows: list[list[str]], encoding: str = "cp1251", title: bool = False) -> Found:
    tmp_path.mkdir(parents=True, exist_ok=True)
    head = [["Сделки за всё время"], []] if title else []
    path = write(tmp_path, "deals.csv", csv_bytes([*head, DEALS_HEADER, *rows], encoding=encoding, newline="\r\n"))
    found = recognise(read_export(path).tables[0], ["deals"], {}, forced=False)
    assert found is not None and found.kind == "deals"
    return found


def _both(tmp_path: Path, found: Found, period: Period | None = None) -> tuple[deals.DealsRead, deals.DealsRead]:
    plan = load_plan(plan_file(tmp_path), today=TODAY).plan
    # the file twice: every id of the second is a duplicate
    by_columns = deals.read_deals([found, found], plan, TODAY, period, columns=deal_columns.read_columns)
    by_rows = deals.read_deals([found, found], plan, TODAY, period)
    return by_columns, by_rows


def _assert_same(a: deals.DealsRead, b: deals.DealsRead) -> None:
    assert (a.first, a.last) == (b.first, b.last)
    assert [(s.system, s.rows_read, dict(s.skipped), s.first, s.last) for s in a.stats] == [
        (s.system, s.rows_read, dict(s.skipped), s.first, s.last) for s in b.stats
    ]
    key = lambda d: d.order  # noqa: E731
    assert sorted(a.deals, key=key) == sorted(b.deals, key=key)


def test_a_large_export_read_by_columns_equals_the_row_reader(tmp_path: Path) -> None:
    found = _found(tmp_path, _rows(14_000), title=True)
    plan = load_plan(plan_file(tmp_path), today=TODAY).plan
    read = deals.DealsRead()
    stats = deals.FileStats(system="amoCRM")
    matcher = deals.Matcher(plan)
    assert deal_columns.read_columns(found, matcher, TODAY, None, stats, set(), 0, read) == 14_000  # it applies
    by_columns, by_rows = _both(tmp_path, found)
    _assert_same(by_columns, by_rows)
    assert len(by_rows.deals) > 5_000
    assert set(by_rows.stats[0].skipped) == {"no_date", "after_today", "duplicate", "not_won", "amount_not_positive"}
    assert by_rows.stats[1].skipped["duplicate"] > 8_000  # the second file repeats the first one's ids


def test_a_period_and_utf8(tmp_path: Path) -> None:
    found = _found(tmp_path, _rows(14_000, seed=9), encoding="utf-8-sig")
    by_columns, by_rows = _both(tmp_path, found, Period(start=date(2025, 2, 1), end=date(2025, 11, 30)))
    _assert_same(by_columns, by_rows)
    assert by_rows.stats[0].skipped["outside_period"] > 0


def test_files_the_column_reader_leaves_to_the_row_reader(tmp_path: Path) -> None:
    plan = load_plan(plan_file(tmp_path), today=TODAY).plan
    matcher = deals.Matcher(plan)
    rows = _rows(14_000, seed=3)
    small = _found(tmp_path, rows[:100])
    empty_row = _found(tmp_path / "e", [*rows[:7000], [""] * len(DEALS_HEADER), *rows[7000:]])
    ragged = _found(tmp_path / "r", [*rows[:7000], [*rows[7000], "extra", "cells"], *rows[7001:]])
    for found in (small, empty_row, ragged):
        stats = deals.FileStats(system="amoCRM")
        assert deal_columns.read_columns(found, matcher, TODAY, None, stats, set(), 0, deals.DealsRead()) is None
        assert stats.rows_read == 0 and not stats.skipped  # nothing counted: the row reader reads it all
        _assert_same(*_both(tmp_path, found))
