"""measured/<slug>.yaml is validated like a plan: located errors, nothing half-read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.errors import PlanValidationError
from generator.load.loader import load_plan


def test_a_broken_measured_file_gives_located_errors(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "measured").mkdir()
    (tmp_path / "plans" / "t.yaml").write_text("business: {name: T}\n", "utf-8")
    (tmp_path / "measured" / "t.yaml").write_text(
        "version: 3\nvisits:\n  - {month: 2026-13, visits: 5}\n  - {month: 2026-01, visit: 5}\n", "utf-8"
    )
    with pytest.raises(PlanValidationError) as caught:
        load_plan(tmp_path / "plans" / "t.yaml", today=date(2026, 6, 1))
    errors = [str(e) for e in caught.value.errors]
    assert errors[0].startswith("measured/t.yaml:3:") or ":3:" in errors[0]
    assert any("visits[0].month" in e for e in errors)
    assert any("visits[1].visit" in e and "unknown key" in e for e in errors)


def test_no_measured_file_is_a_version_2_plan(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "t.yaml").write_text("business: {name: T}\n", "utf-8")
    assert load_plan(tmp_path / "plans" / "t.yaml", today=date(2026, 6, 1)).measured is None
