"""Nothing lost by a build: output folders that overlap an input are refused before anything is
touched. Real `playbook` processes on a throwaway copy of the project."""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest

from generator.builder.staging import Staging, clean_stale, exchange
from tests.builder.test_site import project_copy
from tests.cli.test_cli import PLAYBOOK
from tests.conftest import TODAY


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` (relative path → sha256): equal digests, nothing lost or changed."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".cache" not in p.parts
    }


def build(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PLAYBOOK, "build", "--today", TODAY.isoformat(), *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.parametrize(
    ("site_dir", "says"),
    [
        ("plans", "the plans folder"),
        ("plans/archive", "inside the plans folder"),
        ("content", "hand-written pages"),
        ("content/method", "hand-written pages"),
        ("theme", "theme overrides"),
        ("theme/overrides", "theme overrides"),
        ("mkdocs.yml", "MkDocs configuration"),
        (".", "project folder"),
        ("..", "project folder"),
        ("notes", "not a site playbook built"),
    ],
)
def test_output_folder_overlapping_an_input_is_refused(tmp_path: Path, site_dir: str, says: str) -> None:
    root = project_copy(tmp_path)
    (root / "notes").mkdir()
    (root / "notes" / "call.md").write_text("# Звонок\n", encoding="utf-8")
    before = tree_digest(tmp_path)
    result = build(root, "--site-dir", site_dir)
    assert result.returncode == 2, result.stderr
    assert says in result.stderr and "--site-dir" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(tmp_path) == before
    assert not [p for p in tmp_path.rglob(".*-building-*")]


def test_plans_folder_outside_the_project_is_protected_too(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    plans = tmp_path / "clients" / "plans"
    plans.parent.mkdir()
    (root / "plans").rename(plans)
    before = tree_digest(tmp_path / "clients")
    result = build(root, "--plans", str(plans), "--site-dir", str(tmp_path / "clients"))
    assert result.returncode == 2 and "the plans folder" in result.stderr
    assert tree_digest(tmp_path / "clients") == before


def test_a_previous_site_is_replaced(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    site = root / "site"
    assert build(root, "--client", "northwind", "--site-dir", "site").returncode == 0
    (site / "stale.txt").write_text("from an older build", encoding="utf-8")
    result = build(root, "--client", "northwind", "--site-dir", "site", "--no-cache")
    assert result.returncode == 0, result.stderr
    assert (site / "northwind" / "index.html").is_file() and not (site / "stale.txt").exists()


def children_of(pid: int) -> set[int]:
    """The processes whose parent is `pid` (read from /proc)."""
    found = set()
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.add(int(entry.parent.name))
    return found


def running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def test_build_killed_with_sigkill_leaves_the_site_and_no_workers_and_the_next_build_cleans(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    assert build(root, "--site-dir", "site").returncode == 0
    home = (root / "site" / "index.html").read_bytes()
    process = subprocess.Popen(
        [PLAYBOOK, "build", "--site-dir", "site", "--no-cache", "--today", "2026-11-23"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        staging = [p for p in root.glob(".site-building-*") if (p / "kolosok").is_dir()]
        workers = children_of(process.pid)
        if staging and (workers or (os.cpu_count() or 1) < 2):
            break
        time.sleep(0.02)
    assert process.poll() is None, "the build ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert (root / "site" / "index.html").read_bytes() == home  # the old site, whole
    assert list(root.glob(".site-building-*")), "the killed build left its staging folder"
    deadline = time.monotonic() + 30
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if running(pid)], "PDF workers outlived the killed build"
    result = build(root, "--site-dir", "site")
    assert result.returncode == 0, result.stderr
    assert not [p.name for p in root.iterdir() if p.name.startswith(".site-")]


def test_a_site_left_aside_by_a_dead_build_is_put_back(tmp_path: Path) -> None:
    site = tmp_path / "site"
    old = tmp_path / ".site-old-x1y2"
    old.mkdir()
    (old / "index.html").write_text("the site", encoding="utf-8")
    stale = tmp_path / ".site-building-a1b2"
    (stale / "kolosok").mkdir(parents=True)
    removed = clean_stale(site)
    assert (site / "index.html").read_text(encoding="utf-8") == "the site"
    assert removed == [stale] and not stale.exists() and not old.exists()


def test_a_live_builds_staging_folder_is_left_alone(tmp_path: Path) -> None:
    site = tmp_path / "site"
    staging = Staging(site)
    try:
        assert staging.path.name.startswith(".site-building-")
        assert clean_stale(site) == [] and staging.path.is_dir()
    finally:
        staging.release()
    assert clean_stale(site) == [staging.path] and not staging.path.exists()


def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "new.txt").write_text("new", encoding="utf-8")
    (b / "old.txt").write_text("old", encoding="utf-8")
    if not exchange(a, b):
        pytest.skip("this file system cannot exchange two paths (the two-rename fallback is used)")
    assert (b / "new.txt").is_file() and (a / "old.txt").is_file()


@pytest.mark.parametrize(("umask", "folder", "file"), [(0o022, 0o755, 0o644), (0o027, 0o750, 0o640)])
def test_site_modes_follow_the_umask(tmp_path: Path, umask: int, folder: int, file: int) -> None:
    root = project_copy(tmp_path)
    result = subprocess.run(
        [PLAYBOOK, "build", "--client", "northwind", "--site-dir", "site", "--today", TODAY.isoformat()],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=lambda: os.umask(umask),  # the umask of a consultant's shell
    )
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert stat.S_IMODE(site.stat().st_mode) == folder
    assert stat.S_IMODE((site / "northwind").stat().st_mode) == folder
    for name in ("audit.pdf", "calendar.ics", "index.html"):
        assert stat.S_IMODE((site / "northwind" / name).stat().st_mode) == file, name


@pytest.mark.parametrize("site_dir", ["plans", "content", "."])
def test_plain_mkdocs_build_refuses_an_input_as_site_dir(tmp_path: Path, site_dir: str) -> None:
    import sys

    root = project_copy(tmp_path)
    before = tree_digest(root)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", site_dir],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PLAYBOOK_TODAY": TODAY.isoformat()},
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    if site_dir == "plans":  # MkDocs itself refuses docs_dir and its parents; the plans are ours to guard
        assert "--site-dir" in result.stderr and "the plans folder" in result.stderr
    assert tree_digest(root) == before


@pytest.mark.parametrize("moment", ["workers started", "pages written"])
def test_ctrl_c_stops_quietly_with_one_line_and_exit_130(tmp_path: Path, moment: str) -> None:
    """Ctrl-C reaches the whole foreground process group, workers included: they stay quiet (no
    worker traceback), the build says one line, exits 130, leaves the previous site and nothing else,
    and its progress never claims the PDFs done (issue 28)."""
    root = project_copy(tmp_path)
    assert build(root, "--site-dir", "site").returncode == 0
    before = tree_digest(root / "site")
    temp = tmp_path / "tmp"
    temp.mkdir()
    process = subprocess.Popen(
        [PLAYBOOK, "build", "--site-dir", "site", "--no-cache", "--today", "2026-11-23"],
        cwd=root,
        env={**os.environ, "TMPDIR": str(temp)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        workers |= children_of(process.pid)
        staging = [p for p in root.glob(".site-building-*") if (p / "kolosok").is_dir()]
        if workers and (moment == "workers started" or staging):
            break
        time.sleep(0.02)
    assert process.poll() is None, "the build ended before it could be interrupted"
    workers |= children_of(process.pid)
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert [line for line in err.splitlines() if "interrupted" in line] == [
        "playbook: interrupted — the previous site is unchanged"
    ], err
    assert "PDF audits done: 2/2" not in err and "built " not in out
    assert tree_digest(root / "site") == before
    assert not [p.name for p in root.iterdir() if p.name.startswith(".site-")]
    deadline = time.monotonic() + 30
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if running(pid)], "workers outlived the interrupted build"
    assert [p.name for p in temp.iterdir() if not p.name.startswith("_jinja2-cache")] == []  # no temporary folder
