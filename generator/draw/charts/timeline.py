"""Charts over time: the forecast, plan against fact, the roadmap Gantt, the calendar heatmap."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date
from babel.numbers import format_compact_currency

from generator.draw.charts.svg import (
    BAND_COLOURS,
    COST_COLOUR,
    GRID_COLOUR,
    MUTED_COLOUR,
    SERIES_COLOURS,
    TEXT_COLOUR,
    _num,
    _rect,
    _svg,
    _text,
    clip,
)
from generator.draw.charts.voice import Voice

# forecast ---------------------------------------------------------------------------------------


def axis_ticks(peak: float, count: int = 4) -> list[float]:
    """Round ticks from 0 up to at least `peak`, in 1, 2, 2.5 or 5 × 10^k steps, about `count` of them.

    2 034 875 → 0, 500 000, …, 2 500 000; nothing to show → 0 and 1.
    """
    if peak <= 0:
        return [0.0, 1.0]
    power = 10 ** math.floor(math.log10(peak / count))
    for multiple in (1, 2, 2.5, 5, 10, 20, 25, 50):
        step = multiple * power
        steps = math.ceil(peak / step - 1e-9)
        if steps <= count + 2:
            return [round(step * k, 10) for k in range(steps + 1)]
    return [0.0, peak]  # pragma: no cover - the loop always finds a step


LABEL_CHAR = 5.4  # the width of an average character of a 9-px axis label, px


def _month_label(month: date, first: bool, language: Voice) -> str:
    """`дек 2026` for the first label of a year (`first`), `фев` otherwise: short and unambiguous."""
    loc = language.format_locale
    name = format_date(month, "LLL", locale=loc).replace(".", "")
    return f"{name} {month.year}" if first or month.month == 1 else name


def _axis_months(months: Sequence[date], language: Voice, room: float | None = None) -> list[tuple[int, str]]:
    """At most 12 month labels (every n-th month), each with its year where the year changes.

    With a step of two a January may be skipped: the first label shown in a new year carries the
    year, so «дек 2026 … окт, дек, февр» never reads as one year. `room` (the width of a month on
    the axis) widens the step until the longest label fits it («дек 2026февр 2027» ran together).
    """
    step = max(1, math.ceil(len(months) / 12))
    if room:
        longest = max((len(_month_label(m, True, language)) for m in months), default=0)
        step = max(step, math.ceil((longest * LABEL_CHAR + 6) / room))
    shown: list[tuple[int, str]] = []
    year = None
    for i in range(0, len(months), step):
        month = months[i]
        shown.append((i, _month_label(month, month.year != year, language)))
        year = month.year
    return shown


def _short_money(value: float, currency: str, language: Voice) -> str:
    """Axis labels in CLDR's compact form: `1,5 млн ₽`, `$250K`."""
    return format_compact_currency(value, currency, locale=language.format_locale, fraction_digits=1)


@dataclass(frozen=True)
class Series:
    """A named line of values, one per month."""

    label: str
    values: Sequence[float]


@dataclass(frozen=True)
class _MoneyFrame:
    """The plot area of a money-over-months chart: its scales, and the grid with money and month labels."""

    width: float
    height: float
    top: float
    ticks: list[float]
    n: int  # months
    left: float = 86.0
    right: float = 28.0  # room for half the last month label (centred on its tick)
    bottom: float = 30.0

    def x(self, i: int) -> float:
        plot_w = self.width - self.left - self.right
        return self.left + (plot_w * i / (self.n - 1) if self.n > 1 else plot_w / 2)

    def y(self, v: float) -> float:
        plot_h = self.height - self.top - self.bottom
        return self.top + plot_h - plot_h * v / self.ticks[-1]

    def axes(self, months: Sequence[date], currency: str, language: Voice) -> list[str]:
        body = []
        for k, v in enumerate(self.ticks):
            body.append(
                f'<line x1="{_num(self.left)}" y1="{_num(self.y(v))}" x2="{_num(self.width - self.right)}" '
                f'y2="{_num(self.y(v))}" class="pb-grid" stroke="{GRID_COLOUR}" stroke-width="{1 if k else 1.5}"/>'
            )
            money = _short_money(v, currency, language)
            body.append(_text(self.left - 6, self.y(v) + 4, money, anchor="end", cls="pb-muted", fill=MUTED_COLOUR))
        room = (self.width - self.left - self.right) / max(self.n - 1, 1)
        for i, label in _axis_months(months, language, room):
            body.append(_text(self.x(i), self.height - 10, label, anchor="middle", cls="pb-muted", fill=MUTED_COLOUR))
        return body


def _cumulative_desc(months: Sequence[date], parts: Sequence[str], language: Voice) -> str:
    """The words of a cumulative chart: its months, then each line's last value."""
    n = len(months)
    span = f"{format_date(months[0], 'LLLL y', locale=language.format_locale)} – " if n else ""
    span += format_date(months[-1], "LLLL y", locale=language.format_locale) if n else ""
    return f"{span}. {language.word('chart.cumulative')}: " + "; ".join(parts)


def render_forecast(
    months: Sequence[date],
    cost: Sequence[float],
    scenarios: Sequence[Series],
    language: Voice,
    currency: str,
    *,
    title: str,
    cost_label: str,
    width: float = 640,
    height: float = 260,
    ident: str | None = None,
    cap: Sequence[float] = (),
    cap_label: str = "",
) -> str:
    """Cumulative cost (dashed) against cumulative profit per scenario, month by month; with `cap`
    (the client's monthly budget added up), a dotted line the cost line should stay under."""
    peak = max([*cost, *(v for s in scenarios for v in s.values), *cap, 0.0])
    frame = _MoneyFrame(width, height, 28.0, axis_ticks(peak), len(months))
    x, y, left, n = frame.x, frame.y, frame.left, len(months)
    body = frame.axes(months, currency, language)

    def polyline(values: Sequence[float], cls: str, colour: str, dashed: bool) -> str:
        points = " ".join(f"{_num(x(i))},{_num(y(v))}" for i, v in enumerate(values))
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        return (
            f'<polyline points="{points}" class="{cls}" fill="none" stroke="{colour}" stroke-width="2.2" '
            f'stroke-linejoin="round"{dash}/>'
        )

    for i, series in enumerate(scenarios):
        colour = SERIES_COLOURS[i % len(SERIES_COLOURS)] if len(scenarios) > 1 else SERIES_COLOURS[1]
        body.append(polyline(series.values, f"pb-series pb-series-{i}", colour, False))
    body.append(polyline(cost, "pb-cost", COST_COLOUR, True))
    if cap:
        body.append(polyline(cap, "pb-cap", MUTED_COLOUR, True).replace('"6 4"', '"2 3"'))

    # legend along the top
    lx = left
    entries = [(cost_label, COST_COLOUR, "pb-cost", True)]
    entries += [(cap_label, MUTED_COLOUR, "pb-cap", True)] if cap else []
    entries += [
        (s.label, SERIES_COLOURS[i % len(SERIES_COLOURS)] if len(scenarios) > 1 else SERIES_COLOURS[1], "", False)
        for i, s in enumerate(scenarios)
    ]
    for i, (label, colour, cls, dashed) in enumerate(entries):
        dash = ' stroke-dasharray="4 3"' if dashed else ""
        series_cls = cls or f"pb-series pb-series-{i - (2 if cap else 1)}"
        body.append(
            f'<line x1="{_num(lx)}" y1="12" x2="{_num(lx + 18)}" y2="12" class="{series_cls}" stroke="{colour}" '
            f'stroke-width="2.5"{dash}/>'
        )
        shown = clip(label, 26)
        body.append(_text(lx + 22, 16, shown))
        lx += 22 + 6.4 * len(shown) + 16

    last = n - 1
    parts = [f"{cost_label}: {language.money(cost[last], currency)}"] if n else []
    parts += [f"{cap_label}: {language.money(cap[last], currency)}"] if n and cap else []
    parts += [f"{s.label}: {language.money(s.values[last], currency)}" for s in scenarios if n]
    desc = _cumulative_desc(months, parts, language)
    return _svg("forecast", width, height, title, desc, body, ident)


@dataclass(frozen=True)
class Line:
    """A line of a plan-against-fact chart: cumulative values from month 1 (fewer than the horizon: fact so far)."""

    label: str
    values: Sequence[float]
    colour: str
    cls: str
    dashed: bool = False


LINE_COLOURS = {"cost": COST_COLOUR, "profit": BAND_COLOURS["good"]}  # plan dashed, fact solid


def render_plan_vs_fact(
    months: Sequence[date],
    lines: Sequence[Line],
    language: Voice,
    currency: str,
    *,
    title: str,
    width: float = 640,
    height: float = 260,
    ident: str | None = None,
) -> str:
    """Cumulative cost and profit as planned (dashed, whole horizon) and as reported (solid, months so far)."""
    peak = max([*(v for line in lines for v in line.values), 0.0])
    frame = _MoneyFrame(width, height, 44.0, axis_ticks(peak), len(months))
    x, y, left, n = frame.x, frame.y, frame.left, len(months)
    plot_w = width - frame.left - frame.right
    body = frame.axes(months, currency, language)
    for line in lines:
        dash = ' stroke-dasharray="6 4"' if line.dashed else ""
        points = " ".join(f"{_num(x(i))},{_num(y(v))}" for i, v in enumerate(line.values[:n]))
        body.append(
            f'<polyline points="{points}" class="{line.cls}" fill="none" stroke="{line.colour}" stroke-width="2.2" '
            f'stroke-linejoin="round"{dash}/>'
        )
        if len(line.values) == 1:  # a single month: a dot, or nothing would show
            body.append(
                f'<circle cx="{_num(x(0))}" cy="{_num(y(line.values[0]))}" r="3.5" class="{line.cls}" '
                f'fill="{line.colour}"/>'
            )
    # legend in two rows along the top
    for i, line in enumerate(lines):
        lx, ly = left + (i % 2) * (plot_w / 2), 12 + (i // 2) * 16
        dash = ' stroke-dasharray="4 3"' if line.dashed else ""
        body.append(
            f'<line x1="{_num(lx)}" y1="{_num(ly)}" x2="{_num(lx + 18)}" y2="{_num(ly)}" class="{line.cls}" '
            f'stroke="{line.colour}" stroke-width="2.5"{dash}/>'
        )
        body.append(_text(lx + 22, ly + 4, clip(line.label, 40)))
    parts = [f"{line.label}: {language.money(line.values[-1], currency)}" for line in lines if line.values]
    desc = _cumulative_desc(months, parts, language)
    return _svg("plan-vs-fact", width, height, title, desc, body, ident)



# roadmap Gantt ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A roadmap row: the month numbers (1-based) it runs in, and months of one-off costs."""

    label: str
    months: Sequence[int]
    markers: Sequence[int] = ()


def _runs(numbers: Sequence[int]) -> list[tuple[int, int]]:
    """Contiguous runs of month numbers: [1, 2, 3, 6] → [(1, 3), (6, 6)]."""
    runs: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def _wrapped(label: str, limit: int) -> list[str]:
    """A name in lines of at most `limit` characters, three at most (the third cut with an ellipsis)."""
    lines = textwrap.wrap(" ".join(label.split()), max(limit, 8)) or [""]
    return lines if len(lines) <= 3 else [*lines[:2], clip(" ".join(lines[2:]), max(limit, 8))]


def render_gantt(
    spans: Sequence[Span],
    months: Sequence[date],
    language: Voice,
    *,
    title: str,
    width: float = 640,
    ident: str | None = None,
) -> str:
    """Initiatives by month: one row each, a bar over the months it runs, ◆ at one-off costs.

    Month names sit on one line and the year on a second line (under the first month and each
    January), so labels never run into each other however narrow a month's column is. Each
    initiative's name is written whole on its own line above its bar, across the chart's width
    (a label column cut long names to "Карточки в Яндекс Кар…" and left the months too little
    room); a narrow `width` (a phone's 360) keeps every name and month readable at its own size.
    """
    label_w, top, line = 0.0, 31.0, 13.0
    n = max(len(months), 1)
    col = (width - label_w) / n
    names = [_wrapped(s.label, int(width / 6.6)) for s in spans]
    heights = [line * len(lines) + 21 for lines in names]
    height = top + sum(heights) + 4
    body = []
    # month names alone: the years have their own line («Jan 2027» over «2027» said it twice)
    names_of = [format_date(m, "LLL", locale=language.format_locale).replace(".", "") for m in months]
    longest = max((len(name) for name in names_of), default=3)
    step = max(1, math.ceil(n / 12), math.ceil((longest * LABEL_CHAR + 4) / col))
    january = next((i for i, m in enumerate(months) if m.month == 1), None)
    for i, month in enumerate(months):
        if i % step == 0:
            x = label_w + col * i + col / 2
            body.append(_text(x, 12, names_of[i], anchor="middle", size=9, cls="pb-muted", fill=MUTED_COLOUR))
        # the first month's year, unless the next January's would run into it
        first_year = i == 0 and (january is None or january * col >= 4 * LABEL_CHAR + 6)
        if first_year or month.month == 1:
            x = label_w + col * i + 2
            body.append(_text(x, 24, str(month.year), size=9, cls="pb-muted", fill=MUTED_COLOUR))
        body.append(
            f'<line x1="{_num(label_w + col * i)}" y1="{_num(top - 2)}" x2="{_num(label_w + col * i)}" '
            f'y2="{_num(height)}" class="pb-grid" stroke="{GRID_COLOUR}" stroke-width="0.6"/>'
        )
    parts = []
    y = top
    for span, lines, row in zip(spans, names, heights, strict=True):
        for k, text in enumerate(lines):
            body.append(_text(0, y + 11 + line * k, text))
        bar = y + line * len(lines) + 3
        runs = _runs([m for m in span.months if 1 <= m <= n])
        for first, last in runs:
            body.append(
                _rect(label_w + col * (first - 1) + 1, bar, col * (last - first + 1) - 2, 13, "pb-bar", "#1a73e8", 3)
            )
        for m in span.markers:
            if 1 <= m <= n:
                cx, cy = label_w + col * (m - 1) + col / 2, bar + 6.5
                body.append(
                    f'<path d="M{_num(cx)} {_num(cy - 5)} L{_num(cx + 5)} {_num(cy)} L{_num(cx)} {_num(cy + 5)} '
                    f'L{_num(cx - 5)} {_num(cy)} Z" class="pb-marker pb-text" fill="{TEXT_COLOUR}"/>'
                )
        when = ", ".join(
            format_date(months[a - 1], "LLL y", locale=language.format_locale)
            + ("" if a == b else " – " + format_date(months[b - 1], "LLL y", locale=language.format_locale))
            for a, b in runs
        )
        parts.append(f"{span.label}: {when or '—'}")
        y += row
    return _svg("gantt", width, height, title, "; ".join(parts), body, ident)
