"""Stage 2 of the pipeline: every derived figure of a plan, computed once, as plain frozen data.

The site, the PDF, the calendar files and the terminal report all show the same numbers, so
they are computed in `generator.compute` and nowhere else: one module per part of the method
(`audit`, `economics`, `forecast`, `checkpoints`, `automation`, the article calendar in
`schedule`, the eight steps in `steps`); this module gathers them into one `Figures` per plan.
Money figures are floats, left unrounded: rounding is presentation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.compute.audit import AuditFigures, compute_audit, with_comparison
from generator.compute.automation import AutomationFigures, compute_automation
from generator.compute.checkpoints import CheckpointFigure, KpiFigure, compute_checkpoints, compute_corrections
from generator.compute.economics import EconomicsFigures, compute_economics
from generator.compute.forecast import ForecastFigures, compute_forecast
from generator.compute.schedule import CalendarFigures, compute_calendar
from generator.compute.steps import Step, compute_steps
from generator.model import LoadedPlan, Plan


@dataclass(frozen=True)
class Figures:
    """Everything a renderer shows about one plan, computed for one "today"."""

    slug: str
    name: str
    language: str
    currency: str
    today: date
    steps: list[Step]
    audit: AuditFigures | None
    economics: EconomicsFigures | None
    forecast: ForecastFigures | None
    checkpoints: list[CheckpointFigure]
    corrections: list[KpiFigure]  # behind, not measured and no-target KPIs, by date
    automation: AutomationFigures | None
    calendar: CalendarFigures | None
    locale: str | None = None  # business.locale: number, date and currency formats (None: the language's)


def compute_figures(loaded: LoadedPlan, today: date) -> Figures:
    """All derived figures of a loaded plan on `today` (pure: same plan and day, same figures)."""
    plan = loaded.plan
    calendar = compute_calendar_figures(plan, today)
    economics = compute_economics(plan.economics)
    automation = compute_automation(plan)
    checkpoints = compute_checkpoints(plan, today)
    audit = compute_audit(plan, calendar, economics, automation)
    if audit is not None and loaded.previous is not None:
        previous = compute_audit(loaded.previous.plan, None, None, None)
        audit = with_comparison(audit, previous, loaded.previous.plan)
    return Figures(
        slug=loaded.slug,
        name=plan.business.name,
        language=plan.business.language,
        currency=plan.business.currency,
        today=today,
        steps=compute_steps(plan),
        audit=audit,
        economics=economics,
        forecast=compute_forecast(plan, today),
        checkpoints=checkpoints,
        corrections=compute_corrections(checkpoints),
        automation=automation,
        calendar=calendar,
        locale=plan.business.locale,
    )


def compute_calendar_figures(plan: Plan, today: date) -> CalendarFigures | None:
    """The article calendar (computed by `generator.compute.schedule`), or None without a `content` section."""
    if plan.content is None:
        return None
    return compute_calendar(plan.content, plan.segments, today)
