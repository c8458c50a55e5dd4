"""`playbook new SLUG --preset ID --defaults | --answers FILE | --interview`: a plan from answers.

The answers (from a file, from the preset alone, or asked in a terminal) are merged over the
preset's defaults, written as a commented plan checked by the loader first, and never over an
existing file. The command then runs `check` on it, which says what is still missing.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from generator.errors import PlanValidationError, UserError
from generator.intake.answers import Answers, answers_for, read_answers
from generator.intake.plan import plan_text
from generator.load.loader import load_text
from generator.presets import Preset, load_preset
from generator.starter import new_plan_path, write_new_plan


def plan_from_answers(
    slug: str,
    *,
    folder: Path,
    today: date,
    preset_id: str | None = None,
    language: str | None = None,
    answers_file: Path | None = None,
    given: Answers | None = None,
) -> tuple[Path, Answers]:
    """Write `folder/<slug>.yaml` from answers (a file, or given, e.g. by the interview) over a preset."""
    if answers_file is not None:
        given = read_answers(answers_file)
    if given is None and preset_id is None:
        raise UserError("give --preset ID with --defaults, or --answers FILE, or --interview")
    answers = answers_for(given, preset_id, language, today, str(answers_file or "answers"))
    if (target := folder / f"{slug}.yaml").exists():
        raise UserError(f"{target} already exists; playbook new never overwrites a plan")
    preset = _preset(answers)
    text = plan_text(answers, slug, preset, today)
    try:
        return write_plan(text, slug, folder, today), answers
    except PlanValidationError:
        if given is not None and answers_file is None:
            _keep_answers(given, folder / f"{slug}.answers.yaml")
        raise


def _keep_answers(given: Answers, path: Path) -> None:
    """An interview whose answers do not make a valid plan keeps them, to correct and reuse with --answers."""
    import yaml

    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except OSError:
        return
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        yaml.safe_dump(given.data, handle, allow_unicode=True, sort_keys=False)
    print(f"the answers are kept in {path}: correct them, then run playbook new SLUG --answers {path}", file=sys.stderr)


def _preset(answers: Answers) -> Preset | None:
    if not answers.preset:
        return None
    currency = (answers.data.get("business") or {}).get("currency")
    return load_preset(answers.preset, answers.language, str(currency) if currency else None)


def write_plan(text: str, slug: str, folder: Path, today: date) -> Path:
    """Check the plan text with the loader, then write `folder/<slug>.yaml` (never over a file)."""
    path = new_plan_path(slug, folder)
    load_text(text, file=str(path), today=today)  # raises with every problem, located in the plan
    return write_new_plan(path, text)
