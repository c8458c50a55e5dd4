"""present/pdf_sections.py: the PDF's cover and the summary's key figures, worked by hand from
tests/present/small_plan.py AUDITED (the audit's own sections are present/audit.py's view)."""

from __future__ import annotations

import pytest

from generator.present.automation import automation_view
from generator.present.calendar import calendar_view
from generator.present.economics import economics_view
from generator.present.i18n import PlanLanguage
from generator.present.pdf_sections import Inputs, cover_section, summary_section
from generator.present.summary import summary_view
from tests.present.small_plan import AUDITED, loaded_of


@pytest.fixture(scope="module")
def x() -> Inputs:
    loaded, figures = loaded_of(AUDITED)
    return Inputs(loaded.plan, figures, PlanLanguage("en"), "USD")


def test_the_cover_names_the_client_and_the_band(x: Inputs) -> None:
    cover = cover_section(x)
    # overall (75 + 0) / 2 = 37.5 → 38: poor
    assert (cover["name"], cover["band"], cover["band_label"]) == ("Shop <b>", "poor", "poor")
    assert ("Audit date", "November 20, 2026") in cover["facts"]


def _summary(x: Inputs) -> dict[str, object]:
    figures, segments = x.figures, {s.id: s.name for s in x.plan.segments}
    digest, economics, automation = summary_view(x.plan, figures), economics_view(figures), automation_view(figures)
    return summary_section(x, digest, economics, automation, calendar_view(figures, segments))


def test_the_summary_keeps_to_its_key_figures(x: Inputs) -> None:
    summary = _summary(x)
    assert "issues" not in summary and "top" not in summary  # the audit's view holds them
    manual = next(f for f in summary["key_figures"] if f.label == "Manual work")  # type: ignore[attr-defined]
    assert manual.value.startswith("10 ")  # the automation list: 10 h a month by hand
    assert manual.detail == "10 × 12 = 120 h a year"  # the automation view's year, worked


def test_every_key_figure_is_its_section_views_string(x: Inputs) -> None:
    """The key figures are laid out from the views, not formatted again (so they cannot drift)."""
    figures = x.figures
    digest, economics = summary_view(x.plan, figures), economics_view(figures)
    shown = {f.label: f for f in _summary(x)["key_figures"]}  # type: ignore[attr-defined]
    assert digest is not None and digest.money is not None and economics is not None
    new = shown[digest.money.value_label]
    assert (new.value, new.detail) == (digest.money.value, digest.money.value_basis)
    if economics.nps is not None:
        assert (shown["NPS"].value, shown["NPS"].detail) == (economics.nps.score, economics.nps.work)
