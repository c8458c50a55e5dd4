"""Refresh and repurpose when the ideas are spent: refresh age, round-robin posts, research last."""

from __future__ import annotations

import textwrap
from datetime import date

from generator.compute.planner import Article, Place, Planner, Topic
from generator.compute.schedule import CalendarFigures, compute_plan_calendar
from generator.load.loader import load_text


def calendar(text: str, today: date) -> CalendarFigures:
    cal = compute_plan_calendar(load_text(textwrap.dedent(text)), today)
    assert cal is not None
    return cal


def test_refresh_age_and_repurpose_round_robin() -> None:
    cal = calendar(
        """\
        business: {name: Shop}
        segments:
          - id: s1
            name: One
            places:
              - {name: A, kind: social}
              - {name: B, kind: maps}
              - {name: C, kind: search}
          - id: s2
            name: Two
            places: [{name: D, kind: email}]
        content:
          start: 2027-01-04
          end: 2027-01-20
          refresh_after_days: 5
          backlog: [{title: X, segment: s1}, {title: Y, segment: s2}, {title: Z}]
        """,
        date(2027, 1, 1),
    )
    got = [(s.date.day, s.kind, s.title, s.place) for s in cal.days]
    assert got == [
        (4, "new", "X", None),
        (5, "new", "Y", None),
        (6, "new", "Z", None),
        # X is 3 days old on the 7th (< 5): posts, round-robin from the first article
        (7, "repurpose", "X", "A"),
        (8, "repurpose", "Y", "D"),
        # X written on the 4th is 5 days old on the 9th; Y (5th) on the 10th; Z (6th) on the 11th
        (9, "refresh", "X", None),
        (10, "refresh", "Y", None),
        (11, "refresh", "Z", None),
        # the round-robin goes on where it stopped: Z (no segment: any segment's place, A first),
        # then X's next place B (C is a search place: no post)
        (12, "repurpose", "Z", "A"),
        (13, "repurpose", "X", "B"),
        (14, "refresh", "X", None),
        (15, "refresh", "Y", None),
        (16, "refresh", "Z", None),
        # Y has no place left (D used); Z's next is B; then X and Y have none: Z to D
        (17, "repurpose", "Z", "B"),
        (18, "repurpose", "Z", "D"),
        (19, "refresh", "X", None),
        (20, "refresh", "Y", None),
    ]
    refreshed = [s for s in cal.days if s.kind == "refresh"]
    assert [s.last_written for s in refreshed[:3]] == [date(2027, 1, 4), date(2027, 1, 5), date(2027, 1, 6)]
    assert refreshed[3].last_written == date(2027, 1, 9)  # X's own refresh of the 9th
    # a post is for the segment of its place (Z has none of its own)
    assert [(s.title, s.place, s.segment) for s in cal.days if s.kind == "repurpose" and s.title == "Z"] == [
        ("Z", "A", "s1"),
        ("Z", "B", "s1"),
        ("Z", "D", "s2"),
    ]
    posts = [(s.title, s.place) for s in cal.days if s.kind == "repurpose"]
    assert len(posts) == len(set(posts))  # no article–place pair twice
    assert cal.planned_research == 0


def test_one_article_per_url_and_research_when_nothing_is_old_enough() -> None:
    cal = calendar(
        """\
        business: {name: Shop}
        content:
          start: 2027-01-04
          end: 2027-01-06
          refresh_after_days: 10
          published:
            - {date: 2026-12-01, title: Old name, url: "https://example.com/a"}
            - {date: 2026-12-20, title: New name, url: "https://example.com/a", kind: refresh}
            - {date: 2026-12-21, title: A post, kind: repurpose}
        """,
        date(2027, 1, 4),
    )
    # One article (its url), last written 12-20: 15 days on 01-04. Then nothing is 10 days old,
    # no segment has places, and a repurpose entry is no article: research.
    assert [(s.kind, s.title) for s in cal.days] == [("refresh", "Old name"), ("research", None), ("research", None)]
    assert cal.days[0].last_written == date(2026, 12, 20)
    assert cal.days[0].url == "https://example.com/a"


def test_repurpose_round_robin_on_the_planner_itself() -> None:
    """The rotation of rule 7 at the compute level: articles in order, each to its segment's next
    unused place, the turn moving on after each post, so no article–place pair repeats."""
    written = date(2027, 1, 1)
    planner = Planner(
        queue=[],
        refresh_after_days=1000,  # nothing is old enough to refresh
        places=[Place("s1", "A"), Place("s2", "D"), Place("s1", "B")],
        articles=[
            Article("Second", 2, written, written, topic=Topic(segment="s1")),
            Article("First", 1, written, written),  # no segment: any segment's place
        ],
    )
    got = []
    for day in range(5, 11):
        slot = planner.plan(date(2027, 1, day), is_today=False)
        got.append((slot.kind, slot.title, slot.place, slot.segment))
    # by order: First (1) then Second (2), whatever the list order; each takes its next free place:
    # First → A; Second → A (s1); First → D; Second → B (D is s2's); First → B; then nothing is left
    assert got == [
        ("repurpose", "First", "A", "s1"),
        ("repurpose", "Second", "A", "s1"),
        ("repurpose", "First", "D", "s2"),
        ("repurpose", "Second", "B", "s1"),
        ("repurpose", "First", "B", "s1"),
        ("research", None, None, None),
    ]


def test_the_planners_refresh_heap_agrees_with_step_6_over_a_year() -> None:
    # the planner keeps its articles in a heap; refresh_candidate scans the list: the same choice
    from datetime import date as day_type

    from generator.compute.occasions import library
    from generator.compute.planner import refresh_candidate
    from generator.compute.schedule import compute_plan_calendar
    from generator.load.loader import load_plan
    from tests.conftest import PLANS

    plan = load_plan(PLANS / "kolosok.yaml").plan
    cal = compute_plan_calendar(plan, day_type(2026, 11, 22))
    assert cal is not None
    refreshes = [(s.date, s.title) for s in cal.days if s.kind == "refresh"]
    assert len(refreshes) == 244
    # replay: every article with its writes; at each refresh, the list-based step picks the same
    from generator.compute.planner import Article

    articles: dict[str, Article] = {
        "Мы открылись после ремонта": Article(
            "Мы открылись после ремонта", -1, day_type(2026, 11, 15), day_type(2026, 11, 15)
        )
    }
    for slot in cal.days:
        if slot.kind == "new" and slot.title:
            articles[slot.title] = Article(slot.title, len(articles), slot.date, slot.date)
            if slot.source == "occasion":  # its lead days, from the library
                lead = next(e.lead_days for e in library("bakery", "ru") if e.title == slot.title)
                articles[slot.title].occasion, articles[slot.title].lead_days = slot.occasion_date, lead
        elif slot.kind == "refresh" and slot.title:
            chosen = refresh_candidate(list(articles.values()), slot.date, 90)
            assert chosen is not None and chosen.title == slot.title, slot.date
            chosen.last_written = slot.date
