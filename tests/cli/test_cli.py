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
    result = run("check", "plans")
    assert result.returncode == 0, result.stderr
    assert "plans/kolosok.yaml: ok — Пекарня «Колосок» — 8 of 8 steps filled" in result.stdout
    (tmp_path / "bare.yaml").write_text("business:\n  name: Bare\n", encoding="utf-8")
    bare = run("check", str(tmp_path / "bare.yaml"))
    assert bare.returncode == 0
    assert "0 of 8 steps filled" in bare.stdout
    assert "· 2. Goals that serve business goals  (empty)" in bare.stdout


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
