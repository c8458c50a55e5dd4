"""The calendar engine against the contract's calendar rule, every expected value worked by hand."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest

from generator.compute.schedule import CalendarFigures, compute_calendar, compute_plan_calendar, default_end
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
    cal = compute_plan_calendar(load_plan(kolosok_path).plan, today)  # 2026-11-22, start 2026-12-01
    assert cal is not None
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

    first = kinds(cal)[:8]
    assert first == [
        # the backlog, in order (the consultant's titles are already headlines)
        ("2026-12-01", "new", "Как выбрать свежий хлеб"),
        ("2026-12-02", "new", "Бенто-торт за два дня"),
        ("2026-12-03", "new", "Во сколько у нас горячий хлеб"),
        # demand intents not covered by the backlog's queries (свежий хлеб, бенто торт), by
        # volume: "торт на заказ" in Москва (74 000) and Бибирево (880) is one article naming both
        # places; "пекарня рядом" (5 400) asks for a local guide
        ("2026-12-04", "new", "Как выбрать торт на заказ в Москве и Бибиреве: на что смотреть"),
        ("2026-12-05", "new", "Пекарня рядом с домом: где найти и как не ошибиться"),
        # then the first segment's needs, each in the pattern its form allows
        ("2026-12-06", "new", "Нужен свежий хлеб утром? Вот как это устроено у нас"),
        ("2026-12-07", "new", "Почему у нас быстро: как устроена работа"),
        ("2026-12-08", "new", "Почему у нас без очереди: как устроена работа"),
    ]
    by_date = {s.date: s for s in cal.days}
    assert by_date[date(2026, 12, 4)].segment == "celebrations"
    assert by_date[date(2026, 12, 4)].source == "demand"
    assert by_date[date(2026, 12, 4)].query == "торт на заказ москва"
    assert by_date[date(2026, 12, 4)].monthly_volume == 74000 + 880
    assert by_date[date(2026, 12, 1)].query == "свежий хлеб бибирево"
    assert by_date[date(2026, 12, 1)].source == "backlog"
    # Occasions of a bakery (business.preset), each its lead days ahead: New Year orders 12-31 − 21
    # = 12-10; the holidays' opening hours 12-31 − 14 = 12-17; Valentine's Day 02-14 − 14 = 01-31;
    # 8 March and Масленица (Orthodox Easter 2027-05-02 − 55 = 03-08) both 14 days ahead, 02-22, a
    # day off: the latest free slots before it, 02-21 (Масленица, first in the library) and
    # 02-20; Easter 05-02 − 14 = 04-18; the May holidays 05-01 − 10 = 04-21; 1 September − 14 =
    # 08-18. No Christmas, no Victory Day: the library does not mark them for a bakery.
    occasions = [(s.date, s.title) for s in cal.days if s.source == "occasion"]
    assert occasions == [
        (date(2026, 12, 10), "Новогодние торты и выпечка: принимаем заказы заранее"),
        (date(2026, 12, 17), "Новогодние праздники: график работы и как успеть с заказами"),
        (date(2027, 1, 31), "Торты и десерты ко Дню всех влюблённых: что заказать на двоих"),
        (date(2027, 2, 20), "Торты и десерты к 8 Марта: как заказать вовремя"),
        (date(2027, 2, 21), "Блины, пироги и выпечка к Масленице: что заказать заранее"),
        (date(2027, 4, 18), "Куличи и пасхальная выпечка: как заказать заранее"),
        (date(2027, 4, 21), "Майские праздники: график работы"),
        (date(2027, 8, 18), "Выпечка к 1 сентября: торты на праздник и перекус в школу"),
    ]
    # New ideas: backlog 3; demand 4 intents − 2 covered = 2; 6 needs × 2 articles, less the FAQ of
    # the need "торт на заказ", which is an intent's (its FAQ is an angle) = 11; 4 pains × 3;
    # 4 weaknesses × 2 and 2 comparisons with a competitor; the description's services (выпечка,
    # кофе навынос) × 3; angles 49 (торт на заказ 13, бенто торт 13, пекарня 8, свежий хлеб 15:
    # see test_ideas); occasions 8: 101 in all.
    assert dict(cal.by_source) == {
        "backlog": 3,
        "demand": 2,
        "need": 11,
        "pain": 12,
        "competitor": 10,
        "service": 6,
        "angle": 49,
        "occasion": 8,
        "refresh": cal.planned_refresh,
    }
    assert cal.planned_new == 101 and cal.ideas_left == 0
    # 98 slots 12-01..03-20 (30 in December, 23 in January, 26 in February, 19 in March) hold the
    # 93 queue ideas and 5 occasions: the last new article from the queue is on 03-20.
    assert max(s.date for s in cal.days if s.kind == "new" and s.source != "occasion") == date(2027, 3, 20)
    # Then the oldest article is old enough: refreshes, oldest first — the logged article of
    # 2026-11-15 (126 days), then the backlog's articles in slot order.
    refreshes = [s for s in cal.days if s.kind == "refresh"]
    assert [(s.date.isoformat(), s.title) for s in refreshes[:3]] == [
        ("2027-03-21", "Мы открылись после ремонта"),
        ("2027-03-22", "Как выбрать свежий хлеб"),
        ("2027-03-23", "Бенто-торт за два дня"),
    ]
    assert refreshes[0].last_written == date(2026, 11, 15)
    assert refreshes[0].url == "https://example.com/news/remont"
    # each article refreshed at most once per refresh_after_days
    last: dict[str, date] = {}
    for slot in cal.days:
        if slot.kind in ("new", "refresh") and slot.title:
            if slot.kind == "refresh" and slot.title in last:
                assert (slot.date - last[slot.title]).days >= 90
            last[slot.title] = slot.date
    assert cal.planned_new + cal.planned_refresh + cal.planned_repurpose + cal.planned_research == 345
    assert cal.planned_research <= 345 * 0.05  # the bar: at most 5% research days
    assert all(s.date > date(2027, 10, 1) for s in cal.days if s.kind == "research")  # only at the very end
    # no planned new article repeats another or the logged title
    titles = [s.title.casefold() for s in cal.days if s.kind == "new" and s.title]
    assert len(set(titles)) == len(titles) and "мы открылись после ремонта" not in titles


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
    # "q2" is no phrase the grammar can read: its article takes the pattern that needs no
    # agreement, and no further angles. Then refresh, oldest first, 3 days old: "title a"
    # (01-01), "Title B" (01-04), the article planned on 01-05.
    assert kinds(cal) == [
        ("2027-01-04", "done", "Title B"),
        ("2027-01-05", "new", "Q2: что нужно знать перед выбором"),
        ("2027-01-06", "new", "Q4: что нужно знать перед выбором"),
        ("2027-01-07", "new", "Q3: что нужно знать перед выбором"),
        ("2027-01-08", "refresh", "title a"),
        ("2027-01-09", "refresh", "Title B"),
        ("2027-01-10", "refresh", "Q2: что нужно знать перед выбором"),
    ]
    assert cal.ideas_left == 0
    assert cal.days[0].url == "https://example.com/b"
    assert cal.days[1].is_today and cal.days[1].status == "today"
    assert (cal.days[1].segment, cal.days[2].segment, cal.days[3].segment) == ("s1", "s2", "s1")
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
    assert [s.query for s in cal.days] == [None, "Title B", "q2", "q4"]
    assert [s.source for s in cal.days] == ["backlog", "demand", "demand", "demand"]
    assert cal.days[0].title == "Q1"  # the backlog's title in sentence case
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


def test_research_days_at_most_five_percent_on_every_shipped_and_test_plan(today: date) -> None:
    """The issue's bar: on the shipped plans and the test plans, research days are at most 5% of
    the slots still to write, and no planned new article repeats another or a logged title."""
    from pathlib import Path

    from generator.load.loader import load_plan

    root = Path(__file__).resolve().parents[2]
    paths = [*sorted((root / "plans").glob("*.yaml")), *sorted((root / "tests" / "testdata").rglob("*.yaml"))]
    checked = 0
    for path in paths:
        if "bad" in path.parts or "terminal" in path.parts:  # plans that must not load (escape sequences)
            continue
        cal = compute_plan_calendar(load_plan(path).plan, today)
        if cal is None or cal.to_write == 0:
            continue
        checked += 1
        assert cal.planned_research <= 0.05 * cal.to_write, path.name
        plan = load_plan(path).plan
        logged = {e.title.casefold() for e in plan.content.published}  # type: ignore[union-attr]
        titles = [s.title.casefold() for s in cal.days if s.kind == "new" and s.title]
        assert len(titles) == len(set(titles)) and not set(titles) & logged, path.name
    assert checked >= 4  # kolosok, northwind, hostile, the loader's kolosok
