"""The GitHub Actions workflows pass secrets (site secret, client passwords), so they must stay tight:
zizmor, the Actions security linter, finds nothing in them (offline: no GitHub API calls)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def zizmor() -> str:
    local = Path(sys.executable).parent / "zizmor"
    found = str(local) if local.exists() else shutil.which("zizmor")
    if found is None:
        pytest.skip("zizmor is not installed (pip install -e '.[test]')")
    return found


def test_zizmor_finds_nothing() -> None:
    result = subprocess.run([zizmor(), "--offline", str(WORKFLOWS)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_zizmor_would_catch_the_old_workflow(tmp_path: Path) -> None:
    """The check can fail: a workflow with unpinned actions and workflow-wide write permissions is reported."""
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "pages.yml").write_text(
        "on: push\npermissions:\n  contents: read\n  pages: write\n  id-token: write\n"
        "jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n",
        "utf-8",
    )
    result = subprocess.run([zizmor(), "--offline", str(folder)], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout and "artipacked" in result.stdout


@pytest.mark.parametrize("name", ["pages.yml", "pages-sharded.yml"])
def test_every_action_is_pinned_to_a_commit(name: str) -> None:
    text = (WORKFLOWS / name).read_text("utf-8")
    uses = [line.split("uses:", 1)[1].strip() for line in text.splitlines() if "uses:" in line]
    assert uses and all(len(u.split("@", 1)[1].split()[0]) == 40 for u in uses)
    assert all("# v" in u for u in uses)  # the version, for the reader and for updates
    assert "persist-credentials: false" in text


def test_the_sharded_workflow_builds_every_shard_and_merges_them() -> None:
    """N is written twice (the matrix and SHARDS): they must agree, or the merge misses a shard; the
    shard's manifest is a hidden file, which upload-artifact leaves out unless told."""
    workflow = yaml.safe_load((WORKFLOWS / "pages-sharded.yml").read_text("utf-8"))
    build = workflow["jobs"]["build"]
    shards = build["strategy"]["matrix"]["shard"]
    assert shards == list(range(1, int(build["env"]["SHARDS"]) + 1))
    steps = {step.get("uses", "").split("@")[0]: step for step in build["steps"]}
    assert steps["actions/upload-artifact"]["with"]["include-hidden-files"] is True
    runs = " ".join(step.get("run", "") for step in build["steps"])
    assert '--shard "$SHARD/$SHARDS"' in runs and '--today "$TODAY"' in runs
    merge = " ".join(step.get("run", "") for step in workflow["jobs"]["merge"]["steps"])
    assert "playbook merge shards/shard-* --site-dir site" in merge
    assert workflow["jobs"]["deploy"]["needs"] == "merge"
