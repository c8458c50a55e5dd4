"""The idea engine's sources and ids, each source in turn, on small plans worked by hand."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

from generator.compute.ideas import demand_ideas, idea_id, title_key
from generator.compute.intents import Query, group_intents
from generator.compute.material import Material
from generator.compute.occasions import library
from generator.compute.planner import Article, refresh_candidate
from generator.compute.schedule import CalendarFigures, compute_plan_calendar
from generator.load.loader import load_plan, load_text
from tests.conftest import PLANS, TESTDATA


def calendar(text: str, today: date) -> CalendarFigures:
    plan = load_text(textwrap.dedent(text))
    cal = compute_plan_calendar(plan, today)
    assert cal is not None
    return cal


def planned(cal: CalendarFigures) -> list[tuple[str, str | None, str | None]]:
    return [(s.kind, s.source, s.title) for s in cal.days if s.planned]


# One segment with one need, one pain and two queries; one competitor with one weakness; two
# backlog ideas. English, so the titles read as the English templates.
PLAN = """\
business: {{name: Shop, language: en}}
segments:
  - id: locals
    name: Locals
    needs: [fresh bread in the morning]
    pains: [queues at the till]
    places: [{{name: Street chat, kind: messenger}}, {{name: Local search, kind: search}}]
    demand:
      - {{query: bakery near me, monthly_volume: 50}}
      - {{query: sourdough bread, monthly_volume: 900}}
competitors:
  - {{name: ChainCo, weaknesses: [bread baked elsewhere]}}
content:
  start: 2027-01-04
  end: {end}
  refresh_after_days: 400
  backlog:
    - {{title: Our rye loaf, query: rye bread, segment: locals}}
    - {{title: How we bake at night}}
{log}
"""


def plan(end: str = "2027-01-31", log: str = "") -> str:
    return PLAN.format(end=end, log=log)


def test_each_source_in_turn_then_repurpose_then_research() -> None:
    cal = calendar(plan(), date(2027, 1, 1))
    # 28 daily slots 01-04..01-31. Queue: backlog 2 (plan order); demand: one article per intent,
    # volume first, in the pattern its modifier asks for ("near me": a local guide); the need, the
    # pain (no initiative fixes it: what we are changing); the weakness and a comparison with the
    # competitor; then the angles of each intent (a bakery is a place of business: no price, no
    # case, no "when"), and the second articles on the need, the pain and the weakness.
    assert planned(cal) == [
        ("new", "backlog", "Our rye loaf"),
        ("new", "backlog", "How we bake at night"),
        ("new", "demand", "Choosing sourdough bread: what to look for"),
        ("new", "demand", "Bakeries near you: where to find a good one"),
        ("new", "need", "Need fresh bread in the morning? Here is how we arrange it"),
        ("new", "pain", "“Queues at the till”: what we are changing"),
        ("new", "competitor", "“Bread baked elsewhere”: why it is different with us"),
        ("new", "competitor", "Us or ChainCo: an honest comparison"),
        ("new", "angle", "How much does sourdough bread cost? What makes up the price"),
        ("new", "angle", "Frequently asked questions about sourdough bread"),
        ("new", "angle", "Checklist: what to check before you choose sourdough bread"),
        ("new", "angle", "Which sourdough bread to choose: comparing the options"),
        ("new", "angle", "Five mistakes to avoid when choosing sourdough bread"),
        ("new", "angle", "When do you need sourdough bread? Signs and timing"),
        ("new", "angle", "Myths about sourdough bread: what is true and what is not"),
        ("new", "angle", "Case study: sourdough bread, from enquiry to result"),
        ("new", "angle", "Sourdough bread for locals: what matters most"),
        ("new", "angle", "Sourdough bread: us or ChainCo?"),
        ("new", "angle", "Choosing a bakery: what to look for"),
        ("new", "angle", "Frequently asked questions about bakeries"),
        ("new", "angle", "Checklist: what to check before you choose a bakery"),
        ("new", "angle", "Which bakery to choose: comparing the options"),
        ("new", "angle", "Five mistakes to avoid when choosing a bakery"),
        ("new", "angle", "Bakery: us or ChainCo?"),
        ("new", "need", "Getting fresh bread in the morning: what to expect"),
        ("new", "pain", "“Queues at the till”: why it happens and how to avoid it"),
        ("new", "pain", "Dealing with queues at the till: practical tips"),
        ("new", "competitor", "“Bread baked elsewhere”: what to check when choosing"),
    ]
    assert (cal.planned_research, cal.ideas_left) == (0, 0)
    by_source = dict(cal.by_source)
    assert by_source == {"backlog": 2, "demand": 2, "need": 2, "pain": 3, "competitor": 3, "angle": 16}

    # A longer calendar: 28 new, 28 posts (each article once to its one place: the search place
    # is no place for a post; articles with no segment may go to any segment's), then research.
    longer = calendar(plan(end="2027-03-10"), date(2027, 1, 1))  # 66 slots
    kinds = [s.kind for s in longer.days]
    assert kinds == ["new"] * 28 + ["repurpose"] * 28 + ["research"] * 10
    assert len({(s.title, s.place) for s in longer.days if s.kind == "repurpose"}) == 28  # no pair repeats


def test_brief_facts_of_each_source() -> None:
    cal = calendar(plan(), date(2027, 1, 1))
    slots = {s.source: s for s in reversed(cal.days) if s.kind == "new"}  # the first of each source
    assert (slots["backlog"].segment, slots["backlog"].query) == ("locals", "rye bread")
    assert (slots["demand"].query, slots["demand"].monthly_volume, slots["demand"].segment) == (
        "sourdough bread",
        900,
        "locals",
    )
    assert (slots["need"].topic, slots["need"].segment) == ("fresh bread in the morning", "locals")
    assert slots["pain"].topic == "queues at the till"
    assert (slots["competitor"].topic, slots["competitor"].competitor, slots["competitor"].segment) == (
        "bread baked elsewhere",
        "ChainCo",
        None,
    )
    assert (slots["angle"].angle, slots["angle"].query, slots["angle"].monthly_volume) == (
        "price",
        "sourdough bread",
        900,
    )
    # the brief: what the reader wants, 3–5 points, the call to action, the page to link
    demand = slots["demand"]
    assert (demand.intent, demand.angle, demand.cta, demand.service) == (
        "sourdough bread",
        "howto",
        "order",
        "sourdough bread",
    )
    assert 3 <= len(demand.outline) <= 5
    assert all(3 <= len(s.outline) <= 5 for s in cal.days if s.kind == "new" and s.source != "backlog")


def test_ids_are_stable_and_change_only_with_their_text() -> None:
    first = calendar(plan(), date(2027, 1, 1))
    again = calendar(plan(), date(2027, 1, 1))
    ids = [s.idea for s in first.days if s.kind == "new"]
    assert ids == [s.idea for s in again.days if s.kind == "new"]
    assert len(set(ids)) == len(ids)  # no two ideas share one
    # A later "today" moves every idea to another date, but each keeps its id.
    later = calendar(plan(log="  published: [{date: 2027-01-04, title: Something else}]"), date(2027, 1, 6))
    by_title = {s.title: s.idea for s in first.days if s.kind == "new"}
    for slot in later.days:
        if slot.kind == "new" and slot.title in by_title:
            assert slot.idea == by_title[slot.title]
    # The id is a hash of source, segment, angle and text (normalised): worked from its parts.
    assert by_title["Need fresh bread in the morning? Here is how we arrange it"] == idea_id(
        "need", "locals", None, "fresh bread in the morning"
    )
    assert idea_id("need", "locals", None, "Fresh  bread in the MORNING") == idea_id(
        "need", "locals", None, "fresh bread in the morning"
    )
    # The second article on the need has its pattern as its angle.
    assert by_title["Getting fresh bread in the morning: what to expect"] == idea_id(
        "need", "locals", "need_about", "fresh bread in the morning"
    )
    # Editing the need's text changes the ids of its two articles and no other.
    edited = calendar(plan().replace("fresh bread in the morning", "warm bread in the morning"), date(2027, 1, 1))
    changed = {s.idea for s in edited.days if s.kind == "new"} ^ set(ids)
    assert changed == {
        idea_id("need", "locals", None, "fresh bread in the morning"),
        idea_id("need", "locals", "need_about", "fresh bread in the morning"),
        idea_id("need", "locals", None, "warm bread in the morning"),
        idea_id("need", "locals", "need_about", "warm bread in the morning"),
    }


def test_log_coverage_by_id_by_title_and_unknown_id() -> None:
    need_id = idea_id("need", "locals", None, "fresh bread in the morning")
    log = f"""\
  published:
    - {{date: 2027-01-02, title: Why our mornings smell of bread, idea: {need_id}}}
    - {{date: 2027-01-03, title: "choosing SOURDOUGH bread:  what to look for"}}
    - {{date: 2027-01-03, title: Post about nothing, kind: repurpose, idea: gone-12345678}}
    - {{date: 2027-01-03, title: Our rye loaf, kind: research}}
"""
    cal = calendar(plan(log=log), date(2027, 1, 1))
    titles = [title for kind, _, title in planned(cal) if kind == "new"]
    # by id: the need is written (under another title); by working title (case and spaces
    # aside): the sourdough demand idea; an unknown id is accepted and covers nothing.
    assert "Need fresh bread in the morning? Here is how we arrange it" not in titles
    assert "Choosing sourdough bread: what to look for" not in titles
    # A research entry carrying a backlog title is no article: the backlog idea is still planned.
    assert titles[:3] == ["Our rye loaf", "How we bake at night", "Bakeries near you: where to find a good one"]
    assert len(titles) == 28 - 2
    # The angles on the covered demand query are still planned (angles take every intent).
    assert "Frequently asked questions about sourdough bread" in titles


def test_no_new_article_repeats_another_or_a_logged_title() -> None:
    # The backlog repeats a demand working title and an earlier backlog title; the log carries
    # the competitor idea's working title.
    text = plan(log="  published: [{date: 2027-01-02, title: '“Bread baked elsewhere”: why it is different with us'}]")
    text = text.replace(
        "    - {title: How we bake at night}\n",
        "    - {title: How we bake at night}\n"
        "    - {title: how we bake at night}\n"
        "    - {title: 'Bakeries near you: where to find a good one'}\n",
    )
    cal = calendar(text, date(2027, 1, 1))
    titles = [s.title.casefold() for s in cal.days if s.kind == "new" and s.title]
    assert len(titles) == len(set(titles))
    assert "“bread baked elsewhere”: why it is different with us" not in titles
    assert titles[:3] == ["our rye loaf", "how we bake at night", "bakeries near you: where to find a good one"]


def test_research_only_when_the_plan_is_truly_empty() -> None:
    empty = calendar("business: {name: Empty}\ncontent: {start: 2027-01-04, end: 2027-01-06}\n", date(2027, 1, 1))
    assert [s.kind for s in empty.days] == ["research"] * 3
    # One need is enough material for two articles; with a place, each becomes a post.
    one = calendar(
        """\
        business: {name: One}
        segments: [{id: s, name: S, needs: [доставка], places: [{name: Чат, kind: messenger}]}]
        content: {start: 2027-01-04, end: 2027-01-07}
        """,
        date(2027, 1, 1),
    )
    assert [(s.kind, s.source) for s in one.days] == [
        ("new", "need"),
        ("new", "need"),
        ("repurpose", None),
        ("repurpose", None),
    ]
    assert [one.days[0].title, one.days[1].title] == [
        "Нужна доставка? Вот как это устроено у нас",
        "Что важно знать о доставке: ответы на вопросы",
    ]


# meaning, season, fixes: the shipped bakery and the auto-service test plan ------------------


def plan_calendar(path: Path, today: date | None = None) -> CalendarFigures:
    plan = load_plan(path).plan
    assert plan.content is not None
    cal = compute_plan_calendar(plan, today or plan.content.start)
    assert cal is not None
    return cal


def test_one_article_per_intent_with_its_places_inside() -> None:
    cal = plan_calendar(PLANS / "kolosok.yaml")
    new = [s for s in cal.days if s.kind == "new"]
    # "торт на заказ москва" (74 000) and "торт на заказ бибирево" (880): one intent, one opening
    # article that names both places, in the locative
    cakes = [s for s in new if s.source == "demand" and s.service == "торт на заказ"]
    assert [s.title for s in cakes] == ["Как выбрать торт на заказ в Москве и Бибиреве: на что смотреть"]
    assert (cakes[0].query, cakes[0].monthly_volume, cakes[0].intent) == (
        "торт на заказ москва",
        74000 + 880,
        "торт на заказ · Москва, Бибирево",
    )
    # "пекарня рядом": its modifier asks for a local guide
    assert "Пекарня рядом с домом: где найти и как не ошибиться" in {s.title for s in new}


def test_no_two_titles_alike_and_the_bakerys_season() -> None:
    cal = plan_calendar(PLANS / "kolosok.yaml")
    titles = [s.title or "" for s in cal.days if s.kind == "new"]
    assert len({title_key(t) for t in titles}) == len(titles)
    occasions = {s.title: (s.date, s.occasion_date) for s in cal.days if s.source == "occasion"}
    # Масленица starts on 8 March 2027 (Orthodox Easter 2 May − 55 days): 14 days ahead, 22 February,
    # is a day off in Russia, so the latest slot before it, 21 February; 8 March falls on the same
    # day and comes after it in the library: 20 February
    assert occasions["Блины, пироги и выпечка к Масленице: что заказать заранее"] == (
        date(2027, 2, 21),
        date(2027, 3, 8),
    )
    assert occasions["Куличи и пасхальная выпечка: как заказать заранее"][1] == date(2027, 5, 2)
    assert all(day < occasion for day, occasion in occasions.values())  # only ever before the date
    assert not any("Рождеств" in t or "Победы" in t for t in occasions)


def test_a_pain_article_that_promises_a_fix_waits_for_its_initiative() -> None:
    cal = plan_calendar(TESTDATA / "ideas" / "autoservice.yaml")
    by_title = {s.title: s for s in cal.days if s.kind == "new"}
    # "нет записи на выходные" is fixed by "Онлайн-запись на выходные дни", starting 2027-03-01:
    # "what we changed" is not written before then
    fixed = by_title["Запись на выходные: что мы изменили"]
    assert fixed.date == date(2027, 3, 1) and fixed.source == "pain"
    # "нет закрывающих документов": its initiative started before the calendar (2026-11-01)
    assert by_title["Закрывающие документы: что мы изменили"].date < date(2027, 1, 1)
    # no initiative promises to fix this one: the article says what we are changing, at once
    assert by_title["«Навязывают лишние работы»: что мы меняем"].date < date(2027, 1, 1)


def test_a_year_of_new_articles_from_the_plans_material() -> None:
    # 5 demand queries, 3 segments with 4 needs and 3 pains each, 3 competitors, no backlog
    path = TESTDATA / "ideas" / "autoservice.yaml"
    plan = load_plan(path).plan
    assert plan.content is not None and not plan.content.backlog
    assert sum(len(s.demand) for s in plan.segments) == 5 and len(plan.competitors) == 3
    assert [(len(s.needs), len(s.pains)) for s in plan.segments] == [(4, 3)] * 3
    cal = plan_calendar(path)
    assert cal.slots == 345
    new = [s for s in cal.days if s.kind == "new"]
    assert len(new) >= 150
    assert cal.planned_research == 0
    titles = [s.title or "" for s in new]
    assert len({title_key(t) for t in titles}) == len(titles)  # no two alike, lemmatised
    relevant = {e.title for e in library("auto-service", "ru")}
    assert {s.title for s in new if s.source == "occasion"} <= relevant  # no holiday outside the library
    assert cal.planned_refresh + cal.planned_repurpose + len(new) == 345


def test_the_steps_take_plain_lists() -> None:
    # Step 2 takes intents, so an import of search demand can hand in its own queries.
    intents = group_intents([Query("s", "шиномонтаж бутово", 2400), Query("s", "шиномонтаж в бутово", 10)], "ru")
    ideas = list(demand_ideas(intents, frozenset(), "ru", Material(preset="auto-service")))
    assert [(i.title, i.cta) for i in ideas] == [("Где сделать шиномонтаж в Бутове: как выбрать исполнителя", "book")]
    # Step 6 takes articles: the oldest that is old enough
    old = Article("A", 1, date(2027, 1, 1), date(2027, 1, 1))
    newer = Article("B", 2, date(2027, 2, 1), date(2027, 2, 1))
    assert refresh_candidate([newer, old], date(2027, 4, 5), 90) is old
    assert refresh_candidate([newer, old], date(2027, 3, 31), 90) is None


def test_seasonal_demand_is_written_before_its_season() -> None:
    cal = calendar(
        """\
        business: {name: Шины}
        segments:
          - id: d
            name: Водители
            demand:
              - {query: зимние шины, monthly_volume: 9000}
              - {query: летние шины, monthly_volume: 5000}
              - {query: замена масла, monthly_volume: 100}
        content: {start: 2027-01-11, end: 2027-12-31}
        """,
        date(2027, 1, 10),
    )
    demand = {s.title: (s.date, s.occasion_date) for s in cal.days if s.source == "demand"}
    # winter tyres: the season starts on 15 October, 21 days ahead is 24 September; summer tyres:
    # 15 April − 21 = 25 March. Not in January, although their volume puts them first in the queue.
    assert demand["Как выбрать зимние шины: на что смотреть"] == (date(2027, 9, 24), date(2027, 10, 15))
    assert demand["Как выбрать летние шины: на что смотреть"] == (date(2027, 3, 25), date(2027, 4, 15))
    # the unseasonal intent opens the queue on the first day
    assert demand["Где сделать замену масла: как выбрать исполнителя"][0] == date(2027, 1, 11)
