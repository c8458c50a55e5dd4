"""Calendar files rendered beside MkDocs (generator.builder.calendars, adapters/calendarfiles): the
site holds the same `.ics` and CSV a direct render makes, never the placeholder MkDocs was given,
and a second build takes them from the cache."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from generator.builder.cache import ClientCache
from generator.builder.calendars import CalendarBatch
from generator.builder.clients import calendar_files, load_client
from generator.builder.publish import cache_variant
from generator.compute.figures import compute_figures
from generator.load.loader import load_plan
from tests.conftest import PLANS, ROOT, TODAY, run_build


def test_the_batch_renders_what_a_direct_render_makes() -> None:
    path = PLANS / "kolosok.yaml"
    client = load_client(path, TODAY, calendar=False)
    assert not isinstance(client, list)
    assert client.calendar_due and client.files == ()
    (done,) = CalendarBatch([client]).finish()
    loaded = load_plan(path, today=TODAY)
    assert done.files == calendar_files(loaded, compute_figures(loaded, TODAY))
    assert not done.calendar_due
    assert CalendarBatch([]).finish() == []


@pytest.mark.parametrize("cached", [False, True])
def test_the_site_holds_the_rendered_calendars(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cached: bool) -> None:
    monkeypatch.setenv("PLAYBOOK_CACHE_DIR", str(tmp_path / "cache"))
    site = tmp_path / "site"
    config = ROOT / "mkdocs.yml"
    assert run_build(PLANS, ["northwind"], site, TODAY, config_file=config) == 0
    if cached:  # the second build finds the client, calendar files included, in the cache
        store = ClientCache(tmp_path / "cache")
        entry = store.get(store.key(PLANS / "northwind.yaml", TODAY.isoformat(), cache_variant("")))
        assert entry is not None and not entry.calendar_due and len(entry.files) == 2
        (site / "northwind" / "calendar.ics").unlink()
        assert run_build(PLANS, ["northwind"], tmp_path / "again", TODAY, config_file=config) == 0
        site = tmp_path / "again"
    loaded = load_plan(PLANS / "northwind.yaml", today=TODAY)
    expected = dict(calendar_files(loaded, compute_figures(loaded, TODAY)))
    for name, data in expected.items():
        assert (site / "northwind" / name).read_bytes() == data
    feed = icalendar.Calendar.from_ical((site / "northwind" / "calendar.ics").read_bytes())
    assert len(feed.walk("VEVENT")) > 100
