"""The built site in real headless Chromium: navigation, Russian search, the calendar grid, no console
errors, and a hostile plan whose text never runs. Screenshots go to tests/artifacts/ (gitignored)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import PLANS, ROOT, TESTDATA, TODAY, run_build

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = ROOT / "tests" / "artifacts"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed (make system-deps)")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def _serve(folder: Path) -> Iterator[str]:
    """`folder` served on 127.0.0.1 (a free port) for as long as the block runs; its base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The portfolio, the hostile plan and the layout plans, built into one folder each, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("served")
    assert run_build(PLANS, [], root / "portfolio", TODAY, config_file=ROOT / "mkdocs.yml") == 0
    assert run_build(TESTDATA / "hostile", [], root / "hostile", TODAY, config_file=ROOT / "mkdocs.yml") == 0
    assert run_build(TESTDATA / "layout", [], root / "layout", TODAY, config_file=ROOT / "mkdocs.yml") == 0
    with _serve(root) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    # playwright's launch() gives every run a fresh temporary profile (it refuses --user-data-dir)
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def open_page(browser: object, scheme: str = "light") -> tuple[object, list[str]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    # a request cut short by leaving the page (ERR_ABORTED) is no error; anything else is
    page.on(
        "requestfailed",
        lambda r: None if "ERR_ABORTED" in (r.failure or "") else errors.append(f"failed: {r.url} {r.failure}"),
    )
    return page, errors


def shot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_client_pages_and_navigation(served: str, browser: object, scheme: str) -> None:
    page, errors = open_page(browser, scheme)
    page.goto(f"{served}/portfolio/")
    page.get_by_role("link", name="Пекарня «Колосок»").first.click()
    page.wait_for_url("**/kolosok/")
    assert page.locator("h1").inner_text().removesuffix("¶") == "Пекарня «Колосок»"
    shot(page, f"kolosok-overview-{scheme}")
    # follow the client's navigation in the method's order
    page.locator("nav.md-nav--primary a.md-nav__link[href='audit/']").first.click()
    page.wait_for_url("**/kolosok/audit/")
    assert "19" in page.locator(".pb-score__value").inner_text()
    shot(page, f"kolosok-audit-{scheme}")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url("**/kolosok/strategy/")
    page.goto(f"{served}/portfolio/kolosok/economics/")
    assert "50 × 365 × 10 = 182\u00a0500" in page.locator("article").inner_text()
    shot(page, f"kolosok-economics-{scheme}")
    page.goto(f"{served}/portfolio/northwind/forecast/")
    assert page.locator("html").get_attribute("lang") == "en"
    shot(page, f"northwind-forecast-{scheme}")
    assert errors == []


def test_calendar_grid(served: str, browser: object) -> None:
    page, errors = open_page(browser)
    page.goto(f"{served}/portfolio/kolosok/calendar/")
    grids = page.locator("table.pb-month")
    assert grids.count() == 12  # December 2026 … November 2027
    assert "декабрь 2026" in grids.first.locator("caption").inner_text().lower()
    first_slot = grids.first.locator("td.pb-slot--new").first
    assert "Как выбрать свежий хлеб" in (first_slot.get_attribute("title") or "")
    shot(page, "kolosok-calendar-light")
    assert errors == []


def test_search_finds_a_russian_word(served: str, browser: object) -> None:
    page, errors = open_page(browser)
    page.goto(f"{served}/portfolio/kolosok/")
    page.wait_for_load_state("networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    search.fill("торт")
    # Cyrillic arrives as text input, without key events; Material searches on key-up, as a real keyboard sends.
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert results.count() >= 1
    assert "торт" in page.locator(".md-search-result").inner_text().lower()
    shot(page, "search-tort")
    assert errors == []


def test_hostile_plan_runs_no_script(served: str, browser: object) -> None:
    page, errors = open_page(browser)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.add_init_script("window.__pwned = []; window.alert = (m) => window.__pwned.push(String(m));")
    for stem in (
        "",
        "goals/",
        "audience/",
        "competitors/",
        "audit/",
        "strategy/",
        "roadmap/",
        "economics/",
        "forecast/",
        "automation/",
        "calendar/",
        "downloads/",
    ):
        page.goto(f"{served}/hostile/hostile/{stem}")
        page.wait_for_load_state("networkidle")
        for link in page.locator("article a").all():
            href = link.get_attribute("href") or ""
            assert not href.lower().startswith(("javascript:", "file:", "data:")), href
        page.locator("article").hover()
        assert page.evaluate("window.__pwned") == [], stem
    page.goto(f"{served}/hostile/hostile/")
    assert "<script>alert('name')</script>" in page.locator("h1").inner_text()
    shot(page, "hostile-overview")
    assert dialogs == []
    assert errors == []


# What a reader would see go wrong with a page's width (tests/testdata/layout/check.js):
# - the page, or an element outside a scroll box, wider than the window;
# - a scroll box (table or chart) that needs a sideways scroll: never on a laptop (`wide`), and on a
#   phone only when the box is named for a screen reader (aria-label);
# - text clipped by a box that hides its overflow (a visually hidden table head is not);
# - a figure broken over two lines in a table cell («(4… 22… 235 000»), and on a laptop a worked
#   formula broken inside a cell (formulas go under the table instead).
LAYOUT_JS = (TESTDATA / "layout" / "check.js").read_text("utf-8")
CLIENT_PAGES = ("", "goals/", "audience/", "competitors/", "audit/", "strategy/", "roadmap/", "checkpoints/",
                "economics/", "forecast/", "automation/", "calendar/", "downloads/")  # fmt: skip
LAYOUT_PLANS = ("clinic-ru", "b2b-gb", "en-de")  # tests/testdata/layout: ru clinic, en-GB B2B, en with de-DE


@pytest.mark.parametrize("width", [1366, 390])
def test_every_client_page_fits_a_laptop_and_a_phone(served: str, browser: object, width: int) -> None:
    """At 1366 px no data table scrolls sideways and no figure is broken into fragments; at 390 px wide
    tables are cards (or a named scroll box), the roadmap chart has a phone's own drawing."""
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    problems = {}
    pages = [("portfolio", slug) for slug in ("kolosok", "northwind")] + [("layout", s) for s in LAYOUT_PLANS]
    for folder, slug in pages:
        for stem in CLIENT_PAGES:
            page.goto(f"{served}/{folder}/{slug}/{stem}")
            found = page.evaluate(LAYOUT_JS, width >= 1000)
            if found:
                problems[f"{slug}/{stem}"] = found[:3]
    page.goto(f"{served}/layout/clinic-ru/roadmap/")
    gantt = page.locator(".pb-chart--phone svg" if width < 700 else ".pb-chart--desktop svg")
    assert gantt.is_visible() and gantt.bounding_box()["width"] <= width  # type: ignore[index]
    shot(page, f"clinic-roadmap-{width}")
    context.close()
    assert problems == {}


@pytest.fixture(scope="module")
def private_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """kolosok private (its pages encrypted with a password from the environment) beside northwind public."""
    import os

    from tests.adapters.test_visibility import PASSWORD, make_project

    root = make_project(tmp_path_factory.mktemp("private"))
    site = root.parent / "site"
    os.environ["PB_TEST_KOLOSOK"] = PASSWORD
    try:
        assert run_build(root / "plans", ["kolosok", "northwind"], site, TODAY, config_file=root / "mkdocs.yml") == 0
    finally:
        os.environ.pop("PB_TEST_KOLOSOK", None)
    with _serve(site) as base:
        yield base


def test_private_page_opens_with_the_password_only(private_served: str, browser: object) -> None:
    from tests.adapters.test_visibility import PASSWORD

    page, errors = open_page(browser)
    page.goto(f"{private_served}/kolosok/economics/")
    page.wait_for_load_state("networkidle")
    body = page.locator("body").inner_text()
    assert "Колосок" not in body and "182\u00a0500" not in body  # nothing of the plan without the password
    assert page.title().startswith("Экономика")
    password = page.locator("#mkdocs-content-password")
    password.wait_for(state="visible")
    shot(page, "private-locked")
    password.fill("not the password")
    password.press("Enter")
    page.locator("#mkdocs-decrypt-msg").filter(has_text="Пароль не подошёл").wait_for(timeout=30000)
    assert "182\u00a0500" not in page.locator("body").inner_text()
    password.fill(PASSWORD)
    page.locator("#mkdocs-decrypt-button").click()
    article = page.locator("article")
    page.wait_for_function("document.querySelector('article').innerText.includes('182\u00a0500')", timeout=30000)
    assert "50 × 365 × 10 = 182\u00a0500" in article.inner_text()
    shot(page, "private-unlocked")
    # the key is kept for the session: the client's other pages open without typing it again
    page.goto(f"{private_served}/kolosok/audit/")
    page.wait_for_function("document.querySelector('.pb-score__value') !== null", timeout=30000)
    assert "19" in page.locator(".pb-score__value").inner_text()
    page.goto(f"{private_served}/kolosok/downloads/")
    # no PLAYBOOK_SITE_SECRET in this build: the private client's feeds are withheld, and the page says why
    withheld = "document.querySelector('article').innerText.includes('не умеют его вводить')"
    page.wait_for_function(withheld, timeout=30000)
    assert errors == []


def test_private_site_home_and_search_hold_no_private_text(private_served: str, browser: object) -> None:
    page, errors = open_page(browser)
    page.goto(f"{private_served}/")
    page.wait_for_load_state("networkidle")
    assert "Колосок" not in page.content()
    assert "Northwind Industrial Supply" in page.locator("article").inner_text()
    search = page.locator("input.md-search__input")
    search.click()
    search.fill("торт")
    page.keyboard.press("End")
    page.locator(".md-search-result__meta").wait_for(timeout=15000)
    assert "kolosok/" not in page.locator(".md-search-result").inner_html()
    assert errors == []


def test_dates_in_tables_stay_on_one_line_on_a_phone(served: str, browser: object) -> None:
    """On a 390 px phone the roadmap's «01.12.2026» once broke into «01.12.2» and «026»."""
    context = browser.new_context(viewport={"width": 390, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{served}/portfolio/kolosok/roadmap/")
    lines = page.evaluate(
        """() => [...document.querySelectorAll('table.pb-table td')]
             .filter(td => /^\\d\\d\\.\\d\\d\\.\\d{4}$/.test(td.textContent.trim()))
             .map(td => { const r = document.createRange(); r.selectNodeContents(td);
                          return [td.textContent.trim(), r.getClientRects().length]; })"""
    )
    context.close()
    assert lines and all(count == 1 for _, count in lines), lines


def test_words_in_table_cells_are_not_cut_on_a_phone(served: str, browser: object) -> None:
    """On a 390 px phone the goals table once showed «постоян|ных» and «клиенто|в»: words cut without a hyphen."""
    context = browser.new_context(viewport={"width": 390, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{served}/portfolio/kolosok/goals/")
    cut = page.evaluate(
        """() => {
             const cut = [];
             for (const td of document.querySelectorAll('table.pb-table td')) {
               const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
               for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                 for (const m of node.textContent.matchAll(/[А-Яа-яЁё]{6,}/g)) {
                   const r = document.createRange();
                   r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
                   const tops = new Set([...r.getClientRects()].map(q => Math.round(q.top)));
                   if (tops.size > 1) cut.push(m[0]);
                 }
               }
             }
             return cut;
           }"""
    )
    context.close()
    assert cut == [], cut
