"""The v2 forecast: customer groups, the split of new customers, cohorts that leave after their
lifetime, missing keys. Every number is worked by hand from plan-format.md (arithmetic in comments)."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from generator.compute.figures import Figures, compute_figures
from generator.compute.forecast import ForecastFigures
from generator.compute.groups import lifetime_months
from generator.load.loader import LoadedPlan, load_text

TODAY = date(2026, 11, 22)

# p(plan) = 100 × 12 / 12 × 0.5 = 50 a customer a month; segment a: 1 000 × 3 / 12 × 0.5 = 125
SEGMENTS = """
    economics: {average_check: 100, purchases_per_year: 12, gross_margin: 50%}
    segments:
      - {id: a, name: A, share: 30%, economics: {average_check: 1000, purchases_per_year: 3}}
      - {id: b, name: B, share: 10%}
    forecast: {start: 2027-01, months: 3, scenarios: {base: 1, half: 0.5}}
    """


def figures_of(text: str) -> Figures:
    body = "business: {name: Test, language: en, currency: USD}\n" + textwrap.dedent(text)
    plan = load_text(body, today=TODAY)
    return compute_figures(LoadedPlan(slug="test", path=Path("test.yaml"), plan=plan), TODAY)


def forecast_of(text: str) -> ForecastFigures:
    forecast = figures_of(text).forecast
    assert forecast is not None
    return forecast


def test_new_customers_split_by_share() -> None:
    forecast = forecast_of(
        SEGMENTS
        + """
    strategy: {initiatives: [{id: i, title: I, segments: [a, b], budget_monthly: 1000, new_customers_monthly: 8}]}
    """
    )
    # shares 30 % and 10 %: a gets 30 / 40 = 3/4 of 8 = 6 a month, b gets 2
    # month 1: 6 × 125 + 2 × 50 = 850; month 2: 12 × 125 + 4 × 50 = 1 700; month 3: 18 × 125 + 6 × 50 = 2 550
    base = forecast.scenario("base")
    assert [m.profit for m in base.months] == [850, 1_700, 2_550]
    assert [m.new_customers for m in base.months] == [8, 8, 8]
    # Σ profit 5 100 against cost 3 000: ROI = (5 100 − 3 000) / 3 000 = 0.7
    assert (base.profit, base.cost) == (5_100, 3_000)
    assert base.roi == pytest.approx(0.7)
    # cumulative: 850 < 1 000; 2 550 ≥ 2 000 → payback in month 2
    assert base.payback_month == 2
    # half the customers: a 3, b 1 a month → month 1: 3 × 125 + 1 × 50 = 425
    assert forecast.scenario("half").months[0].profit == 425
    # the groups used, with where their economics come from
    assert [(g.id, g.own, g.profit_per_month) for g in forecast.groups] == [
        ("a", ("average_check", "purchases_per_year"), 125),
        ("b", (), 50),
    ]


def test_equal_split_without_every_share_and_with_shares_summing_to_zero() -> None:
    text = (
        SEGMENTS
        + """
    strategy: {initiatives: [{id: i, title: I, segments: [a, b], budget_monthly: 1000, new_customers_monthly: 8}]}
    """
    )
    # b has no share: 4 and 4 → month 1: 4 × 125 + 4 × 50 = 700
    forecast = forecast_of(text.replace("share: 10%", "portrait: no share"))
    assert forecast.scenario("base").months[0].profit == 700
    # shares 0 and 0 sum to 0: split equally, the same 700
    forecast = forecast_of(text.replace("share: 10%", "share: 0").replace("share: 30%", "share: 0"))
    assert forecast.scenario("base").months[0].profit == 700


def test_plan_level_customers_of_an_initiative_without_segments() -> None:
    forecast = forecast_of(
        SEGMENTS
        + """
    strategy:
      initiatives:
        - {id: cakes, title: Cakes, segments: [a], budget_monthly: 500, new_customers_monthly: 2}
        - {id: walk-in, title: Walk-in, budget_monthly: 0, new_customers_monthly: 10}
    """
    )
    # cakes: 2 a month of a (125 each); walk-in: 10 a month at plan level (50 each)
    # month 1: 2 × 125 + 10 × 50 = 750; month 3: 6 × 125 + 30 × 50 = 2 250
    base = forecast.scenario("base")
    assert [m.profit for m in base.months] == [750, 1_500, 2_250]
    assert [g.id for g in forecast.groups] == [None, "a"]
    # the plan level's own figure stays the plan's: 100 × 12 / 12 × 0.5 = 50
    assert forecast.profit_per_customer_month == 50


def test_lifetime_shorter_than_the_horizon_cohorts_drop_out() -> None:
    text = """
        economics: {average_check: 10, purchases_per_year: 12, lifetime_years: 0.25}
        strategy: {initiatives: [{id: i, title: I, budget_monthly: 100, new_customers_monthly: 2}]}
        forecast: {start: 2027-01, months: 5, scenarios: {base: 1}}
        """
    # p = 10 × 12 / 12 = 10; L = 12 × 0.25 = 3 months: a customer of month k buys in k, k+1, k+2
    # active: 2, 4, 6, then 6, 6 (the month-1 cohort is gone in month 4) → profit 20, 40, 60, 60, 60
    base = forecast_of(text).scenario("base")
    assert [m.active_customers for m in base.months] == [2, 4, 6, 6, 6]
    assert [m.profit for m in base.months] == [20, 40, 60, 60, 60]
    # acquired customers still count up (they were acquired): 2, 4, …, 10
    assert [m.customers for m in base.months] == [2, 4, 6, 8, 10]
    # one cohort only (the initiative runs in month 1): it buys in months 1–3 and drops out in month 4
    once = forecast_of(text + "roadmap: [{initiative: i, start: 2027-01-01, end: 2027-01-31}]\n")
    assert [m.profit for m in once.scenario("base").months] == [20, 20, 20, 0, 0]


def test_lifetime_months_round_half_up_and_at_least_one() -> None:
    # 12 × 0.125 = 1.5 → 2; 12 × 0.04 = 0.48 → 0 → at least 1; 12 × 10 = 120; no lifetime: to the horizon
    assert [lifetime_months(x) for x in (0.125, 0.04, 10, None)] == [2, 1, 120, None]
    forecast = forecast_of(
        """
        economics: {average_check: 12, purchases_per_year: 1, lifetime_years: 0.125}
        strategy: {initiatives: [{id: i, title: I, budget_monthly: 1, new_customers_monthly: 1}]}
        roadmap: [{initiative: i, start: 2027-01-01, end: 2027-01-31}]
        forecast: {start: 2027-01, months: 4, scenarios: {base: 1}}
        """
    )
    # p = 12 × 1 / 12 = 1; one customer of month 1 buys in months 1 and 2
    assert [m.profit for m in forecast.scenario("base").months] == [1, 1, 0, 0]


def test_lifetime_months_half_a_month_rounds_up_not_to_even() -> None:
    # 12 × 0.375 = 4.5 → 5 (half up; to even it would be 4); 12 × 0.625 = 7.5 → 8 either way
    assert lifetime_months(0.375) == 5
    assert lifetime_months(0.625) == 8
    forecast = forecast_of(
        """
        economics: {average_check: 12, purchases_per_year: 1, lifetime_years: 0.375}
        strategy: {initiatives: [{id: i, title: I, budget_monthly: 1, new_customers_monthly: 1}]}
        roadmap: [{initiative: i, start: 2027-01-01, end: 2027-01-31}]
        forecast: {start: 2027-01, months: 7, scenarios: {base: 1}}
        """
    )
    # p = 12 × 1 / 12 = 1; the one customer of month 1 buys for L = 5 months, gone in month 6
    assert [m.profit for m in forecast.scenario("base").months] == [1, 1, 1, 1, 1, 0, 0]


def test_payback_in_the_month_cumulative_profit_equals_cumulative_cost() -> None:
    forecast = forecast_of(
        """
        economics: {average_check: 10, purchases_per_year: 12}
        strategy: {initiatives: [{id: i, title: I, budget_monthly: 100, new_customers_monthly: 5}]}
        forecast: {start: 2027-01, months: 4, scenarios: {base: 1}}
        """
    )
    # p = 10 × 12 / 12 = 10 a customer a month, no lifetime: everyone keeps buying
    # active 5, 10, 15, 20 → profit 50, 100, 150, 200; cumulative 50, 150, 300, 500
    # cost 100 a month → cumulative 100, 200, 300, 400: equal in month 3, so payback is month 3
    # (with "profit > cost" it would be month 4)
    base = forecast.scenario("base")
    assert [m.cumulative_profit for m in base.months] == [50, 150, 300, 500]
    assert [m.cumulative_cost for m in base.months] == [100, 200, 300, 400]
    assert base.payback_month == 3
    assert base.payback_date == date(2027, 3, 1)


def test_forecast_not_computed_names_the_missing_keys() -> None:
    figures = figures_of(
        """
        segments:
          - {id: a, name: A, economics: {average_check: 3000}}
          - {id: b, name: B}
          - {id: idle, name: Idle}
        strategy: {initiatives: [{id: i, title: I, segments: [a, b], budget_monthly: 10, new_customers_monthly: 2}]}
        forecast: {start: 2027-01, months: 3}
        """
    )
    assert figures.forecast is None
    # a lacks purchases_per_year, b lacks both; idle receives no customers, so it is not asked for
    assert figures.forecast_missing == (
        ("a", "purchases_per_year"),
        ("b", "average_check"),
        ("b", "purchases_per_year"),
    )


def test_no_group_used_counts_the_plan_level() -> None:
    figures = figures_of(
        """
        strategy: {initiatives: [{id: i, title: I, budget_monthly: 10}]}
        forecast: {start: 2027-01, months: 3}
        """
    )
    assert figures.forecast is None
    assert figures.forecast_missing == ((None, "average_check"), (None, "purchases_per_year"))


def test_roadmap_cost_without_start_falls_in_month_1() -> None:
    forecast = forecast_of(
        """
        economics: {average_check: 12, purchases_per_year: 1}
        strategy: {initiatives: [{id: i, title: I, budget_monthly: 10}]}
        roadmap: [{initiative: i, end: 2027-02-28, cost: 700}]
        forecast: {start: 2027-01, months: 3, scenarios: {base: 1}}
        """
    )
    # month 1: 10 + 700; month 2: 10; month 3: the initiative has ended
    assert [m.cost for m in forecast.scenario("base").months] == [710, 10, 0]


def test_v1_plan_with_segments_gets_the_v1_figures() -> None:
    # no segment economics, lifetime 10 years ≥ 3 months: v1's profit(m) = customers × p
    forecast = forecast_of(
        """
        economics: {average_check: 50, purchases_per_year: 365, lifetime_years: 10, gross_margin: 40%}
        segments: [{id: a, name: A, share: 60%}, {id: b, name: B, share: 15%}]
        strategy: {initiatives: [{id: i, title: I, segments: [a, b], budget_monthly: 100, new_customers_monthly: 7}]}
        forecast: {start: 2027-01, months: 3, scenarios: {base: 1}}
        """
    )
    per = 50 * 365 / 12 * 0.4  # 608.333…
    base = forecast.scenario("base")
    assert [m.customers for m in base.months] == [7, 14, 21]
    assert [m.profit for m in base.months] == [7 * per, 14 * per, 21 * per]


@pytest.mark.parametrize(
    ("scenarios", "base"),
    [
        ("{worst: 0.5, expected: 1, best: 1.5}", "expected"),  # renamed: the one of multiplier 1
        ("{low: 0.5, base: 2, high: 1}", "high"),  # multiplier 1 comes before the name
        ("{low: 0.5, base: 2}", "base"),  # no multiplier 1: the one named base
        ("{a: 0.5, b: 0.7, c: 2}", "b"),  # neither: the middle one
        ("{a: 0.5, b: 0.7, c: 2, d: 3}", "b"),  # of four, the second
    ],
)
def test_the_base_scenario_is_decided_once(scenarios: str, base: str) -> None:
    forecast = forecast_of(
        f"""
        economics: {{average_check: 10, purchases_per_year: 12}}
        strategy: {{initiatives: [{{id: i, title: I, budget_monthly: 100, new_customers_monthly: 5}}]}}
        forecast: {{start: 2027-01, months: 2, scenarios: {scenarios}}}
        """
    )
    assert forecast.base is not None and forecast.base.name == base


# tyre fitting: one initiative, two seasons (April; October–November) inside one start–end window
SEASONAL = """
    economics: {average_check: 3000, purchases_per_year: 2, lifetime_years: 1, gross_margin: 50%}
    strategy:
      initiatives:
        - {id: tyres, title: Tyre fitting, budget_monthly: 20000, new_customers_monthly: 10}
    roadmap:
      - initiative: tyres
        start: 2027-01-01
        end: 2027-12-31
        cost: 5000
        months: [4, 10, 11]
    forecast: {start: 2027-01, months: 12, scenarios: {base: 1}}
    """


def test_a_seasonal_initiative_runs_only_in_its_months() -> None:
    forecast = forecast_of(SEASONAL)
    # it runs in months 4 (April), 10 and 11 of the window January–December
    assert forecast.initiatives[0].months == (4, 10, 11)
    base = forecast.scenario("base")
    # cost: the one-off 5 000 at the start (January), 20 000 in each season month, 0 between
    assert [m.cost for m in base.months] == [5_000, 0, 0, 20_000, 0, 0, 0, 0, 0, 20_000, 20_000, 0]
    # new customers: 10 in April, October, November; a customer buys for 12 months (lifetime 1 year)
    assert [m.new_customers for m in base.months] == [0, 0, 0, 10, 0, 0, 0, 0, 0, 10, 10, 0]
    assert [m.active_customers for m in base.months] == [0, 0, 0, 10, 10, 10, 10, 10, 10, 20, 30, 30]
    # p = 3 000 × 2 / 12 × 0.5 = 250 a customer a month: 2 500 April–September, 5 000, 7 500, 7 500
    assert [m.profit for m in base.months] == [0, 0, 0, 2_500, 2_500, 2_500, 2_500, 2_500, 2_500, 5_000, 7_500, 7_500]
    # Σ cost = 5 000 + 3 × 20 000 = 65 000; Σ profit = 6 × 2 500 + 5 000 + 2 × 7 500 = 35 000
    assert (base.cost, base.profit) == (65_000, 35_000)
    # ROI = (35 000 − 65 000) / 65 000 = −6/13; never paid back within the year
    assert base.roi == pytest.approx(-6 / 13)
    assert base.payback_month is None


def test_seasons_outside_the_window_do_not_run() -> None:
    # the window ends in June: October and November fall outside it, only April is left
    forecast = forecast_of(SEASONAL.replace("end: 2027-12-31", "end: 2027-06-30"))
    assert forecast.initiatives[0].months == (4,)
