"""The same site whatever way the workers start (generator.workers): `fork` (our choice on Linux),
`forkserver` (Python 3.14's default there) and `spawn` (macOS, Windows). Each build runs in a
fresh Python process that forces its start method before the build, as a program embedding
playbook would; the three sites must be identical, byte for byte, PDFs included."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PLANS, ROOT, TODAY

METHODS = ("fork", "forkserver", "spawn")

SCRIPT = """
import multiprocessing, sys
multiprocessing.set_start_method(sys.argv[1], force=True)
from generator.cli import main
from generator.workers import start_method
code = main(["build", "--plans", sys.argv[2], "--site-dir", sys.argv[3], "--today", sys.argv[4], "--no-cache"])
print("start method:", start_method())
sys.exit(code)
"""


def tree(folder: Path) -> dict[str, str]:
    """Every file of a built site (relative path → sha256)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("start-methods")
    env = {**os.environ, "PLAYBOOK_CACHE_DIR": str(base / "cache")}
    built = {}
    for method in METHODS:
        site = base / method
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT, method, str(PLANS), str(site), TODAY.isoformat()],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert result.returncode == 0, (method, result.stderr[-3000:])
        assert f"start method: {method}" in result.stdout  # the pools used the method forced
        built[method] = site
    return built


def test_every_start_method_builds_the_same_site(sites: dict[str, Path]) -> None:
    fork = tree(sites["fork"])
    assert any(path.endswith("audit.pdf") for path in fork)  # the PDF workers ran too
    assert any(path.endswith("calendar.ics") for path in fork)  # and the stream's calendar tasks
    for method in ("forkserver", "spawn"):
        other = tree(sites[method])
        assert sorted(other) == sorted(fork), method
        differing = [path for path in fork if other[path] != fork[path]]
        assert differing == [], f"{method}: files differ from the fork build"
