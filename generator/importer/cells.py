"""One cell of an export read as the contract says: numbers, dates, months, names compared.

Exports come from Russian and English UIs and from Excel: `1 234,50`, `1 234.50` (any kind of
space groups thousands), `12,5%`, `16.09.2024 14:22:45`, `2024-09-16`, `16/09/2024` (day first,
always), Excel serial numbers. Parsing is memoised: a CRM export repeats the same few thousand
dates and amounts, and this is the importer's inner loop.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

_SPACES = re.compile(r"[\s\u00a0\u202f\u2007\u2009]+")
_DATE_DMY = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ T](\d{1,2}:\d{2}(?::\d{2})?))?")
_DATE_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}:\d{2}(?::\d{2})?))?")
_MONTH = re.compile(r"(\d{4})-?(\d{2})")
_EXCEL_EPOCH = date(1899, 12, 30)

Stamp = tuple[date, str]  # the calendar date and the time as written (orders rows of one day)


def text(value: Any) -> str:
    """A cell as trimmed text (numbers as Python writes them)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def number(value: Any) -> float | None:
    """`1 234,50`, `1 234.50`, `12,5%`, 4200 → a float; None when empty or not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if value is None:
        return None
    return _number(str(value))


@lru_cache(maxsize=65536)
def _number(raw: str) -> float | None:
    cleaned = _SPACES.sub("", raw).removesuffix("%")
    if not cleaned:
        return None
    comma, dot = cleaned.rfind(","), cleaned.rfind(".")
    if comma >= 0 and dot >= 0:  # both: the last one is the decimal mark
        grouping = "." if comma > dot else ","
        cleaned = cleaned.replace(grouping, "")
    if cleaned.count(",") > 1 or cleaned.count(".") > 1:  # 1.234.567: grouping only
        cleaned = cleaned.replace(",", "").replace(".", "")
    cleaned = cleaned.replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return None


def stamp(value: Any) -> Stamp | None:
    """A date cell → (date, time as HH:MM:SS); None when it is not a date of the contract's forms."""
    if isinstance(value, datetime):
        return value.date(), value.strftime("%H:%M:%S")
    if isinstance(value, date):
        return value, ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return excel_date(float(value))
    if value is None:
        return None
    raw = value.strip() if isinstance(value, str) else str(value).strip()
    if len(raw) == 19 and raw[10] == " " and raw[13] == ":" and raw[16] == ":":  # the CRMs' usual form
        day = day_of(raw[:10])
        return (day, raw[11:]) if day is not None else None
    return _stamp(raw)


@lru_cache(maxsize=16384)
def day_of(raw: str) -> date | None:
    """The calendar date of a date-and-time cell's first ten characters (few distinct: cached)."""
    found = _stamp(raw)
    return found[0] if found is not None else None


def excel_date(serial: float) -> Stamp | None:
    """An Excel serial date (days since 1899-12-30) → its date and time."""
    if not 1 <= serial < 2_958_466:
        return None
    moment = datetime(1899, 12, 30) + timedelta(days=serial)
    return moment.date(), moment.strftime("%H:%M:%S")


@lru_cache(maxsize=65536)
def _stamp(raw: str) -> Stamp | None:
    match = _DATE_DMY.fullmatch(raw)
    try:
        if match:
            day, month, year, time = match.groups()
            return date(int(year), int(month), int(day)), _time(time)
        match = _DATE_YMD.fullmatch(raw)
        if match:
            year, month, day, time = match.groups()
            return date(int(year), int(month), int(day)), _time(time)
    except ValueError:
        return None
    return None


def _time(raw: str | None) -> str:
    if not raw:
        return ""
    parts = raw.split(":")
    return ":".join(p.zfill(2) for p in [*parts, "00"][:3])


def month(value: Any) -> date | None:
    """`2026-03`, `202603` or any date in the month → the month's first day."""
    found = stamp(value)
    if found is not None:
        return found[0].replace(day=1)
    raw = text(value)
    match = _MONTH.fullmatch(raw)
    if match and 1 <= int(match.group(2)) <= 12:
        return date(int(match.group(1)), int(match.group(2)), 1)
    return None


@lru_cache(maxsize=8192)
def same(value: str) -> str:
    """Text as mappings compare it: case, `ё`/`е` and spacing ignored."""
    return " ".join(value.casefold().replace("ё", "е").split())


def header(value: Any) -> str:
    """A header cell as headers compare: case and surrounding spaces ignored."""
    return same(text(value).lstrip("\ufeff"))
