"""builder/staging.py: the locked staging folder beside the site, its one-step swap into place, and
what a failed build leaves (nothing). Killed builds and their leftovers: tests/builder/test_site_safety.py."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.builder.staging import Staging, clean_stale


def test_a_first_build_moves_its_staging_folder_into_place(tmp_path: Path) -> None:
    site = tmp_path / "site"
    staging = Staging(site)
    try:
        assert staging.path.parent == tmp_path and staging.path.name.startswith(".site-building-")
        (staging.path / "index.html").write_text("new", encoding="utf-8")
        staging.swap_into_place()
    finally:
        staging.release()
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # nothing left beside it


def test_a_rebuild_replaces_the_whole_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "gone").mkdir(parents=True)
    (site / "index.html").write_text("old", encoding="utf-8")
    staging = Staging(site)
    try:
        (staging.path / "index.html").write_text("new", encoding="utf-8")
        staging.swap_into_place()
    finally:
        staging.release()
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert not (site / "gone").exists()  # a page the new build no longer has
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_failed_build_leaves_the_previous_site_and_nothing_else(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    staging = Staging(site)
    (staging.path / "half.html").write_text("half", encoding="utf-8")
    staging.discard()
    staging.release()
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert clean_stale(site) == []


def test_the_staging_folder_is_readable_as_the_umask_allows(tmp_path: Path) -> None:
    saved = os.umask(0o022)
    try:
        staging = Staging(tmp_path / "site")
    finally:
        os.umask(saved)
    try:
        # mkdtemp's 0700 would hide the site from the web server: 0777 less the umask 022 = 0755
        assert stat.S_IMODE(staging.path.stat().st_mode) == 0o755
    finally:
        staging.discard()
        staging.release()
