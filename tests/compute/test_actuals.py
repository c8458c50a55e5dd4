"""Plan against fact: planned and actual CAC, months against the plan, the actual ROI to date.
Numbers worked by hand from plan-format.md's "Plan against fact" rules (arithmetic in comments)."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from generator.compute.actuals import PlanVsFact
from generator.compute.figures import Figures, compute_figures
from generator.load.loader import LoadedPlan, load_text

TODAY = date(2026, 11, 22)


def figures_of(text: str) -> Figures:
    body = "business: {name: Test, language: en, currency: USD}\n" + textwrap.dedent(text)
    plan = load_text(body, today=TODAY)
    return compute_figures(LoadedPlan(slug="test", path=Path("test.yaml"), plan=plan), TODAY)


def facts_of(text: str) -> PlanVsFact:
    facts = figures_of(text).plan_vs_fact
    assert facts is not None
    return facts


def test_actual_cac_with_a_month_of_spend_and_no_customers() -> None:
    facts = facts_of(
        """
        strategy:
          initiatives:
            - id: ads
              title: Ads
              budget_monthly: 1000
              new_customers_monthly: 10
              actuals:
                - {month: 2026-03, spend: 900, new_customers: 6}
                - {month: 2026-01, spend: 900, new_customers: 0}
                - {month: 2026-02, spend: 1200}
        roadmap: [{initiative: ads, start: 2026-02-01}]
        forecast: {start: 2026-01, months: 12}
        """
    )
    ads = facts.initiative("ads")
    # planned CAC = 1 000 / 10 = 100; actual = (900 + 1 200 + 900) / (0 + 0 + 6) = 3 000 / 6 = 500
    assert (ads.planned_cac, ads.actual_cac) == (100, 500)
    # ratio = 500 / 100 = 5: each customer costs five times the plan
    assert ads.cac_ratio == 5
    # months in month order; the initiative starts in February: nothing planned in January
    assert [(m.number, m.planned_cost, m.planned_new, m.spend, m.new_customers) for m in ads.months] == [
        (1, 0, 0, 900, 0),
        (2, 1000, 10, 1200, None),
        (3, 1000, 10, 900, 6),
    ]
    # the economics are missing, so the ROI to date has its cost but no profit
    roi = facts.roi_to_date
    assert roi is not None and (roi.through_month, roi.cost, roi.profit, roi.roi) == (3, 3_000, None, None)
    assert roi.missing == ((None, "average_check"), (None, "purchases_per_year"))


def test_no_customers_no_actual_cac_and_no_planned_cac_without_budget() -> None:
    facts = facts_of(
        """
        strategy:
          initiatives:
            - {id: a, title: A, budget_monthly: 1000, new_customers_monthly: 10, actuals: [{month: 2026-01, spend: 50}]}
            - {id: b, title: B, new_customers_monthly: 10, actuals: [{month: 2026-01, spend: 50, new_customers: 5}]}
        forecast: {start: 2026-01, months: 2}
        """
    )
    a, b = facts.initiatives
    assert (a.planned_cac, a.actual_cac, a.cac_ratio) == (100, None, None)
    # b: no budget → no planned CAC; actual 50 / 5 = 10; no ratio without a plan to compare with
    assert (b.planned_cac, b.actual_cac, b.cac_ratio) == (None, 10, None)


ROI_PLAN = """
    economics: {average_check: 100, purchases_per_year: 12}
    strategy:
      initiatives:
        - id: ads
          title: Ads
          budget_monthly: 500
          new_customers_monthly: 5
          actuals:
            - {month: 2025-12, spend: 9999, new_customers: 99}
            - {month: 2026-01, spend: 400, new_customers: 2}
            - {month: 2026-03, spend: 600, new_customers: 3}
            - {month: 2026-04, spend: 7777, new_customers: 77}
    forecast: {start: 2026-01, months: 3}
    """


def test_actuals_outside_the_horizon_are_ignored_for_roi_to_date() -> None:
    facts = facts_of(ROI_PLAN)
    ads = facts.initiative("ads")
    # December 2025 and April 2026 lie outside January–March 2026: shown, counted nowhere
    assert ads.outside == (date(2025, 12, 1), date(2026, 4, 1))
    assert [m.number for m in ads.months] == [1, 3]
    # actual CAC = (400 + 600) / (2 + 3) = 200; planned 500 / 5 = 100; ratio 2
    assert (ads.actual_cac, ads.cac_ratio) == (200, 2)
    roi = facts.roi_to_date
    assert roi is not None
    # M = 3 (March); cost 400 + 600 = 1 000; p = 100 × 12 / 12 = 100 a customer a month;
    # January's 2 buy in months 1–3: 2 × 100 × 3 = 600; March's 3 in month 3: 300 → profit 900
    assert (roi.through_month, roi.through_date, roi.cost, roi.profit) == (3, date(2026, 3, 1), 1_000, 900)
    # ROI = (900 − 1 000) / 1 000 = −0.1
    assert roi.roi == pytest.approx(-0.1)


def test_roi_to_date_follows_the_lifetime_and_the_split() -> None:
    facts = facts_of(ROI_PLAN.replace("purchases_per_year: 12}", "purchases_per_year: 12, lifetime_years: 0.125}"))
    roi = facts.roi_to_date
    # L = 12 × 0.125 = 1.5 → 2 months: January's 2 buy in months 1–2 (400), March's 3 in month 3 (300)
    assert roi is not None and roi.profit == 700
    facts = facts_of(
        ROI_PLAN.replace(
            "strategy:",
            """segments:
      - {id: cakes, name: Cakes, share: 1, economics: {average_check: 1000, purchases_per_year: 3}}
      - {id: bread, name: Bread, share: 1}
    strategy:""",
        ).replace("new_customers_monthly: 5", "new_customers_monthly: 5\n          segments: [cakes, bread]")
    )
    roi = facts.roi_to_date
    # half each: cakes p = 1 000 × 3 / 12 = 250, bread p = 100
    # January: 1 × 250 × 3 + 1 × 100 × 3 = 1 050; March: 1.5 × 250 + 1.5 × 100 = 525 → 1 575
    assert roi is not None and roi.profit == pytest.approx(1_575)


def test_no_forecast_section_no_plan_vs_fact() -> None:
    figures = figures_of("strategy: {initiatives: [{id: a, title: A, actuals: [{month: 2026-01, spend: 1}]}]}\n")
    assert figures.plan_vs_fact is None


def test_nothing_reported_no_roi_to_date() -> None:
    facts = facts_of(
        """
        strategy: {initiatives: [{id: a, title: A, budget_monthly: 10, actuals: [{month: 2026-01}]}]}
        forecast: {start: 2026-01, months: 2}
        """
    )
    assert facts.roi_to_date is None
    assert facts.initiative("a").months[0].spend is None


def test_roi_to_date_month_by_month() -> None:
    roi = facts_of(ROI_PLAN).roi_to_date
    assert roi is not None
    # spend 400, 0, 600; profit: January's 2 × 100 in each month, March's 3 × 100 in March
    assert roi.cost_by_month == (400, 0, 600)
    assert roi.profit_by_month == (200, 200, 500)


def test_a_seasonal_initiative_plans_nothing_between_its_seasons() -> None:
    facts = facts_of(
        """
        economics: {average_check: 3000, purchases_per_year: 2}
        strategy:
          initiatives:
            - id: tyres
              title: Tyre fitting
              budget_monthly: 20000
              new_customers_monthly: 10
              actuals:
                - {month: 2026-04, spend: 18000, new_customers: 9}
                - {month: 2026-05, spend: 500}
        roadmap:
          - {initiative: tyres, start: 2026-01-01, end: 2026-12-31, months: [4, 10, 11]}
        forecast: {start: 2026-01, months: 12}
        """
    )
    april, may = facts.initiative("tyres").months
    # April is a season month: 20 000 and 10 customers planned; May is not: nothing planned
    assert (april.number, april.planned_cost, april.planned_new) == (4, 20_000, 10)
    assert (may.number, may.planned_cost, may.planned_new) == (5, 0, 0)
    # actual CAC = (18 000 + 500) / 9 = 2 055.55…; planned 20 000 / 10 = 2 000
    assert facts.initiative("tyres").actual_cac == pytest.approx(18_500 / 9)
