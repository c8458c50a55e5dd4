"""Step 8's checkpoints: each KPI's status on "today", and where the strategy is to be corrected."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from generator.compute.actuals import InitiativeFact, PlanVsFact, planned_only
from generator.model import Plan

KPI_STATUSES: tuple[str, ...] = ("met", "behind", "pending", "not measured", "no target")


@dataclass(frozen=True)
class KpiFigure:
    """A KPI's status on "today": met, behind, pending, not measured, or no target."""

    date: date  # the checkpoint's date
    goal: str
    goal_title: str
    unit: str | None
    direction: Literal["up", "down"]
    target: float | None  # the KPI's target, else its goal's
    target_from_goal: bool
    actual: float | None
    status: str  # one of KPI_STATUSES


@dataclass(frozen=True)
class CheckpointFigure:
    """A checkpoint and its KPIs; `passed` when its date is before today."""

    date: date
    passed: bool
    kpis: tuple[KpiFigure, ...]


def kpi_status(target: float | None, actual: float | None, direction: str, day: date, today: date) -> str:
    """met / behind (measured), pending / not measured (not yet), no target (cannot be judged)."""
    if actual is None:
        return "pending" if day >= today else "not measured"
    if target is None:
        return "no target"
    reached = actual <= target if direction == "down" else actual >= target
    return "met" if reached else "behind"


def compute_checkpoints(plan: Plan, today: date) -> list[CheckpointFigure]:
    """Every checkpoint in date order with each KPI's status on `today`.

    An actual of a checkpoint dated after today is left out (the KPI is pending, as if unmeasured):
    a figure that cannot have been measured yet is shown nowhere as a fact.
    """
    goals = {g.id: g for g in plan.goals}
    out = []
    for checkpoint in sorted(plan.checkpoints, key=lambda c: c.date):
        kpis = []
        for kpi in checkpoint.kpis:
            goal = goals[kpi.goal]
            target = kpi.target if kpi.target is not None else goal.target
            # Nothing from the future: an actual dated after today is not a fact yet (check warns, M111).
            actual = kpi.actual if checkpoint.date <= today else None
            kpis.append(
                KpiFigure(
                    date=checkpoint.date,
                    goal=goal.id,
                    goal_title=goal.title,
                    unit=goal.unit,
                    direction=goal.direction,
                    target=target,
                    target_from_goal=kpi.target is None and goal.target is not None,
                    actual=actual,
                    status=kpi_status(target, actual, goal.direction, checkpoint.date, today),
                )
            )
        out.append(CheckpointFigure(date=checkpoint.date, passed=checkpoint.date < today, kpis=tuple(kpis)))
    return out


def compute_corrections(checkpoints: Sequence[CheckpointFigure]) -> list[KpiFigure]:
    """Where the strategy is to be corrected: KPIs behind, not measured, or with no target."""
    return [k for c in checkpoints for k in c.kpis if k.status in ("behind", "not measured", "no target")]


@dataclass(frozen=True)
class CorrectionFigure:
    """A KPI where the strategy is to be corrected, and the initiatives serving its goal, worst first.

    No initiatives: the strategy has nothing working on that goal — the first thing to correct.
    """

    kpi: KpiFigure
    initiatives: tuple[InitiativeFact, ...]  # worst CAC ratio first; ties and unknown ratios in plan order


def compute_agenda(plan: Plan, corrections: Sequence[KpiFigure], facts: PlanVsFact | None) -> list[CorrectionFigure]:
    """For each KPI to correct, the initiatives whose `goals` include its goal, worst CAC ratio first.

    Ratios are compared exactly; equal ratios keep plan order, and initiatives with no ratio
    (nothing reported, or no planned CAC) come after them in plan order.
    """
    initiatives = plan.strategy.initiatives if plan.strategy else []
    out = []
    for kpi in corrections:
        serving = [_fact(plan, i.id, facts) for i in initiatives if kpi.goal in i.goals]
        known = [f for f in serving if f.cac_ratio_exact is not None]
        known.sort(key=lambda f: -f.cac_ratio_exact if f.cac_ratio_exact is not None else 0)
        unknown = [f for f in serving if f.cac_ratio_exact is None]
        out.append(CorrectionFigure(kpi=kpi, initiatives=(*known, *unknown)))
    return out


def _fact(plan: Plan, initiative_id: str, facts: PlanVsFact | None) -> InitiativeFact:
    """The initiative's plan against fact; without a forecast horizon, its planned CAC only."""
    if facts is not None:
        return facts.initiative(initiative_id)
    return planned_only(plan, initiative_id)
