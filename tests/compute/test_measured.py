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
