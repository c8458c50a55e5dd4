"""What every chart shares: colours, the site's chart CSS, escaping, and the SVG building blocks."""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Sequence

from generator.draw.charts.voice import Voice

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
.pb-chart .pb-cap { stroke: var(--pb-muted, #5f6368); }
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


def _scored(score: float | None, band: str | None, language: Voice) -> str:
    if score is None:
        return language.word("status.not assessed")
    return f"{language.number(score)} ({language.word('band.' + band)})" if band else language.number(score)
