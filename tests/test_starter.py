"""`playbook new`: starter plans pass check as written and when every example is uncommented."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from generator.compute.steps import compute_steps
from generator.errors import UserError
from generator.load.loader import load_plan
from generator.starter import write_starter
from tests.cli.test_cli import PLAYBOOK


def uncomment(text: str) -> str:
    """Turn the starter's commented examples into live YAML (prose comments stay comments)."""
    out = []
    for line in text.splitlines():
        m = re.match(r"^(\s*)# ((?:[a-z_]+:|  |- ).*)$", line)
        out.append(m.group(1) + m.group(2) if m else line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("language", ["ru", "en"])
def test_starter_passes_check_and_fills_all_steps_once_uncommented(language: str, tmp_path: Path) -> None:
    path = write_starter("new-client", language=language, folder=tmp_path)
    loaded = load_plan(path)
    assert loaded.plan.business.name == "New Client" and loaded.plan.business.language == language
    assert not any(step.filled for step in compute_steps(loaded.plan))
    full = tmp_path / "full-client.yaml"
    full.write_text(uncomment(path.read_text(encoding="utf-8")), encoding="utf-8")
    filled = load_plan(full)
    assert all(step.filled for step in compute_steps(filled.plan))


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "kept.yaml").write_text("business: {name: Kept}\n", encoding="utf-8")
    result = subprocess.run(
        [PLAYBOOK, "new", "kept", "--dir", str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2 and "already exists" in result.stderr
    assert (tmp_path / "kept.yaml").read_text(encoding="utf-8") == "business: {name: Kept}\n"


def test_new_refuses_a_bad_slug_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="not a valid client slug"):
        write_starter("Bad Slug", language="ru", folder=tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("language", ["ru", "en"])
def test_starter_writes_lists_of_text_and_the_backlog_in_block_style(language: str, tmp_path: Path) -> None:
    """`{…}` and `[…]` around free text invite the comma and colon mistakes: the starter never shows them."""
    text = write_starter("block-client", language=language, folder=tmp_path).read_text(encoding="utf-8")
    assert not re.search(r"(needs|pains|strengths|weaknesses): \[", text)
    assert not re.search(r"- \{(title|name|query|initiative):", text)
    # the new fields are shown: the seasonal months, the budget cap, the preset
    full = uncomment(text)
    assert "months: [4, 10, 11]" in full and "budget_monthly:" in full and "preset:" in full
