"""Writing outputs without losing anything: the real `playbook calendar` and `playbook pdf` refuse to
overwrite a plan, an input of the project, or a hand-written file (unless --force, never a plan)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdf
import pytest

from tests.builder.test_site import project_copy
from tests.builder.test_site_safety import tree_digest
from tests.cli.test_cli import PLAYBOOK
from tests.conftest import TODAY


def playbook(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PLAYBOOK, *args], cwd=root, capture_output=True, text=True, timeout=300)


def calendar(root: Path, output: str, *extra: str, fmt: str = "csv") -> subprocess.CompletedProcess[str]:
    day = TODAY.isoformat()
    return playbook(root, "calendar", "plans/kolosok.yaml", "--format", fmt, "-o", output, "--today", day, *extra)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    project = project_copy(tmp_path)
    (project / "notes.txt").write_text("мои заметки\n", encoding="utf-8")
    return project


@pytest.mark.parametrize("output", ["plans/northwind.yaml", "plans/new.yaml", "mkdocs.yml", "plans/kolosok.yaml"])
@pytest.mark.parametrize("force", [False, True])
def test_calendar_never_writes_a_plan_or_yaml(root: Path, output: str, force: bool) -> None:
    before = tree_digest(root)
    result = calendar(root, output, *(["--force"] if force else []))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and output in result.stderr
    assert tree_digest(root) == before


@pytest.mark.parametrize("output", ["content/method/index.md", "theme/overrides/main.html", "notes.txt"])
def test_calendar_refuses_an_input_or_hand_written_file_unless_forced(root: Path, output: str) -> None:
    target = root / output
    if not target.exists():
        target.write_text("<!-- hand-written -->\n", encoding="utf-8")
    before = tree_digest(root)
    result = calendar(root, output)
    assert result.returncode == 2, result.stderr
    assert "--force" in result.stderr
    assert tree_digest(root) == before
    forced = calendar(root, output, "--force")
    assert forced.returncode == 0, forced.stderr
    assert target.read_bytes().startswith("\ufeffdate,weekday".encode())


def test_calendar_replaces_its_own_previous_output_only_of_the_same_kind(root: Path) -> None:
    assert calendar(root, "kolosok.csv").returncode == 0
    assert calendar(root, "kolosok.csv").returncode == 0  # a previous CSV of playbook: replaced
    assert calendar(root, "kolosok.ics", fmt="ics").returncode == 0
    assert calendar(root, "kolosok.ics", fmt="ics").returncode == 0
    wrong = calendar(root, "kolosok.csv", fmt="ics")  # a CSV is not a previous .ics
    assert wrong.returncode == 2 and "not a calendar (.ics) written by playbook" in wrong.stderr
    assert (root / "kolosok.csv").read_bytes().startswith(b"\xef\xbb\xbfdate,")
    (root / "new").mkdir()
    assert calendar(root, "new/kolosok.csv").returncode == 0  # a new file anywhere outside inputs


def test_pdf_replaces_only_its_own_audits(root: Path) -> None:
    foreign = root / "contract.pdf"
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Creator": "Word"})
    with foreign.open("wb") as handle:
        writer.write(handle)
    signed = foreign.read_bytes()
    result = playbook(root, "pdf", "plans/northwind.yaml", "-o", "contract.pdf", "--today", TODAY.isoformat())
    assert result.returncode == 2 and "not a PDF audit written by playbook" in result.stderr
    assert foreign.read_bytes() == signed
    for _ in range(2):  # the second run replaces the first run's audit
        done = playbook(root, "pdf", "plans/northwind.yaml", "-o", "audit.pdf", "--today", TODAY.isoformat())
        assert done.returncode == 0, done.stderr
    assert pypdf.PdfReader(root / "audit.pdf").metadata["/Creator"] == "playbook"
    for output in ("notes.txt", "plans/northwind.yaml"):  # not a PDF: refused even with --force
        before = (root / output).read_bytes()
        refused = playbook(root, "pdf", "plans/northwind.yaml", "-o", output, "--force")
        assert refused.returncode == 2 and (root / output).read_bytes() == before
