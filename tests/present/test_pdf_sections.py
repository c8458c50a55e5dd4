"""present/pdf_sections.py: the PDF's cover and the summary's key figures, worked by hand from
tests/present/small_plan.py AUDITED (the audit's own sections are present/audit.py's view)."""

from __future__ import annotations

import pytest

from generator.present.i18n import PlanLanguage
from generator.present.pdf_sections import Inputs, cover_section, summary_section
from tests.present.small_plan import AUDITED, loaded_of


@pytest.fixture(scope="module")
def x() -> Inputs:
    loaded, figures = loaded_of(AUDITED)
    return Inputs(loaded.plan, figures, PlanLanguage("en"), "USD", {})


def test_the_cover_names_the_client_and_the_band(x: Inputs) -> None:
    cover = cover_section(x)
    # overall (75 + 0) / 2 = 37.5 → 38: poor
    assert (cover["name"], cover["band"], cover["band_label"]) == ("Shop <b>", "poor", "poor")
    assert ("Audit date", "November 20, 2026") in cover["facts"]


def test_the_summary_keeps_to_its_key_figures(x: Inputs) -> None:
    summary = summary_section(x)
    assert "issues" not in summary and "top" not in summary  # the audit's view holds them
    manual = next(f for f in summary["key_figures"] if f.label == "Manual work")
    assert manual.value.startswith("10 ")  # the automation list: 10 h a month by hand
