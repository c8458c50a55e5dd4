"""Search statistics, Wordstat, the sitemap and visits read as the contract says."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.importer import web
from generator.importer.recognise import recognise
from generator.importer.tables import read_export
from generator.model.measured import Period
from tests.importer.helpers import csv_bytes, write

KINDS = ["deals", "nps", "wordstat", "pages", "sitemap", "visits"]


def _found(tmp_path: Path, rows: list[list[str]]):
    table = read_export(write(tmp_path, "x.csv", csv_bytes(rows, sep=","))).tables[0]
    found = recognise(table, KINDS, {}, forced=False)
    assert found is not None
    return found


def test_pages_of_one_compared_url_add_up(tmp_path: Path) -> None:
    rows = [
        ["Page", "Clicks", "Impressions", "CTR", "Position"],
        ["https://www.a.example/x/", "10", "100", "1%", "2"],
        ["http://a.example/x#top", "5", "300", "1%", "6"],
        ["not a url", "1", "1", "", "1"],
    ]
    period, stats = web.read_pages(_found(tmp_path, rows), Period(start=date(2026, 1, 1), end=date(2026, 3, 31)))
    (page,) = period.pages
    assert (page.clicks, page.impressions) == (15, 400)
    assert page.position == (2 * 100 + 6 * 300) / 400  # weighted by impressions: 5
    assert dict(stats.skipped) == {"not_a_page": 1}


def test_wordstat_takes_the_largest_count(tmp_path: Path) -> None:
    rows = [["Фраза", "Число запросов"], ["шины", "10"], ["!шины", "1 200"], ["диски", "5"]]
    phrases, _ = web.read_wordstat(_found(tmp_path, rows))
    assert [(p.phrase, p.count) for p in phrases] == [("шины", 1200), ("диски", 5)]


def test_visits_skip_totals_and_comment_lines(tmp_path: Path) -> None:
    rows = [
        ["# Metrica"],
        ["Месяц", "Визиты", "Достижения целей"],
        ["Итого и средние", "30", "3"],
        ["01.10.2026", "10", "1"],
        ["2026-11", "20", "2"],
        ["2026-12", "5", "0"],
    ]
    months, stats = web.read_visits(_found(tmp_path, rows), date(2026, 11, 30))
    assert [(f"{m.month:%Y-%m}", m.visits, m.goal_completions) for m in months] == [
        ("2026-10", 10, 1),
        ("2026-11", 20, 2),
    ]
    assert dict(stats.skipped) == {"after_today": 1}


def test_filter_period_from_a_search_console_download(tmp_path: Path) -> None:
    filters = write(tmp_path, "Filters.csv", b"Filter,Value\nSearch type,Web\nDate,2026-05-21 - 2026-08-19\n")
    assert web.filter_period(read_export(filters).tables) == Period(start=date(2026, 5, 21), end=date(2026, 8, 19))
