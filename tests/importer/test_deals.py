"""Deals: customer keys, skip reasons in the contract's order, window edges, new and lost customers.

Every expected number is worked by hand from contract v3 (data-format.md, *Measured figures*).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.importer import deal_figures
from generator.importer import deals as deals_mod
from generator.importer.recognise import recognise
from generator.importer.tables import read_export
from generator.load.loader import load_plan
from generator.model.measured import Period
from tests.importer.helpers import DEALS_HEADER, csv_bytes, deal, plan_file, write

TODAY = date(2026, 3, 20)


def _measure(tmp_path: Path, rows: list[list[str]], period: Period | None = None):
    plan = load_plan(plan_file(tmp_path), today=TODAY).plan
    path = write(tmp_path, "deals.csv", csv_bytes([DEALS_HEADER, *rows]))
    found = recognise(read_export(path).tables[0], ["deals"], {}, forced=False)
    assert found is not None and found.kind == "deals"
    read = deals_mod.read_deals([found], plan, TODAY, period)
    span = deal_figures.data_period(read, period)
    assert span is not None
    measured, lost = deal_figures.measure_deals(read, span, plan)
    return read, measured, lost


def test_customer_key_phone_forms_agree_and_email_is_another_customer(tmp_path: Path) -> None:
    rows = [
        deal("1", "100", "01.02.2026", phone="+7 (900) 000-00-01"),
        deal("2", "100", "02.02.2026", phone="8 900 000 00 01, 8 999 999 99 99"),  # first value of the cell
        deal("3", "100", "03.02.2026", phone="9000000001"),
        deal("4", "100", "04.02.2026", email="Same@Example.org"),  # the same person, but keys are never linked
        deal("5", "100", "05.02.2026", contact="Пётр  Иванов"),
        deal("6", "100", "06.02.2026", contact="петр иванов"),
        deal("7", "100", "07.02.2026"),  # no key: a customer of its own
        deal("8", "100", "08.02.2026"),
    ]
    read, measured, _ = _measure(tmp_path, rows)
    assert len({d.customer for d in read.deals}) == 5  # phone, e-mail, name, two keyless deals
    assert measured.groups["all"].months[0].customers == 5


def test_skipped_rows_counted_under_the_first_reason(tmp_path: Path) -> None:
    rows = [
        deal("1", "100", "", stage="Закрыто и не реализовано"),  # no date (and not won)
        deal("2", "100", "01.04.2026"),  # after today
        deal("3", "100", "01.02.2026", phone="1"),
        deal("3", "0", "02.02.2026", stage="Закрыто и не реализовано"),  # duplicate id (and not won, amount 0)
        deal("4", "0", "03.02.2026", stage="Переговоры"),  # not won (and amount 0)
        deal("5", "", "04.02.2026"),  # an empty amount is 0
        deal("6", "1 234,50", "05.02.2026", phone="2"),
    ]
    read, measured, _ = _measure(tmp_path, rows)
    stats = read.stats[0]
    assert stats.rows_read == 7
    assert dict(stats.skipped) == {
        "no_date": 1,
        "after_today": 1,
        "duplicate": 1,
        "not_won": 1,
        "amount_not_positive": 1,
    }
    assert [d.amount for d in read.deals] == [100.0, 1234.5]
    # the data period: every dated row within today, won or not: 01.02 – 05.02
    assert measured.period == Period(start=date(2026, 2, 1), end=date(2026, 2, 5))


def test_window_edges_and_a_customer_whose_first_deal_is_in_the_previous_window(tmp_path: Path) -> None:
    rows = [
        deal("1", "100", "15.01.2024 10:00", phone="1", tags="ta"),  # period starts: January 2024 partial
        deal("2", "200", "28.02.2025 23:59:59", phone="8 900 000-00-02", tags="ta"),  # previous window's last day
        deal("3", "300", "01.03.2025 00:00", phone="+79000000002", tags="tb"),  # the window's first day
        deal("4", "400", "2026-02-28", email="c3@example.org", pipeline="PB"),  # the window's last day
        deal("5", "500", "01/03/2026", email="C3@example.org"),  # after the window
        deal("6", "50", "10.03.2026", stage="Новая заявка"),  # not won, but it dates the period's end
    ]
    _, m, _ = _measure(tmp_path, rows)
    # last full month: February 2026 (March 2026 ends after 10.03); window March 2025 – February 2026
    assert m.window == Period(start=date(2025, 3, 1), end=date(2026, 2, 28))
    assert m.previous_window == Period(start=date(2024, 3, 1), end=date(2025, 2, 28))
    w = m.groups["all"].window
    assert w is not None
    assert (w.won_deals, w.revenue, w.customers) == (2, 700, 2)  # deals 3 and 4
    assert (w.previous_customers, w.retained) == (1, 1)  # customer 2 only, who came back on 01.03.2025
    # new customers: not measured before 2025-01 (the period's first month + 12)
    assert m.measured_from == date(2025, 1, 1)
    months = {x.month: x for x in m.groups["all"].months}
    assert months[date(2024, 1, 1)].new_customers is None and months[date(2024, 1, 1)].partial
    assert months[date(2025, 2, 1)].new_customers == 1  # customer 2, new in the previous window
    assert months[date(2025, 3, 1)].new_customers == 0  # customer 2 again: not new
    assert months[date(2026, 2, 1)].new_customers == 1 and not months[date(2026, 2, 1)].partial
    assert months[date(2026, 3, 1)].partial
    # segments by tag or pipeline; customer 2's first deal was in segment a
    assert m.groups["a"].months[13].new_customers == 1  # 2025-02
    assert m.groups["b"].months[14].won_deals == 1 and m.groups["b"].months[14].new_customers == 0
    assert m.groups["b"].window is not None and m.groups["b"].window.customers == 2  # deals 3 and 4


def test_lost_customer_at_the_threshold(tmp_path: Path) -> None:
    # No window (the period starts June 2025): P is unknown and the limit is max(60, …) = 60 days.
    rows = [
        deal("1", "1", "02.06.2025", phone="1"),
        deal("2", "10", "03.06.2025", phone="1"),
        deal("3", "100", "01.01.2026", phone="1"),  # 61 days before 03.03.2026: lost
        deal("4", "5", "01.07.2025", phone="2"),
        deal("5", "7", "02.01.2026", phone="2"),  # exactly 60 days before: not lost
        deal("6", "9", "10.06.2025", phone="3"),  # one deal: never lost
    ]
    _, m, lost = _measure(tmp_path, rows, Period(start=date(2025, 6, 1), end=date(2026, 3, 3)))
    assert m.window is None
    assert (m.groups["all"].lost.count, m.groups["all"].lost.revenue) == (1, 111)
    assert lost == {("phone", "1")}


def test_lost_revenue_is_the_365_days_ending_with_the_last_deal(tmp_path: Path) -> None:
    rows = [
        deal("1", "1", "02.02.2024", phone="1"),  # 365 days before 01.02.2025 (2024 is a leap year): out
        deal("2", "10", "03.02.2024", phone="1"),  # 364 days before: in
        deal("3", "100", "01.02.2025", phone="1"),  # 134 days before 15.06.2025
        *(deal(f"1{i}", "1", f"{i + 1:02d}.05.2025", phone="2") for i in range(10)),
    ]
    _, m, _ = _measure(tmp_path, rows, Period(start=date(2024, 2, 1), end=date(2025, 6, 15)))
    # window June 2024 – May 2025: 11 won deals of 2 customers, P = 5.5, limit 730 ÷ 5.5 ≈ 132.7 days
    assert m.window == Period(start=date(2024, 6, 1), end=date(2025, 5, 31))
    assert m.groups["all"].lost.limit_days == 730 / 5.5
    assert (m.groups["all"].lost.count, m.groups["all"].lost.revenue) == (1, 110)


def test_lost_limit_from_purchases_a_year() -> None:
    assert deal_figures.lost_limit(2.4) == 730 / 2.4  # ≈ 304.2 days, the contract's example
    assert deal_figures.lost_limit(20) == 60
    assert deal_figures.lost_limit(None) == 60


def test_an_unassigned_customer_is_judged_by_the_whole_plans_purchases(tmp_path: Path) -> None:
    rows = [
        deal("1", "5", "01.07.2024", phone="1"),  # no tags: unassigned
        deal("2", "5", "01.01.2025", phone="1"),  # 165 days before 15.06.2025
        *(deal(f"1{i}", "1", f"{i + 1:02d}.05.2025", phone="2", tags="ta") for i in range(10)),
    ]
    _, m, _ = _measure(tmp_path, rows, Period(start=date(2024, 2, 1), end=date(2025, 6, 15)))
    # whole plan: 12 won deals of 2 customers in the window, P = 6, limit 730 ÷ 6 ≈ 121.7 days: lost
    # (the unassigned deals alone, P = 2, would give 365 days: not lost)
    assert (m.groups["all"].lost.count, m.groups["unassigned"].lost.count) == (1, 1)
    assert m.groups["unassigned"].lost.limit_days == 730 / 6
