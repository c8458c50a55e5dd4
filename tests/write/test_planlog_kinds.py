"""`playbook log --idea/--kind`: the entry records the idea and the kind of work, and the calendar
reads it (a covered idea is not planned again; research and repurpose days keep the streak)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.cli import main
from generator.compute.ideas import idea_id
from generator.compute.schedule import compute_plan_calendar
from generator.load.loader import load_plan

PLAN = """\
business: {name: Shop, language: en}
segments:
  - {id: s, name: Locals, needs: [fresh bread, warm rolls], places: [{name: Chat, kind: messenger}]}
content:
  start: 2027-01-04
  end: 2027-01-10
  backlog:
    - {title: Our rye loaf, segment: s}
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "shop.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_idea_and_kind_are_recorded_and_read(plan: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    need = idea_id("need", "s", None, "fresh bread")
    code = main(["log", str(plan), "--title", "Bread at seven", "--idea", need, "--date", "2027-01-04"])
    assert code == 0
    assert "logged 2027-01-04 — New article: Bread at seven; streak 1" in capsys.readouterr().out
    code = main(["log", str(plan), "--title", "Looked for topics", "--kind", "research", "--date", "2027-01-05"])
    assert code == 0
    assert "Research day: Looked for topics; streak 2" in capsys.readouterr().out
    text = plan.read_text(encoding="utf-8")
    assert f"- {{date: 2027-01-04, title: Bread at seven, kind: new, idea: {need}}}" in text
    assert "- {date: 2027-01-05, title: Looked for topics, kind: research}" in text

    loaded = load_plan(plan).plan
    cal = compute_plan_calendar(loaded, date(2027, 1, 6))
    assert cal is not None
    # Both days are done (a research day keeps the streak); the need is written (by its id):
    # today's task is the backlog, then the other need; "Bread at seven" is an article.
    assert [s.kind for s in cal.days[:2]] == ["done", "done"]
    assert cal.current_streak == 2
    assert (cal.days[0].source, cal.days[0].idea) == ("need", need)
    assert [s.title for s in cal.days[2:4]] == ["Our rye loaf", "Need warm rolls? Here is how we arrange it"]
    assert "Need fresh bread? Here is how we arrange it" not in {s.title for s in cal.days}
    # the research entry is no article: never refreshed nor turned into a post
    assert "Looked for topics" not in {s.title for s in cal.days if s.kind in ("refresh", "repurpose")}
    assert "Bread at seven" in {s.title for s in cal.days if s.kind == "repurpose"}


def test_refresh_flag_still_works_and_contradictions_are_refused(plan: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["log", str(plan), "--title", "Our rye loaf", "--refresh", "--date", "2027-01-04"]) == 0
    last = load_plan(plan).plan.content.published[-1]  # type: ignore[union-attr]
    assert (last.kind, last.idea) == ("refresh", None)
    before = plan.read_bytes()
    assert main(["log", str(plan), "--title", "X", "--refresh", "--kind", "repurpose", "--date", "2027-01-05"]) == 2
    assert "--refresh and --kind repurpose contradict" in capsys.readouterr().err
    assert main(["log", str(plan), "--title", "X", "--idea", "  ", "--date", "2027-01-05"]) == 2
    assert plan.read_bytes() == before  # nothing written
    assert main(["log", str(plan), "--title", "A post", "--kind", "repurpose", "--date", "2027-01-05"]) == 0
    assert load_plan(plan).plan.content.published[-1].kind == "repurpose"  # type: ignore[union-attr]
