"""The quick preview (`make serve` = `mkdocs serve --dirty`): a plan edit rebuilds that client's
pages only, every rebuilt page is the page a full build makes, and nothing of the other clients is
lost (their pages, their search entries)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.present.site import PAGES
from tests.adapters.test_mkdocs import Server, fetch, free_port, wait_for
from tests.builder.test_site import project_copy

OLD, NEW = "Northwind Industrial Supply", "Northwind Valves"


def pages_of(server: Server, slug: str) -> dict[str, str]:
    """Every generated page of a client, as served (the live-reload script's epoch removed)."""
    out = {}
    for stem, _, _ in PAGES:
        url = f"{server.base}/{slug}/" + ("" if stem == "index" else f"{stem}/")
        out[stem] = re.sub(r"livereload\(\d+, \d+\)", "livereload()", fetch(url))
    return out


@pytest.fixture
def preview(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Server, Path]]:
    monkeypatch.setenv("PLAYBOOK_CACHE_DIR", str(tmp_path / "cache"))
    root = project_copy(tmp_path)
    server = Server(root, free_port(), tmp_path / "serve.log", "--dirty")
    try:
        wait_for(lambda: OLD in fetch(server.base + "/northwind/"), 120, "the first build")
        yield server, root
    finally:
        server.stop()


def test_a_plan_edit_rebuilds_that_clients_pages_only(preview: tuple[Server, Path]) -> None:
    server, root = preview
    before = {slug: pages_of(server, slug) for slug in ("kolosok", "northwind")}
    assert all(before["northwind"].values()) and all(before["kolosok"].values())
    plan = root / "plans" / "northwind.yaml"
    plan.write_text(plan.read_text("utf-8").replace(OLD, NEW), "utf-8")
    wait_for(lambda: NEW in fetch(server.base + "/northwind/"), 120, "the edited name")
    wait_for(lambda: server.builds() == 2, 30, "the rebuild to be logged")
    log = server.output().split("Building documentation")[-1]
    assert "playbook: preview: rebuilding northwind; 1 other client(s) kept as built" in log
    assert "dirty" not in server.output()  # MkDocs' warning about stale navigation is ours to prevent
    after = {slug: pages_of(server, slug) for slug in ("kolosok", "northwind")}
    assert after["kolosok"] == before["kolosok"]
    for stem, html in after["northwind"].items():
        # no stale page of the edited client; and, the name aside, each is the page it was: the method
        # pages that were not rebuilt keep their titles in its navigation
        assert OLD not in html and NEW in html, stem
        restored = html.replace(NEW, OLD).replace("northwind-valves", "northwind-industrial-supply")  # anchors
        # a chart's ids hash its drawing, whose title names the client: the new name gives new ids
        assert _ids_alike(restored) == _ids_alike(before["northwind"][stem]), stem
    home = fetch(server.base + "/")
    assert NEW in home and "Колосок" in home
    index = json.loads(fetch(server.base + "/search/search_index.json"))
    locations = {entry["location"].split("#")[0] for entry in index["docs"]}
    assert {"kolosok/", "kolosok/forecast/", "northwind/", "northwind/forecast/"} <= locations
    titles = {e["title"] for e in index["docs"] if e["location"] == "northwind/"}
    assert any(NEW in t for t in titles) and not any(OLD in t for t in titles)


def _ids_alike(html: str) -> str:
    """A page with its charts' content-hashed ids (`pb-forecast-3c8b9772e8-title`) made alike."""
    return re.sub(r"\b(pb-[a-z-]+?)-[0-9a-f]{10}\b", r"\1-id", html)


def test_a_new_client_rebuilds_every_page(preview: tuple[Server, Path]) -> None:
    """A client added (or removed) changes what every page shows: the whole site is rebuilt."""
    server, root = preview
    plans = root / "plans"
    # the same business under a second slug (its earlier audit stays its own: same business.name)
    (plans / "acme.yaml").write_text((plans / "northwind.yaml").read_text("utf-8"), "utf-8")
    wait_for(lambda: OLD in fetch(server.base + "/acme/"), 120, "the new client's page")
    assert 'href="acme/"' in fetch(server.base + "/")
    (plans / "acme.yaml").unlink()
    wait_for(lambda: 'href="acme/"' not in fetch(server.base + "/"), 120, "the removed client off the home page")
    assert fetch(server.base + "/acme/") == ""  # its pages are gone, not left stale
    assert OLD in fetch(server.base + "/northwind/")
