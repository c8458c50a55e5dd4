"""The `playbook` command as a consultant runs it: the real console script, real files."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from generator.model import plan_json_schema
from tests.conftest import PLANS, ROOT

PLAYBOOK = shutil.which("playbook", path=str(ROOT / ".venv" / "bin")) or "playbook"
COMMANDS = ["check", "new", "schema", "report", "build", "pdf", "calendar", "today", "log"]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PLAYBOOK, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_help_lists_every_command_with_one_line() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert re.search(rf"^\s+{command}\s+\S", result.stdout, re.MULTILINE), command


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_its_own_help(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0 and f"playbook {command}" in result.stdout


def test_check_passes_on_the_shipped_plans_and_names_empty_steps(tmp_path: Path) -> None:
    result = run("check", "plans", "--today", "2026-11-22")
    assert result.returncode == 0, result.stderr
    # in the plan's language, with Russian number agreement
    assert "plans/kolosok.yaml: план в порядке — Пекарня «Колосок» — заполнено 8 шагов из 8" in result.stdout
    assert "  ✓ 6. Аудит электронного маркетинга" in result.stdout
    assert "plans/northwind.yaml: ok — Northwind Industrial Supply — 8 of 8 steps filled" in result.stdout
    # kolosok's 101 new articles of 345 slots are said once, by M114 with its line, in Russian words
    # with what to add (no bare "backlog"); `today`'s line of the same is left out
    both = result.stdout + result.stderr
    assert "warning M114" in result.stderr and "меньше половины" not in result.stdout
    assert "добавьте в план: поисковые запросы сегментов (segments[].demand)" in result.stderr
    assert "добавьте backlog" not in both
    (tmp_path / "bare.yaml").write_text("business:\n  name: Bare\n  language: en\n", encoding="utf-8")
    bare = run("check", str(tmp_path / "bare.yaml"))
    assert bare.returncode == 0
    assert "0 of 8 steps filled" in bare.stdout
    assert "· 2. Goals that serve business goals  (empty)" in bare.stdout
    (tmp_path / "one.yaml").write_text("business:\n  name: Б\ngoals: [{id: g, title: Г}]\n", encoding="utf-8")
    one = run("check", str(tmp_path / "one.yaml"))
    assert "заполнен 1 шаг из 8" in one.stdout and "  · 3. Сегменты, портреты, потребности  (не заполнен)" in one.stdout


def test_check_prints_warnings_after_errors_and_strict_fails_on_them(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("business:\n  nme: A\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "business:\n  name: B\n  language: en\ngoals:\n  - id: pt\n    title: T\ncontent: {start: 2026-11-22}\n"
        "checkpoints: [{date: 2027-01-01, kpis: [{goal: pt}]}]\n",
        encoding="utf-8",
    )
    result = run("check", "b.yaml", cwd=tmp_path)
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    assert lines[0] == "b.yaml:5:5: warning M102: goals[0]: goal 'pt' does not say which business goal it serves: "\
        "add business_goal"
    assert lines[-1] == f"{len(lines) - 1} warning{'s' if len(lines) > 2 else ''} in 1 file"
    strict = run("check", "--strict", "b.yaml", cwd=tmp_path)
    assert strict.returncode == 1 and strict.stderr == result.stderr
    both = run("check", "a.yaml", "b.yaml", cwd=tmp_path)
    assert both.returncode == 1
    out = both.stderr.splitlines()
    assert out[0].startswith("a.yaml:2:3: business.name:") and out[3].startswith("b.yaml:5:5: warning M102")
    (tmp_path / "b.yaml").write_text(
        (tmp_path / "b.yaml").read_text(encoding="utf-8") + "lint: {ignore: [M102, M114]}\n", encoding="utf-8"
    )
    quiet = run("check", "--strict", "--today", "2026-11-22", "b.yaml", cwd=tmp_path)
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_check_reports_every_file_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("business:\n  nme: A\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("business:\n  name: B\ngoals:\n  - id: X\n    title: t\n", encoding="utf-8")
    result = run("check", "a.yaml", "b.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "a.yaml:2:3: business.name: required field is missing; add 'name:'",
        "a.yaml:2:3: business.nme: unknown key 'nme' — did you mean 'name'?",
        "b.yaml:4:9: goals[0].id: 'X' is not a valid id; use lowercase letters, digits and '-', e.g. 'cake-orders'",
        "3 problems in 2 files",
    ]


def test_check_on_a_missing_path_is_a_user_error(tmp_path: Path) -> None:
    result = run("check", "nowhere.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "nowhere.yaml: no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_schema_on_stdout_matches_the_committed_file() -> None:
    result = run("schema")
    assert result.returncode == 0
    committed = json.loads((ROOT / "plan.schema.json").read_text(encoding="utf-8"))
    assert json.loads(result.stdout) == committed == plan_json_schema(), "plan.schema.json is stale: run `make schema`"
    jsonschema.Draft202012Validator.check_schema(committed)


def test_schema_rejects_what_the_loader_rejects() -> None:
    validator = jsonschema.Draft202012Validator(plan_json_schema())
    assert not list(validator.iter_errors({"business": {"name": "X"}}))
    assert list(validator.iter_errors({"business": {"name": "X", "langauge": "en"}}))
    assert list(
        validator.iter_errors({"business": {"name": "X"}, "segments": [{"id": "a", "name": "A", "share": 1.4}]})
    )
    shorthand = {"business": {"name": "X"}, "audit": {"components": {"online": {"seo": "absent"}}}}
    assert not list(validator.iter_errors(shorthand))


def test_every_shipped_plan_declares_the_schema() -> None:
    for plan in sorted(PLANS.rglob("*.yaml")):
        first = plan.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), plan
        target = (plan.parent / first.split("$schema=", 1)[1]).resolve()
        assert target == ROOT / "plan.schema.json", plan
