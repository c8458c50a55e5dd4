"""`playbook import` end to end on the example exports, in UTF-8 and re-encoded to Windows-1251:
the figures reach `report --json`, the site, the PDF and the calendar — and the canary (a name, a
phone and an e-mail put in every raw export) reaches none of them, byte for byte in both encodings.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from generator.cli import main
from generator.importer.tables import sniff
from tests.conftest import ROOT, run_build

DATA = Path("/work/shared/examples/data")
TODAY = date(2026, 11, 22)
CANARY_NAME, CANARY_PHONE, CANARY_EMAIL = "Канарейкин Пётр", "+7 913 555-01-99", "canary@example.org"
NEEDLES = [
    "Канарейкин",
    "канарейкин",
    "КАНАРЕЙКИН",
    "9135550199",
    "913 555-01-99",
    "555-01-99",
    "canary@example",
    "canary",
]
TITLE = f"Составил: {CANARY_NAME}, {CANARY_PHONE}, {CANARY_EMAIL}"


def _transcode(source: Path, target: Path, encoding: str, sep: str, title: bool) -> Path:
    """A CSV of the examples re-written in `encoding` with `sep`, a canary title line first."""
    text = source.read_text("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=sniff(text)))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\r\n")
    if title:
        writer.writerow([TITLE])
    writer.writerows(rows)
    target.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    return target


def _exports(folder: Path, encoding: str) -> dict[str, Path]:
    folder.mkdir(parents=True)
    sep = ";" if encoding == "cp1251" else ","
    out = {}
    for name in ("amocrm-deals.csv", "nps-google-forms.csv"):
        out[name] = _transcode(DATA / name, folder / name, encoding, sep, title=False)
    for name in (
        "wordstat.csv",
        "metrica-visits.csv",
        "gsc-pages-2026-05-21_2026-08-19.csv",
        "gsc-pages-2026-08-20_2026-11-18.csv",
    ):
        out[name] = _transcode(DATA / name, folder / name, encoding, sep, title=True)
    sitemap = (DATA / "sitemap.xml").read_text("utf-8").replace("<urlset", f"<!-- {TITLE} -->\n<urlset", 1)
    (folder / "sitemap.xml").write_text(sitemap, "utf-8")
    out["sitemap.xml"] = folder / "sitemap.xml"
    return out


def _import(plan: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> str:
    t = ["--today", TODAY.isoformat()]
    first = [
        files[n]
        for n in ("amocrm-deals.csv", "nps-google-forms.csv", "wordstat.csv", "sitemap.xml", "metrica-visits.csv")
    ]
    assert main(["import", str(plan), *map(str, first), *t]) == 0
    for name, period in (
        ("gsc-pages-2026-05-21_2026-08-19.csv", "2026-05-21..2026-08-19"),
        ("gsc-pages-2026-08-20_2026-11-18.csv", "2026-08-20..2026-11-18"),
    ):
        assert main(["import", str(plan), str(files[name]), "--period", period, *t]) == 0
    captured = capsys.readouterr()
    return captured.out + captured.err


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """plans/utf.yaml and plans/win.yaml (the example plan), their exports under imports/."""
    root = tmp_path_factory.mktemp("project")
    (root / "plans").mkdir()
    for slug in ("utf", "win"):
        shutil.copy(DATA / "garage-data.yaml", root / "plans" / f"{slug}.yaml")
    return root


@pytest.fixture(scope="module")
def imported(project: Path) -> dict[str, str]:
    outputs = {}
    for slug, encoding in (("utf", "utf-8"), ("win", "cp1251")):
        files = _exports(project / "imports" / slug, encoding)
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            t = ["--today", TODAY.isoformat()]
            first = [
                files[n]
                for n in (
                    "amocrm-deals.csv",
                    "nps-google-forms.csv",
                    "wordstat.csv",
                    "sitemap.xml",
                    "metrica-visits.csv",
                )
            ]
            codes = [main(["import", str(project / "plans" / f"{slug}.yaml"), *map(str, first), *t])]
            for name, period in (
                ("gsc-pages-2026-05-21_2026-08-19.csv", "2026-05-21..2026-08-19"),
                ("gsc-pages-2026-08-20_2026-11-18.csv", "2026-08-20..2026-11-18"),
            ):
                codes.append(
                    main(["import", str(project / "plans" / f"{slug}.yaml"), str(files[name]), "--period", period, *t])
                )
            codes.append(main(["report", str(project / "plans" / f"{slug}.yaml"), *t]))
            codes.append(main(["report", str(project / "plans" / f"{slug}.yaml"), "--json", *t]))
        assert codes == [0, 0, 0, 0, 0], out.getvalue()
        outputs[slug] = out.getvalue()
    return outputs


def _report(project: Path, slug: str) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["report", str(project / "plans" / f"{slug}.yaml"), "--json", "--today", TODAY.isoformat()]) == 0
    return json.loads(out.getvalue())


def test_both_encodings_measure_the_same(project: Path, imported: dict[str, str]) -> None:
    utf, win = _report(project, "utf")["measured"], _report(project, "win")["measured"]
    assert utf["economics"] == win["economics"] and utf["nps"] == win["nps"]
    assert utf["refresh_queue"] == win["refresh_queue"] and utf["funnel"] == win["funnel"]
    assert [u["phrase"] for u in utf["demand"]["uncovered"]] == [u["phrase"] for u in win["demand"]["uncovered"]]


def test_the_report_keys_of_the_issue(project: Path, imported: dict[str, str]) -> None:
    m = _report(project, "utf")["measured"]
    for group in ("all", "private", "taxi", "tyres", "unassigned"):
        assert set(m["economics"][group]) >= {
            "average_check",
            "purchases_per_year",
            "retention",
            "lifetime_years",
            "ltv",
            "ltv_profit",
        }
    assert m["lost"]["count"] > 0 and m["lost"]["revenue"] > 0
    assert -100 <= m["nps"]["current"]["nps"] <= 100
    assert m["nps"]["segments"]["taxi"]["current"]["nps"] is not None
    assert len(m["demand"]["uncovered"]) == 20
    assert {r["reason"] for r in m["refresh_queue"]} == {"declining", "within_reach", "stale"}
    # the example's own numbers: "clicks 120 → 70", "position 11.4, 2 300 impressions"
    by_url = {r["url"].rstrip("/").rsplit("/", 1)[-1]: r for r in m["refresh_queue"]}
    assert (by_url["kak-chasto-menyat-maslo"]["clicks_before"], by_url["kak-chasto-menyat-maslo"]["clicks_after"]) == (
        120,
        70,
    )
    assert (by_url["kogda-menyat-kolodki"]["position"], by_url["kogda-menyat-kolodki"]["impressions"]) == (11.4, 2300)
    assert "tormoznaya-zhidkost" not in by_url  # refreshed 33 days ago (refresh_after_days: 90)
    assert set(m["funnel"]) >= {"visits", "goal_completions", "won_deals"} and m["funnel"]["won_deals"] > 0


def _needles() -> list[bytes]:
    out = []
    for needle in NEEDLES:
        for encoding in ("utf-8", "cp1251", "utf-16-le"):
            try:
                out.append(needle.encode(encoding))
            except UnicodeEncodeError:
                continue
    return out


def _assert_no_canary(data: bytes, where: str) -> None:
    for needle in _needles():
        assert needle not in data, f"canary {needle!r} in {where}"


def test_the_canary_is_in_every_raw_export(project: Path, imported: dict[str, str]) -> None:
    for path in (project / "imports").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert any(n in data for n in _needles()), path


def test_the_canary_is_nowhere_in_what_playbook_writes_or_prints(
    project: Path, imported: dict[str, str], tmp_path: Path
) -> None:
    for slug, printed in imported.items():
        _assert_no_canary(printed.encode("utf-8"), f"the output of import and report ({slug})")
    for path in (project / "measured").iterdir():
        _assert_no_canary(path.read_bytes(), str(path))
    site = tmp_path / "site"
    assert run_build(project / "plans", [], site, TODAY) == 0
    for slug in ("utf", "win"):
        pdf, ics = tmp_path / f"{slug}.pdf", tmp_path / f"{slug}.ics"
        assert main(["pdf", str(project / "plans" / f"{slug}.yaml"), "-o", str(pdf), "--today", TODAY.isoformat()]) == 0
        assert (
            main(["calendar", str(project / "plans" / f"{slug}.yaml"), "-o", str(ics), "--today", TODAY.isoformat()])
            == 0
        )
        _assert_no_canary(ics.read_bytes(), str(ics))
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout
        _assert_no_canary(text, str(pdf))
        shown = text.decode("utf-8")
        for figure in (
            "Измерено по данным клиента",
            "Выгрузка amoCRM",
            "NPS сейчас",
            "Потерянные клиенты",
            "клики 120 → 70 за последние 3 месяца",
            "Воронка за 12 месяцев",
        ):
            assert figure in " ".join(shown.split()), (slug, figure)
    pages = {
        name: (site / "utf" / name / "index.html").read_text("utf-8") for name in ("economics", "audience", "calendar")
    }
    assert "Измерено по данным клиента" in pages["economics"] and "NPS по месяцам" in pages["economics"]
    assert "Спрос, которого нет в плане" in pages["audience"] and "автосервис рядом" in pages["audience"]
    assert "Что обновить: по поисковой статистике" in pages["calendar"] and "позиция 11,4" in pages["calendar"]
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".pdf":
                data = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout
            _assert_no_canary(data, str(path))


def test_import_is_idempotent(project: Path, imported: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    measured = project / "measured" / "utf.yaml"
    before = measured.read_bytes()
    files = {p.name: p for p in (project / "imports" / "utf").iterdir()}
    printed = _import(project / "plans" / "utf.yaml", files, capsys)
    assert measured.read_bytes() == before
    assert "unchanged" in printed


def test_export_lost_is_refused_where_it_would_be_published(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = project / "plans" / "utf.yaml"
    deals = project / "imports" / "utf" / "amocrm-deals.csv"
    for target in (project / "plans" / "lost.csv", project / "measured" / "lost.csv", project / "site" / "lost.csv"):
        assert (
            main(
                [
                    "import",
                    str(plan),
                    str(deals),
                    "--export-lost",
                    str(target),
                    "--dry-run",
                    "--today",
                    TODAY.isoformat(),
                ]
            )
            == 2
        )
        assert not target.exists()
    assert "--export-lost" in capsys.readouterr().err
    lost = project / "imports" / "lost.csv"
    assert main(["import", str(plan), str(deals), "--export-lost", str(lost), "--today", TODAY.isoformat()]) == 0
    rows = list(csv.reader(io.StringIO(lost.read_text("utf-8-sig"))))
    count = _report(project, "utf")["measured"]["lost"]["count"]
    assert len(rows) == count + 1  # the header and one row per lost customer


def test_an_unrecognised_file_is_one_error(tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.csv"
    notes.write_text("a,b\n1,2\n", "utf-8")
    assert main(["import", str(project / "plans" / "utf.yaml"), str(notes), "--today", TODAY.isoformat()]) == 2
    err = capsys.readouterr().err
    assert "notes.csv: not recognised" in err and "deals needs" in err and "visits needs" in err


def test_pages_need_a_period(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = project / "imports" / "utf" / "gsc-pages-2026-05-21_2026-08-19.csv"
    assert (
        main(["import", str(project / "plans" / "utf.yaml"), str(pages), "--dry-run", "--today", TODAY.isoformat()])
        == 2
    )
    assert "--period" in capsys.readouterr().err


BUILD_AND_LIST_MODULES = """
import sys
from generator.cli import main
code = main(["build", "--plans", sys.argv[1], "--site-dir", sys.argv[2], "--today", sys.argv[3], "--no-cache"])
wanted = ("generator.", "openpyxl", "charset_normalizer", "pandas", "polars")
print(code, " ".join(sorted(m for m in sys.modules if m.startswith(wanted))))
"""
READERS = ("generator.importer", "openpyxl", "charset_normalizer", "pandas", "polars")


def test_the_build_never_imports_the_importer(project: Path, imported: dict[str, str], tmp_path: Path) -> None:
    """The build reads the YAML aggregates only: its process never imports the importer or its
    readers, and no module a worker runs imports them either (only the CLI's import command does)."""
    import os
    import sys

    run = subprocess.run(
        [
            sys.executable,
            "-c",
            BUILD_AND_LIST_MODULES,
            str(project / "plans"),
            str(tmp_path / "site"),
            TODAY.isoformat(),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={**os.environ, "PLAYBOOK_CACHE_DIR": str(tmp_path / "cache")},
    )
    code, modules = run.stdout.strip().splitlines()[-1].split(" ", 1)
    assert code == "0", run.stderr
    assert not [m for m in modules.split() if m.startswith(READERS)]
    assert "Измерено по данным клиента" in (tmp_path / "site" / "utf" / "economics" / "index.html").read_text("utf-8")
    import ast

    for path in (ROOT / "generator").rglob("*.py"):
        if "importer" in path.parts or path == ROOT / "generator" / "cli" / "onboarding.py":  # `playbook import`
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom | ast.Import):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                assert not [n for n in names if n.startswith(READERS)], path


def test_a_version_2_plan_is_untouched(tmp_path: Path) -> None:
    """No measured/ beside the plans: no `measured` in the JSON, the same figures as before."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["report", str(ROOT / "plans" / "kolosok.yaml"), "--json", "--today", TODAY.isoformat()]) == 0
    assert "measured" not in json.loads(out.getvalue())


def test_amocrm_and_bitrix24_exports_of_the_same_deals_measure_the_same(tmp_path: Path) -> None:
    from generator.importer.run import Options, run_import
    from generator.load.loader import load_plan

    (tmp_path / "plans").mkdir()
    shutil.copy(DATA / "garage-data.yaml", tmp_path / "plans" / "garage.yaml")
    loaded = load_plan(tmp_path / "plans" / "garage.yaml", today=TODAY)
    found = {}
    for name in ("amocrm-deals.csv", "bitrix24-deals.csv"):
        outcome = run_import(loaded, Options(files=[DATA / name], today=TODAY, dry_run=True))
        assert outcome.measured.deals is not None
        found[name] = outcome.measured.deals
    assert found["amocrm-deals.csv"] == found["bitrix24-deals.csv"]
    assert not (tmp_path / "measured").exists()  # a dry run writes nothing


def _measure_one(tmp_path: Path, export: Path, *extra: str) -> str:
    """Import one file for a copy of the example plan; the command's output."""
    plans = tmp_path / "plans"
    plans.mkdir(exist_ok=True)
    shutil.copy(DATA / "garage-data.yaml", plans / "garage.yaml")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["import", str(plans / "garage.yaml"), str(export), "--today", TODAY.isoformat(), *extra]) == 0
    return out.getvalue()


def test_xlsx_deals_with_excel_serial_dates(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Выгрузка сделок"])  # a title line before the header
    sheet.append(["ID", "Бюджет", "Этап сделки", "Дата закрытия", "Телефон", "Теги"])
    sheet.append([1, 1000, "Успешно реализовано", 46000, 79130000001, "такси"])  # 46000 = 2025-12-09
    sheet.append([2, "2 000,50", "Успешно реализовано", datetime(2025, 12, 10, 9, 30), "8 913 000-00-01", "такси"])
    path = tmp_path / "deals.xlsx"
    book.save(path)
    printed = _measure_one(tmp_path, path)
    assert "deals.xlsx: deals (amoCRM), 2 rows read; 2025-12-09 – 2025-12-10" in printed
    assert "2 won deals of 1 customer, revenue 3\u202f000" in printed  # one phone in two forms


def test_search_console_zip_names_its_period(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "gsc.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Queries.csv", "Top queries,Clicks,Impressions,CTR,Position\nшины,1,2,50%,3\n")
        archive.writestr("Pages.csv", (DATA / "gsc-pages-2026-08-20_2026-11-18.csv").read_bytes())
        archive.writestr("Filters.csv", "Filter,Value\nDate,2026-08-20 - 2026-11-18\n")
    printed = _measure_one(tmp_path, path)
    assert "gsc.zip: pages, 35 rows read; 2026-08-20 – 2026-11-18" in printed


def test_bitrix_html_xls_in_utf16_and_tabs(tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO((DATA / "bitrix24-deals.csv").read_text("utf-8")), delimiter=";"))
    html = (
        "<html><body><table>"
        + "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows[:200])
        + "</table></body></html>"
    )
    xls = tmp_path / "deals.xls"
    xls.write_bytes(html.encode("cp1251", errors="replace"))
    tab = tmp_path / "deals.txt"
    tab.write_bytes("\r\n".join("\t".join(row) for row in rows[:200]).encode("utf-16"))
    one = _measure_one(tmp_path, xls, "--dry-run")
    two = _measure_one(tmp_path, tab, "--dry-run")
    assert "deals (Bitrix24), 199 rows read" in one
    assert one.splitlines()[1] == two.splitlines()[1]  # the same won deals, customers and revenue
