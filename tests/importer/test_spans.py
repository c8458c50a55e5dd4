"""Full months, the window and the previous window, and from when new customers are measured."""

from __future__ import annotations

from datetime import date

from generator.importer.spans import Months, month_index
from generator.model.measured import Period


def test_full_months_and_windows() -> None:
    months = Months(Period(start=date(2024, 1, 1), end=date(2025, 12, 30)))
    assert months.full(month_index(date(2024, 1, 1)))
    assert not months.full(month_index(date(2025, 12, 1)))  # ends on the 30th
    # the last full month is November 2025: window December 2024 – November 2025
    assert months.window(0) == Period(start=date(2024, 12, 1), end=date(2025, 11, 30))
    assert months.window(1) is None  # December 2023 – November 2024 starts before the data
    assert months.measured_from == date(2025, 1, 1)


def test_a_partial_first_month_never_starts_a_window() -> None:
    months = Months(Period(start=date(2024, 1, 2), end=date(2024, 12, 31)))
    assert months.window(0) is None  # January 2024 is partial
    assert Months(Period(start=date(2024, 1, 1), end=date(2024, 12, 31))).window(0) == Period(
        start=date(2024, 1, 1), end=date(2024, 12, 31)
    )
