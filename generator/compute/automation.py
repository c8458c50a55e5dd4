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
    hour_cost: float | None = None  # economics.hour_cost
    cost_monthly_work: Arithmetic | None = None  # by_hand_hours × hour_cost: what the hours by hand cost a month
    cost_yearly_work: Arithmetic | None = None  # cost a month × 12: the money automation would free a year

    @property
    def cost_monthly(self) -> float | None:
        """Hours by hand a month × hour_cost; None without `economics.hour_cost`."""
        return self.cost_monthly_work.result if self.cost_monthly_work else None

    @property
    def cost_yearly(self) -> float | None:
        """The monthly cost × 12; None without `economics.hour_cost`."""
        return self.cost_yearly_work.result if self.cost_yearly_work else None


def compute_automation(plan: Plan) -> AutomationFigures | None:
    """Hours a month by status; None when the plan lists no processes."""
    if not plan.automation:
        return None
    items = tuple(AutomationItemFigure(a.process, a.hours_per_month, a.tool, a.status) for a in plan.automation)

    def hours(status: str) -> float:
        return float(sum((i.hours_per_month or 0.0) for i in items if i.status == status))  # 0.0, never int 0

    manual, planned, automated = hours("manual"), hours("planned"), hours("automated")
    hour_cost = plan.economics.hour_cost if plan.economics else None
    monthly = mul(manual + planned, hour_cost) if hour_cost is not None else None
    return AutomationFigures(
        items=items,
        manual_hours=manual,
        planned_hours=planned,
        automated_hours=automated,
        total_hours=manual + planned + automated,
        by_hand_hours=manual + planned,
        by_hand_year_work=mul(manual + planned, 12),
        hour_cost=hour_cost,
        cost_monthly_work=monthly,
        cost_yearly_work=mul(monthly.result, 12) if monthly else None,
    )
