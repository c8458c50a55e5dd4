"""Charts of scores and stages: the overall gauge, the family score bars, the funnel."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from generator.draw.charts.svg import (
    BAND_COLOURS,
    TEXT_COLOUR,
    TRACK_COLOUR,
    _num,
    _rect,
    _scored,
    _svg,
    _text,
    band_class,
    clip,
)
from generator.draw.charts.voice import Voice

# score gauge -----------------------------------------------------------------------------------


def render_gauge(
    score: int | None, band: str | None, language: Voice, *, title: str, size: float = 120, ident: str | None = None
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
    shown = language.number(score) if score is not None else "—"
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
    bars: Sequence[Bar], language: Voice, *, title: str, width: float = 480, ident: str | None = None
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
        shown = language.number(bar.value) if bar.value is not None else "—"
        body.append(_text(width, y + 14, shown, anchor="end", weight="bold"))
        described = f"{bar.label}: {_scored(bar.value, bar.band, language)}"
        if bar.previous is not None:
            described += f" ({language.word('chart.before')} {language.number(bar.previous)})"
        parts.append(described)
    return _svg("bars", width, height, title, "; ".join(parts), body, ident)



# funnel -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stage:
    """A funnel stage: its count and its conversion from the stage before (a share, or None)."""

    label: str
    count: int
    conversion: float | None = None


def render_funnel(
    stages: Sequence[Stage], language: Voice, *, title: str, width: float = 480, ident: str | None = None
) -> str:
    """Centred bars, one per stage, each labelled with its count and conversion (a funnel).

    A funnel often narrows a hundredfold (12 000 impressions, 240 purchases): drawn in proportion,
    every stage after the first is a sliver. Widths follow the square root of the count instead,
    which keeps the order and the narrowing visible, and never fall below a readable minimum;
    the exact figures are written beside each bar.
    """
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
        shown = language.number(stage.count)
        rate = f" · {language.percent(stage.conversion)}" if stage.conversion is not None else ""
        body.append(_text(label_w + track + 8, y + 15, shown + rate))
        parts.append(f"{stage.label}: {shown}{rate.replace(' · ', ', ')}")
    return _svg("funnel", width, 2 + row * len(stages) + 2, title, "; ".join(parts), body, ident)
