"""An export file → its tables of cells, whatever the tool wrote: recognised by content, never by name.

CSV and "Unicode text" in UTF-8 (with or without BOM), Windows-1251 or UTF-16 with BOM, separated
by `,`, `;` or tab, LF or CRLF; XLSX (openpyxl, read-only); Bitrix24's "Excel" export, an HTML
table saved as `.xls` (html.parser); a ZIP of any of these (Search Console's download);
`sitemap.xml`. A CSV is streamed from disk row by row (`Table.rows`), or handed whole, as UTF-8,
to a column reader (`Table.whole`: `deal_columns` reads a large deals export with polars).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from generator.errors import UserError

Row = list[Any]
SAMPLE = 65536
csv.field_size_limit(1 << 24)


@dataclass(frozen=True)
class Table:
    """One table of an export: `rows()` reads it from its first row each time it is called."""

    name: str
    rows: Callable[[], Iterator[Row]]
    sitemap: bool = False
    whole: Callable[[], tuple[bytes, str]] | None = None  # a CSV's (UTF-8 text, separator): column readers


@dataclass(frozen=True)
class Export:
    """A file given to `playbook import`: its name, SHA-256 and tables."""

    path: Path
    sha256: str
    tables: list[Table]


def read_export(path: Path) -> Export:
    """The file's tables; `UserError` when it cannot be read or is no table at all."""
    try:
        digest, head, utf8 = _scan(path)
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if head.startswith(b"PK"):
        tables = _zip_tables(path.name, path.read_bytes())
    else:
        tables = _text_tables(path.name, head, utf8, lambda enc: open(path, encoding=enc, newline=""))  # noqa: SIM115
    if not tables:
        raise UserError(f"{path.name}: not a table this importer reads (CSV, XLSX, HTML .xls, ZIP, sitemap.xml)")
    return Export(path=path, sha256=digest, tables=tables)


def _scan(path: Path) -> tuple[str, bytes, bool]:
    """SHA-256, the first bytes, and whether the whole file is valid UTF-8 — in one pass."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, head = True, b""
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
            head = head or chunk[:SAMPLE]
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
    return digest.hexdigest(), head, utf8


def encoding(head: bytes, utf8: bool) -> str:
    """The text encoding: a BOM decides, then valid UTF-8, then charset-normalizer's best guess."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if utf8:
        return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(head[: SAMPLE - 4096] if len(head) >= SAMPLE else head).best()
    return best.encoding if best is not None and best.encoding not in ("utf_8", "ascii") else "cp1251"


def _text_tables(name: str, head: bytes, utf8: bool, opener: Callable[[str], io.TextIOBase | Any]) -> list[Table]:
    enc = encoding(head, utf8)
    sample = head.decode(enc, errors="ignore").lstrip("\ufeff")
    start = sample.lstrip()[:512].lower()
    if start.startswith("<?xml") or start.startswith("<urlset"):
        return [_sitemap(name, opener, enc)]
    if "<table" in sample[:4096].lower() or start.startswith(("<html", "<!doctype")):
        with opener(enc) as stream:
            return [_html_table(name, stream.read())]
    separator = sniff(sample)

    def rows() -> Iterator[Row]:
        with opener(enc) as stream:
            reader = csv.reader(stream, delimiter=separator)
            for row in reader:  # the first row only may carry a BOM the decoder left
                if row:
                    row[0] = row[0].lstrip("\ufeff")
                yield row
                break
            yield from reader

    def whole() -> tuple[bytes, str]:
        """The whole text as UTF-8 (transcoded a megabyte at a time), and the separator."""
        out = io.BytesIO()
        with opener(enc) as stream:
            while chunk := stream.read(1 << 20):
                out.write(chunk.encode("utf-8"))
        return out.getvalue(), separator

    return [Table(name, rows, whole=whole)]


def sniff(sample: str) -> str:
    """The separator: the one of `,` `;` tab that splits the sample's lines most consistently."""
    lines = sample.splitlines()[:60]
    if len(lines) > 1 and len(sample) >= SAMPLE - 8:
        lines = lines[:-1]  # the sample's last line may be cut
    best, score = ",", -1
    for candidate in (";", "\t", ","):
        widths = [len(r) for r in csv.reader(lines, delimiter=candidate) if len(r) > 1]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        value = widths.count(common) * 1000 + common
        if value > score:
            best, score = candidate, value
    return best


def _sitemap(name: str, opener: Callable[[str], Any], enc: str) -> Table:
    with opener(enc) as stream:
        text = stream.read()
    try:
        root = ElementTree.fromstring(text.encode("utf-8") if "encoding=" in text[:100] else text)
    except ElementTree.ParseError as exc:
        raise UserError(f"{name}: not a readable sitemap ({exc})") from exc
    rows: list[Row] = [["loc", "lastmod"]]
    for url in root.iter():
        if url.tag.rsplit("}", 1)[-1] != "url":
            continue
        fields = {child.tag.rsplit("}", 1)[-1]: (child.text or "").strip() for child in url}
        rows.append([fields.get("loc", ""), fields.get("lastmod", "")])
    return Table(name, lambda: iter(rows), sitemap=True)


class _Cells(HTMLParser):
    """The rows of the first HTML table (Bitrix24's .xls): cell text, tags dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[Row] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            if not self.rows:
                self.rows.append([])
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def _html_table(name: str, text: str) -> Table:
    parser = _Cells()
    parser.feed(text)
    rows = [r for r in parser.rows if r]
    return Table(name, lambda: iter(rows))


def _xlsx_tables(name: str, data: bytes) -> list[Table]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    tables = []
    for sheet in book.worksheets:
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        tables.append(Table(f"{name}:{sheet.title}", _rows_of(rows)))
    book.close()
    return tables


def _zip_tables(name: str, data: bytes) -> list[Table]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise UserError(f"{name}: a damaged ZIP or XLSX file ({exc})") from exc
    with archive:
        names = archive.namelist()
        if "xl/workbook.xml" in names:
            return _xlsx_tables(name, data)
        tables = []
        for member in names:
            if member.endswith("/"):
                continue
            inner = archive.read(member)
            shown = f"{name}:{member}"
            if inner.startswith(b"PK"):
                tables.extend(_zip_tables(shown, inner))
                continue
            utf8 = _is_utf8(inner)
            tables.extend(_text_tables(shown, inner[:SAMPLE], utf8, _opener_of(inner)))
        return tables


def _rows_of(rows: list[Row]) -> Callable[[], Iterator[Row]]:
    return lambda: iter(rows)


def _opener_of(data: bytes) -> Callable[[str], io.TextIOWrapper]:
    return lambda enc: _text_stream(data, enc)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _text_stream(data: bytes, enc: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding=enc, newline="")
