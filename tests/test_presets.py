"""Industry presets: every built-in preset loads in both languages, names catalogue tools and its own
ids, and a consultant's folder adds (or replaces) presets that plans may then name."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import PlanValidationError, UserError
from generator.load.loader import load_text
from generator.presets import ENV, FOLDER, known_presets, load_preset

BUILT_IN = ["auto-service", "b2b", "bakery", "beauty", "clinic", "education", "fitness", "online-shop"]


def test_the_built_in_presets() -> None:
    assert sorted(known_presets()) == BUILT_IN


@pytest.mark.parametrize("preset_id", BUILT_IN)
@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_preset_loads_in_both_languages_with_ranges_in_order(preset_id: str, language: str) -> None:
    preset = load_preset(preset_id, language)
    assert preset.currency == {"ru": "RUB", "en": "USD"}[language]
    assert len(preset.segments) >= 2 and len(preset.initiatives) >= 3 and preset.goals and preset.competitors
    for segment in preset.segments:
        low, default, high = segment.economics.average_check
        assert 0 < low <= default <= high
        assert segment.needs and segment.pains and segment.places and segment.demand
    for initiative in preset.initiatives:
        for low, default, high in (initiative.budget_monthly, initiative.cost, initiative.new_customers_monthly):
            assert 0 <= low <= default <= high
    # a tool cannot both matter and be usually not needed
    assert not set(preset.tools.matter) & set(preset.tools.not_needed)


def test_texts_are_in_the_language_asked() -> None:
    assert load_preset("auto-service", "ru").segments[0].name == "Владельцы личных авто"
    assert load_preset("auto-service", "en").segments[0].name == "Private car owners"
    # the seasonal tyre campaign runs in April and October–November
    assert load_preset("auto-service", "en").initiatives[1].months == [4, 10, 11]


def test_a_consultants_folder_adds_a_preset_plans_may_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (FOLDER / "bakery.yaml").read_text(encoding="utf-8").replace("id: bakery", "id: pizzeria")
    (tmp_path / "pizzeria.yaml").write_text(text, encoding="utf-8")
    plan = "business: {name: P, preset: pizzeria}\n"
    with pytest.raises(PlanValidationError):
        load_text(plan)
    monkeypatch.setenv(ENV, str(tmp_path))
    assert "pizzeria" in known_presets()
    assert load_text(plan).business.preset == "pizzeria"
    assert load_preset("pizzeria", "en").id == "pizzeria"


def test_a_broken_preset_is_a_user_error_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("id: broken\nname: B\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"broken\.yaml: not a valid preset"):
        load_preset("broken", "en", extra=tmp_path)
    with pytest.raises(UserError, match=r"did you mean 'bakery'"):
        load_preset("bakeri", "en")
