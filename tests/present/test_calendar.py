"""present/calendar.py: the article calendar's view, worked by hand from the contract's statistics,
and the same strings in the site, the PDF and the terminal report for the three plans."""

from __future__ import annotations

import pytest

from generator.present.calendar import CalendarView, calendar_view
from generator.present.views import segment_names
from tests.outputs import THREE_PLANS, outputs, plain
from tests.present.small_plan import AUDITED, PLAN, loaded_of

# Three weeks of Monday, Wednesday and Friday from 9 November 2026, today being Sunday the 22nd:
# slots 9, 11, 13, 16, 18, 20 (due), 23, 25, 27 (ahead) → 9 slots. Logged: 9, 13, 16, 18, 20 → done 5,
# missed 1 (the 11th); rate 5 / 6 = 83.3%; current streak back from the 20th: 20, 18, 16, 13 → 4
# (the missed 11th ends it), the longest the same 4; hours 5 × 90 / 60 = 7.5; projected
# 5 + 5/6 × 3 = 7.5 → 8 days of work; still to write 3.
LOGGED = (
    PLAN
    + """\
content:
  start: 2026-11-09
  end: 2026-11-29
  cadence: [mon, wed, fri]
  minutes_per_day: 90
  backlog: [{title: Later post, segment: b}]
  published:
    - {date: 2026-11-09, title: One}
    - {date: 2026-11-13, title: Two}
    - {date: 2026-11-16, title: Three}
    - {date: 2026-11-18, title: Four}
    - {date: 2026-11-20, title: Five}
"""
)
RU = LOGGED.replace("language: en, currency: USD", "language: ru, currency: RUB")


def view_of(text: str) -> CalendarView:
    loaded, figures = loaded_of(text)
    view = calendar_view(figures, segment_names(loaded.plan))
    assert view is not None
    return view


def test_statistics_worked_from_the_contract() -> None:
    view = view_of(LOGGED)
    assert [(s.label, s.value) for s in view.stats] == [
        ("Slots", "9"),
        ("Done", "5"),
        ("Missed", "1"),
        ("Completion", "83.3%"),
        ("Current streak", "4"),
        ("Longest streak", "4"),
        ("Days of work projected", "8"),
        ("Still to write", "3"),
    ]
    assert (view.hours_stat.label, view.hours_stat.value) == ("Hours invested", "7.5")
    assert view.period == "November 9, 2026 – November 29, 2026"
    # 7.5 of 365 hours: 2.05% → 2.1%; the meter 100 × 7.5 / 365 = 2.05 → "2.1%" wide (one decimal)
    assert (view.hours, view.yardstick, view.hours_share, view.hours_width) == ("7.5", "365", "2.1%", "2.1%")
    assert view.hours_text.endswith("a slot here is 90 min.")
    # the 9th is done (✓), the 11th missed (✗), the 23rd the next task (+), the 22nd no slot
    november = view.months[0]
    cells = {c.day: c for week in november.weeks for c in week if c is not None}
    assert (cells[9].css, cells[9].mark, cells[9].title) == ("done", "✓", "Done: One")
    assert (cells[11].css, cells[11].mark, cells[11].title) == ("missed", "✗", "Missed")
    assert (cells[23].css, cells[23].mark, cells[23].title) == ("new", "+", "Later post (Beta)")  # the name, not b
    assert (cells[22].css, cells[22].mark, cells[22].title) == ("off", "", "no slot")
    assert view.next is not None and (view.next.day, view.next.title) == ("November 23, 2026", "Later post")


def test_in_russian_with_no_rate_yet() -> None:
    view = view_of(RU)
    values = {s.label: plain(s.value) for s in (*view.stats, view.hours_stat)}
    assert (values["Выполнение"], values["Вложено часов"], values["Слотов"]) == ("83,3%", "7,5", "9")
    assert view.title == "Календарь статей"
    assert view.weekdays[0] == "Пн"
    # nothing due yet (today before the first slot): no rate, every slot projected
    early = view_of(AUDITED)
    values = {s.label: s.value for s in (*early.stats, early.hours_stat)}
    assert (values["Completion"], values["Days of work projected"], values["Hours invested"]) == ("—", "3", "0")


def test_the_weeks_slots_and_what_they_hold() -> None:
    view = view_of(AUDITED)
    assert [(b.date, b.kind, b.title) for b in view.briefs] == [
        ("11/23/26", "New article", "First post"),
        ("11/25/26", "New article", "Second post"),
        ("11/27/26", "Research day", "Research day"),
    ]
    assert view.briefs[0].lines[1] == "For whom: Alpha"  # segment a's name, not its id
    assert view.period == "November 23, 2026 – November 29, 2026"
    # 2 of 3 slots from the backlog: 66.7%; 1 of 3 research: 33.3%
    assert [(s.label, s.count, s.share) for s in view.sources] == [
        ("Backlog", "2", "66.7%"),
        ("Research days", "1", "33.3%"),
    ]
    assert view.planned == "Ahead: 2 new articles, 0 refreshes, 0 posts from articles, 1 research days."
    # November's grid, Monday first: the week of the 23rd, then Monday 30 and no more days
    *_, week, last = view.months[0].weeks
    assert [(d.day, d.css, d.mark) for d in week if d] == [
        (23, "new", "+"),
        (24, "off", ""),
        (25, "new", "+"),
        (26, "off", ""),
        (27, "research", "?"),
        (28, "off", ""),
        (29, "off", ""),
    ]
    assert [d and d.day for d in last] == [30, None, None, None, None, None, None]
    assert "<svg" in view.heatmap


def test_no_content_section_no_view() -> None:
    loaded, figures = loaded_of(PLAN)
    assert calendar_view(figures, segment_names(loaded.plan)) is None


# Left out on purpose: the month grids (site only: their words are tooltips, and the PDF has the
# heatmap instead), the hours meter's share and the label of the hours invested (the site says them
# in the meter, its heading and the hours sentence, all three with `hours`); the briefs' lines in the
# terminal (one row a task);
# in the PDF, the calendar's name (its chapter is "Content discipline", as its contents say) and the
# next task's long date (the PDF's first brief is that task, under its short date).
@pytest.mark.parametrize("name", THREE_PLANS)
def test_the_same_calendar_in_the_site_the_pdf_and_the_terminal(name: str) -> None:
    out = outputs(name)
    view = calendar_view(out.figures, segment_names(out.loaded.plan))
    assert view is not None
    strings = [view.period, view.hours_text, view.split, view.planned]
    strings += [s for stat in view.stats for s in (stat.label, stat.value)] + [view.hours_stat.value]
    strings += [s for row in view.sources for s in (row.label, row.count, row.share)]
    strings += [s for b in view.briefs for s in (b.date, b.kind, b.title)]
    assert out.missing(*strings) == []
    site_and_report = [view.title] + ([view.next.day, view.next.title] if view.next is not None else [])
    assert [m for m in out.missing(*site_and_report) if not m.startswith("PDF:")] == []
    lines = [line for b in view.briefs for line in b.lines]
    assert [m for m in out.missing(*lines) if not m.startswith("report:")] == []
    assert [m for m in out.missing(view.hours_share) if m.startswith("site:")] == []
    assert [m for m in out.missing(view.hours_stat.label) if not m.startswith("site:")] == []
