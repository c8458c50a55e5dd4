"""Months of a data period: which are full, the window and the previous window, and from which
month new customers are measured (contract v3, *Measured figures*)."""

from __future__ import annotations

import calendar
from datetime import date

from generator.model.measured import Period


def month_index(day: date) -> int:
    """A month as one integer (year × 12 + month − 1), so spans are subtractions."""
    return day.year * 12 + day.month - 1


def month_of(index: int) -> date:
    """The first day of an indexed month."""
    return date(index // 12, index % 12 + 1, 1)


def month_end(index: int) -> date:
    """The last day of an indexed month."""
    first = month_of(index)
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


class Months:
    """The months of a data period."""

    def __init__(self, period: Period) -> None:
        self.period = period
        self.first = month_index(period.start)
        self.last = month_index(period.end)
        # new customers are not measured in the first 12 months (the first counted even when partial)
        self.measured_from = month_of(self.first + 12)

    def indexes(self) -> range:
        """Every month the period touches."""
        return range(self.first, self.last + 1)

    def full(self, index: int) -> bool:
        """The period covers the month's first and last day."""
        return self.period.start <= month_of(index) and month_end(index) <= self.period.end

    def new_measured(self, index: int) -> bool:
        """New customers of the month are measured (not in the period's first 12 months)."""
        return index >= self.first + 12

    def window(self, back: int) -> Period | None:
        """The 12 months ending with the last full month (`back` = 0), or the 12 before (1); None
        unless all of them are full."""
        last_full = self.last if self.full(self.last) else self.last - 1
        end = last_full - 12 * back
        start = end - 11
        if start < self.first or not self.full(start) or end < start:
            return None
        return Period(start=month_of(start), end=month_end(end))
