"""present/pdf.py: the PDF's values gathered for one plan (tests/present/small_plan.py AUDITED,
worked by hand there): metadata, the contents, and a section per part of the plan — or none."""

from __future__ import annotations

from generator.present.pdf import build_context
from generator.present.pdf_sections import Inputs
from tests.present.small_plan import AUDITED, PLAN, loaded_of


def test_metadata_and_contents() -> None:
    ctx = build_context(*loaded_of(AUDITED))
    # the plan's name is text for the PDF's metadata (the template escapes it where it is HTML)
    assert ctx.meta["title"] == "Electronic marketing audit — Shop <b>"
    assert ctx.meta["date"] == "2026-11-20"  # the audit's date, not today
    assert ctx.toc[0] == ("summary", "Executive summary")
    assert [anchor for anchor, _ in ctx.toc[1:6]] == [
        "family-online",
        "family-mobile",
        "family-sales",
        "family-analytics",
        "family-it",
    ]
    assert ctx.L["page.goals"] == "Goals"  # every label, in the plan's language


def test_a_plan_without_audit_or_calendar_has_no_such_sections() -> None:
    ctx = build_context(*loaded_of(PLAN))
    assert ctx.content is None and ctx.audit is None
    # the contents decide which sections there are, once; the template asks them
    assert not ctx.shows("practices") and not ctx.shows("comparison") and ctx.shows("economics")
    assert ctx.meta["date"] == "2026-11-22"  # no audit: the figures' day
    assert ctx.economics is not None and ctx.forecast is not None  # those the plan has


def test_the_sections_builders_read_one_inputs_value() -> None:
    loaded, figures = loaded_of(AUDITED)
    ctx = build_context(loaded, figures)
    x = Inputs(loaded.plan, figures, ctx.lang, figures.currency)
    assert x.lang == "en" and x.lang.format_locale == "en_US" and x.cur == "USD"
