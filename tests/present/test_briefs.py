"""Briefs and material warnings in the plan's language (worked by hand on small plans)."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

from generator.cli import main
from generator.compute.schedule import CalendarFigures, compute_plan_calendar
from generator.load.loader import load_text
from generator.present.briefs import brief_lines, material_warnings, searches, slot_headline


def calendar(text: str, today: date) -> CalendarFigures:
    cal = compute_plan_calendar(load_text(textwrap.dedent(text)), today)
    assert cal is not None
    return cal


RU = """\
business: {name: Пекарня}
segments:
  - id: s
    name: Соседи
    needs: [доставка]
    places: [{name: Чат дома, kind: messenger}]
    demand: [{query: хлеб рядом, monthly_volume: 22}]
competitors: [{name: Сеть, weaknesses: [хлеб привозной]}]
content:
  start: 2027-01-04
  end: 2027-01-31
  minutes_per_day: 45
"""


def test_brief_of_each_kind_in_russian() -> None:
    cal = calendar(RU, date(2027, 1, 1))
    names = {"s": "Соседи"}
    demand, need, competitor, rival, angle = cal.days[:5]
    # "хлеб рядом": the service "хлеб", the modifier asks for a local guide
    assert slot_headline(demand, "ru") == "Хлеб рядом с домом: где найти и как не ошибиться"
    assert brief_lines(demand, "ru", names, 45) == [
        "Источник: Поисковый спрос",
        "Что ищет читатель: хлеб",
        "Для кого: Соседи; их потребность: доставка",  # the reader: the segment and its need
        "Поисковый запрос: хлеб рядом (22 запроса в месяц)",  # 22: the "few" form
        "Подача: местный гид",
        "План: 1) Что есть в районе: варианты и ориентиры; 2) На что смотреть на месте; "
        "3) Как добраться, часы работы, парковка; 4) Почему заглянуть к нам",
        "Призыв в конце: заказать",  # a plan with no preset and no b2b model: order
        "Внутренняя ссылка: на страницу услуги «хлеб»",
        "Время: 45 мин",
    ]
    assert brief_lines(need, "ru", names, 45) == [
        "Источник: Потребности сегментов",
        "Для кого: Соседи",
        "Потребность: доставка",
        "Подача: ответ на потребность",
        "План: 1) Когда и кому это нужно; 2) Как это устроено у нас: по шагам; 3) Сроки, цены, условия; "
        "4) Как заказать",
        "Призыв в конце: заказать",
        "Внутренняя ссылка: на страницу услуги «хлеб»",  # the service the segment searches for
        "Время: 45 мин",
    ]
    assert brief_lines(competitor, "ru", names, 45)[:4] == [
        "Источник: Слабые стороны конкурентов",
        "Для кого: все сегменты",
        "Слабое место конкурента: хлеб привозной (Сеть)",
        "Подача: где мы лучше конкурентов",
    ]
    assert slot_headline(rival, "ru") == "Мы и «Сеть»: чем отличаемся и кому что подойдёт"
    assert "Подача: честное сравнение с конкурентом" in brief_lines(rival, "ru", names, 45)
    assert slot_headline(angle, "ru") == "Как выбрать хлеб: на что смотреть"
    assert "Подача: как выбрать: руководство" in brief_lines(angle, "ru", names, 45)
    post = next(s for s in cal.days if s.kind == "repurpose")
    assert slot_headline(post, "ru") == f"Пост по статье «{post.title}» · Чат дома"
    assert "Площадка: Чат дома" in brief_lines(post, "ru", names, 45)
    assert [searches(n, "ru") for n in (1, 3, 5, 21)] == [
        "1 запрос в месяц",
        "3 запроса в месяц",
        "5 запросов в месяц",
        "21 запрос в месяц",
    ]


SMALL = """\
business: {name: Пекарня}
segments: [{id: s, name: Соседи, needs: [доставка], places: [{name: Чат дома, kind: messenger}]}]
content: {start: 2027-01-04, end: 2027-01-31}
"""


def test_material_warnings() -> None:
    # one need, two articles on it, each a post for the one place; 28 slots: 24 research days
    cal = calendar(SMALL, date(2027, 1, 1))
    research = sum(s.kind == "research" for s in cal.days)
    assert research == 24 and cal.ideas_ahead == 2
    assert material_warnings(cal, "Пекарня", "ru") == [
        "Пекарня: впереди дни поиска тем (24) — материал для статей кончается",
        "Пекарня: новых статей в календаре 2 из 28 слотов — меньше половины",
        "Пекарня: впереди только 2 идеи для новых статей (меньше 30)",
        "Добавьте в план идеи в content.backlog, поисковые запросы в segments[].demand или потребности "
        "и боли в segments[].needs и pains",
    ]
    # 31 backlog ideas in a 7-day calendar: no research day, 31 ideas ahead (≥ 30): quiet.
    backlog = "".join(f"    - {{title: Idea {i}}}\n" for i in range(31))
    fed = calendar(
        "business: {name: Fed, language: en}\ncontent:\n  start: 2027-01-04\n  end: 2027-01-10\n  backlog:\n" + backlog,
        date(2027, 1, 1),
    )
    assert (fed.planned_research, fed.ideas_ahead) == (0, 31)
    assert material_warnings(fed, "Fed", "en") == []
    # 29 ideas: the English warning, with the plural of "idea"
    few = calendar(
        "business: {name: Few, language: en}\ncontent:\n  start: 2027-01-04\n  end: 2027-01-10\n  backlog:\n"
        + "".join(f"    - {{title: Idea {i}}}\n" for i in range(29)),
        date(2027, 1, 1),
    )
    assert material_warnings(few, "Few", "en")[0] == "Few: only 29 ideas for new articles ahead (fewer than 30)"
    # A calendar that has ended warns of nothing.
    assert material_warnings(calendar(SMALL, date(2027, 3, 1)), "Пекарня", "ru") == []


def test_check_prints_the_warnings(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    # `check` judges the plan on the real date: a calendar far ahead keeps the test independent of it
    path = tmp_path / "bakery.yaml"
    path.write_text(SMALL.replace("2027-01-04", "2099-01-05").replace("2027-01-31", "2099-02-01"), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    captured = capsys.readouterr()
    out = captured.out
    assert (
        "warning M114: content: новых статей в календаре 2 из 28 слотов — меньше половины; добавьте в план: "
        "поисковые запросы сегментов (segments[].demand); потребности и боли сегментов; конкурентов и их слабые "
        "стороны; вид бизнеса business.preset (праздники и сезоны отрасли)"
    ) in captured.err
    assert "bakery.yaml: Пекарня: впереди только 2 идеи для новых статей (меньше 30)" in out



def test_every_headline_pattern_has_an_angle_in_both_languages() -> None:
    from generator.compute.patterns import PATTERNS
    from generator.present.briefs import ANGLE_OF, angle_label

    assert set(PATTERNS) <= set(ANGLE_OF)
    for pattern in PATTERNS:
        assert angle_label(pattern, "ru") and angle_label(pattern, "en")
