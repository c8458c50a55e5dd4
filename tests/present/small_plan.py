"""A small English plan whose figures are easy to work by hand, shared by the presenters' tests.

p = 100 × 12 / 12 × 0.5 = 50 a customer a month (plan level; the segments have no economics of
their own); LTV = 100 × 12 × 2 = 2 400, its profit 2 400 × 0.5 = 1 200. The initiative brings 8
customers a month (a: 30 / 40 = 6, b: 2) for 1 000 a month over 3 months from October 2026:
base profit 400, 800, 1 200 (Σ 2 400) against cost 3 000; half ("low") 200, 400, 600 (Σ 1 200).
October's actual: 1 200 spent for 6 customers: CAC 200 against a planned 1 000 / 8 = 125.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from generator.compute.figures import Figures, compute_figures
from generator.load.loader import LoadedPlan, load_text
from tests.conftest import TODAY

PLAN = """\
business: {name: "Shop <b>", language: en, currency: USD}
goals: [{id: sales, title: Sales, target: 10}]
economics: {average_check: 100, purchases_per_year: 12, gross_margin: 50%, lifetime_years: 2}
segments:
  - {id: a, name: Alpha, share: 30%}
  - {id: b, name: Beta, share: 10%}
strategy:
  initiatives:
    - {id: ads, title: Ads, segments: [a, b], goals: [sales], budget_monthly: 1000, new_customers_monthly: 8,
       actuals: [{month: 2026-10, spend: 1200, new_customers: 6}]}
checkpoints: [{date: 2026-10-31, kpis: [{goal: sales, actual: 6}]}]
forecast: {start: 2026-10, months: 3, scenarios: {low: 0.5, base: 1}}
automation:
  - {process: Orders, hours_per_month: 10, tool: CRM, status: manual}
"""


def loaded_of(text: str = PLAN, slug: str = "shop") -> tuple[LoadedPlan, Figures]:
    """The plan of `text` loaded as if from `<slug>.yaml`, and its figures on the tests' day."""
    plan = load_text(textwrap.dedent(text), today=TODAY)
    loaded = LoadedPlan(slug=slug, path=Path(f"{slug}.yaml"), plan=plan)
    return loaded, compute_figures(loaded, TODAY)


# the audit: online = 100 × (1 + 0.5) / 2 = 75 (seo done, social partial); sales = 0 (crm absent);
# overall (75 + 0) / 2 = 37.5 → 38, poor. The calendar: Monday 23, Wednesday 25 and Friday 27
# November 2026 (to Sunday 29): the two backlog ideas, then a research day (no place to post to).
AUDITED = (
    PLAN
    + """\
audit:
  date: 2026-11-20
  components:
    online:
      seo: done
      social: {status: partial, finding: "Posts <script>x</script> now and then", priority: high}
    sales:
      crm: {status: absent, recommendation: "A CRM", priority: medium}
  practices:
    regularity: {status: partial, finding: Weekly}
content:
  start: 2026-11-23
  end: 2026-11-29
  cadence: [mon, wed, fri]
  backlog: [{title: First post, segment: a}, {title: Second post}]
"""
)
