"""NPS by month (contract v3): one bar a month from the zero line, up for a positive NPS, down
for a negative one, on the fixed −100…100 scale so two clients' charts compare at a glance."""

from __future__ import annotations

from collections.abc import Sequence

from generator.draw.charts.svg import BAND_COLOURS, GRID_COLOUR, _num, _rect, _svg, _text, clip


def render_nps_months(months: Sequence[tuple[str, float | None, str]], *, title: str, width: float = 480) -> str:
    """`months`: (month label, NPS or None, NPS as shown) in order."""
    height, top, bottom = 170.0, 14.0, 34.0
    plot = height - top - bottom
    zero = top + plot / 2
    slot = width / max(len(months), 1)
    bar = min(28.0, slot * 0.6)
    body = [
        f'<line x1="0" y1="{_num(zero)}" x2="{_num(width)}" y2="{_num(zero)}" class="pb-grid" '
        f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
    ]
    parts = []
    chars = max(int(slot / 6), 3)
    for i, (label, value, shown) in enumerate(months):
        x = i * slot + (slot - bar) / 2
        if value is not None:
            length = plot / 2 * min(abs(value), 100) / 100
            y = zero - length if value >= 0 else zero
            band = "good" if value >= 50 else "needs work" if value >= 0 else "poor"
            body.append(_rect(x, y, bar, length, f"pb-band-{band.replace(' ', '-')}", BAND_COLOURS[band], 2))
            label_y = y - 3 if value >= 0 else y + length + 11
            body.append(_text(x + bar / 2, label_y, shown, anchor="middle", size=10, weight="bold"))
        body.append(_text(x + bar / 2, height - 18 + (i % 2) * 11, clip(label, chars), anchor="middle", size=9))
        parts.append(f"{label}: {shown}")
    return _svg("nps", width, height, title, "; ".join(parts), body, None)
