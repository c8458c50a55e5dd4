"""`report --json`: `summary` and `forecast.reforecast` for the shipped bakery on 7 December 2026.
Numbers worked by hand from docs/plan-format.md (summary, re-forecast) — arithmetic in comments."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.compute.figures import compute_figures
from generator.load.loader import load_plan
from generator.render.report import figures_to_json

PLANS = Path(__file__).resolve().parents[2] / "plans"
TODAY = date(2026, 12, 7)


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return figures_to_json(compute_figures(load_plan(PLANS / "kolosok.yaml", today=TODAY), TODAY))


def test_summary_money(data: dict[str, Any]) -> None:
    money = data["summary"]["money"]
    # new customers over the horizon (Oct 2026 – Sep 2027): maps 30 × 1 month + vk 20 × 12 → neighbours
    # 270; crm 10 × 8 months (Feb–Sep) → cake customers 80. Profit LTV: 150 × 100 × 0.5 × 40% = 3 000
    # and 3 500 × 3 × 2 × 50% = 10 500. Value = (270 × 3 000 + 80 × 10 500) / 350 = 1 650 000 / 350
    assert [(m["segment"], m["new_customers"], m["ltv"]) for m in money["mix"]] == [
        ("neighbours", 270, 3000),
        ("celebrations", 80, 10500),
    ]
    assert money["value"] == pytest.approx(1_650_000 / 350)
    # cost: maps 0 (no budget), vk actual 30 000 / 19, crm planned 2 500 / 10 = 250
    # (30 × 0 + 240 × 30 000 / 19 + 80 × 250) / 350
    assert money["cost"] == pytest.approx((240 * 30000 / 19 + 80 * 250) / 350)
    assert money["cost_source"] == "mixed"
    assert money["ratio"] == pytest.approx(money["value"] / money["cost"])
    # base plan: paid back in month 2 (November 2026); by the actuals not, so the verdict says so
    verdict = money["verdict"]
    assert (verdict["source"], verdict["planned_payback_date"], verdict["contradicted"]) == ("actuals", "2026-11", True)


def test_reforecast(data: dict[str, Any]) -> None:
    re = data["forecast"]["reforecast"]
    # vk reported October (8) and November (11): 9.5 customers and 15 000 a month from December
    assert (re["through"], re["rates"][0]["new_rate"], re["rates"][0]["spend_rate"]) == ("2026-11", 9.5, 15000)
    # neighbours earn 150 × 100 / 12 × 40% = 500 a month for 6 months: new 8, 11, 9.5 + 30, 9.5 …
    # profit 4 000, 9 500, 29 250, 34 000 against cost 15 000, 15 000, 20 000, 15 000:
    # cumulative 76 750 ≥ 65 000 in month 4 (January 2027), not before (42 750 < 50 000 in month 3)
    assert [m["profit"] for m in re["months"][:4]] == [4000, 9500, 29250, 34000]
    assert (re["payback_month"], re["payback_date"]) == (4, "2027-01")
    # cost as planned (the actual spend was the budget): 12 × 15 000 + 5 000 + 8 × 2 500 + 30 000
    assert re["cost"] == 235_000
    assert [m["actual"] for m in re["months"][:3]] == [True, True, False]


def test_summary_priorities_and_week(data: dict[str, Any]) -> None:
    summary = data["summary"]
    # crm serves two goals; social (vk, from October) before seo (maps, from December)
    assert [p["key"] for p in summary["priorities"]] == ["sales.crm", "online.social", "online.seo"]
    assert summary["priorities"][0]["merged"] == "crm"
    # a team of 3: sales-department advice put aside, not deleted
    assert [a["key"] for a in summary["put_aside"]] == [
        "sales.sales_scripts",
        "sales.call_recording",
        "analytics.crm_telephony",
        "analytics.dashboards",
    ]
    week = summary["week"]
    assert [(w["date"], w["kind"]) for w in week] == [
        ("2026-12-07", "new"),
        ("2026-12-07", "task"),
        ("2026-12-08", "task"),
    ]
    assert week[1]["title"] == "«Карточки в Яндекс Картах и 2ГИС»: шаг на час (завершить к 31 декабря 2026)"
    assert 1 <= len(summary["priorities"]) <= 3 and 1 <= len(week) <= 5


def test_a_month_not_yet_begun_is_listed_apart_and_counted_nowhere() -> None:
    from generator.load.loader import LoadedPlan, load_text

    text = """business: {name: T, language: en}
economics: {average_check: 100, purchases_per_year: 12}
strategy:
  initiatives:
    - {id: ads, title: Ads, budget_monthly: 100, new_customers_monthly: 1,
       actuals: [{month: 2026-11, spend: 100, new_customers: 2}, {month: 2027-01, spend: 900, new_customers: 0}]}
forecast: {start: 2026-11, months: 3}
"""
    today = date(2026, 12, 7)
    plan = load_text(text, today=today)
    data = figures_to_json(compute_figures(LoadedPlan(slug="t", path=Path("t.yaml"), plan=plan), today))
    ads = data["forecast"]["plan_vs_fact"]["ads"]
    # January 2027 has not begun on 7 December: apart, and the actual CAC is November's 100 / 2 = 50
    assert (ads["not_begun"], ads["actual_cac"]) == (["2027-01"], 50)
    assert data["forecast"]["roi_to_date"]["cost"] == 100
