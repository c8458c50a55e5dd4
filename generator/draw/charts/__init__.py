"""Charts as inline SVG strings, one module for the site and the PDF.

Charts only draw: every number arrives already computed (`generator.compute.figures`,
`generator.compute.schedule`), and every word and formatted number comes from the `Voice` the
caller passes (`generator.present.i18n.PlanLanguage` is one): charts import nothing of the
presentation stage above them. A chart is a pure function of plain values returning `<svg>` text:

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

from generator.draw.charts.heatmap import SLOT_KINDS, render_heatmap
from generator.draw.charts.scores import Bar, Stage, render_funnel, render_gauge, render_score_bars
from generator.draw.charts.svg import (
    BAND_COLOURS,
    CHART_CSS,
    COST_COLOUR,
    FONT,
    GRID_COLOUR,
    MUTED_COLOUR,
    SERIES_COLOURS,
    SLOT_COLOURS,
    TEXT_COLOUR,
    TRACK_COLOUR,
    band_class,
    clip,
    esc,
)
from generator.draw.charts.timeline import (
    LINE_COLOURS,
    Line,
    Series,
    Span,
    axis_ticks,
    render_forecast,
    render_gantt,
    render_plan_vs_fact,
)
from generator.draw.charts.voice import Voice

__all__ = [
    "BAND_COLOURS",
    "CHART_CSS",
    "COST_COLOUR",
    "FONT",
    "GRID_COLOUR",
    "LINE_COLOURS",
    "MUTED_COLOUR",
    "SERIES_COLOURS",
    "SLOT_COLOURS",
    "SLOT_KINDS",
    "TEXT_COLOUR",
    "TRACK_COLOUR",
    "Bar",
    "Line",
    "Series",
    "Span",
    "Stage",
    "Voice",
    "axis_ticks",
    "band_class",
    "clip",
    "esc",
    "render_forecast",
    "render_funnel",
    "render_gantt",
    "render_gauge",
    "render_heatmap",
    "render_plan_vs_fact",
    "render_score_bars",
]
