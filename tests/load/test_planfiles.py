"""Plan files on disk: special files never hang or flood a read; one client, one plan file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.errors import PlanValidationError
from generator.load.loader import load_plan
from generator.load.planfiles import list_plans


def _only_error(path: Path | str) -> str:
    with pytest.raises(PlanValidationError) as info:
        load_plan(path)
    (error,) = info.value.errors
    assert (error.line, error.col) == (1, 1)
    return error.message


def test_a_device_is_refused_without_reading_it() -> None:
    assert _only_error("/dev/zero").startswith("not a regular file")


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    assert _only_error(tmp_path / "pipe.yaml").startswith("not a regular file")


def test_a_symlink_loop_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    assert _only_error(tmp_path / "a.yaml").startswith("a symbolic link that loops")


def test_a_broken_link_is_located(tmp_path: Path) -> None:
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    assert _only_error(tmp_path / "gone.yaml") == "a symbolic link to a file that does not exist"


def test_a_sparse_huge_file_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as file:
        file.truncate(5 * 1024**3)  # 5 GiB of holes: reading it whole would exhaust memory
    assert _only_error(path) == f"the file is {5 * 1024**3} bytes; a plan may be at most 1048576 bytes"


def test_a_linked_plan_is_read_through_its_link(tmp_path: Path) -> None:
    (tmp_path / "real.yaml").write_text("business: {name: Real}\n", encoding="utf-8")
    (tmp_path / "acme.yaml").symlink_to(tmp_path / "real.yaml")
    assert load_plan(tmp_path / "acme.yaml").plan.business.name == "Real"


def test_yaml_and_yml_of_one_client_are_an_error(tmp_path: Path) -> None:
    for name in ("acme.yaml", "acme.yml", "beta.yml"):
        (tmp_path / name).write_text("business: {name: X}\n", encoding="utf-8")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "acme.yaml").write_text("business: {name: X}\n", encoding="utf-8")
    with pytest.raises(PlanValidationError) as info:
        list_plans(tmp_path)
    (error,) = info.value.errors
    assert error.file.endswith("acme.yml") and (error.line, error.col) == (1, 1)
    assert "'acme.yaml' has the same name" in error.message
    (tmp_path / "acme.yml").unlink()
    assert [p.name for p in list_plans(tmp_path)] == ["acme.yaml", "beta.yml"]
