"""The site build's worker (generator.builder.stream, builder/supply, adapters/calendarfiles): each
client's values, pages and calendar files as a direct render makes them, a plan's problems located,
the stream `playbook build` starts early taken by the build, and a build whose own process never
imports the plan model or the figures."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import icalendar
import pytest

from generator.builder.cache import ClientCache
from generator.builder.clients import Client, calendar_files, load_clients, render_client
from generator.builder.publish import cache_variant
from generator.builder.stream import BuildSession, Stream
from generator.builder.supply import ClientSupply
from generator.compute.figures import compute_figures
from generator.errors import PlanError
from generator.load.loader import load_plan
from generator.workers import WorkerPool
from tests.conftest import PLANS, ROOT, TESTDATA, TODAY, run_build

PAIR = [PLANS / "kolosok.yaml", PLANS / "northwind.yaml"]


def test_the_worker_renders_what_a_direct_render_makes(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    shutil.copyfile(TESTDATA / "loader" / "bad" / "absurd-numbers.yaml", bad)
    stream = Stream([*PAIR, bad], TODAY, "")
    try:
        clients = [stream.loads[p].result() for p in PAIR]
        problems = stream.loads[bad].result()
        assert isinstance(problems, list) and problems and all(isinstance(e, PlanError) for e in problems)
        assert all(e.file.endswith("broken.yaml") and e.line >= 1 for e in problems)
        assert stream.pages[bad].result() == [] and stream.calendars[bad].result() == ()
        assert all(isinstance(c, Client) and c.pages_due and c.pages == [] for c in clients)
        supply = ClientSupply(clients, stream)
        done = supply.complete(clients, files=True)
    finally:
        stream.close()
    for path, client in zip(PAIR, done, strict=True):
        direct = render_client(load_plan(path, today=TODAY), TODAY)
        assert client == direct, path.stem  # values, home-page row, pages and calendar files
        assert client.files and not client.pages_due and not client.calendar_due


def stopped(stream_or_pool: Stream | WorkerPool) -> bool:
    """A pool that takes no more tasks (closed, or its workers terminated)."""
    pool = stream_or_pool.pool if isinstance(stream_or_pool, Stream) else stream_or_pool
    try:
        pool.submit(int).cancel()
    except RuntimeError:
        return True
    return False


def test_a_prefetched_stream_is_taken_once() -> None:
    session = BuildSession()
    early = session.prefetch(PAIR, TODAY, "")
    assert early is not None
    assert session.take(PAIR[:1], TODAY, "") is early  # it covers what the build asks for
    fresh = session.take(PAIR, TODAY, "")  # nothing prefetched any more: a stream of its own
    assert fresh is not early
    fresh.close()
    other = session.prefetch(PAIR, TODAY, "")
    assert other is not None
    again = session.take(PAIR, TODAY, "another secret")  # the feeds' paths differ: not reused, and stopped
    assert again is not other and stopped(other) and not stopped(again)
    again.close()
    assert session.prefetch(PAIR[:1], TODAY, "") is None  # one plan loads faster here than a worker starts
    session.close()


def test_the_warm_worker_is_taken_by_the_stream_or_stopped() -> None:
    """`playbook build` starts its worker before reading its options (`warm_up`); the first stream
    takes it, and a build that needs none (up to date, a mistake in the options) stops it."""
    session = BuildSession()
    session.warm_up()
    warm = session.warm
    assert warm is not None
    stream = session.take(PAIR, TODAY, "")
    try:
        assert stream.pool is warm and session.warm is None
        assert isinstance(stream.loads[PAIR[0]].result(), Client)
    finally:
        stream.close()
    session.warm_up()
    unused = session.warm
    assert unused is not None and not stopped(unused)
    session.close()
    assert session.warm is None and stopped(unused)
    for process in unused.context.processes:  # killed, not left to finish its imports
        process.join(timeout=30)
        assert process.exitcode is not None


@pytest.mark.parametrize("cached", [False, True])
def test_the_site_holds_the_rendered_calendars(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cached: bool) -> None:
    monkeypatch.setenv("PLAYBOOK_CACHE_DIR", str(tmp_path / "cache"))
    site = tmp_path / "site"
    config = ROOT / "mkdocs.yml"
    assert run_build(PLANS, [], site, TODAY, config_file=config) == 0
    if cached:  # the second build finds the client, pages and calendar files included, in the cache
        store = ClientCache(tmp_path / "cache")
        entry = store.get(store.key(PLANS / "northwind.yaml", TODAY.isoformat(), cache_variant("")))
        assert isinstance(entry, Client) and not entry.calendar_due and not entry.pages_due
        assert len(entry.files) == 2 and len(entry.pages) == len(entry.page_paths)
        (site / "northwind" / "calendar.ics").unlink()
        assert run_build(PLANS, [], tmp_path / "again", TODAY, config_file=config) == 0
        site = tmp_path / "again"
    loaded = load_plan(PLANS / "northwind.yaml", today=TODAY)
    for name, data in calendar_files(loaded, compute_figures(loaded, TODAY)):
        assert (site / "northwind" / name).read_bytes() == data
    feed = icalendar.Calendar.from_ical((site / "northwind" / "calendar.ics").read_bytes())
    assert len(feed.walk("VEVENT")) > 100


BUILD_AND_LIST_MODULES = """
import sys
from generator.cli import main
code = main(["build", "--plans", sys.argv[1], "--site-dir", sys.argv[2], "--today", sys.argv[3], "--no-cache"])
print(code, " ".join(sorted(m for m in sys.modules if m.startswith("generator."))))
"""


def test_the_build_process_never_imports_the_model(tmp_path: Path) -> None:
    """The speed of a cold build depends on it: plans load in the worker while MkDocs starts."""
    run = subprocess.run(
        [sys.executable, "-c", BUILD_AND_LIST_MODULES, str(PLANS), str(tmp_path / "site"), TODAY.isoformat()],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**__import__("os").environ, "PLAYBOOK_CACHE_DIR": str(tmp_path / "cache")},
        check=True,
    )
    code, modules = run.stdout.strip().splitlines()[-1].split(" ", 1)
    assert code == "0", run.stderr
    imported = set(modules.split())
    assert "generator.builder.clients" in imported and "generator.adapters.mkdocs" in imported
    for heavy in ("generator.model", "generator.compute.figures", "generator.load.loader", "generator.render.site"):
        assert heavy not in imported, heavy
    assert (tmp_path / "site" / "kolosok" / "calendar.ics").is_file()


def test_clients_are_foreseen_from_a_quick_read_then_settled_as_loaded() -> None:
    """MkDocs lays the site out from the quick read of each plan (generator.load.facts) while the
    plans load: the settled client is the one a direct render makes."""
    stream = Stream(PAIR, TODAY, "")
    try:
        clients = load_clients(PLANS, ["kolosok", "northwind"], TODAY, stream=lambda paths, rendered: stream)
        assert all(c.loaded_due and c.pages_due and c.row == {} for c in clients)
        facts = [(c.language, c.visibility, c.has_calendar) for c in clients]
        assert facts == [("ru", "public", True), ("en", "public", True)]
        supply = ClientSupply(clients, stream)
        assert supply.markdown("northwind/index.md")  # settles northwind only
        assert list(supply.foreseen) == ["kolosok"]
        done = supply.complete(clients, files=True)
    finally:
        stream.close()
    for path, client in zip(PAIR, done, strict=True):
        assert client == render_client(load_plan(path, today=TODAY), TODAY), path.stem


def test_plans_that_fail_to_load_after_the_layout_report_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Their quick read was fine, so the build learns of their problems while reading pages: it
    still stops with the problems of every plan, and writes nothing."""
    plans = tmp_path / "plans"
    shutil.copytree(PLANS, plans, dirs_exist_ok=True)
    shutil.copyfile(TESTDATA / "loader" / "bad" / "absurd-numbers.yaml", plans / "zz-first.yaml")
    shutil.copyfile(TESTDATA / "loader" / "bad" / "unknown-key.yaml", plans / "zz-second.yaml")
    out = tmp_path / "site"
    assert run_build(plans, [], out, TODAY, config_file=ROOT / "mkdocs.yml", use_cache=False) == 1
    err = capsys.readouterr().err
    assert re.search(r"zz-first\.yaml:\d+:\d+: ", err) and re.search(r"zz-second\.yaml:\d+:\d+: ", err), err
    assert "in 2 plan files; the site was not built" in err and "Traceback" not in err
    assert "Error reading page" not in err  # no page is at fault
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".site")]


def test_a_quick_read_the_loaded_plan_contradicts_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The site would be laid out wrong (another language's navigation): a bug, said as one."""
    from generator.load import facts

    real = facts.read_facts

    def wrong(path: Path, parser: object = None) -> facts.PlanFacts | None:
        got = real(path)
        return replace(got, language="ru") if got is not None and path.stem == "northwind" else got

    monkeypatch.setattr(facts, "read_facts", wrong)  # the build's worker is forked from this process
    out = tmp_path / "site"
    assert run_build(PLANS, [], out, TODAY, config_file=ROOT / "mkdocs.yml", use_cache=False) == 3
    err = capsys.readouterr().err
    assert "internal error" in err and "northwind.yaml: the quick read of the plan gave language 'ru'" in err, err
    assert not out.exists()
