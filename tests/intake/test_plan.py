"""The plan the answers make: figures as answered, block style, ids from names, assumed marks,
references to left-out segments dropped and said so; checked before writing, never over a file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.errors import PlanValidationError, UserError
from generator.intake.answers import Answers, answers_for
from generator.intake.new import write_plan
from generator.intake.plan import plan_text, slugify
from generator.load.loader import load_text
from generator.presets import load_preset

TODAY = date(2026, 12, 7)


def test_ids_from_names_transliterate_russian() -> None:
    assert slugify("Владельцы личных авто", "x") == "vladeltsy-lichnyh-avto"
    assert slugify("Cake orders!", "x") == "cake-orders"
    assert slugify("—", "segment-1") == "segment-1"


def test_answers_without_a_preset_make_a_plan_of_exactly_the_answers() -> None:
    answers = Answers(
        {
            "language": "ru",
            "business": {"name": "Шиномонтаж «Колесо»", "currency": "RUB"},
            "goals": [{"title": "Записи онлайн", "business_goal": "Загрузка", "baseline": "10", "target": "30%"}],
            "segments": [{"name": "Водители", "needs": "скорость: машина нужна сегодня; честная цена"}],
            "initiatives": [
                {"title": "Реклама", "segments": "voditeli, nobody", "goals": "zapisi-onlain", "budget_monthly": "1500"}
            ],
            "budget": {"budget_monthly": "60000", "start": "2027-03"},
        }
    )
    text = plan_text(answers, "koleso", None, TODAY)
    plan = load_text(text, today=TODAY)
    assert plan.segments[0].needs == ["скорость: машина нужна сегодня", "честная цена"]  # the colon kept as text
    assert plan.goals[0].id == "zapisi-onlain" and plan.goals[0].target == 0.3
    assert plan.strategy is not None and plan.strategy.budget_monthly == 60000
    (initiative,) = plan.strategy.initiatives
    assert initiative.segments == ["voditeli"] and initiative.budget_monthly == 1500
    assert "nobody: нет в плане, убрано" in text  # an unknown segment is dropped, and said so
    assert plan.forecast is not None and plan.forecast.start == date(2027, 3, 1)
    assert "assumed" not in text.split("\n", 3)[3]  # nothing came from a preset
    assert "{" not in text


def test_preset_values_are_marked_assumed_with_the_typical_range() -> None:
    answers = answers_for(None, "auto-service", "en", TODAY, "answers")
    text = plan_text(answers, "garage", load_preset("auto-service", "en"), TODAY)
    assert "average_check: 250  # assumed — confirm with the client (typical 120–600)" in text
    assert "status: n/a" in text and "preset: auto-service" in text
    assert load_text(text, today=TODAY).business.preset == "auto-service"


def test_a_plan_that_would_not_pass_check_is_not_written(tmp_path: Path) -> None:
    answers = Answers({"language": "en", "segments": [{"name": "A", "share": "150%"}]})
    with pytest.raises(PlanValidationError):
        write_plan(plan_text(answers, "bad", None, TODAY), "bad", tmp_path, TODAY)
    assert not list(tmp_path.iterdir())
    (tmp_path / "taken.yaml").write_text("business: {name: Mine}\n", encoding="utf-8")
    with pytest.raises(UserError, match="never overwrites"):
        write_plan(plan_text(Answers({"language": "en"}), "taken", None, TODAY), "taken", tmp_path, TODAY)
    assert (tmp_path / "taken.yaml").read_text(encoding="utf-8") == "business: {name: Mine}\n"
