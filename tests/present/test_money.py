"""present/money.py: the money figures of the v2 plan (groups, plan against fact, the agenda) as
display values, worked by hand from tests/present/small_plan.py."""

from __future__ import annotations

from markupsafe import escape

from generator.present.money import agenda, automation_cost, groups, plan_vs_fact
from tests.present.small_plan import loaded_of


def test_groups_show_the_profit_a_customer_a_month_worked() -> None:
    _, figures = loaded_of()
    # no segment has economics of its own: one group, p = 100 × 12 / 12 × 0.5 = 50; L = 2 × 12 = 24
    assert groups(figures, {"a": "Alpha", "b": "Beta"}, escape) == [
        {"name": "All customer groups", "per_month": "100 × 12 / 12 × 0.5 = 50", "lifetime": "24 months"}
    ]


def test_plan_against_fact_to_date() -> None:
    _, figures = loaded_of()
    shown = plan_vs_fact(figures, escape)
    assert shown is not None
    (ads,) = shown["initiatives"]
    # planned CAC 1 000 / 8 = 125; actual 1 200 / 6 = 200; ratio 200 / 125 = 1.6 (worse than planned)
    assert (ads["planned_cac"], ads["actual_cac"]) == ("1,000 / 8 = 125", "1,200 / 6 = 200")
    assert ads["ratio_work"] == "200 / 125 = 1.6"
    assert ads["worse"] is True
    # to date (October only): 6 customers × 50 = 300 profit against 1 200 spent: (300 − 1 200) / 1 200 = −75%
    assert shown["roi"]["work"] == "(300 − 1,200) / 1,200 = −75%"
    assert (shown["roi"]["profit"], shown["roi"]["cost"]) == ("$300", "$1,200")
    assert str(shown["chart"]).startswith("<svg")


def test_the_agenda_lists_the_kpi_behind_with_its_initiatives() -> None:
    _, figures = loaded_of()
    (item,) = agenda(figures, escape)
    # 6 against a target of 10 on October 31: behind
    assert (item["goal"], item["status"], item["date"]) == ("Sales", "behind", "October 31, 2026")
    assert [i["title"] for i in item["initiatives"]] == ["Ads"]


def test_automation_cost_needs_an_hourly_rate() -> None:
    _, figures = loaded_of()
    assert automation_cost(figures, escape) is None  # the plan gives no hourly rate
