"""A copy of playbook whose theme/ folder is missing: `playbook build`, `playbook pdf` and
`mkdocs serve` each say so in one line (exit 2 / MkDocs' abort), never with a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def no_theme(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project and the generator package side by side, as in the repository, without theme/pages
    and theme/pdf (the Material overrides stay, so MkDocs' own configuration is valid)."""
    copy = tmp_path_factory.mktemp("no-theme")
    shutil.copytree(ROOT / "generator", copy / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("content", "plans"):
        shutil.copytree(ROOT / name, copy / name)
    shutil.copytree(ROOT / "theme" / "overrides", copy / "theme" / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    return copy


def run(copy: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(copy), "PLAYBOOK_CACHE_DIR": str(copy / "cache")}
    return subprocess.run([sys.executable, *argv], cwd=copy, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(
    "argv",
    [["build", "--site-dir", "site"], ["pdf", "plans/kolosok.yaml", "-o", "kolosok.pdf"]],
)
def test_missing_theme_is_a_clear_user_error(no_theme: Path, argv: list[str]) -> None:
    result = run(no_theme, "-m", "generator.cli", *argv)
    assert result.returncode == 2, result.stderr
    assert f"{no_theme / 'theme'}: playbook's theme folder is missing" in result.stderr
    assert "pages/, pdf/" in result.stderr
    assert "Traceback" not in result.stderr and "bug in playbook" not in result.stderr
    assert not (no_theme / "site").exists() and not (no_theme / "kolosok.pdf").exists()


def test_missing_theme_under_mkdocs_serve_is_one_line(no_theme: Path) -> None:
    result = run(no_theme, "-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:0")
    assert result.returncode != 0
    assert "playbook's theme folder is missing" in result.stderr
    assert "Traceback" not in result.stderr
