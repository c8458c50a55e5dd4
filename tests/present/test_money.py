"""present/money.py: the forecast's customer groups as display rows, worked by hand from
tests/present/small_plan.py (plan against fact: tests/present/test_forecast.py; the agenda:
tests/present/test_checkpoints.py; the cost of hours by hand: tests/present/test_automation.py)."""

from __future__ import annotations

from markupsafe import escape

from generator.present.money import groups
from tests.present.small_plan import loaded_of


def test_groups_show_the_profit_a_customer_a_month_worked() -> None:
    _, figures = loaded_of()
    # no segment has economics of its own: one group, p = 100 × 12 / 12 × 0.5 = 50; L = 2 × 12 = 24
    assert groups(figures, {"a": "Alpha", "b": "Beta"}, escape) == [
        {"name": "All customer groups", "per_month": "100 × 12 / 12 × 0.5 = 50", "lifetime": "24 months"}
    ]
