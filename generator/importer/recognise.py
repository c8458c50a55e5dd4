"""Which kind of export a table is, and which of its columns hold what (contract v3, formats).

Each kind names the columns it needs in either language of the tool's UI; the header row is the
first of the table's first rows that holds them (title and metadata lines may come before it).
A table that fits no kind gets one error naming every kind tried and the columns each needed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.errors import UserError
from generator.importer import cells
from generator.importer.tables import Row, Table

HEADER_ROWS = 30


@dataclass(frozen=True)
class Column:
    """A column a kind reads: its header names (exact, or held in the header), and whether it must be there."""

    field: str
    names: tuple[str, ...]
    required: bool = False
    contains: bool = False
    many: bool = False  # every matching column, in order (sources, phones, e-mails)


_DEALS = (
    Column("closed", ("Дата закрытия", "Дата завершения", "Closed", "Close date")),
    Column("created", ("Дата создания", "Created")),
    Column("amount", ("Бюджет", "Сумма", "Opportunity", "Amount"), required=True),
    Column("stage", ("Этап сделки", "Стадия сделки", "Stage"), required=True),
    Column("source", ("utm_source", "UTM Source", "Источник", "Source"), many=True),
    Column("tags", ("Теги", "Tags")),
    Column("pipeline", ("Воронка", "Направление", "Pipeline")),
    Column("id", ("ID",)),
    Column("phone", ("телефон", "phone"), contains=True, many=True),
    Column("email", ("email", "e-mail", "почт"), contains=True, many=True),
    Column("contact_id", ("ID контакта", "Contact ID")),
    Column("contact", ("Основной контакт", "Контакт", "Contact")),
)
KINDS: dict[str, tuple[Column, ...]] = {
    "deals": _DEALS,
    "nps": (Column("timestamp", ("Отметка времени", "Timestamp", "Время")),),
    "wordstat": (
        Column("phrase", ("Формулировка", "Фраза", "Phrase"), required=True),
        Column("count", ("Число запросов", "Показов в месяц", "Count"), required=True),
    ),
    "pages": (
        Column(
            "url",
            ("Top pages", "Популярные страницы", "Страницы", "Страница", "Page", "Pages", "URL", "Адрес"),
            required=True,
        ),
        Column("clicks", ("Clicks", "Клики"), required=True),
        Column("impressions", ("Impressions", "Показы"), required=True),
        Column("position", ("Position", "Позиция", "Средняя позиция", "Средняя позиция показа"), required=True),
    ),
    "visits": (
        Column("month", ("Месяц", "Month", "Дата", "Date", "Период", "Period"), required=True),
        Column("visits", ("Визиты", "Sessions", "Visits"), required=True),
        Column("goals", ("Достижения целей", "Key events", "Conversions")),
    ),
}
_NEEDS = {
    "deals": "a date (Дата закрытия / Дата завершения / Closed, or Дата создания / Created), "
    "an amount (Бюджет / Сумма / Opportunity) and a stage (Этап сделки / Стадия сделки)",
    "nps": "a timestamp column first (Отметка времени / Timestamp / Время) and a column of scores 0–10",
    "wordstat": "a phrase (Формулировка / Фраза / Phrase) and a count (Число запросов / Показов в месяц / Count)",
    "pages": "a page URL (Top pages / Страницы / URL), Clicks, Impressions and Position",
    "sitemap": "an XML <urlset> of <url><loc>",
    "visits": "a month (Месяц / Month / Дата), visits (Визиты / Sessions) and optionally goal completions "
    "(Достижения целей / Key events / Conversions)",
}


@dataclass(frozen=True)
class Found:
    """A recognised table: its kind, header row, and the column indexes of each field."""

    kind: str
    table: Table
    header_index: int
    header: list[str]
    columns: dict[str, list[int]] = field(default_factory=dict)

    def one(self, name: str) -> int | None:
        """The first column of a field, if any."""
        found = self.columns.get(name)
        return found[0] if found else None

    def data(self) -> Iterator[Row]:
        """The rows after the header."""
        return itertools.islice(self.table.rows(), self.header_index + 1, None)


def _match(columns: tuple[Column, ...], header: list[str], mapped: dict[str, str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for column in columns:
        names: tuple[str, ...]
        if column.field in mapped:
            names = (cells.header(mapped[column.field]),)
            contains = False
        else:
            names = tuple(cells.same(n) for n in column.names)
            contains = column.contains
        hits = [i for i, h in enumerate(header) if (any(n in h for n in names) if contains else h in names)]
        if hits:
            found[column.field] = hits if column.many else hits[:1]
    return found


def _fits(kind: str, found: dict[str, list[int]], forced: bool) -> bool:
    required = {c.field for c in KINDS[kind] if c.required}
    if kind == "deals":
        if forced:
            required.discard("stage")
        return required <= found.keys() and bool({"closed", "created"} & found.keys())
    return required <= found.keys()


def recognise(table: Table, kinds: list[str], mapped: dict[str, str], forced: bool) -> Found | None:
    """The first of `kinds` the table fits, with its header row; None when none fits."""
    if table.sitemap:
        return (
            Found("sitemap", table, 0, ["loc", "lastmod"], {"loc": [0], "lastmod": [1]}) if "sitemap" in kinds else None
        )
    head = list(itertools.islice(table.rows(), HEADER_ROWS + 200))
    for kind in kinds:
        if kind == "sitemap":
            continue
        for index, row in enumerate(head[:HEADER_ROWS]):
            header = [cells.header(c) for c in row]
            if kind == "nps":
                found_nps = _nps_columns(header, head[index + 1 :], mapped, forced)
                if found_nps is not None:
                    return Found(kind, table, index, header, found_nps)
                continue
            found = _match(KINDS[kind], header, mapped)
            if _fits(kind, found, forced):
                return Found(kind, table, index, header, found)
    return None


def _nps_columns(
    header: list[str], rows: list[Row], mapped: dict[str, str], forced: bool
) -> dict[str, list[int]] | None:
    """A survey: the timestamp first (or mapped), and the score column found by its values."""
    stamp_col = _match(KINDS["nps"], header, mapped).get("timestamp", [])
    if not stamp_col and not forced:
        return None
    stamp = stamp_col[0] if stamp_col else 0
    scores = score_columns(header, rows, skip={stamp})
    if "score" in mapped:
        scores = [i for i, h in enumerate(header) if h == cells.header(mapped["score"])]
    if not scores or not rows:
        return None
    return {"timestamp": [stamp], "score": [scores[0]]}


def score_columns(header: list[str], rows: list[Row], skip: set[int]) -> list[int]:
    """Columns every non-empty value of which is an integer 0–10, the recommending question first."""
    found = []
    for i in range(len(header)):
        if i in skip:
            continue
        values = [cells.text(r[i]) for r in rows if i < len(r) and cells.text(r[i])]
        if values and all(v.isdigit() and 0 <= int(v) <= 10 for v in values):
            found.append(i)
    speaking = [i for i in found if any(w in header[i] for w in ("рекоменд", "recommend", "nps"))]
    return speaking + [i for i in found if i not in speaking]


def not_recognised(name: str, kinds: list[str]) -> UserError:
    """One error naming the kinds tried and the columns each needed."""
    tried = "; ".join(f"{kind} needs {_NEEDS[kind]}" for kind in kinds)
    return UserError(
        f"{name}: not recognised as any kind of export. Tried {tried}. Give --kind KIND, or --map FIELD=COLUMN "
        "for a file whose headers differ"
    )
