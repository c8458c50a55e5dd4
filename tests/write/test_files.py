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
    assert target.read_bytes().startswith("\ufeffдата;день недели".encode())  # the Russian plan's CSV


def test_calendar_replaces_its_own_previous_output_only_of_the_same_kind(root: Path) -> None:
    assert calendar(root, "kolosok.csv").returncode == 0
    assert calendar(root, "kolosok.csv").returncode == 0  # a previous CSV of playbook: replaced
    assert calendar(root, "kolosok.ics", fmt="ics").returncode == 0
    assert calendar(root, "kolosok.ics", fmt="ics").returncode == 0
    wrong = calendar(root, "kolosok.csv", fmt="ics")  # a CSV is not a previous .ics
    assert wrong.returncode == 2 and "not a calendar (.ics) written by playbook" in wrong.stderr
    assert (root / "kolosok.csv").read_bytes().startswith("\ufeffдата;".encode())
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


def test_full_disk_is_a_clear_error_and_the_previous_site_stays(root: Path) -> None:
    """A file-size limit (RLIMIT_FSIZE, SIGXFSZ ignored) makes the build's writes fail like a full disk."""
    import resource
    import signal

    first = playbook(root, "build", "--client", "northwind", "--site-dir", "site", "--today", "2026-11-22")
    assert first.returncode == 0, first.stderr
    home = (root / "site" / "index.html").read_bytes()

    def tiny_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64_000, 64_000))

    result = subprocess.run(
        [PLAYBOOK, "build", "--client", "northwind", "--site-dir", "site", "--no-cache", "--today", "2026-11-23"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=tiny_disk,  # the limit of this build alone
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "bug in playbook" not in result.stderr
    assert "File too large" in result.stderr and f"cannot write to {root}" in result.stderr
    assert ".site-building-" not in result.stderr  # playbook's temporary names are not the consultant's
    assert (root / "site" / "index.html").read_bytes() == home
    assert not [p for p in root.iterdir() if p.name.startswith(".site-")]


@pytest.fixture
def read_only_folder(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A folder nobody may write to: chmod for a normal user; for root (whom modes do not stop),
    a read-only tmpfs."""
    import os

    folder = tmp_path / "readonly"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("running as root without the right to mount a read-only file system")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


@pytest.mark.parametrize(
    "command",
    [
        ["build", "--client", "northwind", "--site-dir", "{out}/site"],
        ["calendar", "plans/kolosok.yaml", "-o", "{out}/kolosok.ics"],
        ["pdf", "plans/northwind.yaml", "-o", "{out}/audit.pdf"],
    ],
)
def test_read_only_output_folder_is_a_clear_error(root: Path, read_only_folder: Path, command: list[str]) -> None:
    argv = [arg.replace("{out}", str(read_only_folder)) for arg in command]
    result = playbook(root, *argv, "--today", TODAY.isoformat())
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "bug in playbook" not in result.stderr
    assert f"cannot write to {read_only_folder}" in result.stderr
    assert "read-only" in result.stderr or "permission" in result.stderr
