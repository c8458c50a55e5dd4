"""Answers: a file's shape checked with located errors; a preset's defaults; the merge that takes what
the answers leave out from the preset and records it as assumed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.errors import PlanValidationError
from generator.intake.answers import Answers, answers_for, merge, preset_answers, read_answers
from generator.presets import load_preset

TODAY = date(2026, 12, 7)


def test_preset_defaults_are_all_assumed_with_their_ranges() -> None:
    defaults = preset_answers(load_preset("auto-service", "en"), "en", TODAY)
    first = defaults.data["segments"][0]
    assert (first["id"], first["average_check"]) == ("private-owners", 250)
    assert ("segments", "private-owners", "average_check") in defaults.assumed
    assert defaults.ranges[("segments", "private-owners", "average_check")] == (120, 600)
    # the plan starts next month; the seasonal campaign keeps its months
    assert defaults.data["budget"]["start"] == date(2027, 1, 1)
    assert defaults.data["initiatives"][1]["months"] == [4, 10, 11]
    assert defaults.data["audit"]["it.dealer_sites"] == "not needed"


def test_merge_keeps_every_answer_and_assumes_only_what_is_left_out() -> None:
    defaults = preset_answers(load_preset("bakery", "ru"), "ru", TODAY)
    given = Answers({"segments": [{"id": "cakes", "average_check": "5000"}], "budget": {"budget_monthly": "45000"}})
    merged = merge(given, defaults)
    (cakes,) = merged.data["segments"]  # the given list replaces the preset's
    assert cakes["average_check"] == "5000" and ("segments", "cakes", "average_check") not in merged.assumed
    assert cakes["purchases_per_year"] == 2 and ("segments", "cakes", "purchases_per_year") in merged.assumed
    assert merged.data["budget"]["budget_monthly"] == "45000"
    assert ("budget", "", "budget_monthly") not in merged.assumed
    # a section the answers leave out is the preset's, assumed
    assert merged.data["goals"] == defaults.data["goals"]
    assert ("goals", "repeat", "baseline") in merged.assumed


def test_an_answers_file_is_checked_at_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("preset: bakery\nsegmets: []\ngoals:\n  - titel: X\naudit: [1]\n", encoding="utf-8")
    with pytest.raises(PlanValidationError) as info:
        read_answers(path)
    lines = [str(e) for e in info.value.errors]
    assert lines[0].startswith(
        f"{path}:2:1: segmets: 'segmets' is not a question of the meeting; did you mean 'segments'?"
    )
    assert lines[1].startswith(f"{path}:4:5: goals[0].titel: 'titel' is not a question") and "'title'" in lines[1]
    assert lines[2].startswith(f"{path}:5:8: audit: expected a mapping")


def test_json_answers_and_a_preset_clash(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text('{"preset": "clinic", "business": {"name": "Smile"}}', encoding="utf-8")
    answers = read_answers(path)
    assert answers.preset == "clinic" and answers.data["business"]["name"] == "Smile"
    with pytest.raises(PlanValidationError, match="preset 'clinic', the command 'bakery'"):
        answers_for(answers, "bakery", None, TODAY, str(path))
