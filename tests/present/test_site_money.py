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


def test_forecast_and_checkpoints_pages_lay_out_their_views() -> None:
    """The view's strings, escaped for the page (worked in tests/present/test_forecast.py)."""
    ctx = context_forecast(*loaded_of())
    _, base = ctx["f"].scenarios  # in plan order
    assert (base.roi, base.payback) == ("−20%", "not within the horizon")
    assert str(ctx["f"].chart).startswith("<svg") and str(ctx["pvf"].chart).startswith("<svg")  # drawn, not escaped
    assert ctx["pvf"].roi.roi == "−75%"
    cp = context_checkpoints(*loaded_of())["cp"]
    assert [a.kpi.goal for a in cp.agenda] == ["Sales"]


def test_automation_hours_by_hand_a_year() -> None:
    a = context_automation(*loaded_of())["a"]
    # one manual process of 10 hours a month: 10 × 12 = 120 hours a year
    assert (a.manual, a.automated, a.year_work) == ("10", "0", "10 × 12 = 120")
    assert [(r.process, r.tool, r.hours) for r in a.rows] == [("Orders", "CRM", "10")]
