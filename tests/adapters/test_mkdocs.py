"""The MkDocs adapter under a real `mkdocs serve`: editing a plan rebuilds the page once (no rebuild
loop), a plan with a mistake shows the located error (no traceback) and the preview keeps running, and fixing it
brings the page back."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from benchmarks.measure import free_port  # one helper for the benchmark and the tests
from tests.builder.test_site import project_copy
from tests.conftest import TODAY

BUILT = "Documentation built in"


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return ""


def fetch_bytes(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bytes(response.read())
    except (urllib.error.URLError, OSError):
        return b""


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting {seconds:.0f} s for {what}")


class Server:
    def __init__(self, root: Path, port: int, log: Path, *options: str) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.log = log
        env = {**os.environ, "PLAYBOOK_TODAY": TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *options, "-f", f"{root}/mkdocs.yml", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            env=env,
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output(self) -> str:
        return self.log.read_text("utf-8", errors="replace")

    def builds(self) -> int:
        return self.output().count(BUILT)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Server, Path]]:
    monkeypatch.setenv("PLAYBOOK_CACHE_DIR", str(tmp_path / "cache"))
    root = project_copy(tmp_path)
    server = Server(root, free_port(), tmp_path / "serve.log")
    try:
        wait_for(lambda: "Northwind Industrial Supply" in fetch(server.base + "/northwind/"), 120, "the first build")
        yield server, root
    finally:
        server.stop()


def test_a_plan_edit_reloads_the_page_once(served: tuple[Server, Path]) -> None:
    server, root = served
    assert server.builds() == 1
    # the first build's PDF first: on a busy machine it could otherwise land after the edit's and be
    # taken for it
    wait_for(lambda: "playbook: PDF ready: northwind/audit.pdf" in server.output(), 120, "the first PDF")
    # reported as a build reports them: the count so far and the time (issue 17, "make serve reports
    # background PDFs"); two PDFs the first time (nothing cached yet)
    assert "playbook: 2 PDF audits rendering in the background" in server.output()
    ready = r"PDF ready: northwind/audit\.pdf \(\d+ pages, [\d.]+ s\); [12]/2 PDF audits, \d+:\d\d:\d\d elapsed"
    assert re.search(ready, server.output())
    plan = root / "plans" / "northwind.yaml"
    plan.write_text(plan.read_text("utf-8").replace("Northwind Industrial Supply", "Northwind Valves"), "utf-8")
    wait_for(lambda: "Northwind Valves" in fetch(server.base + "/northwind/"), 120, "the edited name")
    wait_for(lambda: server.builds() == 2, 30, "the rebuild to be logged")
    time.sleep(4)  # a rebuild that wrote into a watched folder would trigger another one by now
    assert server.builds() == 2, server.output()
    # the preview does not wait for the PDF audit: it follows a few seconds later, from the edited plan
    wait_for(lambda: "playbook: PDF ready: northwind/audit.pdf" in server.output().split(BUILT)[-1], 120, "the PDF")
    assert "; 1/1 PDF audits" in server.output().split(BUILT)[-1]  # kolosok's came from the cache
    pdf = fetch_bytes(server.base + "/northwind/audit.pdf")
    assert pdf.startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Northwind Valves" in text


def test_a_mistake_in_a_plan_is_shown_and_the_preview_survives(served: tuple[Server, Path]) -> None:
    server, root = served
    plan = root / "plans" / "northwind.yaml"
    good = plan.read_text("utf-8")
    lines = good.splitlines(keepends=True)
    name_line = next(i for i, line in enumerate(lines) if line.startswith("  name:"))
    lines.insert(name_line + 1, "  langauge: en\n")
    plan.write_text("".join(lines), "utf-8")
    expected = f"plans/northwind.yaml:{name_line + 2}:3: business.langauge: unknown key 'langauge'"
    wait_for(lambda: expected in server.output(), 120, "the located error in the serve log")
    assert "Traceback" not in server.output()
    assert server.process.poll() is None
    # MkDocs holds page requests while a rebuild has failed ("the server will appear stuck"), so the
    # consultant sees the error in the terminal; fixing the plan releases them with the new page.
    plan.write_text(good.replace("Northwind Industrial Supply", "Northwind Fixed"), "utf-8")
    wait_for(lambda: "Northwind Fixed" in fetch(server.base + "/northwind/"), 120, "the fixed plan's page")


def test_playbook_clients_narrows_a_plain_mkdocs_build(tmp_path: Path) -> None:
    """`make serve CLIENT=northwind` sets PLAYBOOK_CLIENTS: the site holds that client alone."""
    root = project_copy(tmp_path)
    env = {
        **os.environ,
        "PLAYBOOK_CLIENTS": "northwind",
        "PLAYBOOK_TODAY": TODAY.isoformat(),
        "PLAYBOOK_CACHE_DIR": str(tmp_path / "cache"),
    }
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(tmp_path / "out")],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )
    assert (tmp_path / "out" / "northwind" / "index.html").is_file()
    assert not (tmp_path / "out" / "kolosok").exists()
    home = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "Northwind Industrial Supply" in home and "Колосок" not in home


@pytest.mark.parametrize("clients", [["northwind"], []])
def test_files_loose_in_content_clients_are_never_published(tmp_path: Path, clients: list[str]) -> None:
    """content/clients/ holds one folder per client; a file placed directly in it is nobody's, and a
    one-client site must not carry another client's pricing in its pages or its search index."""
    from tests.conftest import run_build

    root = project_copy(tmp_path)
    loose = root / "content" / "clients"
    (loose / "kolosok").mkdir(parents=True)
    (loose / "kolosok-pricing.md").write_text("# Цены Колоска\n\nСекретнаяскидка 40 %.\n", encoding="utf-8")
    (loose / "price-list.pdf").write_bytes("%PDF-1.4 Секретнаяскидка".encode())
    (loose / "kolosok" / "notes.md").write_text("# Заметки\n\nЗаметкаколоска.\n", encoding="utf-8")
    out = tmp_path / "site"
    assert run_build(root / "plans", clients, out, TODAY, config_file=root / "mkdocs.yml") == 0
    published = b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file())
    assert "Секретнаяскидка".encode() not in published
    assert not list(out.rglob("kolosok-pricing*")) and not list(out.rglob("price-list*"))
    assert ("Заметкаколоска".encode() in published) == (not clients)  # a built client's own pages do go in


def test_sitemap_lastmod_follows_today(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs dates every page with the real build day; the playbook's pages are computed for
    --today, so the sitemap says --today too (a cached build and a fresh one agree)."""
    import re
    from datetime import date

    from tests.conftest import PLANS, ROOT, run_build

    monkeypatch.setenv("SITE_URL", "https://consultant.example/playbook/")
    day = TODAY if date.today() != TODAY else date(2026, 11, 21)  # a --today that is not the real day
    out = tmp_path / "site"
    assert run_build(PLANS, ["northwind"], out, day, config_file=ROOT / "mkdocs.yml") == 0
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    dates = re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)
    assert "https://consultant.example/playbook/northwind/economics/" in sitemap
    assert dates and set(dates) == {day.isoformat()}


def test_a_one_language_portfolio_has_one_method_tab(tmp_path: Path) -> None:
    """Two Russian clients: the site is Russian, with "Метод" and without the English "Method" pages."""
    import shutil

    from tests.conftest import PLANS, ROOT, run_build

    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLANS / "kolosok.yaml", plans / "kolosok.yaml")
    shutil.copy(PLANS / "kolosok.yaml", plans / "kolosok-2.yaml")
    out = tmp_path / "site"
    assert run_build(plans, [], out, TODAY, config_file=ROOT / "mkdocs.yml") == 0
    home = (out / "index.html").read_text("utf-8")
    assert "Метод" in home and ">Method<" not in home.replace("\n", "").replace(" ", "")
    assert not (out / "en" / "method").exists()
    assert (out / "method" / "index.html").exists()
    # the plan reference (kept in English) under a Russian menu label, saying so in Russian at its top
    reference = (out / "method" / "plan-format" / "index.html").read_text("utf-8")
    assert "Формат плана" in (out / "method" / "index.html").read_text("utf-8")
    assert "<title>Формат плана" in reference and ">Plan reference<" not in reference.split("<article", 1)[0]
    assert "Справочник по формату плана ведётся на английском языке" in reference
