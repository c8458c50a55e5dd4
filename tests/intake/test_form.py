"""`playbook intake`: the printable questionnaire lists every question of the interview, in its order,
with its key in the answers file; the PDF is read back with pdftotext."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from generator.cli import main
from generator.intake.questions import sections

TODAY = date(2026, 12, 7)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize(("language", "preset"), [("en", "auto-service"), ("ru", None)])
def test_the_pdf_form_lists_every_question_in_order(tmp_path: Path, language: str, preset: str | None) -> None:
    out = tmp_path / "form.pdf"
    argv = ["intake", "--language", language, "-o", str(out), "--today", TODAY.isoformat()]
    assert main([*argv, *(["--preset", preset] if preset else [])]) == 0
    text = flat(
        subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, check=True).stdout.decode()
    )
    position = 0
    for s in sections():
        assert s.title.in_(language) in text
        prefix = f"{s.id}[0]" if s.repeat else s.id
        for q in s.questions:
            found = text.find(flat(q.text(language)), position)
            assert found >= 0, (s.id, q.key)  # every question, after the one before it
            position = found
            assert f"{prefix}.{q.key}" in text
    if preset:
        # the preset's suggestions are printed beside the questions
        assert "suggested: Private car owners" in text and "suggested: not needed" in text


def test_the_markdown_form_and_no_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "form.md"
    assert main(["intake", "--language", "ru", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "`segments[1].average_check`" in text and "Средний чек" in text and "Ответ: ___" in text
    assert main(["intake", "--language", "en", "-o", str(out)]) == 0  # a form of ours may be rewritten
    mine = tmp_path / "notes.md"
    mine.write_text("my notes\n", encoding="utf-8")
    assert main(["intake", "-o", str(mine)]) == 2
    assert mine.read_text(encoding="utf-8") == "my notes\n"
    assert "refusing to overwrite" in capsys.readouterr().err
