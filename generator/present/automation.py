"""The automation section's display values (problem 2: what is still done by hand and what it
costs), built once for the site's automation page, the PDF's automation table and `playbook report`.

Plain strings in the plan's language and locale: the site escapes them, the PDF template
autoescapes them, the terminal prints them. The status is kept as its id beside its words, so
each output may colour its badge by it (the words, never the colour alone, say the status).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.compute.arithmetic import Arithmetic
from generator.compute.figures import Figures
from generator.present.i18n import PlanLanguage, fmt_arithmetic, fmt_decimal, fmt_money, t

DASH = "—"


@dataclass(frozen=True)
class ProcessRow:
    """One process: hours a month, the tool, and its status (`manual`, `planned`, `automated`) in words."""

    process: str
    hours: str
    tool: str
    status: str  # the id, for the badge's colour
    status_label: str


@dataclass(frozen=True)
class HoursCost:
    """What the hours still spent by hand cost, a month and a year, worked out from the cost of an hour."""

    monthly: str
    monthly_work: str
    yearly: str
    yearly_work: str
    note: str  # "Hours by hand × the cost of an hour ($25): the money automation would free."


@dataclass(frozen=True)
class AutomationView:
    """Everything a reader sees of the plan's automation."""

    rows: tuple[ProcessRow, ...]
    manual: str  # hours a month by hand with no plan to automate
    planned: str  # by hand, automation planned
    automated: str
    by_hand: str  # manual + planned: still by hand this month
    year_work: str  # by_hand × 12 = hours a year
    cost: HoursCost | None  # None without economics.hour_cost


def _work(work: Arithmetic | None, lang: str) -> str:
    return fmt_arithmetic(work, lang) if work is not None else DASH


def hours_cost(figures: Figures) -> HoursCost | None:
    """The cost of the hours by hand; None when the plan gives no cost of an hour."""
    a = figures.automation
    if a is None or a.cost_monthly_work is None or a.cost_yearly_work is None:
        return None
    lang, cur = PlanLanguage(figures.language, figures.locale), figures.currency
    return HoursCost(
        monthly=fmt_money(a.cost_monthly, cur, lang),
        monthly_work=_work(a.cost_monthly_work, lang),
        yearly=fmt_money(a.cost_yearly, cur, lang),
        yearly_work=_work(a.cost_yearly_work, lang),
        note=t("money.auto.note", lang).format(hour_cost=fmt_money(a.hour_cost, cur, lang)),
    )


def automation_view(figures: Figures) -> AutomationView | None:
    """The automation section of one plan; None when the plan lists no process."""
    a = figures.automation
    if a is None or not a.items:
        return None
    lang = PlanLanguage(figures.language, figures.locale)
    return AutomationView(
        rows=tuple(
            ProcessRow(
                process=i.process,
                hours=fmt_decimal(i.hours_per_month, lang, 1) if i.hours_per_month is not None else DASH,
                tool=i.tool or DASH,
                status=i.status,
                status_label=t(f"auto.{i.status}", lang),
            )
            for i in a.items
        ),
        manual=fmt_decimal(a.manual_hours, lang, 1),
        planned=fmt_decimal(a.planned_hours, lang, 1),
        automated=fmt_decimal(a.automated_hours, lang, 1),
        by_hand=fmt_decimal(a.by_hand_hours, lang, 1),
        year_work=_work(a.by_hand_year_work, lang),
        cost=hours_cost(figures),
    )
