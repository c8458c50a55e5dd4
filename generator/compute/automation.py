"""Problem 2, manual work: hours a month still spent by hand, planned for automation, automated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.compute.arithmetic import Arithmetic, mul
from generator.model import Plan


@dataclass(frozen=True)
class AutomationItemFigure:
    """A process and its state."""

    process: str
    hours_per_month: float | None
    tool: str | None
    status: Literal["manual", "planned", "automated"]


@dataclass(frozen=True)
class AutomationFigures:
    """Problem 2: hours a month spent by hand, planned for automation, and automated."""

    items: tuple[AutomationItemFigure, ...]
    manual_hours: float  # status manual
    planned_hours: float  # status planned (still by hand until automated)
    automated_hours: float
    total_hours: float
    by_hand_hours: float  # manual + planned: still spent by hand this month
    by_hand_year_work: Arithmetic  # by_hand_hours × 12 = hours a year


def compute_automation(plan: Plan) -> AutomationFigures | None:
    """Hours a month by status; None when the plan lists no processes."""
    if not plan.automation:
        return None
    items = tuple(AutomationItemFigure(a.process, a.hours_per_month, a.tool, a.status) for a in plan.automation)

    def hours(status: str) -> float:
        return float(sum((i.hours_per_month or 0.0) for i in items if i.status == status))  # 0.0, never int 0

    manual, planned, automated = hours("manual"), hours("planned"), hours("automated")
    return AutomationFigures(
        items=items,
        manual_hours=manual,
        planned_hours=planned,
        automated_hours=automated,
        total_hours=manual + planned + automated,
        by_hand_hours=manual + planned,
        by_hand_year_work=mul(manual + planned, 12),
    )
