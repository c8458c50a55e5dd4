"""present/pdf_plan.py: the PDF's plan sections (economics, automation, forecast, checkpoints,
strategy, content), worked by hand from tests/present/small_plan.py."""

from __future__ import annotations

import pytest

from generator.present.i18n import PlanLanguage
from generator.present.pdf_plan import (
    automation_section,
    checkpoints_section,
    content_section,
    economics_section,
    forecast_section,
    strategy_section,
)
from generator.present.pdf_sections import Inputs
from tests.present.small_plan import AUDITED, PLAN, loaded_of


@pytest.fixture(scope="module")
def x() -> Inputs:
    loaded, figures = loaded_of(AUDITED)
    return Inputs(loaded.plan, figures, PlanLanguage("en"), "USD", {})


def test_economics_rows_show_their_arithmetic(x: Inputs) -> None:
    economics = economics_section(x)
    assert economics is not None
    # first this client's new customer: 8 a month over 3 months, split 30 : 10 → a 18, b 6, each
    # worth 1 200 in profit; October's actual cost 1 200 / 6 = 200 a customer; 1 200 / 200 = 6
    assert economics["rows"] == (
        ("A new customer brings", "$1,200", "(18 × 1,200 + 6 × 1,200) / 24 = 1,200"),
        ("A customer costs", "$200", "(24 × 200) / 24 = 200"),
        ("Value to cost", "6", "1,200 / 200 = 6"),
        ("LTV (revenue)", "$2,400", "100 × 12 × 2 = 2,400"),
        ("LTV (profit)", "$1,200", "2,400 × 0.5 = 1,200"),
    )


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
    automation = automation_section(x)
    assert automation is not None
    assert (automation["by_hand"], automation["year"]) == ("10", "10 × 12 = 120")


def test_content_is_the_calendars_view(x: Inputs) -> None:
    content = content_section(x)
    assert content is not None  # the view itself: tests/present/test_calendar.py
    b = content.briefs[0]
    assert (b.date, b.kind, b.title) == ("11/23/26", "New article", "First post")


def test_no_calendar_no_content_section() -> None:
    loaded, figures = loaded_of(PLAN)
    assert content_section(Inputs(loaded.plan, figures, PlanLanguage("en"), "USD", {})) is None
