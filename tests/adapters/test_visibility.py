"""Visibility in built sites (generator.adapters.visibility): a portfolio of a private, an unlisted and a
public client built by plain `mkdocs build --strict`, then searched for anything it must not show."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.builder.publish import feed_token
from tests.builder.test_site import project_copy
from tests.conftest import TODAY, run_build

PASSWORD = "Zq7pW2mLx9RtV4bN8cKj3HsF"
SECRET = "a long random portfolio secret for the tests"
SITE_URL = "https://consultant.github.io/playbook/"
PRIVATE_NAME = "Пекарня «Колосок»"
UNLISTED_NAME = "Harbor Pumps Unlisted"
EXTRA_TITLE = "Заметки о переговорах с арендодателем"
EXTRA_TEXT = "Скидка на аренду обсуждается до марта"


def make_project(tmp_path: Path) -> Path:
    """kolosok private (password in PB_TEST_KOLOSOK), northwind public, harbor unlisted by default (no publish)."""
    root = project_copy(tmp_path)
    plans = root / "plans"
    kolosok = plans / "kolosok.yaml"
    text = kolosok.read_text("utf-8").replace("publish: {visibility: public}", "")
    kolosok.write_text(text + "publish:\n  visibility: private\n  password_env: PB_TEST_KOLOSOK\n", "utf-8")
    northwind = (plans / "northwind.yaml").read_text("utf-8")
    harbor = northwind.replace("Northwind Industrial Supply", UNLISTED_NAME)
    harbor = harbor.replace("publish: {visibility: public}", "")
    harbor = re.sub(r"\n *previous: [^\n]*", "", harbor)  # northwind's earlier audit is not harbor's
    (plans / "harbor.yaml").write_text(harbor, "utf-8")
    extra = root / "content" / "clients" / "kolosok"
    extra.mkdir(parents=True, exist_ok=True)
    (extra / "notes.md").write_text(f"# {EXTRA_TITLE}\n\n{EXTRA_TEXT}\n", "utf-8")  # a hand-written extra page
    return root


def build_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PB_TEST_KOLOSOK", "PLAYBOOK_SITE_SECRET", "SITE_URL")}
    env.update({"PLAYBOOK_TODAY": TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1", **extra})
    return env


def mkdocs_build(root: Path, site: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    mkdocs = Path(sys.executable).parent / "mkdocs"
    return subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(site)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


BUILD_OUTPUT: list[str] = []


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    root = make_project(tmp_path_factory.mktemp("visibility"))
    site = root.parent / "site"
    # both secrets as `echo` or a secrets file gives them, with a line break: used as typed (issue 28)
    env = build_env(PB_TEST_KOLOSOK=PASSWORD + "\n", PLAYBOOK_SITE_SECRET=SECRET + "\n", SITE_URL=SITE_URL)
    result = mkdocs_build(root, site, env)
    assert result.returncode == 0, result.stderr
    BUILD_OUTPUT.append(result.stderr)
    assert "WARNING" not in result.stderr, result.stderr  # --strict stays clean
    assert PASSWORD not in result.stdout + result.stderr and SECRET not in result.stdout + result.stderr
    yield root, site


def site_text(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): p.read_text("utf-8", "replace")
        for p in site.rglob("*")
        if p.is_file() and p.suffix in (".html", ".json", ".xml", ".ics", ".csv", ".js", ".txt")
    }


def private_strings(root: Path) -> set[str]:
    """Longer text values of the private plan that are not also in the hand-written pages or other plans."""
    import yaml

    plan = yaml.safe_load((root / "plans" / "kolosok.yaml").read_text("utf-8"))
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and len(value) >= 10 and not re.fullmatch(r"[\d\s.:%/-]+|https?://\S+", value):
            found.add(value.strip()[:40])

    walk(plan)
    elsewhere = "".join(p.read_text("utf-8") for p in (root / "content").rglob("*.md"))
    elsewhere += (root / "plans" / "northwind.yaml").read_text("utf-8")
    return {s for s in found if s not in elsewhere and s != "PB_TEST_KOLOSOK"}


def test_no_plaintext_of_the_private_client(built: tuple[Path, Path]) -> None:
    root, site = built
    strings = private_strings(root)
    assert len(strings) > 30  # the plan's names, segments, queries, titles, notes
    # the one exception the contract makes: the calendar feeds at the secret path (calendar apps cannot
    # type a password); everything else of the site is searched
    secret_feeds = f"feeds/{feed_token(SECRET, 'kolosok')}/"
    texts = {path: text for path, text in site_text(site).items() if not path.startswith(secret_feeds)}
    strings |= {PRIVATE_NAME, "Колосок", EXTRA_TITLE, EXTRA_TEXT}
    leaks = {s: [path for path, text in texts.items() if s in text] for s in strings}
    assert {s: paths for s, paths in leaks.items() if paths} == {}
    # the pages are there, encrypted: the cipher and the password form, with plan-free titles
    economics = texts["kolosok/economics/index.html"]
    assert 'id="mkdocs-encrypted-content"' in economics and 'id="mkdocs-content-password"' in economics
    assert "<title>Экономика - Playbook</title>" in economics
    assert re.search(r'<meta name="robots" content="noindex">', economics)
    notes = texts["clients/kolosok/notes/index.html"]  # the client's hand-written page: encrypted too
    assert 'id="mkdocs-encrypted-content"' in notes and "<title>Notes - Playbook</title>" in notes


def test_the_private_pdf_opens_with_the_password_only(built: tuple[Path, Path]) -> None:
    _, site = built
    pdf = site / "kolosok" / "audit.pdf"
    reader = PdfReader(pdf)
    assert reader.is_encrypted and reader.decrypt("guess") == 0
    assert subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True).returncode != 0
    opened = subprocess.run(["pdftotext", "-upw", PASSWORD, str(pdf), "-"], capture_output=True, check=True)
    assert PRIVATE_NAME in opened.stdout.decode()
    assert not PdfReader(site / "northwind" / "audit.pdf").is_encrypted


def test_the_password_is_written_nowhere(built: tuple[Path, Path]) -> None:
    root, site = built
    cache = Path(os.environ["PLAYBOOK_CACHE_DIR"])
    secret_bytes = (PASSWORD.encode(), SECRET.encode())
    for folder in (site, root, cache):
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert not any(s in data for s in secret_bytes), path
    assert not (root / "encryptcontent.cache").exists()  # the plugin's key cache is keyed by the password


def test_home_sitemap_and_search_hold_public_clients_only(built: tuple[Path, Path]) -> None:
    _, site = built
    home = (site / "index.html").read_text("utf-8")
    assert "Northwind Industrial Supply" in home
    # not on the home page, nor in the navigation of any page but its own (no tab, no "next" link)
    for path in ("index.html", "northwind/downloads/index.html", "method/index.html", "404.html"):
        text = (site / path).read_text("utf-8")
        assert UNLISTED_NAME not in text and 'href="harbor/' not in text and "/harbor/" not in text, path
        assert "/kolosok/" not in text and 'href="kolosok/' not in text, path
    own = (site / "harbor" / "economics" / "index.html").read_text("utf-8")
    assert UNLISTED_NAME in own and "/kolosok/" not in own  # its own navigation, no other hidden client
    assert 'name="robots"' not in home
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    locs = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert f"{SITE_URL}northwind/economics/" in locs
    assert not [u for u in locs if "/harbor/" in u or "/kolosok/" in u or "/feeds/" in u]
    import gzip

    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode() == sitemap
    docs = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    folders = {d["location"].split("/")[0] for d in docs}
    assert "northwind" in folders and "harbor" not in folders and "kolosok" not in folders
    assert not [d for d in docs if UNLISTED_NAME in d.get("text", "") + d.get("title", "")]


def test_unlisted_pages_carry_noindex_and_public_ones_not(built: tuple[Path, Path]) -> None:
    _, site = built
    for stem in ("", "economics/", "calendar/", "downloads/"):
        assert '<meta name="robots" content="noindex">' in (site / "harbor" / stem / "index.html").read_text("utf-8")
        assert 'name="robots"' not in (site / "northwind" / stem / "index.html").read_text("utf-8")
    assert UNLISTED_NAME in (site / "harbor" / "index.html").read_text("utf-8")  # reachable by its link


def test_feeds_live_under_the_secret_path(built: tuple[Path, Path]) -> None:
    _, site = built
    for slug in ("harbor", "kolosok"):
        folder = site / "feeds" / feed_token(SECRET, slug)
        assert (folder / "calendar.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
        assert (folder / "calendar.csv").is_file()
        assert not (site / slug / "calendar.ics").exists()
    assert (site / "northwind" / "calendar.ics").is_file()  # a public client's feed stays beside its pages
    downloads = (site / "harbor" / "downloads" / "index.html").read_text("utf-8")
    assert f'href="../../feeds/{feed_token(SECRET, "harbor")}/calendar.ics"' in downloads
    calendar = (site / "harbor" / "calendar" / "index.html").read_text("utf-8")
    assert f"feeds/{feed_token(SECRET, 'harbor')}/calendar.ics" in calendar


def test_without_the_password_nothing_is_written(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    site = tmp_path / "out"
    result = mkdocs_build(root, site, build_env())
    assert result.returncode != 0
    lines = (root / "plans" / "kolosok.yaml").read_text("utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.startswith("  password_env:"))
    expected = f"plans/kolosok.yaml:{line}:17: publish.password_env: the environment variable PB_TEST_KOLOSOK "
    expected += "is not set"
    assert expected in result.stderr
    assert not site.exists() or not any(site.rglob("*.html"))
    # playbook build: exit 1, the located line, and no site folder at all
    os.environ.pop("PB_TEST_KOLOSOK", None)
    assert run_build(root / "plans", [], site, TODAY, config_file=root / "mkdocs.yml") == 1
    assert not site.exists()


def test_without_the_secret(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No PLAYBOOK_SITE_SECRET: the private client's feeds are not published (its pages say why, the
    console says how to publish them), the unlisted client's stay at its slug; a per-client build of a
    private client makes its own site."""
    root = make_project(tmp_path)
    monkeypatch.delenv("PLAYBOOK_SITE_SECRET", raising=False)
    monkeypatch.setenv("PB_TEST_KOLOSOK", PASSWORD)
    site = tmp_path / "out"
    assert run_build(root / "plans", ["kolosok", "harbor"], site, TODAY, config_file=root / "mkdocs.yml") == 0
    console = capsys.readouterr().err
    assert "playbook: kolosok: the calendar feeds" in console and "PLAYBOOK_SITE_SECRET" in console
    assert "harbor: the calendar feeds" not in console
    assert "example branding shipped with playbook" in console  # the project copy keeps mkdocs.yml's example
    assert (site / "harbor" / "calendar.ics").is_file()
    assert [p.relative_to(site).as_posix() for p in site.rglob("*.ics")] == ["harbor/calendar.ics"]
    assert not (site / "feeds").exists()
    one = tmp_path / "one"
    assert run_build(root / "plans", ["kolosok"], one, TODAY, config_file=root / "mkdocs.yml") == 0
    home = (one / "index.html").read_text("utf-8")
    assert 'id="mkdocs-encrypted-content"' in home and PRIVATE_NAME not in home  # its home is encrypted too
    assert "<title>" in home and "kolosok" in home.split("<title>")[1].split("</title>")[0]
    shutil.rmtree(one)


def test_a_private_site_is_rebuilt_with_a_new_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No cache key holds the password, so a build with a private client is never taken as up to date:
    a changed password always reaches the site (a public-only site is reused, see tests/builder)."""
    from generator.builder.site import build_site

    root = make_project(tmp_path)
    site = tmp_path / "out"
    monkeypatch.setenv("PB_TEST_KOLOSOK", PASSWORD)
    first = build_site(root / "plans", ["kolosok"], site, TODAY, root / "mkdocs.yml")
    assert not first.up_to_date
    monkeypatch.setenv("PB_TEST_KOLOSOK", PASSWORD[::-1])
    second = build_site(root / "plans", ["kolosok"], site, TODAY, root / "mkdocs.yml")
    assert not second.up_to_date
    reader = PdfReader(site / "kolosok" / "audit.pdf")
    assert reader.decrypt(PASSWORD) == 0 and reader.decrypt(PASSWORD[::-1]) != 0
    public = build_site(root / "plans", ["northwind"], tmp_path / "public", TODAY, root / "mkdocs.yml")
    again = build_site(root / "plans", ["northwind"], tmp_path / "public", TODAY, root / "mkdocs.yml")
    assert not public.up_to_date and again.up_to_date


def portfolio_of(tmp_path: Path, count: int) -> Path:
    """A project of `count` copies of kolosok (client-1 … client-N, "Bakery Number N"), PDFs off."""
    (tmp_path / f"of-{count}").mkdir()
    root = project_copy(tmp_path / f"of-{count}")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("plans: plans", "plans: plans\n      pdf: false"), "utf-8")
    plans = root / "plans"
    kolosok = (plans / "kolosok.yaml").read_text("utf-8")
    shutil.rmtree(plans)
    plans.mkdir()
    for i in range(1, count + 1):
        text = kolosok.replace("Пекарня «Колосок»", f"Bakery Number {i}")
        (plans / f"client-{i}.yaml").write_text(text, "utf-8")
    return root


def test_a_client_page_does_not_grow_with_the_portfolio(tmp_path: Path) -> None:
    """A client's pages weigh the same in a portfolio of 2 and of 8 (issue 17: a page carried every client's
    navigation); they name no other client, link home, and keep the method pages reachable."""
    sizes: dict[int, dict[str, int]] = {}
    for count in (2, 8):
        root = portfolio_of(tmp_path, count)
        site = tmp_path / f"site-{count}"
        result = mkdocs_build(root, site, build_env())
        assert result.returncode == 0, result.stderr
        assert "loaded and rendered" not in result.stderr  # plain mkdocs shows no playbook progress
        pages = sorted((site / "client-1").rglob("index.html"))
        assert len(pages) == 13
        sizes[count] = {p.relative_to(site).as_posix(): p.stat().st_size for p in pages}
        for path in pages:
            text = path.read_text("utf-8")
            others = [i for i in range(2, count + 1) if f"Bakery Number {i}<" in text or f"client-{i}/" in text]
            assert not others, (path, others)
            assert "Bakery Number 1" in text  # its own client's navigation
            assert 'href="../../method/' in text or 'href="../method/' in text, path
        home = (site / "index.html").read_text("utf-8")
        assert all(f'href="client-{i}/"' in home for i in range(1, count + 1))  # the home page lists them all
        method = (site / "method" / "index.html").read_text("utf-8")
        assert "client-1/" not in method and "Bakery Number" not in method
    assert sizes[2].keys() == sizes[8].keys()
    for path, size in sizes[2].items():
        assert abs(sizes[8][path] - size) <= 8, (path, size, sizes[8][path])


def test_a_client_made_public_is_searchable_in_the_next_build_of_the_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The encryption plugin remembers the pages it encrypted for the whole process (a class-wide dict) and
    would keep dropping their search entries — in a `mkdocs serve` session after a client went public, or in
    any later in-process build; playbook starts every build with that list empty."""
    root = make_project(tmp_path)
    monkeypatch.setenv("PB_TEST_KOLOSOK", PASSWORD)
    first = tmp_path / "private"
    assert run_build(root / "plans", ["kolosok", "northwind"], first, TODAY, config_file=root / "mkdocs.yml") == 0
    kolosok = root / "plans" / "kolosok.yaml"
    text = kolosok.read_text("utf-8").split("publish:\n  visibility: private")[0]
    kolosok.write_text(text + "publish: {visibility: public}\n", "utf-8")
    second = tmp_path / "public"
    assert run_build(root / "plans", ["kolosok", "northwind"], second, TODAY, config_file=root / "mkdocs.yml") == 0

    def searchable(site: Path) -> bool:
        docs = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
        return any(d["location"].startswith("kolosok/") for d in docs)

    assert not searchable(first) and searchable(second)


def test_secrets_with_a_line_break_are_used_as_typed_and_said(built: tuple[Path, Path]) -> None:
    """The PDF opens with the password as typed (test above); the build said what it removed."""
    (output,) = BUILD_OUTPUT
    assert "PB_TEST_KOLOSOK ended with a line break; it was removed" in output
    assert "PLAYBOOK_SITE_SECRET ended with a line break; it was removed" in output


def test_the_key_is_derived_with_600_000_pbkdf2_rounds(built: tuple[Path, Path]) -> None:
    """The reader's browser derives the key with the rounds the build used (OWASP 2023: 600 000)."""
    _, site = built
    scripts = [p.read_text("utf-8") for p in site.rglob("*.js") if "decrypt" in p.name]
    assert scripts and all("iterations: encryptcontent_obfuscate ? 1 : 600000" in s for s in scripts)


def test_the_review_copy_of_a_private_client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`build --review DIR`: the private client unencrypted beside the site, every page and PDF page
    marked as a review copy; the site itself stays encrypted; a review folder inside the site is refused."""
    from generator.cli import main

    root = make_project(tmp_path)
    monkeypatch.delenv("PLAYBOOK_SITE_SECRET", raising=False)
    monkeypatch.setenv("PB_TEST_KOLOSOK", PASSWORD)
    site, review = tmp_path / "out", tmp_path / "review"
    base = ["build", "--plans", str(root / "plans"), "--config", str(root / "mkdocs.yml"), "--today", TODAY.isoformat()]
    # refused inside the site folder, before anything is written
    assert main([*base, "--site-dir", str(site), "--review", str(site / "review")]) == 2
    assert not site.exists()
    chosen = ["--client", "kolosok", "--client", "northwind"]
    assert main([*base, *chosen, "--site-dir", str(site), "--review", str(review)]) == 0
    assert 'id="mkdocs-encrypted-content"' in (site / "kolosok" / "index.html").read_text("utf-8")
    assert PdfReader(site / "kolosok" / "audit.pdf").is_encrypted
    # the review copy holds the private client alone (northwind is public), nothing encrypted
    assert sorted(p.name for p in review.iterdir() if (p / "audit.pdf").is_file()) == ["kolosok"]
    pages = [p for p in review.rglob("index.html") if "assets" not in p.parts and "search" not in p.parts]
    assert len(pages) > 12
    for page in pages:
        html = page.read_text("utf-8")
        assert "mkdocs-encrypted-content" not in html, page
        assert "Копия для проверки — не для публикации" in html, page  # marked at the top of every page
        assert 'name="robots" content="noindex"' in html, page
    assert PRIVATE_NAME in (review / "kolosok" / "index.html").read_text("utf-8")
    pdf = PdfReader(review / "kolosok" / "audit.pdf")
    assert not pdf.is_encrypted
    texts = [" ".join(page.extract_text().split()) for page in pdf.pages]
    assert all("Копия для проверки — не для публикации" in text for text in texts)
