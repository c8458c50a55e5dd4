"""The checkpoints and the correction agenda, one view for the site, the PDF and the terminal report.

A KPI reads the same everywhere: its checkpoint's date written out (the agenda's form), the
goal, target and actual in the goal's unit, the status in words; what to do about it (`advice`)
for each status that needs a correction. The agenda's initiatives are the plan-against-fact rows
of `present.forecast`, so a CAC reads the same on the forecast page and in the agenda.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.compute.checkpoints import KpiFigure
from generator.compute.figures import Figures
from generator.present.forecast import FactRow, fact_row
from generator.present.format import fmt_quantity
from generator.present.i18n import PlanLanguage, fmt_date, t
from generator.present.summary import nothing_to_correct

ADVISED = ("behind", "not measured", "no target")  # the statuses that need a correction


@dataclass(frozen=True)
class KpiRow:
    """One KPI on its checkpoint."""

    date: str
    goal: str
    target: str
    actual: str
    direction: str  # ↑ higher / ↓ lower
    status: str  # the status id made a CSS class (`not-measured`): the badge's colour
    status_label: str
    advice: str  # what to do for a status that needs a correction, else ""


@dataclass(frozen=True)
class CheckpointRow:
    """A checkpoint: its date, passed or upcoming, its KPIs."""

    date: str
    state: str
    kpis: tuple[KpiRow, ...]


@dataclass(frozen=True)
class AgendaItem:
    """A KPI to correct and the initiatives serving its goal, worst CAC ratio first."""

    kpi: KpiRow
    initiatives: tuple[FactRow, ...]
    nothing: str  # no initiative serves the goal: said instead of an empty table, else ""


@dataclass(frozen=True)
class CheckpointsView:
    """Targets against actuals on each checkpoint, and the next meeting's agenda."""

    title: str
    checkpoints: tuple[CheckpointRow, ...]
    rows: tuple[KpiRow, ...]  # every KPI of every checkpoint, by date (the PDF's and the terminal's table)
    agenda_title: str
    agenda_intro: str
    agenda: tuple[AgendaItem, ...]
    nothing: str  # what is said when there is nothing to correct


def kpi_row(k: KpiFigure, lang: PlanLanguage, currency: str) -> KpiRow:
    """One KPI's display values."""
    return KpiRow(
        date=fmt_date(k.date, lang),
        goal=k.goal_title,
        target=fmt_quantity(k.target, k.unit, lang, currency),
        actual=fmt_quantity(k.actual, k.unit, lang, currency),
        direction=t(f"site.direction.{k.direction}", lang),
        status=k.status.replace(" ", "-"),
        status_label=t(f"kpi.{k.status}", lang),
        advice=t(f"cp.correct.{k.status}", lang) if k.status in ADVISED else "",
    )


def checkpoints_view(figures: Figures) -> CheckpointsView | None:
    """None for a plan without checkpoints."""
    if not figures.checkpoints:
        return None
    lang, cur = PlanLanguage(figures.language, figures.locale), figures.currency
    checkpoints = tuple(
        CheckpointRow(
            date=fmt_date(c.date, lang),
            state=t("cp.passed" if c.passed else "cp.upcoming", lang),
            kpis=tuple(kpi_row(k, lang, cur) for k in c.kpis),
        )
        for c in figures.checkpoints
    )
    return CheckpointsView(
        title=t("site.page.checkpoints", lang),
        checkpoints=checkpoints,
        rows=tuple(k for c in checkpoints for k in c.kpis),
        agenda_title=t("money.agenda.title", lang),
        agenda_intro=t("money.agenda.intro", lang),
        agenda=tuple(
            AgendaItem(
                kpi=kpi_row(c.kpi, lang, cur),
                initiatives=tuple(fact_row(f, figures) for f in c.initiatives),
                nothing=t("money.no_initiative", lang) if not c.initiatives else "",
            )
            for c in figures.agenda
        ),
        nothing=nothing_to_correct(figures),
    )
