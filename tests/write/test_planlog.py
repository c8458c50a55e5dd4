"""`playbook log` as consultants run it: at the same moment from several terminals, through a
symlinked plan, on a plan with its own permissions. Real processes, real files."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

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


# issue 28: a plan with document markers (`---` at the start, `...` at the end) ---------------------

MARKED = """\
business: {name: Shop, language: en}
content:
  start: 2027-01-04
  published:
    - {date: 2027-01-04, title: First}
"""


MARKERS = [("", "...\n"), ("---\n", ""), ("---\n", "...\n"), ("---\n", "...\n# end\n")]


@pytest.mark.parametrize(("head", "tail"), MARKERS)
@pytest.mark.parametrize("published", [True, False])
def test_log_into_a_plan_with_document_markers(tmp_path: Path, head: str, tail: str, published: bool) -> None:
    from datetime import date

    from generator.load.loader import load_plan
    from generator.write.planlog import record_publication

    body = MARKED if published else MARKED.split("  published:")[0]
    path = tmp_path / "shop.yaml"
    path.write_text(head + body + tail, encoding="utf-8")
    plan = record_publication(path, "Second", None, date(2027, 1, 5))
    assert [p.title for p in plan.content.published][-1] == "Second"  # type: ignore[union-attr]
    written = path.read_text(encoding="utf-8")
    assert written.startswith(head + "business:") and written.endswith(tail)
    assert load_plan(path).plan == plan
