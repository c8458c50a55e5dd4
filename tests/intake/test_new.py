"""`playbook new --preset ID --defaults` and `--answers FILE`, through the console script's entry:
for every preset both plans pass check and, in one combined build, give a site, a PDF and a calendar."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from generator.cli import main
from generator.load.loader import load_plan
from generator.presets import known_presets
from tests.conftest import ROOT, run_build

TODAY = date(2026, 12, 7)
PRESETS = sorted(known_presets())


def answers_text(preset_id: str, language: str) -> str:
    """A meeting's answers that override some of the preset's figures and add a segment of their own."""
    return f"""\
preset: {preset_id}
language: {language}
business:
  name: Answers {preset_id}
  region: Kazan
  currency: {"RUB" if language == "ru" else "USD"}
segments:
  - name: Walk-in customers
    share: 30%
    average_check: 1234
    purchases_per_year: 4
    lifetime_years: 2
    gross_margin: 40%
    places: District chat (messenger); Maps (maps)
    demand: "first query = 880; second query"
    needs: "speed: the same day; fair price"
    pains: queues
audit:
  online.seo: partly
  online.seo.finding: "The site is not indexed: no sitemap"
  sales.crm: no
  regularity: no
budget:
  budget_monthly: 900000
  start: 2027-01
initiatives:
  - title: Walk-in campaign
    component: online.ads
    segments: walk-in-customers
    budget_monthly: 5000
    new_customers_monthly: 7
    cost: 10000
    start: 2027-01-01
    end: 2027-12-31
    months: 4, 10, 11
checkpoints:
  - date: 2027-06-30
publish:
  visibility: unlisted
"""


def new(*argv: str) -> int:
    return main(["new", *argv, "--today", TODAY.isoformat()])


def test_answers_give_the_plan_their_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(answers_text("auto-service", "en"), encoding="utf-8")
    assert new("garage", "--answers", str(answers), "--dir", str(tmp_path / "plans")) == 0
    out = capsys.readouterr().out
    assert "wrote" in out and "ok — Answers auto-service" in out
    plan = load_plan(tmp_path / "plans" / "garage.yaml", today=TODAY).plan
    (segment,) = plan.segments  # the answers' segments replace the preset's
    assert (segment.id, segment.share, segment.needs) == (
        "walk-in-customers",
        0.3,
        ["speed: the same day", "fair price"],
    )
    economics = segment.economics
    assert economics is not None and (economics.average_check, economics.purchases_per_year) == (1234, 4)
    assert [(d.query, d.monthly_volume) for d in segment.demand] == [("first query", 880), ("second query", None)]
    assert [(p.name, p.kind) for p in segment.places] == [("District chat", "messenger"), ("Maps", "maps")]
    assert plan.strategy is not None and plan.strategy.budget_monthly == 900_000
    (initiative,) = plan.strategy.initiatives
    assert (initiative.segments, initiative.budget_monthly, initiative.new_customers_monthly) == (
        ["walk-in-customers"],
        5000,
        7,
    )
    (entry,) = plan.roadmap
    assert (entry.months, entry.cost, entry.start) == ([4, 10, 11], 10000, date(2027, 1, 1))
    assert plan.audit is not None and plan.audit.components is not None
    online, sales = plan.audit.components.online, plan.audit.components.sales
    assert online is not None and sales is not None
    seo = online.seo
    assert seo is not None
    assert seo.status == "partial" and seo.finding == "The site is not indexed: no sitemap"
    assert seo.priority == "high"  # SEO matters for an auto service
    assert sales.crm is not None and sales.crm.status == "absent"
    # what the answers leave out comes from the preset, marked assumed: the goals
    assert [g.id for g in plan.goals] == ["bookings", "return-rate"]
    text = (tmp_path / "plans" / "garage.yaml").read_text(encoding="utf-8")
    assert "baseline: 40  # assumed" in text and "{" not in text


def test_new_never_overwrites_and_needs_a_way_to_answer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plans = tmp_path / "plans"
    assert new("bakery", "--preset", "bakery", "--defaults", "--dir", str(plans)) == 0
    before = (plans / "bakery.yaml").read_bytes()
    assert new("bakery", "--preset", "bakery", "--defaults", "--dir", str(plans)) == 2
    assert (plans / "bakery.yaml").read_bytes() == before
    assert new("other", "--preset", "bakery", "--dir", str(plans)) == 2
    assert new("other", "--preset", "bakeri", "--defaults", "--dir", str(plans)) == 2
    assert "did you mean 'bakery'" in capsys.readouterr().err
    assert not (plans / "other.yaml").exists()


def test_an_unknown_answer_key_is_located_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("preset: bakery\nbusiness:\n  nmae: X\n", encoding="utf-8")
    assert new("x", "--answers", str(answers), "--dir", str(tmp_path)) == 1
    err = capsys.readouterr().err
    assert "answers.yaml:3:3: business.nmae: 'nmae' is not a question of the meeting; did you mean 'name'?" in err
    assert not (tmp_path / "x.yaml").exists()


def test_every_preset_builds_a_site_pdf_and_calendar(tmp_path: Path) -> None:
    """One combined build (CPU): for each preset its --defaults plan and an --answers plan, in turn ru and en."""
    plans = tmp_path / "plans"
    for i, preset_id in enumerate(PRESETS):
        first, second = ("ru", "en") if i % 2 == 0 else ("en", "ru")
        assert (
            new(f"{preset_id}-defaults", "--preset", preset_id, "--defaults", "--language", first, "--dir", str(plans))
            == 0
        )
        answers = tmp_path / f"{preset_id}.yaml"
        answers.write_text(answers_text(preset_id, second), encoding="utf-8")
        assert new(f"{preset_id}-answers", "--answers", str(answers), "--dir", str(plans)) == 0
    site = tmp_path / "site"
    assert run_build(plans, [], site, TODAY, config_file=ROOT / "mkdocs.yml") == 0
    for preset_id in PRESETS:
        for kind in ("defaults", "answers"):
            folder = site / f"{preset_id}-{kind}"
            assert (folder / "index.html").is_file() and (folder / "forecast" / "index.html").is_file()
            assert (folder / "calendar.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
            text = subprocess.run(
                ["pdftotext", "-enc", "UTF-8", str(folder / "audit.pdf"), "-"], capture_output=True, check=True
            ).stdout.decode("utf-8")
            assert f"Answers {preset_id}" in text if kind == "answers" else text.strip()


def test_the_readmes_walkthrough_uses_real_options() -> None:
    """The README's first section is the consultant's path: each command in it parses."""
    import re
    import shlex

    from generator.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = readme.split("\n## ", 2)[1]
    assert first.startswith("From the first meeting to a built playbook")
    commands = re.findall(r"^\s*(playbook [^#\n]+?)\s*(?:#.*)?$", first, flags=re.M)
    commands += re.findall(r"`(playbook new [^`]+)`", first)
    assert any("--interview" in c for c in commands) and any(c.startswith("playbook intake") for c in commands)
    for command in commands:
        build_parser().parse_args(shlex.split(command)[1:])


def test_interview_answers_that_fail_check_are_kept_for_another_try(tmp_path: Path) -> None:
    from generator.errors import PlanValidationError
    from generator.intake.answers import Answers, read_answers
    from generator.intake.new import plan_from_answers

    given = Answers({"language": "en", "segments": [{"name": "A", "share": "150%"}]})
    with pytest.raises(PlanValidationError):
        plan_from_answers("bad", folder=tmp_path, today=TODAY, given=given)
    assert not (tmp_path / "bad.yaml").exists()
    kept = read_answers(tmp_path / "bad.answers.yaml")
    assert kept.data["segments"] == [{"name": "A", "share": "150%"}]


def test_a_consultants_preset_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.presets import ENV, FOLDER

    monkeypatch.setenv(ENV, "")  # --presets sets it for the run; restored after the test
    folder = tmp_path / "my-presets"
    folder.mkdir()
    text = (FOLDER / "bakery.yaml").read_text(encoding="utf-8").replace("id: bakery", "id: pizzeria")
    (folder / "pizzeria.yaml").write_text(text, encoding="utf-8")
    plans = tmp_path / "plans"
    assert new("napoli", "--preset", "pizzeria", "--defaults", "--dir", str(plans)) == 2  # not known yet
    assert new("napoli", "--preset", "pizzeria", "--defaults", "--presets", str(folder), "--dir", str(plans)) == 0
    assert load_plan(plans / "napoli.yaml", today=TODAY).plan.business.preset == "pizzeria"
