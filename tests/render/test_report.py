"""`playbook report`: the JSON interface and the terminal tables, through the real console script."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest

from generator.compute.figures import compute_figures
from generator.load.loader import load_plan
from generator.render.report import figures_to_json
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
    assert forecast["start"] == "2026-12" and forecast["months"] == 12
    assert list(forecast["scenarios"]) == ["pessimistic", "base", "optimistic"]
    base = forecast["scenarios"]["base"]
    per = 50 * 365 / 12 * 0.4
    # cost 5 000 + 15 000 + 47 500 + 9 × 17 500 = 225 000; profit Σ customers 2 230 × 608.33
    assert base["cost"] == 225_000
    assert base["profit"] == pytest.approx(2_230 * per)
    assert base["roi"] == pytest.approx((2_230 * per - 225_000) / 225_000)
    assert base["payback_month"] == 1
    assert len(base["months"]) == 12
    first = base["months"][0]
    assert (first["month"], first["cost"], first["new_customers"], first["customers"]) == ("2026-12", 5_000, 30, 30)
    assert first["profit"] == pytest.approx(18_250)


def test_json_checkpoints_automation_calendar(kolosok_json: dict[str, Any]) -> None:
    checkpoints = kolosok_json["checkpoints"]
    assert [c["date"] for c in checkpoints] == ["2027-03-01", "2027-06-30"]
    # 24 % < 25 % → behind; 22 ≥ 20 → met; targets and actuals as fractions
    assert [(k["goal"], k["target"], k["actual"], k["status"]) for k in checkpoints[0]["kpis"]] == [
        ("repeat", 0.25, 0.24, "behind"),
        ("cake-orders", 20, 22, "met"),
    ]
    assert [(k["goal"], k["status"]) for k in kolosok_json["corrections"]] == [("repeat", "behind")]
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
    assert {d["kind"] for d in calendar["days"]} <= {"new", "refresh", "research", "done", "missed"}


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
