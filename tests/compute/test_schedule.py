"""The calendar engine against the contract's calendar rule, every expected value worked by hand."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest

from generator.compute.schedule import CalendarFigures, compute_calendar, default_end
from generator.load.loader import load_plan, load_text


def calendar_of(content: str, today: date, segments: str = "") -> CalendarFigures:
    text = (
        "business: {name: Test}\n"
        + textwrap.dedent(segments)
        + "content:\n"
        + textwrap.indent(textwrap.dedent(content), "  ")
    )
    plan = load_text(text)
    assert plan.content is not None
    return compute_calendar(plan.content, plan.segments, today)


def kinds(cal: CalendarFigures) -> list[tuple[str, str, str | None]]:
    return [(s.date.isoformat(), s.kind, s.title) for s in cal.days]


# kolosok ---------------------------------------------------------------------------------------


# RU public holidays from 2026-12-01 to 2027-11-30 per the holidays package (20 days, all on
# daily-cadence days): 2026-12-31 (day off moved from 2026-01-04); 2027-01-01..01-08 (8 days:
# New Year holidays and Christmas on 01-07); 02-22 (day off moved from 02-20), 02-23; 03-08;
# 05-01, 05-03 (observed); 05-09, 05-10 (observed); 06-12, 06-14 (observed); 11-04, 11-05
# (day off moved from 01-02).
RU_HOLIDAYS = [
    date(2026, 12, 31),
    *[date(2027, 1, d) for d in range(1, 9)],
    date(2027, 2, 22),
    date(2027, 2, 23),
    date(2027, 3, 8),
    date(2027, 5, 1),
    date(2027, 5, 3),
    date(2027, 5, 9),
    date(2027, 5, 10),
    date(2027, 6, 12),
    date(2027, 6, 14),
    date(2027, 11, 4),
    date(2027, 11, 5),
]


def test_kolosok_before_start(kolosok_path, today) -> None:  # type: ignore[no-untyped-def]
    plan = load_plan(kolosok_path).plan
    assert plan.content is not None
    cal = compute_calendar(plan.content, plan.segments, today)  # 2026-11-22, start 2026-12-01
    assert (cal.start, cal.end) == (date(2026, 12, 1), date(2027, 11, 30))
    # 365 days (no 29 February in the range) minus 20 public holidays.
    assert cal.slots == 365 - 20 == 345
    assert list(cal.holidays) == RU_HOLIDAYS
    assert not set(RU_HOLIDAYS) & {s.date for s in cal.days}
    assert (cal.done, cal.missed, cal.due, cal.to_write) == (0, 0, 0, 345)
    assert cal.completion_rate is None
    assert cal.projected == 345.0  # no rate yet: every slot counts
    assert (cal.current_streak, cal.longest_streak, cal.hours) == (0, 0, 0.0)
    assert cal.today_slot is None
    # The log entry of 2026-11-15 is before start: no slot, but an article.
    assert [e.title for e in cal.off_slot] == ["Мы открылись после ремонта"]

    first = kinds(cal)[:7]
    assert first == [
        # the backlog, in order
        ("2026-12-01", "new", "Как выбрать свежий хлеб"),
        ("2026-12-02", "new", "Бенто-торт за два дня"),
        ("2026-12-03", "new", "Во сколько у нас горячий хлеб"),
        # demand not covered by the backlog's queries (свежий хлеб бибирево, бенто торт), by volume:
        ("2026-12-04", "new", "торт на заказ москва"),  # 74 000
        ("2026-12-05", "new", "пекарня рядом"),  # 5 400
        ("2026-12-06", "new", "торт на заказ бибирево"),  # 880
        ("2026-12-07", "research", None),  # nothing is 90 days old yet
    ]
    by_date = {s.date: s for s in cal.days}
    assert by_date[date(2026, 12, 4)].segment == "celebrations"
    assert by_date[date(2026, 12, 4)].origin == "demand"
    assert by_date[date(2026, 12, 1)].query == "свежий хлеб бибирево"
    # 2026-11-15 + 90 days = 2027-02-13 (15 days of November, 31 of December, 31 of January, 13)
    refreshes = [s for s in cal.days if s.kind == "refresh"]
    assert (refreshes[0].date, refreshes[0].title) == (date(2027, 2, 13), "Мы открылись после ремонта")
    assert refreshes[0].last_written == date(2026, 11, 15)
    assert refreshes[0].url == "https://example.com/news/remont"
    # 2026-12-01 + 90 = 2027-03-01, and the next five articles on the five days after.
    assert [(s.date.isoformat(), s.title) for s in refreshes[1:7]] == [
        ("2027-03-01", "Как выбрать свежий хлеб"),
        ("2027-03-02", "Бенто-торт за два дня"),
        ("2027-03-03", "Во сколько у нас горячий хлеб"),
        ("2027-03-04", "торт на заказ москва"),
        ("2027-03-05", "пекарня рядом"),
        ("2027-03-06", "торт на заказ бибирево"),
    ]
    assert refreshes[7].date == date(2027, 5, 14)  # 2027-02-13 + 90
    # Refresh rounds: the opening article on 02-13, 05-14, 08-12, 11-10 (4); the six others on
    # 03-01..06, 05-30..06-04, 08-28..09-02 and 11-26..11-30 (the sixth would be 12-01): 6+6+6+5.
    assert cal.planned_refresh == 4 + 6 + 6 + 6 + 5 == 27
    assert cal.planned_new == 6
    assert cal.planned_research == 345 - 6 - 27


# the rule, case by case --------------------------------------------------------------------------


SEGMENTS = """\
segments:
  - id: s1
    name: One
    demand:
      - {query: q1, monthly_volume: 100}
      - {query: Title B, monthly_volume: 50}
      - {query: q2, monthly_volume: 10}
      - {query: q3}
  - id: s2
    name: Two
    demand:
      - {query: q4, monthly_volume: 10}
      - {query: q2, monthly_volume: 5}
"""


def test_backlog_all_published_then_demand_then_refresh() -> None:
    cal = calendar_of(
        """\
        start: 2027-01-04
        end: 2027-01-10
        refresh_after_days: 3
        backlog:
          - {title: Title A, query: q1, segment: s1}
          - {title: Title B}
        published:
          - {date: 2027-01-01, title: title a}
          - {date: 2027-01-04, title: Title B, url: "https://example.com/b"}
        """,
        date(2027, 1, 5),
        SEGMENTS,
    )
    # Both backlog ideas are in the log (titles compare case-insensitively). Demand: q1 is the
    # backlog's query, "Title B" a logged title: covered. q2 (10, s1) and q4 (10, s2) tie and
    # keep the plan's order; q3 has no volume (0); q2 of s2 is the same query, planned once.
    assert kinds(cal) == [
        ("2027-01-04", "done", "Title B"),
        ("2027-01-05", "new", "q2"),
        ("2027-01-06", "new", "q4"),
        ("2027-01-07", "new", "q3"),
        # oldest last write first: title a (01-01, 6 days), Title B (01-04), then q2 (01-05)
        ("2027-01-08", "refresh", "title a"),
        ("2027-01-09", "refresh", "Title B"),
        ("2027-01-10", "refresh", "q2"),
    ]
    assert cal.days[0].url == "https://example.com/b"
    assert cal.days[1].is_today and cal.days[1].status == "today"
    assert (cal.days[1].segment, cal.days[2].segment, cal.days[3].segment) == ("s1", "s2", "s1")
    assert cal.days[4].last_written == date(2027, 1, 1)
    assert [e.title for e in cal.off_slot] == ["title a"]  # before start: no slot
    assert (cal.slots, cal.done, cal.missed, cal.due, cal.to_write) == (7, 1, 0, 1, 6)
    assert cal.completion_rate == 1.0
    assert cal.projected == 1 + 1.0 * 6
    assert cal.hours == 1.0
    assert (cal.current_streak, cal.longest_streak) == (1, 1)


def test_demand_title_covers_and_highest_volume_first() -> None:
    cal = calendar_of(
        """\
        start: 2027-01-04
        end: 2027-01-07
        backlog:
          - {title: q1}
        """,
        date(2027, 1, 4),
        SEGMENTS,
    )
    # q1 is a backlog title: covered. Left: Title B (50), q2 (10), q4 (10), q3 (0) → 3 slots + 1.
    assert [s.title for s in cal.days] == ["q1", "Title B", "q2", "q4"]
    assert cal.demand_left == 1  # q3 did not fit


def test_refresh_after_n_days_and_research_days_before_start() -> None:
    cal = calendar_of(
        """\
        start: 2027-01-04
        end: 2027-01-12
        refresh_after_days: 3
        backlog: [{title: X}]
        """,
        date(2027, 1, 1),
    )
    # X written 01-04; 3 days old on 01-07 (refreshed), again on 01-10; research otherwise.
    assert [s.kind for s in cal.days] == [
        "new",
        "research",
        "research",
        "refresh",
        "research",
        "research",
        "refresh",
        "research",
        "research",
    ]
    assert [s.last_written for s in cal.days if s.kind == "refresh"] == [date(2027, 1, 4), date(2027, 1, 7)]
    assert (cal.due, cal.completion_rate, cal.projected) == (0, None, 9.0)
    assert cal.today_slot is None and cal.next_slot is not None and cal.next_slot.date == date(2027, 1, 4)


def test_refresh_ties_go_to_log_order_and_log_refreshes_count() -> None:
    cal = calendar_of(
        """\
        start: 2027-01-04
        end: 2027-01-07
        refresh_after_days: 10
        published:
          - {date: 2026-12-01, title: Q}
          - {date: 2026-12-01, title: P}
          - {date: 2026-12-02, title: R}
          - {date: 2026-12-20, title: R, kind: refresh}
        """,
        date(2027, 1, 4),
    )
    # Q and P were both last written 12-01: Q is first in the log. R's last write is its
    # refresh of 12-20 (15 days on 01-04, 16 on 01-05 ≥ 10). Then nothing is 10 days old.
    assert kinds(cal) == [
        ("2027-01-04", "refresh", "Q"),
        ("2027-01-05", "refresh", "P"),
        ("2027-01-06", "refresh", "R"),
        ("2027-01-07", "research", None),
    ]
    assert cal.days[2].last_written == date(2026, 12, 20)
    assert cal.days[2].first_written == date(2026, 12, 2)


def test_refresh_after_zero_days_refreshes_today_written_article_next_day() -> None:
    cal = calendar_of(
        "start: 2027-01-04\nend: 2027-01-06\nrefresh_after_days: 0\nbacklog: [{title: X}]\n", date(2027, 1, 4)
    )
    # With 0 days every article may be refreshed at once: X, then X again each day.
    assert kinds(cal) == [("2027-01-04", "new", "X"), ("2027-01-05", "refresh", "X"), ("2027-01-06", "refresh", "X")]


def test_cadence_of_one_weekday() -> None:
    cal = calendar_of("start: 2027-01-04\nend: 2027-01-31\ncadence: [wed]\n", date(2027, 1, 1))
    # 2027-01-04 is a Monday: the Wednesdays are the 6th, 13th, 20th and 27th.
    assert [s.date.day for s in cal.days] == [6, 13, 20, 27]
    assert {s.kind for s in cal.days} == {"research"}


def test_weekdays_cadence() -> None:
    cal = calendar_of("start: 2027-01-04\nend: 2027-01-17\ncadence: weekdays\n", date(2027, 1, 1))
    assert [s.date.day for s in cal.days] == [4, 5, 6, 7, 8, 11, 12, 13, 14, 15]


def test_holiday_on_a_cadence_day_and_a_log_entry_that_day() -> None:
    cal = calendar_of(
        """\
        start: 2027-01-01
        end: 2027-01-31
        cadence: [thu]
        holidays: RU
        backlog: [{title: Christmas bread}, {title: Next}]
        published:
          - {date: 2027-01-07, title: Christmas bread}
        """,
        date(2027, 1, 1),
    )
    # Thursdays: 7 (Christmas, a public holiday: no slot), 14, 21, 28.
    assert [s.date.day for s in cal.days] == [14, 21, 28]
    assert cal.holidays == (date(2027, 1, 7),)
    # The holiday's entry makes no slot but is an article: its idea is not planned again.
    assert [e.date for e in cal.off_slot] == [date(2027, 1, 7)]
    assert [s.title for s in cal.days] == ["Next", None, None]


def test_streaks_with_a_missed_slot_in_between() -> None:
    content = """\
        start: 2027-01-04
        end: 2027-01-13
        published:
          - {date: 2027-01-04, title: a}
          - {date: 2027-01-05, title: b}
          - {date: 2027-01-07, title: c}
          - {date: 2027-01-08, title: d}
          - {date: 2027-01-09, title: e}
          - {date: 2027-01-09, title: e2}
        """
    cal = calendar_of(content, date(2027, 1, 10))
    # Due: 01-04..01-09 (today 01-10 not logged yet): done 04 05 07 08 09, missed 06.
    assert [s.kind for s in cal.days[:7]] == ["done", "done", "missed", "done", "done", "done", "research"]
    assert (cal.done, cal.missed, cal.due, cal.to_write) == (5, 1, 6, 4)
    assert cal.current_streak == 3  # 09, 08, 07; the missed 06 ends it
    assert cal.longest_streak == 3
    assert cal.completion_rate == pytest.approx(5 / 6)
    assert cal.projected == pytest.approx(5 + 5 / 6 * 4)  # 8.33…
    assert cal.hours == 5.0
    assert [e.title for e in cal.days[5].also] == ["e2"]  # second entry of the day

    logged_today = calendar_of(content + "  - {date: 2027-01-10, title: f}\n", date(2027, 1, 10))
    assert logged_today.days[6].kind == "done" and logged_today.days[6].is_today
    assert (logged_today.done, logged_today.due, logged_today.current_streak) == (6, 7, 4)


def test_today_after_end() -> None:
    cal = calendar_of(
        """\
        start: 2027-01-04
        end: 2027-01-06
        published:
          - {date: 2027-01-04, title: a}
          - {date: 2027-01-06, title: c}
          - {date: 2027-01-20, title: late}
        """,
        date(2027, 2, 1),
    )
    assert [s.kind for s in cal.days] == ["done", "missed", "done"]
    assert (cal.done, cal.missed, cal.to_write) == (2, 1, 0)
    assert cal.completion_rate == pytest.approx(2 / 3)
    assert cal.projected == 2.0  # nothing still to write
    assert (cal.current_streak, cal.longest_streak) == (1, 1)
    assert [e.title for e in cal.off_slot] == ["late"]
    assert cal.next_slot is None


def test_future_log_entry_does_not_mark_its_slot_done() -> None:
    cal = calendar_of(
        """\
        start: 2027-01-04
        end: 2027-01-05
        backlog: [{title: A}, {title: B}]
        published: [{date: 2027-01-05, title: A}]
        """,
        date(2027, 1, 4),
    )
    # A is written in advance: an article (not planned again), but 01-05 is still to write.
    assert kinds(cal) == [("2027-01-04", "new", "B"), ("2027-01-05", "research", None)]


def test_default_end_is_a_year_minus_a_day() -> None:
    assert default_end(date(2026, 12, 1)) == date(2027, 11, 30)
    assert default_end(date(2027, 3, 1)) == date(2028, 2, 29)
    assert default_end(date(2028, 2, 29)) == date(2029, 2, 28)
    cal = calendar_of("start: 2027-03-01\n", date(2027, 1, 1))
    assert cal.slots == 366  # 2027-03-01..2028-02-29 spans a leap day
