"""The summary's money: the value of a new customer by the segments' mix, the cost of a customer
(actual where measured), their ratio and the verdict. Numbers worked by hand (comments)."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from generator.compute.figures import Figures, compute_figures
from generator.load.loader import LoadedPlan, load_text

TODAY = date(2026, 3, 5)


def figures_of(text: str, today: date = TODAY) -> Figures:
    body = "business: {name: Test, language: en, currency: USD}\n" + textwrap.dedent(text)
    plan = load_text(body, today=today)
    return compute_figures(LoadedPlan(slug="test", path=Path("test.yaml"), plan=plan), today)


# a: 100 × 12 × 1 = 1 200, × 50% = 600 profit LTV; b: 1 000 × 2 × 2 = 4 000, × 25% = 1 000
MIX = """
segments:
  - id: a
    name: A
    share: 75%
    economics: {average_check: 100, purchases_per_year: 12, lifetime_years: 1, gross_margin: 50%}
  - id: b
    name: B
    share: 25%
    economics: {average_check: 1000, purchases_per_year: 2, lifetime_years: 2, gross_margin: 25%}
strategy:
  initiatives:
    - {id: one, title: One, segments: [a, b], budget_monthly: 1000, new_customers_monthly: 4}
    - id: two
      title: Two
      segments: [b]
      budget_monthly: 600
      new_customers_monthly: 2
      actuals: [{month: 2026-01, spend: 600, new_customers: 1}]
roadmap:
  - {initiative: one, start: 2026-01-01, end: 2026-03-31}
forecast: {start: 2026-01, months: 6}
"""


def test_value_of_a_new_customer_by_the_mix_and_the_cost_actual_where_measured() -> None:
    money = figures_of(MIX).summary.money  # type: ignore[union-attr]
    assert money is not None
    # one: 4 × 3 months = 12 → a 9, b 3; two: 2 × 6 = 12 → b 12; so a 9, b 15 of 24
    assert [(p.group, p.new_customers, p.share, p.ltv) for p in money.mix] == [
        ("a", 9, 9 / 24, 600),
        ("b", 15, 15 / 24, 1000),
    ]
    # value = (9 × 600 + 15 × 1 000) / 24 = 20 400 / 24 = 850, profit LTVs
    assert (money.value, money.value_basis) == (pytest.approx(850), "profit")
    # one: planned 1 000 / 4 = 250 for 12; two: actual 600 / 1 = 600 for 12 → (3 000 + 7 200) / 24 = 425
    assert [(c.id, c.new_customers, c.cac, c.measured) for c in money.costs] == [
        ("one", 12, 250, False),
        ("two", 12, 600, True),
    ]
    assert (money.cost, money.cost_source) == (pytest.approx(425), "mixed")
    assert money.ratio == pytest.approx(2)  # 850 / 425


def test_without_a_margin_the_value_is_the_revenue_ltv() -> None:
    money = figures_of(MIX.replace(", gross_margin: 50%", "")).summary.money  # type: ignore[union-attr]
    assert money is not None
    # a: 1 200 revenue; b: 4 000 revenue (b's margin is not used: one basis for the whole mix)
    # (9 × 1 200 + 15 × 4 000) / 24 = 70 800 / 24 = 2 950
    assert (money.value, money.value_basis) == (pytest.approx(2950), "revenue")


PAYS = """
economics: {{average_check: 1000, purchases_per_year: 12, gross_margin: 50%}}
strategy:
  initiatives:
    - id: ads
      title: Ads
      budget_monthly: 3000
      new_customers_monthly: 6
      actuals: [{actuals}]
forecast: {{start: 2026-01, months: 6}}
"""


def test_the_verdict_says_when_the_actuals_contradict_the_planned_payback() -> None:
    # planned: 6 customers × 500 = 3 000 in month 1 against 3 000 → payback in month 1
    before = figures_of(PAYS.format(actuals="")).summary.money.verdict  # type: ignore[union-attr]
    assert before is not None
    assert (before.source, before.payback_month, before.contradicted) == ("plan", 1, False)
    # 2 then 1 customers for 3 000 a month: by month 1 the profit is 1 000 < 3 000; the re-forecast
    # (1.5 customers a month from March) earns 500 × (2 + 3 + 4.5 + 6 + 7.5 + 9) = 16 000 < 18 000
    text = PAYS.format(
        actuals="{month: 2026-01, spend: 3000, new_customers: 2}, {month: 2026-02, spend: 3000, new_customers: 1}"
    )
    verdict = figures_of(text).summary.money.verdict  # type: ignore[union-attr]
    assert verdict is not None
    assert (verdict.source, verdict.payback_month, verdict.planned_payback_month) == ("actuals", None, 1)
    assert verdict.contradicted
    assert verdict.roi == pytest.approx((16000 - 18000) / 18000)
    # 10 then 8 customers: month 1 earns 5 000 ≥ 3 000, as planned
    ahead = PAYS.format(
        actuals="{month: 2026-01, spend: 3000, new_customers: 10}, {month: 2026-02, spend: 3000, new_customers: 8}"
    )
    verdict = figures_of(ahead).summary.money.verdict  # type: ignore[union-attr]
    assert verdict is not None
    assert (verdict.payback_month, verdict.contradicted) == (1, False)


def test_no_initiative_with_customers_falls_back_to_the_plans_economics() -> None:
    money = figures_of(
        "economics: {average_check: 50, purchases_per_year: 365, lifetime_years: 10, gross_margin: 40%, cac: 1000}\n"
    ).summary.money  # type: ignore[union-attr]
    assert money is not None
    # 50 × 365 × 10 × 0.4 = 73 000; cac 1 000 → 73
    assert (money.value, money.cost, money.cost_source, money.ratio) == (73000, 1000, "economics", 73)
    assert money.verdict is None


TESTDATA = Path(__file__).resolve().parents[1] / "testdata" / "summary"


def test_a_dental_clinic_behind_its_cost_per_customer() -> None:
    from generator.load.loader import load_plan

    loaded = load_plan(TESTDATA / "ulybka.yaml", today=date(2026, 12, 7))
    summary = compute_figures(loaded, date(2026, 12, 7)).summary
    assert summary is not None and summary.money is not None and summary.priorities is not None
    money = summary.money
    # direct 20 × 12 = 240 (75% families 180, 25% implants 60); booking 6 × 2 = 12 families;
    # crm 2 × 3 (Jan–Mar) = 6 → 4.5 and 1.5: families 196.5, implants 61.5 of 258
    assert [(p.group, p.new_customers) for p in money.mix] == [("families", 196.5), ("implants", 61.5)]
    # LTV 6 000 × 2 × 4 × 45% = 21 600 and 60 000 × 1 × 1 × 35% = 21 000
    assert money.value == pytest.approx((196.5 * 21600 + 61.5 * 21000) / 258)
    # direct actual (40 000 + 42 000) / (9 + 8); booking 3 000 / 6 = 500; crm 6 000 / 2 = 3 000
    assert money.cost == pytest.approx((240 * 82000 / 17 + 12 * 500 + 6 * 3000) / 258)
    # a team of 8 is not small: nothing put aside; seo (direct, 2 goals) first, then by roadmap start
    assert summary.priorities.demoted == () and summary.priorities.small is False
    assert [a.key for a in summary.priorities.top] == ["online.seo", "online.website", "sales.crm"]


def test_a_b2b_firm_ahead_of_its_cost_per_customer_with_a_future_actual() -> None:
    from generator.load.loader import load_plan

    today = date(2026, 12, 7)
    figures = compute_figures(load_plan(TESTDATA / "ledgerline.yaml", today=today), today)
    # the February checkpoint's 12 demos cannot have been measured on 7 December: pending, warned
    february = figures.checkpoints[1]
    assert [(k.goal, k.actual, k.status) for k in february.kpis] == [
        ("demos", None, "pending"),
        ("win-rate", None, "pending"),
    ]
    assert [w.path for w in figures.lint if w.code == "M111"] == ["checkpoints[1].kpis[0].actual"]
    assert figures.summary is not None and figures.summary.money is not None
    verdict = figures.summary.money.verdict
    # outreach: 1 customer a month for 1 500 (planned 0.5 for 1 500): ahead, the plan is not contradicted
    assert verdict is not None and (verdict.source, verdict.contradicted) == ("actuals", False)
    outreach = next(c for c in figures.summary.money.costs if c.id == "outreach")
    assert (outreach.cac, outreach.measured) == (1500, True)
