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
    return Inputs(loaded.plan, figures, PlanLanguage("en"), "USD", {})


def test_forecast_checkpoints_and_strategy_sections(x: Inputs) -> None:
    """The forecast and checkpoints are their views (worked in test_forecast, test_checkpoints)."""
    forecast = forecast_section(x)
    assert forecast is not None and [s.name for s in forecast.scenarios] == ["low", "base"]
    checkpoints = checkpoints_section(x)
    assert checkpoints is not None and [k.goal for k in checkpoints.rows] == ["Sales"]
    strategy = strategy_section(x)
    assert strategy is not None and str(strategy["gantt"]).startswith("<svg")


def test_content_briefs_of_the_week(x: Inputs) -> None:
    content = content_section(x)
    assert content is not None
    assert [row[:3] for row in content["briefs"]] == [
        ("11/23/26", "New article", "First post"),
        ("11/25/26", "New article", "Second post"),
        ("11/27/26", "Research day", "Research day"),
    ]
    assert [tuple(row) for row in content["sources"]] == [("Backlog", "2", "66.7%"), ("Research days", "1", "33.3%")]


def test_no_calendar_no_content_section() -> None:
    loaded, figures = loaded_of(PLAN)
    assert content_section(Inputs(loaded.plan, figures, PlanLanguage("en"), "USD", {})) is None
