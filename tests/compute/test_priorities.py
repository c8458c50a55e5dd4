"""The three priorities: CRM tool and practice merged, sales-department advice put aside for a small
team (with the reason, not deleted), the high actions ranked by the strategy's goals and the weights."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

from generator.compute.figures import compute_figures
from generator.compute.priorities import Priorities
from generator.load.loader import LoadedPlan, load_text

TODAY = date(2026, 12, 7)

PLAN = """
goals: [{id: g1, title: G1}, {id: g2, title: G2}]
audit:
  components:
    online:
      seo: {status: absent, weight: 2, priority: high}
      social: {status: absent, priority: high}
      website: {status: absent, priority: high}
      content: {status: absent, priority: high}
    sales:
      crm: {status: absent, priority: high}
      sales_scripts: {status: absent, priority: high}
    analytics:
      dashboards: {status: absent, priority: high}
  practices:
    crm: {status: absent}
    regularity: {status: absent}
strategy:
  initiatives:
    - {id: i1, title: I1, component: online.social, goals: [g1]}
    - {id: i2, title: I2, component: sales.crm, goals: [g1, g2]}
    - {id: i3, title: I3, component: online.website, goals: [g1]}
roadmap:
  - {initiative: i1, start: 2026-12-01}
  - {initiative: i2, start: 2027-01-01}
  - {initiative: i3, start: 2026-11-01}
"""


def priorities_of(team: str) -> Priorities:
    body = f"business: {{name: T, language: en{team}}}\n" + textwrap.dedent(PLAN)
    plan = load_text(body, today=TODAY)
    figures = compute_figures(LoadedPlan(slug="t", path=Path("t.yaml"), plan=plan), TODAY)
    assert figures.summary is not None and figures.summary.priorities is not None
    return figures.summary.priorities


def test_a_team_of_two_puts_sales_department_advice_aside_and_ranks_by_goals() -> None:
    p = priorities_of(", team: 2")
    assert (p.team, p.small) == (2, True)
    # served with goals first: crm (2 goals), then website (starts 1 Nov) before social (1 Dec)
    assert [a.key for a in p.top] == ["sales.crm", "online.website", "online.social"]
    # then seo (weight 2) before the weight-1 ones, in the audit's order; the CRM practice is folded in
    assert [a.key for a in p.high] == [
        "sales.crm",
        "online.website",
        "online.social",
        "online.seo",
        "online.content",
        "practice.regularity",
    ]
    crm = p.top[0]
    assert crm.merged is not None and crm.merged.id == "crm"
    assert (crm.initiatives, crm.goals, crm.start) == (("i2",), ("g1", "g2"), date(2027, 1, 1))
    # put aside with the reason, not deleted: low, demoted
    assert [(a.key, a.priority, a.demoted) for a in p.demoted] == [
        ("sales.sales_scripts", "low", True),
        ("analytics.dashboards", "low", True),
    ]


def test_a_team_of_eight_keeps_them_and_no_team_decides_nothing() -> None:
    p = priorities_of(", team: 8")
    assert p.small is False and p.demoted == ()
    assert [a.key for a in p.high][4:] == [
        "online.content",
        "sales.sales_scripts",
        "analytics.dashboards",
        "practice.regularity",
    ]
    unknown = priorities_of("")
    assert (unknown.team, unknown.small, unknown.demoted) == (None, None, ())
    assert len(unknown.top) == 3
