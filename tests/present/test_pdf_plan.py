"""present/pdf_plan.py: the PDF's plan sections (forecast, checkpoints, strategy, content),
worked by hand from tests/present/small_plan.py."""

from __future__ import annotations

import pytest

from generator.present.i18n import PlanLanguage
from generator.present.pdf_plan import (
    checkpoints_section,
    content_section,
    forecast_section,
    strategy_section,
)
from generator.present.pdf_sections import Inputs
from tests.present.small_plan import AUDITED, PLAN, loaded_of


@pytest.fixture(scope="module")
def x() -> Inputs:
    loaded, figures = loaded_of(AUDITED)
    return Inputs(loaded.plan, figures, PlanLanguage("en"), "USD")


def test_forecast_checkpoints_and_strategy_sections(x: Inputs) -> None:
    """The forecast and checkpoints are their views (worked in test_forecast, test_checkpoints)."""
    forecast = forecast_section(x)
    assert forecast is not None and [s.name for s in forecast.scenarios] == ["low", "base"]
    checkpoints = checkpoints_section(x)
    assert checkpoints is not None and [k.goal for k in checkpoints.rows] == ["Sales"]
    strategy = strategy_section(x)
    assert strategy is not None and str(strategy["gantt"]).startswith("<svg")


def test_content_is_the_calendars_view(x: Inputs) -> None:
    content = content_section(x)
    assert content is not None  # the view itself: tests/present/test_calendar.py
    b = content.briefs[0]
    assert (b.date, b.kind, b.title) == ("11/23/26", "New article", "First post")


def test_no_calendar_no_content_section() -> None:
    loaded, figures = loaded_of(PLAN)
    assert content_section(Inputs(loaded.plan, figures, PlanLanguage("en"), "USD")) is None
