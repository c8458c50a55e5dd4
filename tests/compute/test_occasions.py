"""Occasions: public holidays and the plan's own dated occasions, placed lead_days ahead (worked by hand)."""

from __future__ import annotations

import textwrap
from datetime import date

from generator.compute.occasions import holiday_names
from generator.compute.schedule import CalendarFigures, compute_plan_calendar
from generator.load.loader import load_text


def calendar(content: str, today: date, language: str = "ru") -> CalendarFigures:
    text = f"business: {{name: Shop, language: {language}}}\ncontent:\n" + textwrap.indent(
        textwrap.dedent(content), "  "
    )
    cal = compute_plan_calendar(load_text(text), today)
    assert cal is not None
    return cal


def occasions(cal: CalendarFigures) -> list[tuple[date, str | None]]:
    return [(s.date, s.title) for s in cal.days if s.source == "occasion"]


def test_a_holiday_that_is_itself_no_slot() -> None:
    cal = calendar("start: 2026-12-20\nend: 2027-01-31\nholidays: RU\n", date(2026, 12, 19))
    # RU: 2026-12-31 is a substituted day off (no slot, no occasion); 01-01..01-08 New Year
    # holidays and Christmas on 01-07 (no slots). New Year holidays 01-01 − 7 = 12-25, a slot.
    # Christmas 01-07 − 7 = 12-31, itself a holiday: the latest free slot before it, 12-30.
    assert occasions(cal) == [
        (date(2026, 12, 25), "Готовимся к Новогодним каникулам: идеи и советы"),
        (date(2026, 12, 30), "Готовимся к Рождеству Христову: идеи и советы"),
    ]
    slot = next(s for s in cal.days if s.date == date(2026, 12, 30))
    assert (slot.kind, slot.topic, slot.occasion_date) == ("new", "Рождество Христово", date(2027, 1, 7))


def test_observed_and_substituted_days_are_no_occasions() -> None:
    names = holiday_names("RU", date(2027, 4, 20), date(2027, 5, 31), "ru")
    # 05-03 and 05-10 are observed days of 05-01 and 05-09: the same holidays again.
    assert names == ((date(2027, 5, 1), "Праздник Весны и Труда"), (date(2027, 5, 9), "День Победы"))
    english = holiday_names("RU", date(2027, 2, 1), date(2027, 2, 28), "en")
    # 02-22 is a day off moved from 02-20: no holiday of its own.
    assert english == ((date(2027, 2, 23), "Defender of the Fatherland Day"),)
    ireland = holiday_names("IE", date(2027, 3, 1), date(2027, 3, 31), "en")
    assert ireland == ((date(2027, 3, 17), "Saint Patrick's Day"), (date(2027, 3, 29), "Easter Monday"))


def test_plan_occasions_lead_days_fallback_and_skip() -> None:
    cal = calendar(
        """\
        start: 2027-01-04
        end: 2027-01-31
        cadence: [mon, wed]
        lead_days: 7
        occasions:
          - {date: 2027-01-20, title: День рождения пекарни}
          - {date: 2027-01-08, title: Неделя ржаного хлеба}
          - {date: 2027-01-08, title: Open day}
          - {date: 2027-01-03, title: Before the calendar}
          - {date: 2027-01-04, title: Today itself}
          - {date: 2027-02-02, title: After the calendar}
        """,
        date(2027, 1, 4),
    )
    # Slots: Mondays and Wednesdays 01-04, 06, 11, 13, 18, 20, 25, 27. Today is 01-04 (free).
    # In date order: 01-08 − 7 = 01-01, no slot on or before it: the earliest free slot after,
    # before 01-08: 01-04. The second occasion of 01-08 gets 01-06; none is left for a third.
    # 01-20 − 7 = 01-13, a Wednesday slot. Occasions on or before today and after the end: none.
    assert occasions(cal) == [
        (date(2027, 1, 4), "Готовимся к Неделе ржаного хлеба: идеи и советы"),
        (date(2027, 1, 6), "Open day: готовимся заранее".replace("Open day", "«Open day»")),
        (date(2027, 1, 13), "Готовимся ко Дню рождения пекарни: идеи и советы"),
    ]


def test_occasion_on_the_latest_free_slot_before_the_lead_and_covered_by_the_log() -> None:
    content = """\
        start: 2027-01-04
        end: 2027-01-31
        cadence: [mon]
        lead_days: 3
        occasions: [{date: 2027-01-21, title: Bakery birthday}]
        """
    cal = calendar(content, date(2027, 1, 1), "en")
    # 01-21 − 3 = 01-18, a Monday: that slot.
    assert occasions(cal) == [(date(2027, 1, 18), "Getting ready for Bakery birthday: ideas and tips")]
    idea = cal.days[2].idea
    assert idea is not None and idea.startswith("occasion-")
    # Logged under another title with its id: written, not planned again.
    logged = calendar(
        content + f"published: [{{date: 2027-01-01, title: We turn five, idea: {idea}}}]\n", date(2027, 1, 1), "en"
    )
    assert occasions(logged) == []
