"""The values of the article calendar page and the downloads page.

The calendar's strings are `generator.present.calendar.calendar_view`'s (the PDF and the terminal
report lay out the same view); here they are only made safe for the page's HTML blocks.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from markupsafe import Markup

from generator.compute.figures import Figures
from generator.model import LoadedPlan
from generator.present.calendar import calendar_view
from generator.present.site_base import Words, _empty, base_context, html
from generator.present.summary import escaped
from generator.present.views import segment_names


def context_calendar(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """Problem 1: the daily content discipline: month grids, heatmap, streaks, hours, projection."""
    ctx = base_context(loaded, figures, "calendar")
    words: Words = ctx["words"]
    view = calendar_view(figures, segment_names(loaded.plan))
    ctx["c"] = None if view is None else replace(escaped(view, html), heatmap=Markup(view.heatmap))
    if view is None:
        ctx["empty"] = _empty(words, "calendar")
    return ctx


def context_downloads(loaded: LoadedPlan, figures: Figures) -> dict[str, Any]:
    """The PDF audit, the .ics feed to subscribe to, and the CSV."""
    ctx = base_context(loaded, figures, "downloads")
    ctx["has_calendar"] = figures.calendar is not None
    ctx["slug"] = loaded.slug
    return ctx
