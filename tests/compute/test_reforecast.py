"""The re-forecast: months 1 … M as reported, the rest at each measured initiative's actual rates.
Numbers worked by hand from docs/plan-format.md's "The re-forecast" (arithmetic in comments)."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from generator.compute.figures import Figures, compute_figures
from generator.load.loader import LoadedPlan, load_text

TODAY = date(2026, 3, 5)

# p = 1 000 × 12 / 12 × 0.5 = 500 a month, no lifetime (a customer buys to the end of the horizon).
# ads: 3 000 a month for 6 new customers (planned CAC 500), all six months;
# sign: no budget, a one-off 2 000 in April (month 4), no customers.
PLAN = """
economics: {{average_check: 1000, purchases_per_year: 12, gross_margin: 50%}}
strategy:
  initiatives:
    - id: ads
      title: Ads
      budget_monthly: 3000
      new_customers_monthly: 6
      actuals:
{actuals}
    - id: sign
      title: Sign
roadmap:
  - {{initiative: ads, start: 2026-01-01}}
  - {{initiative: sign, start: 2026-04-01, end: 2026-04-30, cost: 2000}}
forecast: {{start: 2026-01, months: 6}}
"""


def figures_of(actuals: str, today: date = TODAY) -> Figures:
    lines = textwrap.indent(textwrap.dedent(actuals).strip(), " " * 8)
    body = "business: {name: Test, language: en, currency: USD}\n" + PLAN.format(actuals=lines)
    plan = load_text(body, today=today)
    return compute_figures(LoadedPlan(slug="test", path=Path("test.yaml"), plan=plan), today)


def test_the_plan_pays_back_in_month_one() -> None:
    figures = figures_of("- {month: 2026-01, spend: 3000, new_customers: 6}")
    base = figures.forecast.scenario("base") if figures.forecast else None
    assert base is not None
    # month 1: cost 3 000, profit 6 × 500 = 3 000 → paid back; Σ profit = 3 000 × (1+…+6) = 63 000
    # Σ cost = 6 × 3 000 + 2 000 = 20 000; ROI = 43 000 / 20 000 = 2.15
    assert base.payback_month == 1
    assert base.roi == pytest.approx(2.15)


def test_behind_its_cac_the_plan_no_longer_pays_back() -> None:
    # 3 customers for 6 000 (CAC 2 000, four times the plan); an April actual is from the future
    figures = figures_of(
        """
        - {month: 2026-01, spend: 3000, new_customers: 2}
        - {month: 2026-02, spend: 3000, new_customers: 1}
        - {month: 2026-04, spend: 99999, new_customers: 0}
        """
    )
    re = figures.reforecast
    assert re is not None
    assert (re.through_month, re.through_date) == (2, date(2026, 2, 1))
    (ads,) = re.rates
    # k = 2; spend 6 000 / 2 = 3 000 a month; new (2 + 1) / 2 = 1.5 a month
    assert (ads.id, ads.months_reported, ads.spend_rate, ads.new_rate) == ("ads", 2, 3000, 1.5)
    # new 2, 1, 1.5, 1.5, 1.5, 1.5; customers so far 2, 3, 4.5, 6, 7.5, 9; profit 500 × that
    assert [m.new_customers for m in re.months] == [2, 1, 1.5, 1.5, 1.5, 1.5]
    assert [m.profit for m in re.months] == [1000, 1500, 2250, 3000, 3750, 4500]
    # cost 3 000 a month, + 2 000 in April (the sign's plan); the April actual is not counted
    assert [m.cost for m in re.months] == [3000, 3000, 3000, 5000, 3000, 3000]
    assert [m.actual for m in re.months] == [True, True, False, False, False, False]
    # Σ profit 16 000 < Σ cost 20 000: no payback; ROI = (16 000 − 20 000) / 20 000 = −0.2
    assert (re.cost, re.profit, re.new_customers) == (20000, 16000, 9)
    assert re.payback_month is None and re.payback_date is None
    assert re.roi == pytest.approx(-0.2)


def test_ahead_of_its_cac_the_plan_still_pays_back() -> None:
    figures = figures_of(
        """
        - {month: 2026-01, spend: 3000, new_customers: 10}
        - {month: 2026-02, spend: 3000, new_customers: 8}
        """
    )
    re = figures.reforecast
    assert re is not None
    # rate 18 / 2 = 9 a month; customers 10, 18, 27, 36, 45, 54 → profit 5 000 … 27 000, Σ 95 000
    assert re.profit == 95000
    # month 1: 5 000 ≥ 3 000; ROI = (95 000 − 20 000) / 20 000 = 3.75
    assert (re.payback_month, re.payback_date) == (1, date(2026, 1, 1))
    assert re.roi == pytest.approx(3.75)


def test_no_reforecast_before_any_actual_or_with_only_future_ones() -> None:
    assert figures_of("[]").reforecast is None
    assert figures_of("- {month: 2026-04, spend: 3000, new_customers: 6}").reforecast is None


def test_a_lifetime_ends_the_customers_profit() -> None:
    # with lifetime 0.25 years (L = 3 months) month 1's 2 customers stop buying after month 3
    body = PLAN.replace("gross_margin: 50%", "gross_margin: 50%, lifetime_years: 0.25")
    plan = load_text(
        "business: {name: Test, language: en, currency: USD}\n"
        + body.format(actuals="        - {month: 2026-01, spend: 3000, new_customers: 2}"),
        today=TODAY,
    )
    re = compute_figures(LoadedPlan(slug="t", path=Path("t.yaml"), plan=plan), TODAY).reforecast
    assert re is not None
    # M = 1, rate 2 a month: active 2, 4, 6, 6, 6, 6 (a window of 3 months) → profit × 500
    assert [m.profit for m in re.months] == [1000, 2000, 3000, 3000, 3000, 3000]


def test_the_reforecast_pays_back_in_the_month_profit_equals_cost() -> None:
    # January as reported: 3 000 spent for 3 customers (CAC 1 000); then 3 000 and 3 a month.
    # active 3, 6, 9 → profit 1 500, 3 000, 4 500: cumulative 1 500, 4 500, 9 000;
    # cost 3 000 a month: cumulative 3 000, 6 000, 9 000 — equal in month 3, so payback is month 3
    # (with "profit > cost" it would be month 4: 15 000 against 14 000 with April's sign)
    figures = figures_of("- {month: 2026-01, spend: 3000, new_customers: 3}")
    r = figures.reforecast
    assert r is not None
    assert r.payback_month == 3
    assert r.payback_date == date(2026, 3, 1)
