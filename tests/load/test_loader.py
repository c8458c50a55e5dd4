"""The loader: every bad plan gives located errors, all at once; valid plans load as typed."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generator.errors import PlanValidationError, UserError
from generator.load.loader import load_plan, load_text
from tests.conftest import ROOT, TESTDATA

BAD = TESTDATA / "loader" / "bad"
CASES = sorted(p.stem for p in BAD.glob("*.yaml"))


@pytest.mark.parametrize("case", CASES)
def test_bad_plan_reports_every_error_at_its_line(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    expected = (BAD / f"{case}.errors").read_text(encoding="utf-8").splitlines()
    with pytest.raises(PlanValidationError) as info:
        load_plan(f"{case}.yaml")
    assert [str(e) for e in info.value.errors] == expected


def test_bad_corpus_is_not_empty() -> None:
    assert len(CASES) >= 12


@pytest.mark.parametrize("case", ["references", "choices", "shapes"])
def test_cli_prints_all_errors_exit_1_no_traceback(case: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", f"{case}.yaml"],
        cwd=BAD,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert result.returncode == 1
    expected = (BAD / f"{case}.errors").read_text(encoding="utf-8").splitlines()
    lines = result.stderr.splitlines()
    assert lines[: len(expected)] == expected
    assert lines[-1] == f"{len(expected)} problems in 1 file"
    assert "Traceback" not in result.stderr + result.stdout


def test_yaml_11_surprises_stay_text() -> None:
    plan = load_text(
        "business:\n  name: 1.10\n  region: NO\n  industry: 0701234567\n  consultant: yes\n"
        "goals:\n  - {id: on, title: off}\n"
    )
    assert plan.business.name == "1.10"
    assert plan.business.region == "NO"
    assert plan.business.industry == "0701234567"
    assert plan.business.consultant == "yes"
    assert (plan.goals[0].id, plan.goals[0].title) == ("on", "off")


def test_numbers_shares_and_dates_are_parsed() -> None:
    plan = load_text(
        "business: {name: X}\n"
        "goals:\n  - {id: g, title: G, baseline: 20%, target: 0.35, deadline: 2027-06-30}\n"
        "segments:\n  - {id: s, name: S, share: 60%}\n"
        "economics: {average_check: 50, purchases_per_year: 365, lifetime_years: 10, gross_margin: 40%}\n"
        "forecast: {start: 2026-12}\n"
    )
    assert plan.goals[0].baseline == pytest.approx(0.20)
    assert plan.goals[0].target == pytest.approx(0.35)
    assert plan.goals[0].deadline is not None and plan.goals[0].deadline.isoformat() == "2027-06-30"
    assert plan.segments[0].share == pytest.approx(0.6)
    assert plan.economics is not None and plan.economics.gross_margin == pytest.approx(0.4)
    assert plan.forecast is not None and plan.forecast.start is not None
    assert plan.forecast.start.isoformat() == "2026-12-01"
    assert plan.forecast.months == 12
    assert plan.forecast.scenarios == {"pessimistic": 0.5, "base": 1.0, "optimistic": 1.5}


def test_only_a_name_is_a_valid_plan() -> None:
    plan = load_text("business:\n  name: Только имя\n")
    assert plan.business.language == "ru" and plan.business.currency == "RUB"
    assert plan.goals == [] and plan.audit is None and plan.content is None


def test_a_list_key_with_nothing_after_it_is_an_empty_list() -> None:
    plan = load_text("business:\n  name: X\ngoals:\ncontent:\n  start: 2026-01-05\n  published:\n  backlog: []\n")
    assert plan.goals == []
    assert plan.content is not None and plan.content.published == [] and plan.content.backlog == []
    with pytest.raises(PlanValidationError) as caught:  # a scalar where a list belongs is still wrong
        load_text("business:\n  name: X\ngoals: sales\n")
    assert [(e.line, e.path) for e in caught.value.errors] == [(3, "goals")]


def test_bare_status_is_shorthand_for_an_assessment() -> None:
    plan = load_text("business: {name: X}\naudit:\n  components:\n    online: {seo: absent, email: n/a}\n")
    assert plan.audit is not None and plan.audit.components is not None
    tools = plan.audit.components.assessments("online")
    assert {k: v.status for k, v in tools.items()} == {"seo": "absent", "email": "n/a"}
    assert tools["seo"].weight == 1


def test_comma_inside_an_unquoted_flow_value_starts_a_key_as_in_any_yaml_tool() -> None:
    """`{finding: Set up, goals}` is a finding 'Set up' and a key 'goals', as standard YAML reads it."""
    with pytest.raises(PlanValidationError) as info:
        load_text(
            "business: {name: X}\naudit:\n  components:\n    analytics:\n"
            "      web_analytics: {status: partial, finding: Set up, goals not set}\n"
        )
    (error,) = info.value.errors
    assert (error.line, error.col) == (5, 57)
    assert error.message.startswith("unknown key 'goals not set' — a comma inside {…} starts a new key")
    plan = load_text(
        "business: {name: X}\naudit:\n  components:\n    analytics:\n"
        "      web_analytics: {status: partial, finding: 'Set up, goals not set'}\n"
    )
    assert plan.audit is not None and plan.audit.components is not None
    assert plan.audit.components.assessments("analytics")["web_analytics"].finding == "Set up, goals not set"


def test_shared_example_plan_loads_unchanged() -> None:
    """The contract's own example, byte for byte, is a valid plan."""
    original = TESTDATA / "loader" / "kolosok-original.yaml"
    loaded = load_plan(original.with_name("kolosok-original.yaml"))
    assert loaded.plan.business.name == "Пекарня «Колосок»"
    assert len(loaded.plan.goals) == 3 and loaded.plan.goals[2].direction == "down"


def test_cadence_list_is_kept_in_week_order() -> None:
    plan = load_text("business: {name: X}\ncontent: {start: 2026-12-01, cadence: [fri, mon, wed, mon]}\n")
    assert plan.content is not None and plan.content.cadence == ["mon", "wed", "fri"]


def test_previous_plan_is_loaded_from_the_plans_folder(tmp_path: Path) -> None:
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "new-2025.yaml").write_text("business: {name: Old}\n", encoding="utf-8")
    (tmp_path / "new.yaml").write_text("business: {name: New}\naudit: {previous: archive/new-2025.yaml}\n", "utf-8")
    loaded = load_plan(tmp_path / "new.yaml")
    assert loaded.previous is not None and loaded.previous.plan.business.name == "Old"


def test_previous_plan_of_the_same_business_may_have_any_name(tmp_path: Path) -> None:
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "audit-2024.yaml").write_text("business: {name: 'Acme  Ltd'}\n", encoding="utf-8")
    (tmp_path / "acme.yaml").write_text(
        "business: {name: acme ltd}\naudit: {previous: archive/audit-2024.yaml}\n", encoding="utf-8"
    )
    loaded = load_plan(tmp_path / "acme.yaml")
    assert loaded.previous is not None and loaded.previous.slug == "audit-2024"


def test_previous_plan_of_another_client_is_an_error(tmp_path: Path) -> None:
    """`previous: kolosok.yaml` in another client's plan would show that client's audit in this one."""
    (tmp_path / "kolosok.yaml").write_text("business: {name: Колосок}\n", encoding="utf-8")
    (tmp_path / "kolos.yaml").write_text("business: {name: Kolos}\naudit:\n  previous: kolosok.yaml\n", "utf-8")
    with pytest.raises(PlanValidationError) as info:
        load_plan(tmp_path / "kolos.yaml")
    (error,) = info.value.errors
    assert (error.line, error.col, error.path) == (3, 13, "audit.previous")
    assert error.message.startswith("'kolosok.yaml' is the plan of another client ('Колосок')")


def test_previous_plan_missing_or_self_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("business: {name: A}\naudit:\n  previous: gone.yaml\n", encoding="utf-8")
    with pytest.raises(PlanValidationError) as info:
        load_plan(tmp_path / "a.yaml")
    (error,) = info.value.errors
    assert (error.line, error.col, error.path) == (3, 13, "audit.previous")
    assert "'gone.yaml' does not exist" in error.message
    (tmp_path / "b.yaml").write_text("business: {name: B}\naudit: {previous: b.yaml}\n", encoding="utf-8")
    with pytest.raises(PlanValidationError, match="not this file"):
        load_plan(tmp_path / "b.yaml")


def test_previous_plan_errors_are_reported_in_its_own_file(tmp_path: Path) -> None:
    (tmp_path / "new-old.yaml").write_text("business: {nam: Old}\n", encoding="utf-8")
    (tmp_path / "new.yaml").write_text("business: {name: New}\naudit: {previous: new-old.yaml}\n", encoding="utf-8")
    with pytest.raises(PlanValidationError) as info:
        load_plan(tmp_path / "new.yaml")
    assert all(e.file.endswith("old.yaml") for e in info.value.errors)
    assert any("did you mean 'name'" in e.message for e in info.value.errors)


def test_file_too_large_fails_fast(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("business: {name: X}\n" + "# padding\n" * 120_000, encoding="utf-8")
    with pytest.raises(PlanValidationError, match="a plan may be at most 1048576 bytes"):
        load_plan(path)


def test_deep_nesting_is_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("business: {name: X}\nx: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")
    with pytest.raises(PlanValidationError) as info:
        load_plan(path)
    (error,) = info.value.errors
    # the 33rd level opens at the 32nd '[' (the root mapping is the first level): column 4 + 31
    assert (error.line, error.col) == (2, 35) and error.message == "nesting is deeper than 32 levels"


def test_missing_file_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such file"):
        load_plan(tmp_path / "nope.yaml")


def test_an_actuals_month_not_yet_begun_loads() -> None:
    text = """business: {name: X}
strategy:
  initiatives:
    - {id: a, title: A, actuals: [{month: 2026-01, spend: 1}, {month: 2026-02, spend: 2}]}
"""
    # on 31 January 2026 February has not begun: a method warning (M111, tests/compute/test_lint.py)
    # and left out of every figure (tests/compute/test_reforecast.py), not an error
    plan = load_text(text, today=date(2026, 1, 31))
    assert plan.strategy is not None and len(plan.strategy.initiatives[0].actuals) == 2
