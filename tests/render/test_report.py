"""`playbook report`: the JSON interface and the terminal tables, through the real console script."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.compute.figures import compute_figures
from generator.load.loader import LoadedPlan, load_plan, load_text
from generator.render.report import figures_to_json, render_text
from tests.conftest import PLANS, ROOT, TODAY

PLAYBOOK = shutil.which("playbook", path=str(ROOT / ".venv" / "bin")) or "playbook"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PLAYBOOK, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def kolosok_json() -> dict[str, Any]:
    result = run("report", "plans/kolosok.yaml", "--json", "--today", "2026-11-22")
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_json_header_audit_and_economics(kolosok_json: dict[str, Any]) -> None:
    assert kolosok_json["slug"] == "kolosok" and kolosok_json["today"] == "2026-11-22"
    audit = kolosok_json["audit"]
    # worked in test_figures: 25, 12.5 → 13, 10, 12.5 → 13, 33.3 → 33; overall 94 / 5 = 18.8 → 19
    assert audit["families"] == {"online": 25, "mobile": 13, "sales": 10, "analytics": 13, "it": 33}
    assert audit["overall"] == 19 and audit["band"] == "poor"
    assert all(isinstance(score, int) for score in audit["families"].values())
    assert audit["date"] == "2026-11-20"
    economics = kolosok_json["economics"]
    # 50 × 365 × 10 = 182 500; × 0.4 = 73 000; / 450 = 162.2…; NPS 100 × (62 − 13) / 100 = 49
    assert economics["ltv"] == 182_500 and isinstance(economics["ltv"], int)
    assert economics["ltv_profit"] == pytest.approx(73_000)
    assert economics["ltv_cac"] == pytest.approx(73_000 / 450)
    assert economics["nps"] == 49
    assert economics["work"]["ltv"] == {"operator": "×", "operands": [50, 365, 10], "result": 182_500}
    # shares as fractions: 1 500 / 12 000 = 0.125, 300 / 1 500 = 0.2, 240 / 300 = 0.8
    assert economics["funnel"][0] == {
        "stage": "Показы в картах",
        "count": 12_000,
        "from_previous": None,
        "from_first": None,
    }
    assert [s["from_previous"] for s in economics["funnel"][1:]] == pytest.approx([0.125, 0.2, 0.8])
    assert [s["from_first"] for s in economics["funnel"][1:]] == pytest.approx([0.125, 0.025, 0.02])


def test_json_forecast(kolosok_json: dict[str, Any]) -> None:
    forecast = kolosok_json["forecast"]
    assert forecast["start"] == "2026-10" and forecast["months"] == 12 and forecast["computed"] is True
    assert list(forecast["scenarios"]) == ["pessimistic", "base", "optimistic"]
    base = forecast["scenarios"]["base"]
    # cost: vk 15 000 every month; maps' one-off 5 000 in month 3 (Dec); crm 2 500 from month 5 (Feb)
    # with its one-off 30 000 → 15 000 × 2 + 20 000 + 15 000 + 47 500 + 7 × 17 500 = 235 000
    assert base["cost"] == 235_000
    # neighbours: 150 × 100 / 12 × 0.4 = 500 a customer a month for 12 × 0.5 = 6 months;
    # new 20, 20, 50, then 20 a month → active 20, 40, 90, 110, 130, 150, 150, 150, 120, 120, 120, 120
    # → 500 × 1 320 = 660 000; cakes: 3 500 × 3 / 12 × 0.5 = 437.5 for 24 months,
    # 10 a month from month 5 → active 10 … 80, Σ 360 → 157 500; profit 817 500
    assert base["profit"] == pytest.approx(817_500)
    assert base["roi"] == pytest.approx((817_500 - 235_000) / 235_000)
    # cumulative profit 10 000 + 20 000 = 30 000 ≥ cost 30 000 in month 2
    assert base["payback_month"] == 2
    first = base["months"][0]
    assert (first["month"], first["cost"], first["new_customers"], first["customers"]) == ("2026-10", 15_000, 20, 20)
    assert first["profit"] == 10_000
    pessimistic = forecast["scenarios"]["pessimistic"]
    # half the customers: profit 408 750, ROI (408 750 − 235 000) / 235 000 = 0.739; cumulative profit
    # 5 000, 15 000, 37 500, 65 000 against cost 15 000, 30 000, 50 000, 65 000: payback in month 4
    assert pessimistic["profit"] == pytest.approx(408_750)
    assert pessimistic["roi"] == pytest.approx((408_750 - 235_000) / 235_000)
    assert pessimistic["payback_month"] == 4
    assert [(g["segment"], g["lifetime_months"], g["profit_per_customer_month"]) for g in forecast["groups"]] == [
        ("neighbours", 6, 500),
        ("celebrations", 24, 437.5),
    ]


def test_json_plan_vs_fact_and_roi_to_date(kolosok_json: dict[str, Any]) -> None:
    facts = kolosok_json["forecast"]["plan_vs_fact"]
    assert list(facts) == ["maps", "vk", "crm", "cake-page"]
    vk = facts["vk"]
    # planned 15 000 / 20 = 750; actual (15 000 + 15 000) / (8 + 11) = 1 578.95; ratio 40 / 19 = 2.105
    assert vk["planned_cac"] == 750
    assert vk["actual_cac"] == pytest.approx(30_000 / 19)
    assert vk["cac_ratio"] == pytest.approx(40 / 19)
    assert vk["months"] == [
        {"month": "2026-10", "planned_cost": 15_000, "planned_new": 20, "spend": 15_000, "new_customers": 8},
        {"month": "2026-11", "planned_cost": 15_000, "planned_new": 20, "spend": 15_000, "new_customers": 11},
    ]
    # maps has no budget: no planned CAC, nothing reported
    assert (facts["maps"]["planned_cac"], facts["maps"]["actual_cac"], facts["maps"]["months"]) == (None, None, [])
    roi = kolosok_json["forecast"]["roi_to_date"]
    # through November (month 2): cost 30 000; October's 8 neighbours × 500 × 2 months = 8 000,
    # November's 11 × 500 = 5 500 → 13 500; ROI (13 500 − 30 000) / 30 000 = −0.55
    assert (roi["through_month"], roi["cost"], roi["profit"]) == ("2026-11", 30_000, 13_500)
    assert roi["roi"] == pytest.approx(-0.55)
    # on 7 December 2026 no checkpoint has passed or been measured: nothing to correct yet
    assert kolosok_json["corrections"] == []
    segments = kolosok_json["economics"]["segments"]
    # neighbours 150 × 100 × 0.5 = 7 500, × 0.4 = 3 000; cakes 3 500 × 3 × 2 = 21 000, × 0.5 = 10 500
    assert [(s["id"], s["ltv"], s["ltv_profit"]) for s in segments] == [
        ("neighbours", 7_500, 3_000),
        ("celebrations", 21_000, 10_500),
    ]
    automation = kolosok_json["automation"]
    # 28 hours by hand × 400 = 11 200 a month; × 12 = 134 400 a year
    assert (automation["cost_monthly"], automation["cost_yearly"]) == (11_200, 134_400)


def test_json_checkpoints_automation_calendar(kolosok_json: dict[str, Any]) -> None:
    checkpoints = kolosok_json["checkpoints"]
    assert [c["date"] for c in checkpoints] == ["2027-03-01", "2027-06-30"]
    # the March checkpoint is ahead: nothing measured, pending; targets as fractions
    assert [(k["goal"], k["target"], k["actual"], k["status"]) for k in checkpoints[0]["kpis"]] == [
        ("repeat", 0.25, None, "pending"),
        ("cake-orders", 20, None, "pending"),
    ]
    assert kolosok_json["corrections"] == []
    automation = kolosok_json["automation"]
    # manual 10 + 6 = 16, planned 12: 28 hours a month by hand
    assert (automation["manual_hours"], automation["planned_hours"], automation["by_hand_hours"]) == (16, 12, 28)
    calendar = kolosok_json["calendar"]
    assert calendar is not None
    # before the calendar starts (2026-12-01): nothing due, no rate, every slot projected
    assert (calendar["done"], calendar["missed"], calendar["completion_rate"]) == (0, 0, None)
    assert calendar["projected"] == calendar["slots"] == len(calendar["days"])
    assert calendar["days"][0]["date"] == "2026-12-01"
    # the first backlog idea is the first slot's new article
    assert (calendar["days"][0]["kind"], calendar["days"][0]["title"]) == ("new", "Как выбрать свежий хлеб")
    assert {d["kind"] for d in calendar["days"]} <= {"new", "refresh", "repurpose", "research", "done", "missed"}
    # every day says where its task comes from: English codes, null where there is no idea
    first = calendar["days"][0]
    assert first["source"] == "backlog" and first["idea"].startswith("backlog-")
    assert calendar["days"][3]["source"] == "demand"  # 12-04: торт на заказ москва, 74 000 a month
    assert all(("source" in d and "idea" in d) for d in calendar["days"])
    for day in calendar["days"]:
        if day["kind"] in ("refresh", "repurpose", "research"):
            assert day["source"] is None and day["idea"] is None
        if day["kind"] == "new":
            assert day["source"] in {"backlog", "demand", "need", "pain", "competitor", "service", "angle", "occasion"}
    # a new slot's brief: intent, angle (its headline pattern), 3–5 outline points, the call to action
    cakes = calendar["days"][3]
    assert (cakes["intent"], cakes["angle"], cakes["cta"]) == ("торт на заказ · Москва, Бибирево", "howto", "order")
    assert cakes["outline"][0] == "Кому и когда нужен такой выбор: ситуация читателя" and len(cakes["outline"]) == 4
    assert all(3 <= len(d["outline"]) <= 5 for d in calendar["days"] if d["kind"] == "new" and d["source"] != "backlog")
    assert all(d["outline"] == [] and d["cta"] is None for d in calendar["days"] if d["kind"] == "refresh")
    # the real split of the slots still to write
    assert calendar["planned"] == {"new": 101, "refresh": 244, "repurpose": 0, "research": 0}


def test_json_is_plain_finite_json(kolosok_json: dict[str, Any]) -> None:
    def walk(node: Any) -> None:
        if isinstance(node, dict):
            assert all(isinstance(k, str) for k in node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, float):
            assert math.isfinite(node)
        else:
            assert node is None or isinstance(node, str | int | bool)

    walk(kolosok_json)


def test_json_golden_without_calendar(golden: Any) -> None:
    """The whole JSON for kolosok (the calendar has its own tests in test_schedule)."""
    data = figures_to_json(compute_figures(load_plan(PLANS / "kolosok.yaml"), TODAY))
    data.pop("calendar")
    golden("report/kolosok.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def test_minimal_plan_json_has_nulls(tmp_path: Path) -> None:
    (tmp_path / "bare.yaml").write_text("business: {name: Bare}\n", encoding="utf-8")
    result = run("report", str(tmp_path / "bare.yaml"), "--json", "--today", "2026-11-22")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["audit"] is None and data["economics"] is None and data["forecast"] is None
    assert data["calendar"] is None and data["automation"] is None
    assert data["checkpoints"] == [] and data["corrections"] == []


def test_text_report_through_the_cli_and_plan_errors(tmp_path: Path) -> None:
    result = run("report", "plans/kolosok.yaml", "--today", "2026-11-22")
    assert result.returncode == 0, result.stderr
    assert "Общая оценка" in result.stdout and "19" in result.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("business: {name: X}\neconomics: {average_check: lots}\n", encoding="utf-8")
    result = run("report", str(bad), "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "bad.yaml:2:" in result.stderr and "Traceback" not in result.stderr


def test_comparison_in_json(tmp_path: Path) -> None:
    (tmp_path / "old.yaml").write_text(
        "business: {name: T}\naudit: {components: {online: {seo: absent}}}\n", encoding="utf-8"
    )
    (tmp_path / "new.yaml").write_text(
        textwrap.dedent(
            """
            business: {name: T}
            audit: {previous: old.yaml, components: {online: {seo: partial}}}
            """
        ),
        encoding="utf-8",
    )
    result = run("report", str(tmp_path / "new.yaml"), "--json", "--today", "2026-11-22")
    assert result.returncode == 0, result.stderr
    comparison = json.loads(result.stdout)["audit"]["comparison"]
    # online: 0 → 100 × 0.5 / 1 = 50
    assert comparison["families"]["online"] == {"before": 0, "after": 50, "change": 50}
    assert comparison["overall"] == {"before": 0, "after": 50, "change": 50}
    text = run("report", str(tmp_path / "new.yaml"), "--today", "2026-11-22").stdout
    assert "+50" in text


def test_json_marks_each_tool_s_action_source_and_effective_priority(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(
        textwrap.dedent(
            """\
            business: {name: T, language: en}
            goals:
              - {id: g, title: G}
            audit:
              components:
                sales:
                  crm: {status: absent, weight: 2, recommendation: Bitrix24 this month}
                  callback: absent
                  online_chat: partial
              practices:
                crm: absent
            """
        ),
        encoding="utf-8",
    )
    result = run("report", str(plan), "--json", "--today", "2026-11-22")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    tools = {t["id"]: t for f in data["audit"]["family_details"] for t in f["tools"]}
    # sales mean weight (2 + 1 + 1) / 3 = 4/3: crm (2) high, callback (1) medium, online_chat partial → medium
    assert (tools["crm"]["priority"], tools["crm"]["recommendation_source"]) == ("high", "plan")
    assert tools["crm"]["recommendation"] == "Bitrix24 this month"
    assert (tools["callback"]["priority"], tools["callback"]["recommendation_source"]) == ("medium", "default")
    assert tools["callback"]["recommendation"] and tools["callback"]["why"] and tools["callback"]["typical_tools"]
    assert tools["online_chat"]["priority"] == "medium" and tools["online_chat"]["priority_source"] == "default"
    assert tools["seo"]["priority"] is None and tools["seo"]["recommendation_source"] is None  # not assessed
    assert data["audit"]["practices"]["crm"]["priority"] == "high"
    assert data["audit"]["issues"] == {"high": 2, "medium": 2, "low": 0}
    assert [(a["family"], a["id"]) for a in data["audit"]["actions"]] == [
        ("sales", "crm"),
        (None, "crm"),
        ("sales", "callback"),
        ("sales", "online_chat"),
    ]
    # goal g (line 3, col 5): measured by no checkpoint, serves no business goal; no calendar (line 1)
    assert [(w["code"], w["line"], w["col"], w["path"]) for w in data["lint"]] == [
        ("M116", 1, 1, ""),
        ("M101", 3, 5, "goals[0]"),
        ("M102", 3, 5, "goals[0]"),
        ("M107", 7, 12, "audit.components.sales.crm"),
    ]
    assert data["lint"][2]["message"] == "goal 'g' does not say which business goal it serves: add business_goal"

def test_text_report_plan_against_fact_and_agenda() -> None:
    text = render_text(compute_figures(load_plan(PLANS / "kolosok.yaml"), TODAY), width=200)
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    # vk: actual (15 000 + 15 000) / 19 against 15 000 / 20; cost 30 000, profit 13 500 through month 2
    assert "Фактический ROI на сегодня (октябрь 2026 – ноябрь 2026)" in text
    # the day after the March checkpoint, unmeasured: the initiatives serving its goal, worst ratio first
    later = render_text(compute_figures(load_plan(PLANS / "kolosok.yaml"), date(2027, 3, 2)), width=200)
    later = later.replace("\u00a0", " ").replace("\u202f", " ")
    agenda = later[later.index("1. Доля повторных покупок · 1 марта 2027 · не измерено") :]
    assert agenda.index("│ Ежедневные публикации в группе района") < agenda.index("│ Карточки в")
    assert "В месяц: 11 200 ₽ (28 × 400 = 11 200)" in text  # the hours by hand 12 + 10 + 6 = 28, 400 ₽ each


def test_json_forecast_not_computed_names_the_missing_keys() -> None:
    plan = load_text(
        """business: {name: Test}
segments: [{id: cakes, name: Cakes, economics: {purchases_per_year: 3}}]
strategy:
  initiatives:
    - {id: ads, title: Ads, segments: [cakes], budget_monthly: 100, new_customers_monthly: 2,
       actuals: [{month: 2026-10, spend: 150, new_customers: 1}]}
forecast: {start: 2026-10, months: 3}
""",
        today=TODAY,
    )
    data = figures_to_json(compute_figures(LoadedPlan(slug="t", path=Path("t.yaml"), plan=plan), TODAY))
    forecast = data["forecast"]
    assert (forecast["computed"], forecast["start"], forecast["scenarios"]) == (False, None, None)
    assert forecast["missing"] == [{"segment": "cakes", "key": "average_check"}]
    # plan against fact still: 150 / 1 against 100 / 2 = 50 → ratio 3; ROI to date without profit
    assert forecast["plan_vs_fact"]["ads"]["cac_ratio"] == 3
    roi = forecast["roi_to_date"]
    assert (roi["cost"], roi["profit"], roi["roi"]) == (150, None, None)
    assert roi["missing"] == [{"segment": "cakes", "key": "average_check"}]


