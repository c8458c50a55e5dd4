"""Nothing lost by a build: output folders that overlap an input are refused before anything is
touched. Real `playbook` processes on a throwaway copy of the project."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

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
