"""`playbook build` and plain `mkdocs build` over the real plans: every client page, the one-client
site, collisions, symlinks, plan errors and the all-or-nothing site folder."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import PLANS, ROOT, TESTDATA, TODAY, run_build
from tests.render.test_site import html_tags

NBSP = "\u00a0"
CLIENT_PAGES = (
    "index",
    "goals",
    "audience",
    "competitors",
    "audit",
    "strategy",
    "roadmap",
    "checkpoints",
    "economics",
    "forecast",
    "automation",
    "calendar",
    "downloads",
)


def page(site: Path, slug: str, stem: str) -> str:
    path = site / slug / ("index.html" if stem == "index" else f"{stem}/index.html")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("portfolio") / "site"
    assert run_build(PLANS, [], out, TODAY, config_file=ROOT / "mkdocs.yml") == 0
    return out


def project_copy(tmp_path: Path) -> Path:
    """A throwaway project (mkdocs.yml, content/, theme overrides, plans/) to break on purpose."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(ROOT / "theme" / "overrides", root / "theme" / "overrides")
    shutil.copytree(PLANS, root / "plans")
    return root


def test_every_client_page_is_built(site: Path) -> None:
    for slug in ("kolosok", "northwind"):
        for stem in CLIENT_PAGES:
            text = page(site, slug, stem)
            assert '<meta name="description"' in text, (slug, stem)
        assert (site / slug / "calendar.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
        assert (site / slug / "calendar.csv").stat().st_size > 0
    assert not (site / "archive").exists()  # plans/archive/ holds no clients
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Пекарня «Колосок»" in home and "Northwind Industrial Supply" in home


def test_kolosok_key_figures(site: Path) -> None:
    economics = page(site, "kolosok", "economics")
    assert f"50 × 365 × 10 = 182{NBSP}500" in economics
    assert "100 × (62 − 13) / 100 = 49" in economics
    audit = page(site, "kolosok", "audit")
    assert "(25 + 13 + 10 + 13 + 33) / 5 = 18,8" in audit
    assert "<strong>19</strong> / 100" in audit
    assert "<svg" in audit  # gauge and family bars from generator.draw.charts
    calendar = page(site, "kolosok", "calendar")
    assert 'class="pb-month"' in calendar and "<svg" in calendar


def test_the_consultants_branding_is_in_every_footer(site: Path) -> None:
    """mkdocs.yml's extra.playbook (set once for the portfolio) reaches every page's footer; a plan
    naming its own consultant (business.consultant) has that name there, without the portfolio
    consultant's contacts."""
    home = (site / "index.html").read_text("utf-8").split('<footer class="md-footer">', 1)[1]
    assert "Anna Petrova" in home and "anna@petrova-marketing.example" in home
    for slug, stem, name in (("kolosok", "index", "Анна Смирнова"), ("northwind", "forecast", "Daniel Byrne")):
        footer = page(site, slug, stem).split('<footer class="md-footer">', 1)[1]
        assert "Petrova Marketing" in footer and name in footer
        assert "Anna Petrova" not in footer and "anna@petrova-marketing.example" not in footer


def test_each_page_speaks_its_clients_language(site: Path) -> None:
    assert '<html lang="ru"' in page(site, "kolosok", "audit")
    northwind = page(site, "northwind", "audit")
    assert '<html lang="en"' in northwind
    assert "Scores by family of tools" in northwind
    assert 'placeholder="Search"' in northwind  # Material's own labels follow the page's language


def test_navigation_in_the_method_order(site: Path) -> None:
    overview = page(site, "kolosok", "index")
    links = re.findall(r'<a href="([a-z]+)/" class="md-nav__link', overview)
    assert links[: len(CLIENT_PAGES) - 1] == list(CLIENT_PAGES[1:])
    # a Russian portfolio with an English client: one language in the menu, the English method named so
    tabs = [re.sub(r"\s+", " ", t).strip() for t in re.findall(r'class="md-tabs__link[^"]*">([^<]+)<', overview)]
    assert "Метод" in tabs and "Метод (на английском)" in tabs and "Method" not in tabs, tabs


def test_nothing_fetched_from_other_hosts(site: Path) -> None:
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
        for url in re.findall(r'<(?:link|script|img)[^>]+(?:href|src)="(https?://[^"]+)"', text):
            pytest.fail(f"{path} loads {url}")


def test_one_client_site_holds_that_client_alone(tmp_path: Path) -> None:
    for slug, other in (("kolosok", ("northwind", "Northwind")), ("northwind", ("kolosok", "Колосок"))):
        out = tmp_path / slug
        assert run_build(PLANS, [slug], out, TODAY, config_file=ROOT / "mkdocs.yml") == 0
        assert (out / slug / "index.html").exists()
        for path in out.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                for word in other:
                    assert word.encode("utf-8") not in data, f"{word} in {path}"
                    assert word.lower().encode("utf-8") not in data.lower() or path.suffix == ".js", path
                assert other[0] not in str(path.relative_to(out))
    assert '<html lang="en"' in (tmp_path / "northwind" / "index.html").read_text(encoding="utf-8")


def test_cli_build_and_unknown_client(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    assert main(["build", "--plans", str(PLANS), "--client", "nobody", "--site-dir", str(out)]) == 2
    assert "nobody" in capsys.readouterr().err
    assert not out.exists()


def test_collision_with_a_hand_written_page_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy(tmp_path)
    (root / "content" / "kolosok").mkdir()
    (root / "content" / "kolosok" / "audit.md").write_text("# Мой аудит\n", encoding="utf-8")
    out = tmp_path / "site"
    code = run_build(root / "plans", [], out, TODAY, config_file=root / "mkdocs.yml")
    assert code == 2
    err = capsys.readouterr().err
    assert "kolosok/audit.md" in err and "hand-written" in err
    assert not out.exists()
    assert (root / "content" / "kolosok" / "audit.md").read_text(encoding="utf-8") == "# Мой аудит\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]


def test_symlink_leaving_the_project_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy(tmp_path)
    secret = tmp_path / "secret.md"
    secret.write_text("# secret\n", encoding="utf-8")
    (root / "content" / "leak.md").symlink_to(secret)
    assert run_build(root / "plans", [], tmp_path / "site", TODAY, config_file=root / "mkdocs.yml") == 2
    assert "outside the project" in capsys.readouterr().err


def test_client_extra_pages_join_its_navigation(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    extra = root / "content" / "clients" / "kolosok"
    extra.mkdir(parents=True)
    (extra / "meeting.md").write_text("# Встреча 5 декабря\n\nИтоги встречи.\n", encoding="utf-8")
    (root / "content" / "clients" / "northwind").mkdir()
    (root / "content" / "clients" / "northwind" / "notes.md").write_text("# Northwind notes\n", encoding="utf-8")
    out = tmp_path / "site"
    assert run_build(root / "plans", ["kolosok"], out, TODAY, config_file=root / "mkdocs.yml") == 0
    overview = (out / "kolosok" / "index.html").read_text(encoding="utf-8")
    assert "Встреча 5 декабря" in overview  # in the client's navigation
    assert (out / "clients" / "kolosok" / "meeting" / "index.html").exists()
    assert not (out / "clients" / "northwind").exists()


def test_plan_error_fails_and_keeps_the_previous_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy(tmp_path)
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the site before", encoding="utf-8")
    (root / "plans" / "broken.yaml").write_text(
        "business:\n  name: Broken\n  language: de\ngoals:\n  - title: no id\n", encoding="utf-8"
    )
    assert run_build(root / "plans", [], out, TODAY, config_file=root / "mkdocs.yml") == 1
    err = capsys.readouterr().err
    assert re.search(r"broken\.yaml:3:\d+: business\.language", err), err
    assert re.search(r"broken\.yaml:5:\d+: goals\[0\]", err) or "goals" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]


def test_hostile_plan_builds_inert(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run_build(TESTDATA / "hostile", [], out, TODAY, config_file=ROOT / "mkdocs.yml") == 0
    for path in (out / "hostile").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        scripts = re.findall(r"<script[^>]*>(.{0,60})", text)
        assert all("alert" not in s for s in scripts), path
        for name, attrs in html_tags(text):
            assert name not in ("iframe", "img", "style", "object", "embed"), (path, name)
            for attr, value in attrs:
                assert not attr.startswith("on"), (path, name, attr)
                assert not re.match(r"\s*(javascript|file|data):", value or "", re.I), (path, name, attr, value)
        assert "{{ 7*7 }}" in html.unescape(text)  # shown as written (site name, title), never evaluated


def test_mkdocs_build_strict_passes(tmp_path: Path) -> None:
    env = {**os.environ, "PLAYBOOK_TODAY": TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (tmp_path / "site" / "kolosok" / "economics" / "index.html").exists()


class _TextAndAttributes(HTMLParser):
    """Every text node and attribute value of a page, entities decoded once (as a browser shows them)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.seen: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.extend(value for _, value in attrs if value)

    def handle_data(self, data: str) -> None:
        self.seen.append(data)


@pytest.mark.parametrize("clients", [[], ["quotes"]])
def test_names_and_code_are_escaped_exactly_once(tmp_path: Path, clients: list[str]) -> None:
    out = tmp_path / "site"
    assert run_build(TESTDATA / "escaping", clients, out, TODAY, config_file=ROOT / "mkdocs.yml") == 0
    shown: list[str] = []
    for path in out.rglob("*.html"):
        parser = _TextAndAttributes()
        parser.feed(path.read_text(encoding="utf-8"))
        shown.extend(parser.seen)
        entities = [s for s in parser.seen if re.search(r"&(#x?[0-9a-f]+|amp|lt|gt|quot);", s, re.I)]
        assert not entities, (path, entities[:3])  # an entity still visible after decoding: escaped twice
    text = "\n".join(shown)
    assert "O'Brien & Sons <Ltd>" in text  # the name, in navigation, titles and footer
    assert "Next: O'Brien & Sons <Ltd>" in text or "Previous: O'Brien & Sons <Ltd>" in text
    assert "Ads & O'Brien's `clicks < 5` plan" in text  # a plain heading: backticks are text
    assert "Mums & Dads' <club>" in text
    assert "clicks < 5" in text.replace("`", "")
    assert text.count("clicks < 5") > text.count("`clicks < 5`")  # the code span of a Markdown field


def _visible(html_text: str) -> str:
    """A page's text as a reader sees it: tags dropped, entities decoded, spaces collapsed."""
    import html as html_lib

    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", html_text))
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


@pytest.mark.parametrize("slug", ["kolosok", "northwind"])
def test_audit_page_shows_an_action_for_every_gap(site: Path, slug: str) -> None:
    from generator.compute.figures import compute_figures
    from generator.load.loader import load_plan

    figures = compute_figures(load_plan(PLANS / f"{slug}.yaml"), TODAY)
    assert figures.audit is not None
    text = _visible(page(site, slug, "audit"))
    gaps = [t for f in figures.audit.families for t in f.tools if t.status in ("absent", "partial") and not t.custom]
    assert gaps
    for tool in gaps:
        assert tool.recommendation, tool.id  # every catalogue gap has an action: the plan's or the default
        assert re.sub(r"[*_`]", "", tool.recommendation)[:60] in text, tool.id
        assert tool.why and tool.why[:60] in text, tool.id
    standard = "типовой совет" if figures.language == "ru" else "standard advice"
    defaults = [a for a in figures.audit.actions if a.recommendation_source == "default"]
    # the default advice is shown as advice, with no consultant's tag on a client page (issue 23:
    # "standard advice" stays in playbook report)
    assert defaults and standard not in text


def test_method_warnings_never_reach_the_site(tmp_path: Path) -> None:
    from generator.compute.figures import compute_figures
    from generator.load.loader import load_plan
    from generator.present.lint import lint_message

    plans = tmp_path / "plans"
    plans.mkdir()
    plan = plans / "warned.yaml"
    plan.write_text(
        "business: {name: Warned, language: en}\ngoals:\n  - {id: g, title: G}\n"
        "segments:\n  - {id: s, name: S, demand: [{query: q}]}\n"
        "strategy:\n  initiatives:\n    - {id: i, title: T, budget_monthly: 10}\n"
        "audit:\n  components: {sales: {crm: absent}, custom: [{family: it, id: p, name: P, status: absent}]}\n"
        "  practices: {regularity: partial, crm: done}\n",
        encoding="utf-8",
    )
    figures = compute_figures(load_plan(plan), TODAY)
    codes = {w.code for w in figures.lint}
    assert {"M101", "M102", "M103", "M104", "M105", "M106", "M107", "M108", "M109", "M110", "M112"} <= codes
    assert {"M113", "M115", "M116"} <= codes
    out = tmp_path / "site"
    assert run_build(plans, [], out, TODAY, config_file=ROOT / "mkdocs.yml") == 0
    messages = [lint_message(w, "en") for w in figures.lint]
    for path in (out / "warned").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".ics", ".csv", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not re.search(r"\bM1[01]\d\b", text), path
            for message in messages:
                assert message[:40] not in text, (path, message)
    pdf = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(out / "warned" / "audit.pdf"), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    pdf = re.sub(r"\s+", " ", pdf)
    assert not re.search(r"\bM1[01]\d\b", pdf)
    assert all(message[:40] not in pdf for message in messages)
