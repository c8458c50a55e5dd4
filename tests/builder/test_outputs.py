"""The output folder against the project's inputs, decided before anything touches the disk
(`generator.builder.outputs`); real folders, no build (the builds that refuse them are in
tests/builder/test_site_safety.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.builder.cache import PACKAGE, THEME, cache_dir
from generator.builder.outputs import ROOT, check_output_folder, docs_dir_of, find_config, project_inputs
from generator.errors import UserError


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "plans").mkdir(parents=True)
    (root / "pages" / "method").mkdir(parents=True)
    (root / "overrides").mkdir()
    (root / "mkdocs.yml").write_text(
        "site_name: x\ndocs_dir: 'pages'  # hand-written\ntheme:\n  name: material\n  custom_dir: overrides\n",
        encoding="utf-8",
    )
    return root


def check(project: Path, site_dir: Path) -> None:
    check_output_folder(site_dir, project=project, config_path=project / "mkdocs.yml", plans=project / "plans")


def test_docs_dir_is_read_from_the_config_and_defaults_to_docs(project: Path, tmp_path: Path) -> None:
    assert docs_dir_of(project / "mkdocs.yml") == "pages"
    plain = tmp_path / "plain.yml"
    plain.write_text("site_name: x\n", encoding="utf-8")
    assert docs_dir_of(plain) == "docs"


def test_every_input_is_named(project: Path) -> None:
    inputs = project_inputs(project, project / "mkdocs.yml", project / "plans")
    assert inputs[(project / "plans").resolve()] == "the plans folder"
    assert inputs[(project / "pages").resolve()] == "the hand-written pages (docs_dir)"
    assert inputs[(project / "overrides").resolve()] == "the theme overrides (custom_dir)"
    assert inputs[(project / "mkdocs.yml").resolve()] == "the MkDocs configuration"
    assert inputs[cache_dir(project).resolve()] == "the build cache"
    assert inputs[THEME.resolve()] == "playbook's templates" and inputs[PACKAGE.resolve()] == "playbook's code"


@pytest.mark.parametrize(
    ("relative", "says"),
    [
        ("plans", "over the plans folder"),
        ("plans/archive", "inside the plans folder"),
        ("pages/method", "inside the hand-written pages"),
        ("overrides", "over the theme overrides"),
        (".", "would replace the project folder"),
        ("..", "would replace the project folder"),
    ],
)
def test_an_output_over_or_inside_an_input_is_refused(project: Path, relative: str, says: str) -> None:
    with pytest.raises(UserError, match=says):
        check(project, (project / relative).resolve())


def test_a_folder_of_other_files_is_refused_a_former_site_or_an_empty_one_is_not(project: Path) -> None:
    notes = project / "notes"
    notes.mkdir()
    (notes / "call.md").write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="not a site playbook built"):
        check(project, notes)
    (notes / "index.html").write_text("<html>", encoding="utf-8")
    check(project, notes)  # a site built before: replaced
    empty = project / "empty"
    empty.mkdir()
    check(project, empty)
    check(project, project / "site")  # not there yet


def test_a_file_is_not_an_output_folder(project: Path) -> None:
    (project / "site").write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="is a file, not a folder"):
        check(project, project / "site")


def test_the_config_is_found_in_the_working_folder_else_beside_the_package(project: Path, tmp_path: Path) -> None:
    assert find_config(project) == project / "mkdocs.yml"
    assert find_config(tmp_path) == ROOT / "mkdocs.yml"
