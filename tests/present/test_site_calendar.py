"""present/site_calendar.py: the calendar and downloads pages' values, worked by hand
(tests/present/small_plan.py AUDITED: Monday, Wednesday and Friday of the week of 23 November 2026)."""

from __future__ import annotations

from generator.present.site_calendar import context_calendar, context_downloads
from tests.present.small_plan import AUDITED, PLAN, loaded_of


def test_the_weeks_slots_and_what_they_hold() -> None:
    c = context_calendar(*loaded_of(AUDITED))["c"]
    assert [(b["date"], b["title"]) for b in c["briefs"]] == [
        ("11/23/26", "First post"),
        ("11/25/26", "Second post"),
        ("11/27/26", "Research day"),
    ]
    assert c["briefs"][0]["brief"][1] == "For whom: Alpha"  # segment a's name, not its id
    assert (c["next"], c["next_date"]) == ("First post", "November 23, 2026")
    assert c["period"] == "November 23, 2026 – November 29, 2026"
    # 2 of 3 slots from the backlog: 66.7%; 1 of 3 research: 33.3%
    assert [(s["label"], s["count"], s["share"]) for s in c["sources"]] == [
        ("Backlog", "2", "66.7%"),
        ("Research days", "1", "33.3%"),
    ]
    # November's grid, Monday first: the week of the 23rd, then Monday 30 and no more days
    *_, week, last = c["months"][0]["weeks"]
    assert [(d["day"], d["css"], d["mark"]) for d in week] == [
        (23, "new", "+"),
        (24, "off", ""),
        (25, "new", "+"),
        (26, "off", ""),
        (27, "research", "?"),
        (28, "off", ""),
        (29, "off", ""),
    ]
    assert [d and d["day"] for d in last] == [30, None, None, None, None, None, None]


def test_downloads_offer_the_calendar_only_when_there_is_one() -> None:
    with_calendar = context_downloads(*loaded_of(AUDITED))
    assert (with_calendar["slug"], with_calendar["has_calendar"]) == ("shop", True)
    assert context_downloads(*loaded_of(PLAN))["has_calendar"] is False
