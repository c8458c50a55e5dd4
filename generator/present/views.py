"""Display values of the plan's own sections (steps 2–5 and 8), built once for the site, the PDF and the report.

Each view is a small frozen dataclass of plain strings already formatted in the plan's language
and locale (`generator.present.i18n`, `generator.present.format`): the site escapes them for
HTML, the PDF template autoescapes them, the terminal report prints them. So a goal's target,
a segment's share or a roadmap cost reads the same in all three. Markdown fields (portraits,
notes) stay raw text: each renderer sanitises them its own way.

Custom tools are named by the name the consultant gave them, never by their id
(`IT systems · Cake configurator`, not `IT systems: configurator`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.catalogue import FAMILIES, tool_label
from generator.model import Plan
from generator.present.format import fmt_quantity
from generator.present.i18n import fmt_date, fmt_money, fmt_number, fmt_percent, t

DASH = "—"


@dataclass(frozen=True)
class GoalView:
    """Step 2: one goal with the business goal it serves, its values in its unit and its deadline."""

    title: str
    business_goal: str
    metric: str
    baseline: str
    target: str
    direction: str
    deadline: str


@dataclass(frozen=True)
class PlaceView:
    name: str
    kind: str
    reach: str


@dataclass(frozen=True)
class DemandView:
    query: str
    volume: str
    source: str


@dataclass(frozen=True)
class SegmentView:
    """Steps 3–4: a segment, where it gathers and what it searches for."""

    name: str
    share: str | None
    portrait: str | None  # Markdown, sanitised by the renderer
    needs: tuple[str, ...]
    pains: tuple[str, ...]
    places: tuple[PlaceView, ...]
    demand: tuple[DemandView, ...]
    demand_total: str | None


@dataclass(frozen=True)
class CompetitorView:
    """Step 5: a competitor's strengths beside its weaknesses."""

    name: str
    website: str | None
    strengths: tuple[str, ...]
    weaknesses: tuple[str, ...]
    notes: str | None  # Markdown


@dataclass(frozen=True)
class RoadmapRow:
    """Step 8: who does what, from when to when, at what one-off cost."""

    initiative: str
    component: str
    start: str
    end: str
    owner: str
    cost: str


def table_date(day: date | None, language: str) -> str:
    """Dates in tables: the locale's short form (`01.12.2026`, `12/1/26`, `01.12.26` for de-DE)."""
    return fmt_date(day, language, "short") if day else DASH


def goal_views(plan: Plan, language: str) -> tuple[GoalView, ...]:
    currency = plan.business.currency
    return tuple(
        GoalView(
            title=g.title,
            business_goal=g.business_goal or DASH,
            metric=g.metric or DASH,
            baseline=fmt_quantity(g.baseline, g.unit, language, currency),
            target=fmt_quantity(g.target, g.unit, language, currency),
            direction=t(f"site.direction.{g.direction}", language),
            deadline=fmt_date(g.deadline, language) if g.deadline else DASH,
        )
        for g in plan.goals
    )


def segment_views(plan: Plan, language: str) -> tuple[SegmentView, ...]:
    return tuple(
        SegmentView(
            name=s.name,
            share=fmt_percent(s.share, language) if s.share is not None else None,
            portrait=s.portrait,
            needs=tuple(s.needs),
            pains=tuple(s.pains),
            places=tuple(
                PlaceView(
                    p.name, t(f"site.place.{p.kind}", language) if p.kind else DASH, fmt_number(p.reach, language)
                )
                for p in s.places
            ),
            demand=tuple(
                DemandView(d.query, fmt_number(d.monthly_volume, language), d.source or DASH) for d in s.demand
            ),
            demand_total=fmt_number(sum(d.monthly_volume or 0 for d in s.demand), language) if s.demand else None,
        )
        for s in plan.segments
    )


def competitor_views(plan: Plan) -> tuple[CompetitorView, ...]:
    return tuple(
        CompetitorView(c.name, c.website, tuple(c.strengths), tuple(c.weaknesses), c.notes) for c in plan.competitors
    )


def component_label(component: str | None, plan: Plan, language: str) -> str:
    """`it.configurator` → `ИТ-системы · Конфигуратор тортов` (a custom tool by its name), `—` without one."""
    if not component:
        return DASH
    family, _, tool = component.partition(".")
    if family not in FAMILIES:
        return component
    custom = plan.audit.components.custom if plan.audit and plan.audit.components else []
    name = next((c.name for c in custom if c.family == family and c.id == tool), None)
    return f"{FAMILIES[family].label.in_(language)} · {name or tool_label(family, tool, language)}"


def roadmap_rows(plan: Plan, language: str) -> tuple[RoadmapRow, ...]:
    initiatives = {i.id: i for i in (plan.strategy.initiatives if plan.strategy else [])}
    rows = []
    for r in plan.roadmap:
        initiative = initiatives.get(r.initiative)
        rows.append(
            RoadmapRow(
                initiative=initiative.title if initiative else r.initiative,
                component=component_label(initiative.component if initiative else None, plan, language),
                start=table_date(r.start, language),
                end=table_date(r.end, language),
                owner=r.owner or DASH,
                cost=fmt_money(r.cost, plan.business.currency, language) if r.cost is not None else DASH,
            )
        )
    return tuple(rows)


# bands: how good a figure is, decided once for every output ------------------------------------

NPS_GOOD, NPS_NEEDS_WORK = 50, 0  # NPS ≥ 50 good, ≥ 0 needs work, below 0 poor
COMPLETION_GOOD, COMPLETION_NEEDS_WORK = 0.9, 0.5  # share of due article slots done


def nps_band(score: float) -> str:
    """`good`, `needs-work` or `poor`: the tone of an NPS card (was decided inside the PDF renderer)."""
    return "good" if score >= NPS_GOOD else "needs-work" if score >= NPS_NEEDS_WORK else "poor"


def completion_band(rate: float) -> str:
    """`good`, `needs-work` or `poor`: the tone of the content discipline's completion rate."""
    return "good" if rate >= COMPLETION_GOOD else "needs-work" if rate >= COMPLETION_NEEDS_WORK else "poor"


# One wording for the site, the PDF and the terminal (each had its own copy, and they drifted).

DEFAULT_SCENARIOS = ("pessimistic", "base", "optimistic")


def scenario_name(name: str, language: str) -> str:
    """The default scenarios get names in the plan's language; the plan's own names stay as written."""
    return t(f"scn.{name}", language) if name in DEFAULT_SCENARIOS else name


def segment_names(plan: Plan) -> dict[str, str]:
    """Segment id → the name the plan gives it."""
    return {segment.id: segment.name for segment in plan.segments}
