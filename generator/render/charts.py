"""Charts as inline SVG strings, one module for the site and the PDF.

Charts only draw: every number arrives already computed (`generator.compute.figures`,
`generator.compute.schedule`), and every word arrives already in the plan's language or is looked up
in `generator.present.i18n`. A chart is a pure function of plain values returning `<svg>` text:

- no JavaScript, no external resources (no fonts, images or stylesheets to fetch), so the
  same string is safe in a browser and in WeasyPrint;
- `role="img"` with `aria-labelledby` pointing at a `<title>` and a `<desc>` that says in
  words what the picture shows, for screen readers (and for pdftotext-style checks);
- every piece of text is XML-escaped (labels come from plan files, which are untrusted);
- colours are presentation attributes with print-friendly defaults *and* CSS classes
  (`pb-…`): a stylesheet rule beats a presentation attribute, so the site restyles the same
  SVG for a light and a dark palette (`CHART_CSS` below) while the PDF keeps the defaults.
- element ids are derived from the chart's content (no counters, no randomness), so the
  same input gives the same bytes.
"""

from __future__ import annotations

import hashlib
import html
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from babel.dates import format_date
from babel.numbers import format_compact_currency

from generator.present.i18n import fmt_money, fmt_number, locale, t

FONT = "Playbook Sans, DejaVu Sans, Verdana, Arial, sans-serif"  # Playbook Sans: the PDF's embedded font

# Print defaults; the site overrides them through the classes (see CHART_CSS).
BAND_COLOURS: dict[str, str] = {
    "poor": "#d93025",
    "needs work": "#e37400",
    "good": "#188038",
    "none": "#9aa0a6",
}
SLOT_COLOURS: dict[str, str] = {
    "done": "#188038",
    "missed": "#d93025",
    "new": "#8ab4f8",
    "refresh": "#fbbc04",
    "research": "#c58af9",
    "repurpose": "#4db6ac",
    "off": "#eceff1",
}
SERIES_COLOURS: tuple[str, ...] = ("#81c995", "#188038", "#0d652d", "#1a73e8", "#9334e6", "#e37400")
COST_COLOUR = "#d93025"
TEXT_COLOUR = "#202124"
MUTED_COLOUR = "#5f6368"
TRACK_COLOUR = "#e8eaed"
GRID_COLOUR = "#dadce0"

# Colour rules for the site: light palette by default, dark under Material's "slate" scheme.
CHART_CSS = """\
.pb-chart { font-family: var(--md-text-font-family, inherit); max-width: 100%; height: auto; }
.pb-chart .pb-text { fill: var(--pb-text, #202124); }
.pb-chart .pb-muted { fill: var(--pb-muted, #5f6368); }
.pb-chart .pb-track { fill: none; stroke: var(--pb-track, #e8eaed); }
.pb-chart rect.pb-track { fill: var(--pb-track, #e8eaed); stroke: none; }
.pb-chart .pb-grid { stroke: var(--pb-grid, #dadce0); }
.pb-chart .pb-band-poor { fill: var(--pb-poor, #d93025); stroke: var(--pb-poor, #d93025); }
.pb-chart .pb-band-needs-work { fill: var(--pb-needs-work, #e37400); stroke: var(--pb-needs-work, #e37400); }
.pb-chart .pb-band-good { fill: var(--pb-good, #188038); stroke: var(--pb-good, #188038); }
.pb-chart .pb-band-none { fill: var(--pb-none, #9aa0a6); stroke: var(--pb-none, #9aa0a6); }
.pb-chart circle.pb-arc { fill: none; }
.pb-chart .pb-slot-done { fill: var(--pb-good, #188038); }
.pb-chart .pb-slot-missed { fill: var(--pb-poor, #d93025); }
.pb-chart .pb-slot-new { fill: var(--pb-new, #8ab4f8); }
.pb-chart .pb-slot-refresh { fill: var(--pb-refresh, #fbbc04); }
.pb-chart .pb-slot-research { fill: var(--pb-research, #c58af9); }
.pb-chart .pb-slot-repurpose { fill: var(--pb-repurpose, #4db6ac); }
.pb-chart .pb-slot-off { fill: var(--pb-off, #eceff1); }
.pb-chart .pb-today { stroke: var(--pb-text, #202124); }
.pb-chart .pb-cost { stroke: var(--pb-poor, #d93025); }
.pb-chart .pb-profit { stroke: var(--pb-good, #188038); }
.pb-chart .pb-bar { fill: var(--pb-bar, #1a73e8); }
[data-md-color-scheme="slate"] .pb-chart {
  --pb-text: #e8eaed; --pb-muted: #9aa0a6; --pb-track: #3c4043; --pb-grid: #5f6368;
  --pb-poor: #f28b82; --pb-needs-work: #fdd663; --pb-good: #81c995; --pb-none: #80868b;
  --pb-new: #4a6fa5; --pb-refresh: #b08c1a; --pb-research: #8e5fc0; --pb-off: #2d2f33; --pb-bar: #8ab4f8;
  --pb-repurpose: #2e7d74;
}
"""

# Characters XML 1.0 forbids even when escaped: dropped from labels so the SVG always parses.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def esc(text: object) -> str:
    """Text for an SVG text node or attribute: XML-escaped, forbidden characters dropped."""
    return html.escape(_XML_INVALID.sub("", str(text)), quote=True)


def clip(text: str, limit: int) -> str:
    """A label shortened to `limit` characters with an ellipsis (the full text stays in the desc)."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: max(limit - 1, 1)].rstrip() + "…"


def band_class(band: str | None) -> str:
    """`needs work` → `pb-band-needs-work`; no band → `pb-band-none`."""
    return "pb-band-" + (band or "none").replace(" ", "-")


def _num(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros, never `-0`."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _ident(kind: str, *parts: object) -> str:
    digest = hashlib.sha1("\x1f".join([kind, *map(str, parts)]).encode("utf-8")).hexdigest()[:10]
    return f"pb-{kind}-{digest}"


def _svg(kind: str, width: float, height: float, title: str, desc: str, body: Sequence[str], ident: str | None) -> str:
    """The root element around a chart body, with its accessible name and description."""
    base = ident or _ident(kind, title, desc, width, height)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pb-chart pb-chart-{kind}" role="img" '
        f'aria-labelledby="{esc(base)}-title {esc(base)}-desc" '
        f'width="{_num(width)}" height="{_num(height)}" viewBox="0 0 {_num(width)} {_num(height)}" '
        f'font-family="{FONT}" font-size="11">'
        f'<title id="{esc(base)}-title">{esc(title)}</title>'
        f'<desc id="{esc(base)}-desc">{esc(desc)}</desc>' + "".join(body) + "</svg>"
    )


def _text(
    x: float,
    y: float,
    text: str,
    *,
    anchor: str = "start",
    size: float | None = None,
    weight: str | None = None,
    cls: str = "pb-text",
    fill: str = TEXT_COLOUR,
) -> str:
    extra = f' font-size="{_num(size)}"' if size else ""
    extra += f' font-weight="{weight}"' if weight else ""
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}" class="{cls}" fill="{fill}"{extra}>'
        f"{esc(text)}</text>"
    )


def _rect(x: float, y: float, w: float, h: float, cls: str, fill: str, rx: float = 0, extra: str = "") -> str:
    radius = f' rx="{_num(rx)}"' if rx else ""
    return (
        f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(max(w, 0))}" height="{_num(h)}"{radius} '
        f'class="{cls}" fill="{fill}"{extra}/>'
    )


def _scored(score: float | None, band: str | None, language: str) -> str:
    if score is None:
        return t("status.not assessed", language)
    return f"{fmt_number(score, language)} ({t('band.' + band, language)})" if band else fmt_number(score, language)


# score gauge -----------------------------------------------------------------------------------


def render_gauge(
    score: int | None, band: str | None, language: str, *, title: str, size: float = 120, ident: str | None = None
) -> str:
    """A Lighthouse-style ring: the arc covers score/100 of the circle, in the band's colour."""
    radius = size / 2 - size * 0.08
    stroke = size * 0.08
    circumference = 2 * math.pi * radius
    centre = size / 2
    colour = BAND_COLOURS[band or "none"]
    body = [
        f'<circle cx="{_num(centre)}" cy="{_num(centre)}" r="{_num(radius)}" class="pb-track" fill="none" '
        f'stroke="{TRACK_COLOUR}" stroke-width="{_num(stroke)}"/>'
    ]
    if score is not None and score > 0:
        dash = circumference * min(max(score, 0), 100) / 100
        body.append(
            f'<circle cx="{_num(centre)}" cy="{_num(centre)}" r="{_num(radius)}" class="pb-arc {band_class(band)}" '
            f'fill="none" stroke="{colour}" stroke-width="{_num(stroke)}" stroke-linecap="butt" '
            f'stroke-dasharray="{_num(dash)} {_num(circumference)}" '
            f'transform="rotate(-90 {_num(centre)} {_num(centre)})"/>'
        )
    shown = fmt_number(score, language) if score is not None else "—"
    body.append(
        _text(
            centre,
            centre + size * 0.11,
            shown,
            anchor="middle",
            size=size * 0.3,
            weight="bold",
            cls=band_class(band),
            fill=colour,
        )
    )
    return _svg("gauge", size, size, title, f"{title}: {_scored(score, band, language)} / 100", body, ident)


# family score bars ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One labelled score 0–100 with its band; `previous` draws a tick at an earlier score."""

    label: str
    value: int | None
    band: str | None = None
    previous: int | None = None


def render_score_bars(
    bars: Sequence[Bar], language: str, *, title: str, width: float = 480, ident: str | None = None
) -> str:
    """Horizontal bars on a 0–100 scale: a score of 50 is half as long as 100."""
    row, label_w, value_w = 22.0, min(190.0, width * 0.4), 44.0
    track = width - label_w - value_w
    chars = int(label_w / 6.2)
    height = row * len(bars) + 4
    body = []
    parts = []
    for i, bar in enumerate(bars):
        y = 2 + i * row
        body.append(_text(0, y + 14, clip(bar.label, chars), cls="pb-text"))
        body.append(_rect(label_w, y + 4, track, 12, "pb-track", TRACK_COLOUR, rx=2))
        if bar.value is not None:
            length = track * min(max(bar.value, 0), 100) / 100
            body.append(_rect(label_w, y + 4, length, 12, band_class(bar.band), BAND_COLOURS[bar.band or "none"], 2))
        if bar.previous is not None:
            x = label_w + track * min(max(bar.previous, 0), 100) / 100
            body.append(
                f'<line x1="{_num(x)}" y1="{_num(y + 1)}" x2="{_num(x)}" y2="{_num(y + 19)}" class="pb-previous" '
                f'stroke="{TEXT_COLOUR}" stroke-width="2" stroke-dasharray="2 1.5"/>'
            )
        shown = fmt_number(bar.value, language) if bar.value is not None else "—"
        body.append(_text(width, y + 14, shown, anchor="end", weight="bold"))
        described = f"{bar.label}: {_scored(bar.value, bar.band, language)}"
        if bar.previous is not None:
            described += f" ({t('chart.before', language)} {fmt_number(bar.previous, language)})"
        parts.append(described)
    return _svg("bars", width, height, title, "; ".join(parts), body, ident)


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


def _month_label(month: date, first: bool, language: str) -> str:
    """`дек 2026` for the first label of a year (`first`), `фев` otherwise: short and unambiguous."""
    loc = locale(language)
    name = format_date(month, "LLL", locale=loc).replace(".", "")
    return f"{name} {month.year}" if first or month.month == 1 else name


def _axis_months(months: Sequence[date], language: str) -> list[tuple[int, str]]:
    """At most 12 month labels (every n-th month), each with its year where the year changes.

    With a step of two a January may be skipped: the first label shown in a new year carries the
    year, so «дек 2026 … окт, дек, февр» never reads as one year.
    """
    step = max(1, math.ceil(len(months) / 12))
    shown: list[tuple[int, str]] = []
    year = None
    for i in range(0, len(months), step):
        month = months[i]
        shown.append((i, _month_label(month, month.year != year, language)))
        year = month.year
    return shown


def _short_money(value: float, currency: str, language: str) -> str:
    """Axis labels in CLDR's compact form: `1,5 млн ₽`, `$250K`."""
    return format_compact_currency(value, currency, locale=locale(language), fraction_digits=1)


@dataclass(frozen=True)
class Series:
    """A named line of values, one per month."""

    label: str
    values: Sequence[float]


def render_forecast(
    months: Sequence[date],
    cost: Sequence[float],
    scenarios: Sequence[Series],
    language: str,
    currency: str,
    *,
    title: str,
    cost_label: str,
    width: float = 640,
    height: float = 260,
    ident: str | None = None,
) -> str:
    """Cumulative cost (dashed) against cumulative profit per scenario, month by month."""
    left, right, top, bottom = 86.0, 28.0, 28.0, 30.0  # right: room for half the last month label (centred on its tick)
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max([*cost, *(v for s in scenarios for v in s.values), 0.0])
    ticks = axis_ticks(peak)
    ymax = ticks[-1]
    n = len(months)

    def x(i: int) -> float:
        return left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y(v: float) -> float:
        return top + plot_h - plot_h * v / ymax

    body = []
    for k, v in enumerate(ticks):
        body.append(
            f'<line x1="{_num(left)}" y1="{_num(y(v))}" x2="{_num(width - right)}" y2="{_num(y(v))}" '
            f'class="pb-grid" stroke="{GRID_COLOUR}" stroke-width="{1 if k else 1.5}"/>'
        )
        body.append(
            _text(
                left - 6, y(v) + 4, _short_money(v, currency, language), anchor="end", cls="pb-muted", fill=MUTED_COLOUR
            )
        )
    for i, label in _axis_months(months, language):
        body.append(_text(x(i), height - 10, label, anchor="middle", cls="pb-muted", fill=MUTED_COLOUR))

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

    # legend along the top
    lx = left
    entries = [(cost_label, COST_COLOUR, "pb-cost", True)] + [
        (s.label, SERIES_COLOURS[i % len(SERIES_COLOURS)] if len(scenarios) > 1 else SERIES_COLOURS[1], "", False)
        for i, s in enumerate(scenarios)
    ]
    for i, (label, colour, cls, dashed) in enumerate(entries):
        dash = ' stroke-dasharray="4 3"' if dashed else ""
        series_cls = cls or f"pb-series pb-series-{i - 1}"
        body.append(
            f'<line x1="{_num(lx)}" y1="12" x2="{_num(lx + 18)}" y2="12" class="{series_cls}" stroke="{colour}" '
            f'stroke-width="2.5"{dash}/>'
        )
        shown = clip(label, 26)
        body.append(_text(lx + 22, 16, shown))
        lx += 22 + 6.4 * len(shown) + 16

    last = n - 1
    parts = [f"{cost_label}: {fmt_money(cost[last], currency, language)}"] if n else []
    parts += [f"{s.label}: {fmt_money(s.values[last], currency, language)}" for s in scenarios if n]
    span = f"{format_date(months[0], 'LLLL y', locale=locale(language))} – " if n else ""
    span += format_date(months[-1], "LLLL y", locale=locale(language)) if n else ""
    desc = f"{span}. {t('chart.cumulative', language)}: " + "; ".join(parts)
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
    language: str,
    currency: str,
    *,
    title: str,
    width: float = 640,
    height: float = 260,
    ident: str | None = None,
) -> str:
    """Cumulative cost and profit as planned (dashed, whole horizon) and as reported (solid, months so far)."""
    left, right, top, bottom = 86.0, 28.0, 44.0, 30.0  # right: room for half the last month label
    plot_w, plot_h = width - left - right, height - top - bottom
    ticks = axis_ticks(max([*(v for line in lines for v in line.values), 0.0]))
    ymax = ticks[-1]
    n = len(months)

    def x(i: int) -> float:
        return left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y(v: float) -> float:
        return top + plot_h - plot_h * v / ymax

    body = []
    for k, v in enumerate(ticks):
        body.append(
            f'<line x1="{_num(left)}" y1="{_num(y(v))}" x2="{_num(width - right)}" y2="{_num(y(v))}" '
            f'class="pb-grid" stroke="{GRID_COLOUR}" stroke-width="{1 if k else 1.5}"/>'
        )
        body.append(
            _text(
                left - 6, y(v) + 4, _short_money(v, currency, language), anchor="end", cls="pb-muted", fill=MUTED_COLOUR
            )
        )
    for i, label in _axis_months(months, language):
        body.append(_text(x(i), height - 10, label, anchor="middle", cls="pb-muted", fill=MUTED_COLOUR))
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
    parts = [f"{line.label}: {fmt_money(line.values[-1], currency, language)}" for line in lines if line.values]
    span = f"{format_date(months[0], 'LLLL y', locale=locale(language))} – " if n else ""
    span += format_date(months[-1], "LLLL y", locale=locale(language)) if n else ""
    desc = f"{span}. {t('chart.cumulative', language)}: " + "; ".join(parts)
    return _svg("plan-vs-fact", width, height, title, desc, body, ident)


# funnel -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stage:
    """A funnel stage: its count and its conversion from the stage before (a share, or None)."""

    label: str
    count: int
    conversion: float | None = None


def render_funnel(
    stages: Sequence[Stage], language: str, *, title: str, width: float = 480, ident: str | None = None
) -> str:
    """Centred bars, one per stage, each labelled with its count and conversion (a funnel).

    A funnel often narrows a hundredfold (12 000 impressions, 240 purchases): drawn in proportion,
    every stage after the first is a sliver. Widths follow the square root of the count instead,
    which keeps the order and the narrowing visible, and never fall below a readable minimum;
    the exact figures are written beside each bar.
    """
    from generator.present.i18n import fmt_percent

    row, label_w, value_w = 26.0, min(160.0, width * 0.33), 120.0
    track = width - label_w - value_w
    peak = max([s.count for s in stages] + [0]) or 1
    body = []
    parts = []
    for i, stage in enumerate(stages):
        y = 2 + i * row
        length = max(track * math.sqrt(stage.count / peak), track * 0.06) if stage.count > 0 else 0
        body.append(_text(0, y + 15, clip(stage.label, int(label_w / 6.2))))
        body.append(_rect(label_w + (track - length) / 2, y + 3, length, 18, "pb-bar", "#1a73e8", 2))
        shown = fmt_number(stage.count, language)
        rate = f" · {fmt_percent(stage.conversion, language)}" if stage.conversion is not None else ""
        body.append(_text(label_w + track + 8, y + 15, shown + rate))
        parts.append(f"{stage.label}: {shown}{rate.replace(' · ', ', ')}")
    return _svg("funnel", width, 2 + row * len(stages) + 2, title, "; ".join(parts), body, ident)


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


def render_gantt(
    spans: Sequence[Span],
    months: Sequence[date],
    language: str,
    *,
    title: str,
    width: float = 640,
    ident: str | None = None,
) -> str:
    """Initiatives by month: one row each, a bar over the months it runs, ◆ at one-off costs.

    Month names sit on one line and the year on a second line (under the first month and each
    January), so labels never run into each other however narrow a month's column is.
    """
    row, label_w, top = 22.0, min(210.0, width * 0.34), 31.0
    n = max(len(months), 1)
    col = (width - label_w) / n
    height = top + row * len(spans) + 4
    body = []
    longest = max((len(_month_label(m, False, language)) for m in months), default=3)
    step = max(1, math.ceil(n / 12), math.ceil((longest * 5.4 + 4) / col))
    for i, month in enumerate(months):
        if i % step == 0:
            label = _month_label(month, False, language)
            x = label_w + col * i + col / 2
            body.append(_text(x, 12, label, anchor="middle", size=9, cls="pb-muted", fill=MUTED_COLOUR))
        if i == 0 or month.month == 1:
            x = label_w + col * i + 2
            body.append(_text(x, 24, str(month.year), size=9, cls="pb-muted", fill=MUTED_COLOUR))
        body.append(
            f'<line x1="{_num(label_w + col * i)}" y1="{_num(top - 2)}" x2="{_num(label_w + col * i)}" '
            f'y2="{_num(height)}" class="pb-grid" stroke="{GRID_COLOUR}" stroke-width="0.6"/>'
        )
    parts = []
    for r, span in enumerate(spans):
        y = top + r * row
        body.append(_text(0, y + 14, clip(span.label, int(label_w / 6.2))))
        runs = _runs([m for m in span.months if 1 <= m <= n])
        for first, last in runs:
            body.append(
                _rect(label_w + col * (first - 1) + 1, y + 4, col * (last - first + 1) - 2, 13, "pb-bar", "#1a73e8", 3)
            )
        for m in span.markers:
            if 1 <= m <= n:
                cx, cy = label_w + col * (m - 1) + col / 2, y + 10.5
                body.append(
                    f'<path d="M{_num(cx)} {_num(cy - 5)} L{_num(cx + 5)} {_num(cy)} L{_num(cx)} {_num(cy + 5)} '
                    f'L{_num(cx - 5)} {_num(cy)} Z" class="pb-marker pb-text" fill="{TEXT_COLOUR}"/>'
                )
        when = ", ".join(
            format_date(months[a - 1], "LLL y", locale=locale(language))
            + ("" if a == b else " – " + format_date(months[b - 1], "LLL y", locale=locale(language)))
            for a, b in runs
        )
        parts.append(f"{span.label}: {when or '—'}")
    return _svg("gantt", width, height, title, "; ".join(parts), body, ident)


# calendar heatmap -------------------------------------------------------------------------------

SLOT_KINDS: tuple[str, ...] = ("done", "missed", "new", "refresh", "repurpose", "research")


def render_heatmap(
    days: Sequence[tuple[date, str]],
    start: date,
    end: date,
    language: str,
    *,
    title: str,
    today: date | None = None,
    cell: float = 11,
    ident: str | None = None,
) -> str:
    """A year of slots as a GitHub-style grid: a column per week (Monday first), a row per weekday.

    Days that are not slots are pale; slots take their kind's colour (done, missed, or the
    planned kinds new, refresh, research); today is outlined.
    """
    gap = 2.0
    pitch = cell + gap
    left, top = 26.0, 16.0
    first_monday = start - timedelta(days=start.weekday())
    weeks = (end - first_monday).days // 7 + 1
    width = left + weeks * pitch
    legend_y = top + 7 * pitch + 8
    height = legend_y + cell + 4
    kinds = dict(days)
    loc = locale(language)
    body = []
    # weekday labels: Monday, Wednesday, Friday
    for row in (0, 2, 4):
        name = loc.days["format"]["abbreviated"][row]
        body.append(_text(0, top + row * pitch + cell - 1.5, name, size=8, cls="pb-muted", fill=MUTED_COLOUR))
    seen_month: set[tuple[int, int]] = set()
    last_label_x = -100.0
    for w in range(weeks):
        for d in range(7):
            day = first_monday + timedelta(days=w * 7 + d)
            if day < start or day > end:
                continue
            month_key = (day.year, day.month)
            if (d == 0 or day == start) and month_key not in seen_month:
                seen_month.add(month_key)
                x = left + w * pitch
                if x - last_label_x >= 26:
                    label = format_date(day, "LLL", locale=loc).replace(".", "")
                    body.append(_text(x, 10, label, size=8, cls="pb-muted", fill=MUTED_COLOUR))
                    last_label_x = x
            kind = kinds.get(day, "off")
            colour = SLOT_COLOURS.get(kind, SLOT_COLOURS["off"])
            outline = ""
            if day == today:
                outline = f' stroke="{TEXT_COLOUR}" stroke-width="1.5"'
            body.append(
                _rect(
                    left + w * pitch,
                    top + d * pitch,
                    cell,
                    cell,
                    f"pb-slot pb-slot-{kind}" + (" pb-today" if day == today else ""),
                    colour,
                    2,
                    outline,
                )
            )
    counts = {k: sum(1 for _, kind in days if kind == k) for k in SLOT_KINDS}
    lx = left
    for kind in SLOT_KINDS:
        label = f"{t('slot.' + kind, language)} {fmt_number(counts[kind], language)}"
        body.append(_rect(lx, legend_y, cell, cell, f"pb-slot pb-slot-{kind}", SLOT_COLOURS[kind], 2))
        body.append(_text(lx + cell + 4, legend_y + cell - 2, label, size=9, cls="pb-muted", fill=MUTED_COLOUR))
        lx += cell + 12 + 5.6 * len(label)
    span = f"{format_date(start, 'd MMMM y', locale=loc)} – {format_date(end, 'd MMMM y', locale=loc)}"
    desc = span + ": " + ", ".join(f"{t('slot.' + k, language)} {fmt_number(counts[k], language)}" for k in SLOT_KINDS)
    return _svg("heatmap", max(width, lx), height, title, desc, body, ident)
