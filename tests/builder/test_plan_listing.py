"""A build over a plans folder holding special files: a located error (exit 1), never a hang.

The folder is listed by `generator.load.planfiles.list_plans`, which refuses FIFOs, devices, link
loops and two plans of one slug before the build cache or a worker reads a byte of them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("special", ["fifo", "loop", "twin"])
def test_build_ends_with_a_located_error(special: str, tmp_path: Path) -> None:
    """The whole build, as a consultant runs it: exit 1 with the file named, never a hang."""
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "acme.yaml").write_text("business: {name: Acme}\n", encoding="utf-8")
    if special == "fifo":
        os.mkfifo(plans / "pipe.yaml")
    elif special == "loop":
        (plans / "loop.yaml").symlink_to(plans / "loop.yaml")
    else:
        (plans / "acme.yml").write_text("business: {name: Acme}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--plans", str(plans), "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    name = {"fifo": "pipe.yaml", "loop": "loop.yaml", "twin": "acme.yml"}[special]
    assert f"{name}:1:1: " in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "site").exists()


def _playbook(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )


def test_check_of_a_folder_lists_it_as_the_build_does(tmp_path: Path) -> None:
    """`playbook check plans/` refuses twin plans of one slug too, located, before reading either."""
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "acme.yaml").write_text("business: {name: Acme}\n", encoding="utf-8")
    (plans / "acme.yml").write_text("business: {name: Acme}\n", encoding="utf-8")
    result = _playbook("check", str(plans))
    assert result.returncode == 1
    assert "acme.yml:1:1: " in result.stderr and "acme.yaml" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_fifo_in_the_archive_does_not_hang_the_build(tmp_path: Path) -> None:
    """plans/archive/ is hashed for the build cache but not built: a FIFO there is skipped, not read."""
    plans = tmp_path / "plans"
    (plans / "archive").mkdir(parents=True)
    (plans / "acme.yaml").write_text("business: {name: Acme, language: en}\n", encoding="utf-8")
    os.mkfifo(plans / "archive" / "pipe.yaml")
    result = _playbook("build", "--plans", str(plans), "--site-dir", str(tmp_path / "site"), "--today", "2026-11-22")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "acme" / "index.html").is_file()
