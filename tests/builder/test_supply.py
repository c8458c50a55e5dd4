"""builder/supply.py: a build's pages as MkDocs asks for them — rendered already, or waited for from
the stream's worker — and a client foreseen from the quick read of its plan checked against the
loaded plan (a disagreement is a bug: the build stops; a plan with problems stops it with all of them)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.builder.clients import Client, foreseen
from generator.builder.publish import Feeds
from generator.builder.stream import Stream
from generator.builder.supply import ClientSupply
from generator.errors import InternalError, PlanValidationError
from generator.load.facts import PlanFacts, read_facts
from tests.conftest import PLANS, TESTDATA, TODAY


def test_rendered_pages_are_served_without_a_stream() -> None:
    client = Client(
        slug="shop",
        path=Path("shop.yaml"),
        language="en",
        name="Shop",
        visibility="public",
        feeds=Feeds("shop"),
        pages=[("shop/index.md", "# Shop\n")],
    )
    supply = ClientSupply([client], None)
    assert supply.markdown("shop/index.md") == "# Shop\n"
    assert supply.markdown("shop/goals.md") is None and supply.markdown("method/index.md") is None
    assert supply.complete([client]) == [client]


def test_a_foreseen_client_is_settled_by_its_loaded_plan() -> None:
    path = PLANS / "northwind.yaml"
    facts = read_facts(path)
    assert facts is not None
    settled: list[str] = []
    stream = Stream([path, PLANS / "kolosok.yaml"], TODAY, "", {path})
    supply = ClientSupply([foreseen(path, facts, "", True)], stream, lambda: settled.append("one"))
    try:
        page = supply.markdown("northwind/index.md")  # waits for the loading, then for the pages
        assert page is not None and "Northwind Industrial Supply" in page
        assert settled == ["one"]
        (done,) = supply.complete([foreseen(path, facts, "", True)])
        assert not done.loaded_due and done.row["name"] == "Northwind Industrial Supply"
    finally:
        supply.close()


def test_a_quick_read_that_disagrees_stops_the_build() -> None:
    path = PLANS / "northwind.yaml"
    facts = read_facts(path)
    assert facts is not None and facts.language == "en"
    wrong = PlanFacts("ru", facts.name, facts.visibility, facts.password_env, facts.has_content)
    stream = Stream([path, PLANS / "kolosok.yaml"], TODAY, "", {path})
    supply = ClientSupply([foreseen(path, wrong, "", True)], stream)
    try:
        with pytest.raises(InternalError, match="gave language 'ru', the loaded plan 'en'"):
            supply.settle_all()
    finally:
        supply.close()


def test_a_plan_that_does_not_load_stops_the_build_with_its_problems(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    shutil.copyfile(TESTDATA / "loader" / "bad" / "references.yaml", bad)
    facts = PlanFacts(language="ru", name="Test", visibility="unlisted", password_env=None, has_content=True)
    stream = Stream([bad, PLANS / "kolosok.yaml"], TODAY, "", {bad})
    supply = ClientSupply([foreseen(bad, facts, "", True)], stream)
    try:
        with pytest.raises(PlanValidationError) as caught:
            supply.markdown("broken/index.md")
        assert caught.value.errors and all(e.file.endswith("broken.yaml") for e in caught.value.errors)
    finally:
        supply.close()
