"""builder/clients.py: the clients of a build as plain values — chosen by --client or
$PLAYBOOK_CLIENTS, described from a loaded plan, with their pages, calendar files and the paths they
generate — and every plan's problems raised together."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.builder.clients import (
    CALENDAR_FILES,
    Client,
    chosen_clients,
    generated_paths,
    load_clients,
    render_client,
    unrendered,
)
from generator.builder.publish import Feeds
from generator.errors import PlanValidationError, UserError
from tests.conftest import PLANS, TESTDATA, TODAY
from tests.present.small_plan import AUDITED, loaded_of


def test_the_chosen_clients_come_from_the_option_else_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLAYBOOK_CLIENTS", " kolosok , ,northwind")
    assert chosen_clients(["acme"]) == ["acme"]
    assert chosen_clients([]) == ["kolosok", "northwind"]
    monkeypatch.delenv("PLAYBOOK_CLIENTS")
    assert chosen_clients([]) == []


def test_a_client_complete_from_its_plan() -> None:
    loaded, figures = loaded_of(AUDITED)
    client = render_client(loaded, TODAY, figures=figures)
    assert (client.slug, client.language, client.name, client.visibility) == ("shop", "en", "Shop <b>", "unlisted")
    assert client.has_calendar and client.publishes_calendar and client.feed_folder == "shop"
    assert [name for name, _ in client.files] == list(CALENDAR_FILES)
    assert client.files[0][1].startswith(b"BEGIN:VCALENDAR")
    assert [path for path, _ in client.pages] == client.page_paths
    assert not client.pages_due and not client.calendar_due
    assert client.row["score"] == "38"  # the home page's row: (75 + 0) / 2 = 37.5 → 38
    bare = unrendered(client)
    assert (bare.pages, bare.files, bare.pages_due) == ([], (), False)


def test_every_generated_path_is_named_for_the_collision_message() -> None:
    client = Client(
        slug="shop", path=Path("shop.yaml"), language="en", name="Shop", visibility="public",
        feeds=Feeds("shop"), has_calendar=True,
    )
    paths = generated_paths([client])
    assert paths["index.md"] == "the portfolio index"
    assert paths["shop/audit.md"] == "the playbook of shop"
    assert paths["shop/calendar.ics"] == "the calendar of shop"
    assert paths["shop/audit.pdf"] == "the PDF audit of shop"
    assert len(paths) == 1 + len(client.page_paths) + 2 + 1


def test_an_unknown_client_is_named_with_the_choices(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"--client acme: no plan .*acme.yaml \(clients: kolosok, northwind\)"):
        load_clients(PLANS, ["acme"], TODAY)


def test_every_plans_problems_together(tmp_path: Path) -> None:
    for case in ("references", "duplicate-segment"):
        shutil.copyfile(TESTDATA / "loader" / "bad" / f"{case}.yaml", tmp_path / f"{case}.yaml")
    shutil.copyfile(PLANS / "kolosok.yaml", tmp_path / "kolosok.yaml")  # a good plan among them
    with pytest.raises(PlanValidationError) as caught:
        load_clients(tmp_path, [], TODAY)
    files = {Path(e.file).name for e in caught.value.errors}
    assert files == {"references.yaml", "duplicate-segment.yaml"}
