"""Build progress (generator.builder.progress): the plain lines a real `playbook build` writes to a
non-terminal stderr, in the order of the build's stages; live bars only for a person at a terminal."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from generator.builder.progress import BuildProgress, clock, is_interactive
from tests.builder.test_site import project_copy
from tests.conftest import TODAY


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_is_interactive_unless_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert is_interactive(_Tty()) and not is_interactive(io.StringIO())
    monkeypatch.setenv("CI", "true")
    assert not is_interactive(_Tty())
    monkeypatch.setenv("CI", "false")
    assert is_interactive(_Tty())


def test_clock() -> None:
    assert clock(0) == "0:00:00" and clock(65.4) == "0:01:05" and clock(3 * 3600 + 7) == "3:00:07"


def test_plain_lines_at_start_each_tenth_and_the_end() -> None:
    out = io.StringIO()
    progress = BuildProgress(Console(file=out, width=200), live=False)
    with progress:
        progress.start("plans", 20)
        for _ in range(20):
            progress.advance("plans")
        progress.advance("plans")  # past the total: ignored
        progress.advance("pdfs")  # a stage never started: ignored
    counts = re.findall(r"plans loaded and rendered: (\d+)/20", out.getvalue())
    assert counts == [str(n) for n in range(0, 21, 2)]  # a step of 2 (a tenth of 20)
    assert "about" in out.getvalue().splitlines()[1] and "left" not in out.getvalue().splitlines()[-1]


def test_live_bars_write_no_log_lines() -> None:
    out = _Tty()
    progress = BuildProgress(Console(file=out, force_terminal=True, width=120), live=True)
    with progress:
        progress.start("pages", 4)
        progress.advance("pages", 4)
    text = out.getvalue()
    assert "MkDocs pages written" in text and "4/4" in text and "playbook:" not in text


def test_a_real_build_reports_its_stages_in_order(tmp_path: Path) -> None:
    """`playbook build` with stderr to a pipe (as in CI): a line per stage's start, tenths and end."""
    root = project_copy(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PLAYBOOK_SITE_SECRET", "SITE_URL")}
    playbook = Path(sys.executable).parent / "playbook"
    result = subprocess.run(
        [str(playbook), "build", "--site-dir", str(tmp_path / "site"), "--today", TODAY.isoformat(), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("playbook: ")]
    pages = len(list((tmp_path / "site").rglob("*.html"))) - 1  # every page but 404.html, which is no page

    def at(text: str) -> int:
        found = [i for i, line in enumerate(lines) if text in line]
        assert found, (text, result.stderr)
        return found[0]

    # The site is laid out from a quick read of the plans, which then load while MkDocs reads their
    # pages (generator.builder.stream): the plans' count moves during the reading, and is complete
    # before the first page is written.
    assert at("plans loaded and rendered: 0/2") < at("MkDocs pages read: 0/") < at("plans loaded and rendered: 2/2")
    assert at("plans loaded and rendered: 2/2") < at(f"MkDocs pages read: {pages}/{pages}")
    assert at(f"MkDocs pages read: {pages}/{pages}") < at(f"MkDocs pages written: {pages}/{pages}")
    assert at("PDF audits done: 0/2") < at("PDF audits done: 2/2")
    assert at("plans loaded and rendered: 0/2") < at("PDF audits done: 0/2")
    assert re.search(r"PDF audits done: 2/2, \d+:\d\d:\d\d elapsed$", lines[at("PDF audits done: 2/2")])
    assert "\x1b[" not in result.stderr  # no bars, no colours in a log
