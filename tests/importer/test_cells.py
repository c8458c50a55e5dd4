"""Numbers and dates in every form the contract names."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from generator.importer import cells


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1 234,50", 1234.5),
        ("1 234.50", 1234.5),
        ("1\u00a0234,50", 1234.5),  # no-break space
        ("1\u202f234", 1234.0),  # narrow no-break space
        ("12,5%", 12.5),
        ("1,234.5", 1234.5),  # both: the last is the decimal mark
        ("1.234,5", 1234.5),
        ("1,5", 1.5),  # a lone comma is always decimal
        ("1,234", 1.234),
        ("1.234.567", 1234567.0),
        ("", None),
        ("abc", None),
        (4200, 4200.0),
    ],
)
def test_numbers(raw: object, value: float | None) -> None:
    assert cells.number(raw) == value


@pytest.mark.parametrize(
    ("raw", "stamp"),
    [
        ("16.09.2024", (date(2024, 9, 16), "")),
        ("16.09.2024 14:22", (date(2024, 9, 16), "14:22:00")),
        ("16.09.2024 14:22:45", (date(2024, 9, 16), "14:22:45")),
        ("2024-09-16", (date(2024, 9, 16), "")),
        ("2024-09-16 09:05:01", (date(2024, 9, 16), "09:05:01")),
        ("03/04/2026", (date(2026, 4, 3), "")),  # day first, always
        (datetime(2026, 1, 2, 3, 4, 5), (date(2026, 1, 2), "03:04:05")),
        (45658, (date(2025, 1, 1), "00:00:00")),  # an Excel serial date
        ("31.02.2026", None),
        ("yesterday", None),
    ],
)
def test_dates(raw: object, stamp: tuple[date, str] | None) -> None:
    assert cells.stamp(raw) == stamp


def test_months() -> None:
    assert cells.month("2026-03") == cells.month("202603") == cells.month("17.03.2026") == date(2026, 3, 1)
    assert cells.month("Итого и средние") is None
    assert cells.month("2026-13") is None


def test_text_compares_ignoring_case_yo_and_spacing() -> None:
    assert cells.same("  Пётр   Иванов ") == cells.same("петр иванов")
    assert cells.header("\ufeff Бюджет ") == "бюджет"
