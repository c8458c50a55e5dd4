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


def test_forecast_scenarios_in_plan_order(x: Inputs) -> None:
    forecast = forecast_section(x)
    assert forecast is not None
    # name, multiplier, cost, profit, new customers, ROI, payback: low 4 a month, Σ profit
    # 200 + 400 + 600 = 1 200, (1 200 − 3 000) / 3 000 = −60%; base 8 a month, 2 400, −20%
    assert forecast["scenarios"] == (
        ("low", "0.5", "$3,000", "$1,200", "12", "−60%", "not within the horizon"),
        ("base", "1", "$3,000", "$2,400", "24", "−20%", "not within the horizon"),
    )
    assert forecast["horizon"] == "3 months from October 2026"
    assert strategy_section(x, forecast) is not None


def test_checkpoints_and_automation(x: Inputs) -> None:
    checkpoints = checkpoints_section(x)
    assert checkpoints is not None
    assert checkpoints["rows"] == (("10/31/26", "Sales", "10", "6", "behind", "behind"),)
    assert checkpoints["corrections"] == ("October 31, 2026: Sales — behind",)


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
