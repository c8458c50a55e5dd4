"""Per-segment LTV (v2): a segment's own economics, each missing key from the plan's."""

from __future__ import annotations

from generator.compute.economics import compute_economics
from generator.compute.groups import group_economics
from generator.load.loader import load_text

PLAN = """
business: {name: Test}
economics: {average_check: 50, purchases_per_year: 365, lifetime_years: 10, gross_margin: 40%}
segments:
  - {id: cakes, name: Cakes, economics: {average_check: 3000, purchases_per_year: 3, lifetime_years: 2}}
  - {id: bread, name: Bread}
  - {id: office, name: Office, economics: {gross_margin: 25%}}
"""


def test_segment_ltv_with_its_own_economics_and_the_plan_fallback() -> None:
    plan = load_text(PLAN)
    groups = group_economics(plan)
    figures = compute_economics(plan.economics, [groups["cakes"], groups["office"]])
    assert figures is not None
    cakes, office = figures.segments
    # cakes: 3 000 × 3 × 2 = 18 000; profit 18 000 × 0.4 (the plan's margin) = 7 200
    assert (cakes.id, cakes.ltv, cakes.ltv_profit) == ("cakes", 18_000, 7_200)
    # office: the plan's 50 × 365 × 10 = 182 500; its own margin: 182 500 × 0.25 = 45 625
    assert (office.ltv, office.ltv_profit) == (182_500, 45_625)
    assert office.economics.own == ("gross_margin",)
    # the plan's LTV is unchanged: 182 500, profit 73 000
    assert (figures.ltv, figures.ltv_profit) == (182_500, 73_000)


def test_segment_without_a_lifetime_has_no_ltv() -> None:
    plan = load_text(PLAN.replace(", lifetime_years: 10", ""))
    groups = group_economics(plan)
    figures = compute_economics(plan.economics, [groups["office"]])
    assert figures is not None and figures.segments[0].ltv is None and figures.segments[0].ltv_profit is None
