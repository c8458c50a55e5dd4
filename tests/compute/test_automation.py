"""What the hours still spent by hand cost (v2, economics.hour_cost)."""

from __future__ import annotations

from generator.compute.automation import compute_automation
from generator.load.loader import load_text

PLAN = """
business: {name: Test}
economics: {hour_cost: 500}
automation:
  - {process: A, hours_per_month: 10, status: manual}
  - {process: B, hours_per_month: 4, status: planned}
  - {process: C, hours_per_month: 6, status: automated}
"""


def test_hours_by_hand_in_money() -> None:
    figures = compute_automation(load_text(PLAN))
    assert figures is not None
    # by hand 10 + 4 = 14 hours a month × 500 = 7 000 a month; × 12 = 84 000 a year
    assert (figures.cost_monthly, figures.cost_yearly) == (7_000, 84_000)
    assert figures.cost_monthly_work is not None and figures.cost_monthly_work.operands == (14, 500)


def test_no_hour_cost_no_money() -> None:
    figures = compute_automation(load_text(PLAN.replace("economics: {hour_cost: 500}\n", "")))
    assert figures is not None and (figures.cost_monthly, figures.cost_yearly) == (None, None)
