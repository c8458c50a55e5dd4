"""No control byte reaches the terminal: every command run on plans whose text carries escape
sequences (OSC 52 clipboard writes, screen clears, OSC 8 links, C1 CSI, bidi overrides) prints
plain text on stdout and stderr. Real `playbook` processes; the raw bytes are checked."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_cli import PLAYBOOK
from tests.conftest import ROOT, TESTDATA, TODAY

GOOD = TESTDATA / "terminal" / "good"
BAD = TESTDATA / "terminal" / "bad"
ESC = "\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J"
# C0 controls but tab and newline (CR is allowed only in the calendar's CRLF lines), DEL, C1, bidi.
UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def assert_inert(data: bytes, crlf: bool = False) -> None:
    text = data.decode("utf-8")
    if crlf:
        text = text.replace("\r\n", "\n")
    found = UNSAFE.findall(text.replace("\r", "\x0e"))
    assert not found, f"control characters printed: {sorted(set(found))!r} in {text[:400]!r}"


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("terminal")
    shutil.copytree(GOOD, folder / "plans")
    shutil.copytree(BAD, folder / "bad")
    return folder


def commands(work: Path) -> list[tuple[list[str], bool]]:
    plan = str(work / "plans" / "escapes.yaml")
    day = TODAY.isoformat()
    return [
        (["check", str(work / "plans")], False),
        (["check", str(work / "bad")], False),
        (["report", plan, "--today", day], False),
        (["report", plan, "--json", "--today", day], False),
        (["report", str(work / "bad" / "escapes-bad.yaml")], False),
        (["today", "--plans", str(work / "plans"), "--date", day], False),
        (["today", "--plans", str(work / "bad"), "--date", day], False),
        (["calendar", plan, "--today", day], True),
        (["calendar", plan, "--format", "csv", "--today", day], True),
        (["pdf", plan, "-o", str(work / "audit.pdf"), "--today", day], False),
        (["pdf", str(work / "bad" / "escapes-bad.yaml"), "-o", str(work / "bad.pdf")], False),
        (["log", plan, "--title", "Обзор", "--date", day], False),
        (["build", "--plans", str(work / "plans"), "--site-dir", str(work / "site"), "--today", day], False),
        (["build", "--plans", str(work / "bad"), "--site-dir", str(work / "site2"), "--today", day], False),
        (["build", "--plans", str(work / "plans"), "--client", f"x{ESC}", "--site-dir", str(work / "s3")], False),
        (["check", str(work / f"missing{ESC}.yaml")], False),
        (["log", plan, "--title", f"Bad{ESC}title"], False),
    ]


@pytest.mark.parametrize("index", range(17))
def test_nothing_printed_carries_a_control_character(work: Path, index: int) -> None:
    argv, crlf = commands(work)[index]
    result = subprocess.run([PLAYBOOK, *argv], cwd=ROOT, capture_output=True, timeout=600)
    assert result.returncode in (0, 1, 2), result.stderr.decode()
    assert b"Traceback" not in result.stderr and b"bug in playbook" not in result.stderr
    assert result.stdout or result.stderr  # something was said
    assert_inert(result.stdout, crlf=crlf)
    assert_inert(result.stderr)


def test_the_plans_do_carry_escape_sequences() -> None:
    """The test above proves something only if the plans hold what it must not print."""
    for folder in (GOOD, BAD):
        for path in folder.glob("*.yaml"):
            assert "\\e]52;c;" in path.read_text(encoding="utf-8")
