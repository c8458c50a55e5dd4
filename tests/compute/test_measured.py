"""Measured economics, worked by hand from contract v3 (the worked example and the edges)."""

from __future__ import annotations

from generator.compute.measured import group_figures
from generator.model.measured import DealGroup


def _group(won: int, revenue: float, customers: int, previous: int | None, retained: int | None) -> DealGroup:
    window = {"won_deals": won, "revenue": revenue, "customers": customers}
    if previous is not None:
        window |= {"previous_customers": previous, "retained": retained}
    return DealGroup.model_validate({"window": window})


def test_the_contracts_worked_example() -> None:
    # 40 customers, 96 won deals worth 624 000; 18 of 30 previous customers bought again
    g = group_figures("all", _group(96, 624_000, 40, 30, 18), 0.5)
    assert g.average_check == 6500
    assert g.purchases_per_year == 2.4
    assert g.retention == 0.6
    assert g.lifetime_years == 1 / 0.4  # 2.5 years
    assert g.ltv is not None and abs(g.ltv - 39_000) < 1e-6
    assert g.ltv_profit is not None and abs(g.ltv_profit - 19_500) < 1e-6


def test_retention_needs_10_previous_customers() -> None:
    g = group_figures("a", _group(10, 1000, 5, 9, 9), None)
    assert (g.average_check, g.purchases_per_year) == (100, 2)
    assert g.retention is None and g.lifetime_years is None and g.ltv is None and g.ltv_profit is None
    assert group_figures("a", _group(10, 1000, 5, 10, 9), None).retention == 0.9


def test_lifetime_at_most_20_years() -> None:
    assert group_figures("a", _group(10, 1000, 5, 10, 10), None).lifetime_years == 20
    assert group_figures("a", _group(10, 1000, 5, 100, 96), None).lifetime_years == 20  # 1 ÷ 0.04 = 25 → 20


def test_no_window_is_not_enough_history() -> None:
    g = group_figures("a", DealGroup(), 0.5)
    assert (g.average_check, g.purchases_per_year, g.retention, g.ltv) == (None, None, None, None)


def test_measured_new_customers_fill_plan_against_fact_where_none_is_typed() -> None:
    from datetime import date

    from generator.compute.measured import with_measured_actuals
    from generator.load.loader import load_text
    from generator.model.measured import Measured

    plan = load_text(
        """\
business: {name: T, language: en}
strategy:
  initiatives:
    - id: x
      title: X
      actuals: [{month: 2026-02, spend: 10, new_customers: 9}, {month: 2026-03, spend: 20}]
    - {id: y, title: Y}
forecast: {start: 2026-01}
data: {initiatives: {x: {sources: [s]}}}
""",
        today=date(2026, 6, 1),
    )
    series = [
        {"month": "2025-12", "new_customers": 4},  # before the forecast: left out
        {"month": "2026-01", "new_customers": 1},
        {"month": "2026-02", "new_customers": 2},  # typed 9 wins
        {"month": "2026-03", "new_customers": 3},  # fills the typed month without customers
        {"month": "2026-04", "new_customers": None},  # not measured
        {"month": "2026-05", "new_customers": 5, "partial": True},  # partial: left out
    ]
    measured = Measured.model_validate(
        {
            "deals": {
                "period": {"start": "2025-01-01", "end": "2026-05-10"},
                "measured_from": "2026-01",
                "initiatives": {"x": series, "y": series},
            }
        }
    )
    merged = with_measured_actuals(plan, measured, date(2026, 6, 1))
    assert merged.strategy is not None
    x, y = merged.strategy.initiatives
    assert [(f"{a.month:%Y-%m}", a.spend, a.new_customers) for a in x.actuals] == [
        ("2026-01", None, 1),
        ("2026-02", 10, 9),
        ("2026-03", 20, 3),
    ]
    assert y.actuals == []  # no data mapping for y
