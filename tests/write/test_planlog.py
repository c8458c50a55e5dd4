"""`playbook log` as consultants run it: at the same moment from several terminals, through a
symlinked plan, on a plan with its own permissions. Real processes, real files."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

from generator.load.loader import load_plan
from tests.cli.test_cli import PLAYBOOK
from tests.conftest import PLANS

RUNS = 6


def log_process(plan: Path, title: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [PLAYBOOK, "log", str(plan), "--title", title, "--date", "2026-12-01"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_six_concurrent_logs_keep_six_entries(tmp_path: Path) -> None:
    plan = tmp_path / "kolosok.yaml"
    plan.write_bytes((PLANS / "kolosok.yaml").read_bytes())
    before = len(load_plan(plan).plan.content.published)  # type: ignore[union-attr]
    titles = [f"Статья номер {n}" for n in range(RUNS)]
    processes = [log_process(plan, title) for title in titles]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    published = load_plan(plan).plan.content.published  # type: ignore[union-attr]
    assert len(published) == before + RUNS
    assert sorted(p.title for p in published[before:]) == sorted(titles)


def test_log_through_a_symlink_edits_the_real_plan_and_keeps_link_and_mode(tmp_path: Path) -> None:
    real = tmp_path / "clients" / "kolosok.yaml"
    real.parent.mkdir()
    real.write_bytes((PLANS / "kolosok.yaml").read_bytes())
    real.chmod(0o640)
    plans = tmp_path / "plans"
    plans.mkdir()
    link = plans / "kolosok.yaml"
    link.symlink_to(os.path.relpath(real, plans))
    process = log_process(link, "Через ссылку")
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert "Через ссылку" in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in real.parent.iterdir() if not p.name.endswith(".lock")) == ["kolosok.yaml"]
