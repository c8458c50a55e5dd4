"""Kinds recognised by their columns, after title lines; an unrecognised file names every kind tried."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import UserError
from generator.importer.recognise import not_recognised, recognise
from generator.importer.run import parse_maps
from generator.importer.tables import read_export
from tests.importer.helpers import csv_bytes, write

ALL = ["deals", "nps", "wordstat", "pages", "sitemap", "visits"]


def _kind(tmp_path: Path, rows: list[list[str]], maps: dict[str, str] | None = None, kinds: list[str] = ALL):
    table = read_export(write(tmp_path, "x.csv", csv_bytes(rows, sep=","))).tables[0]
    return recognise(table, kinds, maps or {}, forced=bool(maps))


def test_header_after_title_lines(tmp_path: Path) -> None:
    rows = [
        ["Посещаемость"],
        ["Период: 01.10.2024 — 31.10.2026"],
        [],
        ["Месяц", "Визиты", "Достижения целей"],
        ["Итого и средние", "10", "1"],
        ["01.10.2024", "10", "1"],
    ]
    found = _kind(tmp_path, rows)
    assert found is not None and found.kind == "visits" and found.header_index == 3
    assert found.columns == {"month": [0], "visits": [1], "goals": [2]}


def test_headers_ignore_case_and_spaces(tmp_path: Path) -> None:
    found = _kind(
        tmp_path, [[" TOP PAGES ", "clicks", "Impressions", "CTR", " position"], ["https://a/", "1", "2", "", "3"]]
    )
    assert found is not None and found.kind == "pages"


def test_deals_columns_by_name_and_by_what_the_header_holds(tmp_path: Path) -> None:
    header = [
        "ID",
        "Стадия сделки",
        "Сумма",
        "Дата создания",
        "Источник",
        "UTM Source",
        "Телефон контакта",
        "Рабочий телефон",
        "E-mail контакта",
        "ID контакта",
        "Контакт",
    ]
    found = _kind(tmp_path, [header, ["1"] * len(header)])
    assert found is not None and found.kind == "deals"
    assert found.columns["source"] == [4, 5] and found.columns["phone"] == [6, 7]
    assert found.columns["email"] == [8] and found.columns["contact_id"] == [9] and found.columns["contact"] == [10]


def test_a_generic_orders_csv_with_map(tmp_path: Path) -> None:
    rows = [["order", "paid on", "total", "client"], ["1", "01.02.2026", "100", "a@b.c"]]
    assert _kind(tmp_path, rows) is None
    maps = parse_maps(["closed=paid on", "amount=Total", "email=client"])
    found = _kind(tmp_path, rows, maps, ["deals"])
    assert found is not None and found.columns["closed"] == [1] and found.columns["amount"] == [2]


def test_unrecognised_names_the_kinds_and_their_columns() -> None:
    text = str(not_recognised("notes.csv", ALL))
    for needed in (
        "deals needs",
        "Бюджет",
        "nps needs",
        "0–10",
        "wordstat needs",
        "Число запросов",
        "pages needs",
        "Impressions",
        "sitemap needs",
        "visits needs",
        "Визиты",
    ):
        assert needed in text


def test_bad_map() -> None:
    with pytest.raises(UserError, match="unknown field"):
        parse_maps(["price=Total"])
    with pytest.raises(UserError, match="FIELD=COLUMN"):
        parse_maps(["amount"])
