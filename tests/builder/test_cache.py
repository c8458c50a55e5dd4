"""The build cache (`generator/cache.py`): a build that finds nothing changed is skipped and the site
it leaves is the site a full build writes; any change of an input rebuilds. Speed is measured in
`make bench`, never here — these tests check that the cache is *correct*."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from generator.builder.cache import ClientCache, PdfCache
from generator.builder.outputs import docs_dir_of
from tests.builder.test_site import project_copy
from tests.conftest import TODAY, run_build

UP_TO_DATE = "is up to date"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project copy with its own cache folder; PDFs off (they have their own test below)."""
    monkeypatch.setenv("PLAYBOOK_CACHE_DIR", str(tmp_path / "cache"))
    root = project_copy(tmp_path)
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "      plans: plans\n" in text
    config.write_text(text.replace("      plans: plans\n", "      plans: plans\n      pdf: false\n"), "utf-8")
    return root


def build(root: Path, site: Path, *, today: date = TODAY, clients: list[str] | None = None, cache: bool = True) -> int:
    return run_build(root / "plans", clients or [], site, today, config_file=root / "mkdocs.yml", use_cache=cache)


def test_an_unchanged_build_is_skipped_and_equals_a_full_build(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    assert build(project, site) == 0
    assert UP_TO_DATE not in capsys.readouterr().out
    first = tree(site)
    assert build(project, site) == 0
    assert UP_TO_DATE in capsys.readouterr().out
    assert tree(site) == first
    assert build(project, tmp_path / "fresh", cache=False) == 0
    assert tree(tmp_path / "fresh") == first


def _edit_plan(root: Path) -> None:
    plan = root / "plans" / "northwind.yaml"
    plan.write_text(plan.read_text("utf-8").replace("Northwind Industrial Supply", "Northwind Supply Co"), "utf-8")


def _edit_archive(root: Path) -> None:
    plan = root / "plans" / "archive" / "northwind-2025.yaml"
    text = plan.read_text("utf-8")
    assert "status: absent" in text
    plan.write_text(text.replace("status: absent", "status: done", 1), "utf-8")


def _edit_page(root: Path) -> None:
    page = root / "content" / "method" / "problems.md"
    page.write_text(page.read_text("utf-8") + "\nДобавленный абзац.\n", "utf-8")


def _add_page(root: Path) -> None:
    (root / "content" / "clients" / "northwind").mkdir(parents=True, exist_ok=True)
    (root / "content" / "clients" / "northwind" / "notes.md").write_text("# Meeting notes\n", "utf-8")


def _edit_config(root: Path) -> None:
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("site_name: Playbook", "site_name: Agency playbooks"), "utf-8")


def _edit_override(root: Path) -> None:
    css = root / "theme" / "overrides" / "assets" / "stylesheets" / "playbook.css"
    css.write_text(css.read_text("utf-8") + "\n/* edited */\n", "utf-8")


def _delete_output(root: Path) -> None:
    (root.parent / "site" / "northwind" / "calendar.ics").unlink()


CHANGES: dict[str, Callable[[Path], None]] = {
    "plan": _edit_plan,
    "earlier audit in plans/archive": _edit_archive,
    "hand-written page": _edit_page,
    "new hand-written page": _add_page,
    "mkdocs.yml": _edit_config,
    "stylesheet": _edit_override,
    "a file of the built site": _delete_output,
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_any_changed_input_rebuilds(
    change: str, project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    assert build(project, site) == 0
    CHANGES[change](project)
    capsys.readouterr()
    assert build(project, site) == 0
    assert UP_TO_DATE not in capsys.readouterr().out
    assert build(project, tmp_path / "fresh", cache=False) == 0
    assert tree(site) == tree(tmp_path / "fresh")


def test_another_day_or_other_clients_rebuild(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    assert build(project, site) == 0
    capsys.readouterr()
    assert build(project, site, today=TODAY + timedelta(days=1)) == 0
    assert UP_TO_DATE not in capsys.readouterr().out
    assert build(project, site, today=TODAY + timedelta(days=1), clients=["northwind"]) == 0
    assert UP_TO_DATE not in capsys.readouterr().out
    assert not (site / "kolosok").exists()
    assert build(project, site, today=TODAY + timedelta(days=1), clients=["northwind"]) == 0
    assert UP_TO_DATE in capsys.readouterr().out


def test_a_failed_build_is_not_recorded(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    assert build(project, site) == 0
    plan = project / "plans" / "northwind.yaml"
    good = plan.read_bytes()
    plan.write_text(good.decode() + "\nlangauge: en\n", "utf-8")
    assert build(project, site) == 1
    plan.write_bytes(good)
    capsys.readouterr()
    assert build(project, site) == 0
    assert UP_TO_DATE in capsys.readouterr().out  # the site on disk is still the good build's


def test_docs_dir_is_read_from_the_config(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\ndocs_dir: 'pages'  # hand-written\n", "utf-8")
    assert docs_dir_of(config) == "pages"
    config.write_text("site_name: x\n", "utf-8")
    assert docs_dir_of(config) == "docs"


def test_pdf_cache_reuses_unchanged_audits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With PDFs on: editing one plan re-renders that plan's PDF only, and a reused PDF is byte for
    byte the one a fresh render writes."""
    monkeypatch.setenv("PLAYBOOK_CACHE_DIR", str(tmp_path / "cache"))
    root = project_copy(tmp_path)
    site = tmp_path / "site"
    assert build(root, site) == 0
    pdfs = sorted((tmp_path / "cache" / "pdf").glob("*.pdf"))
    assert len(pdfs) == 2
    _edit_plan(root)
    assert build(root, site) == 0
    assert len(list((tmp_path / "cache" / "pdf").glob("*.pdf"))) == 3  # one new PDF, kolosok's reused
    assert build(root, tmp_path / "fresh", cache=False) == 0
    for slug in ("kolosok", "northwind"):
        assert (site / slug / "audit.pdf").read_bytes() == (tmp_path / "fresh" / slug / "audit.pdf").read_bytes()
    text = subprocess.run(
        ["pdftotext", str(site / "northwind" / "audit.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Northwind Supply Co" in text


def test_pdf_cache_key_follows_its_inputs(tmp_path: Path) -> None:
    plan = tmp_path / "a.yaml"
    previous = tmp_path / "archive.yaml"
    plan.write_text("business: {name: A}\n", "utf-8")
    previous.write_text("business: {name: A}\n", "utf-8")
    key = PdfCache.key(plan, previous, "2026-11-22")
    assert PdfCache.key(plan, previous, "2026-11-22") == key
    assert PdfCache.key(plan, previous, "2026-11-23") != key
    assert PdfCache.key(plan, None, "2026-11-22") != key
    previous.write_text("business: {name: B}\n", "utf-8")
    assert PdfCache.key(plan, previous, "2026-11-22") != key
    store = PdfCache(tmp_path / "cache")
    assert store.get(key) is None
    store.put(key, b"%PDF-1.7 test")
    assert store.get(key) == b"%PDF-1.7 test"
    (tmp_path / "cache" / "pdf" / f"{key}.pdf").write_bytes(b"truncated")
    assert store.get(key) is None  # a damaged entry is a miss, never served


def test_client_cache_misses_when_the_earlier_audit_changes(tmp_path: Path) -> None:
    plan = tmp_path / "a.yaml"
    previous = tmp_path / "archive.yaml"
    plan.write_text("business: {name: A}\n", "utf-8")
    previous.write_text("business: {name: A}\n", "utf-8")
    store = ClientCache(tmp_path / "cache")
    key = ClientCache.key(plan, "2026-11-22")
    assert ClientCache.key(plan, "2026-11-23") != key
    store.put(key, {"client": "a"}, previous)
    assert store.get(key) == {"client": "a"}
    previous.write_text("business: {name: B}\n", "utf-8")
    assert store.get(key) is None
    store.put(key, {"client": "a"}, None)
    (tmp_path / "cache" / "clients" / f"{key}.pickle").write_bytes(b"\x80\x05truncated")
    assert store.get(key) is None  # a damaged entry is a miss
    plan.write_text("business: {name: A2}\n", "utf-8")
    assert ClientCache.key(plan, "2026-11-22") != key


def test_client_key_follows_the_feeds_secret_without_holding_it(tmp_path: Path) -> None:
    from generator.builder.publish import cache_variant

    plan = tmp_path / "kolosok.yaml"
    plan.write_text("business:\n  name: Колосок\n", "utf-8")
    one, other = cache_variant("first secret"), cache_variant("second secret")
    assert ClientCache.key(plan, "2026-11-22", one) != ClientCache.key(plan, "2026-11-22", other)
    assert ClientCache.key(plan, "2026-11-22", one) == ClientCache.key(plan, "2026-11-22", one)
    assert "first secret" not in one


def test_a_plans_measured_figures_are_an_input_of_every_key(tmp_path: Path) -> None:
    """measured/<slug>.yaml (playbook import, v3) changes a plan's outputs: every cache key sees it."""
    from generator.builder.cache import compute_build_key

    plans = tmp_path / "plans"
    plans.mkdir()
    plan = plans / "a.yaml"
    plan.write_text("business: {name: A}\n", "utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", "utf-8")

    def keys() -> tuple[str, str, str]:
        build = compute_build_key(
            config_file=config, docs_dir=tmp_path / "docs", plans=plans, today="2026-11-22", clients=["a"]
        )
        return ClientCache.key(plan, "2026-11-22"), PdfCache.key(plan, None, "2026-11-22"), build

    before = keys()
    (tmp_path / "measured").mkdir()
    (tmp_path / "measured" / "a.yaml").write_text("version: 3\n", "utf-8")
    with_measured = keys()
    (tmp_path / "measured" / "a.yaml").write_text("version: 3\nvisits: []\n", "utf-8")
    edited = keys()
    assert all(b != m != e for b, m, e in zip(before, with_measured, edited, strict=True))
