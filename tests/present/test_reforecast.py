"""The re-forecast beside the plan: the bakery on 7 December 2026 (figures worked in test_summary_json)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.compute.figures import compute_figures
from generator.load.loader import load_plan
from generator.present.reforecast import reforecast_view

PLANS = Path(__file__).resolve().parents[2] / "plans"


def test_the_bakery_plan_and_actuals_side_by_side() -> None:
    today = date(2026, 12, 7)
    view = reforecast_view(compute_figures(load_plan(PLANS / "kolosok.yaml", today=today), today))
    assert view is not None
    rows = {
        what: (plan, actual) for what, plan, actual in ((r[0], r[1], r[2].replace("\u00a0", " ")) for r in view.rows)
    }
    # cost as planned: 12 × 15 000 + 5 000 + 8 × 2 500 + 30 000 = 235 000 on both sides
    assert rows["Затраты"][1] == "235 000 ₽"
    # customers: planned 30 + 240 + 80 = 350; from the actuals 19 + 9,5 × 10 + 30 + 80 = 224
    assert (rows["Новые клиенты"][0], rows["Новые клиенты"][1]) == ("350", "224")
    # payback: planned month 2 (November 2026); from the actuals month 4 (January 2027), worded as
    # the scenario table words it (present.forecast.payback_text)
    assert rows["Окупаемость"] == ("2-й месяц (ноябрь 2026)", "4-й месяц (январь 2027)")
    # the plan's column names the scenario compute chose: kolosok's defaults, multiplier 1 "base"
    assert view.headers[1] == "По плану (базовый)"
    assert "по ноябрь 2026 включительно" in view.intro
    assert "9,5 клиента и 15 000 ₽ в месяц" in view.intro.replace("\u00a0", " ")


def test_no_reforecast_before_any_actual() -> None:
    today = date(2026, 12, 7)
    assert reforecast_view(compute_figures(load_plan(PLANS / "northwind.yaml", today=today), today)) is None
