"""present/money.py: the money figures of the v2 plan (plan against fact, the agenda) as
display values, worked by hand from tests/present/small_plan.py."""

from __future__ import annotations

from markupsafe import escape

from generator.present.money import agenda, plan_vs_fact
from tests.present.small_plan import loaded_of


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
