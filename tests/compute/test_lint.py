"""Method lint (M101–M116): each rule on a minimal plan that breaks it, at the exact line:col, and on one that does not.

Line and column are counted by hand in the plan text below (1-based; a list item's mapping starts
after "- "; a flow mapping at its "{").
"""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from generator.compute.figures import compute_figures
from generator.compute.lint import LintWarning
from generator.load.loader import load_plan
from generator.present.lint import lint_message

TODAY = date(2026, 11, 22)
HEAD = "business:\n  name: X\n  language: en\n"  # lines 1–3; every plan below starts on line 4


def lint(tmp_path: Path, body: str, today: date = TODAY) -> tuple[LintWarning, ...]:
    path = tmp_path / "plan.yaml"
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return compute_figures(load_plan(path), today).lint


def where(warnings: tuple[LintWarning, ...], code: str) -> list[tuple[int, int, str]]:
    return [(w.line, w.col, w.path) for w in warnings if w.code == code]


GOAL = "goals:\n  - {id: g, title: G, business_goal: B}\n"  # lines 4–5
SEGMENT = "segments:\n  - {id: s, name: S, needs: [n], places: [{name: P, kind: social}]}\n"

# code, plan that breaks the rule, where, plan that keeps it
CASES: list[tuple[str, str, list[tuple[int, int, str]], str]] = [
    (
        "M101",
        GOAL,
        [(5, 5, "goals[0]")],
        GOAL + "checkpoints:\n  - date: 2027-01-01\n    kpis: [{goal: g}]\n",
    ),
    (
        "M102",
        "goals:\n  - id: g\n    title: G\n",
        [(5, 5, "goals[0]")],
        GOAL,
    ),
    (
        "M103",
        "strategy:\n  initiatives:\n    - id: i\n      title: T\n",
        [(6, 7, "strategy.initiatives[0]")],
        GOAL + "strategy:\n  initiatives:\n    - {id: i, title: T, goals: [g]}\n",
    ),
    (
        "M104",
        "strategy:\n  initiatives:\n    - id: i\n      title: T\n",
        [(6, 7, "strategy.initiatives[0]")],
        SEGMENT + "strategy:\n  initiatives:\n    - {id: i, title: T, segments: [s]}\n",
    ),
    (
        "M105",
        "strategy:\n  initiatives:\n    - {id: a, title: A, budget_monthly: 100}\n"
        "    - {id: b, title: B, budget_monthly: 100, new_customers_monthly: 0}\n",
        [(6, 7, "strategy.initiatives[0]"), (7, 7, "strategy.initiatives[1]")],
        "strategy:\n  initiatives:\n    - {id: a, title: A, budget_monthly: 100, new_customers_monthly: 2}\n"
        "    - {id: b, title: B, budget_monthly: 0}\n",
    ),
    (
        "M106",
        "strategy:\n  initiatives:\n    - {id: i, title: T}\n",
        [(6, 7, "strategy.initiatives[0]")],
        "strategy:\n  initiatives:\n    - {id: i, title: T}\nroadmap:\n  - {initiative: i}\n",
    ),
    (
        # absent crm (weight 1 ≥ mean 1): high by default; partial seo: medium, not warned
        "M107",
        "audit:\n  components:\n    sales:\n      crm: absent\n    online:\n      seo: partial\n",
        [(7, 12, "audit.components.sales.crm")],
        "audit:\n  components:\n    sales:\n      crm: absent\n"
        "strategy:\n  initiatives:\n    - {id: i, title: T, component: sales.crm}\n",
    ),
    (
        # weights 2 and 1: mean 1.5; callback (1) is medium, crm (2) high and only crm is warned
        "M107",
        "audit:\n  components:\n    sales:\n      crm: {status: absent, weight: 2}\n      callback: absent\n",
        [(7, 12, "audit.components.sales.crm")],
        "audit:\n  components:\n    sales:\n      crm: {status: absent, weight: 2, priority: low}\n",
    ),
    (
        "M107",
        "audit:\n  components:\n    custom:\n      - {family: it, id: portal, name: Portal, status: absent,"
        " recommendation: Build it}\n",
        [(7, 9, "audit.components.custom[0]")],
        "audit:\n  components:\n    custom:\n      - {family: it, id: portal, name: Portal, status: absent,"
        " recommendation: Build it}\nstrategy:\n  initiatives:\n    - {id: i, title: T, component: it.portal}\n",
    ),
    (
        # `it.custom` is the alias for "a custom tool of the family it"
        "M107",
        "audit:\n  components:\n    custom:\n      - {family: it, id: portal, name: Portal, status: absent,"
        " recommendation: Build it}\n",
        [(7, 9, "audit.components.custom[0]")],
        "audit:\n  components:\n    custom:\n      - {family: it, id: portal, name: Portal, status: absent,"
        " recommendation: Build it}\nstrategy:\n  initiatives:\n    - {id: i, title: T, component: it.custom}\n",
    ),
    (
        # the content calendar is the plan's initiative for online.content
        "M107",
        "audit:\n  components:\n    online:\n      content: absent\n",
        [(7, 16, "audit.components.online.content")],
        "audit:\n  components:\n    online:\n      content: absent\ncontent:\n  start: 2026-11-22\n",
    ),
    (
        "M108",
        "segments:\n  - id: s\n    name: S\n    needs: [n]\n",
        [(5, 5, "segments[0]")],
        SEGMENT,
    ),
    (
        "M109",
        "segments:\n  - id: s\n    name: S\n    places: [{name: P, kind: social}]\n",
        [(5, 5, "segments[0]")],
        SEGMENT,
    ),
    (
        "M110",
        "segments:\n  - id: s\n    name: S\n    demand:\n      - query: q\n      - {query: r, monthly_volume: 10}\n",
        [(8, 9, "segments[0].demand[0]")],
        "segments:\n  - id: s\n    name: S\n    demand:\n      - {query: q, monthly_volume: 0}\n",
    ),
    (
        "M111",
        GOAL + "checkpoints:\n  - date: 2026-11-23\n    kpis:\n      - goal: g\n        actual: 5\n",
        [(10, 17, "checkpoints[0].kpis[0].actual")],
        GOAL + "checkpoints:\n  - date: 2026-11-22\n    kpis:\n      - goal: g\n        actual: 5\n"
        "  - date: 2026-11-23\n    kpis:\n      - goal: g\n",
    ),
    (
        "M112",
        "strategy:\n  initiatives:\n    - {id: i, title: T, new_customers_monthly: 1}\n",
        [(1, 1, "forecast")],
        "strategy:\n  initiatives:\n    - {id: i, title: T, new_customers_monthly: 1}\n"
        "forecast: {start: 2026-12}\neconomics: {average_check: 10, purchases_per_year: 2}\n",
    ),
    (
        # the forecast section is there, the economics are not: located at forecast
        "M112",
        "strategy:\n  initiatives:\n    - {id: i, title: T, new_customers_monthly: 1}\nforecast:\n  start: 2026-12\n",
        [(8, 3, "forecast")],
        "strategy:\n  initiatives:\n    - {id: i, title: T}\nforecast:\n  start: 2026-12\n"
        "economics: {average_check: 10, purchases_per_year: 2}\n",
    ),
    (
        "M113",
        "audit:\n  components:\n    sales: {crm: partial}\n  practices:\n    crm: done\n    automation: done\n"
        "    evaluation: done\nautomation:\n  - {process: P, hours_per_month: 2, status: planned}\n",
        [(8, 10, "audit.practices.crm"), (9, 17, "audit.practices.automation"), (10, 17, "audit.practices.evaluation")],
        "audit:\n  components:\n    sales: {crm: done}\n  practices:\n    crm: done\n    automation: done\n"
        "    evaluation: done\nautomation:\n  - {process: P, hours_per_month: 2, status: automated}\n"
        "economics: {nps: {promoters: 1}}\n",
    ),
    (
        # 10 slots due (Nov 12–21), 4 done: 40 % < 50 %
        "M113",
        "audit:\n  practices:\n    regularity: done\ncontent:\n  start: 2026-11-12\n  end: 2026-11-30\n"
        "  backlog: [{title: A}, {title: B}, {title: C}, {title: D}, {title: E}, {title: F}, {title: G},"
        " {title: H}, {title: I}]\n  published:\n"
        + "".join(f"    - {{date: 2026-11-{d}, title: Post {d}}}\n" for d in (12, 13, 14, 15)),
        [(6, 17, "audit.practices.regularity")],
        "audit:\n  practices:\n    regularity: done\ncontent:\n  start: 2026-11-12\n  end: 2026-11-30\n"
        "  backlog: [{title: A}, {title: B}, {title: C}, {title: D}, {title: E}, {title: F}, {title: G},"
        " {title: H}, {title: I}]\n  published:\n"
        + "".join(f"    - {{date: 2026-11-{d}, title: Post {d}}}\n" for d in (12, 13, 14, 15, 16)),
    ),
    (
        "M114",
        "content:\n  start: 2026-11-22\n  end: 2026-11-24\n",
        [(5, 3, "content"), (5, 3, "content")],  # research days; no new article in 3 slots
        "content:\n  start: 2026-11-22\n  end: 2026-11-22\n  backlog: [{title: One idea}]\n",
    ),
    (
        "M115",
        "audit:\n  components:\n    custom:\n      - {family: it, id: portal, name: Portal, status: partial,"
        " priority: low}\n",
        [(7, 9, "audit.components.custom[0]")],
        "audit:\n  components:\n    custom:\n      - {family: it, id: portal, name: Portal, status: partial,"
        " priority: low, recommendation: Finish it}\n",
    ),
    (
        "M116",
        "audit:\n  practices:\n    regularity: {status: partial}\n",
        [(6, 17, "audit.practices.regularity")],
        "audit:\n  practices:\n    regularity: n/a\n",
    ),
    (
        # cap 1 000 a month: January costs 1 500 (budget 1 000 + one-off 500), March 1 200 (two
        # initiatives); February's 1 000 is not over the cap
        "M121",
        "strategy:\n  budget_monthly: 1000\n  initiatives:\n    - {id: a, title: A, budget_monthly: 1000}\n"
        "    - {id: b, title: B, budget_monthly: 200}\n"
        "roadmap:\n  - {initiative: a, start: 2027-01-01, end: 2027-03-31, cost: 500}\n"
        "  - {initiative: b, start: 2027-03-01, end: 2027-03-31}\n"
        "forecast: {start: 2027-01, months: 3}\n",
        [(5, 19, "strategy.budget_monthly"), (5, 19, "strategy.budget_monthly")],
        "strategy:\n  budget_monthly: 1500\n  initiatives:\n    - {id: a, title: A, budget_monthly: 1000}\n"
        "    - {id: b, title: B, budget_monthly: 200}\n"
        "roadmap:\n  - {initiative: a, start: 2027-01-01, end: 2027-03-31, cost: 500}\n"
        "  - {initiative: b, start: 2027-03-01, end: 2027-03-31}\n"
        "forecast: {start: 2027-01, months: 3}\n",
    ),
    (
        # no regularity recorded at all: line 1
        "M116",
        "goals: []\n",
        [(1, 1, "")],
        "content:\n  start: 2026-11-22\n  end: 2026-11-22\n  backlog: [{title: One idea}]\n",
    ),
]


@pytest.mark.parametrize(
    ("code", "breaks", "expected", "keeps"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_rule_warns_at_the_node_and_only_when_broken(
    tmp_path: Path, code: str, breaks: str, expected: list[tuple[int, int, str]], keeps: str
) -> None:
    assert where(lint(tmp_path, breaks), code) == expected
    assert where(lint(tmp_path, keeps), code) == []


def test_every_code_has_a_case() -> None:
    assert sorted({c[0] for c in CASES}) == [*(f"M{n}" for n in range(101, 117)), "M121"]


def test_m111_and_m114_depend_on_today(tmp_path: Path) -> None:
    body = GOAL + "checkpoints:\n  - date: 2026-11-23\n    kpis:\n      - goal: g\n        actual: 5\n"
    assert where(lint(tmp_path, body, date(2026, 11, 22)), "M111")
    assert not where(lint(tmp_path, body, date(2026, 11, 23)), "M111")
    content = "content:\n  start: 2026-11-22\n  end: 2026-11-24\n"
    assert where(lint(tmp_path, content, date(2026, 11, 22)), "M114")
    assert not where(lint(tmp_path, content, date(2026, 11, 25)), "M114")  # nothing left to write


def test_lint_ignore_silences_only_the_codes_listed(tmp_path: Path) -> None:
    body = "goals:\n  - id: g\n    title: G\nlint:\n  ignore: [M102]\n"
    warnings = lint(tmp_path, body)
    assert not where(warnings, "M102")
    assert where(warnings, "M101") == [(5, 5, "goals[0]")]


def test_warnings_come_in_file_order(tmp_path: Path) -> None:
    warnings = lint(tmp_path, "goals:\n  - {id: a, title: A}\n  - {id: b, title: B}\n")
    assert [(w.line, w.code) for w in warnings] == [(1, "M116"), (5, "M101"), (5, "M102"), (6, "M101"), (6, "M102")]


def test_m112_names_the_missing_keys_of_each_customer_group(tmp_path: Path) -> None:
    body = (
        "segments:\n  - {id: s, name: S, share: 50%, economics: {average_check: 10}}\n"
        "  - {id: t, name: T, share: 50%}\n"
        "strategy:\n  initiatives:\n    - {id: a, title: A, segments: [s, t], new_customers_monthly: 2}\n"
        "    - {id: b, title: B, budget_monthly: 5}\n"
        "forecast: {start: 2026-12}\neconomics: {average_check: 20}\n"
    )
    (warning,) = [w for w in lint(tmp_path, body) if w.code == "M112"]
    # s has its own check but no purchases (neither its own nor the plan's); t falls back to the plan's
    # economics, which lack purchases too; b brings no customers, so it uses no group
    assert warning.values == {"missing": "segments[0].economics.purchases_per_year, economics.purchases_per_year"}


def test_m121_names_each_month_over_the_cap_with_its_cost(tmp_path: Path) -> None:
    # tyre fitting in April and October–November at 20 000 a month against a cap of 15 000;
    # the one-off 5 000 in January stays under it
    body = (
        "strategy:\n  budget_monthly: 15000\n  initiatives:\n    - {id: t, title: T, budget_monthly: 20000}\n"
        "roadmap:\n  - {initiative: t, start: 2027-01-01, end: 2027-12-31, cost: 5000, months: [4, 10, 11]}\n"
        "forecast: {start: 2027-01, months: 12}\n"
    )
    found = [w.values for w in lint(tmp_path, body) if w.code == "M121"]
    assert found == [{"month": f"2027-{m:02d}-01", "cost": "20000", "cap": "15000"} for m in (4, 10, 11)]
    (april, *_) = [w for w in lint(tmp_path, body) if w.code == "M121"]
    assert lint_message(april, "en").startswith("the planned cost of April 2027 (20,000) exceeds")
    assert "на апрель 2027 (20\xa0000) превышают месячный бюджет клиента (15\xa0000)" in lint_message(april, "ru")


def test_m111_warns_at_an_initiative_month_not_yet_begun(tmp_path: Path) -> None:
    # line 4 strategy, 5 initiatives, 6 "- id: i", 7 title, 8 actuals, 9 the first item, 10 the second
    body = (
        "strategy:\n  initiatives:\n    - id: i\n      title: T\n      actuals:\n"
        "        - {month: 2026-11, spend: 1}\n        - {month: 2026-12, spend: 1}\n"
    )
    warnings = lint(tmp_path, body, date(2026, 11, 30))
    assert where(warnings, "M111") == [(10, 19, "strategy.initiatives[0].actuals[1].month")]
    assert [w.label for w in warnings if w.code == "M111"] == ["lint.M111.month"]
    from generator.present.lint import lint_message

    (m111,) = [w for w in warnings if w.code == "M111"]
    assert (
        lint_message(m111, "en")
        == "an actual is recorded for December 2026, a month not yet begun; it is shown and counted nowhere"
    )
    assert not where(lint(tmp_path, body, date(2026, 12, 1)), "M111")  # December has begun
