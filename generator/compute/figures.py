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

from generator.compute.actuals import PlanVsFact, compute_plan_vs_fact
from generator.compute.audit import AuditFigures, compute_audit, with_comparison
from generator.compute.automation import AutomationFigures, compute_automation
from generator.compute.checkpoints import (
    CheckpointFigure,
    CorrectionFigure,
    KpiFigure,
    compute_agenda,
    compute_checkpoints,
    compute_corrections,
)
from generator.compute.economics import EconomicsFigures, compute_economics
from generator.compute.forecast import ForecastFigures, compute_forecast, forecast_basis
from generator.compute.groups import group_economics
from generator.compute.lint import LintWarning, compute_lint
from generator.compute.measured import (
    MeasuredFigures,
    compute_measured,
    with_measured_actuals,
    with_measured_economics,
)
from generator.compute.measured_kpis import with_measured_kpis
from generator.compute.reforecast import Reforecast, compute_reforecast
from generator.compute.schedule import CalendarFigures, compute_plan_calendar, loaded_calendar
from generator.compute.steps import Step, compute_steps
from generator.compute.summary import SummaryFigures, compute_summary
from generator.compute.webdata import MeasuredIdeas
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
    # v2 ------------------------------------------------------------------------------------
    forecast_missing: tuple[tuple[str | None, str], ...] = ()  # (group, key): why no forecast
    plan_vs_fact: PlanVsFact | None = None  # planned vs actual CAC, ROI to date (with a forecast section)
    agenda: tuple[CorrectionFigure, ...] = ()  # `corrections` with the initiatives serving each goal
    lint: tuple[LintWarning, ...] = ()  # method warnings for the consultant (check, report); never on the site or PDF
    locale: str | None = None  # business.locale: number, date and currency formats (None: the language's)
    reforecast: Reforecast | None = None  # the horizon redone from the actuals (None before any actual)
    summary: SummaryFigures | None = None  # the one-page summary: money, priorities, this week, 90 days
    # v3 ------------------------------------------------------------------------------------
    measured: MeasuredFigures | None = None  # from measured/<slug>.yaml (playbook import), if any


def compute_figures(loaded: LoadedPlan, today: date) -> Figures:
    """All derived figures of a loaded plan on `today` (pure: same plan and day, same figures)."""
    plan = loaded.plan
    calendar = loaded_calendar(loaded, today)  # v3: with uncovered demand and the refresh queue
    with_economics = [s.id for s in plan.segments if s.economics is not None]
    groups = group_economics(plan)
    economics = compute_economics(plan.economics, [groups[i] for i in with_economics])
    money_plan, taken = with_measured_economics(plan, loaded.measured)  # v3: forecast.basis measured
    basis = forecast_basis(money_plan, today)
    facts_plan = with_measured_actuals(money_plan, loaded.measured, today)  # v3: measured new customers
    plan_vs_fact = compute_plan_vs_fact(facts_plan, today)
    checkpoints = compute_checkpoints(with_measured_kpis(plan, loaded.measured), today)  # v3: KPI metrics
    corrections = compute_corrections(checkpoints)
    automation = compute_automation(plan)
    forecast = compute_forecast(money_plan, today)
    reforecast = compute_reforecast(basis, plan_vs_fact)
    audit = compute_audit(plan, calendar, economics, automation)
    if audit is not None and loaded.previous is not None:
        previous = compute_audit(loaded.previous.plan, None, None, None)
        audit = with_comparison(audit, previous, loaded.previous.plan)
    summary_inputs = (basis, plan_vs_fact, forecast, reforecast)
    return Figures(
        slug=loaded.slug,
        name=plan.business.name,
        language=plan.business.language,
        currency=plan.business.currency,
        today=today,
        steps=compute_steps(plan),
        audit=audit,
        economics=economics,
        forecast=forecast,
        checkpoints=checkpoints,
        corrections=corrections,
        automation=automation,
        calendar=calendar,
        forecast_missing=basis.missing if basis is not None else (),
        plan_vs_fact=plan_vs_fact,
        agenda=tuple(compute_agenda(facts_plan, corrections, plan_vs_fact)),
        lint=compute_lint(loaded, today, audit, calendar, economics),
        locale=plan.business.locale,
        reforecast=reforecast,
        summary=compute_summary(money_plan, today, summary_inputs, economics, audit, calendar),
        measured=compute_measured(plan, loaded.measured, today, taken),
    )


def compute_calendar_figures(
    plan: Plan, today: date, measured: MeasuredIdeas | None = None
) -> CalendarFigures | None:
    """The article calendar (computed by `generator.compute.schedule`), or None without a `content` section."""
    return compute_plan_calendar(plan, today, measured)
