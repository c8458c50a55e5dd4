"""present/site_money.py: the economics, forecast, checkpoints and automation pages' values,
worked by hand from tests/present/small_plan.py."""

from __future__ import annotations

from generator.present.site_money import (
    context_automation,
    context_checkpoints,
    context_economics,
    context_forecast,
)
from tests.present.small_plan import loaded_of


def test_economics_shows_the_ltv_worked() -> None:
    e = context_economics(*loaded_of())["e"]
    assert [(m.value, m.work) for m in e.metrics] == [
        ("$2,400", "100 × 12 × 2 = 2,400"),  # LTV (revenue)
        ("$1,200", "2,400 × 0.5 = 1,200"),  # LTV (profit)
    ]
    assert [value for _, value in e.inputs] == ["$100", "12", "2", "50%"]


def test_forecast_scenarios_month_by_month() -> None:
    f = context_forecast(*loaded_of())["f"]
    low, base = f["scenarios"]  # in plan order
    # base: 8 new a month × 50 = 400, then 16 active → 800, 24 → 1 200; cumulative 400, 1 200, 2 400
    assert [m["profit"] for m in base["months"]] == ["$400", "$800", "$1,200"]
    assert [m["cum_profit"] for m in base["months"]] == ["$400", "$1,200", "$2,400"]
    assert [m["cum_cost"] for m in base["months"]] == ["$1,000", "$2,000", "$3,000"]
    # 2 400 < 3 000 at the end: no payback; ROI (2 400 − 3 000) / 3 000 = −20%
    assert base["payback"] == "not within the horizon"
    assert base["roi_work"] == "(2,400 − 3,000) / 3,000 = −20%"
    # low: half the customers (4 a month): Σ 200 + 400 + 600 = 1 200: (1 200 − 3 000) / 3 000 = −60%
    assert (low["name"], low["multiplier"], low["roi"]) == ("low", "0.5", "−60%")
    assert f["per_customer"] == "100 × 12 / 12 × 0.5 = 50"


def test_checkpoints_mark_the_kpi_behind_and_list_the_correction() -> None:
    ctx = context_checkpoints(*loaded_of())
    (checkpoint,) = ctx["checkpoints"]
    (kpi,) = checkpoint["kpis"]
    assert (checkpoint["state"], kpi["goal"], kpi["target"], kpi["actual"]) == ("passed", "Sales", "10", "6")
    assert "behind" in str(kpi["badge"])
    assert [c["goal"] for c in ctx["corrections"]] == ["Sales"]
    assert ctx["agenda"][0]["initiatives"][0]["ratio"] == "1.6"  # 200 / 125


def test_automation_hours_by_hand_a_year() -> None:
    a = context_automation(*loaded_of())["a"]
    # one manual process of 10 hours a month: 10 × 12 = 120 hours a year
    assert (a.manual, a.automated, a.year_work) == ("10", "0", "10 × 12 = 120")
    assert [(r.process, r.tool, r.hours) for r in a.rows] == [("Orders", "CRM", "10")]
