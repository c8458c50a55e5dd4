"""present/site_calendar.py: the calendar page takes `calendar_view` made safe for HTML (the view's
own values are worked in tests/present/test_calendar.py), and the downloads page."""

from __future__ import annotations

from markupsafe import Markup

from generator.present.site_calendar import context_calendar, context_downloads
from tests.present.small_plan import AUDITED, PLAN, loaded_of


def test_the_calendar_view_escaped_but_its_chart() -> None:
    text = AUDITED.replace("{title: Second post}", '{title: "Second <b>post</b>"}')
    c = context_calendar(*loaded_of(text))["c"]
    assert [str(b.title) for b in c.briefs] == ["First post", "Second &lt;b&gt;post&lt;/b&gt;", "Research day"]
    assert isinstance(c.heatmap, Markup) and str(c.heatmap).startswith("<svg")
    assert context_calendar(*loaded_of(PLAN))["c"] is None


def test_downloads_offer_the_calendar_only_when_there_is_one() -> None:
    with_calendar = context_downloads(*loaded_of(AUDITED))
    assert (with_calendar["slug"], with_calendar["has_calendar"]) == ("shop", True)
    assert context_downloads(*loaded_of(PLAN))["has_calendar"] is False
