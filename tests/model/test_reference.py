"""docs/plan-format.md: its field tables are the model's, its examples are valid plans."""

from __future__ import annotations

import re
from typing import Any

import jsonschema
import pytest
import yaml

from generator.load.loader import load_text
from generator.model import Plan
from generator.model.reference import END, START, field_tables, sections, with_tables
from generator.model.sections import Business
from generator.model.values import Section
from tests.conftest import ROOT

DOC = ROOT / "docs" / "plan-format.md"
OUTSIDE = "../" + "shared"  # spelt apart so this file does not name it
EXAMPLES = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)


def test_committed_reference_is_up_to_date() -> None:
    """Run `make docs` when this fails: a model field or description changed."""
    text = DOC.read_text(encoding="utf-8")
    assert with_tables(text) == text


def test_a_changed_description_makes_the_reference_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    text = DOC.read_text(encoding="utf-8")
    monkeypatch.setattr(Business.model_fields["name"], "description", "A different meaning")
    assert with_tables(text) != text


def _all_models() -> set[type[Section]]:
    found: set[type[Section]] = set()
    todo: list[type[Section]] = [Section]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def test_every_model_and_field_has_a_row_in_its_table() -> None:
    text = DOC.read_text(encoding="utf-8")
    listed = dict((model, path) for path, model in sections())
    assert _all_models() <= set(listed), "a section model is unreachable from Plan"
    for model, path in listed.items():
        title = f"#### `{path}`" if path else "#### the plan (top level)"
        assert title in text, title
        table = text.split(title, 1)[1].split("####", 1)[0]
        for name in model.model_fields:
            assert f"| `{name}` |" in table, f"{path or 'plan'}.{name} is missing from docs/plan-format.md"


def test_generated_tables_show_ranges_and_defaults() -> None:
    tables = field_tables()
    assert "| `lifetime_years` | number, > 0 to 100 | — |" in tables
    assert "| `months` | whole number, 1 to 120 | `12` |" in tables
    assert "| `name` | one-line text | **required** |" in tables
    assert "| `gross_margin` | share: `35%` or `0.35` (0 to 1) |" in tables


def test_markers_are_required() -> None:
    with pytest.raises(ValueError, match="markers"):
        with_tables("# no markers\n")
    assert with_tables(f"a\n{START}\nold\n{END}\nb\n").endswith(f"{END}\nb\n")


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    import json

    return json.loads((ROOT / "plan.schema.json").read_text(encoding="utf-8"))


def _as_plan(block: str) -> dict[str, Any]:
    data = yaml.safe_load(block)
    assert isinstance(data, dict)
    return data if "business" in data else {"business": {"name": "Example"}, **data}


def _json_values(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _json_values(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_values(item) for item in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def test_reference_has_examples_of_every_part() -> None:
    keys = {key for block in EXAMPLES for key in _as_plan(block)}
    assert {"business", "goals", "segments", "audit", "strategy", "roadmap", "forecast"} <= keys
    assert {"economics", "content", "publish"} <= keys


@pytest.mark.parametrize("block", EXAMPLES, ids=lambda b: b.split(":", 1)[0])
def test_reference_examples_validate_against_the_schema(block: str, schema: dict[str, Any]) -> None:
    """A standard validator (jsonschema) accepts every example of the reference, as editors will."""
    validator = jsonschema.validators.validator_for(schema)(schema)
    assert [e.message for e in validator.iter_errors(_json_values(_as_plan(block)))] == []


def test_reference_examples_together_are_one_valid_plan() -> None:
    """The examples build on each other (ids defined in one are used in the next): together they load."""
    merged: dict[str, Any] = {}
    for block in EXAMPLES:
        merged.update(_as_plan(block))
    assert isinstance(load_text(yaml.safe_dump(merged, allow_unicode=True)), Plan)


def test_reference_is_linked_from_the_readme_and_the_site() -> None:
    """Consultants find the reference from the README, and clients' readers from the method section."""
    assert "](docs/plan-format.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    for method in (ROOT / "content" / "method", ROOT / "content" / "en" / "method"):
        assert "](plan-format.md)" in (method / "index.md").read_text(encoding="utf-8")
        assert (method / "plan-format.md").resolve() == DOC.resolve()  # the site publishes this very file


def test_no_project_file_links_outside_the_repository() -> None:
    """Users never see the shared folder beside the project: a link there is dead after a clone."""
    import subprocess

    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    offenders = []
    for name in listed.splitlines():
        path = ROOT / name
        text_file = path.suffix in (".md", ".yaml", ".yml", ".py", ".j2", ".html", ".toml", ".json")
        if text_file and path.is_file() and OUTSIDE in path.read_text(encoding="utf-8", errors="replace"):
            offenders.append(name)
    assert offenders == []


def test_reference_names_no_client() -> None:
    """The reference is published in every site, one-client sites too: it must not name a client."""
    text = DOC.read_text(encoding="utf-8").casefold()
    for plan in sorted((ROOT / "plans").glob("*.yaml")):
        name = yaml.safe_load(plan.read_text(encoding="utf-8"))["business"]["name"]
        assert plan.stem not in text and name.casefold() not in text, plan.stem
