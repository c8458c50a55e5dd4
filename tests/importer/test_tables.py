"""Every format of the contract read into the same rows: encodings, separators, line ends,
XLSX (first sheet, Excel dates), Bitrix24's HTML .xls, ZIP, sitemap.xml."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from generator.errors import UserError
from generator.importer.tables import read_export, sniff
from tests.importer.helpers import csv_bytes, write

ROWS = [["Фраза", "Число запросов"], ["шиномонтаж рядом", "96 120"], ["замена масла; дёшево", "1,5"]]


@pytest.mark.parametrize(
    ("encoding", "sep", "newline"),
    [
        ("utf-8", ";", "\n"),
        ("utf-8-sig", ",", "\r\n"),
        ("cp1251", ";", "\r\n"),
        ("cp1251", "\t", "\n"),
        ("utf-16", "\t", "\r\n"),  # Excel's "Unicode text": UTF-16 with BOM, tab-separated
    ],
)
def test_text_encodings_separators_line_ends(tmp_path: Path, encoding: str, sep: str, newline: str) -> None:
    path = write(tmp_path, "export.txt", csv_bytes(ROWS, sep=sep, encoding=encoding, newline=newline))
    export = read_export(path)
    assert [list(r) for r in export.tables[0].rows()] == ROWS
    assert len(export.sha256) == 64


def test_sniff_skips_title_lines() -> None:
    sample = '"Посещаемость: визиты, цели"\n"Период: 01.10.2024 — 31.10.2026"\n\nМесяц,Визиты\n01.10.2024,"1 638"\n'
    assert sniff(sample) == ","


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.create_sheet("Second").append(["ignored"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_first_sheet_with_real_dates(tmp_path: Path) -> None:
    path = write(tmp_path, "deals.bin", _xlsx([["ID", "Дата закрытия"], [1, datetime(2026, 1, 2, 3, 4)]]))
    rows = list(read_export(path).tables[0].rows())
    assert rows == [["ID", "Дата закрытия"], [1, datetime(2026, 1, 2, 3, 4)]]


def test_bitrix_html_xls(tmp_path: Path) -> None:
    html = (
        "<html><head><meta charset='windows-1251'></head><body><table border=1>"
        "<tr><th>ID</th><th>Стадия сделки</th></tr><tr><td>7</td><td>Сделка <b>успешна</b></td></tr>"
        "</table></body></html>"
    )
    path = write(tmp_path, "deals.xls", html.encode("cp1251"))
    assert list(read_export(path).tables[0].rows()) == [["ID", "Стадия сделки"], ["7", "Сделка успешна"]]


def test_zip_of_csvs(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Queries.csv", "Top queries,Clicks\nx,1\n")
        archive.writestr("Pages.csv", csv_bytes(ROWS, sep=",", encoding="utf-8-sig"))
    path = write(tmp_path, "export.zip", buffer.getvalue())
    tables = read_export(path).tables
    assert [t.name for t in tables] == ["export.zip:Queries.csv", "export.zip:Pages.csv"]
    assert list(tables[1].rows()) == ROWS


def test_sitemap(tmp_path: Path) -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://a.example/</loc><lastmod>2026-01-02T10:00:00+07:00</lastmod></url>"
        "<url><loc>https://a.example/b</loc></url></urlset>"
    )
    table = read_export(write(tmp_path, "sitemap.xml", xml.encode())).tables[0]
    assert table.sitemap
    assert list(table.rows()) == [
        ["loc", "lastmod"],
        ["https://a.example/", "2026-01-02T10:00:00+07:00"],
        ["https://a.example/b", ""],
    ]


def test_a_damaged_zip_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="damaged"):
        read_export(write(tmp_path, "x.zip", b"PK\x03\x04garbage"))
