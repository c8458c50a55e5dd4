"""Values for the site's page templates, prepared once so that templates hold layout only.

The page templates (`theme/pages/*.j2.md`) are rendered by a Jinja environment without
autoescaping (they produce Markdown), so everything that comes from a plan is escaped *here*:
Markdown fields become sanitised HTML (`render_markdown`/`render_inline`), plain fields are
escaped for the context they land in — `escape_text` inside HTML blocks, `escape_markdown` in
Markdown lines (headings). Numbers and dates are formatted with `generator.present.i18n` in the plan's
language; nothing is recomputed: every figure arrives from `generator.compute.figures`.

Charts come from `generator.draw.charts` (shared with the PDF); a chart that module does not offer
yet is simply left out of the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.compute.figures import Figures
from generator.model import LoadedPlan
from generator.present.measured import with_measured
from generator.present.site_audit import context_audit
from generator.present.site_base import (
    PAGES,
    STEP_PAGES,
    Labels,
    Words,
    band_badge,
    chart_title,
    front_matter,
    status_badge,
)
from generator.present.site_calendar import context_calendar, context_downloads
from generator.present.site_money import context_automation, context_checkpoints, context_economics, context_forecast
from generator.present.site_steps import (
    context_audience,
    context_competitors,
    context_goals,
    context_overview,
    context_portfolio,
    context_roadmap,
    context_strategy,
)

CONTEXTS: dict[str, Callable[[LoadedPlan, Figures], dict[str, Any]]] = {
    "index": context_overview,
    "goals": context_goals,
    "audience": with_measured(context_audience),
    "competitors": context_competitors,
    "audit": context_audit,
    "strategy": context_strategy,
    "roadmap": context_roadmap,
    "checkpoints": context_checkpoints,
    "economics": with_measured(context_economics),
    "forecast": with_measured(context_forecast),
    "automation": context_automation,
    "calendar": with_measured(context_calendar),
    "downloads": context_downloads,
}


__all__ = [
    "CONTEXTS",
    "PAGES",
    "STEP_PAGES",
    "Labels",
    "Words",
    "band_badge",
    "chart_title",
    "context_portfolio",
    "front_matter",
    "status_badge",
]
