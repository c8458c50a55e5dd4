"""The correction list: initiatives serving each KPI's goal, worst CAC ratio first (compared exactly)."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

from generator.compute.figures import Figures, compute_figures
from generator.load.loader import LoadedPlan, load_text

TODAY = date(2026, 11, 22)


def figures_of(text: str) -> Figures:
    body = "business: {name: Test, language: en, currency: USD}\n" + textwrap.dedent(text)
    plan = load_text(body, today=TODAY)
    return compute_figures(LoadedPlan(slug="test", path=Path("test.yaml"), plan=plan), TODAY)


PLAN = """
    goals:
      - {id: g, title: G, target: 10}
      - {id: lonely, title: Lonely, target: 5}
      - {id: fine, title: Fine, target: 1}
    checkpoints:
      - date: 2026-10-01
        kpis:
          - {goal: g, actual: 3}
          - {goal: lonely}
          - {goal: fine, actual: 2}
    strategy:
      initiatives:
        - {id: p3, title: P3, goals: [g], budget_monthly: 1, new_customers_monthly: 1,
           actuals: [{month: 2026-10, spend: 0.3, new_customers: 0.1}]}
        - {id: unknown, title: Unknown, goals: [g, fine]}
        - {id: p4, title: P4, goals: [g], budget_monthly: 100, new_customers_monthly: 1,
           actuals: [{month: 2026-10, spend: 300, new_customers: 1}]}
        - {id: p2, title: P2, goals: [g], budget_monthly: 100, new_customers_monthly: 1,
           actuals: [{month: 2026-10, spend: 200, new_customers: 1}]}
        - {id: other, title: Other, goals: [fine]}
    forecast: {start: 2026-10, months: 3}
    """


def test_correction_order_worst_ratio_first_ties_in_plan_order_unknown_last() -> None:
    figures = figures_of(PLAN)
    # g is behind (3 < 10), lonely not measured (no actual, 2026-10-01 has passed); fine is met
    assert [(c.kpi.goal, c.kpi.status) for c in figures.agenda] == [("g", "behind"), ("lonely", "not measured")]
    g, lonely = figures.agenda
    # ratios: p3 = (0.3 / 0.1) / (1 / 1) = 3 exactly (in binary floating point 0.3 / 0.1 =
    # 2.9999999999999996, which would wrongly put p4 first); p4 = (300 / 1) / (100 / 1) = 3;
    # p2 = 200 / 100 = 2; unknown has no CAC at all
    assert [f.id for f in g.initiatives] == ["p3", "p4", "p2", "unknown"]
    assert [f.cac_ratio_exact for f in g.initiatives] == [3, 3, 2, None]
    # no initiative serves `lonely`: the strategy has nothing working on it
    assert lonely.initiatives == ()
    # the agenda follows the corrections one for one
    assert [c.kpi for c in figures.agenda] == figures.corrections


def test_agenda_without_a_forecast_section_has_planned_cac_only() -> None:
    figures = figures_of(PLAN.replace("    forecast: {start: 2026-10, months: 3}\n", ""))
    g = figures.agenda[0]
    assert [(f.id, f.planned_cac, f.actual_cac) for f in g.initiatives] == [
        ("p3", 1, None),
        ("unknown", None, None),
        ("p4", 100, None),
        ("p2", 100, None),
    ]


def test_a_down_kpi_exactly_at_its_target_is_met_one_above_is_behind() -> None:
    figures = figures_of(
        """
        goals: [{id: churn, title: Churn, target: 5, direction: down}, {id: sales, title: Sales, target: 5}]
        checkpoints:
          - date: 2026-10-01
            kpis: [{goal: churn, actual: 5}, {goal: sales, actual: 5}]
          - date: 2026-11-01
            kpis: [{goal: churn, actual: 5.5}, {goal: sales, actual: 4.5}]
        """
    )
    # down: lower is better, 5 ≤ 5 is met; up: 5 ≥ 5 is met; then 5.5 > 5 and 4.5 < 5 are behind
    statuses = [[(k.goal, k.status) for k in c.kpis] for c in figures.checkpoints]
    assert statuses == [[("churn", "met"), ("sales", "met")], [("churn", "behind"), ("sales", "behind")]]


def test_equal_cac_ratios_keep_plan_order_not_id_order() -> None:
    figures = figures_of(
        """
        goals: [{id: g, title: G, target: 10}]
        checkpoints: [{date: 2026-10-01, kpis: [{goal: g, actual: 3}]}]
        strategy:
          initiatives:
            - {id: zeta, title: Zeta, goals: [g], budget_monthly: 100, new_customers_monthly: 2,
               actuals: [{month: 2026-10, spend: 300, new_customers: 3}]}
            - {id: mid, title: Mid, goals: [g], budget_monthly: 10, new_customers_monthly: 1,
               actuals: [{month: 2026-10, spend: 30, new_customers: 1}]}
            - {id: alpha, title: Alpha, goals: [g], budget_monthly: 40, new_customers_monthly: 4,
               actuals: [{month: 2026-10, spend: 40, new_customers: 2}]}
        forecast: {start: 2026-10, months: 3}
        """
    )
    # planned CAC: zeta 100 / 2 = 50, mid 10 / 1 = 10, alpha 40 / 4 = 10;
    # actual CAC: zeta 300 / 3 = 100, mid 30, alpha 40 / 2 = 20; ratios 2, 3, 2:
    # mid (3) first, then the tie zeta, alpha in plan order (by id it would be alpha, zeta)
    (g,) = figures.agenda
    assert [(f.id, f.cac_ratio_exact) for f in g.initiatives] == [("mid", 3), ("zeta", 2), ("alpha", 2)]


def test_an_actual_dated_after_today_is_not_a_fact() -> None:
    # the checkpoint of 2026-12-01 is after TODAY (2026-11-22): its actual is left out, the KPI pending
    figures = figures_of(
        """
        goals: [{id: g, title: G, target: 10}]
        checkpoints:
          - date: 2026-12-01
            kpis: [{goal: g, actual: 3}]
          - date: 2026-11-22
            kpis: [{goal: g, actual: 12}]
        """
    )
    future, today = figures.checkpoints[1], figures.checkpoints[0]
    assert [(k.actual, k.status) for k in future.kpis] == [(None, "pending")]
    assert [(k.actual, k.status) for k in today.kpis] == [(12, "met")]  # measured on the day: a fact
    assert figures.corrections == []
