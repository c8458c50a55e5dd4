"""present/pdf_sections.py: the PDF's audit sections (cover, families, summary, practices),
worked by hand from tests/present/small_plan.py AUDITED."""

from __future__ import annotations

import pytest

from generator.present.i18n import PlanLanguage
from generator.present.pdf_sections import (
    Inputs,
    comparison_section,
    cover_section,
    families_section,
    practices_section,
    summary_section,
)
from tests.present.small_plan import AUDITED, loaded_of


@pytest.fixture(scope="module")
def x() -> Inputs:
    loaded, figures = loaded_of(AUDITED)
    return Inputs(loaded.plan, figures, PlanLanguage("en"), "USD", {})


def test_families_with_their_arithmetic(x: Inputs) -> None:
    families, bars = families_section(x)
    online = families[0]
    # seo done (1) and social partial (0.5), weights 1: 100 × 1.5 / 2 = 75, needs work
    assert (online.name, online.score, online.band) == ("Online tools", "75", "needs-work")
    assert online.work == "100 × 1.5 / 2 = 75"
    assert [t.status for t in online.tools[:2]] == ["partial", "done"]
    assert str(online.tools[0].finding) == "Posts &lt;script&gt;x&lt;/script&gt; now and then"
    assert [(f.id, f.score) for f in families[1:]] == [("mobile", "—"), ("sales", "0"), ("analytics", "—"), ("it", "—")]
    # a bar for every family; those with no assessed tool have no value
    assert [(b.label, b.value) for b in bars] == [
        ("Online tools", 75),
        ("Mobile marketing", None),
        ("E-sales", 0),
        ("Analytics", None),
        ("IT systems", None),
    ]


def test_summary_counts_the_actions_by_priority(x: Inputs) -> None:
    cover = cover_section(x)
    assert (cover["name"], cover["band"]) == ("Shop <b>", "poor")
    _, bars = families_section(x)
    summary = summary_section(x, cover, bars)
    assert (summary["overall"], summary["overall_work"]) == ("38", "(75 + 0) / 2 = 37.5")
    # social high; crm and the regularity practice medium
    assert [tuple(row) for row in summary["issues"]] == [
        ("high", "1", "high priority"),
        ("medium", "2", "medium priority"),
        ("low", "0", "low priority"),
    ]
    assert summary["issues_total"] == 3


def test_practices_in_the_methods_order(x: Inputs) -> None:
    practices = practices_section(x)
    names = ["Regularity", "Automation", "Judging by business metrics", "A CRM, not notebooks"]
    assert [p["name"] for p in practices] == names
    assert (practices[0]["status"], str(practices[0]["finding"])) == ("partial", "<p>Weekly</p>")
    assert practices[1]["evidence"] == "10 h a month by hand"  # the plan's automation list, worded as on the site


def test_no_earlier_audit_no_comparison(x: Inputs) -> None:
    assert comparison_section(x) is None
