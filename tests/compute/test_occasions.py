"""Occasions with judgment: the library by kind of business, dates computed (Easter, Orthodox or
Western; the n-th weekday), each article only in the weeks before its date (worked by hand)."""

from __future__ import annotations

import textwrap
from datetime import date

import yaml

from generator.compute.occasions import LIBRARY, PRESETS, library, next_date, occurrence
from generator.compute.schedule import CalendarFigures, compute_plan_calendar
from generator.load.loader import load_text


def calendar(content: str, today: date, language: str = "ru", preset: str | None = None) -> CalendarFigures:
    kind = f", preset: {preset}" if preset else ""
    text = f"business: {{name: Shop, language: {language}{kind}}}\ncontent:\n" + textwrap.indent(
        textwrap.dedent(content), "  "
    )
    cal = compute_plan_calendar(load_text(text), today)
    assert cal is not None
    return cal


def occasions(cal: CalendarFigures) -> list[tuple[date, str | None]]:
    return [(s.date, s.title) for s in cal.days if s.source == "occasion"]


def test_dates_by_rule() -> None:
    # Orthodox Easter 2027 is 2 May, Western 28 March; Масленица starts 55 days before the
    # Orthodox Easter (Monday 8 March 2027); Mothering Sunday is 21 days before the Western.
    assert occurrence({"easter": "orthodox"}, 2027, True) == date(2027, 5, 2)
    assert occurrence({"easter": "western"}, 2027, False) == date(2027, 3, 28)
    assert occurrence({"easter": "orthodox", "days": -55}, 2027, True) == date(2027, 3, 8)
    assert occurrence({"easter": "western", "days": -21}, 2027, False) == date(2027, 3, 7)
    # Black Friday: the day after the fourth Thursday of November (26 November 2026)
    assert occurrence({"month": 11, "weekday": "thu", "nth": 4, "days": 1}, 2026, False) == date(2026, 11, 27)
    assert occurrence({"month": 3, "day": 8}, 2027, True) == date(2027, 3, 8)


def test_the_library_is_complete_for_every_preset() -> None:
    for preset in PRESETS:
        for language in ("ru", "en"):
            entries = library(preset, language)
            assert len(entries) >= 4, (preset, language)
            for entry in entries:
                assert 3 <= len(entry.outline) <= 5, (preset, entry.id)
                assert entry.title[:1].isupper() and entry.lead_days > 0
    data = yaml.safe_load((LIBRARY / "general.yaml").read_text(encoding="utf-8"))
    assert {e["id"] for e in data["occasions"]} == {"new-year-hours", "christmas-hours", "may-holidays"}


def test_relevance_by_kind_of_business() -> None:
    names = {p: {e.name for e in library(p, "ru")} for p in PRESETS}
    # the bakery's biggest dates, missing before
    assert {"Масленица", "Пасха", "День всех влюблённых", "8 Марта", "1 сентября", "Новый год"} <= names["bakery"]
    # no Christmas for a car service, no 8 March for a B2B supplier; the tyre seasons instead
    assert not any("Рождеств" in n for n in names["auto-service"])
    assert {"Летние шины", "Зимние шины"} <= names["auto-service"]
    assert "8 Марта" not in names["b2b"]
    # without a preset: only the opening hours over the long holidays
    assert {e.id for e in library(None, "ru")} == {"new-year-hours", "may-holidays"}
    assert {e.id for e in library(None, "en")} == {"christmas-hours"}


def test_easter_by_the_plans_church_and_an_article_in_the_weeks_before() -> None:
    content = "start: 2027-01-11\nend: 2027-06-30\ncadence: weekdays\nholidays: {country}\n"
    russian = calendar(content.format(country="RU"), date(2027, 1, 10), "ru", "bakery")
    by_title = dict((t, d) for d, t in occasions(russian))
    # Orthodox Easter 2 May − 14 days = 18 April, a Sunday: the latest weekday before it, 16 April
    assert by_title["Куличи и пасхальная выпечка: как заказать заранее"] == date(2027, 4, 16)
    # Масленица 8 March − 14 = 22 February, a Monday, but a day off in Russia (23 February moved):
    # the latest free slot before it, 19 February
    assert by_title["Блины, пироги и выпечка к Масленице: что заказать заранее"] == date(2027, 2, 19)
    english = calendar(content.format(country="IE"), date(2027, 1, 10), "en", "bakery")
    by_title = dict((t, d) for d, t in occasions(english))
    # Western Easter 28 March − 14 = 14 March, a Sunday: Friday 12 March; Mother's Day in Ireland
    assert by_title["Hot cross buns and Easter baking: order ahead"] == date(2027, 3, 12)
    assert "Mother's Day cakes: order ahead" in by_title
    # every occasion article is before its date, never after
    for slot in russian.days + english.days:
        if slot.source == "occasion":
            assert slot.occasion_date is not None and slot.date < slot.occasion_date


def test_countries_limit_an_entry() -> None:
    content = "start: 2027-01-11\nend: 2027-12-31\nholidays: {country}\n"
    assert "8 Марта" in {e.name for e in library("bakery", "ru")}
    kazakh = calendar(content.format(country="KZ"), date(2027, 1, 10), "ru", "bakery")
    german = calendar(content.format(country="DE"), date(2027, 1, 10), "ru", "bakery")
    assert any("8 Марта" in (t or "") for _, t in occasions(kazakh))
    assert not any("8 Марта" in (t or "") for _, t in occasions(german))


def test_next_date_after_today_inside_the_calendar() -> None:
    entry = next(e for e in library("bakery", "ru") if e.id == "valentines")
    assert next_date(entry, date(2027, 2, 14), date(2028, 3, 1), True) == date(2028, 2, 14)
    assert next_date(entry, date(2027, 2, 14), date(2028, 1, 31), True) is None


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
        (date(2027, 1, 4), "Готовимся к Неделе ржаного хлеба: что мы приготовили"),
        (date(2027, 1, 6), "«Open day»: готовимся заранее"),
        (date(2027, 1, 13), "Готовимся ко Дню рождения пекарни: что мы приготовили"),
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
    assert occasions(cal) == [(date(2027, 1, 18), "Getting ready for Bakery birthday: what we have planned")]
    idea = cal.days[2].idea
    assert idea is not None and idea.startswith("occasion-")
    # Logged under another title with its id: written, not planned again.
    logged = calendar(
        content + f"published: [{{date: 2027-01-01, title: We turn five, idea: {idea}}}]\n", date(2027, 1, 1), "en"
    )
    assert occasions(logged) == []


def test_an_occasion_article_is_refreshed_or_reposted_only_before_its_next_date() -> None:
    cal = calendar(
        """\
        start: 2027-01-04
        end: 2027-12-31
        cadence: [mon]
        refresh_after_days: 30
        occasions: [{date: 2027-02-15, title: Open day}]
        """,
        date(2027, 1, 1),
        "en",
    )
    title = "Getting ready for Open day: what we have planned"
    tasks = [(s.date, s.kind) for s in cal.days if s.title == title]
    # written once ahead of 15 February (7 days: 8 February); its next date, 15 February 2028, is
    # after the calendar, so it is never refreshed nor reposted in the off-season
    assert tasks == [(date(2027, 2, 8), "new")]
