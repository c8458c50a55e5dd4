"""The calendar heatmap: a year of slots, one square a day, coloured by what the day holds."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from babel import Locale
from babel.dates import format_date

from generator.draw.charts.svg import (
    MUTED_COLOUR,
    SLOT_COLOURS,
    TEXT_COLOUR,
    _rect,
    _svg,
    _text,
)
from generator.draw.charts.voice import Voice

# forecast ---------------------------------------------------------------------------------------


# calendar heatmap -------------------------------------------------------------------------------

SLOT_KINDS: tuple[str, ...] = ("done", "missed", "new", "refresh", "repurpose", "research")


def render_heatmap(
    days: Sequence[tuple[date, str]],
    start: date,
    end: date,
    language: Voice,
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
    loc = Locale.parse(language.format_locale)
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
        label = f"{language.word('slot.' + kind)} {language.number(counts[kind])}"
        body.append(_rect(lx, legend_y, cell, cell, f"pb-slot pb-slot-{kind}", SLOT_COLOURS[kind], 2))
        body.append(_text(lx + cell + 4, legend_y + cell - 2, label, size=9, cls="pb-muted", fill=MUTED_COLOUR))
        lx += cell + 12 + 5.6 * len(label)
    span = f"{format_date(start, 'd MMMM y', locale=loc)} – {format_date(end, 'd MMMM y', locale=loc)}"
    desc = span + ": " + ", ".join(f"{language.word('slot.' + k)} {language.number(counts[k])}" for k in SLOT_KINDS)
    return _svg("heatmap", max(width, lx), height, title, desc, body, ident)
