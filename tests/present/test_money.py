"""present/money.py: the money figures of the v2 plan (groups, the cost of hours by hand) as
display values, worked by hand from tests/present/small_plan.py (plan against fact:
tests/present/test_forecast.py; the agenda: tests/present/test_checkpoints.py)."""

from __future__ import annotations

from markupsafe import escape

from generator.present.money import automation_cost, groups
from tests.present.small_plan import loaded_of


def test_groups_show_the_profit_a_customer_a_month_worked() -> None:
    _, figures = loaded_of()
    # no segment has economics of its own: one group, p = 100 × 12 / 12 × 0.5 = 50; L = 2 × 12 = 24
    assert groups(figures, {"a": "Alpha", "b": "Beta"}, escape) == [
        {"name": "All customer groups", "per_month": "100 × 12 / 12 × 0.5 = 50", "lifetime": "24 months"}
    ]


def test_automation_cost_needs_an_hourly_rate() -> None:
    _, figures = loaded_of()
    assert automation_cost(figures, escape) is None  # the plan gives no hourly rate
