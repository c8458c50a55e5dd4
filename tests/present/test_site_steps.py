"""present/site_steps.py: the pages of steps 1–5, 7 and 8, and the home page's row of a client,
worked by hand from tests/present/small_plan.py."""

from __future__ import annotations

from generator.present.site_steps import (
    context_goals,
    context_overview,
    context_portfolio,
    context_roadmap,
    context_strategy,
    portfolio_row,
)
from tests.present.small_plan import PLAN, loaded_of


def test_overview_highlights_a_new_customers_value_and_the_reforecast_roi() -> None:
    ctx = context_overview(*loaded_of())
    value, roi = ctx["highlights"]
    # both segments buy at the plan's economics: LTV 100 × 12 × 2 = 2 400, in profit × 0.5 = 1 200
    assert (value["value"], value["note"]) == ("$1,200", "in profit over the time they buy")
    # October's actual (1 200 for 6 customers) carried over the 3 months: 6 new a month, 50 each a
    # month: profit 300 + 600 + 900 = 1 800 against 3 × 1 200 = 3 600: (1 800 − 3 600) / 3 600 = −50%
    assert (roi["value"], roi["note"]) == ("−50%", "re-forecast from the actuals")
    # goals, segments, strategy and the forecast are filled; the business description is not
    assert ctx["steps_filled"] == "Steps filled: 4 of 8."
    assert ctx["empty"] is not None


def test_goals_and_strategy_name_what_they_refer_to() -> None:
    (goal,) = context_goals(*loaded_of())["goals"]
    assert (goal["title"], goal["target"], goal["baseline"]) == ("Sales", "10", "—")
    (group,) = context_strategy(*loaded_of())["groups"]
    (ads,) = group["initiatives"]
    assert (ads["segments"], ads["goals"]) == (["Alpha", "Beta"], ["Sales"])
    assert (ads["budget"], ads["new_customers"]) == ("$1,000", "8")


def test_an_empty_roadmap_says_what_to_fill() -> None:
    ctx = context_roadmap(*loaded_of())
    assert ctx["rows"] == [] and ctx["chart"] is None
    assert "roadmap" in ctx["empty"]["text"]


def test_the_home_page_row_of_a_client() -> None:
    loaded, figures = loaded_of()
    row = portfolio_row(loaded, figures)
    # no audit: no score; 4 of 8 steps filled; the name escaped
    assert row == {
        "band": "",
        "industry": "—",
        "language": "en",
        "link": "shop/index.md",
        "name": "Shop &lt;b&gt;",
        "score": "—",
        "show_score": False,  # the public home page shows scores only where the plan opts in
        "steps": "4 / 8",
    }
    home = context_portfolio([(loaded, figures)], "en")
    assert home["clients"] == [row]


def test_a_plan_that_renames_its_scenarios_shows_one_base_everywhere() -> None:
    """The overview's ROI and the plan-against-fact chart stand on the same scenario (compute decides
    it: multiplier 1), whatever the scenarios are called and in whatever order."""
    from generator.present.forecast import plan_vs_fact_view

    text = PLAN.replace("scenarios: {low: 0.5, base: 1}", "scenarios: {worst: 0.5, expected: 1, best: 1.5}")
    _, figures = loaded_of(text)
    # before any actual the overview's ROI is the plan's (with one, the re-forecast's: see above)
    no_actuals = text.replace(",\n       actuals: [{month: 2026-10, spend: 1200, new_customers: 6}]}", "}")
    assert no_actuals != text
    _, roi = context_overview(*loaded_of(no_actuals))["highlights"]
    # expected: 8 a month, Σ profit 2 400 against 3 000: −20% (worst −60%, best 1.5 × 2 400 = 3 600: +20%)
    assert (roi["value"], roi["note"]) == ("−20%", "by the plan, scenario: expected")
    shown = plan_vs_fact_view(figures)
    assert shown is not None
    # the chart's planned profit over the 3 months is the expected scenario's: 400 + 800 + 1 200
    assert "Profit, planned: $2,400" in shown.chart  # worst: $1,200; best: $3,600
